# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Step 2: every use restriction, eligibility clause and fact-decided condition, weighed
against what the use case involves and the facts it states.

A restriction is broken (conflict) when the use involves its activity and the facts meet every
condition the term sheet gives it (`decided_by`); it is gray when the use only touches the
activity, or a deciding fact is unknown (with the question that settles it); it is clear when
the use does not involve the activity or a fact fails a condition. An eligibility clause (a
grant withheld by domicile, size, field of use) is decided by its facts alone.
"""

from __future__ import annotations

from licentia.analysis.facts import Facts
from licentia.analysis.findings import Evidence, Finding, Status
from licentia.analysis.matching import Matcher, Tier
from licentia.analysis.review.activities import Engaged, Involvement, Signal, engaged, from_hit
from licentia.analysis.review.attribution import attribution_code
from licentia.analysis.review.decide import Decided, Outcome, Reading, decide, questions
from licentia.analysis.review.model import (
    SHORT_DESCRIPTION_WORDS,
    Basis,
    ReviewCode,
    Step,
    finding,
    short,
)
from licentia.analysis.usecase import UseCase
from licentia.catalog.terms import Clause, ClauseKind, Sheet
from licentia.identify import Result
from licentia.identify.matcher import Difference

_UMBRELLA = 3  # a clause cited for this many categories at once brings in a whole policy
_CLAUSE_WORDS = 8  # a changed span this long is a clause of its own, not a typo
_ACT = ("Do not use the model for this, or obtain the licensor's written permission or a "
        "separate license first ({title}).")
_ASK = ("Ask counsel the question below, then record the answer in the use case (`facts:`, "
        "activities / excluded_activities) and re-run.")


def reviewed_clauses(sheet: Sheet) -> list[Clause]:
    """The clauses step 2 weighs: use restrictions, eligibility clauses, a non-commercial limit,
    and every other clause whose deciding facts the sheet states (duties of attribution and
    notice are step 3's)."""
    out = [c for c in sheet.clauses if c.kind in (ClauseKind.USE_RESTRICTION,
                                                  ClauseKind.ELIGIBILITY)]
    if "non-commercial" not in {t for c in out for t in c.taxonomy} \
            and sheet.facts.commercial_use == "no":
        out += [c for c in sheet.clauses if c not in out and (
            c.value.non_commercial or c.value.commercial_use is False)]
    # a condition passing the restrictions on is the flow-down finding's (flowdown.py)
    out += [c for c in sheet.clauses if c not in out and c.decided_by is not None
            and c.kind is not ClauseKind.THRESHOLD and attribution_code(c) is None
            and not (c.kind is ClauseKind.CONDITION and c.value.flow_down)]
    return out


def restrictions(basis: Basis, sheet: Sheet, uc: UseCase, facts: Facts, m: Matcher,
                 involved: Involvement) -> list[Finding]:
    out = modified_wording(basis, m, involved)
    words = len(uc.description.split())
    if words < SHORT_DESCRIPTION_WORDS:
        out.append(finding(
            Step.RESTRICTIONS, ReviewCode.USE_CASE_UNCLEAR, Status.GRAY,
            "The description is too short to map onto the restrictions",
            f"The use case's description has {words} word(s); the restrictions below can "
            "only be checked against what it says.",
            actions=["Describe what the product does, for whom, and with which outputs, then "
                     "re-run."],
            question="What exactly does the product do, for whom, and what happens to the "
                     "outputs?"))
    covered: set[str] = {f.code for f in out}
    for clause in reviewed_clauses(sheet):
        taxonomy = clause.taxonomy or (("non-commercial",) if clause.kind is not
                                       ClauseKind.ELIGIBILITY and clause.decided_by is None
                                       else ())
        covered.update(taxonomy)
        out.append(_weigh(sheet, clause, taxonomy, facts, involved))
    out += absent_restrictions(sheet, involved, covered)
    return out


def _code(clause: Clause, taxonomy: tuple[str, ...]) -> str:
    if taxonomy:
        return taxonomy[0]
    return "eligibility" if clause.kind is ClauseKind.ELIGIBILITY else clause.id


def _weigh(sheet: Sheet, clause: Clause, taxonomy: tuple[str, ...], facts: Facts,
           involved: Involvement) -> Finding:
    state, signals = engaged(involved, taxonomy) if taxonomy else (Engaged.NONE, [])
    dec = clause.decided_by
    decided = decide(dec, facts, clause) if dec is not None else None
    status, why, asks, actions = _status(clause, taxonomy, state, signals, decided)
    unheld = next((d for d in sheet.documents if d.id == clause.incorporated_by_reference
                   and not d.held), None)
    if unheld is not None and status is Status.CLEAR:
        # licentia has no text of the policy: what it covers is not known, so never clear
        status = Status.GRAY
        why = (f"{why} But {unheld.title} is not held by licentia: whether it prohibits "
               "anything this use does cannot be read from its text.")
        asks = [f"Does {unheld.title} prohibit or condition anything this use does?"]
        actions = [f"Obtain {unheld.title} and have counsel read it against this use case."]
    source = (f" (from {clause.incorporated_by_reference}, incorporated by reference)"
              if clause.incorporated_by_reference else "")
    code = _code(clause, taxonomy)
    if len(taxonomy) > 1 and signals and state is not Engaged.NONE:
        involved_ids = [t for t in taxonomy if t in involved.declared or t in involved.hits]
        code = involved_ids[0] if involved_ids else code
    return finding(
        Step.RESTRICTIONS, code, status, clause.title, why + source,
        Evidence.from_clause(sheet, clause), actions, clause=clause.id,
        taxonomy=list(clause.taxonomy), matched=[s.to_json() for s in signals],
        facts=[r.to_json() for r in decided.readings] if decided else None,
        question=" ".join(asks) if asks else None)


def _status(clause: Clause, taxonomy: tuple[str, ...], state: Engaged, signals: list[Signal],
            decided: Decided | None) -> tuple[Status, str, list[str], list[str]]:
    shown = ", ".join(repr(s.words) for s in signals[:3])
    act = [_ACT.format(title=clause.title)]
    needs_activity = decided is None or (clause.decided_by is not None
                                         and clause.decided_by.activity and bool(taxonomy))
    if state is Engaged.DISPUTED:
        return (Status.GRAY, f"The use case excludes it, but its description says otherwise "
                f"({shown}); the two disagree.", [
                    f"Does the product involve this ({clause.title}) or not? The use case says "
                    f"{shown}."], ["Correct the description or excluded_activities and re-run."])
    if needs_activity:
        spoken = _spoken_to(decided)
        if state is Engaged.NONE and spoken:
            # no words for the activity, but the description speaks to the very fact this
            # clause turns on (consent not asked, outputs unlabelled): never a silent clear
            words = ", ".join(repr(r.fact.words) for r in spoken[:2])
            return (Status.GRAY, f"No words of the use case name this activity, but it speaks "
                    f"to the fact the clause turns on ({words}).", [
                        f"Does the product do what this clause prohibits ({clause.title})? "
                        f"The use case says {words}."], [_ASK])
        if state is Engaged.NONE:
            return Status.CLEAR, "Nothing in the use case involves this.", [], []
        if state is Engaged.EXCLUDED:
            return (Status.CLEAR, f"The use case says it does not involve this ({shown}).",
                    [], [])
        if state is Engaged.AGAINST:
            return (Status.CLEAR, f"The use case mentions this only as something the product "
                    f"works against ({shown}); the restriction bites if the product itself "
                    "does it, or lets its users do it.", [],
                    ["Keep the product on that side, and keep its users there too."])
    if decided is None:
        if state is Engaged.DOES and len(taxonomy) < _UMBRELLA:
            return (Status.CONFLICT, f"The use case says {shown}, which is what the license "
                    "prohibits.", [], act)
        ask = (f"Does the product do what this clause prohibits ({clause.title}), given that "
               f"the use case says {shown}?")
        if state is Engaged.DOES:
            ask = (f"Which item of the policy this clause brings in covers what the use case "
                   f"describes ({shown}), and does the use fall under it?")
        return (Status.GRAY, f"The use case touches this ({shown}) without saying the product "
                "does what the license prohibits.", [ask], [_ASK])
    return _by_facts(clause, state, signals, shown, decided, needs_activity)


def _by_facts(clause: Clause, state: Engaged, signals: list[Signal], shown: str,
              decided: Decided, needs_activity: bool) -> tuple[Status, str, list[str], list[str]]:
    """The status of a clause decided by facts, once its activity is involved."""
    act = [_ACT.format(title=clause.title)]
    because = decided.because()
    if decided.status is Status.CLEAR:
        if decided.to_do:
            return Status.CLEAR, "Applies as a duty; the use case does not say it is met.", \
                [], [f"Make sure of it: {clause.title}."]
        fails = "; ".join(f"{r.fact.name} is not {r.condition.equals!r}" if r.condition.equals
                          is not None else r.fact.name for r in decided.failed)
        keep = [f"Keep the product that way, and keep evidence of it: {because}."]
        return (Status.CLEAR, f"The clause bites only on facts the use case rules out "
                f"({fails}): {because}.", [], keep)
    if decided.status is Status.CONFLICT and state is Engaged.TOUCHES and needs_activity:
        # words of the domain only: neither what the clause assumes when the use case is
        # silent, nor facts that qualify the activity without describing it ("no doctor is
        # involved", `activity: done`), say the product does it
        silent = not any(r.fact.value is not None or r.fact.hedged for r in decided.readings)
        done = clause.decided_by is not None and clause.decided_by.activity == "done"
        if silent or done:
            unstated = ", ".join(r.fact.name for r in decided.readings)
            why = (f"The use case touches this ({shown}) without saying the product does it, "
                   f"and says nothing of what the clause turns on ({unstated})." if silent else
                   f"The use case touches this ({shown}) and {because}, but does not say the "
                   "product does what the clause prohibits.")
            return (Status.GRAY, why, [
                f"Does the product do what this clause prohibits ({clause.title}), given that "
                f"the use case says {shown}?"], [_ASK])
    if decided.status is Status.CONFLICT:
        lead = f"The use case says {shown}; " if signals else ""
        return (Status.CONFLICT, f"{lead}the facts meet every condition of the clause: "
                f"{because}.", [], act)
    if not needs_activity and not any(r.evidenced for r in decided.readings) \
            and state is not Engaged.DOES:
        # no fact read; words saying the product does the activity still engage it
        return Status.CLEAR, "Nothing in the use case engages this clause.", [], []
    asks = questions(decided) or [
        f"Does the use fall under this clause ({clause.title})? The use case says {shown}."]
    lead = (f"The use case touches this ({shown}), " if state is Engaged.TOUCHES else
            "The clause turns on facts ")
    open_words = ", ".join(r.fact.name for r in decided.open) or "a contested reading"
    return (Status.GRAY, f"{lead}and the deciding facts are not settled ({open_words})"
            + (f": {because}" if because else "") + ".", asks, [_ASK])


def _spoken_to(decided: Decided | None) -> list[Reading]:
    """The deciding facts, when the description itself states every one of them as the clause
    needs it (or hedges it); none when any is missing or ruled out."""
    if decided is None or not decided.readings:
        return []
    spoken = [r for r in decided.readings if r.fact.source == "description" and r.fact.words
              and (r.outcome is Outcome.MET or (r.outcome is Outcome.OPEN and r.fact.hedged))]
    return spoken if len(spoken) == len(decided.readings) else []


def modified_wording(basis: Basis, m: Matcher, involved: Involvement) -> list[Finding]:
    """Wording a modified license file adds on an activity the use case involves: the
    reference term sheet cannot speak for it, so it goes to counsel with the file's words."""
    ident, lic = basis.identification, basis.license
    if ident is None or lic is None or ident.result is not Result.MODIFIED:
        return []
    wanted = involved.ids()
    out: list[Finding] = []
    for d in ident.differences:
        if not d.found:
            continue
        touched = {tid for tid in m.mentions(d.found) if tid in wanted}
        if not touched and len(d.found.split()) >= _CLAUSE_WORDS:
            out.append(_changed_clause(d, ident.path, lic.key))
        for tid, hits in sorted(m.mentions(d.found).items()):
            if tid not in wanted:
                continue
            signal = involved.declared.get(tid) or from_hit(involved.hits[tid][0])
            out.append(finding(
                Step.RESTRICTIONS, tid, Status.GRAY,
                f"The modified license text adds wording on {tid}",
                f"Line {d.line} of {ident.path} is not in the reference text of {lic.key} and "
                f"mentions {hits[0].words!r}; the use case involves {tid} ({signal.field}: "
                f"{signal.words}). The added words may restrict this use.",
                [Evidence(lic.key, d.found, f"line {d.line}", document=f"file:{ident.path}")],
                ["Have counsel read the added wording against the use case."],
                matched=[signal.to_json(), {"field": "license text", "words": hits[0].words,
                                            "rule": hits[0].rule}],
                question=f"Does the wording added to the license at line {d.line} "
                         f"(\u201c{short(d.found)}\u201d) prohibit this use?"))
    return out


def _changed_clause(d: Difference, path: str, key: str) -> Finding:
    """Wording of the user's file that the reference text does not have: an item of its own,
    quoted from the file, for counsel (the term sheet cannot speak for it)."""
    what = "replaces" if d.reference else "adds"
    return finding(
        Step.RESTRICTIONS, ReviewCode.MODIFIED_LICENSE, Status.GRAY,
        f"Line {d.line} of the license file {what} wording not in {key}",
        f"{path} {what} this wording at line {d.line}"
        + (f" (in {short(d.section, 60)})" if d.section else "")
        + (f", in place of \u201c{short(d.reference)}\u201d" if d.reference else "")
        + ". It is not in the reference text, so licentia's term sheet does not cover it; it "
        "binds as written.",
        [Evidence(key, d.found, f"line {d.line}", document=f"file:{path}")],
        ["Have counsel read this wording against the use case."],
        question=f"What does the wording at line {d.line} (\u201c{short(d.found)}\u201d) "
                 "require or prohibit for this use?")


def absent_restrictions(sheet: Sheet, involved: Involvement,
                        covered: set[str]) -> list[Finding]:
    """Say so when the use involves an activity this license does not restrict (e.g. military
    use under BigScience RAIL): other licenses restrict it, and the reader should know why it
    is not raised here."""
    out: list[Finding] = []
    strong = {tid for tid, hs in involved.hits.items()
              if any(h.tier is Tier.STRONG and not h.countered_by for h in hs)}
    thresholds = {t for c in sheet.clauses if c.kind is ClauseKind.THRESHOLD for t in c.taxonomy}
    for tid in sorted((set(involved.declared) | strong) - covered - thresholds):
        signal = involved.declared.get(tid) or from_hit(
            next(h for h in involved.hits[tid] if h.tier is Tier.STRONG))
        evidence: list[Evidence] = []
        others = sum(1 for c in sheet.clauses if c.kind is ClauseKind.USE_RESTRICTION)
        rest = (f" Its {others} use restriction(s) still apply (above)." if others else "")
        if tid == "non-commercial":
            grants = [c for c in sheet.clauses if c.kind is ClauseKind.PERMISSION
                      and c.value.commercial_use]
            evidence = [ev for c in grants[:1] for ev in Evidence.from_clause(sheet, c)]
            title = f"Commercial use is allowed by {sheet.title}"
            rationale = (f"The use is commercial ({signal.field}: {signal.words}); "
                         f"{sheet.title} has no non-commercial limit"
                         + (": commercial use is within the grant." if evidence else ".")
                         + rest)
        else:
            unheld = [d for d in sheet.documents if not d.held]
            if unheld:
                names = ", ".join(d.title for d in unheld)
                ids = {d.id for d in unheld}
                pointers = [ev for c in sheet.clauses if c.incorporated_by_reference in ids
                            for ev in Evidence.from_clause(sheet, c) if ev.document == "license"]
                out.append(finding(
                    Step.RESTRICTIONS, tid, Status.GRAY,
                    f"No {tid} restriction in the text of {sheet.title}; {names} not assessed",
                    f"The use involves {tid} ({signal.field}: {signal.words}). The license "
                    f"text itself does not restrict it, but it incorporates {names}, whose "
                    "text licentia does not hold: it may.",
                    pointers[:2],
                    [f"Read {names} for {tid} before relying on this use."],
                    question=f"Does {names} prohibit or condition {tid} use?",
                    matched=[signal.to_json()]))
                continue
            title = f"No {tid} restriction in {sheet.title}"
            rationale = (f"The use involves {tid} ({signal.field}: {signal.words}); "
                         f"{sheet.title} has no term restricting it.{rest}")
        out.append(finding(Step.RESTRICTIONS, tid, Status.CLEAR, title, rationale, evidence,
                           matched=[signal.to_json()]))
    return out
