# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Term sheets: what each license says, clause by clause, each clause tied to a verbatim quote.

Term sheets are data files (`data/terms/*.yaml`), validated when loaded; errors name the file and
the key. See `data/terms/README.md` for the format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from licentia.catalog.taxonomy import Involves, taxonomy
from licentia.datafile import load_all, load_yaml
from licentia.errors import DataError


class ClauseKind(StrEnum):
    PERMISSION = "permission"
    CONDITION = "condition"
    LIMITATION = "limitation"
    USE_RESTRICTION = "use-restriction"
    THRESHOLD = "threshold"
    DEFINITION = "definition"
    PATENT = "patent"
    COPYLEFT = "copyleft"
    TERMINATION = "termination"
    # a grant withheld from some licensees (by domicile, size, field of use, competitor status):
    # a licensee it excludes has no license at all
    ELIGIBILITY = "eligibility"


class Artifact(StrEnum):
    CODE = "code"
    WEIGHTS = "weights"
    DATA = "data"
    OUTPUTS = "outputs"
    DERIVATIVES = "derivatives"
    SERVICES = "services"


class CopyleftScope(StrEnum):
    NONE = "none"
    FILE = "file"
    LIBRARY = "library"
    WORK = "work"
    NETWORK = "network"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Evidence(_Strict):
    quote: Annotated[str, Field(min_length=8)]
    section: str
    # where the quote is checked: "license" (the license's own text) or a document id from
    # the sheet's `documents` (e.g. an acceptable-use policy incorporated by reference)
    document: str = "license"


class Value(_Strict):
    """Normalized values a clause may carry; analysis code reasons over these, not prose."""

    commercial_use: bool | None = None
    copyleft_scope: CopyleftScope | None = None
    # what triggers the duty: distribution (conveying), network use, any use, publication
    trigger: Literal["distribution", "network-use", "use", "modification", "publication"] | None = (
        None
    )
    mau_threshold: int | None = None
    revenue_threshold_usd: int | None = None
    attribution_text: str | None = None
    name_prefix: str | None = None
    # the attribution must be shown where people see the product (its interface, website or
    # documentation: "Built with Llama"), not only shipped in a notice file
    display_notice: bool | None = None
    notice_file: bool | None = None
    state_changes: bool | None = None
    share_alike: bool | None = None
    no_derivatives: bool | None = None
    non_commercial: bool | None = None
    research_only: bool | None = None
    output_use: Literal["unrestricted", "restricted", "owned-by-user", "no-claim"] | None = None
    patent_grant: bool | None = None
    patent_termination_on_litigation: bool | None = None
    sublicensable: bool | None = None
    relicensable: bool | None = None
    revocable: bool | None = None
    forced_update: bool | None = None
    hosted_is_distribution: bool | None = None
    compatible_with: tuple[str, ...] | None = None  # licenses it expressly allows, e.g. GPL-3.0
    # how `compatible_with` works: the work itself may be relicensed under those licenses
    # ("relicensing": LGPL -> GPL, "or any later version"); only Covered Software combined with
    # a work under them may also go under them ("secondary-license": MPL-2.0 3.3, EPL-2.0 3.2);
    # or each part keeps its own license inside one combined work ("combination": GPL-3.0 and
    # AGPL-3.0 section 13). None: "combination" when both licenses name each other, else
    # "relicensing".
    compatible_via: Literal["relicensing", "secondary-license", "combination"] | None = None
    compatible_opt_in: bool | None = None  # only if the licensor opted in (EPL-2.0 Exhibit A)
    license_copy: bool | None = None  # recipients must get a copy of the license
    retain_notices: bool | None = None  # existing copyright/attribution notices must be kept
    excluded_regions: tuple[str, ...] | None = None  # e.g. ("EU",) for a territorial carve-out
    # what a lawsuit by the licensee ends: the patent license only, or every right granted;
    # and which suits trigger it (patent suits, or any IP claim)
    litigation_trigger: Literal["patent", "ip"] | None = None
    litigation_terminates: Literal["patent-license", "all"] | None = None
    # a duty beyond keeping notices, which a license forbidding further restrictions (GPL
    # section 6 / section 10) cannot carry: an acknowledgement in advertising materials
    # (BSD-4-Clause), in end-user or product documentation (XFree86-1.1), a summary of the
    # changes made (PSF-2.0), a ban on naming derived products after the original (Apache-1.1)
    extra_requirement: Literal["advertising", "documentation-acknowledgement", "change-summary",
                               "product-name"] | None = None
    # a condition that binds only when the part is joined this way (LGPL-2.1 section 6(a),
    # LGPL-3.0 section 4(d)(0): object code for relinking when statically linked)
    only_when_linked: Literal["static", "dynamic"] | None = None
    # a duty that arises only for a modified version (AGPL-3.0 section 13)
    only_if_modified: bool | None = None
    # whether the clause also binds material *made available* without a copy changing hands
    # (a hosted service): true where its text says "distributed or made available", false
    # where it excludes hosted services ("other than through a Hosted Service")
    made_available: bool | None = None
    # thresholds: whose figures count (the licensee's affiliates too) and when they are taken
    # (on the version's release date, or at any time); release_date is ISO (YYYY-MM-DD)
    counts_affiliates: bool | None = None
    counted_at: Literal["release-date", "any-time"] | None = None
    release_date: str | None = None
    # duties: the licensee must provide the source code (with the object code it distributes)
    source_disclosure: bool | None = None
    # how a license makes the licensee pass its use restrictions on: as an enforceable
    # provision of its own terms, by notice to recipients, by making its users comply, or
    # (unspecified) by imposing them on what it shares
    flow_down: tuple[Literal["enforceable-provision", "notice", "users-comply", "impose"],
                     ...] | None = None
    # limitations: the license gives no right to the licensor's names, marks or endorsement
    trademark: bool | None = None
    # definitions: an aggregate (a work merely beside the licensed one) is outside its terms
    aggregate: bool | None = None
    # patent grants: who grants (the licensor, or each contributor for its own contributions);
    # a grant that covers the licensor's "intellectual property" without naming patents
    patent_grantor: Literal["licensor", "contributors"] | None = None
    ip_grant: bool | None = None
    # a license forbidding restrictions beyond its own (GPL section 6 / section 10, MPL 3.2):
    # what it may be combined with cannot add terms
    no_further_restrictions: bool | None = None
    # commercial use only for partners the licensor approves under a separate agreement
    partner_track: bool | None = None
    # the id of a document of the sheet (an acceptable-use policy) this clause makes part of
    # the license by reference
    incorporates: str | None = None


class Condition(_Strict):
    """One fact a clause turns on (a name from catalog/data/facts.yaml) and the value that makes
    the clause bite: `equals` for a true/false fact, `above` for a number, `lacks_prefix` for a
    name that must begin with the clause's `value.name_prefix`."""

    fact: str
    equals: bool | None = None
    above: int | None = None
    lacks_prefix: bool | None = None
    # when the fact says otherwise: the clause is not engaged (clear), or the reading is
    # contested and goes to counsel (gray)
    failing: Literal["clear", "gray"] = "clear"
    # when the use case does not say: an open question (gray), or presumed met (the clause bites
    # unless the facts say otherwise, e.g. malware unless it is authorised security testing)
    unknown: Literal["open", "met"] = "open"


class Decision(_Strict):
    """The facts that decide a clause: it is broken (conflict) when every condition holds, open
    (gray, with each unknown fact's question) when none fails but one is unknown, and not
    engaged (clear) when one fails. `activity`: the use must also involve one of the clause's
    taxonomy activities (restrictions); false for duties and eligibility clauses; `done` where
    the facts qualify the activity without describing it (unlicensed practice: that no licensed
    professional is involved does not say the product practises a profession), so a conflict
    needs words saying the product does it, and words of its domain only are a question."""

    when: Annotated[tuple[Condition, ...], Field(min_length=1)]
    activity: bool | Literal["done"] = True
    # a fact the use case says nothing about: a question for counsel (gray), or, for a duty whose
    # last condition is whether it is met, a to-do when only that one is unknown (clear, with the
    # action); a hedged statement is always gray
    open: Literal["gray", "to-do"] = "gray"


class Clause(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    kind: ClauseKind
    title: str
    value: Value = Value()
    artifacts: tuple[Artifact, ...] = ()
    flows_down: bool = False
    taxonomy: tuple[str, ...] = ()
    incorporated_by_reference: str | None = None  # document id
    decided_by: Decision | None = None
    evidence: Annotated[tuple[Evidence, ...], Field(min_length=1)]
    note: str | None = None


class Document(_Strict):
    """A document a license incorporates by reference (an acceptable-use policy)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]*$")]
    title: str
    url: str | None = None
    # where its text is read to check quotes: a LicenseDB key, or an external text known by
    # licentia's own phrase data (catalog/data/external.yaml)
    licensedb: str | None = None
    external: str | None = None
    # or a LicenseDB rule file holding a fuller copy of the license's own text (the EUPL's
    # appendix of compatible licences, which its .LICENSE file lacks)
    licensedb_rule: (
        Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._+-]*\.RULE$")] | None) = None
    # the publisher may change it at its URL (e.g. "as updated from time to time")
    mutable: bool = False

    @property
    def held(self) -> bool:
        """Whether licentia knows this document's text (its items are quoted and checked); a
        policy it does not hold can restrict anything, so nothing it covers is ever clear."""
        return bool(self.licensedb or self.external or self.licensedb_rule)


class Facts(_Strict):
    osi_approved: bool
    fsf_free: bool
    osaid_any_purpose: bool
    commercial_use: Literal["yes", "no", "conditional"]
    copyleft: CopyleftScope

    @field_validator("commercial_use", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: Any) -> Any:
        # YAML reads an unquoted yes/no as a boolean
        if isinstance(value, bool):
            return "yes" if value else "no"
        return value


class Sheet(_Strict):
    license: str
    title: str
    version: str
    family: Literal["ai", "oss", "data"]
    facts: Facts
    documents: tuple[Document, ...] = ()
    clauses: Annotated[tuple[Clause, ...], Field(min_length=1)]
    notes: str | None = None

    @field_validator("clauses")
    @classmethod
    def _unique_ids(cls, clauses: tuple[Clause, ...]) -> tuple[Clause, ...]:
        seen: set[str] = set()
        for clause in clauses:
            if clause.id in seen:
                raise ValueError(f"duplicate clause id {clause.id!r}")
            seen.add(clause.id)
        return clauses

    @model_validator(mode="after")
    def _incorporated_documents(self) -> Sheet:
        ids = {d.id for d in self.documents}
        for clause in self.clauses:
            doc = clause.value.incorporates
            if doc is not None and doc not in ids:
                raise ValueError(f"clause {clause.id!r}: incorporates {doc!r}, which is not one "
                                 "of the sheet's documents")
        return self


@dataclass(frozen=True)
class FactSpec:
    """A named fact clauses can depend on: its type, the question that settles it, and the
    activities a stated value means the use involves (`involves[True]`: when it is true), and
    the duties it settles (`settles`: clause values, e.g. `retain_notices`; a duty carrying one
    is not met when the fact is false)."""

    name: str
    type: Literal["bool", "number", "text"]
    question: str
    involves: dict[bool, Involves] = field(default_factory=dict)
    settles: tuple[str, ...] = ()


@cache
def fact_vocabulary() -> dict[str, FactSpec]:
    """The facts term sheets and use cases may name (catalog/data/facts.yaml), by name."""
    data = load_yaml((_data_dir() / "facts.yaml").read_text(encoding="utf-8"))
    out = {name: FactSpec(name, spec["type"], spec["question"],
                          {value: Involves.parse(spec.get(key)) for value, key in
                           ((True, "when_true"), (False, "when_false")) if spec.get(key)},
                          tuple(spec.get("settles") or ()))
           for name, spec in data["facts"].items()}
    known = taxonomy()
    for spec in out.values():
        for duty in spec.settles:
            if duty not in Value.model_fields:
                raise DataError(f"facts.{spec.name}.settles: {duty!r} is not a clause value",
                                path="catalog/data/facts.yaml")
        for inv in spec.involves.values():
            for tid in inv.ids():
                if tid not in known:
                    raise DataError(f"facts.{spec.name}: unknown taxonomy id {tid!r}",
                                    path="catalog/data/facts.yaml")
    for entry in known.values():
        for combined in entry.implies_with:
            for name, _value in combined.facts:
                if name not in out:
                    raise DataError(f"restrictions[{entry.id}].implies_with: unknown fact "
                                    f"{name!r}", path="catalog/data/taxonomy.yaml")
    return out


def _data_dir() -> Traversable:
    return files("licentia.catalog") / "data"


def _format_error(exc: ValidationError, data: Any) -> str:
    err = exc.errors()[0]
    loc = err["loc"]
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and step < len(node):
            node = node[step]
            label = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{label or step}]")
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    key = "".join(parts)
    return f"{key}: {err['msg']}"


def _load(raw: str, source: str) -> Any:
    try:
        return load_yaml(raw)
    except yaml.YAMLError as exc:
        raise DataError(f"not valid YAML: {exc}", path=source) from exc


def _sheet_files(folder: str) -> list[tuple[str, str]]:
    """(source, text) of each sheet in a data folder, in order of name."""
    return [(f"{folder}/{item.name}", item.read_text(encoding="utf-8"))
            for item in sorted((_data_dir() / folder).iterdir(), key=lambda t: t.name)
            if item.name.endswith(".yaml")]


def _sheets_in(folder: str) -> list[tuple[str, Sheet]]:
    """(source, sheet) of each sheet in a data folder, their YAML parsed once (see load_all:
    the 164 term sheets cost a scan or a check ~0.5 s to parse)."""
    files = _sheet_files(folder)
    return [(source, sheet_of(data, source)) for (source, _), data in
            zip(files, load_all(f"sheets-{folder}", files, _load), strict=True)]


def parse_sheet(raw: str, source: str) -> Sheet:
    """Parse and validate one term sheet; errors name the file and the key."""
    return sheet_of(_load(raw, source), source)


def sheet_of(data: Any, source: str) -> Sheet:
    """Validate the YAML document of one term sheet; errors name the file and the key."""
    if not isinstance(data, dict):
        raise DataError("a term sheet must be a mapping", path=source)
    try:
        sheet = Sheet.model_validate(data)
    except ValidationError as exc:
        raise DataError(_format_error(exc, data), path=source) from exc
    doc_ids = {d.id for d in sheet.documents}
    known = taxonomy()
    for clause in sheet.clauses:
        for ev in clause.evidence:
            if ev.document != "license" and ev.document not in doc_ids:
                raise DataError(f"clauses[{clause.id}].evidence: unknown document "
                                f"{ev.document!r}", path=source)
        if clause.incorporated_by_reference and clause.incorporated_by_reference not in doc_ids:
            raise DataError(f"clauses[{clause.id}].incorporated_by_reference: unknown document "
                            f"{clause.incorporated_by_reference!r}", path=source)
        for tid in clause.taxonomy:
            if tid not in known:
                raise DataError(f"clauses[{clause.id}].taxonomy: unknown taxonomy id {tid!r}",
                                path=source)
        for cond in clause.decided_by.when if clause.decided_by else ():
            if cond.fact not in fact_vocabulary():
                raise DataError(f"clauses[{clause.id}].decided_by: unknown fact {cond.fact!r}",
                                path=source)
        if clause.kind is ClauseKind.USE_RESTRICTION and not clause.taxonomy:
            raise DataError(f"clauses[{clause.id}].taxonomy: a use-restriction must map to at "
                            "least one taxonomy id", path=source)
    return sheet


@cache
def all_sheets() -> dict[str, Sheet]:
    """Every term sheet in the package, by license key."""
    sheets: dict[str, Sheet] = {}
    for source, sheet in _sheets_in("terms"):
        if sheet.license in sheets:
            raise DataError(f"license: {sheet.license!r} already has a term sheet", path=source)
        sheets[sheet.license] = sheet
    return sheets


@cache
def exception_sheets() -> dict[str, Sheet]:
    """Every sheet of a license exception (`data/exceptions/*.yaml`: what a WITH exception adds
    to the license it modifies), by exception key."""
    sheets: dict[str, Sheet] = {}
    for source, text in _sheet_files("exceptions"):
        sheet = parse_sheet(text, source)
        sheets[sheet.license] = sheet
    return sheets


def sheet_for(key: str) -> Sheet | None:
    """The term sheet of a license, or of a policy that a license incorporates by reference."""
    return all_sheets().get(key) or policy_sheet(key)


@cache
def policy_sheet(key: str) -> Sheet | None:
    """A sheet for a policy in the LicenseDB (the Gemma Prohibited Use Policy, the Llama 4
    Acceptable Use Policy), made of the clauses the licenses incorporating it take from it:
    the same quotes, checked against the same text."""
    parents = [(s, d) for s in all_sheets().values() for d in s.documents if d.licensedb == key]
    if not parents:
        return None
    sheet, doc = parents[0]
    clauses = tuple(
        c.model_copy(update={
            "incorporated_by_reference": None,
            "evidence": tuple(e.model_copy(update={"document": "license"})
                              for e in c.evidence if e.document == doc.id)})
        for c in sheet.clauses
        if c.incorporated_by_reference == doc.id and any(e.document == doc.id
                                                         for e in c.evidence))
    if not clauses:
        return None
    by = ", ".join(dict.fromkeys(s.title for s, _ in parents))
    return Sheet(license=key, title=doc.title, version=f"as incorporated by {by}",
                 family=sheet.family, facts=sheet.facts, clauses=clauses,
                 notes=f"A policy incorporated by reference into {by}: its prohibitions bind "
                       "as terms of those licenses." + (" The publisher may change it."
                                                        if doc.mutable else ""))
