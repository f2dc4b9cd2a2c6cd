# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""May material under one license go into a work distributed under another? The pair core of
`check`, derived from the term sheets; tested against the OSADL matrix for open-source pairs.

`leading` is the license of the work as a whole (the outbound license), `subordinate` that of a
part included in it, as in the OSADL matrix: a distributed, linked combination.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from licentia.analysis.findings import Code, Evidence
from licentia.analysis.profile import Basis, Conversion, Profile, profile
from licentia.catalog.terms import Clause


class Compat(StrEnum):
    SAME = "same"
    YES = "yes"
    CONDITIONAL = "conditional"  # OSADL's "Check dependency": depends on how they are joined
    NO = "no"
    UNKNOWN = "unknown"  # no term sheet and a category that says too little


class Reason(StrEnum):
    """Why: the rule that decided a pair (and, for a "no", the finding code it becomes)."""

    SAME = "same"
    PERMISSIVE = "permissive"
    CONVERSION = "conversion"  # the subordinate license lets the part go under the leading one
    COMBINATION = "combination"  # each part keeps its license; the stronger terms reach both
    COPYLEFT = "copyleft"
    SHARE_ALIKE = "share-alike"
    NO_DERIVATIVES = "no-derivatives"
    FURTHER_RESTRICTIONS = "further-restrictions"
    NON_COMMERCIAL = "non-commercial"
    FLOW_DOWN = "flow-down"
    NOT_RELICENSABLE = "not-relicensable"
    UNKNOWN = "unknown"

    @property
    def code(self) -> Code | None:
        """The finding code a "no" for this reason becomes (in a combination)."""
        return _CODES.get(self)


_CODES = {
    Reason.COPYLEFT: Code.INCOMPATIBLE, Reason.SHARE_ALIKE: Code.SHARE_ALIKE,
    Reason.NO_DERIVATIVES: Code.NO_DERIVATIVES, Reason.FURTHER_RESTRICTIONS: Code.INCOMPATIBLE,
    Reason.NON_COMMERCIAL: Code.NON_COMMERCIAL, Reason.FLOW_DOWN: Code.USE_RESTRICTIONS_FLOW_DOWN,
    Reason.NOT_RELICENSABLE: Code.RELICENSE_NOT_ALLOWED, Reason.UNKNOWN: Code.UNKNOWN_LICENSE,
    Reason.COMBINATION: Code.INCOMPATIBLE,
}


@dataclass(frozen=True)
class PairVerdict:
    """The answer for one (leading, subordinate) pair, with the clauses it rests on."""

    leading: str
    subordinate: str
    verdict: Compat
    reason: Reason
    message: str
    # the license whose clause decides it (its trigger says when the verdict bites)
    decided_by: str
    clauses: tuple[Clause, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    missing: tuple[str, ...] = ()  # flow-down: taxonomy ids the leading license lacks
    basis: Basis = Basis.TERMS

    @property
    def ok(self) -> bool:
        return self.verdict in (Compat.SAME, Compat.YES)


def _basis(*profiles: Profile) -> Basis:
    return Basis.CATEGORY if any(p.by_category for p in profiles) else Basis.TERMS


def _label(p: Profile) -> str:
    return p.spdx if not p.spdx.startswith("LicenseRef-") else p.key


class _Pair:
    """One question being answered: builds the verdict with its evidence."""

    def __init__(self, lead: Profile, sub: Profile) -> None:
        self.lead, self.sub = lead, sub
        self.ln, self.sn = _label(lead), _label(sub)
        self.basis = _basis(lead, sub)

    def say(self, v: Compat, reason: Reason, message: str, decided_by: Profile,
            clauses: tuple[Clause | None, ...] = (), missing: tuple[str, ...] = ()
            ) -> PairVerdict:
        kept = tuple(c for c in clauses if c is not None)
        ev = self.lead.evidence(*kept) + self.sub.evidence(*kept)
        if self.basis is Basis.CATEGORY:
            message += (" (no term sheet for "
                        + ", ".join(p.key for p in (self.lead, self.sub)
                                    if p.by_category)
                        + ": judged from its LicenseDB category, conservatively)")
        return PairVerdict(self.lead.key, self.sub.key, v, reason, message, decided_by.key,
                           kept, tuple(dict.fromkeys(ev)), missing, self.basis)


@cache
def compatibility(leading: str, subordinate: str) -> PairVerdict:
    """May a part under `subordinate` be included in a work distributed under `leading`?"""
    lead, sub = profile(leading), profile(subordinate)
    q = _Pair(lead, sub)
    ln, sn = q.ln, q.sn
    if leading == subordinate:
        return q.say(Compat.SAME, Reason.SAME, f"both parts are under {ln}", lead)
    if sub.no_derivatives is not None:
        return q.say(Compat.NO, Reason.NO_DERIVATIVES,
                     f"{sn} allows no adapted material to be shared, so a work under {ln} "
                     "cannot include a modified part", sub, (sub.no_derivatives,))
    if sub.copyleft_scope.value != "none" or sub.share_alike is not None:
        return _copyleft(q)
    allowed = sub.conversions_via("relicensing", "secondary-license", "combination")
    if (target := _named(lead, allowed)) is not None:  # Apache-2.0 WITH LLVM-exception
        return q.say(Compat.YES, Reason.CONVERSION,
                     f"{sn} allows its material to be combined into a work under {ln}", sub,
                     (allowed[target].clause,))
    if lead.no_further_restrictions is not None and sub.restrictive:
        what = sub.non_commercial or (sub.use_restrictions[0] if sub.use_restrictions else None)
        return q.say(Compat.NO, Reason.FURTHER_RESTRICTIONS,
                     f"{ln} forbids further restrictions, and {sn} restricts use "
                     f"({_restriction_summary(sub)})", lead,
                     (lead.no_further_restrictions, what))
    if sub.non_commercial is not None and lead.non_commercial is None:
        return q.say(Compat.NO, Reason.NON_COMMERCIAL,
                     f"{sn} allows non-commercial use only; {ln} would allow commercial use",
                     sub, (sub.non_commercial,))
    if sub.flow_down:
        missing = tuple(sorted(sub.flow_down_taxonomy - lead.flow_down_taxonomy))
        if missing:
            return q.say(Compat.NO, Reason.FLOW_DOWN,
                         f"{sn} requires its use restrictions in every downstream license; "
                         f"{ln} lacks {', '.join(missing)}", sub,
                         (sub.flow_down_condition or sub.flow_down[0],), missing)
    if lead.no_further_restrictions is not None and sub.extra_requirements:
        extra = sub.extra_requirements[0]
        return q.say(Compat.NO, Reason.FURTHER_RESTRICTIONS,
                     f"{ln} forbids further restrictions, and {sn} adds a requirement beyond "
                     f"keeping notices ({_REQUIREMENTS[extra.value.extra_requirement or '']})",
                     lead, (lead.no_further_restrictions, extra))
    if not sub.relicensable:
        if sub.basis is Basis.CATEGORY:
            return q.say(Compat.UNKNOWN, Reason.UNKNOWN,
                         f"{sn} is '{sub.category}' in the LicenseDB; whether its material may "
                         f"go under {ln} needs its text read", sub)
        return q.say(Compat.NO, Reason.NOT_RELICENSABLE,
                     f"{sn} grants no right to relicense or sublicense: its material stays "
                     f"under {sn} and cannot be licensed under {ln}", sub,
                     _relicense_evidence(sub))
    if (lead.no_further_restrictions is not None and sub.patent_termination is not None
            and lead.patent_termination is None and lead.patent_excluded is None):
        return q.say(Compat.NO, Reason.FURTHER_RESTRICTIONS,
                     f"{ln} forbids further restrictions and has no patent-termination term; "
                     f"{sn} ends patent rights on litigation, a further restriction", lead,
                     (lead.no_further_restrictions, sub.patent_termination))
    if lead.basis is Basis.CATEGORY and lead.category not in ("Permissive", "Public Domain") \
            and lead.copyleft_scope.value == "none":
        return q.say(Compat.UNKNOWN, Reason.UNKNOWN,
                     f"{ln} is '{lead.category}' in the LicenseDB; what it allows in a work "
                     "needs its text read", lead)
    return q.say(Compat.YES, Reason.PERMISSIVE,
                 f"{sn} sets only conditions a work under {ln} can meet (keep its notices)",
                 sub, (sub.relicense_clause,))


_REQUIREMENTS = {
    "advertising": "an acknowledgement in all advertising materials",
    "documentation-acknowledgement": "an acknowledgement in the documentation of products",
    "change-summary": "a summary of the changes made",
    "product-name": "derived products may not use the original's name",
    "": "an additional requirement",
}


def _named(lead: Profile, conversions: dict[str, Conversion]) -> str | None:
    """The key under which a conversion names the leading license: itself, or the license a
    WITH exception modifies (an exception only adds permissions to it)."""
    for key in (lead.key, lead.base):
        if key in conversions:
            return key
    return None


def _restriction_summary(p: Profile) -> str:
    ids = sorted(p.restriction_taxonomy | ({"non-commercial"} if p.non_commercial else set()))
    shown = ", ".join(ids[:6])
    return shown + (f" and {len(ids) - 6} more" if len(ids) > 6 else "")


def _relicense_evidence(p: Profile) -> tuple[Clause | None, ...]:
    if p.sheet is None:
        return ()
    grant = next((c for c in p.sheet.clauses if c.kind.value == "permission"), None)
    copy = next((c for c in p.conditions if c.value.trigger == "distribution"
                 and "derivatives" in {a.value for a in c.artifacts}), None)
    return (grant, copy)


def _copyleft(q: _Pair) -> PairVerdict:
    """A copyleft subordinate: its terms must govern the work, unless it lets the part go."""
    lead, sub, ln, sn = q.lead, q.sub, q.ln, q.sn
    conv = sub.conversions_via("relicensing", "secondary-license")
    if (target := _named(lead, conv)) is not None:
        return q.say(Compat.YES, Reason.CONVERSION,
                     f"{sn} allows its material to be licensed under {ln}", sub,
                     (conv[target].clause,))
    # each part keeps its own license inside one combined work (GPL-3.0/AGPL-3.0 section 13),
    # possibly after relicensing either side (LGPL -> GPL, "or later" -> a later version)
    subs: dict[str, Clause | None] = {sub.key: None}
    subs.update({k: c.clause for k, c in sub.conversions_via("relicensing").items()})
    leads: dict[str, Clause | None] = {lead.key: None}
    leads.update({k: c.clause for k, c in lead.conversions_via("relicensing").items()})
    for s_key, s_clause in subs.items():
        partners = profile(s_key).conversions_via("combination")
        for l_key, l_clause in leads.items():
            if l_key in partners:
                return q.say(Compat.CONDITIONAL, Reason.COMBINATION,
                             f"{sn} may be combined with {_label(profile(l_key))} material into "
                             "one work, each part keeping its own license; the stronger terms "
                             "then reach the combination, so it depends on how the parts are "
                             "joined", sub, (s_clause, l_clause, partners[l_key].clause))
    opt_in = sub.conversions_via("relicensing", "secondary-license", opt_in=True).get(lead.key)
    clause = sub.share_alike or (sub.copyleft[0] if sub.copyleft else None)
    reason = Reason.SHARE_ALIKE if sub.share_alike is not None else Reason.COPYLEFT
    message = (f"{sn} requires adapted material to be shared under {sn} (or a license it names)"
               if reason is Reason.SHARE_ALIKE else
               f"{sn} is copyleft (scope: {sub.copyleft_scope.value}) and does not allow its "
               f"material to be licensed under {ln}")
    if opt_in is not None:
        message += f"; it would if the licensor opted in ({opt_in.clause.title})"
    return q.say(Compat.NO, reason, message, sub,
                 (clause, opt_in.clause if opt_in else None))
