# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""When a clause, or the requirement behind a pair verdict, bites: given how the component is
offered (internal, SaaS, distributed) and each clause's trigger, read off the term sheets."""

from __future__ import annotations

from licentia.analysis.compat import PairVerdict, Reason
from licentia.analysis.manifest import Distribution
from licentia.analysis.profile import Profile, profile, reaches_hosting, trigger
from licentia.catalog.terms import Clause


def active(p: Profile, clause: Clause, exposure: Distribution | None) -> bool:
    """Does this clause bind, given how the component is offered?"""
    t = trigger(clause)
    if t in ("use", "modification"):
        return True
    if exposure is None or exposure is Distribution.INTERNAL:
        return False
    if t == "network-use":
        return exposure is Distribution.SAAS
    if t == "publication":
        return True
    # distribution: hosting counts where the text says so (one rule, shared with review)
    return exposure is Distribution.DISTRIBUTED or reaches_hosting(p, clause)[0]


def distribution_clause(p: Profile) -> Clause | None:
    """The condition that carries a license's terms to recipients of derivatives."""
    for c in p.conditions:
        if trigger(c) == "distribution" and "derivatives" in {a.value for a in c.artifacts}:
            return c
    return next((c for c in p.conditions if trigger(c) == "distribution"), None)


def copyleft_active(key: str, exposure: Distribution) -> bool:
    """Does the license's copyleft bind the work, offered this way?"""
    p = profile(key)
    if not p.copyleft:
        return p.whole_work and exposure is Distribution.DISTRIBUTED
    return any(active(p, c, exposure) for c in p.copyleft)


def bites(v: PairVerdict, exposure: Distribution | None) -> bool:
    """Does the requirement behind a pair verdict apply, given how the work is offered?"""
    p = profile(v.decided_by)
    if v.reason is Reason.NON_COMMERCIAL:
        return True
    if exposure is None or exposure is Distribution.INTERNAL:
        return False
    if v.reason in (Reason.COPYLEFT, Reason.SHARE_ALIKE, Reason.COMBINATION):
        clauses = list(p.copyleft) + ([p.share_alike] if p.share_alike else [])
        return any(active(p, c, exposure) for c in clauses) if clauses \
            else exposure is Distribution.DISTRIBUTED
    if v.reason is Reason.FURTHER_RESTRICTIONS:
        clauses = list(p.copyleft) or ([p.no_further_restrictions]
                                       if p.no_further_restrictions else [])
        return any(active(p, c, exposure) for c in clauses) if clauses \
            else exposure is Distribution.DISTRIBUTED
    if v.reason is Reason.FLOW_DOWN:
        cond = p.flow_down_condition
        return active(p, cond, exposure) if cond else (
            exposure is Distribution.DISTRIBUTED or p.hosted_is_distribution)
    if v.reason is Reason.NOT_RELICENSABLE:
        cond = distribution_clause(p)
        return active(p, cond, exposure) if cond else (
            exposure is Distribution.DISTRIBUTED or p.hosted_is_distribution)
    return True  # no-derivatives, unknown: any sharing


def satisfied(v: PairVerdict, key: str, extra: tuple[str, ...]) -> bool:
    """Does a release that also carries the terms of `extra` licenses meet the requirement?"""
    if not extra:
        return False
    if key in extra and v.reason in (Reason.NOT_RELICENSABLE, Reason.FLOW_DOWN,
                                     Reason.NON_COMMERCIAL):
        return True
    if key in extra and v.reason in (Reason.COPYLEFT, Reason.SHARE_ALIKE) \
            and not profile(key).whole_work:
        return True  # `MIT AND MPL-2.0`: the weak-copyleft part is released under its own
    if v.reason is Reason.FLOW_DOWN:
        carried = frozenset().union(*(profile(k).flow_down_taxonomy for k in extra))
        return set(v.missing) <= carried
    return False
