# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The registry's tables, one concept per module."""

from licentia.registry.models.agreements import Agreement, Obligation
from licentia.registry.models.assets import Asset, Edge, License
from licentia.registry.models.audit import AuditEntry
from licentia.registry.models.base import Base
from licentia.registry.models.people import Party, User
from licentia.registry.models.runs import Decision, Finding, Run
from licentia.registry.models.uses import ObligationStatus, UseCase

__all__ = ["Agreement", "Asset", "AuditEntry", "Base", "Decision", "Edge", "Finding", "License",
           "Obligation", "ObligationStatus", "Party", "Run", "UseCase", "User"]
