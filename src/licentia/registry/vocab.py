# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The registry's closed vocabularies; each value is the string stored and shown on the wire."""

from __future__ import annotations

from enum import StrEnum

from licentia.analysis.manifest import Kind


class Role(StrEnum):
    """What a user may do, each role including the ones before it."""

    VIEWER = "viewer"      # reads everything
    EDITOR = "editor"      # uploads, records assets, agreements, use cases, statuses
    APPROVER = "approver"  # decides: approves, escalates, grants exceptions
    ADMIN = "admin"        # everything, and the audit log of every user

    @property
    def rank(self) -> int:
        return list(Role).index(self)

    def allows(self, needed: Role) -> bool:
        return self.rank >= needed.rank


class PartyRole(StrEnum):
    LICENSOR = "licensor"
    LICENSEE = "licensee"
    BOTH = "both"


# an asset is what a check manifest calls a component: one vocabulary for both
AssetKind = Kind


class Relation(StrEnum):
    """How one asset comes from another (the edge points from the source to the result)."""

    FINETUNE = "finetune"
    ADAPTER = "adapter"
    MERGE = "merge"
    QUANTIZE = "quantize"
    DISTILL = "distill"
    TRAINED_ON = "trained-on"
    DEPENDS_ON = "depends-on"


class AgreementKind(StrEnum):
    LICENSE = "license"
    COMMERCIAL = "commercial"
    DATA_USE = "data-use"
    CLICK_THROUGH = "click-through"  # a gated model's click-through terms


class AgreementStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    EXPIRED = "expired"
    TERMINATED = "terminated"
    SUPERSEDED = "superseded"


class Trigger(StrEnum):
    """What sets an obligation off."""

    DISTRIBUTION = "distribution"
    HOSTING = "hosting"
    MODIFICATION = "modification"
    OUTPUT_USE = "output-use"
    THRESHOLD = "threshold"
    USE = "use"  # any use at all


class StatusValue(StrEnum):
    """Where a use case stands with one obligation."""

    OPEN = "open"
    FULFILLED = "fulfilled"
    NOT_APPLICABLE = "not-applicable"
    DEFERRED = "deferred"
    ESCALATED = "escalated"


class RunKind(StrEnum):
    """Which library call produced a run's findings."""

    IDENTIFY = "identify"
    REVIEW = "review"
    CHECK = "check"
    SCAN = "scan"  # an uploaded `licentia scan --json` result


class DecisionKind(StrEnum):
    APPROVAL = "approval"
    EXCEPTION = "exception"
    LICENSE_CHOICE = "license-choice"


class Outcome(StrEnum):
    APPROVED = "approved"
    ESCALATED = "escalated"
    REJECTED = "rejected"
