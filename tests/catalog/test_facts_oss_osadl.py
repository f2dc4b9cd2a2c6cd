# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Facts of the term sheets written for the licenses of the OSADL matrix, read from the packaged
sheets: copyleft scope, conversions the text allows, duties beyond keeping notices, patents.
(Every quote is checked against the LicenseDB text by test_terms.py.)"""

from __future__ import annotations

import pytest

from licentia.catalog.catalog import catalog
from licentia.catalog.terms import ClauseKind, CopyleftScope, Sheet, parse_sheet, sheet_for
from licentia.errors import DataError

# SPDX id -> copyleft scope of its term sheet
SCOPE = {
    "MIT-0": "none", "BSD-1-Clause": "none", "Zlib": "none", "Unicode-3.0": "none",
    "Unicode-DFS-2016": "none", "ICU": "none", "X11": "none", "curl": "none",
    "LGPL-2.1-or-later": "library", "LGPL-3.0-or-later": "library",
    "AGPL-3.0-or-later": "network",
}
# SPDX id -> licenses its text lets the material go under
CONVERSIONS = {
    "LGPL-2.1-or-later": {"LGPL-3.0-only", "GPL-2.0-only", "GPL-3.0-or-later"},
    "LGPL-3.0-or-later": {"LGPL-3.0-only", "GPL-3.0-only", "GPL-3.0-or-later"},
    "AGPL-3.0-or-later": {"AGPL-3.0-only", "GPL-3.0-only"},
}
# SPDX id -> the kind of duty beyond keeping notices it imposes (None: none)
EXTRA = {"MIT-0": None, "BSD-1-Clause": None, "Zlib": None, "X11": None, "curl": None}


def sheet(spdx: str) -> Sheet:
    lic = catalog().lookup(spdx)
    assert lic is not None, spdx
    found = sheet_for(lic.key)
    assert found is not None, f"no term sheet for {spdx} ({lic.key})"
    return found


@pytest.mark.parametrize(("spdx", "scope"), sorted(SCOPE.items()))
def test_copyleft_scope(spdx: str, scope: str) -> None:
    s = sheet(spdx)
    assert s.family == "oss"
    assert s.facts.copyleft is CopyleftScope(scope)
    copyleft = [c for c in s.clauses if c.kind is ClauseKind.COPYLEFT]
    assert bool(copyleft) is (scope != "none")
    assert all(c.value.copyleft_scope is CopyleftScope(scope) and c.flows_down
               for c in copyleft)
    assert any(c.kind is ClauseKind.PERMISSION for c in s.clauses)


@pytest.mark.parametrize(("spdx", "targets"), sorted(CONVERSIONS.items()))
def test_conversions_the_text_allows(spdx: str, targets: set[str]) -> None:
    named = {t for c in sheet(spdx).clauses for t in c.value.compatible_with or ()}
    assert targets <= named


@pytest.mark.parametrize(("spdx", "extra"), sorted(EXTRA.items(), key=str))
def test_duties_beyond_notices(spdx: str, extra: str | None) -> None:
    kinds = {c.value.extra_requirement for c in sheet(spdx).clauses} - {None}
    assert kinds == ({extra} if extra else set())


def test_mit0_needs_no_notice_and_zlib_only_in_source() -> None:
    assert not [c for c in sheet("MIT-0").clauses if c.kind is ClauseKind.CONDITION]
    notice = next(c for c in sheet("Zlib").clauses if c.id == "notice")
    assert "from any source distribution" in notice.evidence[0].quote


def test_x11_and_icu_are_distinct_sheets() -> None:
    # the LicenseDB key x11 is SPDX ICU; SPDX X11 is x11-xconsortium
    assert sheet("ICU").license == "x11" and sheet("X11").license == "x11-xconsortium"


def test_extra_requirement_is_validated() -> None:
    bad = """
license: mit
title: MIT
version: "1"
family: oss
facts: {osi_approved: true, fsf_free: true, osaid_any_purpose: true,
        commercial_use: "yes", copyleft: none}
clauses:
  - id: ads
    kind: condition
    title: x
    value: {extra_requirement: billboard}
    evidence: [{quote: "Permission is hereby granted", section: "1"}]
"""
    with pytest.raises(DataError, match=r"clauses\[ads\]\.value\.extra_requirement"):
        parse_sheet(bad, "terms/mit.yaml")
