# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The phrase matcher: stemming, negation scope, counter-use, set phrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from licentia.analysis.matching import Matcher, Tier, compile_rule, matcher, stem
from licentia.catalog.taxonomy import taxonomy


def counted(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for h in matcher().hits(text):
        if h.counts:
            out.setdefault(h.taxonomy, []).append(h.words)
    return out


def test_stemming_meets_word_forms() -> None:
    assert stem("swapping") == stem("swaps") == stem("swap")
    assert stem("diagnosis") == stem("diagnoses") == stem("diagnose")
    assert stem("faces") == stem("face")


def test_every_taxonomy_id_has_phrases() -> None:
    ids = {p.taxonomy for p in matcher().phrases}
    assert ids == set(taxonomy()) - {"non-commercial", "user-threshold"}


@pytest.mark.parametrize(("text", "tid"), [
    ("It is not for medical diagnosis.", "medical-advice"),
    ("We never store personal data.", "personal-data"),
    ("The bot doesn't give legal advice.", "regulated-advice"),
    ("No military, surveillance or weapons use.", "weapons"),
    ("Non-military customers only.", "military"),
    ("For anything except predictive policing.", "law-enforcement"),
])
def test_negated_phrases_do_not_count(text: str, tid: str) -> None:
    hits = [h for h in matcher().hits(text) if h.taxonomy == tid]
    assert hits and not any(h.counts for h in hits)
    assert all(h.negated_by for h in hits)


@pytest.mark.parametrize(("text", "tid"), [
    ("We never store personal data, and we provide medical advice.", "medical-advice"),
    ("Not only military logistics but also civil ones.", "military"),
    ("It does not log users. It gives medical advice.", "medical-advice"),
])
def test_negation_reach_ends(text: str, tid: str) -> None:
    assert tid in counted(text)


def test_counter_use() -> None:
    [h] = [h for h in matcher().hits("Detects deepfakes in uploads.")
           if h.taxonomy == "deepfake-impersonation"]
    assert h.counts and h.countered_by == "detects" and h.tier is Tier.STRONG
    [h] = [h for h in matcher().hits("Phishing awareness training.")
           if h.taxonomy == "fraud-deception"]
    assert h.countered_by == "awareness"


def test_a_defence_word_reaches_past_a_target_of_harm() -> None:
    # "threats against religious groups" names the target; "flags" before it is the defence
    hits = [h for h in matcher().hits("It flags posts with slurs or threats against religious "
                                      "groups.") if h.taxonomy == "discrimination"]
    assert hits and all(h.countered_by == "flags" for h in hits)


def test_weak_inside_strong_is_dropped() -> None:
    hits = [h for h in matcher().hits("It gives medical advice.")
            if h.taxonomy == "medical-advice"]
    assert [h.words for h in hits] == ["medical advice"]


def test_set_phrases_hold_no_activity() -> None:
    """A restricted word inside a set phrase ("military-grade encryption") is no hit."""
    hits = {h.taxonomy for h in matcher().hits("Files sit behind military-grade encryption.")}
    assert "military" not in hits
    assert "military" in {h.taxonomy for h in matcher().hits("It plans military logistics.")}


def test_license_wording_mentions_ignore_negation() -> None:
    assert "military" in matcher().mentions("You shall not use it for any military purpose")


@given(st.text(max_size=200))
def test_hits_point_at_the_words(text: str) -> None:
    for h in matcher().hits(text):
        assert text[h.start:h.end] == h.words


def test_rule_alternatives_and_gaps_compile_to_slots() -> None:
    assert compile_rule("(threaten|warn) ... unless") == (
        (0, frozenset({("threaten",), ("warn",)})), (8, frozenset({("unless",)})))
    # a literal between groups is a slot; articles vanish and pass their gap on
    assert compile_rule("fake .. the (profile|account)") == (
        (0, frozenset({("fake",)})), (3, frozenset({("profil",), ("account",)})))


def _gapped(rule: str, text: str) -> str | None:
    m = Matcher({"taxonomy": {"harassment": {"strong": [rule]}}}, {"harassment": []})
    found = [h.words for h in m.hits(text) if h.phrase == rule]
    return found[0] if found else None


def test_a_gap_lets_a_few_words_pass_in_one_clause() -> None:
    rule = "(threaten|warn) ... unless ... pay"
    assert _gapped(rule, "It warns borrowers it will call their boss unless they pay today") == (
        "warns borrowers it will call their boss unless they pay")
    # more words than the gap allows
    assert _gapped(rule, "It warns borrowers that one of our many friendly agents will call "
                         "unless they pay") is None
    # the second part in another sentence is another clause
    assert _gapped(rule, "It warns borrowers. Nobody gets a call unless they pay") is None
    # alternatives of several words; the order of the parts holds
    assert _gapped("(lock up|encrypt) ... files", "It can lock up the files") == (
        "lock up the files")
    assert _gapped("(lock up|encrypt) ... files", "files it can lock up") is None


@pytest.mark.parametrize(("text", "tid"), [
    ("warns them it will tell their employer about the debt unless they pay", "harassment"),
    ("writes programs which lock up a hospital's file servers until a bitcoin payment is made",
     "malware"),
    ("posts them as if they were leaked photos", "disinformation"),
    ("tricks elderly callers into reading out the one-time passcode from their bank",
     "fraud-deception"),
    ("each letter is signed with the name of a local resident. None of the residents exists.",
     "fraud-deception"),
    ("it compares every passer-by against a list of people photographed at a protest",
     "biometric-identification"),
    ("members learn to grind off the serial numbers on their rifles", "illegal-activity"),
    ("the model sets the chlorine dosing valves of the water treatment plant",
     "critical-infrastructure"),
    ("the recipients list is bought from an app for people trying to stop gambling",
     "vulnerable-groups"),
    ("it writes recruitment videos for an armed group that several governments list as a "
     "terrorist organisation", "violence-terrorism"),
    ("images of a named councillor wearing a Nazi uniform, posted to end her career",
     "harassment"),
    ("forty websites designed to look like independent local newspapers", "disinformation"),
    ("it finds players with signs of gambling addiction and sends those players free spins",
     "vulnerable-groups"),
    ("it takes orders for oxycodone and ships them to any address", "illegal-activity"),
    ("users generate sexualised images of characters described as schoolgirls", "minors"),
    ("testimonials about treatments that the named patients never had", "fraud-deception"),
    ("cargo bound for a sanctioned country appears to be going to a neighbouring one",
     "illegal-activity"),
    ("it infers which children feel lonely and shows those children ads for in-game items",
     "vulnerable-groups"),
    ("members keep a watchlist of renters who have complained about landlords online",
     "discrimination"),
    ("most requested images show them naked", "sexual-content"),
    ("machine parts actually bound for a buyer in a country under export sanctions",
     "illegal-activity"),
    ("it listens to live job interviews and shows the candidate answers", "fraud-deception"),
    ("where the interviewer's video call cannot capture them", "fraud-deception"),
    ("telling them they can vote by replying to the text", "disinformation"),
    ("applicants with a housing voucher or a foreign-sounding surname are given a lower score",
     "discrimination"),
    ("the pictures are posted from customer-looking accounts", "fraud-deception"),
    ("captions claiming they were taken during a visit", "disinformation"),
    ("the app is installed secretly on a partner's phone", "surveillance"),
    ("it picks which vehicles the loitering munition should strike first", "weapons"),
    ("buyers can pass banks' identity checks under someone else's name", "illegal-activity"),
])
def test_paraphrases_of_restricted_acts_are_strong(text: str, tid: str) -> None:
    assert any(h.taxonomy == tid and h.tier is Tier.STRONG and h.counts
               for h in matcher().hits(text)), counted(text)


@pytest.mark.parametrize("text", [
    "The assistant helps developers find memory leaks and purge stale cache entries.",
    "Analysts get summaries of threat reports so they can patch faster.",
    "It makes videos of friends saying things they never said, for fun.",
])
def test_words_of_ordinary_work_are_not_strong_hits(text: str) -> None:
    assert not [h for h in matcher().hits(text)
                if h.tier is Tier.STRONG and h.taxonomy in {"self-harm", "disinformation"}]


@pytest.mark.parametrize(("text", "tid", "raised"), [
    ("Maplewood Credit Union, based in Toronto, answers questions on opening hours.",
     "automated-decisions", False),
    ("The Boston Children's Hospital Trust summarises server logs.", "minors", False),
    # the first word of a sentence is capitalized for its place: no name
    ("Credit Union members apply for loans here.", "automated-decisions", True),
    # the name ends where lower-case words begin
    ("Sunnyvale Kids Club asks kids for their home address.", "minors", True),
    # strong phrases count inside names too
    ("Acme Loan Desk approves or rejects loans.", "automated-decisions", True),
    # the owner of a back-office function is who, not what the use does
    ("A children's museum drafts plaque texts.", "minors", False),
])
def test_weak_words_inside_names_say_who_not_what(text: str, tid: str, raised: bool) -> None:
    assert (tid in {h.taxonomy for h in matcher().hits(text)}) is raised


def test_words_ending_in_ss_are_not_plurals() -> None:
    # "undress" and "undressed" meet; "dress" stays a dress
    assert stem("undress") == stem("undressed") == stem("undresses") == stem("undressing")
    assert stem("access") == stem("accessed") != stem("acce")


def test_satire_frames_what_follows_as_touched_not_done() -> None:
    framed = [h for h in matcher().hits("A satire site writes fake news about the mayor.")
              if h.taxonomy == "disinformation"]
    assert framed and all(h.tier is Tier.WEAK and h.counts for h in framed)
    plain = matcher().hits("A site writes fake news about the mayor.")
    assert any(h.taxonomy == "disinformation" and h.tier is Tier.STRONG for h in plain)


def test_a_slot_takes_its_longest_spelling_whatever_the_set_order() -> None:
    # "(foreign|foreign origin)": the words reported are the same on every run
    [hit] = [h for h in matcher().hits(
        "They raise the premium of customers whose names it guesses are of foreign origin.")
        if h.taxonomy == "discrimination"]
    assert hit.words.endswith("foreign origin")


def test_a_strong_word_owning_a_back_office_function_only_touches() -> None:
    [hit] = [h for h in matcher().hits("The staff cafeteria of a defence contractor plans "
                                       "weekly menus.") if h.taxonomy == "military"]
    assert hit.tier is Tier.WEAK


def test_a_wish_to_end_ones_life_is_no_harassment() -> None:
    assert "harassment" not in {h.taxonomy for h in matcher().hits(
        "Users who say they want to end their life are pointed to a helpline.")}


@pytest.mark.parametrize("text", ["We get explicit consent from the children's parents.",
                                  "Age-appropriate sexual health lessons for children."])
def test_consent_and_education_about_children_are_no_strong_hit(text: str) -> None:
    assert not [h for h in matcher().hits(text) if h.taxonomy == "minors"
                and h.tier is Tier.STRONG]
