# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Pair verdicts (`compat`) as findings: may a derivative carry its own license given what it
derives from, may parts meet in one work, and does the requirement bite as the product is
offered."""

from __future__ import annotations

from licentia.analysis.check.actions import (
    avoid_by_hosting,
    combination_actions,
    outputs_action,
    relicense_actions,
)
from licentia.analysis.check.drafts import Found, draft, found, label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.model import ArchitectureAction
from licentia.analysis.check.triggers import bites, satisfied
from licentia.analysis.compat import Compat, PairVerdict, Reason, compatibility
from licentia.analysis.findings import Code, Severity
from licentia.analysis.manifest import Component, Distribution
from licentia.analysis.profile import SCOPE_RANK, profile


def _not_triggered(exposure: Distribution | None, outside: str) -> str:
    return " - not triggered as offered" + (f" ({exposure.value})" if exposure else outside)


def relicense_finding(v: PairVerdict, comps: list[str], exposure: Distribution | None,
                      target: str, gray: bool, context: str) -> Found:
    """Material under `v.subordinate` released under `target`: may it be?"""
    code = {Reason.COPYLEFT: Code.RELICENSE_NOT_ALLOWED,
            Reason.COMBINATION: Code.RELICENSE_NOT_ALLOWED}.get(v.reason, v.reason.code)
    if code is None:
        return Found()
    sub = v.subordinate
    on = bites(v, exposure)
    sev = Severity.ERROR if on else Severity.INFO
    if gray and sev is Severity.ERROR:
        sev = Severity.WARNING
    if v.verdict is Compat.UNKNOWN:
        sev = Severity.WARNING if on else Severity.INFO
    why = (f"{label(sub)} requires works based on it to be licensed under {label(sub)}: "
           f"{v.message}" if v.reason is Reason.COPYLEFT else v.message)
    message = f"{context}: {why}"
    if gray:
        message += " (whether a model trained on data is an adaptation of it is unsettled)"
    if not on:
        message += _not_triggered(exposure, " (not part of the product)")
    d = draft(code, sev, message, key=("relicense", sub, target, gray, on), components=comps,
              evidence=v.evidence, actions=relicense_actions(v, target),
              licenses=[sub, target], triggered=on)
    actions: list[ArchitectureAction] = []
    if on:
        actions = avoid_by_hosting(v, comps, code, exposure) + outputs_action(v, comps, code)
    return found([d], actions)


def combination_finding(v: PairVerdict, comps: list[str], exposure: Distribution | None,
                        context: str) -> Found:
    """Parts under `v.leading` and `v.subordinate` meeting in one work."""
    on = bites(v, exposure)
    code = v.reason.code or Code.INCOMPATIBLE
    if v.reason is Reason.COPYLEFT or v.reason is Reason.COMBINATION:
        code = Code.INCOMPATIBLE
    sev = Severity.ERROR if on and v.verdict is Compat.NO else (
        Severity.WARNING if on else Severity.INFO)
    msg = f"{context}: {v.message}"
    if not on:
        msg += _not_triggered(exposure, "")
    d = draft(code, sev, msg, key=("combine", v.leading, v.subordinate, on), components=comps,
              evidence=v.evidence, licenses=[v.leading, v.subordinate], triggered=on,
              actions=combination_actions(v))
    return found([d], avoid_by_hosting(v, comps, code, exposure) if on else [])


def derivative_checks(g: Graph, c: Component) -> list[Found]:
    """A derivative released under its own license: may it carry that license? And parts from
    different lineages inside one derivative (a merge): may they meet?"""
    own = g.own[c.id]
    if not own:
        return []
    exposure, target, out = g.exposure[c.id], own[0], []
    for key, inh in g.inherited[c.id].items():
        if inh.via == "outputs" or key in own:
            continue
        v = compatibility(target, key)
        if v.ok or satisfied(v, key, c.additional_terms):
            continue
        if v.reason is Reason.NON_COMMERCIAL and g.manifest.commercial:
            continue  # the non-commercial finding says it
        gray = inh.via == "data"
        out.append(relicense_finding(v, [c.id, inh.origin], exposure, target, gray,
                                     f"{c.id} ({label(target)}) derives from {inh.origin} "
                                     f"({label(key)})" + (" by training on it" if gray else "")))
    gov = g.governing(c.id)
    strong = [k for k, via in gov.items() if via == "derivative" and profile(k).whole_work]
    if not strong:
        return out
    lead = max(strong, key=lambda k: SCOPE_RANK[profile(k).copyleft_scope])
    for key, via in gov.items():
        if lead == target or key == lead or via != "derivative" or key in own:
            continue  # the declared license's own check covers the lead
        v = compatibility(lead, key)
        if v.ok:
            continue
        comps = [c.id] + [i.origin for k2, i in g.inherited[c.id].items() if k2 in (lead, key)]
        out.append(combination_finding(v, comps, exposure, f"{c.id} combines {label(lead)} and "
                                       f"{label(key)} material in one work"))
    return out
