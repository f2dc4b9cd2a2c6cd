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


def find(review: Review, code: str, step: str = "restrictions") -> list[Finding]:
    return [f for f in review.findings if f.code == code and f.step == step]


def status_of(review: Review, code: str, step: str = "restrictions") -> Status | None:
    """The worst status among the findings with this code (None when there are none)."""
    rank = {Status.CLEAR: 0, Status.GRAY: 1, Status.CONFLICT: 2}
    found = [f.status for f in find(review, code, step) if f.status is not None]
    return max(found, key=lambda s: rank[s]) if found else None
