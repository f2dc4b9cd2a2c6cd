# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Recommend a license for a release: candidates ranked against the publisher's goals.

Every reason is read off a term sheet (facts and clauses, with the quote it rests on) and every
incompatibility comes from the pair rules of `check` (`licentia.analysis.compat`). Goals that no
candidate can meet together are named with the reason. The interview that gathers the goals
is `licentia.analysis.interview`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from licentia.analysis.adoption import ADOPTION_POINTS, adoption_effects, adoption_notes
from licentia.analysis.compat import Compat, compatibility
from licentia.analysis.goals import Adoption, ArtifactGoal, CopyleftGoal, Goals
from licentia.analysis.profile import profile
from licentia.catalog.catalog import catalog
from licentia.catalog.template.choices import (
    TEMPLATE_ID,
    Choices,
    Covered,
    Grant,
    template_text,
)
from licentia.catalog.template.sheet import build_sheet
from licentia.catalog.terms import Clause, ClauseKind, CopyleftScope, Sheet, sheet_for
from licentia.datafile import load_yaml
from licentia.errors import InputError, LicentiaError
from licentia.reference import resolve_reference

FORMAT_VERSION = 1
HOLDER_PLACEHOLDER = "[licensor]"
# use-restriction ids that are limits of the grant rather than restrictions on uses
_NOT_USE = frozenset({"non-commercial", "user-threshold"})
UNMET_PENALTY = 40
UPSTREAM_PENALTY = 50


@dataclass(frozen=True)
class Unmet:
    """Goals that no candidate meets together, and why."""

    goals: tuple[str, ...]
    reason: str
    # the goals exclude each other whatever the license (bad input), rather than no license
    # licentia knows meeting them together
    contradiction: bool = True

    def to_json(self) -> dict[str, Any]:
        return {"goals": list(self.goals), "reason": self.reason,
                "contradiction": self.contradiction}


@dataclass(frozen=True)
class Recommendation:
    key: str
    name: str
    score: int
    why: tuple[str, ...]
    tradeoffs: tuple[str, ...]
    incompatible_with: tuple[str, ...]
    unmet: tuple[str, ...] = ()  # goals this candidate does not meet
    draft: str | None = None  # the command that drafts it (licentia's template)
    template: Choices | None = field(default=None, compare=False)  # its choices, if it is one

    def to_json(self) -> dict[str, Any]:
        return {"license": {"id": self.key, "name": self.name}, "score": self.score,
                "why": list(self.why), "tradeoffs": list(self.tradeoffs),
                "incompatible_with": list(self.incompatible_with),
                "unmet": list(self.unmet), "draft": self.draft}


@dataclass(frozen=True)
class Choice:
    """The outcome of `choose`: the goals, the ranked recommendations, the unmet goals."""

    goals: Goals
    recommendations: tuple[Recommendation, ...]
    unmet_goals: tuple[Unmet, ...]

    @property
    def contradictory(self) -> bool:
        return any(u.contradiction for u in self.unmet_goals)

    def to_json(self, limit: int | None = None) -> dict[str, Any]:
        recs = self.recommendations[:limit] if limit else self.recommendations
        return {"format_version": FORMAT_VERSION, "goals": self.goals.to_json(),
                "recommendations": [r.to_json() for r in recs],
                "unmet_goals": [u.to_json() for u in self.unmet_goals]}


@dataclass(frozen=True)
class _Candidate:
    key: str
    name: str
    sheet: Sheet
    adoption: int
    note: str | None = None
    template: Choices | None = None  # licentia's own template, drafted for the goals
    upstream_only: bool = False  # offered only because an upstream requires it


@dataclass
class _Traits:
    """What a term sheet says that choosing weighs, each with the clause saying it."""

    permissive: bool
    patent: Clause | None
    no_patent: Clause | None
    trademark: Clause | None
    restrictions: dict[str, Clause]
    non_commercial: Clause | None
    conditional: bool
    copyleft: CopyleftScope
    share_alike: Clause | None
    no_derivatives: Clause | None
    attribution: Clause | None
    osaid: bool
    osi: bool
    family: str
    grant: Clause | None

    @classmethod
    def of(cls, sheet: Sheet) -> _Traits:
        def first(pred: Any) -> Clause | None:
            return next((c for c in sheet.clauses if pred(c)), None)

        restrictions: dict[str, Clause] = {}
        for c in sheet.clauses:
            if c.kind is ClauseKind.USE_RESTRICTION:
                for tid in c.taxonomy:
                    if tid not in _NOT_USE:
                        restrictions.setdefault(tid, c)
        nc = first(lambda c: c.value.non_commercial or (
            c.kind is ClauseKind.USE_RESTRICTION and "non-commercial" in c.taxonomy))
        sa = first(lambda c: c.value.share_alike)
        nd = first(lambda c: c.value.no_derivatives)
        facts = sheet.facts
        permissive = (facts.copyleft is CopyleftScope.NONE and facts.commercial_use == "yes"
                      and not restrictions and nc is None and sa is None and nd is None)
        attribution = first(lambda c: c.kind is ClauseKind.CONDITION and (
            c.value.attribution_text or c.value.notice_file or c.value.retain_notices
            or c.value.license_copy))
        return cls(
            permissive=permissive,
            patent=first(lambda c: c.kind is ClauseKind.PATENT and c.value.patent_grant),
            no_patent=first(lambda c: c.value.patent_grant is False),
            trademark=first(lambda c: c.kind is ClauseKind.LIMITATION
                            and bool(c.value.trademark)),
            restrictions=restrictions, non_commercial=nc,
            conditional=facts.commercial_use == "conditional",
            copyleft=facts.copyleft, share_alike=sa, no_derivatives=nd, attribution=attribution,
            osaid=facts.osaid_any_purpose, osi=facts.osi_approved, family=sheet.family,
            grant=first(lambda c: c.kind is ClauseKind.PERMISSION),
        )


def _cite(clause: Clause | None, keyword: str | None = None, limit: int = 160) -> str:
    """A short quote of the clause: its evidence naming `keyword`, cut around that word."""
    if clause is None:
        return ""
    evs = clause.evidence
    ev = next((e for e in evs if keyword and keyword in e.quote.lower()), evs[0])
    quote = ev.quote
    if len(quote) > limit:
        at = quote.lower().find(keyword) if keyword else -1
        start = max(0, at - limit // 3) if at > limit // 2 else 0
        if start:  # from the start of a word
            start = quote.find(" ", start) + 1
        quote = ("…" if start else "") + quote[start : start + limit].strip() + "…"
    return f" — “{quote}” ({ev.section})"


@cache
def _data() -> dict[str, Any]:
    raw = (files("licentia.analysis") / "data" / "choose.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(raw)
    return data


def _template_choices(goals: Goals, upstream_restrictions: Iterable[str]) -> Choices:
    """The choices of licentia's template that serve the goals best."""
    wanted = set(goals.use_restrictions) | set(upstream_restrictions)
    text = template_text()
    limited = goals.non_commercial or goals.commercial_use_by_others is False \
        or "non-commercial" in wanted
    grant = Grant.NON_COMMERCIAL if limited else Grant.OPEN
    covered = {ArtifactGoal.CODE: [Covered.CODE], ArtifactGoal.WEIGHTS: [Covered.MODEL],
               ArtifactGoal.DATA: [Covered.DATA],
               ArtifactGoal.MIXED: [Covered.MODEL, Covered.CODE, Covered.DATA]}
    return Choices.build(
        HOLDER_PLACEHOLDER, [c.value for c in covered.get(goals.artifact or ArtifactGoal.WEIGHTS,
                                                           [Covered.MODEL])],
        grant.value, partner_track=bool(limited and goals.future_commercialization),
        restrictions=[t for t in wanted if t in text.restrictions], year=2000,
    )


def _candidates(goals: Goals, upstream_keys: list[str]) -> list[_Candidate]:
    data = _data()
    cat = catalog()
    out: list[_Candidate] = []
    for key, spec in data["candidates"].items():
        sheet = sheet_for(key)
        lic = cat.get(key)
        if sheet is None or lic is None:
            continue
        out.append(_Candidate(key, sheet.title, sheet,
                              ADOPTION_POINTS[spec.get("adoption", "low")], spec.get("note")))
    for key in upstream_keys:
        sheet = sheet_for(key)
        if sheet is not None and key not in data["candidates"]:
            out.append(_Candidate(key, sheet.title, sheet, 0, upstream_only=True))
    flow = {t for k in upstream_keys for t in profile(k).flow_down_taxonomy}
    choices = _template_choices(goals, flow)
    if choices.grant is Grant.OPEN and not choices.restrictions:
        return out  # a license of one's own only pays when it says what no standard one says
    tpl = data["template"]
    out.append(_Candidate(
        tpl["key"], f"Responsible AI License from licentia's template ({TEMPLATE_ID})",
        build_sheet(choices), ADOPTION_POINTS[tpl.get("adoption", "low")],
        "drafted for these goals with `licentia draft custom`", template=choices))
    return out


class _Assessment:
    def __init__(self, cand: _Candidate) -> None:
        self.cand = cand
        self.t = _Traits.of(cand.sheet)
        self.score = 50
        self.why: list[str] = []
        self.tradeoffs: list[str] = []
        self.incompatible: list[str] = []
        self.unmet: list[str] = []

    def good(self, points: int, reason: str) -> None:
        self.score += points
        self.why.append(reason)

    def cost(self, points: int, reason: str) -> None:
        self.score -= points
        self.tradeoffs.append(reason)

    def miss(self, goal: str, reason: str) -> None:
        self.score -= UNMET_PENALTY
        self.unmet.append(goal)
        self.tradeoffs.append(f"does not meet `{goal}`: {reason}")


def _assess(goals: Goals, cand: _Candidate, upstream: list[tuple[str, str]]) -> Recommendation:
    a = _Assessment(cand)
    t = a.t
    tpl = cand.template
    # --- commercial use -----------------------------------------------------------------------
    wants_nc = goals.non_commercial or goals.commercial_use_by_others is False
    if wants_nc:
        if t.non_commercial is not None:
            a.good(6, "limits use to non-commercial purposes, as wanted" + _cite(t.non_commercial))
        else:
            a.miss("non_commercial", "it allows commercial use" + _cite(t.grant))
    elif goals.commercial_use_by_others or goals.non_commercial is False:
        if t.non_commercial is not None:
            a.miss("commercial_use_by_others",
                   "it allows non-commercial use only" + _cite(t.non_commercial))
        elif t.conditional:
            a.cost(8, "commercial use is allowed only under conditions (a user or revenue "
                      "threshold): large adopters need a separate license")
        else:
            a.good(4, "anyone may use it commercially" + _cite(t.grant, "sell"))
    # --- use restrictions ---------------------------------------------------------------------
    wanted = [r for r in goals.use_restrictions if r not in _NOT_USE]
    if wanted:
        missing = [r for r in wanted if r not in t.restrictions]
        if missing:
            a.miss("use_restrictions", "it imposes no restriction on " + ", ".join(missing))
        else:
            first = t.restrictions[wanted[0]]
            a.good(8, "imposes the use restrictions asked for (" + ", ".join(wanted) + ")"
                   + _cite(first))
    if tpl is not None:
        a.cost(8, "a license text of your own: every adopter's counsel must read it, unlike a "
                  "well-known license (review the draft with counsel too)")
    if "user-threshold" in goals.use_restrictions and cand.key != TEMPLATE_ID \
            and not t.conditional:
        a.miss("use_restrictions", "it sets no user or revenue threshold")
    elif "user-threshold" in goals.use_restrictions and tpl is not None:
        a.miss("use_restrictions", f"{TEMPLATE_ID} sets no user or revenue threshold (put one in "
                                   "the partner agreement)")
    if t.restrictions and not wanted:
        a.cost(6, f"it imposes {len(t.restrictions)} use restrictions you did not ask for "
                  f"({', '.join(sorted(t.restrictions)[:5])}"
                  f"{', ...' if len(t.restrictions) > 5 else ''})")
    # --- openness -----------------------------------------------------------------------------
    if goals.osaid_open:
        if t.osaid:
            a.good(6, "passes the OSI Open Source AI Definition test of use for any purpose")
        else:
            reason = ("its use restrictions deny the freedom to use for any purpose"
                      if t.restrictions else "its non-commercial limit denies the freedom to use "
                      "for any purpose" if t.non_commercial else "it is not an open license")
            a.miss("osaid_open", reason)
    elif t.restrictions:
        a.tradeoffs.append("use restrictions fail the OSI Open Source AI Definition (freedom to "
                           "use for any purpose), and the ASF lists such licenses as Category X "
                           "(not includable in Apache projects)")
    # --- copyleft -----------------------------------------------------------------------------
    if goals.copyleft is not None:
        scope = t.copyleft
        sa = t.share_alike is not None
        ok = {CopyleftGoal.NONE: scope is CopyleftScope.NONE and not sa,
              CopyleftGoal.WEAK: scope in {CopyleftScope.FILE, CopyleftScope.LIBRARY},
              CopyleftGoal.STRONG: scope is CopyleftScope.WORK or (sa and scope is not
                                                                    CopyleftScope.NETWORK),
              CopyleftGoal.NETWORK: scope is CopyleftScope.NETWORK}[goals.copyleft]
        if ok and goals.copyleft is not CopyleftGoal.NONE:
            a.good(8, f"copyleft of the scope asked for ({scope.value})"
                   + _cite(t.share_alike or _copyleft_clause(cand.sheet)))
        elif ok:
            a.good(2, "no copyleft: derivatives may be licensed on other terms")
        else:
            a.miss("copyleft", f"its copyleft scope is {scope.value}"
                   + (" (share-alike)" if sa else ""))
    # --- patents ------------------------------------------------------------------------------
    if t.patent is not None:
        points = 4 if goals.patent_grant else 0
        a.good(points, "express patent license, ended for whoever sues over patents"
               + _cite(t.patent, "patent"))
    if goals.patent_grant and t.patent is None:
        a.miss("patent_grant", "no express patent license"
               + (_cite(t.no_patent) if t.no_patent else " (the text is silent on patents)"))
    # --- attribution --------------------------------------------------------------------------
    if goals.attribution and t.attribution is None:
        a.miss("attribution", "it requires no attribution")
    elif goals.attribution:
        a.good(3, "recipients must keep the attribution notices" + _cite(t.attribution))
    elif goals.attribution is False and t.attribution is not None:
        a.cost(3, "redistributors must carry attribution notices" + _cite(t.attribution))
    # --- the artifact -------------------------------------------------------------------------
    _artifact(goals, a)
    # --- adoption -----------------------------------------------------------------------------
    for e in adoption_effects(t, cand.adoption, goals.adoption is Adoption.HIGH,
                              goals.artifact is ArtifactGoal.DATA):
        if e.reason is None:
            a.score += e.points
        elif e.points > 0:
            a.good(e.points, e.reason)
        else:
            a.cost(-e.points, e.reason)
    if cand.adoption >= 8:
        a.why += adoption_notes(cand.key)
    if cand.note and cand.adoption >= 8:
        a.why.append(cand.note)
    # --- future commercialization -------------------------------------------------------------
    if goals.future_commercialization:
        _commercialization(a)
    # --- upstream -----------------------------------------------------------------------------
    for ref, key in upstream:
        _upstream(a, ref, key, goals)
    if cand.upstream_only and not any(k == cand.key for _, k in upstream):
        a.score -= UPSTREAM_PENALTY
    a.incompatible.extend(_downstream(cand, t))
    return Recommendation(
        key=cand.key, name=cand.name, score=a.score, why=tuple(dict.fromkeys(a.why)),
        tradeoffs=tuple(dict.fromkeys(a.tradeoffs)),
        incompatible_with=tuple(dict.fromkeys(a.incompatible)), unmet=tuple(dict.fromkeys(a.unmet)),
        draft=tpl.command().replace(f'"{HOLDER_PLACEHOLDER}"', '"YOUR NAME"') if tpl else None,
        template=tpl,
    )


def _copyleft_clause(sheet: Sheet) -> Clause | None:
    return next((c for c in sheet.clauses if c.kind is ClauseKind.COPYLEFT), None)


def _artifact(goals: Goals, a: _Assessment) -> None:
    fam = a.t.family
    art = goals.artifact
    if art is None:
        return
    if art is ArtifactGoal.DATA:
        if fam == "data" or (a.cand.template and Covered.DATA in a.cand.template.covered):
            a.good(6, "written for data (databases, datasets and their rights)")
        else:
            a.cost(8, "written for software or models: its terms fit datasets poorly (no "
                      "database rights)")
    elif art is ArtifactGoal.CODE:
        if fam == "data":
            a.cost(12, "written for content and data, not software (Creative Commons itself "
                       "advises against using its licenses for software)")
        elif fam == "ai":
            a.cost(4, "an AI-model license: unusual for plain code")
        else:
            a.good(3, "written for software")
    elif art is ArtifactGoal.WEIGHTS:
        if fam == "data":
            a.cost(6, "written for content and data; for model weights a software or model "
                      "license states the grant more clearly")
        elif fam == "ai":
            a.good(3, "written for models (weights, their derivatives and outputs)")
    elif fam == "data":  # mixed
        a.cost(8, "written for content and data, not for the code and weights of a release")


def _commercialization(a: _Assessment) -> None:
    t, cand = a.t, a.cand
    if cand.template is not None and cand.template.partner_track:
        a.good(14, "keeps commercial use for partners you approve under a separate paid "
                   "agreement (a commercial-partner track)"
               + _cite(next((c for c in cand.sheet.clauses if c.value.partner_track), None)))
    elif t.non_commercial is not None:
        a.good(6, "as the rights holder you may still sell commercial licenses separately "
                  "(dual licensing)")
        a.tradeoffs.append("the license itself sets up no commercial track: each commercial "
                           "license is negotiated from scratch")
    elif t.copyleft in {CopyleftScope.WORK, CopyleftScope.NETWORK}:
        a.good(8, "dual licensing: companies that will not share their changes buy a "
                  "commercial license from you")
        a.tradeoffs.append("dual licensing needs a contributor agreement so that you may "
                           "relicense outside contributions")
    elif t.permissive:
        a.good(4, "you keep the copyright: later versions, an enterprise edition or a hosted "
                  "service can be offered on other terms (open core)")
        if t.patent is not None and t.patent.value.patent_termination_on_litigation:
            a.good(4, "the patent license covers only this release and ends for anyone who "
                      "sues you over patents, so your patent position stays defensible")
        if t.trademark is not None:
            a.good(4, "grants no trademark rights: your name and brand stay yours to "
                      "commercialize" + _cite(t.trademark))
        a.tradeoffs.append("anyone, competitors included, may sell this release or services "
                           "built on it without paying you")


def _trained_on_data(goals: Goals, key: str) -> bool:
    """A dataset upstream of weights or code: whether they are its adapted material is unsettled."""
    sheet = sheet_for(key)
    return sheet is not None and sheet.family == "data" and goals.artifact in {
        ArtifactGoal.WEIGHTS, ArtifactGoal.CODE}


def _upstream(a: _Assessment, ref: str, key: str, goals: Goals) -> None:
    cand = a.cand
    label = ref if ref == key else f"{ref} ({key})"
    if _trained_on_data(goals, key):
        verdict = _template_verdict(cand, key) if cand.template is not None else (
            None if compatibility(cand.key, key).ok else compatibility(cand.key, key).message)
        if verdict is not None:
            a.cost(15, f"{label}: if a model trained on the dataset is its adapted material (an "
                       f"unsettled question: ask counsel), {verdict}")
            a.incompatible.append(f"{label} (if the weights are adapted material of the "
                                  f"dataset): {verdict}")
        elif cand.key == key:
            a.good(10, f"the dataset {label} is under this license: staying on it is safe "
                       "however the adapted-material question is answered")
        return
    if cand.template is not None:
        verdict = _template_verdict(cand, key)
        if verdict is None:
            a.why.append(f"keeps the terms {label} requires downstream")
            return
        a.score -= UPSTREAM_PENALTY
        a.unmet.append("upstream")
        a.incompatible.append(f"{label}: {verdict}")
        return
    v = compatibility(cand.key, key)
    if v.verdict in (Compat.SAME, Compat.YES):
        if v.verdict is Compat.SAME:
            a.good(10, f"the upstream {label} is under this license: staying on it keeps its "
                       "terms intact")
        return
    if v.verdict is Compat.NO:
        a.score -= UPSTREAM_PENALTY
        a.unmet.append("upstream")
        a.incompatible.append(f"{label}: {v.message}")
    else:
        a.cost(5, f"{label}: {v.message}")


def _template_verdict(cand: _Candidate, key: str) -> str | None:
    """Why material under `key` cannot go under the drafted template (None when it can)."""
    p = profile(key)
    tpl = cand.template
    assert tpl is not None
    if p.no_derivatives is not None:
        return f"{key} allows no adapted material to be shared"
    if p.copyleft_scope is not CopyleftScope.NONE or p.share_alike is not None:
        return f"{key} requires derivatives to stay under {key} (copyleft or share-alike)"
    if p.non_commercial is not None and tpl.grant is Grant.OPEN:
        return f"{key} allows non-commercial use only; the drafted license would allow more"
    missing = sorted(p.flow_down_taxonomy - set(tpl.restrictions) - _NOT_USE)
    if missing:
        return f"{key} requires its restrictions downstream; missing: {', '.join(missing)}"
    if not p.relicensable:
        return f"{key} grants no right to relicense: its material stays under {key}"
    return None


def _downstream(cand: _Candidate, t: _Traits) -> list[str]:
    """Licenses of common downstream works that cannot include material under `cand`."""
    out: list[str] = []
    for key in _data()["downstream"]:
        if key == cand.key:
            continue
        if cand.template is not None:
            lead = profile(key)
            if (t.restrictions or t.non_commercial) and lead.no_further_restrictions is not None:
                out.append(f"{lead.spdx}: forbids further restrictions, and the drafted license "
                           "restricts use")
            elif t.restrictions:
                out.append(f"{lead.spdx}: the drafted license's use restrictions must flow down "
                           "to every derivative, which this license does not carry")
            continue
        v = compatibility(key, cand.key)
        if v.verdict is Compat.NO:
            out.append(f"{profile(key).spdx}: {v.message}")
    return out


def _resolve_upstream(goals: Goals) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    problems: list[str] = []
    for ref in goals.upstream:
        try:
            resolved = resolve_reference(ref)
        except LicentiaError as exc:
            problems.append(f"upstream: {exc}")
            continue
        for lic in resolved.licenses:
            if sheet_for(lic.key) is None:
                problems.append(f"upstream: licentia has no term sheet for {lic.key} ({ref}) "
                                "and cannot weigh its terms")
                continue
            pairs.append((ref, lic.key))
    if problems:
        raise InputError("; ".join(problems))
    return pairs


def _contradictions(goals: Goals, upstream: list[tuple[str, str]]) -> list[Unmet]:
    """Goals that exclude each other whatever the license."""
    out: list[Unmet] = []
    restricts = bool(goals.use_restrictions)
    wants_nc = bool(goals.non_commercial) or goals.commercial_use_by_others is False
    if restricts and goals.osaid_open:
        out.append(Unmet(("use_restrictions", "osaid_open"),
                         "use restrictions deny the freedom to use the system for any purpose, "
                         "which the OSI Open Source AI Definition requires: no license both "
                         "restricts uses and passes the OSAID"))
    if goals.non_commercial and goals.commercial_use_by_others:
        out.append(Unmet(("non_commercial", "commercial_use_by_others"),
                         "a non-commercial license cannot also let others use the release "
                         "commercially"))
    if wants_nc and goals.osaid_open:
        out.append(Unmet(("non_commercial", "osaid_open"),
                         "a non-commercial limit denies the freedom to use for any purpose, "
                         "which the OSAID requires"))
    if (restricts or wants_nc) and goals.copyleft in {CopyleftGoal.STRONG, CopyleftGoal.NETWORK} \
            and goals.artifact is ArtifactGoal.CODE:
        out.append(Unmet(("use_restrictions" if restricts else "non_commercial", "copyleft"),
                         "the copyleft licenses for code (GPL, AGPL) forbid further "
                         "restrictions, so none of them can carry use restrictions or a "
                         "non-commercial limit"))
    for ref, key in upstream:
        p = profile(key)
        if p.no_derivatives is not None:
            out.append(Unmet(("upstream",), f"{ref} allows no adapted material to be shared: a "
                             "release built on it cannot be distributed"))
        if p.non_commercial is not None and goals.commercial_use_by_others:
            out.append(Unmet(("upstream", "commercial_use_by_others"),
                             f"{ref} allows non-commercial use only, so a release built on it "
                             "cannot allow commercial use"))
        if (p.flow_down_taxonomy or p.use_restrictions) and goals.osaid_open:
            out.append(Unmet(("upstream", "osaid_open"),
                             f"{ref} carries use restrictions into derivatives: a release built "
                             "on it cannot pass the OSAID"))
        if (p.copyleft_scope is not CopyleftScope.NONE or p.share_alike is not None) \
                and goals.copyleft is CopyleftGoal.NONE and not _trained_on_data(goals, key):
            out.append(Unmet(("upstream", "copyleft"),
                             f"{ref} is copyleft or share-alike: derivatives must stay under "
                             "it (or a license it names)"))
    return out


def choose(goals: Goals) -> Choice:
    """Rank candidate licenses against `goals`; name the goals no candidate meets together."""
    upstream = _resolve_upstream(goals)
    cands = _candidates(goals, list(dict.fromkeys(k for _, k in upstream)))
    recs = sorted((_assess(goals, c, upstream) for c in cands),
                  key=lambda r: (len(r.unmet), -r.score, r.key))
    # rank: meets most goals first, then score; show the score as ranked
    unmet = _contradictions(goals, upstream)
    explained = {g for u in unmet for g in u.goals}
    best = recs[0] if recs else None
    if best is not None and best.unmet:
        rest = [g for g in dict.fromkeys(best.unmet) if g not in explained]
        if rest:
            out_of_reach = ", ".join(f"`{g}`" for g in rest)
            unmet.append(Unmet(tuple(rest), f"no license licentia knows meets {out_of_reach} "
                               "together with the other goals; the closest candidates are "
                               "listed with what each misses", contradiction=False))
    return Choice(goals, tuple(recs), tuple(unmet))
