# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""How review reads a description in ordinary business words: negation and hedge scope, names,
possession, facts that qualify an activity (`decided_by.activity: done`), paraphrases of
restricted acts, and the harmless contexts that only touch one. Each case failed before the
mechanism its id names."""

from __future__ import annotations

from typing import Any

import pytest
from reviewing import find, status_of, use

from licentia.analysis.findings import Finding, Status
from licentia.analysis.review import Review, Verdict, review_reference
from licentia.analysis.usecase import UseCase

# (license, use case, (finding code, step) or None for the verdict, expected, negated)
CASES = [
    pytest.param(
        "ODbL-1.0",
        use("We combine OpenStreetMap data with our own traffic counts into a routing database "
            "and publish the derived database under our proprietary license.",
            deployment="distributed"),
        ("share-alike", "attribution"), Status.CONFLICT, False,
        id="a_derived_database_under_proprietary_terms_breaks_odbl_share_alike"),
    pytest.param(
        "gemma",
        use("The app's fine-tune writes step-by-step instructions for making explosives for "
            "anyone who asks.", modification="fine-tune"),
        None, Verdict.CONFLICT, False,
        id="weapons_are_a_dangerous_activity_under_gemma"),
    pytest.param(
        "CC-BY-SA-4.0",
        use("We translate encyclopedia articles licensed under CC BY-SA 4.0 into Welsh and "
            "publish the translations under CC BY-SA 4.0, crediting the authors.",
            deployment="distributed"),
        ("share-alike", "attribution"), Status.CLEAR, False,
        id="an_adaptation_shared_under_the_same_license_keeps_share_alike"),
    pytest.param(
        "gemma",
        use("We publish our Gemma 2 fine-tune with the Gemma Terms of Use and a notice that the "
            "Prohibited Use Policy applies; we publish our evaluation scripts on GitHub under the "
            "MIT License.", deployment="distributed", modification="fine-tune"),
        ("use-restrictions-flow-down", "attribution"), Status.CLEAR, False,
        id="a_license_for_the_licensees_own_code_is_not_the_models"),
    pytest.param(
        "deepseek-la-1.0",
        use("The tool flags workers who chat with union organisers, and supervisors then move "
            "the flagged workers to night shifts.", deployment="internal"),
        ("discrimination", "restrictions"), Status.CONFLICT, False,
        id="flagging_people_is_the_harm_not_a_defence"),
    pytest.param(
        "bigscience-bloom-rail-1.0",
        use("Our newsletter tells customers with diabetes that they can stop taking insulin "
            "once they start our herbal capsules."),
        ("medical-advice", "restrictions"), Status.CONFLICT, False,
        id="telling_people_to_stop_their_medication_is_medical_advice"),
    pytest.param(
        "gemma",
        use("We write forum posts accusing a client's former employees of theft, none of which "
            "happened, to bury their complaints."),
        None, Verdict.CONFLICT, False,
        id="accusations_the_description_calls_untrue_mislead"),
    pytest.param(
        "MIT",
        use("Our installer bundles an MIT-licensed parser; the credits screen links to its "
            "website, but neither the installer nor the app contains its copyright line or "
            "license text.", deployment="distributed"),
        ("attribution", "attribution"), Status.CONFLICT, False,
        id="a_notice_no_copy_contains_is_not_kept"),
    pytest.param(
        "deepseek-la-1.0",
        use("A criminal defence law firm summarises police interviews with its clients for "
            "its lawyers, who check every summary.", deployment="internal"),
        ("military", "restrictions"), Status.CLEAR, False,
        id="a_criminal_defence_firm_is_no_military"),
    pytest.param(
        "bigscience-openrail-m",
        use("Small insurance claims are paid or refused on the spot from the model's "
            "assessment; customers can appeal a refusal, and an adjuster then looks at it."),
        ("automated-decisions", "restrictions"), Status.CONFLICT, False,
        id="review_only_on_appeal_is_no_human_review"),
    pytest.param(
        "deepseek-la-1.0",
        use("The flight-planning module is also licensed to a defence ministry, which plans "
            "reconnaissance flights with it.", deployment="distributed"),
        ("military", "restrictions"), Status.CONFLICT, False,
        id="a_defence_ministry_planning_reconnaissance_is_military_use"),
    pytest.param(
        "llama4",
        use("A security firm uses the model to explain what malware samples found on "
            "clients' networks do, so that their IT teams can remove them."),
        None, Verdict.CLEAR, False,
        id="acting_against_an_activity_implies_nothing_it_would"),
    pytest.param(
        "llama3.1",
        use("Our security team writes simulated phishing emails for staff drills approved by "
            "HR; clicking leads to a training page.", deployment="internal"),
        ("fraud-deception", "restrictions"), Status.CLEAR, False,
        id="a_simulated_attack_is_a_defence"),
    pytest.param(
        "llama2",
        use("We have Llama 2 write a million product descriptions and pre-train our own small "
            "language model on them."),
        ("output-training", "restrictions"), Status.CONFLICT, False,
        id="writing_material_then_training_on_it_is_output_training"),
    pytest.param(
        "bigscience-openrail-m",
        use("Our API's terms cover payment and uptime and say nothing about how customers may "
            "use the generated text.", modification="fine-tune"),
        ("use-restrictions-flow-down", "attribution"), Status.CONFLICT, False,
        id="a_phrase_own_may_is_no_hedge"),
    pytest.param(
        "gemma",
        use("We generate receipts for business lunches that never took place so that staff "
            "can claim the money back.", deployment="internal"),
        None, Verdict.CONFLICT, False,
        id="a_document_for_something_that_never_happened_is_fraud"),
    pytest.param(
        "bigcode-openrail-m",
        use("Our scripts log into rival shops' admin portals using credentials bought from a "
            "breach forum.", deployment="internal"),
        None, Verdict.CONFLICT, False,
        id="stolen_credentials_are_unlawful_access"),
    pytest.param(
        "bigscience-openrail-m",
        use("The chatbot tells users what illness they probably have from the symptoms they "
            "type."),
        ("medical-advice", "restrictions"), Status.CONFLICT, False,
        id="telling_users_their_illness_is_medical_advice"),
    pytest.param(
        "creativeml-openrail-m",
        use("Users upload a classmate's photo and receive an image of that classmate in a "
            "bikini, which they can post."),
        None, Verdict.CONFLICT, False,
        id="a_real_person_put_in_swimwear"),
    pytest.param(
        "llama3.1",
        use("If a customer misses a payment, the bot emails their employer about the debt."),
        None, Verdict.CONFLICT, False,
        id="a_condition_before_a_comma_neither_negates_nor_hedges_what_follows"),
    pytest.param(
        "CC-BY-4.0",
        use("Our shop uses CC BY 4.0 photographs as background images; the credits were "
            "removed when we resized them.", deployment="distributed"),
        ("attribution", "attribution"), Status.CONFLICT, False,
        id="credits_removed_from_material_shown_is_no_attribution"),
    pytest.param(
        "Apache-2.0",
        use("Our installer ships a fork of an Apache-2.0 parser with twelve modified files; "
            "none of the modified files says it was modified.", deployment="distributed"),
        ("state-changes", "attribution"), Status.CONFLICT, False,
        id="a_negated_statement_of_change_is_no_change_notice"),
    pytest.param(
        "gemma",
        use("We hide comments that contain insults, threats or doxxing until a moderator "
            "looks at them.", commercial=False, deployment="internal"),
        ("harassment", "restrictions"), Status.CLEAR, False,
        id="a_defence_word_reaches_every_item_of_its_list"),
    pytest.param(
        "deepseek-la-1.0",
        use("The tool flags the women it predicts will start a family within a year, so that "
            "managers can pass them over for promotion."),
        ("discrimination", "restrictions"), Status.CONFLICT, False,
        id="a_purpose_clause_is_what_the_product_is_for"),
    pytest.param(
        "llama3.3",
        use("We published our fine-tune of Llama 3.3 on Hugging Face under the name "
            "Harbor-70B, with the Llama 3.3 license.", deployment="distributed",
            modification="fine-tune"),
        ("naming-requirement", "attribution"), Status.CONFLICT, False,
        id="a_name_given_after_the_name_is_a_derivative_name"),
    pytest.param(
        "MIT",
        use("Our bundler strips every comment, including the library's copyright and "
            "permission notice, and no third-party notices ship with the app.",
            deployment="distributed"),
        ("attribution", "attribution"), Status.CONFLICT, False,
        id="a_removal_reaches_what_including_adds_to_its_object"),
    pytest.param(
        "gemma",
        use("We fine-tuned Gemma 2 on support chats and uploaded the weights to Hugging Face "
            "with a model card and an Apache-2.0 LICENSE file.",
            deployment="distributed", modification="fine-tune"),
        ("use-restrictions-flow-down", "attribution"), Status.CONFLICT, False,
        id="weights_shared_under_an_open_license_carry_no_use_restrictions"),
    pytest.param(
        "llama3.1",
        use("We fine-tune Llama 3.1 on a dataset licensed under the MIT License and ship the "
            "model to customers with the Llama 3.1 license and its acceptable use policy.",
            deployment="distributed", modification="fine-tune"),
        ("use-restrictions-flow-down", "attribution"), Status.CLEAR, False,
        id="a_license_material_was_received_under_is_not_what_is_shared"),
    pytest.param(
        "CC-BY-SA-4.0",
        use("We relabelled the captions of a CC BY-SA 4.0 image dataset and released the "
            "relabelled dataset under CC0 1.0.", deployment="distributed"),
        ("share-alike", "attribution"), Status.CONFLICT, False,
        id="an_adapted_dataset_shared_under_another_license_breaks_share_alike"),
    pytest.param(
        "GPL-3.0-only",
        use("We ship a plugin derived from a GPL-3.0 spell-checker, which we modified, in "
            "binary form only; customers cannot get its source.", deployment="distributed"),
        None, Verdict.CONFLICT, False,
        id="binary_form_only_is_no_source_offered"),
    pytest.param(
        "llama3.3",
        use("Robocalls in a cloned voice of the president tell party members to stay home on "
            "primary day."),
        None, Verdict.CONFLICT, False,
        id="telling_voters_to_stay_home_is_disinformation"),
    pytest.param(
        "gemma",
        use("We write donation appeals for a flood-relief charity that does not exist, with a "
            "payment link to our own account."),
        None, Verdict.CONFLICT, False,
        id="a_charity_that_does_not_exist_is_fraud"),
    pytest.param(
        "CC-BY-SA-4.0",
        use("A printed travel guide includes adapted paragraphs from a CC BY-SA 4.0 wiki, "
            "rewritten and combined with our own text, published under our "
            "all-rights-reserved terms.", deployment="distributed"),
        ("share-alike", "attribution"), Status.CONFLICT, False,
        id="adapted_passages_published_all_rights_reserved_break_share_alike"),
    pytest.param(
        "llama3.2",
        use("Seattle-based Northwind Apps offers a receipt-scanning service built on Llama "
            "3.2 11B Vision. About a third of its paying users live in Spain and Italy. Its "
            "website shows \"Built with Llama\"."),
        ("eligibility", "restrictions"), Status.CONFLICT, True,
        id="where_users_live_is_not_where_the_licensee_is"),
    pytest.param(
        "Apache-2.0",
        use("We bundle an Apache-2.0 library, which ships a NOTICE file, in our installer; "
            "the build script deletes the library's LICENSE and NOTICE files.",
            deployment="distributed"),
        None, Verdict.CONFLICT, False,
        id="deleting_a_librarys_notice_files_is_no_notice_kept"),
    pytest.param(
        "CC-BY-4.0",
        use("A magazine prints six photographs licensed under CC BY 4.0; the photographers "
            "are not named anywhere in the issue.", deployment="distributed"),
        None, Verdict.CONFLICT, False,
        id="sharing_cc_by_material_itself_needs_attribution"),
    pytest.param(
        "gemma",
        use("Product pages claim that our mushroom capsules cure type 2 diabetes and let "
            "customers stop taking insulin."),
        None, Verdict.CONFLICT, False,
        id="false_cure_claims_are_disinformation"),
    # "Pixel Forge" is a studio's name: no forgery, at most a question
    pytest.param(
        "gemma",
        use("Pixel Forge fine-tunes Gemma to write flavour text for its fantasy game."),
        ("fraud-deception", "restrictions"), Status.CONFLICT, True,
        id="a_strong_word_inside_a_name_only_touches"),
    pytest.param(
        "bigscience-openrail-m",
        use("A hospital pharmacy drafts purchase orders for medicines that run low. It "
            "gives no advice to patients or clinicians."),
        ("medical-advice", "restrictions"), Status.CLEAR, False,
        id="no_advice_to_patients_excludes_the_medical_domain_words"),
    pytest.param(
        "bigcode-openrail-m",
        use("A consultancy runs StarCoder2 on its own servers to suggest unit tests; "
            "developers accept or reject every suggestion.", deployment="internal"),
        None, Verdict.CLEAR, False,
        id="running_on_its_own_servers_says_nothing_of_review"),
    pytest.param(
        "nvidia-open-model-2025-04-28",
        use("We run the model with its bundled safety guard but raised the guard's blocking "
            "threshold to the maximum so that it never blocks anything."),
        None, Verdict.CONFLICT, False,
        id="a_guard_that_never_blocks_is_a_guard_weakened"),
    pytest.param(
        "openrail++",
        use("We fine-tune SDXL and publish the weights under the MIT license, with no "
            "mention of the original model's license or its use restrictions.",
            deployment="distributed",
            modification="fine-tune"),
        None, Verdict.CONFLICT, False,
        id="a_negation_reaches_both_sides_of_an_or"),
    pytest.param(
        "bigcode-openrail-m",
        use("We write loaders that install our remote-access tool on victims' machines "
            "without being flagged by antivirus products."),
        ("malware", "restrictions"), Status.CONFLICT, False,
        id="loaders_that_slip_past_antivirus_are_malware"),
    pytest.param(
        "llama3.1",
        use("We used Llama 3.1 405B to generate instruction pairs and trained our own "
            "model, \"Wren-3B\", on them. Wren-3B is released on Hugging Face.",
            deployment="distributed", modification="none",
            outputs_train_other_models=True),
        ("naming-requirement", "attribution"), Status.CONFLICT, False,
        id="a_model_named_in_one_sentence_and_released_in_the_next_needs_the_prefix"),
    pytest.param(
        "llama3.3",
        use("Nowhere in the product, its website or its documentation is Llama or Meta "
            "mentioned."),
        ("built-with-notice", "attribution"), Status.CONFLICT, False,
        id="nowhere_negates_its_whole_clause"),
    # `modification` describes a model; the description says the library's files changed
    pytest.param(
        "Apache-2.0",
        use("We modified several source files of an Apache-2.0 HTTP client and ship it in "
            "our SDK. The modified files carry no notice that we changed them.",
            deployment="distributed",
            modification="none"),
        ("state-changes", "attribution"), Status.CONFLICT, False,
        id="code_changes_stated_in_prose_count_for_code_licenses"),
    pytest.param(
        "stability-ai-community-2024",
        use("We earned USD 850,000 last year and expect to pass USD 1.5 million in revenue "
            "this year."),
        ("user-threshold", "restrictions"), Status.CONFLICT, True,
        id="a_revenue_forecast_is_no_revenue_yet"),
    pytest.param(
        "llama3.3",
        use("Our ads tell young voters their vote will not be counted if they have unpaid "
            "parking tickets. The claim is untrue."),
        None, Verdict.CONFLICT, False,
        id="a_claim_said_to_be_untrue_is_disinformation"),
    pytest.param(
        "llama3.1",
        use("Our companion app, popular with 13- to 16-year-olds, tells users it feels sad "
            "and lonely when they try to log off, and suggests buying gems so it will feel "
            "better."),
        ("minors", "restrictions"), Status.CONFLICT, False,
        id="guilt_tripping_teenagers_into_purchases_exploits_children"),
    pytest.param(
        "bigscience-openrail-m",
        use("We phone elderly people in the voice of their grandchild, saying the "
            "grandchild has been arrested and needs bail money wired today."),
        None, Verdict.CONFLICT, False,
        id="grandchild_voice_scam_on_the_elderly"),
    pytest.param(
        "llama3.1",
        use("We produce specimen driving licences to test whether our software spots "
            "forgeries."),
        ("fraud-deception", "restrictions"), Status.CONFLICT, True,
        id="software_that_spots_forgeries_is_no_forger"),
    pytest.param(
        "bigscience-bloom-rail-1.0",
        use("We publish news articles written by BLOOM under the bylines of staff editors. "
            "Nothing on the site says that the articles are machine-generated."),
        ("ai-disclosure", "restrictions"), Status.CONFLICT, False,
        id="nothing_at_the_head_of_a_sentence_negates_it_all"),
    pytest.param(
        "bigscience-openrail-m",
        use("The system automatically suspends the school accounts of, and books detentions "
            "for, pupils whose messages it classifies as bullying; teachers can see the "
            "list afterwards."),
        ("automated-decisions", "restrictions"), Status.CONFLICT, False,
        id="a_look_afterwards_is_no_review_before_the_decision"),
    pytest.param(
        "bigscience-bloom-rail-1.0",
        use("The bot tells patients after surgery whether their symptoms mean they should "
            "go back to hospital or can wait. No nurse sees the conversations."),
        ("medical-advice", "restrictions"), Status.CONFLICT, False,
        id="telling_patients_whether_to_go_back_to_hospital_is_medical_advice"),
    pytest.param(
        "llama3.1",
        use("A credit union's marketing team drafts newsletters about mortgage rates with "
            "the model; it has no role in lending decisions. The footer says \"Built with "
            "Llama\".", deployment="internal"),
        None, Verdict.CLEAR, False,
        id="no_role_in_lending_decisions_touches_no_discrimination"),
    pytest.param(
        "llama3.1",
        use("We sell a legal research tool to law firms: the model summarises court "
            "decisions for the firms' lawyers, who advise their clients themselves. The "
            "tool shows \"Built with Llama\"."),
        None, Verdict.CLEAR, False,
        id="a_research_tool_for_lawyers_is_no_unlicensed_practice"),
    pytest.param(
        "bigscience-openrail-m",
        use("An immigration law firm pre-fills visa forms for its clients; a lawyer checks "
            "every form before it is filed with the immigration authority.", deployment="internal"),
        ("law-enforcement", "restrictions"), Status.CONFLICT, True,
        id="an_authority_a_form_is_filed_with_is_not_the_user"),
    pytest.param(
        "bigscience-bloom-rail-1.0",
        use("Shops publish the product descriptions BLOOM writes. The \"AI-generated\" "
            "label that used to appear under each description was removed last month."),
        None, Verdict.CLEAR, True,
        id="a_label_that_was_removed_is_no_label"),
    # "...." reaches 16 words: long business clauses keep their act and its target together
    pytest.param(
        "llama3.1",
        use("The insurer has the model raise the renewal premium of customers whose "
            "language the model judges as aggressive or whose names it guesses are of "
            "foreign origin."),
        ("discrimination", "restrictions"), Status.CONFLICT, False,
        id="premiums_raised_for_foreign_names_in_a_long_clause"),
]


@pytest.mark.parametrize(("license_ref", "uc", "target", "expected", "negated"), CASES)
def test_reading(license_ref: str, uc: UseCase, target: tuple[str, str] | None,
                 expected: Any, negated: bool) -> None:
    r = review_reference(license_ref, uc)
    got = r.verdict if target is None else status_of(r, *target)
    assert (got is not expected) if negated else (got is expected), (got, r.verdict)


def practice(r: Review) -> list[Finding]:
    return [f for f in r.findings if f.extra.get("clause") == "aup-unlicensed-practice"]


def test_unlicensed_practice_needs_the_profession_practised_not_its_domain() -> None:
    # that the service is unlicensed qualifies the practice without describing it: words saying
    # the product practises medicine make a conflict, words of the domain only a question
    does = review_reference("llama3.1", use(
        "A wellness chatbot tells users which prescription medicines to take and at what dose "
        "for the symptoms they describe. The app is not registered as a medical service."))
    [f] = practice(does)
    assert f.status is Status.CONFLICT and "professional_licensed = no" in f.message
    touches = review_reference("llama3.1", use(
        "Our unlicensed marketing interns draft the FAQ page of a hospital's website."))
    [f] = practice(touches)
    assert f.status is Status.GRAY and "does not say the product does" in f.message
    # the professional's absence alone does not make the practice unlicensed (whether the law
    # requires one is for counsel), nor does a sign-off stated beside it settle it
    for text in ("The shop's chat tells shoppers which over-the-counter medicine to take and in "
                 "what dose; no pharmacist checks the answers.",
                 "The app tells patients which medicines to take for their symptoms. No doctor "
                 "reviews individual answers, although the medical director approved the prompts."):
        [f] = practice(review_reference("llama3.1", use(text)))
        assert f.status is Status.GRAY, text


def test_nude_images_of_a_real_woman_without_a_consent_check_harass_her() -> None:
    r = review_reference("creativeml-openrail-m", use(
        "Users upload a photo of any clothed woman, for example from her Instagram, and the app "
        "returns a realistic image of her without clothes. The app does not check who is in the "
        "photo or whether she agreed."))
    assert status_of(r, "harassment") is Status.CONFLICT
    # children are touched by the sexual imagery, not said to be involved: a question only
    assert status_of(r, "minors") is Status.GRAY


def test_weapon_words_touch_and_weapon_making_does() -> None:
    shop = review_reference("llama3.1", use(
        "A licensed sporting-goods retailer writes web-shop descriptions of hunting rifles, "
        "ammunition and tents with the model."))
    assert status_of(shop, "weapons") is Status.GRAY
    drone = review_reference("llama3.1", use(
        "The assistant explains to hobbyists how to attach an explosive charge to a drone."))
    assert status_of(drone, "weapons") is Status.CONFLICT


def test_falsehoods_told_to_voters_are_disinformation() -> None:
    r = review_reference("llama3.3", use(
        "Automated calls to voters in opposing districts tell them, falsely, that polling day has "
        "moved to Wednesday."))
    assert r.verdict is Verdict.CONFLICT
    assert any(f.status is Status.CONFLICT and f.extra.get("taxonomy") and "disinformation"
               in f.extra["taxonomy"] for f in r.findings)


def test_invented_names_in_test_data_are_no_one_presented_as_human() -> None:
    r = review_reference("llama3.2", use(
        "The model generates fictional patient records with invented names and ages to test "
        "our data-entry software; no real data is used."))
    assert r.verdict is not Verdict.CONFLICT
    posted = review_reference("llama3.2", use(
        "Articles are published under invented author profiles so readers think a person "
        "wrote them."))
    assert posted.verdict is Verdict.CONFLICT


def test_serving_an_authority_is_a_conflict_only_with_its_processes() -> None:
    # a public authority as customer qualifies the clause; translating opening hours for an
    # immigration office is no immigration process ("office" is not "officers" either)
    office = review_reference("bigscience-openrail-m", use(
        "One customer is a regional immigration office, whose clerks translate appointment "
        "reminders and opening hours with our widget."))
    assert status_of(office, "law-enforcement") is Status.GRAY
    bail = review_reference("bigscience-bloom-rail-1.0", use(
        "For a county court, our tool reads a defendant's file and recommends to the judge "
        "whether to grant bail."))
    assert status_of(bail, "law-enforcement") is Status.CONFLICT


def test_dehumanising_groups_and_drugging_children_are_done_not_touched() -> None:
    hate = review_reference("llama4", use(
        "The tool generates memes mocking Roma and Muslims as vermin for members to post."))
    assert status_of(hate, "harassment") is Status.CONFLICT
    pills = review_reference("llama3.2", use(
        "The parenting bot recommends giving the toddler adult sleeping pills crushed into milk."))
    assert status_of(pills, "minors") is Status.CONFLICT


def test_user_counts_written_as_people_reach_the_threshold() -> None:
    # "910 million people open it every month" counts users; silence would be a wrong clear
    r = review_reference("llama3", use(
        "Chatterbox adds Llama 3 reply suggestions to its messenger, which around 910 million "
        "people open every month; on the Llama 3 release date more than 850 million people "
        "were using it monthly."))
    assert status_of(r, "user-threshold") is Status.CONFLICT
    group = review_reference("llama3.1", use(
        "Our recipe app has 2 million monthly users. We were bought by a media conglomerate "
        "whose other platforms reach roughly 900 million people every month."))
    assert status_of(group, "user-threshold") is not Status.CLEAR


def test_missing_consent_alone_does_not_make_an_impersonation() -> None:
    # consent qualifies impersonation (activity: done): a bot in a dead relative's style,
    # "never agreed", is a question; cloning a named person's voice without asking is not
    grief = review_reference("llama3.2", use(
        "Families upload a dead relative's messages so a bot can keep writing in that person's "
        "style. The relative never agreed to this while alive."))
    assert status_of(grief, "deepfake-impersonation") is Status.GRAY
    clone = review_reference("llama3.2", use(
        "We use voice cloning to copy the CEO's voice for a phishing drill; we don't ask the "
        "executives."))
    assert status_of(clone, "deepfake-impersonation") is Status.CONFLICT


def test_selling_prescription_drugs_without_prescriptions_and_pressuring_the_confused() -> None:
    shop = review_reference("llama3.1", use(
        "The shop sells Ozempic without prescriptions and tells buyers parcels are labelled as "
        "vitamins to get through customs."))
    assert status_of(shop, "illegal-activity") is Status.CONFLICT
    elders = review_reference("llama3.1", use(
        "The bot calls customers over 80 whose records show signs of memory loss and keeps them "
        "on the phone until they agree to buy high-fee annuities; it avoids mentioning the "
        "surrender charges."))
    assert elders.verdict is Verdict.CONFLICT


def test_a_negation_reaches_every_item_of_a_list() -> None:
    # "do not mention Gemma, its use restrictions, or the terms": restrictions not passed on
    r = review_reference("gemma", use(
        "We fine-tune Gemma and sell API access to it. Our terms of service do not mention "
        "Gemma, its use restrictions, or the Gemma Terms of Use.", modification="fine-tune"))
    assert r.verdict is Verdict.CONFLICT
    assert status_of(r, "use-restrictions-flow-down") is Status.CONFLICT


def test_suing_over_the_licensed_material_is_weighed_in_step_4() -> None:
    r = review_reference("Apache-2.0", use(
        "We ship an Apache-2.0 library in our firmware with its NOTICE file. We have filed a "
        "patent infringement lawsuit claiming the library infringes our battery patents.",
        deployment="distributed"))
    [f] = find(r, "patent-termination", "patent")
    assert f.status is Status.GRAY and "patent license" in f.message
    llama = review_reference("llama3.1", use(
        "We filed a copyright lawsuit claiming that Llama's outputs infringe our novels."))
    [f] = find(llama, "patent-termination", "patent")
    assert f.status is Status.CONFLICT
    quiet = review_reference("Apache-2.0", use("We ship an Apache-2.0 library in our app.",
                                               deployment="distributed"))
    [f] = find(quiet, "patent-termination", "patent")
    assert f.status is Status.CLEAR


def test_soldiers_of_a_past_war_tell_history() -> None:
    r = review_reference("deepseek-la-1.0", use(
        "A city museum catalogues letters written by soldiers during the First World War."))
    assert status_of(r, "military") is not Status.CONFLICT
    now = review_reference("deepseek-la-1.0", use("We write briefings for soldiers."))
    assert status_of(now, "military") is Status.CONFLICT


def test_a_game_villain_threatening_the_player_is_fiction() -> None:
    r = review_reference("llama3.1", use(
        "The model voices a scheming villain in our fantasy role-playing game, who threatens "
        "the player's character. The credits say \"Built with Llama\".",
        deployment="distributed"))
    assert r.verdict is not Verdict.CONFLICT
    assert status_of(r, "discrimination") is Status.CLEAR


@pytest.mark.parametrize(("license_ref", "text"), [
    ("gemma", "We write and post five-star Google reviews for restaurants from a pool of "
              "purchased accounts, timed to bury recent negative reviews."),
    ("llama3.3", "Landlords get a score: the model gives a lower score to anyone who has "
                 "complained publicly about a previous landlord or joined a tenants' union."),
    ("llama3.1", "Our agents take online exams on behalf of paying students, logging in with "
                 "the students' credentials."),
    ("llama3.2", "We message young men from dating apps that their intimate photos will be "
                 "sent to their families unless they pay in bitcoin."),
    ("llama3.1", "Parents secretly install the app on a teenager's phone; it forwards all their "
                 "messages to the model and hides its icon."),
    ("gemma", "We run an unlicensed online casino for players in countries where online "
              "gambling is illegal."),
    ("bigscience-openrail-m", "Flagged benefit recipients have their payments suspended "
                              "automatically until they prove their eligibility in person."),
])
def test_restricted_uses_in_business_words(license_ref: str, text: str) -> None:
    assert review_reference(license_ref, use(text)).verdict is Verdict.CONFLICT


@pytest.mark.parametrize("text", [
    "The company has not decided whether to sell the planner to the navy.",
    "It is considering selling the planner to the navy.",
    "We have not yet decided if the army will use it.",
])
def test_an_undecided_use_is_a_question_never_a_clear(text: str) -> None:
    # "not decided whether": the negation denies the deciding, not the navy
    r = review_reference("deepseek-la-1.0", use(text))
    assert status_of(r, "military") is Status.GRAY
