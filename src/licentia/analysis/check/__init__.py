# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`check`: what a combination of models, datasets and code may do, must do, and may be licensed
under. Rules are read off the term sheets (copyleft scope and trigger, share-alike, no
derivatives, non-commercial, relicensing, flow-down, naming, notices, thresholds, outputs), so a
new term sheet works here without code changes.

Small pure steps, each returning values: the graph (own and inherited licenses, exposure, the
combined work), the combined work's license and its findings, each component's checklist and
the findings it gives, the licenses known only by category, the outbound license; the result
merges them. An outbound expression with options is checked once per option.
"""

from __future__ import annotations

from dataclasses import replace

from licentia.analysis.check.compatibility import derivative_checks
from licentia.analysis.check.drafts import (
    TITLES,
    Found,
    found,
    label,
    merge_actions,
    merge_findings,
)
from licentia.analysis.check.duties import item_findings
from licentia.analysis.check.graph import build_graph
from licentia.analysis.check.model import (
    FORMAT_VERSION,
    ArchitectureAction,
    Check,
    ComponentDuties,
    Inherited,
    Obligation,
    Outbound,
    RequiredTerm,
    Verdict,
)
from licentia.analysis.check.obligations import checklist, duties
from licentia.analysis.check.outbound import outbound
from licentia.analysis.check.policy import with_policy
from licentia.analysis.check.use import by_category, use_terms
from licentia.analysis.check.work import combined_work, work_findings
from licentia.analysis.findings import Finding, Severity
from licentia.analysis.manifest import Manifest
from licentia.analysis.policy import Policy

__all__ = [
    "FORMAT_VERSION", "TITLES", "ArchitectureAction", "Check", "ComponentDuties", "Inherited",
    "Obligation", "Outbound", "RequiredTerm", "Verdict", "check", "checklist",
]
_VERDICT_RANK = {Verdict.OK: 0, Verdict.OBLIGATIONS: 1, Verdict.CONFLICT: 2}


def _verdict(findings: tuple[Finding, ...]) -> Verdict:
    if any(f.severity is Severity.ERROR for f in findings):
        return Verdict.CONFLICT
    if any(f.severity is Severity.WARNING or f.extra.get("duty") for f in findings):
        return Verdict.OBLIGATIONS
    return Verdict.OK


def _run(m: Manifest) -> Check:
    """One outbound option: the steps in order, then their findings merged."""
    g = build_graph(m)
    work = combined_work(g)
    parts: list[Found] = work_findings(g, work)
    checklists: list[ComponentDuties] = []
    for c in m.components:
        d, about = duties(g, c)
        checklists.append(d)
        parts.append(found(about))
        parts.append(found(item_findings(g, c, d.items, work.required)))
        parts += derivative_checks(g, c)
        parts.append(found(use_terms(g, c)))
    parts.append(found(by_category(g)))
    findings = merge_findings(parts)
    return Check(m, _verdict(findings), findings, tuple(checklists), outbound(g, work.required),
                 merge_actions(parts))


def _option_label(option: tuple[str, ...]) -> str:
    return " AND ".join(label(k) for k in option)


def _with_outbound(m: Manifest, option: tuple[str, ...]) -> Manifest:
    """The manifest as if released under one option of its outbound expression."""
    first = m.outbound_options[0][1:]
    explicit = tuple(t for t in m.outbound_terms if t not in first)
    return replace(m, outbound_license=option[0],
                   outbound_terms=tuple(dict.fromkeys((*option[1:], *explicit))))


def _outbound_choice(m: Manifest) -> Check:
    """An outbound expression with options (`MIT OR GPL-3.0-only`): check each, keep the one
    that works best (the first among equals), and say which and how the others fare."""
    options = m.outbound_options
    if len(options) <= 1:
        return _run(m)
    runs = [_run(_with_outbound(m, opt)) for opt in options]
    best = min(range(len(runs)), key=lambda i: (
        _VERDICT_RANK[runs[i].verdict],
        sum(f.severity is Severity.ERROR for f in runs[i].findings),
        sum(f.severity is Severity.WARNING for f in runs[i].findings), i))
    labels = tuple((_option_label(opt), r.verdict.value)
                   for opt, r in zip(options, runs, strict=True))
    result = runs[best]
    return replace(result, manifest=m, outbound=replace(
        result.outbound, options=labels, chosen=_option_label(options[best])))


def check(manifest: Manifest, policy: Policy | None = None) -> Check:
    """Check a manifest: findings, per-component checklists, the outbound license; with a
    policy, its allow / review / deny decisions too."""
    result = _outbound_choice(manifest)
    return result if policy is None else with_policy(result, policy)
