# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Terms that bind use itself (non-commercial, no derivatives, restrictions on outputs), and
licenses check knows only by their LicenseDB category - said as warnings, never a silent ok."""

from __future__ import annotations

from licentia.analysis.check.drafts import Draft, draft, label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.model import Via
from licentia.analysis.findings import Code, Severity
from licentia.analysis.manifest import Component, Distribution, Relation
from licentia.analysis.profile import Basis, category_reading, profile
from licentia.catalog.catalog import catalog
from licentia.catalog.terms import Clause


def use_terms(g: Graph, c: Component) -> list[Draft]:
    """Non-commercial, no-derivatives and output restrictions binding this component."""
    exposure, out = g.exposure[c.id], []
    for key, via in g.governing(c.id).items():
        p = profile(key)
        comps = g.origin_components(c, key)
        if p.non_commercial is not None and g.manifest.commercial and via != "outputs" and \
                (exposure is not None or c.id not in g.feeds_product):
            out.append(draft(
                Code.NON_COMMERCIAL, Severity.ERROR if exposure is not None else Severity.WARNING,
                f"{label(key)} allows non-commercial use only, and the product is commercial"
                + ("" if exposure is not None else
                   f" ({c.id} is not part of the product, but is used for it)"),
                key=(key, exposure is not None), components=comps,
                evidence=p.evidence(p.non_commercial), licenses=[key],
                actions=[f"Obtain a commercial license from the {label(key)} licensor, or "
                         "replace the component"]))
        if p.no_derivatives is not None and key in g.own[c.id] and c.derived \
                and exposure not in (None, Distribution.INTERNAL):
            out.append(draft(Code.NO_DERIVATIVES, Severity.ERROR,
                             f"{c.id} is a modified version of {label(key)} material, which "
                             "may not be shared in adapted form", key=(key, c.id),
                             components=[c.id], evidence=p.evidence(p.no_derivatives),
                             licenses=[key],
                             actions=["Share only the unmodified material, or get permission"]))
        restricted = p.output_restrictions
        if restricted and key not in g.own[c.id] and (
                via == "outputs" or _trained_on_outputs(g, c, key)):
            out += _output_finding(g, c, key, via, restricted)
    return out


def _trained_on_outputs(g: Graph, c: Component, key: str) -> bool:
    inh = g.inherited[c.id].get(key)
    if inh is None:
        return False
    ups = set(c.trained_on_outputs_of) | {d.component for d in c.derived_from
                                          if d.relation is Relation.DISTILL}
    return inh.origin in ups or any(key in g.own.get(u, ()) for u in ups)


def _output_finding(g: Graph, c: Component, key: str, via: Via,
                    clauses: tuple[Clause, ...]) -> list[Draft]:
    p = profile(key)
    training = [cl for cl in clauses if "output-training" in cl.taxonomy
                or cl.value.output_use == "restricted"]
    if not training:
        return []
    itself = via == "derivative" and any(
        d for d in c.derived_from if d.relation is not Relation.DISTILL
        and key in g.governing(d.component))
    msg = (f"{c.id} is trained on outputs of {label(key)} material; {label(key)} restricts "
           "using its outputs to train or improve other models")
    if itself:
        msg += f" ({c.id} is itself a derivative of that model)"
    return [draft(Code.OUTPUT_USE_RESTRICTION, Severity.INFO if itself else Severity.ERROR, msg,
                  key=(key, c.id), components=g.origin_components(c, key),
                  evidence=p.evidence(*training), licenses=[key],
                  actions=["Train only on outputs whose license allows it, or on the "
                           "licensor's model itself where the license allows that"])]


def by_category(g: Graph) -> list[Draft]:
    """Licenses (and exceptions) licentia has no sheet for: judged by their LicenseDB
    category, said as a warning - never a silent "ok"."""
    seen: dict[str, list[str]] = {}
    for cid in g.own:
        for key in g.governing(cid):
            if profile(key).by_category:
                seen.setdefault(key, []).append(cid)
    out = []
    for key, comps in seen.items():
        p = profile(key)
        if p.basis is Basis.CATEGORY:
            what, category = f"{label(key)} has no term sheet in licentia", p.category
        else:
            exc = catalog().get(p.exception or "")
            what = f"the exception in {label(key)} has no sheet in licentia"
            category = exc.category if exc else "unknown"
        out.append(draft(Code.ASSESSED_BY_CATEGORY, Severity.WARNING,
                         f"{what}: assessed by its LicenseDB category '{category}', not by its "
                         f"text; {category_reading(p)}", key=(key,), components=comps,
                         licenses=[key], duty=not p.permissive,
                         actions=[f"Have the {label(key)} text reviewed (`licentia explain "
                                  f"{p.spdx}` shows what licentia knows)"]))
    return out
