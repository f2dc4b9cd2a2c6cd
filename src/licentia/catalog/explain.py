# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What `explain` shows for a license: its term sheet, or what the LicenseDB metadata gives."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from licentia.catalog.catalog import Family, License
from licentia.catalog.terms import Clause, ClauseKind, Sheet, sheet_for

KIND_ORDER = [ClauseKind.PERMISSION, ClauseKind.CONDITION, ClauseKind.LIMITATION,
              ClauseKind.USE_RESTRICTION, ClauseKind.THRESHOLD, ClauseKind.PATENT,
              ClauseKind.COPYLEFT, ClauseKind.TERMINATION, ClauseKind.DEFINITION]


@dataclass(frozen=True)
class Explanation:
    license: License
    sheet: Sheet | None

    @property
    def groups(self) -> list[tuple[ClauseKind, list[Clause]]]:
        if self.sheet is None:
            return []
        return [(kind, [c for c in self.sheet.clauses if c.kind is kind]) for kind in KIND_ORDER
                if any(c.kind is kind for c in self.sheet.clauses)]


def explain(lic: License) -> Explanation:
    return Explanation(lic, sheet_for(lic.key))


def license_json(lic: License, sheet: Sheet | None) -> dict[str, Any]:
    return {"id": lic.key, "name": sheet.title if sheet else lic.name, "spdx": lic.spdx,
            "version": sheet.version if sheet else None,
            "family": sheet.family if sheet else lic.family.value}


def clause_json(clause: Clause) -> dict[str, Any]:
    return {
        "id": clause.id,
        "kind": clause.kind.value,
        "title": clause.title,
        "taxonomy": list(clause.taxonomy),
        "value": clause.value.model_dump(mode="json", exclude_none=True),
        "artifacts": [a.value for a in clause.artifacts],
        "flows_down": clause.flows_down,
        "incorporated_by_reference": clause.incorporated_by_reference,
        "evidence": [{"quote": e.quote, "section": e.section, "document": e.document}
                     for e in clause.evidence],
        "note": clause.note,
    }


def facts_json(lic: License, sheet: Sheet | None) -> dict[str, Any]:
    if sheet is not None:
        return {**sheet.facts.model_dump(mode="json"), "source": "term sheet"}
    # without a term sheet, only what the LicenseDB metadata supports; the rest is unknown
    copyleft = {"Copyleft": "work", "Copyleft Limited": "library", "Permissive": "none",
                "Public Domain": "none"}.get(lic.category)
    return {"osi_approved": True if lic.osi_license_key else None, "fsf_free": None,
            "osaid_any_purpose": None, "commercial_use": None, "copyleft": copyleft,
            "source": f"LicenseDB metadata (category: {lic.category})"}


def to_json(exp: Explanation) -> dict[str, Any]:
    lic, sheet = exp.license, exp.sheet
    out: dict[str, Any] = {
        "license": license_json(lic, sheet),
        "facts": facts_json(lic, sheet),
        "clauses": [clause_json(c) for c in sheet.clauses] if sheet else [],
        "documents": [d.model_dump(mode="json", exclude_none=True) for d in sheet.documents]
        if sheet else [],
        "term_sheet": sheet is not None,
        "metadata": {"category": lic.category, "owner": lic.owner,
                     "homepage_url": lic.homepage_url, "source": lic.source.value},
    }
    if sheet is None:
        out["note"] = (f"licentia has no term sheet for {lic.key} yet: the clauses are not "
                       "analysed; the facts above come from the LicenseDB metadata only.")
        if lic.family is Family.AI:
            out["note"] += " AI licenses often carry use restrictions: read the text."
    return out
