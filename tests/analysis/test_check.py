# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`check`: the cases the issue says must come out right, and the rules behind them."""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from licentia.analysis import compat, profile
from licentia.analysis.check import Check, Verdict, check, obligations
from licentia.analysis.findings import Finding, Severity
from licentia.analysis.manifest import parse_manifest
from licentia.catalog import terms

EXAMPLES = Path(__file__).parents[2] / "examples" / "check"


def run(text: str) -> Check:
    return check(parse_manifest(textwrap.dedent(text), "manifest.yaml"))


def found(result: Check, code: str, severity: Severity | None = None,
          triggered: bool = True) -> list[Finding]:
    return [f for f in result.findings if f.code == code
            and (severity is None or f.severity is severity)
            and f.extra["triggered"] is triggered]


def quotes(findings: list[Finding]) -> str:
    return " ".join(e.quote for f in findings for e in f.evidence)


APACHE_MODEL_GPL3_LIB = """
    project: assistant
    distribution: {mode}
    commercial: true
    components:
      - {{id: model, kind: model, license: Apache-2.0}}
      - {{id: lib, kind: code, license: GPL-3.0-only, link: dynamic}}
"""


# --- must come out right ------------------------------------------------------------------------


def test_apache_model_gpl3_library_as_saas_has_no_source_duty() -> None:
    result = run(APACHE_MODEL_GPL3_LIB.format(mode="saas"))
    assert result.verdict is not Verdict.CONFLICT
    assert not found(result, "incompatible")
    assert not found(result, "source-disclosure")  # nothing triggered
    note = found(result, "copyleft-not-triggered", triggered=False)
    assert note and "conveying" in note[0].message
    assert "Mere interaction with a user through a computer network" in quotes(note)
    assert result.outbound.allowed_if_distributed == ("gpl-3.0",)


def test_apache_model_gpl3_library_distributed_goes_under_gpl3() -> None:
    result = run(APACHE_MODEL_GPL3_LIB.format(mode="distributed"))
    assert result.verdict is Verdict.OBLIGATIONS
    assert not found(result, "incompatible")
    [work] = found(result, "source-disclosure", Severity.WARNING)
    assert set(work.components) == {"model", "lib"}
    assert "goes under GPL-3.0-only as a whole" in work.message
    assert "Apache-2.0 is compatible one way" in work.message
    assert result.outbound.leading == "gpl-3.0"
    assert "gpl-3.0" in result.outbound.allowed and "apache-2.0" not in result.outbound.allowed


def test_apache_and_gpl2_only_linked_and_distributed_are_incompatible() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: runtime, kind: code, license: Apache-2.0}
          - {id: codec, kind: code, license: GPL-2.0-only, link: static}
    """)
    assert result.verdict is Verdict.CONFLICT
    [f] = found(result, "incompatible", Severity.ERROR)
    assert set(f.components) == {"runtime", "codec"}
    assert "You may not impose any further restrictions" in quotes([f])
    actions = {a.action: a for a in result.architecture}
    separate = next(a for a in actions.values() if "separate program" in a.action)
    assert separate.components == ("codec",)
    assert "arm's length" in separate.condition
    assert any("hosted service" in a for a in actions)


def test_agpl_network_clause_binds_a_modified_component_only() -> None:
    text = """
        distribution: saas
        commercial: true
        components:
          - {{id: app, kind: code, license: MIT}}
          - {{id: search, kind: service, license: AGPL-3.0-only, link: network{extra}}}
    """
    unmodified = run(text.format(extra=""))
    assert not found(unmodified, "network-copyleft")
    [note] = found(unmodified, "copyleft-not-triggered", Severity.INFO, triggered=False)
    assert note.components == ("search",) and "unmodified" in note.message
    assert "if you modify the Program" in quotes([note])
    assert unmodified.verdict is Verdict.OK
    modified = run(text.format(extra=", modified: true"))
    [f] = found(modified, "network-copyleft", Severity.WARNING)
    assert f.components == ("search",)
    assert modified.verdict is Verdict.OBLIGATIONS


def test_agpl_linked_into_a_saas_reaches_the_whole_work() -> None:
    result = run("""
        distribution: saas
        commercial: true
        components:
          - {id: app, kind: code, license: Apache-2.0}
          - {id: search, kind: code, license: AGPL-3.0-only, link: dynamic}
    """)
    [f] = found(result, "network-copyleft", Severity.WARNING)
    assert set(f.components) == {"app", "search"}
    assert result.outbound.leading == "agpl-3.0"


def test_llama_31_finetune_released_as_mit() -> None:
    result = check(parse_manifest((EXAMPLES / "llama-finetune-as-mit.yaml").read_text()))
    assert result.verdict is Verdict.CONFLICT
    [relicense] = found(result, "relicense-not-allowed", Severity.ERROR)
    assert set(relicense.components) == {"tuned", "base"}
    assert "provide a copy of this Agreement" in quotes([relicense])
    naming = found(result, "naming-requirement")
    assert naming and "'Llama'" in naming[0].message
    [built] = found(result, "built-with-notice")
    assert "Built with Llama" in built.message
    attribution = found(result, "attribution")
    assert any("llama-3.1-license-2024" in f.extra["licenses"] for f in attribution)
    assert result.outbound.allowed == ("llama-3.1-license-2024",)
    assert any("Acceptable Use Policy" in t.title for t in result.outbound.required_terms)


def test_openrail_finetune_under_apache_without_restrictions_is_a_flow_down_violation() -> None:
    manifest = """
        distribution: distributed
        commercial: false
        components:
          - {id: bloom, kind: model, license: bigscience-openrail-m}
          - id: tuned
            kind: model
            license: Apache-2.0
            derived_from: [{component: bloom, relation: finetune}]
            %s
    """
    result = run(manifest % "")
    [f] = found(result, "use-restrictions-flow-down", Severity.ERROR)
    assert set(f.components) == {"tuned", "bloom"}
    assert "medical-advice" in f.message
    [term] = [t for t in result.outbound.required_terms if t.license == "bigscience-open-rail-m"]
    assert "medical-advice" in term.taxonomy
    assert "apache-2.0" not in result.outbound.allowed
    # the same release carrying the restrictions as additional terms is fine
    fixed = run(manifest % "additional_terms: [bigscience-openrail-m]")
    assert not found(fixed, "use-restrictions-flow-down", Severity.ERROR)
    assert fixed.verdict is Verdict.OBLIGATIONS


def test_model_trained_on_cc_by_nc_data_sold_commercially() -> None:
    manifest = """
        distribution: saas
        commercial: %s
        components:
          - {id: captions, kind: dataset, license: CC-BY-NC-4.0}
          - {id: captioner, kind: model, license: Apache-2.0, trained_on: [captions]}
    """
    result = run(manifest % "true")
    assert result.verdict is Verdict.CONFLICT
    [f] = found(result, "non-commercial", Severity.ERROR)
    assert set(f.components) == {"captioner", "captions"}
    assert not found(run(manifest % "false"), "non-commercial", Severity.ERROR)


def test_cc_by_sa_dataset_adapted_and_released_as_cc_by() -> None:
    manifest = """
        distribution: distributed
        commercial: false
        components:
          - {id: dump, kind: dataset, license: CC-BY-SA-4.0}
          - id: clean
            kind: dataset
            license: %s
            derived_from: [{component: dump, relation: adapt}]
    """
    result = run(manifest % "CC-BY-4.0")
    assert result.verdict is Verdict.CONFLICT
    [f] = found(result, "share-alike", Severity.ERROR)
    assert set(f.components) == {"clean", "dump"}
    same = run(manifest % "CC-BY-SA-4.0")
    assert same.verdict is not Verdict.CONFLICT


def test_rail_model_merged_with_gpl3_model_and_distributed_is_incompatible() -> None:
    result = check(parse_manifest((EXAMPLES / "rail-gpl-merge.yaml").read_text()))
    assert result.verdict is Verdict.CONFLICT
    [f] = found(result, "incompatible", Severity.ERROR)
    assert "forbids further restrictions" in f.message
    assert "You may not impose any further restrictions" in quotes([f])
    assert {"merged", "sd"} <= set(f.components)


# --- the rules behind them ---------------------------------------------------------------------


def test_internal_use_triggers_no_distribution_terms() -> None:
    result = run("""
        distribution: internal
        commercial: true
        components:
          - {id: runtime, kind: code, license: Apache-2.0}
          - {id: codec, kind: code, license: GPL-2.0-only, link: static}
    """)
    assert result.verdict is Verdict.OK
    assert not found(result, "incompatible", Severity.ERROR)


def test_separate_program_avoids_the_gpl2_conflict() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: runtime, kind: code, license: Apache-2.0}
          - {id: codec, kind: code, license: GPL-2.0-only, link: aggregate}
    """)
    assert not found(result, "incompatible")
    assert found(result, "source-disclosure", Severity.WARNING)[0].components == ("codec",)


def test_lgpl_dynamically_linked_into_mit_product_is_an_obligation_not_a_conflict() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        outbound_license: MIT
        components:
          - {id: app, kind: code, license: MIT}
          - {id: lib, kind: code, license: LGPL-2.1-only, link: dynamic}
    """)
    assert result.verdict is Verdict.OBLIGATIONS
    assert not found(result, "incompatible")
    assert found(result, "source-disclosure", Severity.WARNING)[0].components == ("lib",)


def test_gpl_component_against_a_permissive_outbound_license() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        outbound_license: MIT
        components:
          - {id: app, kind: code, license: MIT}
          - {id: lib, kind: code, license: GPL-3.0-only, link: static}
    """)
    [f] = found(result, "incompatible", Severity.ERROR)
    assert "GPL-3.0-only" in f.message and set(f.components) >= {"lib"}


def test_training_on_llama2_outputs_is_an_output_use_restriction() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: teacher, kind: model, license: llama2, link: none}
          - {id: student, kind: model, license: Apache-2.0, trained_on_outputs_of: [teacher]}
    """)
    [f] = found(result, "output-use-restriction", Severity.ERROR)
    assert set(f.components) == {"student", "teacher"}
    # outputs alone do not make the student a derivative of the Llama 2 weights
    assert not found(result, "relicense-not-allowed")


def test_llama31_outputs_used_for_training_require_the_name_prefix() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: teacher, kind: model, license: llama3.1}
          - id: student
            kind: model
            license: Apache-2.0
            name: TinyStudent
            derived_from: [{component: teacher, relation: distill}]
    """)
    [f] = found(result, "naming-requirement", Severity.ERROR)
    assert "'Llama'" in f.message
    assert not found(result, "relicense-not-allowed")


def test_gemma_distillation_inherits_the_use_restrictions() -> None:
    # Gemma's Model Derivatives include models trained on its outputs: its restrictions flow
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: gemma, kind: model, license: gemma-tou-2025-03-24}
          - id: student
            kind: model
            license: MIT
            derived_from: [{component: gemma, relation: distill}]
    """)
    assert found(result, "use-restrictions-flow-down", Severity.ERROR)


def test_user_threshold_is_compared_with_monthly_active_users() -> None:
    result = run("""
        distribution: saas
        commercial: true
        monthly_active_users: 800000000
        components:
          - {id: model, kind: model, license: llama3.1}
    """)
    [f] = found(result, "user-threshold", Severity.ERROR)
    assert "700,000,000" in f.message


def test_unknown_license_reference_is_a_result_not_an_error() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: blob, kind: dataset, license: NOASSERTION}
    """)
    assert result.verdict is Verdict.CONFLICT
    assert found(result, "unknown-license", Severity.ERROR)[0].components == ("blob",)


def test_licenses_without_a_term_sheet_are_judged_by_licensedb_category() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: beer, kind: code, license: Beerware}
          - {id: cecill, kind: code, license: CECILL-2.1, link: dynamic}
          - {id: busl, kind: code, license: BUSL-1.1, link: dynamic}
    """)
    by_license = {f.extra["licenses"][0]: f for f in found(result, "assessed-by-category")}
    # never a silent "ok": even a permissive category is a warning, and says how it was read
    for key, category in (("beerware", "Permissive"), ("cecill-2.1", "Copyleft Limited"),
                          ("bsl-1.1", "Source-available")):
        assert by_license[key].severity is Severity.WARNING
        assert f"category '{category}', not by its text" in by_license[key].message
    assert "weak copyleft" in by_license["cecill-2.1"].message
    assert "not open source" in by_license["bsl-1.1"].message
    assert result.verdict is not Verdict.OK


def test_a_permissive_license_known_only_by_category_is_never_a_silent_ok() -> None:
    result = run("""
        distribution: internal
        commercial: false
        components:
          - {id: beer, kind: code, license: Beerware}
    """)
    assert result.verdict is Verdict.OBLIGATIONS
    assert found(result, "assessed-by-category", Severity.WARNING)


def test_spdx_or_takes_the_option_matching_the_outbound_license() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        outbound_license: Apache-2.0
        components:
          - {id: lib, kind: code, license: MIT OR Apache-2.0}
    """)
    [duties] = result.obligations
    assert duties.licenses == ("apache-2.0",)
    assert any("option chosen" in n for n in duties.notes)


def test_obligations_are_one_checklist_per_component() -> None:
    result = check(parse_manifest((EXAMPLES / "llama-finetune-as-mit.yaml").read_text()))
    by_id = {d.component: d for d in result.obligations}
    assert set(by_id) == {"base", "tuned"}
    tuned = by_id["tuned"]
    assert tuned.licenses == ("mit",)
    assert [i.license for i in tuned.inherited] == ["llama-3.1-license-2024"]
    codes = {o.code for o in tuned.items}
    assert {"attribution", "built-with-notice", "naming-requirement"} <= codes


def test_pair_core_is_cached_and_pure() -> None:
    v = compat.compatibility("gpl-3.0", "apache-2.0")
    assert v is compat.compatibility("gpl-3.0", "apache-2.0")
    assert v.ok and v.reason is compat.Reason.PERMISSIVE


# --- data-driven: no license is special-cased in code --------------------------------------------


def test_rules_name_no_license() -> None:
    keys = set(terms.all_sheets())
    check_dir = Path(obligations.__file__ or "").parent
    for path in [*check_dir.glob("*.py"), Path(compat.__file__ or ""),
                 Path(profile.__file__ or "")]:
        source = path.read_text(encoding="utf-8")
        strings = {n.value for n in ast.walk(ast.parse(source))
                   if isinstance(n, ast.Constant) and isinstance(n.value, str)}
        assert not strings & keys, f"{path.name} names licenses: {strings & keys}"


@pytest.fixture
def extra_sheet(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """A new term sheet (for the LicenseDB's Beerware key, which has none), as if added to data."""
    sheet = terms.parse_sheet(textwrap.dedent("""
        license: beerware
        title: A test sheet with a flowing-down restriction
        version: test
        family: ai
        facts: {osi_approved: false, fsf_free: false, osaid_any_purpose: false,
                commercial_use: "yes", copyleft: none}
        clauses:
          - id: grant
            kind: permission
            title: Use and modify
            value: {commercial_use: true, relicensable: true}
            artifacts: [weights, derivatives]
            evidence: [{quote: "Permission is granted to anyone", section: "1"}]
          - id: pass-on
            kind: condition
            title: Include these restrictions in any license of derivatives
            value: {trigger: distribution, flow_down: [impose]}
            artifacts: [weights, derivatives]
            flows_down: true
            evidence: [{quote: "you must include the restrictions", section: "2"}]
          - id: no-weapons
            kind: use-restriction
            title: No weapons
            taxonomy: [weapons]
            flows_down: true
            artifacts: [weights, derivatives]
            evidence: [{quote: "You shall not use it for weapons", section: "3"}]
    """), "terms/beerware.yaml")
    sheets = {**terms.all_sheets(), "beerware": sheet}
    monkeypatch.setattr(terms, "all_sheets", lambda: sheets)
    for fn in (profile.profile, compat.compatibility, obligations.checklist):
        fn.cache_clear()
    yield sheet
    for fn in (profile.profile, compat.compatibility, obligations.checklist):
        fn.cache_clear()


def test_a_new_term_sheet_works_without_code_changes(extra_sheet: terms.Sheet) -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: base, kind: model, license: Beerware}
          - id: tuned
            kind: model
            license: MIT
            derived_from: [{component: base, relation: finetune}]
    """)
    [f] = found(result, "use-restrictions-flow-down", Severity.ERROR)
    assert "weapons" in f.message
    assert "you must include the restrictions" in quotes([f])


def test_a_modified_license_file_is_a_license_mismatch(tmp_path: Path) -> None:
    from licentia.analysis.manifest import load_manifest
    from licentia.catalog.licensedb import read_text

    text = read_text("mit").replace("WITHOUT WARRANTY OF ANY KIND",
                                    "WITHOUT WARRANTY OF ANY KIND, AND ONLY FOR GOOD")
    (tmp_path / "LICENSE").write_text(text, encoding="utf-8")
    (tmp_path / "m.yaml").write_text("distribution: distributed\ncommercial: true\n"
                                     "components:\n  - {id: lib, kind: code, license: LICENSE}\n",
                                     encoding="utf-8")
    result = check(load_manifest(tmp_path / "m.yaml"))
    [f] = found(result, "license-mismatch", Severity.WARNING)
    assert f.components == ("lib",) and "differs from the reference text" in f.message


def test_revocable_license_is_a_warning() -> None:
    result = run("""
        distribution: saas
        commercial: true
        components:
          - {id: sd3, kind: model, license: stability-ai-community-2024}
    """)
    assert found(result, "revocable", Severity.WARNING)


def test_outbound_license_does_not_cover_a_part_that_keeps_its_own() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        outbound_license: Apache-2.0
        components:
          - {id: app, kind: code, license: Apache-2.0}
          - {id: model, kind: model, license: llama3.1}
    """)
    [f] = found(result, "license-mismatch", Severity.INFO)
    assert f.components == ("model",)
    assert result.outbound.keeps_own_license == ("model",)
    assert not found(result, "relicense-not-allowed")


# --- issue 11: derivation facts, exceptions, expressions, hosting ---------------------------------


def test_lgpl_statically_linked_adds_the_relinking_duty() -> None:
    text = """
        distribution: distributed
        commercial: true
        components:
          - {{id: app, kind: code, license: Apache-2.0}}
          - {{id: lgpl, kind: code, license: LGPL-2.1-only, link: {link}}}
    """
    static = [f for f in found(run(text.format(link="static")), "source-disclosure")
              if "relink" in f.message]
    assert static and "6(a)" in {e.section for f in static for e in f.evidence}
    assert not [f for f in found(run(text.format(link="dynamic")), "source-disclosure")
                if "relink" in f.message]


def test_a_separate_gpl_program_in_a_distributed_product_keeps_its_duties() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: app, kind: code, license: Apache-2.0}
          - {id: daemon, kind: code, license: GPL-2.0-only, link: network}
    """)
    [f] = found(result, "source-disclosure", Severity.WARNING)
    assert f.components == ("daemon",)
    assert not found(result, "incompatible")  # a separate program: no combined work


def test_adapted_no_derivatives_dataset_shared_is_a_conflict() -> None:
    result = run("""
        distribution: distributed
        commercial: false
        components:
          - {id: photos, kind: dataset, license: CC-BY-ND-4.0, link: none}
          - id: collages
            kind: dataset
            license: CC-BY-4.0
            derived_from: [{component: photos, relation: adapt}]
    """)
    assert found(result, "no-derivatives", Severity.ERROR)
    modified = run("""
        distribution: distributed
        commercial: false
        components:
          - {id: photos, kind: dataset, license: CC-BY-ND-4.0, modified: true}
    """)
    assert found(modified, "no-derivatives", Severity.ERROR)
    adapted = run("""
        distribution: distributed
        commercial: false
        components:
          - {id: photos, kind: dataset, license: CC-BY-ND-4.0, adapted: true}
    """)
    assert found(adapted, "no-derivatives", Severity.ERROR)
    kept = run("""
        distribution: distributed
        commercial: false
        components:
          - {id: photos, kind: dataset, license: CC-BY-ND-4.0}
    """)
    assert not found(kept, "no-derivatives")  # shared unmodified: allowed


def test_file_level_copyleft_of_modified_mpl_code() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: app, kind: code, license: MIT}
          - {id: mpl, kind: code, license: MPL-2.0, link: dynamic, modified: true}
    """)
    [f] = found(result, "source-disclosure", Severity.WARNING)
    assert f.components == ("mpl",)
    assert found(result, "state-changes") or result.verdict is Verdict.OBLIGATIONS


def test_llama_naming_binds_a_model_made_available_as_saas() -> None:
    result = run("""
        distribution: saas
        commercial: true
        components:
          - {id: llama, kind: model, license: llama3.1, link: none}
          - id: acme
            kind: model
            license: llama3.1
            name: Acme-Chat-8B
            derived_from: [{component: llama, relation: finetune}]
    """)
    [f] = found(result, "naming-requirement", Severity.ERROR)
    assert "made available" in quotes([f])


def test_gemma_notice_file_is_not_due_for_a_hosted_service() -> None:
    result = run("""
        distribution: saas
        commercial: true
        components:
          - {id: gemma, kind: model, license: gemma-tou-2025-03-24}
    """)
    [duties] = result.obligations
    assert "notice-file" not in {o.clause for o in duties.items}
    assert "use-restriction-flow-down" in {o.clause for o in duties.items}  # hosted = distributed


def test_classpath_exception_lets_the_product_keep_its_license() -> None:
    text = """
        distribution: distributed
        commercial: true
        components:
          - {{id: app, kind: code, license: Apache-2.0}}
          - {{id: rt, kind: code, license: "{license}", link: dynamic}}
    """
    plain = run(text.format(license="GPL-2.0-only"))
    assert plain.verdict is Verdict.CONFLICT
    excepted = run(text.format(license="GPL-2.0-only WITH Classpath-exception-2.0"))
    assert excepted.verdict is Verdict.OBLIGATIONS
    assert not found(excepted, "incompatible")


def test_an_exception_without_a_sheet_is_assessed_by_its_category() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        components:
          - {id: app, kind: code, license: Apache-2.0}
          - {id: font, kind: code, license: GPL-2.0-only WITH Font-exception-2.0, link: dynamic}
    """)
    [f] = found(result, "assessed-by-category", Severity.WARNING)
    assert "exception" in f.message and "'Copyleft Limited'" in f.message


def test_outbound_or_picks_the_option_that_works_and_says_which() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        outbound_license: MIT OR GPL-3.0-only
        components:
          - {id: app, kind: code, license: MIT}
          - {id: lib, kind: code, license: GPL-3.0-only}
    """)
    assert result.verdict is Verdict.OBLIGATIONS
    assert result.outbound.chosen == "GPL-3.0-only"
    assert dict(result.outbound.options) == {"MIT": "conflict", "GPL-3.0-only": "obligations"}


def test_outbound_and_carries_a_weak_copyleft_part() -> None:
    text = """
        distribution: distributed
        commercial: true
        outbound_license: {outbound}
        components:
          - {{id: app, kind: code, license: MIT}}
          - {{id: mpl, kind: code, license: MPL-2.0}}
    """
    alone = run(text.format(outbound="MIT"))
    [f] = found(alone, "relicense-not-allowed", Severity.ERROR)
    assert "`MIT AND MPL-2.0`" in " ".join(f.actions)
    assert run(text.format(outbound="MIT AND MPL-2.0")).verdict is Verdict.OBLIGATIONS


def test_outbound_and_with_a_licenseref() -> None:
    result = run("""
        distribution: distributed
        commercial: true
        outbound_license: GPL-3.0-only AND LicenseRef-scancode-llama-3.1-license-2024
        components:
          - {id: app, kind: code, license: GPL-3.0-only}
    """)
    assert result.manifest.outbound_license == "gpl-3.0"
    assert result.manifest.outbound_terms == ("llama-3.1-license-2024",)


def test_policy_lists_take_expressions_and_exceptions() -> None:
    from licentia.analysis.policy import parse_policy

    policy = parse_policy(textwrap.dedent("""
        licenses:
          deny: [GPL-2.0-only]
          allow: ["GPL-2.0-only WITH Classpath-exception-2.0", "MIT OR Apache-2.0"]
    """), "policy.yaml")
    assert {"mit", "apache-2.0", "gpl-2.0 WITH classpath-exception-2.0"} <= policy.licenses.allow
    text = """
        distribution: distributed
        commercial: true
        components:
          - {{id: app, kind: code, license: Apache-2.0}}
          - {{id: rt, kind: code, license: "{license}", link: dynamic}}
    """
    m = parse_manifest(textwrap.dedent(text.format(
        license="GPL-2.0-only WITH Classpath-exception-2.0")), "m.yaml")
    report = check(m, policy).policy
    assert report is not None and report.verdict.value == "pass"
    m = parse_manifest(textwrap.dedent(text.format(
        license="GPL-2.0-only WITH Font-exception-2.0")), "m.yaml")
    report = check(m, policy).policy
    assert report is not None and report.verdict.value == "fail"  # decided as GPL-2.0-only
    denied = [r for r in report.results if r.decision.value == "deny"]
    assert "the license it modifies" in denied[0].reason
