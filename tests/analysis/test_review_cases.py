# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Realistic use cases in words other than the development set's (tests/fixtures/review-cases):
each gets its verdict, its decisive clause is raised with its status, and every gray or
conflict finding quotes its clause."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from licentia.analysis.review import review_reference
from licentia.analysis.usecase import UseCase

CASES = Path(__file__).resolve().parents[1] / "fixtures" / "review-cases"
EXPECTED: dict[str, Any] = yaml.safe_load((CASES / "expected.yaml").read_text("utf-8"))


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_case(case: str) -> None:
    exp = EXPECTED[case]
    r = review_reference(exp["license"], UseCase.from_file(CASES / f"{case}.usecase.yaml"))
    raised = {(f.code, str(f.status)) for f in r.findings} | {
        (str(f.extra.get("clause")), str(f.status)) for f in r.findings}
    shown = sorted(f"{c}:{s}" for c, s in raised if s != "clear")
    assert r.verdict.value == exp["verdict"], shown
    for code, status in (exp.get("decisive") or {}).items():
        assert (code, status) in raised, shown
    for f in r.findings:
        if f.status is not None and f.status.value != "clear" and f.step != "verify":
            assert f.evidence, (f.code, f.title)
