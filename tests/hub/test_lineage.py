# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage: check's rules over a generated tree with a known answer for each finding kind,
and over the real Hub metadata of ../shared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from licentia.analysis.findings import Severity
from licentia.hub.columns import findings_table
from licentia.hub.ingest import ingest
from licentia.hub.lineage import Lineage, LineageFinding, lineage


@pytest.fixture
def result(tree_csv: Path, tmp_path: Path) -> Lineage:
    return lineage(ingest([tree_csv], tmp_path / "cache"))


def of(r: Lineage, model: str, code: str | None = None) -> list[LineageFinding]:
    return [f for f in r.findings if f.model == model and (code is None or f.code == code)]


def test_llama_derivative_under_its_license_and_name_is_clear(result: Lineage) -> None:
    assert result.verdicts["a/Llama-tuned"] == "ok"
    [built] = of(result, "a/Llama-tuned", "built-with-notice")
    assert built.severity is Severity.INFO and built.ancestor == "meta/Llama-base"
    assert "Built with Llama" in built.evidence[0].quote


def test_naming_requirement_reads_the_name(result: Lineage) -> None:
    [f] = of(result, "a/tuned-badname", "naming-requirement")
    assert f.severity is Severity.ERROR and "'tuned-badname'" in f.message
    assert "at the beginning of any such AI model name" in f.evidence[0].quote


def test_relicensing_names_the_ancestor_on_the_edge_and_down_the_path(result: Lineage) -> None:
    [edge] = of(result, "a/Llama-relicensed", "relicense-not-allowed")
    assert edge.severity is Severity.ERROR and edge.scope.value == "edge"
    assert edge.ancestor == "meta/Llama-base" and edge.licenses[-1] == "apache-2.0"
    [path] = of(result, "b/Llama-grandchild", "relicense-not-allowed")
    assert path.scope.value == "path" and path.ancestor == "meta/Llama-base"
    assert path.parent == "a/Llama-relicensed"
    assert "meta/Llama-base" in path.message and path.evidence


def test_non_commercial_feeding_a_commercial_license(result: Lineage) -> None:
    [f] = of(result, "a/commercial", "non-commercial")
    assert f.severity is Severity.ERROR and f.ancestor == "nc/base"
    assert any("NonCommercial" in e.quote for e in f.evidence)


def test_dropped_use_restrictions_and_share_alike(result: Lineage) -> None:
    [rail] = [f for f in of(result, "a/sd-mit", "use-restrictions-flow-down")
              if f.severity is Severity.ERROR]
    assert rail.ancestor == "sd/base"
    [sa] = [f for f in of(result, "a/sa-apache", "share-alike") if f.severity is Severity.ERROR]
    assert sa.ancestor == "sa/base"


def test_allowed_relicensing_is_drift_not_conflict(result: Lineage) -> None:
    assert result.verdicts["a/mit-from-apache"] == "ok"
    [f] = of(result, "a/mit-from-apache", "license-drift")
    assert f.severity is Severity.INFO and f.licenses == ("apache-2.0", "mit")


def test_data_quality_findings(result: Lineage) -> None:
    assert [f.code for f in of(result, "a/self")] == ["self-reference"]
    assert {f.code for f in of(result, "cyc/x")} == {"cycle"}
    assert "cyc/y" in of(result, "cyc/x", "cycle")[0].message
    # a model below a cycle is still ordered and checked (MIT material may go under CC BY-NC)
    assert {result.tree.index[m] for m in ("cyc/x", "cyc/y", "a/below-cycle")} <= \
        set(result.tree.order)
    assert [f.code for f in of(result, "a/below-cycle")] == ["license-drift"]
    assert of(result, "a/cut-merge", "truncated-merge-list")
    assert of(result, "a/other", "other-without-name")
    assert not of(result, "a/other-named", "other-without-name")  # its name is read


def test_unknown_licenses(result: Lineage) -> None:
    [missing] = of(result, "a/no-license", "unknown-license")
    assert missing.severity is Severity.WARNING and "declares no license" in missing.message
    [ghost] = of(result, "a/from-ghost", "unknown-license")
    assert ghost.severity is Severity.INFO and "not in the dump" in ghost.message


def test_a_merge_checks_every_parent(result: Lineage) -> None:
    [f] = of(result, "a/merged", "non-commercial")
    assert f.ancestor == "nc/base"
    # `other` with license_name llama3 is read through its name: Apache-2.0 material may go
    # under the Llama 3 license (drift, no conflict)
    [drift] = of(result, "a/other-named", "license-drift")
    assert drift.licenses == ("apache-2.0", "llama-3-license-2024")


def rows_of(r: Lineage) -> list[tuple[object, ...]]:
    return [(f.model, f.code, f.severity.value, f.scope.value, f.ancestor, f.parent,
             " ".join(f.licenses), f.message, f.evidence[0].quote if f.evidence else None)
            for f in r.findings]


def test_the_table_writer_gives_the_findings(result: Lineage) -> None:
    """The CSV / Parquet rows are built from the grouped findings without materializing them;
    they are the findings, in order."""
    cols = ("model", "code", "severity", "scope", "ancestor", "parent", "licenses", "message",
            "quote")
    table = findings_table(result).to_pylist()
    assert [tuple(row[c] for c in cols) for row in table] == rows_of(result)


def test_real_hub_lineage(corpus: Callable[..., Path]) -> None:
    r = lineage(ingest([corpus("hf-lineage"), corpus("hf-adoption", "gabtos-lab-authors")]))
    assert r.models > 20_000 and r.edges > 6_900 and r.edges_checked > 3_000
    counts = r.counts()
    assert counts["self-reference"]["warning"] >= 10
    assert counts["truncated-merge-list"]["warning"] > 1_000
    errors = [f for f in r.findings if f.severity is Severity.ERROR]
    assert errors and all(f.ancestor and f.evidence for f in errors)
    assert {"relicense-not-allowed", "naming-requirement", "non-commercial"} <= \
        {f.code for f in errors}
    cols = ("model", "code", "severity", "scope", "ancestor", "parent", "licenses", "message",
            "quote")
    assert [tuple(row[c] for c in cols) for row in findings_table(r).to_pylist()] == rows_of(r)
