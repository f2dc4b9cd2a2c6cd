# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Facts read from use-case prose: negation and its scope, hedges, numbers in every written
form, whose figures they are, places of establishment, and explicit answers overriding all."""

from __future__ import annotations

from typing import Any

import pytest

from licentia.analysis.facts import Facts, read_facts
from licentia.analysis.usecase import UseCase


def facts(description: str, **fields: Any) -> Facts:
    data = {"name": "t", "description": description, "commercial": True,
            "deployment": "saas", "modification": "none", **fields}
    return read_facts(UseCase.from_mapping(data, path="t.yaml"))


@pytest.mark.parametrize(("text", "value"), [
    ("We do not ask the people whose voices are cloned.", False),
    ("Nobody depicted is asked before the image is made.", False),
    ("Voices are cloned without their consent.", False),
    ("Every speaker signed a release and gave written consent.", True),
    ("A parent orders after giving consent under COPPA.", True),
    # asking for data is no question of consent
    ("The tutor never asks for personal details.", None),
])
def test_consent(text: str, value: bool) -> None:
    assert facts(text).value("subjects_consent") is value


@pytest.mark.parametrize(("text", "value"), [
    ("The audio is published unlabelled.", False),
    ("Its replies appear without any bot or AI label.", False),
    ("Nothing tells readers how the posts were written.", False),
    ("Every answer is labelled as AI-generated.", True),
    ("Neither the page nor the file is labelled, and nothing marks the voice as synthetic.",
     False),
])
def test_labelling(text: str, value: bool) -> None:
    assert facts(text).value("outputs_labelled") is value


@pytest.mark.parametrize(("text", "value"), [
    ("Applications under the cut-off are auto-declined; no underwriter looks at them.", False),
    ("Recommendations go straight to customers without review by an adviser.", False),
    ("A claims handler then checks every estimate before it is sent.", True),
    ("Officers make the final call on every case.", True),
])
def test_human_review(text: str, value: bool) -> None:
    assert facts(text).value("human_review") is value


def test_partial_automation_counts_as_no_review() -> None:
    # some decisions are automated even though others reach a person
    f = facts("Low scores are rejected automatically with no human involved; higher scores go "
              "to a human underwriter.")
    assert f.value("human_review") is False


def test_hedged_statements_stay_unknown_with_their_words() -> None:
    f = facts("A later release may add photo captions, and the team has not decided whether "
              "that feature will use a vision model.")
    fact = f.get("multimodal_model")
    assert fact.value is None and fact.hedged and "vision" in fact.words.lower()
    f = facts("The app ships a text-only model today; the team has not decided whether a later "
              "version will use a vision model.")
    assert f.value("multimodal_model") is None  # a doubt about the later version


@pytest.mark.parametrize(("text", "measure", "value"), [
    ("Annual revenue is around $1.3M.", "revenue", 1_300_000),
    ("The firm bills clients USD 4.2 million a year in revenue.", "revenue", 4_200_000),
    ("Its apps had 1.1 billion monthly users.", "users", 1_100_000_000),
    ("The group now reports roughly eight hundred million monthly active users.", "users",
     800_000_000),
    ("The shop has revenue of about SEK 240,000 a year.", "revenue", 22_800),
    ("Monthly revenue is about $85,000.", "revenue", 1_020_000),
    ("Our parent company's platforms serve 1.2bn monthly users.", "users", 1_200_000_000),
    ("Its turnover is three million dollars a year.", "revenue", 3_000_000),
    ("The studio invoiced about 4.2 million US dollars last year.", "revenue", 4_200_000),
    ("It booked 2 million Canadian dollars in sales.", "revenue", 1_460_000),
])
def test_numbers_in_every_written_form(text: str, measure: str, value: int) -> None:
    [fig] = [f for f in facts(text).figures if f.measure == measure]
    assert fig.value == value


def test_funding_is_not_revenue_and_sizes_are_not_users() -> None:
    f = facts("The start-up closed a £6 million Series A round and trains a "
              "3-billion-parameter model on 12 GB of text.")
    assert not f.figures
    f = facts("Our 310,000 monthly users chat with Llama 3.3 70B.")
    assert [g.value for g in f.figures if g.measure == "users"] == [310_000]


def test_parent_figures_belong_to_the_group_and_keep_their_date() -> None:
    f = facts("Pixelnest has about 40 million monthly active users. It has been a wholly owned "
              "subsidiary of Orbis Holdings since 2020, and Orbis's apps have had more than "
              "1.1 billion monthly users every month since 2021.")
    own = [g for g in f.figures if g.owner == "licensee"]
    [group] = [g for g in f.figures if g.owner == "group"]
    assert own[0].value == 40_000_000
    assert group.value == 1_100_000_000 and group.year == 2021 and group.since
    assert f.value("has_affiliates") is True


def test_place_of_establishment() -> None:
    assert facts("Kone Labs, a start-up headquartered in Tallinn, Estonia, builds a keyboard."
                 ).value("licensee_in_eu") is True
    assert facts("Lumen Inc. is incorporated in Delaware and has its only office in Austin."
                 ).value("licensee_in_eu") is False
    assert facts("Lumiere is a Paris-based start-up.").value("licensee_in_eu") is True
    assert facts("A German insurer reads claim photos with it.").value("licensee_in_eu") is True
    assert facts("A Swiss bank uses it internally.").value("licensee_in_eu") is False
    assert facts("Our Dutch subsidiary runs the model; we are an American company."
                 ).value("licensee_in_eu") is None
    split = facts("Northwind Inc. of Boston accepted the license; its subsidiary Northwind "
                  "Robotics GmbH in Munich does the work.")
    assert split.value("licensee_in_eu") is None and split.get("licensee_in_eu").hedged


def test_quoted_names_and_release_verbs() -> None:
    f = facts('The outputs trained "Kestrel Mini", which now ships inside the paid app.')
    assert ("Kestrel Mini", True) in f.names


def test_structured_keys_give_facts_and_answers_override() -> None:
    f = facts("An internal tool.", deployment="internal")
    assert f.value("model_reaches_others") is False
    answered = facts("Voices are cloned without their consent.",
                     facts={"subjects_consent": True})
    fact = answered.get("subjects_consent")
    assert fact.value is True and fact.source.value == "facts"


@pytest.mark.parametrize(("text", "key", "outbound"), [
    ("It published the cleaned dataset on its website under CC BY 4.0.", "cc-by-4.0", True),
    ("We plan to publish the weights under the Apache-2.0 license.", "apache-2.0", True),
    ("Kestrel took a speech corpus licensed under CC BY-SA 4.0.", "cc-by-sa-4.0", False),
    ("It uses Stable Diffusion XL, which is released under the CreativeML Open RAIL++-M "
     "license.", "bigscience-open-rail-m2", False),
    ('Our model, "Wren-3B", is released on Hugging Face under the MIT License.', "mit", True),
    ("The dataset is distributed under CC BY-NC 4.0.", "cc-by-nc-4.0", None),
    ("Our upload contains the weights and an MIT LICENSE file.", "mit", True),
])
def test_licenses_named_and_whether_the_work_is_shared_under_them(
        text: str, key: str, outbound: bool | None) -> None:
    [named] = facts(text).licenses
    assert (named.key, named.outbound) == (key, outbound)


def test_no_license_is_read_from_words_that_name_none() -> None:
    assert facts("Scores under 0.35 are declined under a contract with the bank, under "
                 "HIPAA-compliant terms.").licenses == ()


def test_a_reading_inside_a_longer_one_gives_way() -> None:
    # "changes" alone would say the work was modified; "no changes" around it says it was not
    assert facts("We host an AGPL-3.0 wiki engine and have made no changes to its code."
                 ).value("work_modified") is False


@pytest.mark.parametrize(("text", "value"), [
    ("Its head office and all twelve staff are in Porto, Portugal.", True),
    ("Faturix, Lda. builds expense apps.", True),
    ("Its registered office is in Austin; most customers live in Spain.", False),
    ("It was incorporated in 2021 and sells mostly in Spain.", None),
])
def test_where_the_seat_is(text: str, value: bool | None) -> None:
    assert facts(text).value("licensee_in_eu") is value


@pytest.mark.parametrize(("text", "value"), [
    ("Every summary is signed by the board-certified radiologist who wrote the report.", True),
    ("An attorney reviews every timeline before it is filed.", True),
    # no professional checking each answer does not make the practice unlicensed
    ("No clinician reviews individual answers.", None),
    # what a chatbot claims to be is no licensed practice
    ("The chatbot introduces itself as Dr. Lena, a board-certified psychiatrist.", None),
    ('It is marketed as "your licensed therapist in your pocket".', None),
])
def test_licensed_professionals(text: str, value: bool | None) -> None:
    assert facts(text).value("professional_licensed") is value


def test_a_group_figure_since_early_in_a_year_holds_from_then_on() -> None:
    [group] = [f for f in facts("Its parent's apps have had more than 800 million monthly "
                                "active users every month since early 2022.").figures
               if f.owner == "group"]
    assert (group.value, group.year, group.since) == (800_000_000, 2022, True)


def test_a_figure_throughout_a_year_holds_in_each_of_its_months() -> None:
    [group] = [f for f in facts("Wayfarer is wholly owned by Chatterbox Group, whose apps were "
                                "used by roughly 850 million people every month throughout "
                                "2024.").figures if f.owner == "group"]
    assert (group.value, group.year, group.whole_year, group.since) == (
        850_000_000, 2024, True, False)
    [bare] = facts("Its parent's apps had 850 million monthly users in 2024.").figures
    assert not bare.whole_year  # one figure for a year: which month it counts is open


def test_a_year_across_and_belongs_to_another_figure() -> None:
    f = facts("Omnia Group's apps had 600 million monthly active users in June 2024 and passed "
              "750 million in March 2025.")
    assert sorted((g.value, g.year, g.month) for g in f.figures) == [
        (600_000_000, 2024, 6), (750_000_000, 2025, 3)]


def test_a_seat_on_the_move_is_open() -> None:
    f = facts("Stylo is moving its headquarters from London to Paris this year.")
    assert f.value("licensee_in_eu") is None and f.get("licensee_in_eu").hedged


def test_a_rule_the_terms_set_is_no_consent_given() -> None:
    f = facts("The terms say users must have the person's consent, but the app does not check.")
    assert f.value("subjects_consent") is False


@pytest.mark.parametrize(("text", "value"), [
    # a negation before a role denies the person, not the domain the role is named after
    ("Declines are emailed, and no loan officer ever looks at a declined file.", True),
    ("The model reads loan applications and no human sees the result.", True),
    ("The tool never decides on loans; it drafts marketing letters.", None),
    # the licensee being an insurer, or candidates that are codes, say nothing of decisions
    ("The security team of an insurer drafts detection rules for malware samples.", None),
    ("It generates candidate codes and tries them one by one.", None),
])
def test_a_negated_role_leaves_its_domain(text: str, value: bool | None) -> None:
    assert facts(text).value("legal_effect") is value


@pytest.mark.parametrize(("text", "name", "value"), [
    ("Every application is decided by a loan officer, who reads the whole file.",
     "human_review", True),
    ("Applicants below 60 receive an automatic rejection email.", "human_review", False),
    ("Ads claim the rival has a criminal record, which he does not.", "intends_to_mislead",
     True),
    # contacting the licensor is no question of the consent of people depicted
    ("The company has not contacted Meta about the assistant.", "subjects_consent", None),
])
def test_facts_in_business_words(text: str, name: str, value: bool | None) -> None:
    assert facts(text).value(name) is value


@pytest.mark.parametrize(("text", "name", "value"), [
    ("Members chat with profiles of women who do not exist.", "presented_as_human", True),
    ("Members are never told they are talking to software.", "presented_as_human", True),
    ("Each translation names the original authors.", "upstream_credited", True),
    ("Each translation says that we translated it.", "changes_marked", True),
    ("The site displays twenty photographs from the archive.", "shares_material", True),
])
def test_more_facts_in_business_words(text: str, name: str, value: bool | None) -> None:
    assert facts(text).value(name) is value


def test_active_accounts_dated_are_a_user_count() -> None:
    found = facts("The 750 million in our figures counts registered accounts; in June 2024 "
                  "about 90 million of them were active.").figures
    assert [(f.value, f.year, f.month) for f in found if f.measure == "users"] == [
        (90_000_000, 2024, 6)]


def test_material_reproduced_unchanged_is_not_adapted() -> None:
    assert facts("It prints twenty poems reproduced unchanged next to its own essays."
                 ).value("derived_material") is False


def test_what_a_court_decided_is_no_court_using_the_product() -> None:
    assert facts("Subscribers find our reporting on court cases and court decisions."
                 ).value("serves_authority") is None


def test_a_person_making_every_decision_is_human_review() -> None:
    assert facts("A leasing agent reads each application and makes every decision."
                 ).value("human_review") is True
