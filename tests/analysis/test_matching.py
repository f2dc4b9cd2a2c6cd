# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The phrase matcher: stemming, negation scope, counter-use, set phrases."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from licentia.analysis.matching import Tier, matcher, stem
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
