# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What a licensor chooses when drafting licentia's own RAIL-style license: the values, checked.

Options come from the user (flags or a choices YAML file), so every problem is reported, all in
one error, with the closest valid value for a misspelt one.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import yaml

from licentia.catalog.taxonomy import taxonomy
from licentia.errors import DataError, InputError
from licentia.suggest import unknown
from licentia.userfile import (
    as_bool,
    as_text,
    as_text_list,
    copyright_year,
    load_user_yaml,
    one_line,
)

TEMPLATE_ID = "licentia-rail-1.0"
TEMPLATE_VERSION = "1.0"
DEFAULT_GOVERNING_LAW = "[jurisdiction to be completed by the Licensor]"


class Covered(StrEnum):
    """What the drafted license covers (the contract's `--artifacts` values)."""

    MODEL = "model"
    CODE = "code"
    DATA = "data"
    APPLICATION = "application"


class Grant(StrEnum):
    """How far the grant reaches."""

    OPEN = "open"  # any purpose, commercial included, minus the use restrictions
    RESEARCH = "research"  # non-commercial research, teaching and evaluation only
    NON_COMMERCIAL = "non-commercial"  # any non-commercial purpose


@dataclass(frozen=True)
class Restriction:
    """One use-restriction paragraph of the template (Attachment A)."""

    id: str
    title: str
    sentence: str


@dataclass(frozen=True)
class TemplateText:
    """The template's restriction paragraphs and the ids it does not take as restrictions."""

    id: str
    restrictions: dict[str, Restriction]
    not_restrictions: dict[str, str]


@cache
def template_text() -> TemplateText:
    """The use-restriction paragraphs of licentia-rail-1.0, checked against the taxonomy."""
    source = files("licentia.catalog.template") / "data" / "rail-1.0.yaml"
    raw = source.read_text(encoding="utf-8")
    data = yaml.safe_load(raw)
    lead = str(data["lead"])
    items = {
        tid: Restriction(tid, str(spec["title"]), f"{lead} {spec['text']}")
        for tid, spec in data["restrictions"].items()
    }
    bad = sorted(set(items) - set(taxonomy()))
    if bad:
        raise DataError(f"restrictions: unknown taxonomy ids {bad}",
                        path="catalog/template/data/rail-1.0.yaml")
    return TemplateText(str(data["template"]), items, dict(data.get("not_restrictions") or {}))


@dataclass(frozen=True)
class Choices:
    """A licensor's choices for licentia-rail-1.0; `restrictions` in taxonomy order."""

    holder: str
    year: int
    covered: tuple[Covered, ...]
    grant: Grant
    partner_track: bool = False
    restrictions: tuple[str, ...] = ()
    name: str | None = None
    governing_law: str = DEFAULT_GOVERNING_LAW

    @classmethod
    def build(
        cls,
        holder: str,
        covered: Iterable[str],
        grant: str,
        partner_track: bool = False,
        restrictions: Iterable[str] = (),
        *,
        year: int | None = None,
        name: str | None = None,
        governing_law: str | None = None,
        source: str | None = None,
    ) -> Choices:
        """Checked choices; InputError naming every problem (and the closest valid value)."""
        problems: list[str] = []
        try:
            holder = one_line(holder, "holder")
        except InputError as exc:
            problems.append(str(exc))
            holder = "-"
        if not holder:
            problems.append("holder: give the licensor's name")
        cov: list[Covered] = []
        for value in covered:
            value = value.strip().lower()
            if not value:
                continue
            try:
                item = Covered(value)
            except ValueError:
                problems.append("artifacts: " + unknown("value", value, [c.value for c in Covered]))
                continue
            if item not in cov:
                cov.append(item)
        if not cov and not any("artifacts" in p for p in problems):
            problems.append("artifacts: name at least one of "
                            + ", ".join(c.value for c in Covered))
        try:
            grant_value = Grant(grant.strip().lower())
        except ValueError:
            problems.append("grant: " + unknown("value", grant, [g.value for g in Grant]))
            grant_value = Grant.OPEN
        if partner_track and grant_value is Grant.OPEN and "grant" not in " ".join(problems):
            problems.append("partner-track: a commercial-partner track needs a grant that excludes "
                            "commercial use (--grant research or --grant non-commercial); an open "
                            "grant already allows commercial use")
        text = template_text()
        chosen: set[str] = set()
        for tid in restrictions:
            tid = tid.strip()
            if not tid:
                continue
            if tid in text.restrictions:
                chosen.add(tid)
            elif tid in text.not_restrictions:
                problems.append(f"restrict: {tid!r} is not a use restriction of {TEMPLATE_ID}: "
                                f"{text.not_restrictions[tid]}")
            else:
                problems.append("restrict: " + unknown("taxonomy id", tid, text.restrictions))
        law = " ".join((governing_law or "").split()) or DEFAULT_GOVERNING_LAW
        clean_name = " ".join(name.split()) if name else None
        if year is None:
            year = date.today().year
        try:
            copyright_year(year, "year")
        except InputError as exc:
            problems.append(str(exc))
        if problems:
            raise InputError("; ".join(problems), path=source)
        order = list(taxonomy())
        return cls(holder=holder, year=year, covered=tuple(c for c in Covered if c in cov),
                   grant=grant_value, partner_track=partner_track,
                   restrictions=tuple(sorted(chosen, key=order.index)), name=clean_name or None,
                   governing_law=law)

    @classmethod
    def from_file(cls, path: Path, **overrides: Any) -> Choices:
        """Choices from a YAML file (the keys of `draft custom`'s options); flags override."""
        return cls.from_mapping(load_user_yaml(path, "choices file"), path, **overrides)

    @classmethod
    def from_mapping(cls, data: Any, path: Path | str, **overrides: Any) -> Choices:
        """Choices from parsed YAML (or a mapping given in Python); `path` names its source in
        errors; `overrides` that are not None win."""
        if not isinstance(data, Mapping):
            raise InputError("a choices file must be a mapping of option names to values",
                             path=path)
        known = {"holder", "artifacts", "grant", "partner_track", "restrict", "year", "name",
                 "governing_law"}
        problems = [unknown("key", str(k), sorted(known)) for k in data if k not in known]
        if problems:
            raise InputError("; ".join(problems), path=path)
        merged: dict[str, Any] = {**data, **{k: v for k, v in overrides.items() if v is not None}}

        def text(key: str) -> str | None:  # strict: a list is not a holder, 'no' is not true
            value = merged.get(key)
            return None if value is None else as_text(value, key, path)

        year = merged.get("year")
        partner = merged.get("partner_track")
        return cls.build(
            text("holder") or "", as_text_list(merged.get("artifacts"), "artifacts", path),
            text("grant") or "", False if partner is None else as_bool(partner,
                                                                       "partner_track", path),
            as_text_list(merged.get("restrict"), "restrict", path),
            year=None if year is None else copyright_year(year, "year", path),
            name=text("name") or None, governing_law=text("governing_law") or None,
            source=str(path),
        )

    @property
    def restriction_paragraphs(self) -> list[Restriction]:
        text = template_text()
        return [text.restrictions[tid] for tid in self.restrictions]

    def to_json(self) -> dict[str, Any]:
        return {"template": TEMPLATE_ID, "holder": self.holder, "year": self.year,
                "artifacts": [c.value for c in self.covered], "grant": self.grant.value,
                "partner_track": self.partner_track, "restrict": list(self.restrictions),
                "name": self.name, "governing_law": self.governing_law}

    def command(self) -> str:
        """The `licentia draft custom` command line that drafts exactly these choices (every
        choice that shapes the text, each quoted for a POSIX shell).

        >>> Choices.build("Acme", ["model"], "research", True, ["military"], year=2026,
        ...               name="Acme-7B", governing_law="the State of New York").command()
        "licentia draft custom --holder Acme --artifacts model --grant research --partner-track \
--restrict military --year 2026 --name Acme-7B --governing-law 'the State of New York'"
        """
        parts = ["licentia", "draft", "custom", "--holder", shlex.quote(self.holder),
                 "--artifacts", ",".join(c.value for c in self.covered),
                 "--grant", self.grant.value]
        if self.partner_track:
            parts.append("--partner-track")
        if self.restrictions:
            parts += ["--restrict", ",".join(self.restrictions)]
        parts += ["--year", str(self.year)]
        if self.name:
            parts += ["--name", shlex.quote(self.name)]
        if self.governing_law != DEFAULT_GOVERNING_LAW:
            parts += ["--governing-law", shlex.quote(self.governing_law)]
        return " ".join(parts)
