# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia against the OSADL license compatibility matrix (CC-BY-4.0, (c) OSADL eG): the whole
of `check` over every Yes/No pair (as bench/osadl measures it), and the pair verdicts of
`compat` on every pair both know. The matrix is read where the development corpus keeps it and
never copied into the project; the tests are skipped when it is absent. The disagreements
licentia keeps on purpose are the rows of docs/osadl-disagreements.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from licentia.analysis.check import Verdict, check
from licentia.analysis.compat import Compat, compatibility
from licentia.analysis.findings import Code
from licentia.analysis.manifest import parse_manifest
from licentia.analysis.profile import profile
from licentia.catalog.catalog import catalog
from licentia.catalog.terms import all_sheets

MATRIX = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "osadl" / "matrixseqexpl.json"
DOC = Path(__file__).resolve().parents[2] / "docs" / "osadl-disagreements.md"
AGREEMENT = 0.98
# share of the Yes/No pairs check knows from term sheets: the target is 0.98; this floor only
# rises as term sheets land
KNOWN_FLOOR = 0.99
OSADL = {"Same": Compat.SAME, "Yes": Compat.YES, "No": Compat.NO,
         "Check dependency": Compat.CONDITIONAL, "Unknown": Compat.UNKNOWN}
NOT_KNOWN = frozenset({Code.ASSESSED_BY_CATEGORY, Code.UNKNOWN_LICENSE})

needs_matrix = pytest.mark.skipif(not MATRIX.exists(),
                                  reason="the OSADL matrix is not available here")


def _matrix() -> list[dict[str, Any]]:
    licenses: list[dict[str, Any]] = json.loads(MATRIX.read_text(encoding="utf-8"))["licenses"]
    return licenses


def _allowed() -> dict[tuple[str, str], str]:
    """(leading, subordinate) -> OSADL's answer, for every row of the disagreements table."""
    rows = re.findall(r"^\| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| ([^|]+?) \| .+ \|$",
                      DOC.read_text(encoding="utf-8"), re.M)
    return {(lead, sub): osadl for lead, sub, osadl, _ in rows
            if lead not in ("leading", "---")}


def manifest_text(lead: str, sub: str) -> str:
    """One pair as bench/osadl builds it: `sub` statically linked into a distributed `lead`
    work."""
    return (f'distribution: distributed\ncommercial: true\noutbound_license: "{lead}"\n'
            f'components:\n  - {{id: work, kind: code, license: "{lead}", link: static}}\n'
            f'  - {{id: part, kind: code, license: "{sub}", link: static}}\n')


@needs_matrix
def test_check_agrees_with_osadl_over_the_whole_matrix() -> None:
    allowed = _allowed()
    pairs = known = 0
    disagreements: dict[tuple[str, str], str] = {}
    for entry in _matrix():
        for item in entry["compatibilities"]:
            if item["compatibility"] not in ("Yes", "No"):
                continue
            pairs += 1
            lead, sub = entry["name"], item["name"]
            result = check(parse_manifest(manifest_text(lead, sub), "osadl.yaml"))
            if any(f.code in NOT_KNOWN for f in result.findings):
                continue
            known += 1
            if (result.verdict is not Verdict.CONFLICT) is not (item["compatibility"] == "Yes"):
                disagreements[(lead, sub)] = "; ".join(
                    f.message for f in result.findings if f.severity.value == "error") \
                    or result.verdict.value
    assert pairs > 13_000
    unexplained = {k: v for k, v in disagreements.items() if k not in allowed}
    assert not unexplained, f"disagreements not in {DOC.name}: {unexplained}"
    stale = {k for k, osadl in allowed.items() if osadl in ("Yes", "No")
             and _known(*k) and k not in disagreements}
    assert not stale, f"rows of {DOC.name} that now agree (remove them): {stale}"
    assert known / pairs >= KNOWN_FLOOR, f"{known} of {pairs} pairs known"
    assert 1 - len(disagreements) / known >= AGREEMENT


def _key(name: str) -> str | None:
    lic = catalog().lookup(name)
    return lic.key if lic is not None and lic.key in all_sheets() else None


def _known(lead: str, sub: str) -> bool:
    return _key(lead) is not None and _key(sub) is not None


@needs_matrix
def test_pair_verdicts_agree_with_osadl_where_both_have_term_sheets() -> None:
    allowed = _allowed()
    pairs = 0
    disagreements = {}
    for entry in _matrix():
        lead = _key(entry["name"])
        for item in entry["compatibilities"]:
            sub = _key(item["name"])
            # OSADL "Unknown" or "Check dependency" is no yes/no verdict to agree with
            if lead is None or sub is None or item["compatibility"] not in ("Yes", "No"):
                continue
            pairs += 1
            ours = compatibility(lead, sub)
            if ours.ok is not (item["compatibility"] == "Yes"):  # "same" is a yes
                disagreements[(entry["name"], item["name"])] = (
                    item["compatibility"], ours.verdict.value, ours.message)
    assert pairs >= 200, "too few licenses known to both to be a meaningful test"
    unexplained = {k: v for k, v in disagreements.items() if k not in allowed}
    assert not unexplained, f"disagreements not in {DOC.name}: {unexplained}"
    moot = {k for k, osadl in allowed.items() if osadl not in ("Yes", "No")}
    assert not moot, f"rows of {DOC.name} for answers no test compares (remove them): {moot}"
    assert 1 - len(disagreements) / pairs >= AGREEMENT


def test_examples_from_the_readme() -> None:
    assert compatibility("gpl-2.0", "apache-2.0").verdict is Compat.NO
    assert compatibility("gpl-3.0", "apache-2.0").verdict is Compat.YES


def test_an_exception_only_adds_permissions() -> None:
    cp = "gpl-2.0 WITH classpath-exception-2.0"
    assert profile(cp).copyleft_scope.value == "library"  # linking no longer spreads it
    assert compatibility("gpl-2.0", cp).verdict is Compat.YES  # the exception may be dropped
    assert compatibility("mit", cp).verdict is Compat.NO  # the library itself stays GPL
    assert compatibility(cp, "mpl-2.0").verdict is Compat.YES  # MPL-2.0 names the GPL-2.0
    llvm = "apache-2.0 WITH llvm-exception"
    assert compatibility("gpl-2.0", "apache-2.0").verdict is Compat.NO
    assert compatibility("gpl-2.0", llvm).verdict is Compat.YES
