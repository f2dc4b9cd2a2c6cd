# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What to do about a finding: the remedies a finding lists, and the architecture actions that
avoid a conflict by how the product is built or offered (a separate program, hosting instead of
distributing, outputs licensed apart from the weights), each with the condition it holds under."""

from __future__ import annotations

from licentia.analysis.check.drafts import label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.model import ArchitectureAction
from licentia.analysis.check.triggers import bites
from licentia.analysis.compat import PairVerdict, Reason
from licentia.analysis.findings import Code
from licentia.analysis.manifest import Distribution
from licentia.analysis.profile import profile, trigger


def source_action(code: str, name: str) -> str:
    if code == Code.NETWORK_COPYLEFT:
        return (f"Offer the Corresponding Source ({name}) to every user interacting with it "
                "remotely, e.g. a source link in the user interface")
    return f"Ship or offer the Corresponding Source ({name}) with every copy you distribute"


def relicense_actions(v: PairVerdict, target: str) -> list[str]:
    sub = label(v.subordinate)
    if v.reason is Reason.FLOW_DOWN:
        return [f"Include the {sub} use restrictions ({', '.join(v.missing)}) as enforceable "
                f"terms of the release (e.g. {label(target)} plus the {sub} restrictions, "
                f"listed under `additional_terms`), or release under {sub}"]
    if v.reason is Reason.COPYLEFT and not profile(v.subordinate).whole_work:
        return [f"Release the product as `{label(target)} AND {sub}` (`outbound_license`): "
                f"your code under {label(target)}, the {sub} part under {sub} with its source",
                f"Or keep the {sub} part a separate library (`link: dynamic`)"]
    if v.reason in (Reason.NOT_RELICENSABLE, Reason.COPYLEFT, Reason.COMBINATION):
        return [f"Release it under {sub} (with its notices), not {label(target)}"]
    if v.reason is Reason.SHARE_ALIKE:
        return [f"Release the adapted material under {sub} (or a license {sub} names as "
                "compatible)"]
    if v.reason is Reason.NON_COMMERCIAL:
        return [f"Keep the {sub} non-commercial limitation in the release, or obtain a "
                "commercial license"]
    if v.reason is Reason.NO_DERIVATIVES:
        return ["Share only unmodified material, or get the licensor's permission"]
    if v.reason is Reason.FURTHER_RESTRICTIONS:
        return combination_actions(v)
    return ["Have the license reviewed"]


def combination_actions(v: PairVerdict) -> list[str]:
    lead, sub = label(v.leading), label(v.subordinate)
    if v.reason is Reason.FURTHER_RESTRICTIONS:
        return [f"Do not combine {lead} and {sub} material in one distributed work; keep them "
                "separate works, or replace one of them"]
    if v.reason is Reason.COMBINATION:
        return [f"Keep the {sub} part's own terms and the stronger network terms for the "
                "combination; check how the parts are joined"]
    return [f"Replace the {sub} component, or keep it a separate program (see architecture)"]


def separate_program(g: Graph, key: str, comps: list[str],
                     v: PairVerdict) -> list[ArchitectureAction]:
    """Keep a copyleft part out of the combined work: a program of its own."""
    p = profile(key)
    linked = [c for c in comps if key in g.own[c] and g.comps[c].link.combines]
    if not linked:
        return []
    condition = (f"holds while {', '.join(linked)} runs as its own program and talks to the "
                 "rest at arm's length (sockets, pipes, command-line arguments), sharing no "
                 "address space or internal data structures, and nothing is derived from "
                 f"it; {label(key)} still governs it, including its source duties")
    if any(trigger(c) == "network-use" for c in p.copyleft) and \
            g.manifest.distribution is Distribution.SAAS:
        condition += (f"; users who interact with it over a network must still be offered "
                      f"its source if you modify it ({label(key)} network clause)")
    code = v.reason.code or Code.INCOMPATIBLE
    return [ArchitectureAction(
        action=f"Keep {', '.join(linked)} ({label(key)}) a separate program: join it with "
               "`link: network` (a service) or `link: aggregate` (a separate executable) "
               "instead of linking it into the product",
        components=tuple(linked), condition=condition, avoids=(str(code),),
        evidence=p.evidence(p.aggregate))]


def avoid_by_hosting(v: PairVerdict, comps: list[str], code: str,
                     exposure: Distribution | None) -> list[ArchitectureAction]:
    """A requirement triggered by distribution only: hosting avoids it."""
    if exposure is not Distribution.DISTRIBUTED or bites(v, Distribution.SAAS):
        return []
    p = profile(v.decided_by)
    return [ArchitectureAction(
        action="Do not distribute it: offer the product only as a hosted service "
               "(`distribution: saas`)",
        components=tuple(dict.fromkeys(comps)),
        condition=(f"holds only while no copy (binaries, weights, containers, on-device "
                   f"installs) reaches anyone: {label(p.key)} is triggered by "
                   "distribution, not by network use"),
        avoids=(code,), evidence=p.evidence(p.hosting))]


def outputs_action(v: PairVerdict, comps: list[str], code: str) -> list[ArchitectureAction]:
    """A license claiming no rights in outputs: the outputs may go under any terms."""
    p = profile(v.subordinate)
    free = p.output_freedom
    if free is None or v.reason not in (Reason.FLOW_DOWN, Reason.NOT_RELICENSABLE):
        return []
    return [ArchitectureAction(
        action=f"License the generated outputs separately (under any terms you choose); "
               f"release the weights under {label(p.key)} terms",
        components=tuple(dict.fromkeys(comps)),
        condition=(f"holds for outputs only: {label(p.key)} claims no rights in outputs, "
                   "but the weights and their derivatives stay under its terms"
                   + ("" if not p.use_restrictions else
                      "; its use restrictions still bind how outputs are used")),
        avoids=(code,), evidence=p.evidence(free))]
