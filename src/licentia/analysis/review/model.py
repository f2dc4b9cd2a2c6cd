# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The values a review is made of: verdict, steps, the basis it rests on, findings' helpers."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from licentia.analysis.facts import Facts
from licentia.analysis.findings import Evidence, Finding, Severity, Status
from licentia.analysis.usecase import UseCase
from licentia.catalog import external
from licentia.catalog.catalog import HfTag, License, Source, catalog
from licentia.catalog.terms import Sheet
from licentia.identify import Identification

FORMAT_VERSION = 1
SHORT_DESCRIPTION_WORDS = 6
MAX_DIFFERENCES_QUOTED = 5


class Verdict(StrEnum):
    """The overall answer: go, go after counsel answers the gray areas, or stop."""

    CLEAR = "clear"
    REVIEW = "review"
    CONFLICT = "conflict"


class Step(StrEnum):
    VERIFY = "verify"
    RESTRICTIONS = "restrictions"
    ATTRIBUTION = "attribution"
    PATENT = "patent"
    ESCALATE = "escalate"


class ReviewCode(StrEnum):
    """Finding codes only review uses (verify and patent steps); the others are `Code` values
    of check or taxonomy ids."""

    LICENSE_IDENTIFIED = "license-identified"
    MODIFIED_LICENSE = "modified-license"
    AMBIGUOUS_LICENSE = "ambiguous-license"
    NOT_ASSESSED = "not-assessed"
    INCORPORATED_POLICY = "incorporated-policy"
    USE_CASE_UNCLEAR = "use-case-unclear"
    PATENT_GRANT = "patent-grant"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


LEVEL_SCORE = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}
SEVERITY = {Status.CLEAR: Severity.INFO, Status.GRAY: Severity.WARNING,
             Status.CONFLICT: Severity.ERROR}
STATUS_RANK = {Status.CLEAR: 0, Status.GRAY: 1, Status.CONFLICT: 2}
STEP_TITLES = {
    Step.VERIFY: "Verify the license",
    Step.RESTRICTIONS: "Use restrictions",
    Step.ATTRIBUTION: "Attribution, notice and flow-down",
    Step.PATENT: "Patent grant",
    Step.ESCALATE: "Document and escalate",
}


@dataclass(frozen=True)
class Basis:
    """What the review rests on: the reference as given, and what it was identified as."""

    reference: str
    license: License | None
    sheet: Sheet | None
    identification: Identification | None = None
    family_tag: HfTag | None = None  # a Hugging Face tag naming a family, resolved to a default

    @property
    def text_source(self) -> str | None:
        """Where the term sheet's quotes are checked: the LicenseDB or licentia's own data."""
        if self.sheet is None:
            return None
        drafted = catalog().get(self.sheet.license)
        if drafted is not None and drafted.source is Source.TEMPLATE:
            return "the drafted text itself (licentia's template, its choices read back)"
        if external.get(self.sheet.license) is not None:
            return (f"licentia's phrase data and fingerprint for {self.sheet.license} "
                    "(the text is not in the LicenseDB)")
        return f"the LicenseDB text {self.sheet.license}"

    @property
    def rests_on(self) -> str:
        """The license text version every statement of the review rests on, in one line."""
        if self.sheet is None:
            name = self.license.name if self.license else "no identified license"
            return f"{name}: no term sheet, so no clause-level analysis"
        docs = "; ".join(f"{d.title}" + (f" ({d.url})" if d.url else "")
                         for d in self.sheet.documents)
        line = (f"{self.sheet.title}, {self.sheet.version} (term sheet checked against "
                f"{self.text_source})")
        return line + (f"; incorporated: {docs}" if docs else "")


@dataclass(frozen=True)
class Risk:
    """One row of the risk matrix: a finding's likelihood and impact."""

    code: str
    title: str
    step: str
    status: Status
    likelihood: Level
    impact: Level

    @property
    def rating(self) -> Level:
        score = LEVEL_SCORE[self.likelihood] * LEVEL_SCORE[self.impact]
        return Level.HIGH if score >= 6 else Level.MEDIUM if score >= 3 else Level.LOW


@dataclass(frozen=True)
class Escalation:
    """A question for counsel (gray) or a decision to take (conflict), with its quote."""

    code: str
    title: str
    status: Status
    question: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Review:
    use_case: UseCase
    basis: Basis
    verdict: Verdict
    findings: tuple[Finding, ...]
    risk_matrix: tuple[Risk, ...]
    escalations: tuple[Escalation, ...]
    not_assessed: tuple[str, ...] = ()
    facts: Facts | None = None  # what the use case was read as

    def by_step(self, step: Step) -> list[Finding]:
        return [f for f in self.findings if f.step == step.value]



def verdict_of(findings: Iterable[Finding]) -> Verdict:
    statuses = {f.status for f in findings}
    if Status.CONFLICT in statuses:
        return Verdict.CONFLICT
    if Status.GRAY in statuses:
        return Verdict.REVIEW
    return Verdict.CLEAR


def finding(step: Step, code: str, status: Status, title: str, rationale: str,
             evidence: Iterable[Evidence] = (), actions: Iterable[str] = (),
             **extra: Any) -> Finding:
    return Finding(code=code, severity=SEVERITY[status], message=rationale, title=title,
                   evidence=tuple(evidence), actions=tuple(dict.fromkeys(actions)),
                   status=status, step=step.value,
                   extra={k: v for k, v in extra.items() if v not in (None, [], ())})


def short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"

