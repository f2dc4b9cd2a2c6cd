# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The outbound license: which licenses the product (its combined work and derivatives) may go
under, and the terms any of them must carry."""

from __future__ import annotations

from licentia.analysis.check.drafts import label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.model import Outbound, RequiredTerm
from licentia.analysis.check.triggers import bites, copyleft_active, distribution_clause, satisfied
from licentia.analysis.compat import compatibility
from licentia.analysis.manifest import Distribution
from licentia.analysis.profile import Basis, profile
from licentia.catalog.terms import all_sheets


def requirements(g: Graph) -> dict[str, list[str]]:
    """License -> product components whose material it governs (combined work and
    derivatives), as the outbound license must honour."""
    out: dict[str, list[str]] = {}
    for c in g.members:
        for key, via in g.governing(c.id).items():
            if via == "derivative":
                out.setdefault(key, []).append(c.id)
    return out


def allowed(g: Graph, req: dict[str, list[str]], exposure: Distribution) -> tuple[str, ...]:
    """Every license with a term sheet (and the declared one) the work may go under."""
    m = g.manifest
    leaders = {k for k in req if profile(k).whole_work and copyleft_active(k, exposure)}
    derived = {k for k, comps in req.items() if any(k not in g.own[c] for c in comps)}
    candidates = sorted(set(all_sheets()) | ({m.outbound_license} if m.outbound_license
                                             else set()))
    out = []
    for cand in candidates:
        binds = profile(cand).whole_work and copyleft_active(cand, exposure)
        if all(key == cand or not (binds or key in leaders or key in derived)
               or (v := compatibility(cand, key)).ok
               or satisfied(v, key, m.outbound_terms) or not bites(v, exposure)
               for key in req):
            out.append(cand)
    return tuple(out)


def _terms(g: Graph, key: str, comps: list[str]) -> list[RequiredTerm]:
    p = profile(key)
    derived = any(key not in g.own[c] for c in comps)
    terms = []
    if p.flow_down:
        cond = p.flow_down_condition or p.flow_down[0]
        terms.append(RequiredTerm(key, cond.id, f"the {label(key)} use restrictions, as "
                                  "enforceable terms", tuple(sorted(p.flow_down_taxonomy)),
                                  p.evidence(cond)))
    if derived and not p.relicensable and p.basis is Basis.TERMS \
            and p.copyleft_scope.value == "none":
        docs = [d.title for d in p.sheet.documents] if p.sheet else []
        carry = distribution_clause(p)
        terms.append(RequiredTerm(key, carry.id if carry else "grant",
                                  f"the {p.name} itself (its material stays under it)"
                                  + (f", with {', '.join(docs)}" if docs else ""),
                                  tuple(sorted(p.restriction_taxonomy)), p.evidence(carry)))
    if p.non_commercial is not None and derived:
        terms.append(RequiredTerm(key, p.non_commercial.id,
                                  f"the {label(key)} non-commercial limitation",
                                  ("non-commercial",), p.evidence(p.non_commercial)))
    if (p.whole_work and copyleft_active(key, g.manifest.distribution)) or \
            (derived and (p.share_alike or p.copyleft)):
        clause = p.share_alike or (p.copyleft[0] if p.copyleft else None)
        if clause is not None:
            terms.append(RequiredTerm(key, clause.id, f"the work licensed under {label(key)} "
                                      "(copyleft / share-alike)", (), p.evidence(clause)))
    return terms


def outbound(g: Graph, required: str | None) -> Outbound:
    m = g.manifest
    req = requirements(g)
    terms = [t for key, comps in req.items() for t in _terms(g, key, comps)]
    if_distributed = None if m.distribution is Distribution.DISTRIBUTED else \
        allowed(g, req, Distribution.DISTRIBUTED)
    keeps = tuple(c.id for c in g.members
                  if not g.inherited[c.id] and g.own[c.id] and all(
                      not profile(k).whole_work and not profile(k).relicensable
                      for k in g.own[c.id]))
    return Outbound(m.outbound_license, required, allowed(g, req, m.distribution),
                    tuple(terms), if_distributed, keeps)
