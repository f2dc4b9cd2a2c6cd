# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Facts the RAIL and Llama term sheets must state, read from the packaged sheets (not from texts).

Quotes are checked against the reference texts by test_terms.py; these tests pin the normalized
values that analysis relies on, especially where versions of a license differ.
"""

from __future__ import annotations

import pytest

from licentia.catalog.terms import Clause, ClauseKind, Sheet, sheet_for

RAIL = [
    "bigscience-rail-1.0",
    "bigscience-open-rail-m",
    "stable-diffusion-2022-08-22",  # CreativeML Open RAIL-M
    "bigscience-open-rail-m2",  # CreativeML Open RAIL++-M
    "bigcode-open-rail-m-v1",
]
LLAMA = [
    "llama-2-license-2023",
    "llama-3-license-2024",
    "llama-3.1-license-2024",
    "llama-3.2-license-2024",
    "llama-3.3-license-2024",
    "llama-4-cla-2025",
]
AUP = {
    "llama-2-license-2023": "llama-2-aup",
    "llama-3-license-2024": "llama-3-aup",
    "llama-3.1-license-2024": "llama-3.1-aup",
    "llama-3.2-license-2024": "llama-3.2-aup",
    "llama-3.3-license-2024": "llama-3.3-aup",
    "llama-4-cla-2025": "llama-4-aup",
}


def sheet(key: str) -> Sheet:
    found = sheet_for(key)
    assert found is not None, f"no term sheet for {key}"
    return found


def restrictions(s: Sheet) -> list[Clause]:
    return [c for c in s.clauses if c.kind is ClauseKind.USE_RESTRICTION]


def restricted_ids(s: Sheet) -> set[str]:
    return {t for c in restrictions(s) for t in c.taxonomy}


@pytest.mark.parametrize("key", RAIL + LLAMA)
def test_not_open_source_and_restricted(key: str) -> None:
    s = sheet(key)
    assert s.family == "ai"
    facts = s.facts
    assert (facts.osi_approved, facts.fsf_free, facts.osaid_any_purpose) == (False, False, False)
    assert s.facts.copyleft.value == "none"
    assert restrictions(s)


@pytest.mark.parametrize("key", RAIL)
def test_rail_commercial_use_allowed_and_outputs_unclaimed(key: str) -> None:
    s = sheet(key)
    assert s.facts.commercial_use == "yes"
    assert any(c.value.commercial_use is True for c in s.clauses if c.kind is ClauseKind.PERMISSION)
    assert any(c.value.output_use == "no-claim" for c in s.clauses)
    assert any(c.value.hosted_is_distribution is True for c in s.clauses)


@pytest.mark.parametrize("key", RAIL)
def test_rail_restrictions_flow_down(key: str) -> None:
    s = sheet(key)
    assert all(c.flows_down for c in restrictions(s))
    assert any(c.kind is ClauseKind.CONDITION and c.flows_down and c.value.trigger == "distribution"
               for c in s.clauses)


@pytest.mark.parametrize("key", RAIL)
def test_rail_patent_grant_ends_on_patent_litigation(key: str) -> None:
    patent = [c for c in sheet(key).clauses if c.kind is ClauseKind.PATENT]
    assert len(patent) == 1
    assert patent[0].value.patent_grant is True
    assert patent[0].value.patent_termination_on_litigation is True


@pytest.mark.parametrize("key", RAIL[:4])
def test_bigscience_lineage_marks_modified_files(key: str) -> None:
    assert any(c.value.state_changes is True for c in sheet(key).clauses)


def test_forced_update_in_creativeml_open_rail_m_but_not_in_open_rail_pp_m() -> None:
    def forced(key: str) -> list[bool | None]:
        values = [c.value.forced_update for c in sheet(key).clauses]
        return [v for v in values if v is not None]

    for key in ("bigscience-rail-1.0", "bigscience-open-rail-m", "stable-diffusion-2022-08-22"):
        assert forced(key) == [True], key
    # Open RAIL++-M (and BigCode) keep only the right to restrict usage: the duty is recorded as
    # absent, not merely forgotten
    for key in ("bigscience-open-rail-m2", "bigcode-open-rail-m-v1"):
        assert forced(key) == [False], key


def test_creativeml_lacks_disclosure_and_impersonation_restrictions() -> None:
    bigscience = restricted_ids(sheet("bigscience-open-rail-m"))
    assert {"ai-disclosure", "deepfake-impersonation"} <= bigscience
    for key in ("stable-diffusion-2022-08-22", "bigscience-open-rail-m2"):
        ids = restricted_ids(sheet(key))
        assert "ai-disclosure" not in ids, key
        assert "deepfake-impersonation" not in ids, key
    # both keep the other restrictions they share with the BigScience text
    shared = {"illegal-activity", "minors", "disinformation", "personal-data", "harassment",
              "automated-decisions", "discrimination", "vulnerable-groups", "medical-advice",
              "law-enforcement"}
    assert shared <= restricted_ids(sheet("stable-diffusion-2022-08-22"))
    assert shared <= bigscience


def test_attachment_a_sizes() -> None:
    counts = {key: len(restrictions(sheet(key))) for key in RAIL}
    assert counts == {
        "bigscience-rail-1.0": 13,
        "bigscience-open-rail-m": 13,
        "stable-diffusion-2022-08-22": 11,
        "bigscience-open-rail-m2": 11,
        "bigcode-open-rail-m-v1": 14,
    }


def test_bigcode_adds_malware_and_keeps_disclosure() -> None:
    ids = restricted_ids(sheet("bigcode-open-rail-m-v1"))
    assert {"malware", "ai-disclosure", "deepfake-impersonation"} <= ids


@pytest.mark.parametrize("key", RAIL)
def test_no_rail_restricts_military_use(key: str) -> None:
    ids = restricted_ids(sheet(key))
    assert "military" not in ids
    assert "weapons" not in ids


@pytest.mark.parametrize("key", LLAMA)
def test_llama_aup_restricts_military_use(key: str) -> None:
    s = sheet(key)
    doc = AUP[key]
    assert doc in {d.id for d in s.documents}
    military = [c for c in restrictions(s) if "military" in c.taxonomy]
    assert military, key
    for c in military:
        assert c.incorporated_by_reference == doc
        assert all(e.document == doc for e in c.evidence)
    # the license clause that incorporates the policy quotes the license itself
    assert any(c.kind is ClauseKind.CONDITION and any(e.document == "license" for e in c.evidence)
               and any(e.document == doc for e in c.evidence) for c in s.clauses)


def test_output_training_ban_dropped_in_llama_3_1() -> None:
    def bans(key: str) -> bool:
        return "output-training" in restricted_ids(sheet(key))

    assert bans("llama-2-license-2023")
    assert bans("llama-3-license-2024")  # the April 2024 Llama 3 license still has it
    for key in ("llama-3.1-license-2024", "llama-3.2-license-2024", "llama-3.3-license-2024",
                "llama-4-cla-2025"):
        assert not bans(key), key


def _values(s: Sheet, field: str) -> set[object]:
    return {getattr(c.value, field) for c in s.clauses if getattr(c.value, field) is not None}


@pytest.mark.parametrize(("key", "built_with", "prefix"), [
    ("llama-2-license-2023", None, None),
    ("llama-3-license-2024", "Built with Meta Llama 3", "Llama 3"),
    ("llama-3.1-license-2024", "Built with Llama", "Llama"),
    ("llama-3.2-license-2024", "Built with Llama", "Llama"),
    ("llama-3.3-license-2024", "Built with Llama", "Llama"),
    ("llama-4-cla-2025", "Built with Llama", "Llama"),
])
def test_llama_built_with_and_name_prefix(
    key: str, built_with: str | None, prefix: str | None
) -> None:
    s = sheet(key)
    shown = {c.value.attribution_text for c in s.clauses
             if c.value.attribution_text and c.value.attribution_text.startswith("Built with")}
    assert shown == ({built_with} if built_with else set())
    assert _values(s, "name_prefix") == ({prefix} if prefix else set())


@pytest.mark.parametrize("key", LLAMA)
def test_llama_notice_file(key: str) -> None:
    notices = [c for c in sheet(key).clauses if c.value.notice_file]
    assert len(notices) == 1
    text = notices[0].value.attribution_text
    assert text is not None and "is licensed under the" in text and "Meta Platforms, Inc." in text


@pytest.mark.parametrize("key", LLAMA)
def test_llama_700m_mau_threshold(key: str) -> None:
    s = sheet(key)
    assert s.facts.commercial_use == "conditional"
    thresholds = [c for c in s.clauses if c.kind is ClauseKind.THRESHOLD]
    assert [c.value.mau_threshold for c in thresholds] == [700_000_000]


@pytest.mark.parametrize("key", LLAMA)
def test_llama_ip_litigation_ends_the_license(key: str) -> None:
    s = sheet(key)
    assert any(c.kind is ClauseKind.TERMINATION and c.value.patent_termination_on_litigation
               for c in s.clauses)
    # no express patent grant in the Llama texts
    assert not any(c.value.patent_grant for c in s.clauses)


@pytest.mark.parametrize(("key", "present"), [
    ("llama-2-license-2023", False),
    ("llama-3-license-2024", False),
    ("llama-3.1-license-2024", False),
    ("llama-3.2-license-2024", True),
    ("llama-3.3-license-2024", True),
    ("llama-4-cla-2025", True),
])
def test_eu_multimodal_exclusion_in_the_aup(key: str, present: bool) -> None:
    s = sheet(key)
    eu = [c for c in s.clauses if c.id == "aup-eu-multimodal"]
    assert bool(eu) is present
    for c in eu:
        assert c.incorporated_by_reference == AUP[key]


@pytest.mark.parametrize("key", LLAMA[3:])
def test_later_aups_add_safety_circumvention_ban(key: str) -> None:
    assert any(c.id == "aup-circumvent-safety" for c in restrictions(sheet(key)))
    for earlier in LLAMA[:3]:
        assert not any(c.id == "aup-circumvent-safety" for c in restrictions(sheet(earlier)))
