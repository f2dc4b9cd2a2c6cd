# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Read ScanCode's LicenseDB (reference texts, metadata) as installed by scancode-toolkit-mini."""

from __future__ import annotations

import importlib.metadata
import importlib.resources
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from licentia.datafile import load_yaml
from licentia.errors import DataError, LicentiaError

DISTRIBUTION = "scancode-toolkit-mini"



@dataclass(frozen=True)
class DbEntry:
    """One license of the LicenseDB: its front-matter metadata."""

    key: str
    name: str
    short_name: str
    category: str
    owner: str
    spdx_license_key: str | None = None
    other_spdx_license_keys: tuple[str, ...] = ()
    osi_license_key: str | None = None
    homepage_url: str | None = None
    text_urls: tuple[str, ...] = ()
    other_urls: tuple[str, ...] = ()
    is_exception: bool = False
    is_deprecated: bool = False
    is_unknown: bool = False
    is_generic: bool = False
    replaced_by: tuple[str, ...] = ()
    ignorable_copyrights: tuple[str, ...] = field(default=(), repr=False)

    @property
    def spdx(self) -> str:
        return self.spdx_license_key or f"LicenseRef-scancode-{self.key}"

    @classmethod
    def from_front_matter(cls, data: dict[str, Any]) -> DbEntry:
        def tup(name: str) -> tuple[str, ...]:
            value = data.get(name) or ()
            return tuple(str(v) for v in value)

        def flag(name: str) -> bool:
            return str(data.get(name, "")).lower() in {"yes", "true"}

        return cls(
            key=str(data["key"]),
            name=str(data.get("name") or data["key"]),
            short_name=str(data.get("short_name") or data.get("name") or data["key"]),
            category=str(data.get("category") or "Unstated License"),
            owner=str(data.get("owner") or ""),
            spdx_license_key=data.get("spdx_license_key") or None,
            other_spdx_license_keys=tup("other_spdx_license_keys"),
            osi_license_key=data.get("osi_license_key") or None,
            homepage_url=data.get("homepage_url") or None,
            text_urls=tup("text_urls"),
            other_urls=tup("other_urls"),
            is_exception=flag("is_exception"),
            is_deprecated=flag("is_deprecated"),
            is_unknown=flag("is_unknown"),
            is_generic=flag("is_generic"),
            replaced_by=tup("replaced_by"),
            ignorable_copyrights=tup("ignorable_copyrights"),
        )


def _data_root() -> Traversable:
    try:
        return importlib.resources.files("licensedcode") / "data"
    except ModuleNotFoundError as exc:  # pragma: no cover - dependency always installed
        raise LicentiaError(
            f"the LicenseDB is not installed: install {DISTRIBUTION} (pip install {DISTRIBUTION})"
        ) from exc


def licenses_dir() -> Traversable:
    return _data_root() / "licenses"


def rules_dir() -> Traversable:
    return _data_root() / "rules"


@cache
def version() -> str:
    """The installed LicenseDB version (that of the scancode-toolkit-mini distribution)."""
    try:
        return importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover
        return "unknown"


def split_front_matter(raw: str, source: str) -> tuple[dict[str, Any], str]:
    """Split a ScanCode data file into its YAML front matter and its text."""
    if not raw.startswith("---"):
        return {}, raw
    parts = raw.split("\n---", 1)
    if len(parts) != 2:
        raise DataError("front matter is not closed by '---'", path=source)
    try:
        meta = load_yaml(parts[0][3:]) or {}
    except yaml.YAMLError as exc:
        raise DataError(f"front matter is not valid YAML: {exc}", path=source) from exc
    text = parts[1]
    text = text[text.find("\n") + 1 :] if "\n" in text else ""
    return meta, text


def iter_license_files() -> Iterator[tuple[str, str]]:
    """Yield (file name, raw content) of every .LICENSE file."""
    for item in sorted(licenses_dir().iterdir(), key=lambda t: t.name):
        if item.name.endswith(".LICENSE"):
            yield item.name, item.read_text(encoding="utf-8")


def read_entries() -> list[DbEntry]:
    """Metadata of every license in the LicenseDB (reads ~2,600 files: cache the result)."""
    entries = []
    for name, raw in iter_license_files():
        meta, _ = split_front_matter(raw, name)
        if "key" in meta:
            entries.append(DbEntry.from_front_matter(meta))
    return entries


def read_text(key: str) -> str:
    """The reference text of a license, front matter stripped."""
    item = licenses_dir() / f"{key}.LICENSE"
    try:
        raw = item.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise LicentiaError(f"no reference text for {key!r} in the LicenseDB") from exc
    return split_front_matter(raw, item.name)[1]


def read_rule_text(name: str) -> str:
    """The text of a LicenseDB rule file (e.g. a fuller copy of a license text, with the
    appendix its .LICENSE file lacks), front matter stripped."""
    item = rules_dir() / name
    try:
        raw = item.read_text(encoding="utf-8") if name.endswith(".RULE") else None
    except FileNotFoundError:
        raw = None
    if raw is None:
        raise LicentiaError(f"no rule {name!r} in the LicenseDB")
    return split_front_matter(raw, item.name)[1]


@cache
def legalese() -> frozenset[str]:
    """ScanCode's common license words ("legalese": 'warranty', 'hereby', 'distribute', ...),
    the words it counts as saying something legal (licensedcode.legalese.common_license_words,
    scancode-toolkit-mini, Apache-2.0), read from the installed package."""
    try:
        from licensedcode.legalese import common_license_words
    except ModuleNotFoundError as exc:  # pragma: no cover - dependency always installed
        raise LicentiaError(f"ScanCode's legalese is not installed: install {DISTRIBUTION}") \
            from exc
    return frozenset(common_license_words)
