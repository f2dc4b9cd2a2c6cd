# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Review one license against one intended use, in the specialist's five steps.

1. verify the license (exact version, variant, modified or not, and what that rests on);
2. map every use restriction, threshold, commercial and output term onto the use case;
3. list the attribution and notice duties this use triggers;
4. assess the patent grant and what ends it;
5. document and escalate: a risk matrix, the gray areas with the question to ask counsel, and
   the overall verdict.

Every finding quotes the term sheet (whose quotes are checked against the license text), never
invented words. Where the use case's words leave a fact open, the finding is `gray` and carries
the question that would settle it; licentia never turns an open question into a silent `clear`.
The module is pure: it returns a `Review` value and never prints or exits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from licentia.analysis.findings import Code, Evidence, Finding, Severity, Status
from licentia.analysis.matching import Hit, Matcher, Qualifier, State, Tier, matcher
from licentia.analysis.usecase import Deployment, Modification, UseCase
from licentia.catalog import external
from licentia.catalog.catalog import Family, HfTag, License, Source, catalog
from licentia.catalog.terms import Artifact, Clause, ClauseKind, Sheet, sheet_for, taxonomy
from licentia.errors import InputError
from licentia.identify import Identification, Result
from licentia.reference import resolve_reference

FORMAT_VERSION = 1
SHORT_DESCRIPTION_WORDS = 6
MAX_DIFFERENCES_QUOTED = 5


class Verdict(StrEnum):
    """The overall answer: go, go after counsel answers the gray areas, or stop."""

    CLEAR = "clear"
    REVIEW = "review"
    CONFLICT = "conflict"


class Step(StrEnum):
    VERIFY = "verify"
    RESTRICTIONS = "restrictions"
    ATTRIBUTION = "attribution"
    PATENT = "patent"
    ESCALATE = "escalate"


class ReviewCode(StrEnum):
    """Finding codes only review uses (verify and patent steps); the others are `Code` values
    of check or taxonomy ids."""

    LICENSE_IDENTIFIED = "license-identified"
    MODIFIED_LICENSE = "modified-license"
    AMBIGUOUS_LICENSE = "ambiguous-license"
    NOT_ASSESSED = "not-assessed"
    INCORPORATED_POLICY = "incorporated-policy"
    USE_CASE_UNCLEAR = "use-case-unclear"
    PATENT_GRANT = "patent-grant"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


_LEVEL_SCORE = {Level.LOW: 1, Level.MEDIUM: 2, Level.HIGH: 3}
_SEVERITY = {Status.CLEAR: Severity.INFO, Status.GRAY: Severity.WARNING,
             Status.CONFLICT: Severity.ERROR}
_STATUS_RANK = {Status.CLEAR: 0, Status.GRAY: 1, Status.CONFLICT: 2}
STEP_TITLES = {
    Step.VERIFY: "Verify the license",
    Step.RESTRICTIONS: "Use restrictions",
    Step.ATTRIBUTION: "Attribution and notice",
    Step.PATENT: "Patent grant",
    Step.ESCALATE: "Document and escalate",
}


@dataclass(frozen=True)
class Basis:
    """What the review rests on: the reference as given, and what it was identified as."""

    reference: str
    license: License | None
    sheet: Sheet | None
    identification: Identification | None = None
    family_tag: HfTag | None = None  # a Hugging Face tag naming a family, resolved to a default

    @property
    def text_source(self) -> str | None:
        """Where the term sheet's quotes are checked: the LicenseDB or licentia's own data."""
        if self.sheet is None:
            return None
        drafted = catalog().get(self.sheet.license)
        if drafted is not None and drafted.source is Source.TEMPLATE:
            return "the drafted text itself (licentia's template, its choices read back)"
        if external.get(self.sheet.license) is not None:
            return (f"licentia's phrase data and fingerprint for {self.sheet.license} "
                    "(the text is not in the LicenseDB)")
        return f"the LicenseDB text {self.sheet.license}"

    @property
    def rests_on(self) -> str:
        """The license text version every statement of the review rests on, in one line."""
        if self.sheet is None:
            name = self.license.name if self.license else "no identified license"
            return f"{name}: no term sheet, so no clause-level analysis"
        docs = "; ".join(f"{d.title}" + (f" ({d.url})" if d.url else "")
                         for d in self.sheet.documents)
        line = (f"{self.sheet.title}, {self.sheet.version} (term sheet checked against "
                f"{self.text_source})")
        return line + (f"; incorporated: {docs}" if docs else "")


@dataclass(frozen=True)
class Risk:
    """One row of the risk matrix: a finding's likelihood and impact."""

    code: str
    title: str
    step: str
    status: Status
    likelihood: Level
    impact: Level

    @property
    def rating(self) -> Level:
        score = _LEVEL_SCORE[self.likelihood] * _LEVEL_SCORE[self.impact]
        return Level.HIGH if score >= 6 else Level.MEDIUM if score >= 3 else Level.LOW


@dataclass(frozen=True)
class Escalation:
    """A question for counsel (gray) or a decision to take (conflict), with its quote."""

    code: str
    title: str
    status: Status
    question: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Review:
    use_case: UseCase
    basis: Basis
    verdict: Verdict
    findings: tuple[Finding, ...]
    risk_matrix: tuple[Risk, ...]
    escalations: tuple[Escalation, ...]
    not_assessed: tuple[str, ...] = ()

    def by_step(self, step: Step) -> list[Finding]:
        return [f for f in self.findings if f.step == step.value]


@dataclass(frozen=True)
class _Signal:
    """Why review thinks the use involves an activity: a declared field, or matched words."""

    field: str
    words: str
    rule: str

    def to_json(self) -> dict[str, str]:
        return {"field": self.field, "words": self.words, "rule": self.rule}


def _from_hit(hit: Hit) -> _Signal:
    return _Signal(hit.field, hit.words, hit.rule)


@dataclass
class _Assessment:
    status: Status
    rationale: str
    signals: list[_Signal] = field(default_factory=list)
    questions: list[str] = field(default_factory=list)
    actions: list[str] = field(default_factory=list)


# -- entry points -------------------------------------------------------------------------------

def basis_for(ref: str) -> Basis:
    """Resolve a LICENSE_REF (id, tag, license file or model card) for review.

    An unidentified file is not an error here: step 1 reports it as a finding for counsel and
    the review says what it could not assess.
    """
    resolved = resolve_reference(ref, allow_unidentified=True)
    ident = resolved.identification
    if ident is None and len(resolved.licenses) > 1:
        keys = ", ".join(lic.key for lic in resolved.licenses)
        raise InputError(f"names {len(resolved.licenses)} licenses ({keys}); review them one "
                         "at a time", key=ref)
    if ident is not None:
        lic = ident.license or (resolved.licenses[0] if resolved.licenses else None)
    else:
        lic = resolved.license
    tag = None
    cat = catalog()
    if ident is None and cat.lookup(ref) is None:
        hf = cat.hf_tag(ref)
        if hf is not None and hf.family:
            tag = hf
    # a license licentia drafted: the term sheet built from the text itself (resolved.sheet)
    sheet = resolved.generated_sheet or (sheet_for(lic.key) if lic else None)
    return Basis(ref, lic, sheet, ident, tag)


def review_reference(ref: str, use_case: UseCase) -> Review:
    """Review the license a reference names against a use case."""
    return review(basis_for(ref), use_case)


def review(basis: Basis, use_case: UseCase, rules: Matcher | None = None) -> Review:
    """The five steps over an identified license and a validated use case."""
    m = rules or matcher()
    involved = _involvement(use_case, m)
    not_assessed: list[str] = []
    findings = _verify(basis, m, not_assessed)
    if basis.sheet is not None:
        added = _modified_wording(basis, m, involved)
        findings += _restrictions(basis.sheet, use_case, m, involved, added)
        findings += _attribution(basis.sheet, use_case)
        findings += _patent(basis.sheet, use_case)
        key = basis.sheet.license
        not_assessed.append(f"conditions other than use, attribution, notice, copyleft and "
                            f"patent terms (e.g. indemnity, termination, governing law): see "
                            f"`licentia explain {key}`")
    else:
        not_assessed += ["use restrictions", "attribution and notice duties", "patent grant"]
    risks = tuple(_risk(f) for f in findings)
    escalations = tuple(_escalations(findings, basis))
    return Review(use_case, basis, _verdict(findings), tuple(findings), risks, escalations,
                  tuple(not_assessed))


def _verdict(findings: Iterable[Finding]) -> Verdict:
    statuses = {f.status for f in findings}
    if Status.CONFLICT in statuses:
        return Verdict.CONFLICT
    if Status.GRAY in statuses:
        return Verdict.REVIEW
    return Verdict.CLEAR


def _finding(step: Step, code: str, status: Status, title: str, rationale: str,
             evidence: Iterable[Evidence] = (), actions: Iterable[str] = (),
             **extra: Any) -> Finding:
    return Finding(code=code, severity=_SEVERITY[status], message=rationale, title=title,
                   evidence=tuple(evidence), actions=tuple(dict.fromkeys(actions)),
                   status=status, step=step.value,
                   extra={k: v for k, v in extra.items() if v not in (None, [], ())})


def _quotes(clause: Clause) -> str:
    return " ".join(ev.quote for ev in clause.evidence)


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


# -- what the use case involves --------------------------------------------------------------------

@dataclass(frozen=True)
class _Involvement:
    """The use case read once: declared activities, explicit exclusions, and matched words."""

    declared: dict[str, _Signal]
    excluded: dict[str, _Signal]
    hits: dict[str, list[Hit]]  # counting hits by taxonomy id
    negated: dict[str, list[Hit]]

    def ids(self) -> set[str]:
        """Every taxonomy id the use case says or suggests it involves."""
        return set(self.declared) | set(self.hits)


def _involvement(uc: UseCase, m: Matcher) -> _Involvement:
    declared = {tid: _Signal("activities", tid, f"declared activity {tid}")
                for tid in uc.activities}
    excluded = {tid: _Signal("excluded_activities", tid, f"excluded activity {tid}")
                for tid in uc.excluded_activities}
    if uc.commercial:
        declared["non-commercial"] = _Signal("commercial", "true", "the use is commercial")
    else:
        excluded["non-commercial"] = _Signal("commercial", "false",
                                             "the use case says the use is not commercial")
    if uc.outputs_train_other_models:
        declared["output-training"] = _Signal("outputs_train_other_models", "true",
                                              "outputs train other models")
    elif uc.outputs_train_other_models is False:
        excluded.setdefault("output-training", _Signal(
            "outputs_train_other_models", "false", "outputs do not train other models"))
    hits: dict[str, list[Hit]] = {}
    negated: dict[str, list[Hit]] = {}
    for hit in m.hits(uc.description):
        (hits if hit.counts else negated).setdefault(hit.taxonomy, []).append(hit)
    # doing one activity always involves another (facial recognition processes personal data):
    # the implied one is touched, so at least gray wherever a license restricts it
    known = taxonomy()
    for tid in [*declared, *list(hits)]:
        entry = known.get(tid)
        for implied in entry.implies if entry else ():
            if implied in declared or implied in excluded or implied in hits:
                continue
            source = hits[tid][0] if tid in hits else None
            hits[implied] = [Hit(implied, f"implied by {tid}", Tier.WEAK,
                                 source.words if source else tid,
                                 source.start if source else 0, source.end if source else 0,
                                 field=source.field if source else "activities")]
    if uc.modification is Modification.DISTILL and "output-training" not in declared:
        hits.setdefault("output-training", []).append(Hit(
            "output-training", "modification: distill", Tier.WEAK, "distill", 0, 0,
            field="modification"))
    return _Involvement(declared, excluded, hits, negated)


# -- step 1: verify -----------------------------------------------------------------------------

def _verify(basis: Basis, m: Matcher, not_assessed: list[str]) -> list[Finding]:
    out: list[Finding] = []
    lic, sheet, ident = basis.license, basis.sheet, basis.identification
    if sheet is not None:
        rests = (f"The analysis rests on licentia's term sheet for {sheet.title}, "
                 f"{sheet.version}, whose quotes are checked against {basis.text_source}.")
    else:
        rests = ""
    if ident is None:
        assert lic is not None
        if basis.family_tag is not None:
            tag = basis.family_tag
            out.append(_finding(
                Step.VERIFY, ReviewCode.AMBIGUOUS_LICENSE, Status.GRAY,
                f"The tag {tag.tag!r} names a family of licenses, not one version",
                f"The Hugging Face tag {tag.tag!r} covers {', '.join(tag.family)}; the review "
                f"assumed {lic.key}, the family's default. The variants differ in their use "
                f"restrictions. {rests}",
                actions=["Read the license file shipped with the model and re-run the review "
                         "with that file as LICENSE_REF, to pin the exact variant."],
                question=f"Which member of the {tag.tag} family is the model actually under?"))
        else:
            out.append(_finding(
                Step.VERIFY, ReviewCode.LICENSE_IDENTIFIED, Status.CLEAR,
                f"Identified by reference: {lic.name}",
                f"The reference {basis.reference!r} names {lic.key} ({lic.spdx}). No license "
                f"text was read: the version rests on the reference alone. {rests}",
                actions=["Obtain the license file shipped with the model and re-run "
                         "`licentia review <that file> --use-case ...` to confirm the exact "
                         "version and that the text is unmodified."]))
    else:
        out += _verify_identification(basis, ident, rests, m, not_assessed)
    if lic is not None and sheet is None:
        hint = " AI licenses often carry use restrictions." if lic.family is Family.AI else ""
        out.append(_finding(
            Step.VERIFY, ReviewCode.NOT_ASSESSED, Status.GRAY,
            f"No term sheet for {lic.name}: terms not analysed",
            f"licentia has no term sheet for {lic.key} yet, so its use restrictions, "
            f"attribution duties and patent terms could not be mapped to the use case.{hint}",
            actions=[f"Have counsel read the full text of {lic.name}"
                     + (f" ({lic.homepage_url})" if lic.homepage_url else "") + "."],
            question=f"What does {lic.name} require and prohibit for this use?"))
    if sheet is not None:
        for doc in sheet.documents:
            incorporating = [c for c in sheet.clauses if c.kind is not ClauseKind.USE_RESTRICTION
                             and any("incorporat" in ev.quote.lower() for ev in c.evidence)]
            evidence = [ev for c in incorporating for ev in Evidence.from_clause(sheet, c)
                        if "incorporat" in ev.quote.lower()
                        and re.search(r"reference|polic", ev.quote, re.IGNORECASE)]
            where = f" at {doc.url}" if doc.url else ""
            if not doc.held:
                out.append(_finding(
                    Step.VERIFY, ReviewCode.INCORPORATED_POLICY, Status.GRAY,
                    f"{doc.title} is part of the license, and licentia does not hold its text",
                    f"{sheet.title} incorporates {doc.title} by reference{where}. licentia has "
                    "no checked copy of it, so its prohibitions are NOT mapped to the use case: "
                    "every restriction below that is not in the license text itself is gray, "
                    "not clear.",
                    evidence,
                    [f"Obtain the current {doc.title}{where} and have counsel read it against "
                     "this use case."],
                    question=f"Does {doc.title} prohibit or condition anything this use case "
                             "does?"))
                continue
            status = Status.GRAY if doc.mutable else Status.CLEAR
            out.append(_finding(
                Step.VERIFY, ReviewCode.INCORPORATED_POLICY, status,
                f"{doc.title} is part of the license",
                f"{sheet.title} incorporates {doc.title} by reference{where}: its prohibitions "
                "bind the use as terms of the license and are mapped in step 2 from the text "
                "licentia knows."
                + (" The publisher may change it at that address." if doc.mutable else ""),
                evidence,
                [f"Check that the current {doc.title}{where} still matches the version this "
                 "review rests on before relying on it."],
                question=f"Has {doc.title} changed since the version this review rests on?"
                if doc.mutable else None))
    return out


def _verify_identification(basis: Basis, ident: Identification, rests: str, m: Matcher,
                           not_assessed: list[str]) -> list[Finding]:
    out: list[Finding] = []
    lic = basis.license
    primary = next((mt for mt in ident.matches if lic and mt.key == lic.key), None)
    kind = primary.kind if primary else None
    notes = (" Notes: " + "; ".join(ident.notes) + ".") if ident.notes else ""
    if lic is None:
        out.append(_finding(
            Step.VERIFY, Code.UNKNOWN_LICENSE, Status.GRAY,
            f"No license identified in {ident.path}",
            f"licentia could not identify a license in {ident.path} (result: "
            f"{ident.result.value}). Without knowing the license, no term of it could be "
            f"assessed against the use case.{notes}",
            actions=["Have counsel read the file; if it is a known license with heavy edits, "
                     "treat it as a custom license."],
            question=f"What license is {ident.path}, and what does it require and prohibit?"))
        return out
    if ident.result is Result.EXACT:
        if kind == "declared":
            dec = ident.declared
            if dec is not None and dec.agrees:
                basis_words = (f"the model card {ident.path} declares {lic.key}, and its "
                               "license_link file is an exact copy of the reference text")
                actions: list[str] = []
            else:
                basis_words = (f"the model card {ident.path} declares {lic.key} in its "
                               "front matter; no license text was read")
                actions = ["Obtain the license text the model is distributed with and re-run "
                           "the review with it, to confirm the version and that it is "
                           "unmodified."]
        else:
            basis_words = (f"the text of {ident.path} is an exact copy of the reference text "
                           f"of {lic.key} (coverage {ident.coverage:.0f}%)")
            actions = []
        out.append(_finding(
            Step.VERIFY, ReviewCode.LICENSE_IDENTIFIED, Status.CLEAR,
            f"Identified: {lic.name}", f"Identification rests on: {basis_words}. {rests}{notes}",
            actions=actions))
    elif ident.result is Result.MODIFIED:
        diffs = ident.differences
        evidence = tuple(
            Evidence(lic.key, d.found or d.reference,
                     f"line {d.line}" + (f", in {_short(d.section, 60)}" if d.section else ""),
                     document=f"file:{ident.path}" if d.found else "license")
            for d in diffs[:MAX_DIFFERENCES_QUOTED])
        touched = sorted({tid for d in diffs for tid in m.mentions(d.found)})
        about = (f" The changed wording concerns: {', '.join(touched)}." if touched else "")
        out.append(_finding(
            Step.VERIFY, ReviewCode.MODIFIED_LICENSE, Status.GRAY,
            f"Modified text of {lic.name}",
            f"{ident.path} is {lic.key} with {len(diffs)} difference(s) from the reference text "
            f"(coverage {ident.coverage:.0f}%).{about} The review below rests on the reference "
            f"text; the changes were only scanned for restricted activities, not analysed "
            f"clause by clause. {rests}{notes}",
            evidence,
            ["Have counsel read every difference: a modified license is a custom license."],
            question=f"What do the {len(diffs)} change(s) to {lic.name} in {ident.path} mean "
                     "for this use?"))
        not_assessed.append(f"the meaning of the {len(diffs)} change(s) to the license text in "
                            f"{ident.path}")
    elif ident.result is Result.MULTIPLE:
        keys = list(dict.fromkeys(mt.key for mt in ident.matches))
        dec = ident.declared
        mismatch = dec is not None and (dec.agrees is False or any(
            "declares" in n for n in ident.notes))
        code = Code.LICENSE_MISMATCH if mismatch else ReviewCode.AMBIGUOUS_LICENSE
        what = ("the model card declares one license but its text or license file holds "
                "another" if mismatch else "the file holds several licenses")
        out.append(_finding(
            Step.VERIFY, code, Status.GRAY, f"{ident.path}: {what}",
            f"{ident.path} holds {', '.join(keys)}; this review covers {lic.key} only."
            f"{notes} {rests}",
            actions=["Establish which license governs the model (ask the publisher if the "
                     "card and the file disagree), and review every other license separately."],
            question=f"Which license governs the model: {' or '.join(keys)}?"))
    else:
        out.append(_finding(
            Step.VERIFY, ReviewCode.AMBIGUOUS_LICENSE, Status.GRAY,
            f"{ident.path}: only partly identified as {lic.name}",
            f"{ident.path} matches {lic.key} only in part (result {ident.result.value}, "
            f"coverage {ident.coverage:.0f}%).{notes} {rests}",
            actions=["Obtain the complete license text and re-run the review with it."],
            question=f"Is the complete license of the model {lic.name}, and which version?"))
    return out


# -- step 2: use restrictions, thresholds, commercial and output terms ---------------------------

_UMBRELLA_QUESTION = (
    "licentia's term sheet cites this clause for several restriction categories at once (the "
    "clause that brings in a policy, not the policy's own item): which item of the policy "
    "covers {tid}, and does the use fall under it?")


def _qualifiers(m: Matcher, clause: Clause) -> list[tuple[Qualifier | None, str]]:
    """The facts a clause's restriction depends on (None marks an umbrella clause)."""
    quals: list[tuple[Qualifier | None, str]] = list(m.qualifiers_of(_quotes(clause)))
    if len(clause.taxonomy) >= 3:
        quals.append((None, "several categories"))
    return quals


def _assess(tid: str, clause: Clause, uc: UseCase, m: Matcher,
            involved: _Involvement) -> _Assessment:
    # every qualifier conditions the restriction; a duty-like one ("without disclaiming that
    # it is machine generated") is also engaged by any generated content
    restrictive = _qualifiers(m, clause)
    duty = [(q, w) for q, w in restrictive if q is not None and tid in q.engages]
    if tid in involved.declared:
        signal = involved.declared[tid]
        open_q = [(q, w) for q, w in restrictive if q is None or not q.settled_by_declaration(tid)]
        readings = [m.read(q, w, uc.description) for q, w in open_q if q is not None]
        for reading in readings:
            if reading.state is State.UNMET:
                return _Assessment(
                    Status.CLEAR,
                    f"The use case declares it ({signal.field}: {signal.words}), but the "
                    f"restriction applies only {reading.clause_words!r} and the description "
                    f"says {reading.words!r}.", [signal],
                    actions=[f"Keep the product that way, and keep evidence of it "
                             f"({reading.words!r})."])
        met = [r for r in readings if r.state is State.MET]
        settled = {r.qualifier.id for r in met}
        open_q = [(q, w) for q, w in open_q if q is None or q.id not in settled]
        if not open_q:
            because = ("; the description settles the condition: "
                       + ", ".join(repr(r.words) for r in met)) if met else ""
            return _Assessment(
                Status.CONFLICT,
                f"The use case declares it ({signal.field}: {signal.words}); the license "
                f"prohibits it{because}.", [signal],
                actions=[f"Do not use the model for this, or obtain the licensor's written "
                         f"permission or a separate license first ({clause.title})."])
        return _Assessment(
            Status.GRAY,
            f"The use case declares it ({signal.field}: {signal.words}), but the restriction "
            f"applies only in part of such uses ({'; '.join(_qual_words(open_q))}).", [signal],
            [_question(q, w, tid) for q, w in open_q],
            ["Ask counsel the question below, then record the answer in the use case "
             "(activities / excluded_activities) and re-run."])
    hits = involved.hits.get(tid, [])
    if tid in involved.excluded:
        signal = involved.excluded[tid]
        strong = [h for h in hits if h.tier is Tier.STRONG and not h.countered_by]
        if strong:
            return _Assessment(
                Status.GRAY,
                f"The use case excludes it ({signal.field}: {signal.words}), but the "
                f"description says {strong[0].words!r}; the two disagree.",
                [signal, *map(_from_hit, strong)],
                [f"Does the product involve {tid} (the description says {strong[0].words!r}) "
                 "or not (the use case excludes it)?"],
                ["Correct the description or excluded_activities and re-run."])
        also = f" (the description mentions {hits[0].words!r})" if hits else ""
        return _Assessment(Status.CLEAR, f"The use case states it does not involve this "
                           f"({signal.field}: {signal.words}){also}.", [signal])
    if hits:
        return _assess_words(tid, clause, uc, m, hits, restrictive)
    for q, words in duty:
        assert q is not None
        engaged = m.engaged(q, uc.description)
        if engaged is None:
            continue
        reading = m.read(q, words, uc.description)
        signals = [_from_hit(engaged)]
        if reading.state is State.MET:
            return _Assessment(
                Status.CONFLICT,
                f"The product generates content ({engaged.words!r}) and the description says "
                f"{reading.words!r}; the license prohibits that ({words!r}).", signals,
                actions=[f"Change the product so that it complies: {clause.title}."])
        if reading.state is State.UNMET:
            return _Assessment(
                Status.CLEAR,
                f"The product generates content ({engaged.words!r}); the description says "
                f"{reading.words!r}, which is what the license requires.", signals,
                actions=[f"Keep doing so for every output: {clause.title}."])
        return _Assessment(
            Status.GRAY,
            f"The product generates content ({engaged.words!r}); the license's words {words!r} "
            "make the restriction depend on how outputs are presented, which the use case "
            "does not say.", signals,
            [q.question], [f"Make sure of it in the product: {clause.title}."])
    negated = involved.negated.get(tid, [])
    note = ""
    if negated:
        note = " Not counted: " + "; ".join(f"{h.words!r} (negated by {h.negated_by!r})"
                                             for h in negated) + "."
    return _Assessment(Status.CLEAR, "Nothing in the use case involves this." + note,
                       list(map(_from_hit, negated)))


def _assess_words(tid: str, clause: Clause, uc: UseCase, m: Matcher, hits: list[Hit],
                  restrictive: list[tuple[Qualifier | None, str]]) -> _Assessment:
    signals = list(map(_from_hit, hits))
    strong = [h for h in hits if h.tier is Tier.STRONG and not h.countered_by]
    countered = [h for h in hits if h.countered_by]
    shown = ", ".join(repr(h.words) for h in hits[:3])
    readings = [(m.read(q, w, uc.description) if q is not None else None, q, w)
                for q, w in restrictive]
    for reading, _q, w in readings:
        if reading is not None and reading.state is State.UNMET:
            return _Assessment(
                Status.CLEAR,
                f"The description mentions {shown}, but the restriction applies only "
                f"{w!r} and the description says {reading.words!r}.", signals,
                actions=["Keep the product that way, and keep evidence of it "
                         f"({reading.words!r})."])
    open_q = [(q, w) for r, q, w in readings if r is None or r.state is State.OPEN]
    met = [r for r, _q, _w in readings if r is not None and r.state is State.MET]
    if strong and not open_q:
        settled = ("; the description settles the condition: " + ", ".join(
            f"{r.words!r}" for r in met)) if met else ""
        return _Assessment(
            Status.CONFLICT,
            f"The description says {strong[0].words!r}, which is what the license "
            f"prohibits{settled}.", signals,
            actions=[f"Do not use the model for this, or obtain the licensor's written "
                     f"permission or a separate license first ({clause.title})."])
    if strong:
        why = (f"The description says {strong[0].words!r}, but the restriction applies only "
               f"in part of such uses ({'; '.join(_qual_words(open_q))}).")
    elif countered and len(countered) == len(hits):
        h = countered[0]
        why = (f"The description mentions {h.words!r} as something the product works against "
               f"({h.countered_by!r}); the restriction bites only if the product itself does "
               "it, or lets users do it.")
    else:
        why = (f"The description touches this ({shown}) without saying the product does what "
               "the license prohibits.")
    questions = [_question(q, w, tid) for q, w in open_q]
    if not questions:
        questions = [f"Does the product do what this clause prohibits ({clause.title}), given "
                     f"that its description says {hits[0].words!r}?"]
    return _Assessment(Status.GRAY, why, signals, questions,
                       ["Ask counsel the question below, then record the answer in the use "
                        "case (activities / excluded_activities) and re-run."])


def _qual_words(quals: Sequence[tuple[Qualifier | None, str]]) -> list[str]:
    return [f"the license says {w!r}" if q is not None else "the clause covers several "
            "categories at once" for q, w in quals]


def _question(q: Qualifier | None, words: str, tid: str) -> str:
    if q is None:
        return _UMBRELLA_QUESTION.format(tid=tid)
    return f"{q.question} (the license says {words!r})"


def _modified_wording(basis: Basis, m: Matcher, involved: _Involvement) -> list[Finding]:
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
        for tid, hits in sorted(m.mentions(d.found).items()):
            if tid not in wanted:
                continue
            signal = involved.declared.get(tid) or _from_hit(involved.hits[tid][0])
            out.append(_finding(
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
                         f"(\u201c{_short(d.found)}\u201d) prohibit this use?"))
    return out


def _restrictions(sheet: Sheet, uc: UseCase, m: Matcher, involved: _Involvement,
                  added: list[Finding]) -> list[Finding]:
    out: list[Finding] = list(added)
    words = len(uc.description.split())
    if words < SHORT_DESCRIPTION_WORDS:
        out.append(_finding(
            Step.RESTRICTIONS, ReviewCode.USE_CASE_UNCLEAR, Status.GRAY,
            "The description is too short to map onto the restrictions",
            f"The use case's description has {words} word(s); the restrictions below can "
            "only be checked against what it says.",
            actions=["Describe what the product does, for whom, and with which outputs, then "
                     "re-run."],
            question="What exactly does the product do, for whom, and what happens to the "
                     "outputs?"))
    restrictions = [c for c in sheet.clauses if c.kind is ClauseKind.USE_RESTRICTION]
    if "non-commercial" not in {t for c in restrictions for t in c.taxonomy} \
            and sheet.facts.commercial_use == "no":
        # a non-commercial license whose sheet states it as a limitation, not a restriction
        restrictions += [c for c in sheet.clauses if c.value.non_commercial
                         or c.value.commercial_use is False]
    covered: set[str] = set()
    for clause in restrictions:
        taxonomy = clause.taxonomy or ("non-commercial",)
        covered.update(taxonomy)
        results = [(tid, _assess(tid, clause, uc, m, involved)) for tid in taxonomy]
        tid, worst = max(results, key=lambda r: _STATUS_RANK[r[1].status])
        if worst.status is Status.CLEAR and any(r.signals for _t, r in results):
            tid, worst = next((t, r) for t, r in results if r.signals)
        source = (f" (from {clause.incorporated_by_reference}, incorporated by reference)"
                  if clause.incorporated_by_reference else "")
        out.append(_finding(
            Step.RESTRICTIONS, tid, worst.status, clause.title,
            worst.rationale + source, Evidence.from_clause(sheet, clause), worst.actions,
            clause=clause.id, taxonomy=list(clause.taxonomy),
            matched=[s.to_json() for s in worst.signals],
            question=" ".join(worst.questions) if worst.questions else None))
    out += _absent_restrictions(sheet, involved, covered | {f.code for f in added})
    out += _thresholds(sheet, uc)
    out += _flow_down(sheet, uc)
    out += _output_terms(sheet, uc)
    return out


def _absent_restrictions(sheet: Sheet, involved: _Involvement,
                         covered: set[str]) -> list[Finding]:
    """Say so when the use involves an activity this license does not restrict (e.g. military
    use under BigScience RAIL): other licenses restrict it, and the reader should know why it
    is not raised here."""
    out: list[Finding] = []
    strong = {tid for tid, hs in involved.hits.items()
              if any(h.tier is Tier.STRONG and not h.countered_by for h in hs)}
    thresholds = {t for c in sheet.clauses if c.kind is ClauseKind.THRESHOLD for t in c.taxonomy}
    for tid in sorted((set(involved.declared) | strong) - covered - thresholds):
        signal = involved.declared.get(tid) or _from_hit(
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
                out.append(_finding(
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
        out.append(_finding(Step.RESTRICTIONS, tid, Status.CLEAR, title, rationale, evidence,
                            matched=[signal.to_json()]))
    return out


def _thresholds(sheet: Sheet, uc: UseCase) -> list[Finding]:
    out: list[Finding] = []
    for clause in (c for c in sheet.clauses if c.kind is ClauseKind.THRESHOLD):
        v = clause.value
        text = _quotes(clause)
        evidence = Evidence.from_clause(sheet, clause)
        if v.mau_threshold is not None:
            limit, stated, what = v.mau_threshold, uc.monthly_active_users, "monthly active users"
            key = "monthly_active_users"
        elif v.revenue_threshold_usd is not None:
            limit, stated, what = v.revenue_threshold_usd, uc.annual_revenue_usd, \
                "USD of annual revenue"
            key = "annual_revenue_usd"
        else:
            continue
        scope = []
        if re.search(r"affiliate", text, re.IGNORECASE):
            scope.append("counted over you and your affiliates, not this product alone")
        if re.search(r"release date", text, re.IGNORECASE):
            scope.append("counted in the calendar month before the version release date")
        scope_words = f" ({'; '.join(scope)})" if scope else ""
        commercial_only = re.search(r"\bcommercial", text, re.IGNORECASE) is not None \
            or v.revenue_threshold_usd is not None
        if commercial_only and not uc.commercial:
            out.append(_finding(
                Step.RESTRICTIONS, Code.USER_THRESHOLD, Status.CLEAR, clause.title,
                "The threshold binds commercial use; the use case is not commercial.",
                evidence, clause=clause.id, matched=[{"field": "commercial", "words": "false",
                                                       "rule": "threshold binds commercial use"}]))
            continue
        if stated is None:
            out.append(_finding(
                Step.RESTRICTIONS, Code.USER_THRESHOLD, Status.GRAY, clause.title,
                f"The license sets a limit of {limit:,} {what}{scope_words}; the use case does "
                f"not state {key}.", evidence,
                [f"State {key} in the use case (as the license counts it) and re-run."],
                clause=clause.id,
                question=f"What is the figure the license counts ({what}{scope_words})? Is it "
                         f"above {limit:,}?"))
        elif stated > limit:
            consequence = (" A separate license from the licensor is required: until it is "
                           "granted, the license gives no rights."
                           if re.search(r"request a license|not authorized|terminate", text,
                                        re.IGNORECASE) else "")
            out.append(_finding(
                Step.RESTRICTIONS, Code.USER_THRESHOLD, Status.CONFLICT, clause.title,
                f"The use case states {stated:,} {what}, above the license's {limit:,}"
                f"{scope_words}.{consequence}", evidence,
                ["Request a separate license from the licensor before any use, or confirm "
                 "with counsel that the count as the license defines it is below the limit."],
                clause=clause.id,
                matched=[{"field": key, "words": f"{stated:,}", "rule": f"above {limit:,}"}],
                question=(f"Was the count as the license defines it{scope_words} above "
                          f"{limit:,}? If so, request the separate license; if not, document "
                          "the figure.")))
        else:
            near = stated >= 0.8 * limit
            out.append(_finding(
                Step.RESTRICTIONS, Code.USER_THRESHOLD, Status.CLEAR, clause.title,
                f"The use case states {stated:,} {what}, within the license's {limit:,}"
                f"{scope_words}.", evidence,
                ["Monitor the figure: it is within 20% of the limit."] if near else [],
                clause=clause.id,
                matched=[{"field": key, "words": f"{stated:,}", "rule": f"at most {limit:,}"}]))
    return out


_FLOW_DOWN_ID = re.compile(r"flow-down|use-based|users-must-comply|restrictions-cover|"
                           r"use-conditions")
_FLOW_DOWN_QUOTE = re.compile(r"allow others to use|require all of your users|enforceable "
                              r"provision|procure that all persons|give notice to subsequent "
                              r"users|permit, assist or cause any third party", re.IGNORECASE)


def _flow_down(sheet: Sheet, uc: UseCase) -> list[Finding]:
    """What the product must impose on its own users, derivatives and recipients."""
    if not any(c.kind is ClauseKind.USE_RESTRICTION for c in sheet.clauses):
        return []
    clauses = [c for c in sheet.clauses if c.kind is ClauseKind.CONDITION and (
        _FLOW_DOWN_ID.search(c.id) or _FLOW_DOWN_QUOTE.search(_quotes(c)))]
    clauses += [c for c in sheet.clauses if c.kind is ClauseKind.USE_RESTRICTION
                and _FLOW_DOWN_QUOTE.search(_quotes(c)) and c not in clauses]
    out: list[Finding] = []
    if clauses:
        evidence = [ev for c in clauses for ev in Evidence.from_clause(sheet, c)
                    if _FLOW_DOWN_QUOTE.search(ev.quote) or c.kind is ClauseKind.CONDITION]
        text = " ".join(ev.quote for ev in evidence).lower()
        actions = []
        if "enforceable provision" in text:
            actions.append("Include the license's use restrictions as an enforceable provision "
                           "of your own terms with users and recipients (terms of service, "
                           "EULA, or the license of a derivative).")
        if "give notice" in text or "notice to subsequent" in text:
            actions.append("Tell recipients that the model (and any derivative) is subject to "
                           "the use restrictions.")
        if "require all of your users" in text or "procure that all persons" in text \
                or "allow others" in text or "permit, assist" in text:
            actions.append("Make your users comply: an acceptable-use policy in your terms, "
                           "and enforcement (monitoring, suspension) when they break it.")
        if uc.modifies:
            actions.append("License your modified model under terms that carry the same use "
                           "restrictions.")
        if uc.serves_others is None:
            status, rationale = Status.GRAY, (
                "The license makes you impose its use restrictions on those you let use the "
                "model; the use case does not say (deployment) whether anyone outside your "
                "organization will.")
            question: str | None = "Will people outside your organization use the model or " \
                "the product, or receive it?"
        elif uc.serves_others:
            status, question = Status.CLEAR, None
            rationale = (f"The product reaches others ({uc.deployment}): the license's use "
                         "restrictions must bind them too.")
        else:
            status, question = Status.CLEAR, None
            rationale = ("Internal use: the restrictions bind your own staff; pass them on "
                         "if the model or product ever leaves the organization.")
        out.append(_finding(
            Step.RESTRICTIONS, Code.USE_RESTRICTIONS_FLOW_DOWN, status,
            "Flow-down: impose the use restrictions on users and recipients", rationale,
            evidence, actions, clauses=[c.id for c in clauses], question=question))
    derivative_defs = [c for c in sheet.clauses if c.kind is ClauseKind.DEFINITION
                       and {Artifact.DERIVATIVES, Artifact.OUTPUTS} <= set(c.artifacts)]
    if uc.outputs_train_other_models and derivative_defs:
        clause = derivative_defs[0]
        out.append(_finding(
            Step.RESTRICTIONS, Code.USE_RESTRICTIONS_FLOW_DOWN, Status.GRAY,
            "A model trained on the outputs may be a Derivative of the Model",
            "The use case trains other models on the outputs; under this license a model "
            "trained on the Model's output to perform like it is a Derivative, so the use "
            "restrictions and their flow-down would follow it.",
            Evidence.from_clause(sheet, clause),
            ["If the trained model is a Derivative, license it with the same use "
             "restrictions."], clause=clause.id,
            matched=[{"field": "outputs_train_other_models", "words": "true",
                      "rule": "outputs train other models"}],
            question="Is the model trained on the outputs meant to perform similarly to the "
                     "licensed model (which would make it a Derivative under the license)?"))
    return out


def _output_terms(sheet: Sheet, uc: UseCase) -> list[Finding]:
    out = []
    for clause in sheet.clauses:
        if clause.kind is ClauseKind.USE_RESTRICTION or clause.value.output_use != "restricted":
            continue
        out.append(_finding(
            Step.RESTRICTIONS, Code.OUTPUT_USE_RESTRICTION, Status.CLEAR, clause.title,
            "The license's terms also bind what is done with the outputs"
            + (" (the use case trains other models on them)"
               if uc.outputs_train_other_models else "") + ".",
            Evidence.from_clause(sheet, clause),
            ["Apply the license's restrictions to how outputs are used, including by your "
             "users."], clause=clause.id))
    return out


# -- step 3: attribution and notice -------------------------------------------------------------

_MADE_AVAILABLE = re.compile(r"make available|made available|making available|remote access",
                             re.IGNORECASE)
_NOT_HOSTED = re.compile(r"other than through a hosted service", re.IGNORECASE)


def _attribution_code(c: Clause) -> Code | None:
    v = c.value
    if c.kind is ClauseKind.COPYLEFT:
        if v.trigger == "network-use":
            return Code.NETWORK_COPYLEFT
        return Code.SHARE_ALIKE
    if c.kind is not ClauseKind.CONDITION:
        return None
    if v.name_prefix:
        return Code.NAMING_REQUIREMENT
    if (v.attribution_text and re.match(r"(built|powered)\b", v.attribution_text, re.I)) \
            or re.search(r"built-with|built-on|powered-by", c.id):
        return Code.BUILT_WITH_NOTICE
    if v.state_changes or c.id in ("modified-files", "state-changes", "modification-statement"):
        return Code.STATE_CHANGES
    if v.notice_file or v.license_copy or v.retain_notices or v.attribution_text \
            or re.search(r"notice|attribution|copy-of|license-copy|license-text", c.id):
        return Code.ATTRIBUTION
    if v.share_alike:
        return Code.SHARE_ALIKE
    if "source" in c.id:
        return Code.SOURCE_DISCLOSURE
    return None


def _hosted_is_distribution(sheet: Sheet) -> bool:
    return any(c.value.hosted_is_distribution for c in sheet.clauses)


def _reaches(c: Clause, sheet: Sheet, uc: UseCase) -> tuple[bool | None, str]:
    """Whether the use makes the licensed material available the way the clause says."""
    if uc.deployment is None:
        return None, "the use case does not say how the product is deployed"
    if uc.ships_copies:
        return True, f"the product is {uc.deployment.value}: copies leave your organization"
    if uc.deployment is Deployment.INTERNAL:
        return False, "internal use only: nothing is distributed or made available"
    text = _quotes(c)
    if _NOT_HOSTED.search(text):
        return False, "the clause excludes hosted services"
    if c.value.hosted_is_distribution or Artifact.SERVICES in c.artifacts \
            or _MADE_AVAILABLE.search(text):
        return True, "the clause covers products and services made available, so a hosted " \
            "service triggers it"
    if _hosted_is_distribution(sheet):
        return True, "the license counts a hosted service as Distribution"
    return False, "a hosted service is not distribution under this license; it applies " \
        "once you ship copies"


def _applies(code: Code, c: Clause, sheet: Sheet, uc: UseCase) -> tuple[bool | None, str]:
    trigger = c.value.trigger
    derived_only = set(c.artifacts) and set(c.artifacts) <= {Artifact.DERIVATIVES,
                                                              Artifact.OUTPUTS}
    if code is Code.NAMING_REQUIREMENT or (derived_only and code is not Code.ATTRIBUTION):
        makes = uc.modifies or bool(uc.outputs_train_other_models
                                    and Artifact.OUTPUTS in c.artifacts)
        if not makes:
            if uc.modifies is None and uc.outputs_train_other_models is None:
                return None, "the use case does not say whether you create a model from it " \
                    "(modification, outputs_train_other_models)"
            return False, "you create no derived model (no modification, outputs not used " \
                "to train models)"
    if code is Code.STATE_CHANGES:
        if uc.modifies is None:
            return None, "the use case does not say whether the model is modified"
        if not uc.modifies:
            return False, "the model is not modified"
        reaches, why = _reaches(c, sheet, uc)
        modified = f"the model is modified ({uc.modification}) and "
        return reaches, modified + why if reaches else why
    if code is Code.NETWORK_COPYLEFT:
        if uc.deployment is None:
            return None, "the use case does not say how the product is deployed"
        if uc.deployment is Deployment.INTERNAL:
            return False, "no users interact with it over a network from outside"
        if uc.modifies is None:
            return None, "the use case does not say whether the work is modified"
        return (bool(uc.modifies), "users interact with a modified version over a network"
                if uc.modifies else "the work is not modified")
    if trigger == "use":
        return True, "the duty applies to any use"
    if trigger == "modification":
        if uc.modifies is None:
            return None, "the use case does not say whether the model is modified"
        return bool(uc.modifies), "modified" if uc.modifies else "not modified"
    return _reaches(c, sheet, uc)


def _attribution_action(code: Code, c: Clause) -> str:
    v = c.value
    text = _quotes(c).lower()
    if code is Code.NAMING_REQUIREMENT:
        return (f"Begin the name of every model you create or improve with it, and distribute "
                f"or make available, with \u201c{v.name_prefix}\u201d.")
    if code is Code.BUILT_WITH_NOTICE:
        shown = v.attribution_text or c.title
        return (f"Display \u201c{shown}\u201d prominently (website, user interface, blog post, "
                "about page or product documentation).")
    if code is Code.STATE_CHANGES:
        return "Mark every file you modify with a prominent notice that you changed it."
    if code is Code.SHARE_ALIKE:
        return f"License the work that includes it under the same terms ({c.title})."
    if code is Code.NETWORK_COPYLEFT:
        return ("Offer users who interact with your modified version over a network its "
                "Corresponding Source.")
    if code is Code.SOURCE_DISCLOSURE:
        return "Provide the Corresponding Source with the object code you distribute."
    if v.notice_file and v.attribution_text:
        return (f"Ship a text file named \u201cNotice\u201d with every copy, containing: "
                f"\u201c{v.attribution_text}\u201d.")
    if v.notice_file:
        return ("If the upstream work has a NOTICE file, include its attribution notices in "
                "what you distribute.")
    if v.license_copy or "copy of this" in text or "copy of the" in text:
        return "Give every recipient a copy of the license text (e.g. a LICENSE file shipped " \
            "with the model or the product)."
    if "retain" in text or "keep intact" in text or "shall be included" in text:
        return "Keep the copyright, license and attribution notices in every copy."
    return f"Comply: {c.title}."


def _attribution(sheet: Sheet, uc: UseCase) -> list[Finding]:
    out: list[Finding] = []
    for c in sheet.clauses:
        code = _attribution_code(c)
        if code is None:
            continue
        applies, why = _applies(code, c, sheet, uc)
        if applies is None:
            status, actions = Status.GRAY, [_attribution_action(code, c)]
            rationale = f"Applies depending on facts the use case leaves open: {why}."
            question: str | None = f"Does the use trigger this duty ({c.title})? {why}."
        elif applies:
            status, actions = Status.CLEAR, [_attribution_action(code, c)]
            rationale, question = f"Required for this use: {why}.", None
        else:
            status, actions = Status.CLEAR, []
            rationale, question = f"Not triggered by this use: {why}.", None
        out.append(_finding(Step.ATTRIBUTION, code, status, c.title, rationale,
                            Evidence.from_clause(sheet, c), actions, clause=c.id,
                            applies=applies, question=question))
    if not out:
        out.append(_finding(Step.ATTRIBUTION, Code.ATTRIBUTION, Status.CLEAR,
                            "No attribution or notice duty",
                            f"licentia's term sheet for {sheet.title} records no attribution, "
                            "notice or copyleft condition.", applies=False))
    return out


# -- step 4: patent -----------------------------------------------------------------------------

def _patent(sheet: Sheet, uc: UseCase) -> list[Finding]:
    out: list[Finding] = []
    patents = [c for c in sheet.clauses if c.kind is ClauseKind.PATENT]
    granted = [c for c in patents if c.value.patent_grant]
    refused = [c for c in patents if c.value.patent_grant is False]
    if granted:
        c = granted[0]
        text = _quotes(c)
        who = (", by each contributor for the patent claims its own contributions "
               "necessarily infringe" if re.search(r"each contributor", text, re.I) else "")
        scope = re.search(r"patent license(?: under [^,]*)?,? to ([^.;]*)", c.evidence[0].quote,
                          re.I)
        covers = f" to {scope.group(1).strip()}" if scope else ""
        mod = (" Your own changes carry no patent license from anyone else; patents of third "
               "parties are never covered." if uc.modifies else
               " Patents of third parties are never covered.")
        out.append(_finding(
            Step.PATENT, ReviewCode.PATENT_GRANT, Status.CLEAR, c.title,
            f"An express patent license is granted{covers}{who}. For this use "
            f"({'commercial' if uc.commercial else 'non-commercial'}, "
            f"{uc.deployment.value if uc.deployment else 'deployment not stated'}) it covers "
            f"making, using and offering the licensed material as licensed.{mod}",
            Evidence.from_clause(sheet, c)))
    elif refused:
        c = refused[0]
        out.append(_finding(
            Step.PATENT, ReviewCode.PATENT_GRANT, Status.CLEAR, c.title,
            "The license grants no patent rights. If the product could practise the "
            "licensor's patents, this license does not cover it.",
            Evidence.from_clause(sheet, c),
            ["If patents matter for this product, clear them separately (ask counsel whether "
             "a patent license is needed)."]))
    else:
        ip_grant = [c for c in sheet.clauses if c.kind is ClauseKind.PERMISSION
                    and re.search(r"intellectual property", _quotes(c), re.I)]
        if ip_grant:
            c = ip_grant[0]
            rationale = ("No express patent license: the grant covers the licensor's "
                         "\u201cintellectual property\u201d without naming patents; whether "
                         "it includes a patent license is a matter of interpretation.")
            evidence = Evidence.from_clause(sheet, c)
        else:
            rationale = ("No express patent grant (licentia's term sheet records none); any "
                         "patent license would be implied, and its scope is uncertain.")
            evidence = ()
        out.append(_finding(
            Step.PATENT, ReviewCode.PATENT_GRANT, Status.CLEAR, "No express patent grant",
            rationale, evidence,
            ["If patents matter for this product, ask counsel whether the grant is enough."]))
    terminating = [c for c in sheet.clauses if c.value.patent_termination_on_litigation
                   or c.value.litigation_trigger]
    if terminating:
        c = terminating[0]
        text = _quotes(c).lower()
        trigger = c.value.litigation_trigger or (
            "patent" if "patent litigation" in text or "patent infringement" in text
            else "ip")
        ends = c.value.litigation_terminates or (
            "patent-license" if "patent license" in text or "patent licenses" in text
            else "all")
        suit = ("patent litigation" if trigger == "patent" else
                "litigation over intellectual property")
        lost = ("your patent license under it" if ends == "patent-license" else
                "every right the license gives you")
        out.append(_finding(
            Step.PATENT, Code.PATENT_TERMINATION, Status.CLEAR,
            "Suing over the licensed material ends rights",
            f"If your organization starts {suit} claiming that the licensed material (or, "
            f"where the clause says so, its outputs) infringes, you lose {lost} from the date "
            "it is filed.",
            [ev for t in terminating for ev in Evidence.from_clause(sheet, t)
             if re.search(r"litigation|proceedings|lawsuit|terminat", ev.quote, re.I)],
            [f"Before asserting patents or other IP in this area, have counsel weigh losing "
             f"{lost}."]))
    return out


# -- step 5: document and escalate ---------------------------------------------------------------

_IMPACT: dict[str, Level] = {
    ReviewCode.LICENSE_IDENTIFIED: Level.LOW,
    ReviewCode.MODIFIED_LICENSE: Level.MEDIUM,
    ReviewCode.AMBIGUOUS_LICENSE: Level.MEDIUM,
    ReviewCode.NOT_ASSESSED: Level.HIGH,
    ReviewCode.INCORPORATED_POLICY: Level.MEDIUM,
    ReviewCode.USE_CASE_UNCLEAR: Level.MEDIUM,
    ReviewCode.PATENT_GRANT: Level.MEDIUM,
    Code.UNKNOWN_LICENSE: Level.HIGH,
    Code.LICENSE_MISMATCH: Level.MEDIUM,
    Code.USE_RESTRICTIONS_FLOW_DOWN: Level.MEDIUM,
    Code.OUTPUT_USE_RESTRICTION: Level.MEDIUM,
    Code.USER_THRESHOLD: Level.HIGH,
    Code.ATTRIBUTION: Level.LOW,
    Code.BUILT_WITH_NOTICE: Level.LOW,
    Code.NAMING_REQUIREMENT: Level.LOW,
    Code.STATE_CHANGES: Level.LOW,
    Code.SOURCE_DISCLOSURE: Level.HIGH,
    Code.NETWORK_COPYLEFT: Level.HIGH,
    Code.SHARE_ALIKE: Level.HIGH,
    Code.PATENT_TERMINATION: Level.MEDIUM,
}
_LIKELIHOOD = {Status.CONFLICT: Level.HIGH, Status.GRAY: Level.MEDIUM, Status.CLEAR: Level.LOW}


def _risk(f: Finding) -> Risk:
    """Likelihood follows the status; impact follows what breaking the term costs: a use
    restriction or threshold ends the license, a missed notice is usually curable."""
    status = f.status or Status.CLEAR
    impact = _IMPACT.get(f.code, Level.HIGH)  # taxonomy ids: a breach ends the license
    return Risk(f.code, f.title, f.step or "", status, _LIKELIHOOD[status], impact)


def _escalations(findings: Sequence[Finding], basis: Basis) -> list[Escalation]:
    licensor = basis.sheet.title if basis.sheet else (
        basis.license.name if basis.license else "the licensor")
    out: list[Escalation] = []
    ordered = sorted((f for f in findings if f.status in (Status.CONFLICT, Status.GRAY)),
                     key=lambda f: -_STATUS_RANK[f.status or Status.CLEAR])
    for f in ordered:
        question = f.extra.get("question")
        if not question:
            if f.status is Status.CONFLICT:
                question = (f"Can the product be changed so that it no longer conflicts with "
                            f"this term, or will the licensor of {licensor} grant a separate "
                            "license or written permission?")
            else:
                quote = f.evidence[0].quote if f.evidence else f.title
                question = f"Does the use fall under this term: \u201c{_short(quote)}\u201d?"
        out.append(Escalation(f.code, f.title, f.status or Status.GRAY, str(question),
                              f.evidence[:1]))
    return out
