# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Key facts of the Gemma, DeepSeek, Qwen, Stability AI, FLUX, Falcon, NVIDIA and OpenMDW sheets.

Every assertion reads the term sheets shipped in the package; the quotes behind them are checked
against the reference texts by test_terms.py.
"""

from __future__ import annotations

import pytest

from licentia.catalog.terms import Clause, ClauseKind, Sheet, sheet_for

GEMMA = ("gemma-tou-2024-04-01", "gemma-tou-2025-03-24")


def _sheet(key: str) -> Sheet:
    sheet = sheet_for(key)
    assert sheet is not None, f"no term sheet for {key}"
    return sheet


def _clause(sheet: Sheet, clause_id: str) -> Clause:
    for clause in sheet.clauses:
        if clause.id == clause_id:
            return clause
    raise AssertionError(f"{sheet.license}: no clause {clause_id!r}")


def _restrictions(sheet: Sheet) -> set[str]:
    """Taxonomy ids of every use restriction of a sheet."""
    return {
        tid
        for clause in sheet.clauses
        if clause.kind is ClauseKind.USE_RESTRICTION
        for tid in clause.taxonomy
    }


def _quotes(clause: Clause) -> str:
    return " ".join(ev.quote for ev in clause.evidence)


# --- Gemma ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", GEMMA)
def test_gemma_hosted_service_is_distribution(key: str) -> None:
    sheet = _sheet(key)
    hosted = [c for c in sheet.clauses if c.value.hosted_is_distribution]
    assert [c.id for c in hosted] == ["def-distribution-hosted"]
    assert "available as a hosted service via API" in _quotes(hosted[0])
    # hosted distribution triggers the flow-down of the use restrictions
    flow = _clause(sheet, "use-restriction-flow-down")
    assert flow.flows_down and flow.value.trigger == "distribution"
    # ... but hosted services are spared the Notice text file
    assert "other than through a Hosted Service" in _quotes(_clause(sheet, "notice-file"))


@pytest.mark.parametrize("key", GEMMA)
def test_gemma_basic_facts(key: str) -> None:
    sheet = _sheet(key)
    assert sheet.facts.commercial_use == "yes"
    assert sheet.facts.osaid_any_purpose is False
    assert sheet.facts.osi_approved is False and sheet.facts.fsf_free is False
    assert _clause(sheet, "grant").value.commercial_use is True
    assert _clause(sheet, "no-patent-grant").value.patent_grant is False
    assert _clause(sheet, "outputs").value.output_use == "no-claim"
    assert "restrict (remotely or otherwise)" in _quotes(_clause(sheet, "remote-restriction"))
    assert _clause(sheet, "modified-files").value.state_changes is True
    assert "synthetic data Outputs" in _quotes(_clause(sheet, "def-model-derivatives"))


@pytest.mark.parametrize("key", GEMMA)
def test_gemma_prohibited_use_policy_is_incorporated_item_by_item(key: str) -> None:
    sheet = _sheet(key)
    (pup,) = sheet.documents
    assert pup.licensedb == "gemma-pup-2024-02-21"
    pup_clauses = [c for c in sheet.clauses if c.id.startswith("pup-")]
    assert len(pup_clauses) >= 20
    for clause in pup_clauses:
        assert clause.kind is ClauseKind.USE_RESTRICTION
        assert clause.incorporated_by_reference == pup.id
        assert clause.flows_down
        assert all(ev.document == pup.id for ev in clause.evidence)
    assert {
        "minors", "violence-terrorism", "sexual-content", "automated-decisions", "surveillance",
        "deepfake-impersonation", "ai-disclosure", "malware", "self-harm", "regulated-advice",
        "medical-advice", "intellectual-property", "illegal-activity",
    } <= _restrictions(sheet)
    # the Gemma terms name no military ban
    assert "military" not in _restrictions(sheet)


def test_gemma_versions_differ_only_in_the_definition_of_gemma() -> None:
    old, new = (_sheet(k) for k in GEMMA)
    assert old.version == "Last modified: April 1, 2024"
    assert new.version == "Last modified: March 24, 2025"
    assert "identified at ai.google.dev/gemma" in _quotes(_clause(old, "def-gemma"))
    assert "identified in the Appendix" in _quotes(_clause(new, "def-gemma"))
    assert "Appendix" not in _quotes(_clause(old, "def-gemma"))
    assert old.facts == new.facts
    assert old.documents == new.documents
    others_old = [c for c in old.clauses if c.id != "def-gemma"]
    others_new = [c for c in new.clauses if c.id != "def-gemma"]
    assert others_old == others_new


# --- DeepSeek ---------------------------------------------------------------------------------


def test_deepseek_use_restrictions() -> None:
    sheet = _sheet("deepseek-la-1.0")
    assert {
        "military", "minors", "disinformation", "personal-data", "harassment",
        "automated-decisions", "discrimination", "vulnerable-groups", "illegal-activity",
        "intellectual-property",
    } <= _restrictions(sheet)
    assert _clause(sheet, "military").taxonomy == ("military",)
    assert "For military use in any way" in _quotes(_clause(sheet, "military"))
    restrictions = [c for c in sheet.clauses if c.kind is ClauseKind.USE_RESTRICTION]
    assert len(restrictions) == 11  # one per Attachment A item
    assert all(c.flows_down for c in restrictions)
    assert sheet.facts.osaid_any_purpose is False


def test_deepseek_grants_and_distribution() -> None:
    sheet = _sheet("deepseek-la-1.0")
    assert sheet.facts.commercial_use == "yes"
    grant = _clause(sheet, "grant").value
    assert grant.commercial_use and grant.sublicensable and grant.revocable is False
    patent = _clause(sheet, "patent").value
    assert patent.patent_grant and patent.patent_termination_on_litigation
    assert _clause(sheet, "def-distribution-hosted").value.hosted_is_distribution is True
    assert _clause(sheet, "use-restriction-flow-down").flows_down
    assert _clause(sheet, "output-use-restricted").value.output_use == "restricted"
    assert "PRC laws" in _quotes(_clause(sheet, "governing-law"))


# --- Qwen / Tongyi Qianwen --------------------------------------------------------------------


def test_qwen_2024_threshold_and_attribution() -> None:
    sheet = _sheet("qwen-2024")
    assert sheet.facts.commercial_use == "conditional"
    assert _clause(sheet, "mau-threshold").value.mau_threshold == 100_000_000
    assert _clause(sheet, "built-with-qwen").value.attribution_text == "Built with Qwen"
    assert "Improved using Qwen" in _quotes(_clause(sheet, "built-with-qwen"))
    # the 2024 license no longer forbids using outputs to improve other models
    assert "output-training" not in _restrictions(sheet)
    assert all(c.value.name_prefix is None for c in sheet.clauses)


def test_tongyi_qianwen_2023_forbids_improving_other_llms() -> None:
    sheet = _sheet("tongyi-qianwen-2023")
    assert sheet.facts.commercial_use == "conditional"
    assert _clause(sheet, "mau-threshold").value.mau_threshold == 100_000_000
    assert "output-training" in _restrictions(sheet)
    assert all(c.value.attribution_text != "Built with Qwen" for c in sheet.clauses)


# --- Stability AI -----------------------------------------------------------------------------


def test_stability_community_revenue_threshold() -> None:
    sheet = _sheet("stability-ai-community-2024")
    assert sheet.facts.commercial_use == "conditional"
    threshold = _clause(sheet, "revenue-threshold")
    assert threshold.kind is ClauseKind.THRESHOLD
    assert threshold.value.revenue_threshold_usd == 1_000_000
    assert "user-threshold" in threshold.taxonomy
    assert _clause(sheet, "powered-by-stability-ai").value.attribution_text == (
        "Powered by Stability AI")
    assert _clause(sheet, "outputs").value.output_use == "owned-by-user"
    assert {"output-training", "illegal-activity"} <= _restrictions(sheet)
    assert _clause(sheet, "grant-commercial").value.revocable is True
    assert _clause(sheet, "derivative-notice").value.state_changes is True


@pytest.mark.parametrize("key", ["stability-ai-nc-2023-12-06", "flux-1-nc"])
def test_non_commercial_licenses(key: str) -> None:
    sheet = _sheet(key)
    assert sheet.facts.commercial_use == "no"
    assert sheet.facts.osaid_any_purpose is False
    grant = _clause(sheet, "grant").value
    assert grant.commercial_use is False and grant.non_commercial is True
    assert grant.revocable is True
    assert "non-commercial" in _restrictions(sheet)
    assert all(c.value.commercial_use is not True for c in sheet.clauses)


def test_stability_nc_bars_hosted_services() -> None:
    sheet = _sheet("stability-ai-nc-2023-12-06")
    assert "hosted service" in _quotes(_clause(sheet, "no-hosted-service"))
    assert _clause(sheet, "stays-under-agreement").flows_down


# --- FLUX.1 [dev] -----------------------------------------------------------------------------


def test_flux_dev_restrictions_and_termination() -> None:
    sheet = _sheet("flux-1-nc")
    assert {"military", "surveillance", "biometric-identification", "output-training",
            "weapons"} <= _restrictions(sheet)
    assert _clause(sheet, "termination-at-will").value.revocable is True
    assert "including for commercial purposes" in _quotes(_clause(sheet, "outputs"))
    assert _clause(sheet, "outputs").value.output_use == "restricted"


# --- Falcon 2 11B -----------------------------------------------------------------------------


def test_falcon_2_11b() -> None:
    sheet = _sheet("falcon-2-11b-1.0")
    assert sheet.facts.commercial_use == "yes"
    assert sheet.facts.osaid_any_purpose is False
    patent = _clause(sheet, "patent").value
    assert patent.patent_grant and patent.patent_termination_on_litigation
    aup = _clause(sheet, "acceptable-use-policy")
    assert aup.incorporated_by_reference == "falcon-aup" and aup.flows_down
    statement = _clause(sheet, "publication-statement").value
    assert statement.attribution_text is not None
    assert "built using Falcon LLM technology" in statement.attribution_text


# --- NVIDIA Open Model License ----------------------------------------------------------------


def test_nvidia_open_model() -> None:
    sheet = _sheet("nvidia-open-model-2025-04-28")
    assert sheet.facts.commercial_use == "yes"
    assert sheet.facts.osaid_any_purpose is False
    assert _clause(sheet, "outputs").value.output_use == "no-claim"
    assert "unsafe-deployment" in _clause(sheet, "no-guardrail-circumvention").taxonomy
    assert "automatically terminate" in _quotes(_clause(sheet, "no-guardrail-circumvention"))
    assert _clause(sheet, "built-on-nvidia-cosmos").value.attribution_text == (
        "Built on NVIDIA Cosmos")
    assert _clause(sheet, "patent").value.patent_termination_on_litigation is True


# --- OpenMDW ----------------------------------------------------------------------------------


def test_openmdw_facts() -> None:
    sheet = _sheet("openmdw-1.0")
    assert sheet.facts.osi_approved is False
    assert sheet.facts.fsf_free is False
    assert sheet.facts.osaid_any_purpose is True
    assert sheet.facts.commercial_use == "yes"
    assert sheet.facts.copyleft == "none"
    assert not _restrictions(sheet)
    assert not [c for c in sheet.clauses if c.kind is ClauseKind.THRESHOLD]
    assert _clause(sheet, "outputs-unrestricted").value.output_use == "unrestricted"
    patent = _clause(sheet, "patent").value
    assert patent.patent_grant and patent.patent_termination_on_litigation
    assert "trade secret" in _quotes(_clause(sheet, "grant"))
