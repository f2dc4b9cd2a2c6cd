# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What a license demands of a combination, read off its term sheet (or, without one, off its
LicenseDB category): the facts `compat` and `check` reason over, each tied to its clause."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from typing import Literal

from licentia.analysis.findings import Evidence
from licentia.catalog.catalog import License, catalog
from licentia.catalog.terms import (
    Artifact,
    Clause,
    ClauseKind,
    CopyleftScope,
    Sheet,
    exception_sheets,
    sheet_for,
)
from licentia.errors import UnknownLicenseError

# how far a license's copyleft reaches, weakest first
SCOPE_RANK = {CopyleftScope.NONE: 0, CopyleftScope.FILE: 1, CopyleftScope.LIBRARY: 2,
              CopyleftScope.WORK: 3, CopyleftScope.NETWORK: 4}
WHOLE_WORK = frozenset({CopyleftScope.WORK, CopyleftScope.NETWORK})
OUTPUT_TAXONOMY = frozenset({"output-training", "competing-products"})
PERMISSIVE_CATEGORIES = frozenset({"Permissive", "Public Domain"})
# a license and the exception that modifies it, as one key: "gpl-2.0 WITH classpath-exception-2.0"
WITH = " WITH "

Trigger = Literal["distribution", "network-use", "use", "modification", "publication"]
Via = Literal["relicensing", "secondary-license", "combination"]


class Basis(StrEnum):
    """Where a profile comes from: licentia's term sheet, or only the LicenseDB category."""

    TERMS = "term-sheet"
    CATEGORY = "licensedb-category"


@dataclass(frozen=True)
class Conversion:
    """A license the work (or its combination) may go under, per a `compatible_with` clause."""

    target: str  # catalog key
    via: Via
    opt_in: bool
    clause: Clause


@dataclass(frozen=True)
class Profile:
    """The facts of one license that matter when it meets others."""

    key: str
    spdx: str
    name: str
    category: str
    basis: Basis
    sheet: Sheet | None
    copyleft_scope: CopyleftScope
    copyleft: tuple[Clause, ...]
    share_alike: Clause | None
    no_derivatives: Clause | None
    non_commercial: Clause | None
    use_restrictions: tuple[Clause, ...]
    flow_down: tuple[Clause, ...]  # use restrictions every downstream license must carry
    flow_down_condition: Clause | None  # the condition that makes them flow down
    relicensable: bool
    relicense_clause: Clause | None
    conversions: tuple[Conversion, ...]
    no_further_restrictions: Clause | None
    patent_termination: Clause | None
    # a clause saying the license grants no patent rights at all (Creative Commons): a patent
    # term of an included part restricts nothing this license grants
    patent_excluded: Clause | None
    hosting: Clause | None  # a definition saying whether hosting counts as distribution
    hosted_is_distribution: bool
    outputs_are_derivatives: Clause | None
    output_terms: tuple[Clause, ...]  # clauses about outputs, free or restricted
    aggregate: Clause | None
    revocable: Clause | None
    thresholds: tuple[Clause, ...]
    conditions: tuple[Clause, ...]
    permissive: bool
    # a WITH exception modifying the license: its key, its sheet (None: judged from its
    # LicenseDB category only)
    exception: str | None = None
    exception_sheet: Sheet | None = None
    # duties beyond keeping notices (advertising acknowledgement, change summary...), which a
    # license forbidding further restrictions cannot carry
    extra_requirements: tuple[Clause, ...] = ()

    @property
    def base(self) -> str:
        """The key of the license itself, without its WITH exception."""
        return self.key.split(WITH, 1)[0]

    @property
    def by_category(self) -> bool:
        """Does any part of this assessment rest on a LicenseDB category, not on a text?"""
        return self.basis is Basis.CATEGORY or (self.exception is not None
                                                and self.exception_sheet is None)

    def evidence(self, *clauses: Clause | None) -> tuple[Evidence, ...]:
        """The quotes of clauses of this license (or of its exception), with their source."""
        out: list[Evidence] = []
        for c in clauses:
            if c is None:
                continue
            for sheet in (self.sheet, self.exception_sheet):
                if sheet is not None and c in sheet.clauses:
                    out += _clause_evidence(sheet, c)
                    break
        return tuple(dict.fromkeys(out))

    @property
    def restriction_taxonomy(self) -> frozenset[str]:
        return frozenset(t for c in self.use_restrictions for t in c.taxonomy)

    @property
    def flow_down_taxonomy(self) -> frozenset[str]:
        return frozenset(t for c in self.flow_down for t in c.taxonomy)

    @property
    def copyleft_triggers(self) -> frozenset[str]:
        return frozenset(trigger(c) for c in self.copyleft)

    @property
    def whole_work(self) -> bool:
        """Does its copyleft claim the whole of a work it is linked into?"""
        return self.copyleft_scope in WHOLE_WORK

    @property
    def restrictive(self) -> bool:
        """Does it restrict use (field of use, non-commercial) beyond open-source terms?"""
        return bool(self.use_restrictions or self.non_commercial)

    @property
    def output_restrictions(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.output_terms if _restricts_outputs(c))

    @property
    def output_freedom(self) -> Clause | None:
        """A clause leaving outputs to the user (no claim, unrestricted, owned by the user)."""
        return next((c for c in self.output_terms if c.value.output_use in
                     {"unrestricted", "no-claim", "owned-by-user"}), None)

    def conversions_via(self, *vias: Via, opt_in: bool = False) -> dict[str, Conversion]:
        return {c.target: c for c in self.conversions
                if c.via in vias and (opt_in or not c.opt_in)}


def trigger(clause: Clause) -> Trigger:
    """What makes a clause bite; term sheets say so, otherwise the kind's usual trigger."""
    if clause.value.trigger is not None:
        return clause.value.trigger
    if clause.kind in {ClauseKind.CONDITION, ClauseKind.COPYLEFT}:
        return "distribution"
    return "use"


def reaches_hosting(p: Profile, clause: Clause) -> tuple[bool, str]:
    """Does offering the material as a hosted service (SaaS) trigger a clause that binds on
    distribution, and why - the one rule review and check share. Hosting counts where the
    clause covers material "made available" or services, or where the license defines hosting
    as distribution; never where the clause excludes hosted services."""
    if clause.value.made_available is False:
        return False, "the clause excludes hosted services"
    if clause.value.made_available or clause.value.hosted_is_distribution \
            or Artifact.SERVICES in clause.artifacts:
        return True, ("the clause covers products and services made available, so a hosted "
                      "service triggers it")
    if p.hosted_is_distribution:
        return True, "the license counts a hosted service as Distribution"
    return False, ("a hosted service is not distribution under this license; it applies once "
                   "you ship copies")


def _restricts_outputs(clause: Clause) -> bool:
    return clause.value.output_use == "restricted" or bool(set(clause.taxonomy) & OUTPUT_TAXONOMY)


_TARGETS: dict[str, str | None] = {}


def _target_key(name: str) -> str | None:
    if name not in _TARGETS:
        lic = catalog().lookup(name)
        _TARGETS[name] = lic.key if lic else None
    return _TARGETS[name]


def _first(clauses: list[Clause]) -> Clause | None:
    return clauses[0] if clauses else None


def _from_sheet(lic: License, sheet: Sheet) -> Profile:
    clauses = sheet.clauses
    copyleft = tuple(c for c in clauses if c.kind is ClauseKind.COPYLEFT
                     and c.value.copyleft_scope not in (None, CopyleftScope.NONE))
    scope = max((c.value.copyleft_scope for c in copyleft if c.value.copyleft_scope),
                key=SCOPE_RANK.__getitem__, default=sheet.facts.copyleft)
    restrictions = tuple(c for c in clauses if c.kind is ClauseKind.USE_RESTRICTION
                         and not set(c.taxonomy) <= {"non-commercial", "user-threshold"})
    # non-commercial: a limitation or restriction saying so; or no commercial use at all (a
    # non-commercial grant beside a commercial one, as in Stability's, is not a limit)
    limiting = (ClauseKind.LIMITATION, ClauseKind.USE_RESTRICTION)
    non_commercial = _first([c for c in clauses if c.kind in limiting and (
        c.value.non_commercial or "non-commercial" in c.taxonomy)])
    if non_commercial is None and sheet.facts.commercial_use == "no":
        non_commercial = _first([c for c in clauses if c.value.non_commercial]
                                + [c for c in clauses if c.value.commercial_use is False])
    flow_down = tuple(c for c in restrictions if c.flows_down)
    # the condition passing the restrictions on: flows down, bites on distribution, and says so
    flow_cond = _first([c for c in clauses if c.kind is ClauseKind.CONDITION and c.flows_down
                        and trigger(c) == "distribution" and not c.value.no_further_restrictions
                        and c.value.flow_down]) if flow_down else None
    relicense = _first([c for c in clauses if c.value.relicensable]
                       + [c for c in clauses if c.value.sublicensable])
    explicit_no = any(c.value.relicensable is False for c in clauses)
    conversions: list[Conversion] = []
    for c in clauses:
        targets = [k for n in c.value.compatible_with or () if (k := _target_key(n)) is not None
                   and k != lic.key]
        # a statement the other license makes back (GPL-3.0 and AGPL-3.0 section 13) is a
        # permission to combine, not to relicense
        via: Via = c.value.compatible_via or (
            "combination" if any(_names(k, lic.key) for k in targets) else "relicensing")
        conversions += [Conversion(k, via, bool(c.value.compatible_opt_in), c) for k in targets]
    hosting = _first([c for c in clauses if c.value.hosted_is_distribution is not None])
    nd = _first([c for c in clauses if c.value.no_derivatives])
    share_alike = _first([c for c in clauses if c.value.share_alike])
    permissive = (scope is CopyleftScope.NONE and not restrictions and non_commercial is None
                  and nd is None and share_alike is None
                  and sheet.facts.commercial_use == "yes")
    return Profile(
        key=lic.key, spdx=lic.spdx, name=lic.name, category=lic.category, basis=Basis.TERMS,
        sheet=sheet, copyleft_scope=scope, copyleft=copyleft, share_alike=share_alike,
        no_derivatives=nd, non_commercial=non_commercial, use_restrictions=restrictions,
        flow_down=flow_down, flow_down_condition=flow_cond,
        relicensable=(relicense is not None or permissive) and not explicit_no,
        relicense_clause=relicense, conversions=tuple(conversions),
        no_further_restrictions=next((c for c in clauses if c.value.no_further_restrictions),
                                     None),
        patent_termination=_first([c for c in clauses
                                   if c.value.patent_termination_on_litigation]),
        patent_excluded=_first([c for c in clauses if c.value.patent_grant is False]),
        hosting=hosting, hosted_is_distribution=bool(hosting and
                                                     hosting.value.hosted_is_distribution),
        outputs_are_derivatives=_first([
            c for c in clauses if c.kind is ClauseKind.DEFINITION
            and {"derivatives", "outputs"} <= {a.value for a in c.artifacts}]),
        output_terms=tuple(c for c in clauses if c.value.output_use is not None
                           or set(c.taxonomy) & OUTPUT_TAXONOMY),
        aggregate=_first([c for c in clauses if c.kind is ClauseKind.DEFINITION
                          and c.value.aggregate]),
        revocable=_first([c for c in clauses if c.value.revocable]),
        thresholds=tuple(c for c in clauses if c.kind is ClauseKind.THRESHOLD),
        conditions=tuple(c for c in clauses if c.kind is ClauseKind.CONDITION),
        permissive=permissive,
        extra_requirements=tuple(c for c in clauses if c.value.extra_requirement),
    )


def _names(key: str, other: str) -> bool:
    """Does license `key`'s term sheet name `other` as compatible (a mutual statement)?"""
    sheet = sheet_for(key)
    if sheet is None:
        return False
    return any(_target_key(n) == other for c in sheet.clauses
               for n in c.value.compatible_with or ())


# how check reads a license it knows only by its LicenseDB category (said with every finding)
_CATEGORY_READING = {
    "Permissive": "treated as permissive: keep its copyright and license notices",
    "Public Domain": "treated as public domain: no conditions known, keep any notices",
    "Copyleft": "treated as strong copyleft: on distribution the whole combined work goes under "
                "it with its source, and it cannot be relicensed",
    "Copyleft Limited": "treated as weak copyleft: the component itself and changes to it stay "
                        "under it with their source, and it cannot be relicensed",
    "Free Restricted": "treated as free with restrictions of unknown kind: it cannot be "
                       "relicensed, and its restrictions must be read before use",
    "Proprietary Free": "treated as proprietary: use and redistribution only as its text "
                        "allows, no relicensing",
    "Source-available": "treated as source-available, not open source: commercial use, hosting "
                        "or redistribution may be restricted",
    "Commercial": "treated as commercial: you need an agreement with the licensor",
}


def category_reading(p: Profile) -> str:
    """How a license known only by its LicenseDB category is treated, in words."""
    if p.basis is Basis.TERMS:
        return ("treated as a linking exception: the copyleft stays on the licensed component "
                "itself" if SCOPE_RANK[p.copyleft_scope] <= SCOPE_RANK[CopyleftScope.LIBRARY]
                else "treated as the license without the exception")
    return _CATEGORY_READING.get(p.category, "its terms are unknown: treated as allowing "
                                             "nothing beyond what its text is read to allow")


def _from_category(lic: License) -> Profile:
    """No term sheet: the LicenseDB category, read conservatively."""
    cat = lic.category
    permissive = cat in PERMISSIVE_CATEGORIES
    scope = {"Copyleft": CopyleftScope.WORK,
             "Copyleft Limited": CopyleftScope.LIBRARY}.get(cat, CopyleftScope.NONE)
    return Profile(
        key=lic.key, spdx=lic.spdx, name=lic.name, category=cat, basis=Basis.CATEGORY,
        sheet=None, copyleft_scope=scope, copyleft=(), share_alike=None, no_derivatives=None,
        non_commercial=None, use_restrictions=(), flow_down=(), flow_down_condition=None,
        relicensable=permissive, relicense_clause=None, conversions=(),
        no_further_restrictions=None, patent_termination=None, patent_excluded=None,
        hosting=None,
        hosted_is_distribution=False, outputs_are_derivatives=None, output_terms=(),
        aggregate=None, revocable=None, thresholds=(), conditions=(), permissive=permissive,
    )


# (id(sheet), id(clause)) -> (sheet, clause, evidence): the entry keeps both objects alive,
# so their ids cannot be reused by others while cached
_EVIDENCE: dict[tuple[int, int], tuple[Sheet, Clause, tuple[Evidence, ...]]] = {}


def _clause_evidence(sheet: Sheet, clause: Clause) -> tuple[Evidence, ...]:
    """A clause's quotes as evidence, built once per clause."""
    k = (id(sheet), id(clause))
    hit = _EVIDENCE.get(k)
    if hit is None:
        hit = _EVIDENCE[k] = (sheet, clause, Evidence.from_clause(sheet, clause))
    return hit[2]


def with_exception(key: str, exception: str) -> str:
    """The profile key of a license modified by a WITH exception."""
    return f"{key}{WITH}{exception}"


def _with(base: Profile, exception: str) -> Profile:
    """A license as a WITH exception modifies it: the exception's clauses cap how far the
    copyleft reaches and add the combinations it permits; without a sheet, its LicenseDB
    category says (a "Copyleft Limited" exception is a linking exception)."""
    lic = catalog().get(exception)
    if lic is None:
        raise UnknownLicenseError(exception, catalog().suggest(exception))
    sheet = exception_sheets().get(exception)
    clauses = sheet.clauses if sheet is not None else ()
    caps = [c.value.copyleft_scope for c in clauses if c.value.copyleft_scope is not None]
    if sheet is None and lic.category == "Copyleft Limited":
        caps.append(CopyleftScope.LIBRARY)
    scope = min([base.copyleft_scope, *caps], key=SCOPE_RANK.__getitem__)
    conversions = list(base.conversions)
    for c in clauses:
        conversions += [Conversion(k, c.value.compatible_via or "relicensing",
                                   bool(c.value.compatible_opt_in), c)
                        for n in c.value.compatible_with or ()
                        if (k := _target_key(n)) is not None]
    # an additional permission may be removed: the material may go under the license alone
    conversions += [Conversion(base.key, "relicensing", False, c) for c in clauses
                    if c.value.relicensable]
    outputs = tuple(c for c in clauses if c.value.output_use is not None)
    return replace(
        base, key=with_exception(base.key, exception), spdx=f"{base.spdx} WITH {lic.spdx}",
        name=f"{base.name} with {lic.name}", copyleft_scope=scope,
        copyleft=base.copyleft if scope is not CopyleftScope.NONE else (),
        conversions=tuple(conversions), output_terms=base.output_terms + outputs,
        exception=exception, exception_sheet=sheet)


@cache
def profile(key: str) -> Profile:
    """The profile of a catalog key (or of a key WITH an exception key); UnknownLicenseError
    when the catalog lacks it."""
    if WITH in key:
        base, exception = key.split(WITH, 1)
        return _with(profile(base), exception)
    lic = catalog().get(key)
    if lic is None:
        raise UnknownLicenseError(key, catalog().suggest(key))
    sheet = sheet_for(key)
    return _from_sheet(lic, sheet) if sheet is not None else _from_category(lic)


def known(key: str) -> bool:
    """Does licentia have a term sheet for this key?"""
    return sheet_for(key) is not None
