# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What `check` returns: the verdict, findings, each component's checklist, the outbound
license and the architecture actions that avoid a conflict."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

from licentia.analysis.findings import Code, Evidence, Finding
from licentia.analysis.manifest import Distribution, Kind, Link, Manifest
from licentia.analysis.policy import PolicyReport

FORMAT_VERSION = 1
# how a license reaches a component from upstream: as a derivative, through outputs the license
# counts as derivatives, or through training data (a gray area)
Via = Literal["derivative", "outputs", "data"]


class Verdict(StrEnum):
    OK = "ok"
    OBLIGATIONS = "obligations"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Obligation:
    """One item of a component's checklist: a clause that binds it, as offered."""

    license: str
    clause: str
    title: str
    code: Code | None
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Inherited:
    """A license reaching a component from upstream: from which component, and how."""

    license: str
    origin: str
    via: Via


@dataclass(frozen=True)
class ComponentDuties:
    component: str
    kind: Kind
    link: Link
    exposure: Distribution | None  # None: not part of the product
    licenses: tuple[str, ...]  # its own (the option chosen, for an SPDX OR)
    inherited: tuple[Inherited, ...]
    items: tuple[Obligation, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequiredTerm:
    """A term any outbound license of the result must carry."""

    license: str
    clause: str
    title: str
    taxonomy: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Outbound:
    declared: str | None
    leading: str | None  # the license the combined work must go under, if one must
    allowed: tuple[str, ...]
    required_terms: tuple[RequiredTerm, ...]
    allowed_if_distributed: tuple[str, ...] | None = None
    keeps_own_license: tuple[str, ...] = ()  # components not relicensed by the outbound license
    # an outbound expression with options (an SPDX OR): each option and the verdict it gets;
    # `chosen` is the one this result is for (the first that works best)
    options: tuple[tuple[str, str], ...] = ()
    chosen: str | None = None


@dataclass(frozen=True)
class ArchitectureAction:
    """A way to avoid a conflict by how the product is built or offered, and when it holds."""

    action: str
    components: tuple[str, ...]
    condition: str
    avoids: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Check:
    manifest: Manifest
    verdict: Verdict
    findings: tuple[Finding, ...]
    obligations: tuple[ComponentDuties, ...]
    outbound: Outbound
    architecture: tuple[ArchitectureAction, ...] = ()
    policy: PolicyReport | None = None
    format_version: int = FORMAT_VERSION

    @property
    def blocking(self) -> bool:
        """A conflict, or a policy violation: what makes the shell exit 1."""
        return self.verdict is Verdict.CONFLICT or (
            self.policy is not None and self.policy.verdict.value == "fail")
