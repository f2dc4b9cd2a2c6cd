# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What the use case involves: declared activities, exclusions, and the taxonomy phrases its
description matches (analysis/matching.py), read once per review."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from licentia.analysis.facts import Facts
from licentia.analysis.matching import Hit, Matcher, Tier
from licentia.analysis.usecase import Modification, UseCase
from licentia.catalog.taxonomy import Involves, taxonomy
from licentia.catalog.terms import fact_vocabulary


@dataclass(frozen=True)
class Signal:
    """Why review thinks the use involves an activity: a declared field, or matched words."""

    field: str
    words: str
    rule: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "words": self.words, "rule": self.rule}


def from_hit(hit: Hit) -> Signal:
    return Signal(hit.field, hit.words, hit.rule)


@dataclass(frozen=True)
class Involvement:
    """The use case read once: declared activities, explicit exclusions, and matched words."""

    declared: dict[str, Signal]
    excluded: dict[str, Signal]
    hits: dict[str, list[Hit]]  # counting hits by taxonomy id
    negated: dict[str, list[Hit]]

    def ids(self) -> set[str]:
        """Every taxonomy id the use case says or suggests it involves."""
        return set(self.declared) | set(self.hits)


def involvement(uc: UseCase, m: Matcher, facts: Facts | None = None) -> Involvement:
    declared = {tid: Signal("activities", tid, f"declared activity {tid}")
                for tid in uc.activities}
    excluded = {tid: Signal("excluded_activities", tid, f"excluded activity {tid}")
                for tid in uc.excluded_activities}
    if uc.commercial:
        declared["non-commercial"] = Signal("commercial", "true", "the use is commercial")
    else:
        excluded["non-commercial"] = Signal("commercial", "false",
                                             "the use case says the use is not commercial")
    if uc.outputs_train_other_models:
        declared["output-training"] = Signal("outputs_train_other_models", "true",
                                              "outputs train other models")
    elif uc.outputs_train_other_models is False:
        excluded.setdefault("output-training", Signal(
            "outputs_train_other_models", "false", "outputs do not train other models"))
    hits: dict[str, list[Hit]] = {}
    negated: dict[str, list[Hit]] = {}
    for hit in m.hits(uc.description):
        (hits if hit.counts else negated).setdefault(hit.taxonomy, []).append(hit)
    # doing one activity always involves another (facial recognition processes personal data):
    # the implied one is touched, so at least gray wherever a license restricts it
    known = taxonomy()
    denied = {t for t, hs in negated.items() if any(h.tier is Tier.STRONG for h in hs)}
    for tid in [*declared, *list(hits)]:
        if tid in denied and tid not in declared and not any(
                h.tier is Tier.STRONG for h in hits.get(tid, ())):
            continue  # "we never do X": what X would imply is not touched either
        if tid not in declared and all(h.countered_by for h in hits.get(tid, ())) \
                and hits.get(tid):
            continue  # "explains what malware samples do": acting against X implies nothing
        entry = known.get(tid)
        for implied in entry.implies if entry else ():
            if implied in declared or implied in excluded or implied in hits:
                continue
            source = hits[tid][0] if tid in hits else None
            hits[implied] = [Hit(implied, f"implied by {tid}", Tier.WEAK,
                                 source.words if source else tid,
                                 source.start if source else 0, source.end if source else 0,
                                 field=source.field if source else "activities")]
    if facts is not None:
        _from_facts(facts, declared, excluded, hits, denied)
        _money_earned(facts, excluded, hits)
    if uc.modification is Modification.DISTILL and "output-training" not in declared:
        hits.setdefault("output-training", []).append(Hit(
            "output-training", "modification: distill", Tier.WEAK, "distill", 0, 0,
            field="modification"))
    return Involvement(declared, excluded, hits, negated)


def _money_earned(facts: Facts, excluded: dict[str, Signal],
                  hits: dict[str, list[Hit]]) -> None:
    """`commercial: false`, while the description says the product earns money ("sold to
    clinics", "paid plan"; or that it might: "nothing is sold" beside "the appeal brings in
    donations"): the use case and its words disagree (gray), not non-commercial."""
    if "non-commercial" in excluded and facts.suggested("earns_money"):
        hits.setdefault("non-commercial", []).append(Hit(
            "non-commercial", "earns_money = yes", Tier.STRONG, facts.get("earns_money").words,
            0, 0, field="fact earns_money"))


def _add(hits: dict[str, list[Hit]], involves: Involves, words: str, rule: str,
         field: str, skip: set[str]) -> None:
    for tier, tids in ((Tier.STRONG, involves.does), (Tier.WEAK, involves.touches)):
        for tid in tids:
            if tid not in skip:
                hits.setdefault(tid, []).append(Hit(tid, rule, tier, words, 0, 0, field=field))


def _from_facts(facts: Facts, declared: dict[str, Signal], excluded: dict[str, Signal],
                hits: dict[str, list[Hit]], denied: set[str]) -> None:
    """What the facts the use case states involve (facts.yaml `when_true` / `when_false`:
    outputs passed off as a person's words are undisclosed AI), and what an activity involves
    under stated facts (taxonomy `implies_with`: sexual content of people who did not agree is
    harassment). A clause then sees the activity even where no phrase of it was used."""
    skip = set(declared) | set(excluded)
    for name, spec in fact_vocabulary().items():
        fact = facts.get(name)
        if isinstance(fact.value, bool) and not fact.hedged and fact.value in spec.involves:
            _add(hits, spec.involves[fact.value], fact.words or name,
                 f"{name} = {'yes' if fact.value else 'no'}", f"fact {name}", skip)
    # what the facts make of an activity needs the activity itself, not words of its domain
    # nor words of working against it ("detects scams aimed at pensioners")
    doing = [*declared, *(t for t, hs in list(hits.items()) if t not in denied
                          and any(h.tier is Tier.STRONG and not h.countered_by for h in hs))]
    for tid in doing:
        entry = taxonomy().get(tid)
        for combined in entry.implies_with if entry else ():
            stated = [facts.get(n) for n, _v in combined.facts]
            if not all(f.value is v and not f.hedged for f, (_n, v) in zip(
                    stated, combined.facts, strict=True)):
                continue
            also = [h for a in combined.activities if (h := _stated(a, declared, hits))]
            if len(also) < len(combined.activities):
                continue
            own = hits[tid][0].words if hits.get(tid) else tid
            words = "; ".join([own, *(h.words for h in also), *(f.words for f in stated
                                                                 if f.words)])
            because = [*combined.activities,
                       *(f"{n} = {'yes' if v else 'no'}" for n, v in combined.facts)]
            _add(hits, combined.involves, words, f"{tid} with {', '.join(because)}",
                 f"activity {tid}", skip)


def _stated(tid: str, declared: dict[str, Signal], hits: dict[str, list[Hit]]) -> Hit | None:
    """The activity as the use case states it, not as a fact or another activity implies it
    (sexual images touch minors; that touch is no child involved)."""
    if tid in declared:
        return Hit(tid, "declared", Tier.STRONG, tid, 0, 0, field="activities")
    return next((h for h in hits.get(tid, ()) if h.field == "description"
                 and not h.phrase.startswith("implied by")), None)


def _mention(hit: Hit) -> bool:
    """A strong phrase that only names the activity's domain ("ransomware", "soldiers", "the
    Ministry of Defence"), not a rule describing a deed ("(write|writes) ... malware")."""
    return not any(mark in hit.phrase for mark in ("(", ".."))


class Engaged(StrEnum):
    """How far the use case involves a clause's activities."""

    DOES = "does"  # declared, or described in words that say the product does it
    DISPUTED = "disputed"  # excluded by the use case, but its description says it does
    TOUCHES = "touches"  # words of the activity's domain, or of working against it
    AGAINST = "against"  # the product works against it ("report harassment", "detect fraud")
    EXCLUDED = "excluded"  # the use case says it does not
    NONE = "none"


def engaged(involved: Involvement, tids: tuple[str, ...]) -> tuple[Engaged, list[Signal]]:
    """The strongest involvement of the use case in any of the activities, with its signals.
    A negated strong phrase ("it never suggests diagnoses") outweighs weak words of the same
    activity ("medical"): the description says the product does not do it."""
    declared = [involved.declared[t] for t in tids if t in involved.declared]
    if declared:
        return Engaged.DOES, declared
    strong = [h for t in tids for h in involved.hits.get(t, ())
              if h.tier is Tier.STRONG and not h.countered_by]
    excluded = [involved.excluded[t] for t in tids if t in involved.excluded]
    if strong and excluded:
        return Engaged.DISPUTED, [*excluded, *(from_hit(h) for h in strong)]
    denied = {t for t in tids for h in involved.negated.get(t, ()) if h.tier is Tier.STRONG}
    if strong and denied and all(_mention(h) for h in strong):
        # "it never writes malicious code" beside "notes about ransomware": the description
        # denies the activity and only names its domain elsewhere; words, not a deed (gray)
        return Engaged.TOUCHES, [from_hit(h) for h in strong]
    if strong:
        return Engaged.DOES, [from_hit(h) for h in strong]
    if excluded and len(excluded) == len(tids):
        return Engaged.EXCLUDED, excluded
    touched = [h for t in tids if t not in denied for h in involved.hits.get(t, ())
               if not h.countered_by]
    if touched:
        return Engaged.TOUCHES, [from_hit(h) for h in touched]
    against = [h for t in tids for h in involved.hits.get(t, ()) if h.countered_by]
    if against:
        return Engaged.AGAINST, [from_hit(h) for h in against]
    negated = [from_hit(h) for t in tids for h in involved.negated.get(t, ())]
    return (Engaged.EXCLUDED, negated) if negated else (Engaged.NONE, [])
