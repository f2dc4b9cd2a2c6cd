# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`check`: what a combination of models, datasets and code may do, must do, and may be licensed
under. Rules are read off the term sheets (copyleft scope and trigger, share-alike, no
derivatives, non-commercial, relicensing, flow-down, naming, notices, thresholds, outputs), so a
new term sheet works here without code changes.

The model: each component carries its own license and inherits those of what it derives from
(`derived_from`; `distill` and `trained_on_outputs_of` only where the license counts outputs as
derivatives; `trained_on` data as a gray area). Components linked `static` or `dynamic` form one
combined work with the product; `network` and `aggregate` ones stay separate programs. Which terms
bite depends on how the product is offered (`internal`, `saas`, `distributed`) and on each
clause's trigger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cache
from typing import Literal

from licentia.analysis.compat import Compat, PairVerdict, Reason, compatibility
from licentia.analysis.findings import Code, Evidence, Finding, Severity
from licentia.analysis.manifest import (
    Component,
    Distribution,
    Kind,
    Link,
    Manifest,
    Relation,
    upstream_first,
)
from licentia.analysis.policy import Policy, PolicyReport, apply_policy
from licentia.analysis.profile import (
    SCOPE_RANK,
    Basis,
    Profile,
    category_reading,
    profile,
    reaches_hosting,
    trigger,
)
from licentia.catalog.catalog import catalog
from licentia.catalog.terms import Clause, ClauseKind, all_sheets

FORMAT_VERSION = 1
Via = Literal["derivative", "outputs", "data"]
_VIA_RANK = {"data": 0, "outputs": 1, "derivative": 2}
_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
# codes whose findings are duties to perform (they make the verdict "obligations")
DUTY_CODES = frozenset({
    Code.ATTRIBUTION, Code.NAMING_REQUIREMENT, Code.BUILT_WITH_NOTICE, Code.STATE_CHANGES,
    Code.SOURCE_DISCLOSURE, Code.NETWORK_COPYLEFT, Code.SHARE_ALIKE,
    Code.USE_RESTRICTIONS_FLOW_DOWN, Code.USER_THRESHOLD, Code.OUTPUT_USE_RESTRICTION,
    Code.NON_COMMERCIAL,
})


class Verdict(StrEnum):
    OK = "ok"
    OBLIGATIONS = "obligations"
    CONFLICT = "conflict"


@dataclass(frozen=True)
class Obligation:
    """One item of a component's checklist: a clause that binds it, as offered."""

    license: str
    clause: str
    title: str
    code: str | None
    evidence: tuple[Evidence, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Inherited:
    """A license reaching a component from upstream: from which component, and how."""

    license: str
    origin: str
    via: Via


@dataclass(frozen=True)
class ComponentDuties:
    component: str
    kind: Kind
    link: Link
    exposure: Distribution | None  # None: not part of the product
    licenses: tuple[str, ...]  # its own (the option chosen, for an SPDX OR)
    inherited: tuple[Inherited, ...]
    items: tuple[Obligation, ...]
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class RequiredTerm:
    """A term any outbound license of the result must carry."""

    license: str
    clause: str
    title: str
    taxonomy: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Outbound:
    declared: str | None
    leading: str | None  # the license the combined work must go under, if one must
    allowed: tuple[str, ...]
    required_terms: tuple[RequiredTerm, ...]
    allowed_if_distributed: tuple[str, ...] | None = None
    keeps_own_license: tuple[str, ...] = ()  # components not relicensed by the outbound license
    # an outbound expression with options (an SPDX OR): each option and the verdict it gets;
    # `chosen` is the one this result is for (the first that works best)
    options: tuple[tuple[str, str], ...] = ()
    chosen: str | None = None


@dataclass(frozen=True)
class ArchitectureAction:
    """A way to avoid a conflict by how the product is built or offered, and when it holds."""

    action: str
    components: tuple[str, ...]
    condition: str
    avoids: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Check:
    manifest: Manifest
    verdict: Verdict
    findings: tuple[Finding, ...]
    obligations: tuple[ComponentDuties, ...]
    outbound: Outbound
    architecture: tuple[ArchitectureAction, ...] = ()
    policy: PolicyReport | None = None
    format_version: int = FORMAT_VERSION

    @property
    def blocking(self) -> bool:
        """A conflict, or a policy violation: what makes the shell exit 1."""
        return self.verdict is Verdict.CONFLICT or (
            self.policy is not None and self.policy.verdict.value == "fail")


# --- when a clause bites -----------------------------------------------------------------------


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


def _distribution_clause(p: Profile) -> Clause | None:
    """The condition that carries a license's terms to recipients of derivatives."""
    for c in p.conditions:
        if trigger(c) == "distribution" and "derivatives" in {a.value for a in c.artifacts}:
            return c
    return next((c for c in p.conditions if trigger(c) == "distribution"), None)


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
        cond = _distribution_clause(p)
        return active(p, cond, exposure) if cond else (
            exposure is Distribution.DISTRIBUTED or p.hosted_is_distribution)
    return True  # no-derivatives, unknown: any sharing


def _max_exposure(a: Distribution | None, b: Distribution | None) -> Distribution | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.rank >= b.rank else b


def _exposure(c: Component, product: Distribution) -> Distribution | None:
    if c.link is Link.NONE:
        return None
    if c.link is Link.NETWORK and c.kind is Kind.SERVICE and product is Distribution.DISTRIBUTED:
        return Distribution.SAAS  # a service reached over the network: hosted, not conveyed
    # a separate program (network, aggregate) shipped with a distributed product is conveyed
    # too: it keeps its own license and duties, it just does not join the combined work
    return product


# --- checklists --------------------------------------------------------------------------------

_ADVERB = {Link.STATIC: "statically", Link.DYNAMIC: "dynamically"}
_ATTRIBUTION_WORDS = ("notice", "attribution", "copy of", "credit", "license text")


def obligation_code(p: Profile, clause: Clause) -> Code | None:
    """The finding code a binding clause belongs to, read off its values (then its title)."""
    v = clause.value
    if clause.kind is ClauseKind.COPYLEFT:
        if trigger(clause) == "network-use":
            return Code.NETWORK_COPYLEFT
        return Code.SHARE_ALIKE if v.share_alike else Code.SOURCE_DISCLOSURE
    if clause.kind is ClauseKind.THRESHOLD:
        return Code.USER_THRESHOLD
    if v.only_when_linked:  # LGPL relinking: object code or source of the linking work
        return Code.SOURCE_DISCLOSURE
    if p.flow_down_condition is not None and clause.id == p.flow_down_condition.id:
        return Code.USE_RESTRICTIONS_FLOW_DOWN
    if v.state_changes:
        return Code.STATE_CHANGES
    if v.name_prefix:
        return Code.NAMING_REQUIREMENT
    if v.attribution_text and not v.notice_file:
        return Code.BUILT_WITH_NOTICE
    if v.notice_file or v.license_copy or v.retain_notices or v.attribution_text:
        return Code.ATTRIBUTION
    title = clause.title.lower()
    if p.copyleft_scope.value != "none" and "source" in title:
        return Code.SOURCE_DISCLOSURE
    if any(w in title for w in _ATTRIBUTION_WORDS):
        return Code.ATTRIBUTION
    return None


def _evidence(p: Profile, *clauses: Clause | None) -> tuple[Evidence, ...]:
    return p.evidence(*clauses)


@cache
def _checklist(key: str, via: Via, exposure: Distribution | None, derived: bool,
               commercial: bool, link: Link = Link.STATIC, modified_version: bool = True
               ) -> tuple[Obligation, ...]:
    """The items a license puts on a component reached this way, joined this way (`link`) and
    offered this way; `modified_version`: is it (or the work it is part of) a modified version
    of the licensed material?"""
    p = profile(key)
    if p.basis is Basis.CATEGORY:
        if p.permissive and exposure in (Distribution.DISTRIBUTED,):
            return (Obligation(key, "licensedb-category", "Keep the copyright and license notices",
                               Code.ATTRIBUTION, (),
                               f"no term sheet: LicenseDB category '{p.category}'"),)
        if not p.permissive:
            return (Obligation(key, "licensedb-category", f"Read the license: no term sheet "
                               f"(LicenseDB category '{p.category}')",
                               Code.ASSESSED_BY_CATEGORY),)
        return ()
    items: list[Obligation] = []
    gray = "gray area: applies only if the model counts as an adaptation of the data" \
        if via == "data" else None
    for clause in (*p.conditions, *p.copyleft, *p.thresholds):
        arts = {a.value for a in clause.artifacts}
        if via == "outputs" and "outputs" not in arts:
            continue
        if via != "outputs" and arts == {"outputs"}:
            continue
        if via == "data" and arts and not arts & {"data", "derivatives"}:
            continue
        if clause.value.state_changes and (not derived or via == "data"):
            continue
        if clause.value.relicensable or clause.id == "no-further-restrictions":
            continue
        if not active(p, clause, exposure):
            continue
        if clause.value.only_when_linked not in (None, link.value):
            continue  # LGPL relinking: a static link only
        if clause.value.only_if_modified and not modified_version:
            continue  # AGPL section 13: a modified version only
        items.append(Obligation(key, clause.id, clause.title, obligation_code(p, clause),
                                _evidence(p, clause), gray))
    if p.use_restrictions and via != "outputs":
        ids = sorted(p.restriction_taxonomy)
        what = p.flow_down_condition or (p.flow_down[0] if p.flow_down else p.use_restrictions[0])
        passes = bool(p.flow_down) and active(p, p.flow_down_condition or what, exposure)
        items.append(Obligation(
            key, what.id, ("Comply with, and pass on to recipients, " if passes else
                           "Comply with ") + f"the use restrictions: {', '.join(ids)}",
            Code.USE_RESTRICTIONS_FLOW_DOWN if passes else None, _evidence(p, what), gray))
    if p.non_commercial is not None and not commercial:
        items.append(Obligation(key, p.non_commercial.id, "Non-commercial use only",
                                Code.NON_COMMERCIAL, _evidence(p, p.non_commercial), gray))
    for c in p.output_restrictions:
        if via == "outputs" or "outputs" in {a.value for a in c.artifacts}:
            items.append(Obligation(key, c.id, c.title, Code.OUTPUT_USE_RESTRICTION,
                                    _evidence(p, c)))
    return tuple(items)


# --- findings, accumulated and grouped ----------------------------------------------------------


@dataclass
class _Draft:
    code: str
    severity: Severity
    message: str
    title: str
    components: dict[str, None]
    evidence: dict[Evidence, None]
    actions: dict[str, None]
    licenses: tuple[str, ...]
    triggered: bool
    duty: bool
    details: dict[str, None] = field(default_factory=dict)


@dataclass
class _Findings:
    drafts: dict[tuple[object, ...], _Draft] = field(default_factory=dict)

    def add(self, code: str, severity: Severity, message: str, *, key: tuple[object, ...],
            components: Iterable[str] = (), evidence: Iterable[Evidence] = (),
            actions: Iterable[str] = (), title: str = "", licenses: Iterable[str] = (),
            triggered: bool = True, duty: bool | None = None, detail: str | None = None
            ) -> None:
        k = (code, severity, *key)
        d = self.drafts.get(k)
        if d is None:
            d = _Draft(code, severity, message, title or TITLES.get(code, code), {}, {}, {},
                       tuple(dict.fromkeys(licenses)), triggered,
                       duty if duty is not None else (code in DUTY_CODES and triggered))
            self.drafts[k] = d
        d.components.update(dict.fromkeys(components))
        d.evidence.update(dict.fromkeys(evidence))
        d.actions.update(dict.fromkeys(actions))
        if detail:
            d.details[detail] = None

    def done(self) -> tuple[Finding, ...]:
        out = [Finding(code=d.code, severity=d.severity, title=d.title,
                       message=d.message + (": " + "; ".join(d.details) if d.details else ""),
                       components=tuple(d.components), evidence=tuple(d.evidence),
                       actions=tuple(d.actions),
                       extra={"licenses": list(d.licenses), "triggered": d.triggered,
                              "duty": d.duty})
               for d in self.drafts.values()]
        out.sort(key=lambda f: (_SEVERITY_RANK[f.severity], not f.extra["triggered"], f.code))
        return tuple(out)


TITLES: dict[str, str] = {
    Code.INCOMPATIBLE: "Incompatible licenses",
    Code.NON_COMMERCIAL: "Non-commercial terms",
    Code.RELICENSE_NOT_ALLOWED: "Relicensing not allowed",
    Code.USE_RESTRICTIONS_FLOW_DOWN: "Use restrictions must flow down",
    Code.ATTRIBUTION: "Attribution and notices",
    Code.NAMING_REQUIREMENT: "Naming requirement",
    Code.BUILT_WITH_NOTICE: "\"Built with\" notice",
    Code.USER_THRESHOLD: "User or revenue threshold",
    Code.OUTPUT_USE_RESTRICTION: "Restrictions on outputs",
    Code.SOURCE_DISCLOSURE: "Source disclosure",
    Code.NETWORK_COPYLEFT: "Network copyleft",
    Code.STATE_CHANGES: "State changes",
    Code.PATENT_TERMINATION: "Patent termination on litigation",
    Code.NO_DERIVATIVES: "No derivatives",
    Code.SHARE_ALIKE: "Share-alike",
    Code.UNKNOWN_LICENSE: "License not analysed",
    Code.LICENSE_MISMATCH: "License text or declaration mismatch",
    Code.REVOCABLE: "Revocable license",
    Code.ASSESSED_BY_CATEGORY: "Assessed by LicenseDB category, not by its text",
    Code.COPYLEFT_NOT_TRIGGERED: "Copyleft not triggered",
}


# --- the engine --------------------------------------------------------------------------------


def _label(key: str) -> str:
    p = profile(key)
    return p.spdx if not p.spdx.startswith("LicenseRef-") else key


def _penalty(key: str) -> int:
    p = profile(key)
    score = SCOPE_RANK[p.copyleft_scope]
    score += 6 * bool(p.non_commercial) + 6 * bool(p.no_derivatives)
    score += 3 * bool(p.flow_down) + 3 * (not p.relicensable) + 2 * bool(p.use_restrictions)
    return score


def choose(c: Component, outbound: str | None) -> tuple[str, ...]:
    """The option of an SPDX OR that burdens the product least (the outbound license first)."""
    alts = c.license.alternatives
    if len(alts) <= 1:
        return alts[0] if alts else ()
    return min(alts, key=lambda alt: (-(outbound in alt), sum(_penalty(k) for k in alt)))


class _Engine:
    def __init__(self, manifest: Manifest) -> None:
        self.m = manifest
        self.f = _Findings()
        self.actions: dict[str, ArchitectureAction] = {}
        self.comps = manifest.by_id()
        self.own: dict[str, tuple[str, ...]] = {}
        self.inherited: dict[str, dict[str, Inherited]] = {}
        self.exposure: dict[str, Distribution | None] = {}
        self.lead: str | None = None  # the license the combined work is checked against
        self.required: str | None = None  # the license its copyleft says it must go under
        self.feeds_product: set[str] = set()  # upstream of something in the product
        self.members: list[Component] = []  # the combined work: linked into the product

    # inheritance -----------------------------------------------------------------------------

    def governing(self, cid: str) -> dict[str, Via]:
        """Every license binding a component, own ones as derivative-strength."""
        out: dict[str, Via] = {k: "derivative" for k in self.own[cid]}
        for k, inh in self.inherited[cid].items():
            if k not in out or _VIA_RANK[inh.via] > _VIA_RANK[out[k]]:
                out[k] = inh.via
        return out

    def _inherit(self, c: Component) -> None:
        got: dict[str, Inherited] = {}
        for d in c.derived_from:
            self._take_from(got, c, d.component, d.relation is Relation.DISTILL, "derivative")
        for up in c.trained_on_outputs_of:
            self._take_from(got, c, up, True, "derivative")
        for up in c.trained_on:
            self._take_from(got, c, up, False, "data")
        self.inherited[c.id] = got

    def _take_from(self, got: dict[str, Inherited], c: Component, up: str, outputs: bool,
                   via: Via) -> None:
        """What `c` inherits from `up`: a path is as strong as its weakest step; outputs make
        a derivative only where the license says so."""
        sources: list[tuple[str, str, Via]] = [(k, up, "derivative") for k in self.own[up]]
        sources += [(i.license, i.origin, i.via) for i in self.inherited[up].values()]
        for key, origin, inner in sources:
            if key in self.own[c.id]:
                continue
            step: Via = via
            if outputs and profile(key).outputs_are_derivatives is None:
                step = "outputs"
            strength: Via = step if _VIA_RANK[step] <= _VIA_RANK[inner] else inner
            old = got.get(key)
            if old is None or _VIA_RANK[strength] > _VIA_RANK[old.via]:
                got[key] = Inherited(key, origin, strength)

    # the run -----------------------------------------------------------------------------------

    def run(self) -> Check:
        m = self.m
        order = upstream_first(m)
        for c in order:
            self.own[c.id] = choose(c, m.outbound_license)
            self.exposure[c.id] = _exposure(c, m.distribution)
            self._inherit(c)
        self.feeds_product = {i.origin for cid, inh in self.inherited.items()
                              if self.exposure[cid] is not None for i in inh.values()}
        self.members = self._members()
        self.lead = self._work()
        duties = [self._component(c) for c in m.components]
        self._by_category()
        outbound = self._outbound()
        findings = self.f.done()
        verdict = _verdict(findings)
        return Check(m, verdict, findings, tuple(duties), outbound,
                     tuple(self.actions.values()))

    def _component(self, c: Component) -> ComponentDuties:
        m, f = self.m, self.f
        exposure = self.exposure[c.id]
        gov = self.governing(c.id)
        notes: list[str] = []
        if c.license.unknown:
            f.add(Code.UNKNOWN_LICENSE, Severity.ERROR if exposure else Severity.WARNING,
                  "no license is known: by default no rights are granted; identify the license "
                  "or obtain one before using it", key=("none",), components=[c.id],
                  actions=["Find the component's license (its repository, model card or "
                           "dataset card) or get written permission"])
        if len(c.license.alternatives) > 1:
            notes.append(f"{c.license.reference}: option chosen: "
                         + " AND ".join(_label(k) for k in self.own[c.id]))
        for key in self.own[c.id]:
            p = profile(key)
            if p.exception is not None:
                notes.append(f"{_label(key)}: the exception modifies the license"
                             + ("" if p.exception_sheet else
                                " (assessed by its LicenseDB category, not by its text)"))
        self._identification(c)
        items: list[Obligation] = []
        # linked into the product's own code, a part becomes part of a modified version (a
        # work based on it); on its own, only if it was changed
        combined = c.link.combines and exposure is not None and len(self.members) > 1
        for key, via in gov.items():
            derived = c.derived if key in self.own[c.id] else True
            items += _checklist(key, via, exposure, derived, m.commercial, c.link,
                                derived or combined)
            if key in self.own[c.id] and not (derived or combined):
                self._unmodified(c, key, exposure)
        self._findings_from_items(c, items, gov)
        self._derivative_checks(c, gov, exposure)
        self._use_terms(c, gov, exposure)
        return ComponentDuties(c.id, c.kind, c.link, exposure, self.own[c.id],
                               tuple(self.inherited[c.id].values()), tuple(items), tuple(notes))

    def _unmodified(self, c: Component, key: str, exposure: Distribution | None) -> None:
        """A copyleft duty that binds only a modified version (AGPL section 13): say it does
        not arise, and what would make it."""
        p = profile(key)
        for clause in p.copyleft:
            if not clause.value.only_if_modified or not active(p, clause, exposure):
                continue
            self.f.add(Code.COPYLEFT_NOT_TRIGGERED, Severity.INFO,
                       f"{c.id} is used unmodified and on its own: {_label(key)}'s "
                       f"{clause.title[0].lower()}{clause.title[1:]} - no such duty arises",
                       key=("unmodified", key, clause.id), components=[c.id],
                       evidence=_evidence(p, clause), licenses=[key], triggered=False,
                       actions=[f"If you modify {c.id} or link it into your own code, offer "
                                "its Corresponding Source to every user interacting with it "
                                "over the network"])

    def _identification(self, c: Component) -> None:
        ident = c.license.identification
        if ident is None:
            return
        if ident.result.value in ("modified", "partial"):
            self.f.add(Code.LICENSE_MISMATCH, Severity.WARNING,
                       f"the license text {ident.path} differs from the reference text "
                       f"({ident.result.value}): its terms may differ from the term sheet's",
                       key=(c.id, "text"), components=[c.id],
                       actions=[f"Run `licentia identify {ident.path}` to see the differences"])
        if ident.declared is not None and ident.declared.agrees is False:
            self.f.add(Code.LICENSE_MISMATCH, Severity.WARNING,
                       f"{ident.path}: the model card's declared license and its linked license "
                       "file disagree", key=(c.id, "declared"), components=[c.id])

    def _origin_components(self, c: Component, key: str) -> list[str]:
        inh = self.inherited[c.id].get(key)
        return [c.id] + ([inh.origin] if inh else [])

    def _findings_from_items(self, c: Component, items: list[Obligation],
                             gov: dict[str, Via]) -> None:
        f = self.f
        for it in items:
            if it.code is None:
                continue
            p = profile(it.license)
            comps = self._origin_components(c, it.license)
            label = _label(it.license)
            gray = f" ({it.note})" if it.note else ""
            if it.code == Code.NAMING_REQUIREMENT:
                clause = _clause(p, it.clause)
                prefix = clause.value.name_prefix if clause else None
                if prefix and c.name and not c.name.startswith(prefix):
                    f.add(Code.NAMING_REQUIREMENT, Severity.ERROR,
                          f"{c.id} is named {c.name!r}; {label} requires its name to begin "
                          f"with {prefix!r}", key=(c.id, it.license), components=comps,
                          evidence=it.evidence, licenses=[it.license],
                          actions=[f"Rename it to begin with {prefix!r}"])
                    continue
                sev = Severity.INFO if c.name else Severity.WARNING
                f.add(Code.NAMING_REQUIREMENT, sev,
                      f"a model built with {label} material that is distributed or made "
                      f"available must have a name beginning with {prefix!r}{gray}",
                      key=(it.license, bool(c.name)), components=comps, evidence=it.evidence,
                      licenses=[it.license],
                      actions=[] if c.name else [f"Give the model a name beginning with "
                                                 f"{prefix!r} (set `name:` in the manifest)"])
            elif it.code == Code.USER_THRESHOLD:
                self._threshold(c, p, it, comps)
            elif it.code == Code.BUILT_WITH_NOTICE:
                clause = _clause(p, it.clause)
                text = clause.value.attribution_text if clause else ""
                f.add(Code.BUILT_WITH_NOTICE, Severity.INFO,
                      f"display {text!r} ({label}){gray}", key=(it.license, it.clause),
                      components=comps, evidence=it.evidence, licenses=[it.license],
                      actions=[f"Show {text!r} prominently on a related website, user "
                               "interface, blog post, about page or product documentation"])
            elif it.code == Code.SOURCE_DISCLOSURE and (clause := _clause(p, it.clause)) \
                    is not None and clause.value.only_when_linked:
                f.add(it.code, Severity.WARNING,
                      f"{label} is linked {_ADVERB[c.link]} into the product: "
                      f"{clause.title[0].lower()}{clause.title[1:]}",
                      key=(it.license, "relink", it.clause), components=comps,
                      evidence=it.evidence, licenses=[it.license],
                      actions=[f"Ship the product's object files (or source) with it so users "
                               f"can relink it with a modified {label}, or link {label} "
                               "dynamically (a shared library)"])
            elif it.code in (Code.SOURCE_DISCLOSURE, Code.NETWORK_COPYLEFT):
                if it.license == self.required and c.link.combines and not it.note:
                    continue  # the combined work's own finding covers it
                sev = Severity.WARNING
                msg = (f"{label}: users interacting with these components over a network must "
                       f"be offered their Corresponding Source{gray}" if it.code ==
                       Code.NETWORK_COPYLEFT else
                       f"{label}: recipients of these components must get their Corresponding "
                       f"Source{gray}")
                f.add(it.code, sev, msg, key=(it.license, c.id if it.note else "", it.code),
                      components=comps, evidence=it.evidence, licenses=[it.license],
                      actions=[_source_action(it.code, label)])
            elif it.code == Code.ASSESSED_BY_CATEGORY:
                continue  # reported once per license by _by_category
            else:
                f.add(it.code, Severity.INFO, f"{label}{gray}", key=(it.license, bool(gray)),
                      components=comps, evidence=it.evidence, licenses=[it.license],
                      detail=f"{it.title[0].lower()}{it.title[1:]}")
        for key in gov:
            p = profile(key)
            if p.revocable is not None:
                f.add(Code.REVOCABLE, Severity.WARNING,
                      f"{_label(key)} may be revoked or terminated by the licensor at will",
                      key=(key,), components=self._origin_components(c, key),
                      evidence=_evidence(p, p.revocable), licenses=[key],
                      actions=["Keep a fallback (another model or dataset) or negotiate a "
                               "non-revocable license"])
            if p.patent_termination is not None and self.exposure[c.id] is not None:
                f.add(Code.PATENT_TERMINATION, Severity.INFO,
                      f"{_label(key)}: suing over the licensed material's patents (or IP, as "
                      "written) ends your license", key=(key,),
                      components=self._origin_components(c, key),
                      evidence=_evidence(p, p.patent_termination), licenses=[key], duty=False)

    def _threshold(self, c: Component, p: Profile, it: Obligation, comps: list[str]) -> None:
        clause = _clause(p, it.clause)
        if clause is None:
            return
        label = _label(p.key)
        mau, revenue = clause.value.mau_threshold, clause.value.revenue_threshold_usd
        over = (mau is not None and self.m.monthly_active_users is not None
                and self.m.monthly_active_users > mau) or \
               (revenue is not None and self.m.annual_revenue_usd is not None
                and self.m.annual_revenue_usd > revenue)
        limit = (f"{mau:,} monthly active users" if mau is not None else
                 f"USD {revenue:,} annual revenue" if revenue is not None else "a threshold")
        if over:
            self.f.add(Code.USER_THRESHOLD, Severity.ERROR,
                       f"{label}: the product is above {limit}: a separate license from the "
                       "licensor is required", key=(p.key, it.clause, "over"), components=comps,
                       evidence=it.evidence, licenses=[p.key],
                       actions=["Request a license from the licensor before use"])
        else:
            self.f.add(Code.USER_THRESHOLD, Severity.INFO,
                       f"{label}: above {limit} a separate license from the licensor is "
                       "required", key=(p.key, it.clause), components=comps,
                       evidence=it.evidence, licenses=[p.key],
                       actions=["Track the figure; the manifest's `monthly_active_users` / "
                                "`annual_revenue_usd` lets check compare it"])

    def _derivative_checks(self, c: Component, gov: dict[str, Via],
                           exposure: Distribution | None) -> None:
        """A derivative released under its own license: may it carry that license?"""
        own = self.own[c.id]
        if not own:
            return
        target = own[0]
        extra = c.additional_terms
        for key, inh in self.inherited[c.id].items():
            if inh.via == "outputs" or key in own:
                continue
            v = compatibility(target, key)
            if v.ok or _satisfied(v, key, extra):
                continue
            gray = inh.via == "data"
            if v.reason is Reason.NON_COMMERCIAL and self.m.commercial:
                continue  # the non-commercial finding says it
            self._relicense_finding(v, [c.id, inh.origin], exposure, target, gray,
                                    f"{c.id} ({_label(target)}) derives from {inh.origin} "
                                    f"({_label(key)})" + (" by training on it" if gray else ""))
        # parts from different lineages inside one derivative (a merge)
        strong = [k for k, via in gov.items() if via == "derivative"
                  and profile(k).whole_work]
        if strong:
            lead = max(strong, key=lambda k: SCOPE_RANK[profile(k).copyleft_scope])
            for key, via in gov.items():
                if lead == target or key == lead or via != "derivative" or key in own:
                    continue  # the declared license's own check covers the lead
                v = compatibility(lead, key)
                if v.ok:
                    continue
                comps = [c.id] + [i.origin for k2, i in self.inherited[c.id].items()
                                  if k2 in (lead, key)]
                self._combination_finding(v, comps, exposure,
                                          f"{c.id} combines {_label(lead)} and {_label(key)} "
                                          "material in one work")

    def _relicense_finding(self, v: PairVerdict, comps: list[str],
                           exposure: Distribution | None, target: str, gray: bool,
                           context: str) -> None:
        f = self.f
        code = {Reason.COPYLEFT: Code.RELICENSE_NOT_ALLOWED,
                Reason.COMBINATION: Code.RELICENSE_NOT_ALLOWED}.get(v.reason, v.reason.code)
        if code is None:
            return
        sub = v.subordinate
        on = bites(v, exposure)
        sev = Severity.ERROR if on else Severity.INFO
        if gray and sev is Severity.ERROR:
            sev = Severity.WARNING
        if v.verdict is Compat.UNKNOWN:
            sev = Severity.WARNING if on else Severity.INFO
        if v.reason is Reason.COPYLEFT:
            why = f"{_label(sub)} requires works based on it to be licensed under " \
                  f"{_label(sub)}: {v.message}"
        else:
            why = v.message
        message = f"{context}: {why}"
        if gray:
            message += " (whether a model trained on data is an adaptation of it is unsettled)"
        if not on:
            message += " - not triggered as offered" + (
                f" ({exposure.value})" if exposure else " (not part of the product)")
        actions = _relicense_actions(v, target)
        f.add(code, sev, message, key=("relicense", sub, target, gray, on),
              components=comps, evidence=v.evidence, actions=actions,
              licenses=[sub, target], triggered=on)
        if on:
            self._avoid_by_hosting(v, comps, code, exposure)
            self._outputs_action(v, comps, code)

    def _combination_finding(self, v: PairVerdict, comps: list[str],
                             exposure: Distribution | None, context: str) -> None:
        on = bites(v, exposure)
        code = v.reason.code or Code.INCOMPATIBLE
        if v.reason is Reason.COPYLEFT or v.reason is Reason.COMBINATION:
            code = Code.INCOMPATIBLE
        sev = Severity.ERROR if on and v.verdict is Compat.NO else (
            Severity.WARNING if on else Severity.INFO)
        msg = f"{context}: {v.message}"
        if not on:
            msg += " - not triggered as offered" + (f" ({exposure.value})" if exposure else "")
        self.f.add(code, sev, msg, key=("combine", v.leading, v.subordinate, on),
                   components=comps, evidence=v.evidence, licenses=[v.leading, v.subordinate],
                   triggered=on,
                   actions=_combination_actions(v))
        if on:
            self._avoid_by_hosting(v, comps, code, exposure)

    def _use_terms(self, c: Component, gov: dict[str, Via], exposure: Distribution | None) -> None:
        """Terms that bind use itself: non-commercial, no-derivatives, outputs."""
        m, f = self.m, self.f
        for key, via in gov.items():
            p = profile(key)
            comps = self._origin_components(c, key)
            if p.non_commercial is not None and m.commercial and via != "outputs" and \
                    (exposure is not None or c.id not in self.feeds_product):
                sev = Severity.ERROR if exposure is not None else Severity.WARNING
                f.add(Code.NON_COMMERCIAL, sev,
                      f"{_label(key)} allows non-commercial use only, and the product is "
                      "commercial" + ("" if exposure is not None else
                                      f" ({c.id} is not part of the product, but is used for it)"),
                      key=(key, exposure is not None), components=comps,
                      evidence=_evidence(p, p.non_commercial), licenses=[key],
                      actions=[f"Obtain a commercial license from the {_label(key)} licensor, "
                               "or replace the component"])
            if p.no_derivatives is not None and key in self.own[c.id] and c.derived \
                    and exposure not in (None, Distribution.INTERNAL):
                f.add(Code.NO_DERIVATIVES, Severity.ERROR,
                      f"{c.id} is a modified version of {_label(key)} material, which may not "
                      "be shared in adapted form", key=(key, c.id), components=[c.id],
                      evidence=_evidence(p, p.no_derivatives), licenses=[key],
                      actions=["Share only the unmodified material, or get permission"])
            out_restricted = p.output_restrictions
            if out_restricted and key not in self.own[c.id] and (
                    via == "outputs" or self._trained_on_outputs(c, key)):
                self._output_finding(c, key, via, out_restricted)

    def _trained_on_outputs(self, c: Component, key: str) -> bool:
        inh = self.inherited[c.id].get(key)
        if inh is None:
            return False
        ups = set(c.trained_on_outputs_of) | {d.component for d in c.derived_from
                                              if d.relation is Relation.DISTILL}
        return inh.origin in ups or any(key in self.own.get(u, ()) for u in ups)

    def _output_finding(self, c: Component, key: str, via: Via,
                        clauses: tuple[Clause, ...]) -> None:
        p = profile(key)
        training = [cl for cl in clauses if "output-training" in cl.taxonomy
                    or cl.value.output_use == "restricted"]
        if not training:
            return
        itself = via == "derivative" and any(
            d for d in c.derived_from if d.relation is not Relation.DISTILL
            and key in self.governing(d.component))
        sev = Severity.INFO if itself else Severity.ERROR
        msg = (f"{c.id} is trained on outputs of {_label(key)} material; {_label(key)} "
               "restricts using its outputs to train or improve other models")
        if itself:
            msg += f" ({c.id} is itself a derivative of that model)"
        self.f.add(Code.OUTPUT_USE_RESTRICTION, sev, msg, key=(key, c.id),
                   components=self._origin_components(c, key),
                   evidence=_evidence(p, *training), licenses=[key],
                   actions=["Train only on outputs whose license allows it, or on the "
                            "licensor's model itself where the license allows that"])

    def _by_category(self) -> None:
        """Licenses (and exceptions) licentia has no sheet for: judged by their LicenseDB
        category, said as a warning - never a silent "ok"."""
        seen: dict[str, list[str]] = {}
        for cid in self.own:
            for key in self.governing(cid):
                if profile(key).by_category:
                    seen.setdefault(key, []).append(cid)
        for key, comps in seen.items():
            p = profile(key)
            if p.basis is Basis.CATEGORY:
                what = f"{_label(key)} has no term sheet in licentia"
                category = p.category
            else:
                exc = catalog().get(p.exception or "")
                what = f"the exception in {_label(key)} has no sheet in licentia"
                category = exc.category if exc else "unknown"
            self.f.add(Code.ASSESSED_BY_CATEGORY, Severity.WARNING,
                       f"{what}: assessed by its LicenseDB category '{category}', not by its "
                       f"text; {category_reading(p)}", key=(key,), components=comps,
                       licenses=[key], duty=not p.permissive,
                       actions=[f"Have the {_label(key)} text reviewed (`licentia explain "
                                f"{p.spdx}` shows what licentia knows)"])

    # the combined work -------------------------------------------------------------------------

    def _members(self) -> list[Component]:
        return [c for c in self.m.components if c.link.combines and self.exposure[c.id]]

    def _work(self) -> str | None:
        """The product's combined work (static/dynamic links): which license must govern it,
        and whether every part may go under it (and under the declared outbound license)."""
        m = self.m
        members = self.members
        exposure = m.distribution
        leaders: dict[str, list[str]] = {}
        keys: dict[str, list[str]] = {}
        for c in members:
            for key, via in self.governing(c.id).items():
                if via != "derivative":
                    continue
                keys.setdefault(key, []).append(c.id)
                if profile(key).whole_work:
                    leaders.setdefault(key, []).append(c.id)
        active_leaders = [k for k in leaders if _copyleft_active(k, exposure)]
        required = max(active_leaders, key=lambda k: SCOPE_RANK[profile(k).copyleft_scope],
                       default=None)
        for k in leaders:
            if not _copyleft_active(k, exposure):
                self._dormant_copyleft(k, leaders[k], exposure, keys)
        self.required = required
        for lead in dict.fromkeys(k for k in (m.outbound_license, required) if k):
            self._against(lead, leaders, keys, members)
        if m.outbound_license is not None:
            self._not_covered(m.outbound_license, members)
        return m.outbound_license or required

    def _embedded(self, cid: str, key: str) -> bool:
        """Is this copyleft part compiled into the product's own binary (statically linked),
        so that releasing the product under another license would relicense it?"""
        return self.comps[cid].link is Link.STATIC and key in self.own[cid] \
            and profile(key).copyleft_scope.value != "none"

    def _not_covered(self, outbound: str, members: list[Component]) -> None:
        """Parts whose own license cannot be relicensed stay under it beside the outbound."""
        for c in members:
            for key in self.own[c.id]:
                p = profile(key)
                if key == outbound or p.relicensable or p.whole_work or key in \
                        self.m.outbound_terms or p.basis is Basis.CATEGORY \
                        or self._embedded(c.id, key):
                    continue
                self.f.add(Code.LICENSE_MISMATCH, Severity.INFO,
                           f"{_label(key)} material stays under {_label(key)}: the outbound "
                           f"license {_label(outbound)} does not cover it",
                           key=("not-covered", key), components=[c.id], licenses=[key, outbound],
                           duty=True, actions=[f"Ship it with its own license ({_label(key)}) "
                                               "and say which parts the outbound license covers"])

    def _against(self, lead: str, leaders: dict[str, list[str]], keys: dict[str, list[str]],
                 members: list[Component]) -> None:
        """Check every part of the combined work against one license it must go under."""
        m, exposure = self.m, self.m.distribution
        one_way: list[str] = []
        # the license the whole product goes under binds every part linked into it when its
        # copyleft is on; a declared copyleft outbound license (even a weak one: the product is
        # that library) does too
        lp = profile(lead)
        lead_binds = lead in leaders or (
            (lp.whole_work or (lead == m.outbound_license and lp.copyleft_scope.value != "none"))
            and _copyleft_active(lead, exposure))
        for key, all_comps in keys.items():
            if key == lead:
                continue
            # parts meeting inside one component are that component's own check
            comps = [c for c in all_comps if lead not in self.governing(c)]
            if not comps:
                continue
            is_leader = key in leaders
            derived = [c for c in comps if key not in self.own[c]]
            embedded = [c for c in comps if lead == m.outbound_license
                        and self._embedded(c, key)]
            if not (lead_binds or is_leader or derived or embedded):
                continue  # a part keeping its own license beside the outbound one
            v = compatibility(lead, key)
            if v.ok:
                if lead in leaders and not compatibility(key, lead).ok:
                    one_way.append(key)
                continue
            if _satisfied(v, key, m.outbound_terms):
                continue
            parts = (leaders.get(lead, []) + comps) if lead in leaders else comps
            if is_leader or lead_binds:
                self._combination_finding(
                    v, parts, exposure, f"the combined work ({_label(lead)}) includes "
                    f"{_label(key)} material linked into it")
                if bites(v, exposure) and is_leader:
                    self._separate_program(key, leaders[key], v)
                if bites(v, exposure) and lead in leaders and lead != m.outbound_license:
                    self._separate_program(lead, leaders[lead], v)
            else:
                how = "statically linked into it" if embedded and not derived else "-derived"
                self._relicense_finding(v, comps, exposure, lead, False,
                                        f"the product is released under {_label(lead)} and "
                                        f"includes {_label(key)}"
                                        + (f" material {how}" if how[0] != "-" else
                                           f"{how} material"))
        if lead in leaders and _copyleft_active(lead, exposure):
            p = profile(lead)
            clause = next((c for c in p.copyleft if active(p, c, exposure)), p.copyleft[0]
                          if p.copyleft else None)
            network = clause is not None and trigger(clause) == "network-use"
            sa = p.share_alike is not None
            code = Code.SHARE_ALIKE if sa else \
                Code.NETWORK_COPYLEFT if network else Code.SOURCE_DISCLOSURE
            compatible = "".join(
                f" ({_label(k)} is compatible one way: {_label(k)} material may go into a "
                f"{_label(lead)} work, not the reverse)" for k in one_way)
            duty = ("share it under the same license" if sa else
                    "users interacting with it over a network must be offered the "
                    "Corresponding Source of the whole work" if network else
                    "recipients must get the Corresponding Source of the whole work")
            work = "the combined work" if len(members) > 1 else members[0].id
            self.f.add(code, Severity.WARNING,
                       f"{work} goes under {_label(lead)} as a whole{compatible}: "
                       + duty, key=("work", lead), components=[c.id for c in members],
                       evidence=_evidence(p, clause), licenses=[lead],
                       actions=[f"License the combined work under {_label(lead)}"
                                + ("" if sa else " and publish or offer its Corresponding "
                                   "Source")])

    def _dormant_copyleft(self, key: str, comps: list[str], exposure: Distribution,
                          keys: dict[str, list[str]]) -> None:
        """A copyleft the way the product is offered does not trigger: say so, and what
        distributing would change."""
        p = profile(key)
        words = {"distribution": "conveying copies", "network-use": "use over a network",
                 "publication": "sharing with the public", "use": "use",
                 "modification": "modification"}
        triggers = sorted(p.copyleft_triggers) or ["distribution"]
        conflicts = [k for k in keys if k != key and not compatibility(key, k).ok]
        message = (f"{_label(key)} is triggered by "
                   + " or ".join(words[t] for t in triggers)
                   + f"; offered as {exposure.value}, no source-disclosure duty arises and its "
                   "copyleft does not reach the rest of the product")
        action = (f"If you distribute the product (binaries, containers, on-device), the "
                  f"combined work goes under {_label(key)} and its source must be provided")
        if conflicts:
            action += " - and " + ", ".join(_label(k) for k in conflicts) + \
                " material in it would then be incompatible"
        else:
            others = [k for k in keys if k != key]
            if others:
                action += "; " + ", ".join(_label(k) for k in others) + \
                    f" can go into a {_label(key)} work"
        self.f.add(Code.COPYLEFT_NOT_TRIGGERED, Severity.INFO, message,
                   key=("dormant", key), components=comps,
                   evidence=_evidence(p, p.hosting, *p.copyleft), licenses=[key],
                   actions=[action], triggered=False)

    # architecture ----------------------------------------------------------------------------

    def _add_action(self, action: ArchitectureAction) -> None:
        old = self.actions.get(action.action)
        if old is None:
            self.actions[action.action] = action
            return
        self.actions[action.action] = ArchitectureAction(
            old.action, tuple(dict.fromkeys(old.components + action.components)), old.condition,
            tuple(dict.fromkeys(old.avoids + action.avoids)),
            tuple(dict.fromkeys(old.evidence + action.evidence)))

    def _separate_program(self, key: str, comps: list[str], v: PairVerdict) -> None:
        p = profile(key)
        linked = [c for c in comps if key in self.own[c] and self.comps[c].link.combines]
        if not linked:
            return
        condition = (f"holds while {', '.join(linked)} runs as its own program and talks to the "
                     "rest at arm's length (sockets, pipes, command-line arguments), sharing no "
                     "address space or internal data structures, and nothing is derived from "
                     f"it; {_label(key)} still governs it, including its source duties")
        if any(trigger(c) == "network-use" for c in p.copyleft) and \
                self.m.distribution is Distribution.SAAS:
            condition += (f"; users who interact with it over a network must still be offered "
                          f"its source if you modify it ({_label(key)} network clause)")
        code = v.reason.code or Code.INCOMPATIBLE
        self._add_action(ArchitectureAction(
            action=f"Keep {', '.join(linked)} ({_label(key)}) a separate program: join it with "
                   "`link: network` (a service) or `link: aggregate` (a separate executable) "
                   "instead of linking it into the product",
            components=tuple(linked), condition=condition, avoids=(str(code),),
            evidence=_evidence(p, p.aggregate)))

    def _avoid_by_hosting(self, v: PairVerdict, comps: list[str], code: str,
                          exposure: Distribution | None) -> None:
        if exposure is not Distribution.DISTRIBUTED:
            return
        if bites(v, Distribution.SAAS):
            return
        p = profile(v.decided_by)
        self._add_action(ArchitectureAction(
            action="Do not distribute it: offer the product only as a hosted service "
                   "(`distribution: saas`)",
            components=tuple(dict.fromkeys(comps)),
            condition=(f"holds only while no copy (binaries, weights, containers, on-device "
                       f"installs) reaches anyone: {_label(p.key)} is triggered by "
                       "distribution, not by network use"),
            avoids=(code,), evidence=_evidence(p, p.hosting)))

    def _outputs_action(self, v: PairVerdict, comps: list[str], code: str) -> None:
        p = profile(v.subordinate)
        free = p.output_freedom
        if free is None or v.reason not in (Reason.FLOW_DOWN, Reason.NOT_RELICENSABLE):
            return
        self._add_action(ArchitectureAction(
            action=f"License the generated outputs separately (under any terms you choose); "
                   f"release the weights under {_label(p.key)} terms",
            components=tuple(dict.fromkeys(comps)),
            condition=(f"holds for outputs only: {_label(p.key)} claims no rights in outputs, "
                       "but the weights and their derivatives stay under its terms"
                       + ("" if not p.use_restrictions else
                          "; its use restrictions still bind how outputs are used")),
            avoids=(code,), evidence=_evidence(p, free)))

    # outbound --------------------------------------------------------------------------------

    def _requirements(self) -> dict[str, list[str]]:
        """License -> product components whose material it governs (combined work and
        derivatives), as `outbound` must honour."""
        out: dict[str, list[str]] = {}
        for c in self.members:
            for key, via in self.governing(c.id).items():
                if via == "derivative":
                    out.setdefault(key, []).append(c.id)
        return out

    def _allowed(self, exposure: Distribution) -> tuple[str, ...]:
        req = self._requirements()
        leaders = {k for k in req if profile(k).whole_work and _copyleft_active(k, exposure)}
        derived = {k for k, comps in req.items()
                   if any(k not in self.own[c] for c in comps)}
        candidates = sorted(set(all_sheets()) | ({self.m.outbound_license}
                                                 if self.m.outbound_license else set()))
        allowed = []
        for cand in candidates:
            cp = profile(cand)
            binds = cp.whole_work and _copyleft_active(cand, exposure)
            ok = True
            for key in req:
                if key == cand or not (binds or key in leaders or key in derived):
                    continue
                v = compatibility(cand, key)
                if not (v.ok or _satisfied(v, key, self.m.outbound_terms)) and bites(v, exposure):
                    ok = False
                    break
            if ok:
                allowed.append(cand)
        return tuple(allowed)

    def _outbound(self) -> Outbound:
        m = self.m
        req = self._requirements()
        terms: list[RequiredTerm] = []
        for key, comps in req.items():
            p = profile(key)
            derived = any(key not in self.own[c] for c in comps)
            if p.flow_down:
                cond = p.flow_down_condition or p.flow_down[0]
                terms.append(RequiredTerm(
                    key, cond.id, f"the {_label(key)} use restrictions, as enforceable terms",
                    tuple(sorted(p.flow_down_taxonomy)), _evidence(p, cond)))
            if derived and not p.relicensable and p.basis is Basis.TERMS \
                    and p.copyleft_scope.value == "none":
                docs = [d.title for d in p.sheet.documents] if p.sheet else []
                carry = _distribution_clause(p)
                terms.append(RequiredTerm(
                    key, carry.id if carry else "grant",
                    f"the {p.name} itself (its material stays under it)"
                    + (f", with {', '.join(docs)}" if docs else ""),
                    tuple(sorted(p.restriction_taxonomy)), _evidence(p, carry)))
            if p.non_commercial is not None and derived:
                terms.append(RequiredTerm(key, p.non_commercial.id,
                                          f"the {_label(key)} non-commercial limitation",
                                          ("non-commercial",), _evidence(p, p.non_commercial)))
            if (p.whole_work and _copyleft_active(key, m.distribution)) or \
                    (derived and (p.share_alike or p.copyleft)):
                clause = p.share_alike or (p.copyleft[0] if p.copyleft else None)
                if clause is not None:
                    terms.append(RequiredTerm(key, clause.id,
                                              f"the work licensed under {_label(key)} "
                                              "(copyleft / share-alike)", (),
                                              _evidence(p, clause)))
        allowed = self._allowed(m.distribution)
        if_distributed = None if m.distribution is Distribution.DISTRIBUTED else \
            self._allowed(Distribution.DISTRIBUTED)
        keeps = tuple(c.id for c in self.members
                      if not self.inherited[c.id] and all(
                          not profile(k).whole_work and not profile(k).relicensable
                          for k in self.own[c.id]) and self.own[c.id])
        return Outbound(m.outbound_license, self.required, allowed, tuple(terms),
                        if_distributed, keeps)


def _copyleft_active(key: str, exposure: Distribution) -> bool:
    p = profile(key)
    if not p.copyleft:
        return p.whole_work and exposure is Distribution.DISTRIBUTED
    return any(active(p, c, exposure) for c in p.copyleft)


def _satisfied(v: PairVerdict, key: str, extra: tuple[str, ...]) -> bool:
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


def _clause(p: Profile, clause_id: str) -> Clause | None:
    if p.sheet is None:
        return None
    return next((c for c in p.sheet.clauses if c.id == clause_id), None)


def _source_action(code: str, label: str) -> str:
    if code == Code.NETWORK_COPYLEFT:
        return (f"Offer the Corresponding Source ({label}) to every user interacting with it "
                "remotely, e.g. a source link in the user interface")
    return f"Ship or offer the Corresponding Source ({label}) with every copy you distribute"


def _relicense_actions(v: PairVerdict, target: str) -> list[str]:
    sub = _label(v.subordinate)
    if v.reason is Reason.FLOW_DOWN:
        return [f"Include the {sub} use restrictions ({', '.join(v.missing)}) as enforceable "
                f"terms of the release (e.g. {_label(target)} plus the {sub} restrictions, "
                f"listed under `additional_terms`), or release under {sub}"]
    if v.reason is Reason.COPYLEFT and not profile(v.subordinate).whole_work:
        return [f"Release the product as `{_label(target)} AND {sub}` (`outbound_license`): "
                f"your code under {_label(target)}, the {sub} part under {sub} with its source",
                f"Or keep the {sub} part a separate library (`link: dynamic`)"]
    if v.reason in (Reason.NOT_RELICENSABLE, Reason.COPYLEFT, Reason.COMBINATION):
        return [f"Release it under {sub} (with its notices), not {_label(target)}"]
    if v.reason is Reason.SHARE_ALIKE:
        return [f"Release the adapted material under {sub} (or a license {sub} names as "
                "compatible)"]
    if v.reason is Reason.NON_COMMERCIAL:
        return [f"Keep the {sub} non-commercial limitation in the release, or obtain a "
                "commercial license"]
    if v.reason is Reason.NO_DERIVATIVES:
        return ["Share only unmodified material, or get the licensor's permission"]
    if v.reason is Reason.FURTHER_RESTRICTIONS:
        return _combination_actions(v)
    return ["Have the license reviewed"]


def _combination_actions(v: PairVerdict) -> list[str]:
    lead, sub = _label(v.leading), _label(v.subordinate)
    if v.reason is Reason.FURTHER_RESTRICTIONS:
        return [f"Do not combine {lead} and {sub} material in one distributed work; keep them "
                "separate works, or replace one of them"]
    if v.reason is Reason.COMBINATION:
        return [f"Keep the {sub} part's own terms and the stronger network terms for the "
                "combination; check how the parts are joined"]
    return [f"Replace the {sub} component, or keep it a separate program (see architecture)"]


def _verdict(findings: tuple[Finding, ...]) -> Verdict:
    if any(f.severity is Severity.ERROR for f in findings):
        return Verdict.CONFLICT
    if any(f.severity is Severity.WARNING or f.extra.get("duty") for f in findings):
        return Verdict.OBLIGATIONS
    return Verdict.OK


_VERDICT_RANK = {Verdict.OK: 0, Verdict.OBLIGATIONS: 1, Verdict.CONFLICT: 2}


def _option_label(option: tuple[str, ...]) -> str:
    return " AND ".join(_label(k) for k in option)


def _with_outbound(m: Manifest, option: tuple[str, ...]) -> Manifest:
    """The manifest as if released under one option of its outbound expression."""
    first = m.outbound_options[0][1:]
    explicit = tuple(t for t in m.outbound_terms if t not in first)
    return replace(m, outbound_license=option[0],
                   outbound_terms=tuple(dict.fromkeys((*option[1:], *explicit))))


def _outbound_choice(manifest: Manifest) -> Check:
    """An outbound expression with options (`MIT OR GPL-3.0-only`): check each, keep the one
    that works best (the first among equals), and say which and how the others fare."""
    options = manifest.outbound_options
    if len(options) <= 1:
        return _Engine(manifest).run()
    runs = [_Engine(_with_outbound(manifest, opt)).run() for opt in options]
    best = min(range(len(runs)), key=lambda i: (
        _VERDICT_RANK[runs[i].verdict],
        sum(f.severity is Severity.ERROR for f in runs[i].findings),
        sum(f.severity is Severity.WARNING for f in runs[i].findings), i))
    labels = tuple((_option_label(opt), r.verdict.value) for opt, r in zip(options, runs,
                                                                          strict=True))
    result = runs[best]
    return replace(result, manifest=manifest,
                   outbound=replace(result.outbound, options=labels,
                                    chosen=_option_label(options[best])))


def check(manifest: Manifest, policy: Policy | None = None) -> Check:
    """Check a manifest: findings, per-component checklists, the outbound license; with a
    policy, its allow / review / deny decisions too."""
    result = _outbound_choice(manifest)
    if policy is None:
        return result
    licenses: dict[str, list[str]] = {}
    for d in result.obligations:
        for key in (*d.licenses, *(i.license for i in d.inherited)):
            licenses.setdefault(key, []).append(d.component)
    return replace(result, policy=apply_policy(policy, licenses, result.findings))
