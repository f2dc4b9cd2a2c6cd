# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What identification returns: a result per input, as values (and their contract JSON)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from licentia.catalog.catalog import License, catalog
from licentia.identify.expression import keys
from licentia.identify.matcher import Difference, Match

FORMAT_VERSION = 1


class Result(StrEnum):
    EXACT = "exact"
    MODIFIED = "modified"
    PARTIAL = "partial"
    MULTIPLE = "multiple"
    NONE = "none"
    NOT_TEXT = "not-text"


@dataclass(frozen=True)
class Declared:
    """What a model card declares, and whether its linked license file agrees."""

    values: tuple[str, ...]
    license_name: str | None
    license_link: str | None
    resolved: License | None
    candidates: tuple[str, ...] = ()  # a family tag's members
    link: Identification | None = None
    agrees: bool | None = None
    note: str | None = None


@dataclass(frozen=True)
class Identification:
    """One input's identification."""

    path: str
    result: Result
    license: License | None = None
    confidence: float = 0.0
    coverage: float = 0.0
    matches: tuple[Match, ...] = ()
    notes: tuple[str, ...] = ()
    declared: Declared | None = None
    expression: str = ""  # every license found, as one LicenseDB expression
    spdx_expression: str = ""

    @property
    def license_keys(self) -> tuple[str, ...]:
        """Every license key of the file's expression (each match's keys when it has none)."""
        found = keys(self.expression) if self.expression else []
        return tuple(dict.fromkeys(found or [m.key for m in self.matches]))

    @property
    def differences(self) -> tuple[Difference, ...]:
        return tuple(d for m in self.matches for d in m.differences)

    def to_json(self) -> dict[str, Any]:
        cat = catalog()

        def lic_json(key: str) -> dict[str, Any]:
            lic = cat.get(key)
            return lic.to_json() if lic else {"id": key, "spdx": None, "name": key}

        def diff_json(d: Difference, key: str) -> dict[str, Any]:
            return {"kind": d.kind.value, "reference": d.reference, "found": d.found,
                    "line": d.line, "section": d.section, "license": key}

        out: dict[str, Any] = {
            "path": self.path,
            "result": self.result.value,
            "license": self.license.to_json() if self.license else None,
            "confidence": round(self.confidence, 3),
            "coverage": round(self.coverage, 1),
            "matches": [
                {**lic_json(m.key), "start_line": m.start_line, "end_line": m.end_line,
                 "coverage": m.coverage, "kind": m.kind, "reference": m.source,
                 "exact": m.exact, "optional_absent": list(m.optional_absent),
                 "ambiguous_with": list(m.ambiguous_with),
                 "expression": m.license_expression}
                for m in self.matches
            ],
            "differences": [diff_json(d, m.key) for m in self.matches for d in m.differences],
            "notes": list(self.notes),
            "expression": self.expression or None,
            "spdx_expression": self.spdx_expression or None,
        }
        if self.declared is not None:
            dec = self.declared
            out["declared"] = {
                "license": list(dec.values), "license_name": dec.license_name,
                "license_link": dec.license_link,
                "resolved": dec.resolved.to_json() if dec.resolved else None,
                "candidates": list(dec.candidates),
                "link": dec.link.to_json() if dec.link else None,
                "agrees": dec.agrees, "note": dec.note,
            }
        return out


@dataclass(frozen=True)
class Failure:
    """An input that could not be read at all (missing, a directory, unreadable)."""

    path: str
    message: str
