# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""compare pairs clauses by meaning: a paired item is the same term only when what decides it
agrees too."""

from __future__ import annotations

from licentia.analysis.compare import compare
from licentia.catalog.catalog import catalog


def test_impersonation_item_differs_when_one_license_adds_consent() -> None:
    cat = catalog()
    bloom, openrail = cat.get("bigscience-rail-1.0"), cat.get("bigscience-open-rail-m")
    assert bloom is not None and openrail is not None
    c = compare(bloom, openrail)
    different = {p.a.id for p in c.different}
    same = {p.a.id for p in c.same}
    assert "restriction-impersonation" in different  # OpenRAIL-M adds "without their consent"
    [pair] = [p for p in c.different if p.a.id == "restriction-impersonation"]
    assert pair.b.decided_by is not None and pair.a.decided_by is None
    assert "restriction-automated-decisions" in same  # the same facts decide both
