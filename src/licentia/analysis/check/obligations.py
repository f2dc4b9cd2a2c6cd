# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Each component's checklist: the clauses that bind it as it is reached (derivative, outputs,
training data), joined (static or dynamic link) and offered - read off the term sheets, so a new
term sheet works here without code changes - and the findings they become."""

from __future__ import annotations

from functools import cache

from licentia.analysis.check.drafts import Draft, draft, label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.model import ComponentDuties, Obligation, Via
from licentia.analysis.check.triggers import active
from licentia.analysis.findings import Code, Severity
from licentia.analysis.manifest import Component, Distribution, Link
from licentia.analysis.profile import Basis, Profile, profile, trigger
from licentia.catalog.terms import Clause, ClauseKind

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


def _by_category(p: Profile, exposure: Distribution | None) -> tuple[Obligation, ...]:
    if p.permissive and exposure is Distribution.DISTRIBUTED:
        return (Obligation(p.key, "licensedb-category", "Keep the copyright and license notices",
                           Code.ATTRIBUTION, (),
                           f"no term sheet: LicenseDB category '{p.category}'"),)
    if not p.permissive:
        return (Obligation(p.key, "licensedb-category", f"Read the license: no term sheet "
                           f"(LicenseDB category '{p.category}')", Code.ASSESSED_BY_CATEGORY),)
    return ()


def _binds(p: Profile, clause: Clause, via: Via, exposure: Distribution | None, derived: bool,
           link: Link, modified_version: bool) -> bool:
    arts = {a.value for a in clause.artifacts}
    if (via == "outputs" and "outputs" not in arts) or (via != "outputs" and arts == {"outputs"}):
        return False
    if via == "data" and arts and not arts & {"data", "derivatives"}:
        return False
    if clause.value.state_changes and (not derived or via == "data"):
        return False
    if clause.value.relicensable or clause.value.no_further_restrictions:
        return False
    if clause.value.only_when_linked not in (None, link.value):
        return False  # LGPL relinking: a static link only
    if clause.value.only_if_modified and not modified_version:
        return False  # AGPL section 13: a modified version only
    return active(p, clause, exposure)


@cache
def checklist(key: str, via: Via, exposure: Distribution | None, derived: bool,
              commercial: bool, link: Link = Link.STATIC, modified_version: bool = True
              ) -> tuple[Obligation, ...]:
    """The items a license puts on a component reached this way, joined this way (`link`) and
    offered this way; `modified_version`: is it (or the work it is part of) a modified version
    of the licensed material?"""
    p = profile(key)
    if p.basis is Basis.CATEGORY:
        return _by_category(p, exposure)
    gray = "gray area: applies only if the model counts as an adaptation of the data" \
        if via == "data" else None
    items = [Obligation(key, c.id, c.title, obligation_code(p, c), p.evidence(c), gray)
             for c in (*p.conditions, *p.copyleft, *p.thresholds)
             if _binds(p, c, via, exposure, derived, link, modified_version)]
    if p.use_restrictions and via != "outputs":
        ids = sorted(p.restriction_taxonomy)
        what = p.flow_down_condition or (p.flow_down[0] if p.flow_down else p.use_restrictions[0])
        passes = bool(p.flow_down) and active(p, p.flow_down_condition or what, exposure)
        items.append(Obligation(
            key, what.id, ("Comply with, and pass on to recipients, " if passes else
                           "Comply with ") + f"the use restrictions: {', '.join(ids)}",
            Code.USE_RESTRICTIONS_FLOW_DOWN if passes else None, p.evidence(what), gray))
    if p.non_commercial is not None and not commercial:
        items.append(Obligation(key, p.non_commercial.id, "Non-commercial use only",
                                Code.NON_COMMERCIAL, p.evidence(p.non_commercial), gray))
    items += [Obligation(key, c.id, c.title, Code.OUTPUT_USE_RESTRICTION, p.evidence(c))
              for c in p.output_restrictions
              if via == "outputs" or "outputs" in {a.value for a in c.artifacts}]
    return tuple(items)


def _notes(g: Graph, c: Component) -> list[str]:
    notes = []
    if len(c.license.alternatives) > 1:
        notes.append(f"{c.license.reference}: option chosen: "
                     + " AND ".join(label(k) for k in g.own[c.id]))
    for key in g.own[c.id]:
        p = profile(key)
        if p.exception is not None:
            notes.append(f"{label(key)}: the exception modifies the license"
                         + ("" if p.exception_sheet else
                            " (assessed by its LicenseDB category, not by its text)"))
    return notes


def _unknown(c: Component, exposure: Distribution | None) -> list[Draft]:
    if not c.license.unknown:
        return []
    return [draft(Code.UNKNOWN_LICENSE, Severity.ERROR if exposure else Severity.WARNING,
                  "no license is known: by default no rights are granted; identify the license "
                  "or obtain one before using it", key=("none",), components=[c.id],
                  actions=["Find the component's license (its repository, model card or "
                           "dataset card) or get written permission"])]


def _identification(c: Component) -> list[Draft]:
    ident = c.license.identification
    out: list[Draft] = []
    if ident is None:
        return out
    if ident.result.value in ("modified", "partial"):
        out.append(draft(Code.LICENSE_MISMATCH, Severity.WARNING,
                         f"the license text {ident.path} differs from the reference text "
                         f"({ident.result.value}): its terms may differ from the term sheet's",
                         key=(c.id, "text"), components=[c.id],
                         actions=[f"Run `licentia identify {ident.path}` to see the "
                                  "differences"]))
    if ident.declared is not None and ident.declared.agrees is False:
        out.append(draft(Code.LICENSE_MISMATCH, Severity.WARNING,
                         f"{ident.path}: the model card's declared license and its linked "
                         "license file disagree", key=(c.id, "declared"), components=[c.id]))
    return out


def _unmodified(c: Component, key: str, exposure: Distribution | None) -> list[Draft]:
    """A copyleft duty that binds only a modified version (AGPL section 13): say it does not
    arise, and what would make it."""
    p = profile(key)
    return [draft(Code.COPYLEFT_NOT_TRIGGERED, Severity.INFO,
                  f"{c.id} is used unmodified and on its own: {label(key)}'s "
                  f"{clause.title[0].lower()}{clause.title[1:]} - no such duty arises",
                  key=("unmodified", key, clause.id), components=[c.id],
                  evidence=p.evidence(clause), licenses=[key], triggered=False,
                  actions=[f"If you modify {c.id} or link it into your own code, offer its "
                           "Corresponding Source to every user interacting with it over the "
                           "network"])
            for clause in p.copyleft
            if clause.value.only_if_modified and active(p, clause, exposure)]


def duties(g: Graph, c: Component) -> tuple[ComponentDuties, list[Draft]]:
    """A component's checklist, and the findings about its license itself (unknown, a text
    differing from the reference, a copyleft that binds only a modified version)."""
    exposure = g.exposure[c.id]
    out = _unknown(c, exposure) + _identification(c)
    items: list[Obligation] = []
    # linked into the product's own code, a part becomes part of a modified version (a work
    # based on it); on its own, only if it was changed
    combined = c.link.combines and exposure is not None and len(g.members) > 1
    for key, via in g.governing(c.id).items():
        derived = c.derived if key in g.own[c.id] else True
        items += checklist(key, via, exposure, derived, g.manifest.commercial, c.link,
                           derived or combined)
        if key in g.own[c.id] and not (derived or combined):
            out += _unmodified(c, key, exposure)
    return ComponentDuties(c.id, c.kind, c.link, exposure, g.own[c.id],
                           tuple(g.inherited[c.id].values()), tuple(items),
                           tuple(_notes(g, c))), out
