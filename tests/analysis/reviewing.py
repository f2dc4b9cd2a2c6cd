# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Helpers of the review tests: a use case from a description, and a review's findings."""

from __future__ import annotations

from typing import Any

from licentia.analysis.findings import Finding, Status
from licentia.analysis.review import Review
from licentia.analysis.usecase import UseCase


def use(description: str, **fields: Any) -> UseCase:
    data = {"name": "test", "description": description, "commercial": True,
            "deployment": "saas", "modification": "none", **fields}
    return UseCase.from_mapping(data, path="test.yaml")


def find(review: Review, code: str, step: str | None = None) -> list[Finding]:
    """Findings with this code in one step; without a step, in steps 2 and 3 (a restriction's
    flow-down is a step 3 duty, a model trained on outputs a step 2 question)."""
    steps = {step} if step else {"restrictions", "attribution"}
    return [f for f in review.findings if f.code == code and f.step in steps]


def status_of(review: Review, code: str, step: str | None = None) -> Status | None:
    """The worst status among the findings with this code (None when there are none)."""
    rank = {Status.CLEAR: 0, Status.GRAY: 1, Status.CONFLICT: 2}
    found = [f.status for f in find(review, code, step) if f.status is not None]
    return max(found, key=lambda s: rank[s]) if found else None
