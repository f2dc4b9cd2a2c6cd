# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What each step of `check` returns: finding drafts and architecture actions, as values; the
result merges them (drafts with the same key become one finding naming every component)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from licentia.analysis.check.model import ArchitectureAction
from licentia.analysis.findings import Code, Evidence, Finding, Severity
from licentia.analysis.profile import profile

_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# codes whose findings are duties to perform (they make the verdict "obligations")
DUTY_CODES = frozenset({
    Code.ATTRIBUTION, Code.NAMING_REQUIREMENT, Code.BUILT_WITH_NOTICE, Code.STATE_CHANGES,
    Code.SOURCE_DISCLOSURE, Code.NETWORK_COPYLEFT, Code.SHARE_ALIKE,
    Code.USE_RESTRICTIONS_FLOW_DOWN, Code.USER_THRESHOLD, Code.OUTPUT_USE_RESTRICTION,
    Code.NON_COMMERCIAL,
})
TITLES: dict[str, str] = {
    Code.INCOMPATIBLE: "Incompatible licenses",
    Code.NON_COMMERCIAL: "Non-commercial terms",
    Code.RELICENSE_NOT_ALLOWED: "Relicensing not allowed",
    Code.USE_RESTRICTIONS_FLOW_DOWN: "Use restrictions must flow down",
    Code.ATTRIBUTION: "Attribution and notices",
    Code.NAMING_REQUIREMENT: "Naming requirement",
    Code.BUILT_WITH_NOTICE: "\"Built with\" notice",
    Code.USER_THRESHOLD: "User or revenue threshold",
    Code.OUTPUT_USE_RESTRICTION: "Restrictions on outputs",
    Code.SOURCE_DISCLOSURE: "Source disclosure",
    Code.NETWORK_COPYLEFT: "Network copyleft",
    Code.STATE_CHANGES: "State changes",
    Code.PATENT_TERMINATION: "Patent termination on litigation",
    Code.NO_DERIVATIVES: "No derivatives",
    Code.SHARE_ALIKE: "Share-alike",
    Code.UNKNOWN_LICENSE: "License not analysed",
    Code.LICENSE_MISMATCH: "License text or declaration mismatch",
    Code.REVOCABLE: "Revocable license",
    Code.ASSESSED_BY_CATEGORY: "Assessed by LicenseDB category, not by its text",
    Code.COPYLEFT_NOT_TRIGGERED: "Copyleft not triggered",
}


def label(key: str) -> str:
    """How a license is named in messages: its SPDX id, else its catalog key."""
    p = profile(key)
    return p.spdx if not p.spdx.startswith("LicenseRef-") else key


@dataclass(frozen=True)
class Draft:
    """One finding as a step sees it; drafts with the same code, severity and key merge."""

    code: str
    severity: Severity
    message: str
    key: tuple[object, ...]
    components: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    actions: tuple[str, ...] = ()
    title: str = ""
    licenses: tuple[str, ...] = ()
    triggered: bool = True
    duty: bool | None = None
    detail: str | None = None


def draft(code: str, severity: Severity, message: str, *, key: tuple[object, ...],
          components: Iterable[str] = (), evidence: Iterable[Evidence] = (),
          actions: Iterable[str] = (), title: str = "", licenses: Iterable[str] = (),
          triggered: bool = True, duty: bool | None = None, detail: str | None = None
          ) -> Draft:
    return Draft(code, severity, message, key, tuple(components), tuple(evidence),
                 tuple(actions), title, tuple(licenses), triggered, duty, detail)


@dataclass(frozen=True)
class Found:
    """What one step found: finding drafts and architecture actions, in order."""

    drafts: tuple[Draft, ...] = ()
    actions: tuple[ArchitectureAction, ...] = ()


def found(drafts: Iterable[Draft] = (), actions: Iterable[ArchitectureAction] = ()) -> Found:
    return Found(tuple(drafts), tuple(actions))


def merge_findings(parts: Iterable[Found]) -> tuple[Finding, ...]:
    """The findings: drafts merged by key (the first message and title win; components,
    evidence, actions and details accumulate), errors first, then warnings, then notes."""
    groups: dict[tuple[object, ...], tuple[Draft, dict[str, None], dict[Evidence, None],
                                           dict[str, None], dict[str, None]]] = {}
    for part in parts:
        for d in part.drafts:
            k = (d.code, d.severity, *d.key)
            g = groups.get(k)
            if g is None:
                g = groups[k] = (d, {}, {}, {}, {})
            g[1].update(dict.fromkeys(d.components))
            g[2].update(dict.fromkeys(d.evidence))
            g[3].update(dict.fromkeys(d.actions))
            if d.detail:
                g[4][d.detail] = None
    out = []
    for d, comps, evidence, actions, details in groups.values():
        duty = d.duty if d.duty is not None else (d.code in DUTY_CODES and d.triggered)
        out.append(Finding(
            code=d.code, severity=d.severity, title=d.title or TITLES.get(d.code, d.code),
            message=d.message + (": " + "; ".join(details) if details else ""),
            components=tuple(comps), evidence=tuple(evidence), actions=tuple(actions),
            extra={"licenses": list(dict.fromkeys(d.licenses)), "triggered": d.triggered,
                   "duty": duty}))
    out.sort(key=lambda f: (_SEVERITY_RANK[f.severity], not f.extra["triggered"], f.code))
    return tuple(out)


def merge_actions(parts: Iterable[Found]) -> tuple[ArchitectureAction, ...]:
    """Architecture actions, one per action text, with the components and codes they avoid."""
    merged: dict[str, ArchitectureAction] = {}
    for part in parts:
        for a in part.actions:
            old = merged.get(a.action)
            merged[a.action] = a if old is None else ArchitectureAction(
                old.action, tuple(dict.fromkeys(old.components + a.components)), old.condition,
                tuple(dict.fromkeys(old.avoids + a.avoids)),
                tuple(dict.fromkeys(old.evidence + a.evidence)))
    return tuple(merged.values())
