# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A clause's deciding facts (its term sheet's `decided_by`) weighed against the use case's facts.

Each condition reads as met (the fact is as the clause needs for it to bite), failed (the fact
says otherwise) or open (the use case does not say, or only hedges). A clause is broken when
every condition is met, not engaged when one fails, and open otherwise: the open facts'
questions say what would settle it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from licentia.analysis.facts import Fact, Facts, describe
from licentia.analysis.findings import Status
from licentia.catalog.terms import Clause, Condition, Decision, fact_vocabulary


class Outcome(StrEnum):
    MET = "met"
    FAILED = "failed"
    OPEN = "open"


@dataclass(frozen=True)
class Reading:
    """One condition of a clause against the facts."""

    condition: Condition
    outcome: Outcome
    fact: Fact

    @property
    def question(self) -> str:
        return fact_vocabulary()[self.condition.fact].question

    @property
    def evidenced(self) -> bool:
        """Whether the use case says anything about this fact (even only hedging)."""
        return self.outcome is not Outcome.OPEN or self.fact.hedged

    def to_json(self) -> dict[str, object]:
        return {**self.fact.to_json(), "outcome": self.outcome.value,
                "needs": _needs(self.condition)}


def _needs(cond: Condition) -> object:
    if cond.above is not None:
        return f"above {cond.above:,}"
    if cond.lacks_prefix:
        return "a name without the required prefix"
    return cond.equals


def read(cond: Condition, facts: Facts, clause: Clause) -> Reading:
    fact = facts.get(cond.fact)
    if cond.lacks_prefix:
        return _prefix(cond, facts, clause)
    if fact.value is None:
        presumed = cond.unknown == "met" and not fact.hedged
        return Reading(cond, Outcome.MET if presumed else Outcome.OPEN, fact)
    if cond.above is not None:
        if isinstance(fact.value, bool) or not isinstance(fact.value, int):
            return Reading(cond, Outcome.OPEN, fact)
        return Reading(cond, Outcome.MET if fact.value > cond.above else Outcome.FAILED, fact)
    return Reading(cond, Outcome.MET if fact.value == cond.equals else Outcome.FAILED, fact)


def _prefix(cond: Condition, facts: Facts, clause: Clause) -> Reading:
    """A name the clause wants to begin with its `name_prefix`: the answer, or quoted names."""
    prefix = (clause.value.name_prefix or "").lower()
    answer = facts.get(cond.fact)
    if isinstance(answer.value, str):
        ok = answer.value.lower().startswith(prefix)
        return Reading(cond, Outcome.FAILED if ok else Outcome.MET, answer)
    names = [n for n, _released in facts.names]
    starting = [n for n in names if n.lower().startswith(prefix)]
    if starting:
        name = starting[0]
        return Reading(cond, Outcome.FAILED, Fact(cond.fact, name, f"\u201c{name}\u201d",
                                                  rule=f"the name begins with {prefix!r}"))
    renamed = facts.get("derivative_renamed")
    if not names and renamed.value is True:
        return Reading(cond, Outcome.MET, Fact(cond.fact, None, renamed.words,
                                               rule="the model is offered under a name of its "
                                                    "own"))
    released = [n for n, rel in facts.names if rel]
    if released:
        name = released[0]
        return Reading(cond, Outcome.MET, Fact(cond.fact, name, f"\u201c{name}\u201d",
                                               rule=f"the name does not begin with {prefix!r}"))
    return Reading(cond, Outcome.OPEN, answer)


@dataclass(frozen=True)
class Decided:
    """What the facts make of a clause."""

    status: Status
    readings: tuple[Reading, ...]
    to_do: bool = False  # a duty the use case says nothing about: clear, with its action

    @property
    def open(self) -> list[Reading]:
        return [r for r in self.readings if r.outcome is Outcome.OPEN]

    @property
    def failed(self) -> list[Reading]:
        return [r for r in self.readings if r.outcome is Outcome.FAILED]

    @property
    def met(self) -> list[Reading]:
        return [r for r in self.readings if r.outcome is Outcome.MET]

    def because(self) -> str:
        """The facts in words, for the finding's rationale."""
        parts = [describe(r.fact) for r in self.readings if r.fact.value is not None
                 or r.fact.words]
        return "; ".join(parts)


def settled_by(c: Clause) -> Decision | None:
    """The facts that settle a duty its term sheet gives no `decided_by` (facts.yaml
    `settles`, by the values the clause carries): it is not met when the fact is false, and a
    to-do while the use case does not say."""
    values = {k for k, v in c.value if v}
    fact = next((spec.name for spec in fact_vocabulary().values()
                 if values & set(spec.settles)), None)
    if fact is None:
        return None
    return Decision(when=(Condition(fact=fact, equals=False),), activity=False, open="to-do")


def decide(decision: Decision, facts: Facts, clause: Clause) -> Decided:
    readings = tuple(read(c, facts, clause) for c in decision.when)
    failed = [r for r in readings if r.outcome is Outcome.FAILED]
    if failed:
        contested = any(r.condition.failing == "gray" for r in failed)
        hard = [r for r in failed if r.condition.failing == "clear"]
        return Decided(Status.GRAY if contested and not hard else Status.CLEAR, readings)
    if all(r.outcome is Outcome.MET for r in readings):
        return Decided(Status.CONFLICT, readings)
    # a duty's last condition is whether it is met: when only that is unknown (and nothing
    # hedges it), the duty is a to-do; an open precondition stays a question
    open_ = [r for r in readings if r.outcome is Outcome.OPEN]
    if decision.open == "to-do" and open_ == [readings[-1]] and not readings[-1].evidenced:
        return Decided(Status.CLEAR, readings, to_do=True)
    return Decided(Status.GRAY, readings)


def questions(decided: Decided) -> list[str]:
    return [r.question + (f" (the use case says {r.fact.words!r}, without settling it)"
                          if r.fact.words else "") for r in decided.open]
