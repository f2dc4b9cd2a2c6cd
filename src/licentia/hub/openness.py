# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""How open a license, or a release, is: OSI approval (the term sheet, else the LicenseDB's
OSI key), the OSI Open Source AI Definition 1.0 (any purpose, study, modify, share: a
field-of-use restriction, a non-commercial limit, a user threshold or a ban on derivatives
fails it, quoted), and the Model Openness Framework class a release's components reach by their
licenses (MOF: open-source licenses for code, open licenses for weights and data)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from licentia.analysis.findings import Evidence
from licentia.analysis.manifest import Kind, Manifest
from licentia.analysis.profile import profile
from licentia.catalog.catalog import catalog
from licentia.catalog.terms import sheet_for
from licentia.identify.expression import keys as expression_keys
from licentia.scan.result import Scan

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Failure:
    """Why a license fails the OSAID: the term and its quotes."""

    reason: str
    evidence: tuple[Evidence, ...]

    def to_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "evidence": [e.to_json() for e in self.evidence]}


@dataclass(frozen=True)
class LicenseOpenness:
    key: str
    name: str
    osi_approved: bool | None  # None: not known (no term sheet, no LicenseDB OSI key)
    osaid: bool | None
    failures: tuple[Failure, ...]
    source: str  # term sheet | LicenseDB metadata

    @property
    def open_for_weights_and_data(self) -> bool | None:
        """MOF's open license for weights and data: any purpose, modify, share (OSAID's test)."""
        return self.osaid

    def to_json(self) -> dict[str, Any]:
        return {"license": self.key, "name": self.name, "osi_approved": self.osi_approved,
                "osaid": self.osaid, "osaid_failures": [f.to_json() for f in self.failures],
                "source": self.source}


def license_openness(key: str) -> LicenseOpenness:
    lic = catalog().licenses[key]
    sheet = sheet_for(key)
    if sheet is None:
        osi = True if lic.osi_license_key else None
        return LicenseOpenness(key, lic.name, osi, True if osi else None, (),
                               f"LicenseDB metadata (category {lic.category})")
    p = profile(key)
    failures: list[Failure] = []
    if p.use_restrictions:
        ids = sorted(p.restriction_taxonomy)
        failures.append(Failure(
            "field-of-use restrictions (" + ", ".join(ids[:8]) + ("..." if len(ids) > 8 else "")
            + "): not usable for any purpose", p.evidence(*p.use_restrictions[:3])))
    if p.non_commercial is not None:
        failures.append(Failure("non-commercial use only", p.evidence(p.non_commercial)))
    if p.thresholds:
        failures.append(Failure("a user or revenue threshold above which the grant ends",
                                p.evidence(*p.thresholds[:2])))
    if p.no_derivatives is not None:
        failures.append(Failure("no derivatives: not free to modify and share",
                                p.evidence(p.no_derivatives)))
    osaid = not failures and sheet.facts.osaid_any_purpose
    return LicenseOpenness(key, sheet.title, sheet.facts.osi_approved, osaid, tuple(failures),
                           "term sheet")


class MofClass(StrEnum):
    OPEN_SCIENCE = "I"  # + datasets
    OPEN_TOOLING = "II"  # + code (training, inference, evaluation)
    OPEN_MODEL = "III"  # model architecture and weights
    NONE = "none"


@dataclass(frozen=True)
class ComponentOpenness:
    component: str
    kind: str
    licenses: tuple[LicenseOpenness, ...]
    open: bool | None  # None: a license's openness is not known

    def to_json(self) -> dict[str, Any]:
        return {"component": self.component, "kind": self.kind, "open": self.open,
                "licenses": [lic.key for lic in self.licenses]}


@dataclass(frozen=True)
class ReleaseOpenness:
    project: str
    mof_class: MofClass
    why: tuple[str, ...]
    components: tuple[ComponentOpenness, ...]
    licenses: tuple[LicenseOpenness, ...]

    def to_json(self) -> dict[str, Any]:
        return {"format_version": FORMAT_VERSION, "project": self.project,
                "mof_class": self.mof_class.value, "why": list(self.why),
                "components": [c.to_json() for c in self.components],
                "licenses": [lic.to_json() for lic in self.licenses],
                "note": "MOF classes also ask for documents (model and data cards, technical "
                        "report, paper) and artifacts licentia does not check: the class is "
                        "the one the components' licenses allow."}


def _component(cid: str, kind: Kind, keys: tuple[str, ...]) -> ComponentOpenness:
    lics = tuple(license_openness(k) for k in keys)
    test = [lic.osi_approved if kind is Kind.CODE else lic.open_for_weights_and_data
            for lic in lics]
    known = all(t is not None for t in test) and bool(test)
    return ComponentOpenness(cid, kind.value, lics, all(test) if known else None)


def release_openness(m: Manifest) -> ReleaseOpenness:
    """The MOF class a release's components reach by their licenses: III when every model is
    openly licensed, II when its code (OSI-approved) is too, I when its datasets are as well."""
    return _classify(m.project, tuple(
        _component(c.id, c.kind, c.license.alternatives[0] if c.license.alternatives else ())
        for c in m.components))


CODE_SUFFIXES = frozenset({".py", ".ipynb", ".c", ".cc", ".cpp", ".cu", ".h", ".hpp", ".js",
                           ".ts", ".rs", ".go", ".java", ".sh", ".jl", ".swift", ".kt"})
DATA_SUFFIXES = frozenset({".jsonl", ".parquet", ".csv", ".tsv", ".arrow"})


def scan_openness(s: Scan) -> ReleaseOpenness:
    """The MOF class of a scanned model folder: its weights under the model's license (card,
    LICENSE files), each code and data file under its own license, or the model's when the
    file states none."""
    model_keys = tuple(expression_keys(s.model.expression)) if s.model is not None and \
        s.model.expression else ()
    comps = [_component(s.model.name if s.model else str(s.root), Kind.MODEL, model_keys)]
    groups: dict[tuple[Kind, tuple[str, ...]], list[str]] = {}
    for f in s.tree.files:
        suffix = Path(f.path).suffix.lower()
        kind = Kind.CODE if suffix in CODE_SUFFIXES else \
            Kind.DATASET if suffix in DATA_SUFFIXES else None
        if kind is not None:
            groups.setdefault((kind, tuple(sorted(f.keys)) or model_keys), []).append(f.path)
    for (kind, keys), paths in sorted(groups.items()):
        more = f" and {len(paths) - 1} more" if len(paths) > 1 else ""
        comps.append(_component(f"{paths[0]}{more}", kind, keys))
    return _classify(s.target, tuple(comps))


def _classify(project: str, comps: tuple[ComponentOpenness, ...]) -> ReleaseOpenness:
    by_kind = {k: [c for c in comps if c.kind == k.value] for k in Kind}
    why: list[str] = []

    def all_open(kind: Kind, what: str) -> bool:
        items = by_kind[kind]
        if not items:
            why.append(f"no {what} component listed")
            return False
        closed = [c.component for c in items if c.open is not True]
        if closed:
            why.append(f"{what} not openly licensed (or not known to be): {', '.join(closed)}")
        return not closed

    cls = MofClass.NONE
    if all_open(Kind.MODEL, "model"):
        cls = MofClass.OPEN_MODEL
        if all_open(Kind.CODE, "code"):
            cls = MofClass.OPEN_TOOLING
            if all_open(Kind.DATASET, "dataset"):
                cls = MofClass.OPEN_SCIENCE
    keys = dict.fromkeys(lic.key for c in comps for lic in c.licenses)
    return ReleaseOpenness(project, cls, tuple(why), comps,
                           tuple(license_openness(k) for k in keys))
