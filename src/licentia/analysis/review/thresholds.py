# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Step 2, thresholds: monthly users and revenue limits, counted as the clause counts them.

Who is counted (the licensee alone, or with its affiliates) and when (on the version's release
date, or at any time) are data of the term sheet (`counts_affiliates`, `counted_at`,
`release_date`); the figures are the use case's structured keys and the numbers its description
states, with whose they are and when (analysis/facts).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from licentia.analysis.facts import Facts, Figure
from licentia.analysis.findings import Code, Evidence, Finding, Status
from licentia.analysis.review.model import Step, finding
from licentia.analysis.usecase import UseCase
from licentia.catalog.terms import Clause, ClauseKind, Sheet

_FIELD = {"users": "monthly_active_users", "revenue": "annual_revenue_usd"}
_WHAT = {"users": "monthly active users", "revenue": "USD of annual revenue"}


@dataclass(frozen=True)
class _Count:
    status: Status
    why: str
    question: str | None = None
    figure: Figure | None = None


def thresholds(sheet: Sheet, uc: UseCase, facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    for clause in (c for c in sheet.clauses if c.kind is ClauseKind.THRESHOLD):
        v = clause.value
        if v.mau_threshold is not None:
            measure, limit = "users", v.mau_threshold
        elif v.revenue_threshold_usd is not None:
            measure, limit = "revenue", v.revenue_threshold_usd
        else:
            continue
        evidence = Evidence.from_clause(sheet, clause)
        if measure == "revenue" and not uc.commercial and not facts.described("earns_money"):
            out.append(finding(
                Step.RESTRICTIONS, Code.USER_THRESHOLD, Status.CLEAR, clause.title,
                "The revenue threshold binds commercial use; the use case is not commercial.",
                evidence, clause=clause.id, matched=[{
                    "field": "commercial", "words": "false",
                    "rule": "threshold binds commercial use"}]))
            continue
        count = _count(clause, measure, limit, uc, facts)
        scope = _scope(clause)
        actions = []
        if count.status is Status.CONFLICT:
            actions = ["Request a separate license from the licensor before any use, or "
                       "confirm with counsel that the count as the license defines it is "
                       "below the limit."]
        elif count.status is Status.GRAY:
            actions = [f"State the figure as the license counts it{scope} (`facts:` or "
                       f"{_FIELD[measure]}) and re-run."]
        matched = ([{"field": "description" if count.figure.words[:1].isdigit()
                     or not count.figure.words.startswith(_FIELD[measure]) else "field",
                     "words": count.figure.words, "rule": f"limit {limit:,}"}]
                   if count.figure else [])
        out.append(finding(
            Step.RESTRICTIONS, Code.USER_THRESHOLD, count.status, clause.title,
            f"The license sets a limit of {limit:,} {_WHAT[measure]}{scope}. {count.why}",
            evidence, actions, clause=clause.id, matched=matched, question=count.question))
    return out


def _scope(clause: Clause) -> str:
    v = clause.value
    parts = []
    if v.counts_affiliates:
        parts.append("counted over you and your affiliates, not this product alone")
    if v.counted_at == "release-date" and v.release_date:
        parts.append(f"counted in the calendar month before the version release date "
                     f"({v.release_date})")
    return f" ({'; '.join(parts)})" if parts else ""


def _figures(measure: str, uc: UseCase, facts: Facts) -> list[Figure]:
    stated = uc.monthly_active_users if measure == "users" else uc.annual_revenue_usd
    answer_key = "monthly_active_users" if measure == "users" else "annual_revenue_usd"
    group_key = "group_" + answer_key
    out = [f for f in facts.figures if f.measure == measure and not f.hedged]
    for key, owner in ((answer_key, "licensee"), (group_key, "group")):
        answered = facts.get(key)
        if answered.source.value == "facts" and isinstance(answered.value, int):
            out = [f for f in out if f.owner != owner]
            out.append(Figure(measure, answered.value, owner, f"facts: {key}: {answered.value}"))
    if stated is not None and not any(f.owner == "licensee" and f.words.startswith("facts:")
                                      for f in out):
        out.append(Figure(measure, stated, "licensee", f"{_FIELD[measure]}: {stated:,}"))
    return out


def _at_release(f: Figure, release: date) -> bool | None:
    """Whether a figure is the count of the month before the release date (None: undated)."""
    if f.year is None:
        return None
    before = date(release.year, release.month, 1).replace(day=1)
    prev_year, prev_month = (before.year, before.month - 1) if before.month > 1 else (
        before.year - 1, 12)
    if f.since:
        return f.year <= prev_year
    if f.whole_year:
        return f.year == prev_year
    if f.month is not None:
        return (f.year, f.month) == (prev_year, prev_month)
    return f.year == prev_year and prev_month == 12


def _count(clause: Clause, measure: str, limit: int, uc: UseCase, facts: Facts) -> _Count:
    v = clause.value
    figures = _figures(measure, uc, facts)
    if not v.counts_affiliates:
        figures = [f for f in figures if f.owner == "licensee"]
    question = (f"What was the figure the license counts ({_WHAT[measure]}{_scope(clause)})? "
                f"Is it above {limit:,}?")
    if v.counted_at == "release-date" and v.release_date:
        release = date.fromisoformat(v.release_date)
        dated = [f for f in figures if _at_release(f, release)]
        above = [f for f in dated if f.value > limit]
        if above:
            return _Count(Status.CONFLICT, f"The use case states {above[0].words!r} "
                          f"({above[0].owner}) for that time, above the limit.", question,
                          above[0])
        current = [f for f in figures if _at_release(f, release) is None]
        if dated and not _group_missing(v.counts_affiliates, dated, facts):
            return _Count(Status.CLEAR, f"The use case states {dated[0].words!r} "
                          f"({dated[0].owner}) for that time, within the limit; later figures "
                          "do not count.", None, dated[0])
        high = [f for f in current if f.value > limit]
        if high and (disputed := _disputed(high, figures, limit, measure, question)):
            return disputed
        if high:
            return _Count(Status.CONFLICT, f"The use case states {high[0].words!r} "
                          f"({high[0].owner}), above the limit, and no figure dated to the "
                          "release date says otherwise.", question, high[0])
        return _within(v.counts_affiliates, current or dated, facts, question, measure)
    above = [f for f in figures if f.value > limit]
    if above and (disputed := _disputed(above, figures, limit, measure, question)):
        return disputed
    if above:
        return _Count(Status.CONFLICT, f"The use case states {above[0].words!r} "
                      f"({above[0].owner}), above the limit.", question, above[0])
    return _within(v.counts_affiliates, figures, facts, question, measure)


def _disputed(above: list[Figure], figures: list[Figure], limit: int, measure: str,
              question: str) -> _Count | None:
    """Only the structured field is above the limit, while the description states the
    licensee's own figure within it ("the 750 million in our pitch deck is page views; monthly
    active users have stayed between two and three million"): the two disagree (gray)."""
    field = _FIELD[measure]
    if not all(f.words.startswith(f"{field}:") for f in above):
        return None
    within = [f for f in figures if f.owner == "licensee" and f.value <= limit
              and not f.words.startswith(f"{field}:")]
    if not within:
        return None
    stated = max(within, key=lambda f: f.value)
    return _Count(Status.GRAY, f"The use case's {field} says {above[0].words.split(': ')[1]}, "
                  f"above the limit, but its description states {stated.words!r} for the "
                  "licensee, within it: the two disagree.", question, above[0])


def _group_missing(counts_affiliates: bool | None, figures: list[Figure], facts: Facts) -> bool:
    """Affiliates count, the use case says (or hedges) there are some, and gives no figure."""
    group = facts.get("has_affiliates")
    has = group.value is True or (group.value is None and group.maybe is True)
    return bool(counts_affiliates) and has and not any(f.owner == "group" for f in figures)


def _within(counts_affiliates: bool | None, figures: list[Figure], facts: Facts,
            question: str, measure: str) -> _Count:
    if not figures and not _group_missing(counts_affiliates, figures, facts) and measure == "users":
        return _Count(Status.CLEAR, "The use case states no user figure and nothing in it "
                      "suggests a count near the limit (no affiliates are mentioned).")
    if not figures:
        return _Count(Status.GRAY, "The use case states no such figure.", question)
    if _group_missing(counts_affiliates, figures, facts):
        group = facts.get("has_affiliates")
        return _Count(Status.GRAY, f"The use case states {figures[0].words!r} for the licensee, "
                      f"but it has affiliates ({group.words!r}) whose figures count too and "
                      "are not stated.", question, figures[0])
    top = max(figures, key=lambda f: f.value)
    return _Count(Status.CLEAR, f"The use case states {top.words!r} ({top.owner}), within the "
                  "limit.", None, top)
