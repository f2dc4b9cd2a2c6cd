# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The shared use-restriction taxonomy (catalog/data/taxonomy.yaml): the activities licenses
restrict, what doing one implies, and what it involves under stated facts. Plain data, read
without the term-sheet schema, so that what needs only the taxonomy stays light to import."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any

from licentia.datafile import load_yaml
from licentia.errors import DataError


@dataclass(frozen=True)
class Involves:
    """Activities (taxonomy ids) a use involves: `does` as if it said it does them, `touches`
    as words of their domain (gray at most, never a silent clear)."""

    does: tuple[str, ...] = ()
    touches: tuple[str, ...] = ()

    @classmethod
    def parse(cls, data: dict[str, Any] | None) -> Involves:
        data = data or {}
        return cls(tuple(data.get("does", ())), tuple(data.get("touches", ())))

    def ids(self) -> tuple[str, ...]:
        return (*self.does, *self.touches)


@dataclass(frozen=True)
class Combined:
    """Doing an activity while the facts are as stated involves further activities (sexual
    content of people who did not consent is harassment)."""

    facts: tuple[tuple[str, bool], ...]
    involves: Involves
    activities: tuple[str, ...] = ()  # other activities the use must involve too


@dataclass(frozen=True)
class TaxonomyEntry:
    id: str
    description: str
    examples: tuple[str, ...]
    implies: tuple[str, ...] = ()
    implies_with: tuple[Combined, ...] = ()


@cache
def taxonomy() -> dict[str, TaxonomyEntry]:
    """The shared use-restriction taxonomy, by id."""
    raw = (files("licentia.catalog") / "data" / "taxonomy.yaml").read_text(encoding="utf-8")
    data = load_yaml(raw)
    entries = {
        item["id"]: TaxonomyEntry(item["id"], item["description"], tuple(item.get("examples", ())),
                                  tuple(item.get("implies", ())),
                                  tuple(Combined(tuple((c.get("facts") or {}).items()),
                                                 Involves.parse(c), tuple(c.get("activities", ())))
                                        for c in item.get("implies_with", ())))
        for item in data["restrictions"]
    }
    for entry in entries.values():
        for implied in (*entry.implies, *(t for c in entry.implies_with
                                          for t in (*c.involves.ids(), *c.activities))):
            if implied not in entries:
                raise DataError(f"restrictions[{entry.id}].implies: unknown id {implied!r}",
                                path="catalog/data/taxonomy.yaml")
    return entries
