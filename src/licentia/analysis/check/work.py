# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The product's combined work (its static and dynamic links): which license must govern it,
whether every part may go under it and under the declared outbound license, and what stays
under its own license beside it."""

from __future__ import annotations

from dataclasses import dataclass

from licentia.analysis.check.actions import separate_program
from licentia.analysis.check.compatibility import combination_finding, relicense_finding
from licentia.analysis.check.drafts import Draft, Found, draft, found, label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.triggers import active, bites, copyleft_active, satisfied
from licentia.analysis.compat import compatibility
from licentia.analysis.findings import Code, Severity
from licentia.analysis.manifest import Distribution
from licentia.analysis.profile import SCOPE_RANK, Basis, profile, trigger

_TRIGGER_WORDS = {"distribution": "conveying copies", "network-use": "use over a network",
                  "publication": "sharing with the public", "use": "use",
                  "modification": "modification"}


@dataclass(frozen=True)
class Work:
    """The combined work: the licenses in it (with the parts under each), those whose copyleft
    claims the whole, and the one it must go under as offered (`required`)."""

    keys: dict[str, list[str]]
    leaders: dict[str, list[str]]
    required: str | None

    def lead_of(self, outbound: str | None) -> str | None:
        """The license the combined work is checked against."""
        return outbound or self.required


def combined_work(g: Graph) -> Work:
    exposure = g.manifest.distribution
    leaders: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    for c in g.members:
        for key, via in g.governing(c.id).items():
            if via != "derivative":
                continue
            keys.setdefault(key, []).append(c.id)
            if profile(key).whole_work:
                leaders.setdefault(key, []).append(c.id)
    # a copyleft that lets its material go under the declared outbound license (EUPL-1.2
    # Article 5, "or later" versions) is met by releasing the work under that license
    outbound = g.manifest.outbound_license
    active_leaders = [k for k in leaders if copyleft_active(k, exposure)
                      and not (outbound and k != outbound and compatibility(outbound, k).ok)]
    required = max(active_leaders, key=lambda k: SCOPE_RANK[profile(k).copyleft_scope],
                   default=None)
    return Work(keys, leaders, required)


def work_findings(g: Graph, w: Work) -> list[Found]:
    """Copyleft the offering does not trigger; every part against each license the work must
    go under; parts that stay under their own license beside the outbound one."""
    m = g.manifest
    out = [found([_dormant(k, comps, m.distribution, w)]) for k, comps in w.leaders.items()
           if not copyleft_active(k, m.distribution)]
    for lead in dict.fromkeys(k for k in (m.outbound_license, w.required) if k):
        out += _against(g, w, lead)
    if m.outbound_license is not None:
        out.append(found(_not_covered(g, m.outbound_license)))
    return out


def _not_covered(g: Graph, outbound: str) -> list[Draft]:
    """Parts whose own license cannot be relicensed stay under it beside the outbound."""
    out = []
    for c in g.members:
        for key in g.own[c.id]:
            p = profile(key)
            if key == outbound or p.relicensable or p.whole_work or key in \
                    g.manifest.outbound_terms or p.basis is Basis.CATEGORY \
                    or g.embedded(c.id, key):
                continue
            out.append(draft(Code.LICENSE_MISMATCH, Severity.INFO,
                             f"{label(key)} material stays under {label(key)}: the outbound "
                             f"license {label(outbound)} does not cover it",
                             key=("not-covered", key), components=[c.id],
                             licenses=[key, outbound], duty=True,
                             actions=[f"Ship it with its own license ({label(key)}) and say "
                                      "which parts the outbound license covers"]))
    return out


def _binds(g: Graph, w: Work, lead: str) -> bool:
    """Does the license the whole product goes under bind every part linked into it? When
    its copyleft is on; a declared copyleft outbound license (even a weak one: the product is
    that library) does too."""
    lp, exposure = profile(lead), g.manifest.distribution
    declared = lead == g.manifest.outbound_license and lp.copyleft_scope.value != "none"
    return lead in w.leaders or ((lp.whole_work or declared) and copyleft_active(lead, exposure))


def _against(g: Graph, w: Work, lead: str) -> list[Found]:
    """Check every part of the combined work against one license it must go under."""
    m, exposure = g.manifest, g.manifest.distribution
    one_way: list[str] = []
    lead_binds = _binds(g, w, lead)
    out: list[Found] = []
    for key, all_comps in w.keys.items():
        # parts meeting inside one component are that component's own check
        comps = [c for c in all_comps if lead not in g.governing(c)]
        if key == lead or not comps:
            continue
        is_leader = key in w.leaders
        derived = [c for c in comps if key not in g.own[c]]
        embedded = [c for c in comps if lead == m.outbound_license and g.embedded(c, key)]
        if not (lead_binds or is_leader or derived or embedded):
            continue  # a part keeping its own license beside the outbound one
        v = compatibility(lead, key)
        if v.ok:
            if lead in w.leaders and not compatibility(key, lead).ok:
                one_way.append(key)
            continue
        if satisfied(v, key, m.outbound_terms):
            continue
        if is_leader or lead_binds:
            parts = (w.leaders.get(lead, []) + comps) if lead in w.leaders else comps
            out.append(combination_finding(v, parts, exposure, f"the combined work "
                                           f"({label(lead)}) includes {label(key)} material "
                                           "linked into it"))
            if bites(v, exposure) and is_leader:
                out.append(found(actions=separate_program(g, key, w.leaders[key], v)))
            if bites(v, exposure) and lead in w.leaders and lead != m.outbound_license:
                out.append(found(actions=separate_program(g, lead, w.leaders[lead], v)))
        else:
            what = ("material statically linked into it" if embedded and not derived
                    else "-derived material")
            out.append(relicense_finding(v, comps, exposure, lead, False,
                                         f"the product is released under {label(lead)} and "
                                         f"includes {label(key)}"
                                         + (what if what[0] == "-" else f" {what}")))
    if lead in w.leaders and copyleft_active(lead, exposure):
        out.append(found([_whole(g, lead, one_way)]))
    return out


def _whole(g: Graph, lead: str, one_way: list[str]) -> Draft:
    """The combined work goes under `lead` as a whole: its duty, said once."""
    p, exposure = profile(lead), g.manifest.distribution
    clause = next((c for c in p.copyleft if active(p, c, exposure)),
                  p.copyleft[0] if p.copyleft else None)
    network = clause is not None and trigger(clause) == "network-use"
    sa = p.share_alike is not None
    code = Code.SHARE_ALIKE if sa else Code.NETWORK_COPYLEFT if network else \
        Code.SOURCE_DISCLOSURE
    compatible = "".join(f" ({label(k)} is compatible one way: {label(k)} material may go into "
                         f"a {label(lead)} work, not the reverse)" for k in one_way)
    duty = ("share it under the same license" if sa else
            "users interacting with it over a network must be offered the Corresponding "
            "Source of the whole work" if network else
            "recipients must get the Corresponding Source of the whole work")
    work = "the combined work" if len(g.members) > 1 else g.members[0].id
    return draft(code, Severity.WARNING,
                 f"{work} goes under {label(lead)} as a whole{compatible}: " + duty,
                 key=("work", lead), components=[c.id for c in g.members],
                 evidence=p.evidence(clause), licenses=[lead],
                 actions=[f"License the combined work under {label(lead)}"
                          + ("" if sa else " and publish or offer its Corresponding Source")])


def _dormant(key: str, comps: list[str], exposure: Distribution, w: Work) -> Draft:
    """A copyleft the way the product is offered does not trigger: say so, and what
    distributing would change."""
    p = profile(key)
    triggers = sorted(p.copyleft_triggers) or ["distribution"]
    conflicts = [k for k in w.keys if k != key and not compatibility(key, k).ok]
    message = (f"{label(key)} is triggered by "
               + " or ".join(_TRIGGER_WORDS[t] for t in triggers)
               + f"; offered as {exposure.value}, no source-disclosure duty arises and its "
               "copyleft does not reach the rest of the product")
    action = (f"If you distribute the product (binaries, containers, on-device), the "
              f"combined work goes under {label(key)} and its source must be provided")
    others = [k for k in w.keys if k != key]
    if conflicts:
        action += " - and " + ", ".join(label(k) for k in conflicts) + \
            " material in it would then be incompatible"
    elif others:
        action += "; " + ", ".join(label(k) for k in others) + \
            f" can go into a {label(key)} work"
    return draft(Code.COPYLEFT_NOT_TRIGGERED, Severity.INFO, message, key=("dormant", key),
                 components=comps, evidence=p.evidence(p.hosting, *p.copyleft),
                 licenses=[key], actions=[action], triggered=False)
