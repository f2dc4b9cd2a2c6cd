# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Step 5: document and escalate: the risk matrix and the questions for counsel."""

from __future__ import annotations

from collections.abc import Sequence

from licentia.analysis.findings import Code, Finding, Status
from licentia.analysis.review.model import (
    STATUS_RANK,
    Basis,
    Escalation,
    Level,
    ReviewCode,
    Risk,
    short,
)

_IMPACT: dict[str, Level] = {
    ReviewCode.LICENSE_IDENTIFIED: Level.LOW,
    ReviewCode.MODIFIED_LICENSE: Level.MEDIUM,
    ReviewCode.AMBIGUOUS_LICENSE: Level.MEDIUM,
    ReviewCode.NOT_ASSESSED: Level.HIGH,
    ReviewCode.INCORPORATED_POLICY: Level.MEDIUM,
    ReviewCode.USE_CASE_UNCLEAR: Level.MEDIUM,
    ReviewCode.PATENT_GRANT: Level.MEDIUM,
    Code.UNKNOWN_LICENSE: Level.HIGH,
    Code.LICENSE_MISMATCH: Level.MEDIUM,
    Code.USE_RESTRICTIONS_FLOW_DOWN: Level.MEDIUM,
    Code.OUTPUT_USE_RESTRICTION: Level.MEDIUM,
    Code.USER_THRESHOLD: Level.HIGH,
    Code.ATTRIBUTION: Level.LOW,
    Code.BUILT_WITH_NOTICE: Level.LOW,
    Code.NAMING_REQUIREMENT: Level.LOW,
    Code.STATE_CHANGES: Level.LOW,
    Code.SOURCE_DISCLOSURE: Level.HIGH,
    Code.NETWORK_COPYLEFT: Level.HIGH,
    Code.SHARE_ALIKE: Level.HIGH,
    Code.PATENT_TERMINATION: Level.MEDIUM,
}
_LIKELIHOOD = {Status.CONFLICT: Level.HIGH, Status.GRAY: Level.MEDIUM, Status.CLEAR: Level.LOW}


def risk(f: Finding) -> Risk:
    """Likelihood follows the status; impact follows what breaking the term costs: a use
    restriction or threshold ends the license, a missed notice is usually curable."""
    status = f.status or Status.CLEAR
    impact = _IMPACT.get(f.code, Level.HIGH)  # taxonomy ids: a breach ends the license
    return Risk(f.code, f.title, f.step or "", status, _LIKELIHOOD[status], impact)


def escalations(findings: Sequence[Finding], basis: Basis) -> list[Escalation]:
    licensor = basis.sheet.title if basis.sheet else (
        basis.license.name if basis.license else "the licensor")
    out: list[Escalation] = []
    ordered = sorted((f for f in findings if f.status in (Status.CONFLICT, Status.GRAY)),
                     key=lambda f: -STATUS_RANK[f.status or Status.CLEAR])
    for f in ordered:
        question = f.extra.get("question")
        if not question:
            if f.status is Status.CONFLICT:
                question = (f"Can the product be changed so that it no longer conflicts with "
                            f"this term, or will the licensor of {licensor} grant a separate "
                            "license or written permission?")
            else:
                quote = f.evidence[0].quote if f.evidence else f.title
                question = f"Does the use fall under this term: \u201c{short(quote)}\u201d?"
        out.append(Escalation(f.code, f.title, f.status or Status.GRAY, str(question),
                              f.evidence[:1]))
    return out
