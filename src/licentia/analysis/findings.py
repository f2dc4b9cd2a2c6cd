# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Findings: what an analysis concludes, each with the license text it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from licentia.catalog.terms import Clause, Sheet


class Code(StrEnum):
    """Finding codes of `check` (stable: ../docs/cli-contract.md); review uses them too."""

    INCOMPATIBLE = "incompatible"
    NON_COMMERCIAL = "non-commercial"
    RELICENSE_NOT_ALLOWED = "relicense-not-allowed"
    USE_RESTRICTIONS_FLOW_DOWN = "use-restrictions-flow-down"
    ATTRIBUTION = "attribution"
    NAMING_REQUIREMENT = "naming-requirement"
    BUILT_WITH_NOTICE = "built-with-notice"
    USER_THRESHOLD = "user-threshold"
    OUTPUT_USE_RESTRICTION = "output-use-restriction"
    SOURCE_DISCLOSURE = "source-disclosure"
    NETWORK_COPYLEFT = "network-copyleft"
    STATE_CHANGES = "state-changes"
    PATENT_TERMINATION = "patent-termination"
    NO_DERIVATIVES = "no-derivatives"
    SHARE_ALIKE = "share-alike"
    UNKNOWN_LICENSE = "unknown-license"
    LICENSE_MISMATCH = "license-mismatch"
    REVOCABLE = "revocable"
    # compatible extensions (docs/cli-contract.md)
    ASSESSED_BY_CATEGORY = "assessed-by-category"  # no term sheet: judged by LicenseDB category
    COPYLEFT_NOT_TRIGGERED = "copyleft-not-triggered"  # a copyleft the offering does not trigger


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class Status(StrEnum):
    """How a use case stands against one term (review)."""

    CLEAR = "clear"
    GRAY = "gray"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Evidence:
    """A verbatim quote of a license (or a document it incorporates) and where it is."""

    license: str
    quote: str
    section: str
    document: str = "license"

    @classmethod
    def from_clause(cls, sheet: Sheet, clause: Clause) -> tuple[Evidence, ...]:
        return tuple(cls(sheet.license, ev.quote, ev.section, ev.document)
                     for ev in clause.evidence)

    def to_json(self) -> dict[str, Any]:
        return {"license": self.license, "quote": self.quote, "section": self.section,
                "document": self.document}


@dataclass(frozen=True)
class Finding:
    """One conclusion: a code, how serious, about which components, why, and what to do."""

    code: str  # a Code value, or a taxonomy id for a use-restriction finding
    severity: Severity
    message: str
    title: str = ""
    components: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    actions: tuple[str, ...] = ()
    status: Status | None = None  # review only
    step: str | None = None  # review only: verify|restrictions|attribution|patent|escalate
    extra: dict[str, Any] = field(default_factory=dict)
