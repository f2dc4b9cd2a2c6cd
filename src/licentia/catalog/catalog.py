# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The license catalog: one canonical key per license, and every name it goes by."""

from __future__ import annotations

import contextlib
import difflib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz import process as rf_process

from licentia import cache as _cache
from licentia.catalog import external, licensedb
from licentia.datafile import load_yaml
from licentia.errors import DataError, UnknownLicenseError

OPEN_CATEGORIES = {"Permissive", "Copyleft", "Copyleft Limited", "Public Domain"}
_FOLD = re.compile(r"[\s._\-]+")
_CACHE_FORMAT = 4


class Family(StrEnum):
    AI = "ai"
    OSS = "oss"
    DATA = "data"
    OTHER = "other"


class Source(StrEnum):
    LICENSEDB = "licensedb"
    LICENTIA = "licentia"  # known by licentia's own phrase data (not in the LicenseDB)
    TEMPLATE = "licentia-template"  # licentia's own license template (data/templates.yaml)


@dataclass(frozen=True)
class License:
    key: str
    name: str
    short_name: str
    spdx: str
    category: str
    owner: str
    family: Family
    source: Source
    homepage_url: str | None = None
    osi_license_key: str | None = None
    other_spdx: tuple[str, ...] = ()
    is_exception: bool = False
    is_deprecated: bool = False
    replaced_by: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    hf_tags: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()  # where the license is published (homepage and text URLs)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.key, "spdx": self.spdx, "name": self.name}


@dataclass(frozen=True)
class HfTag:
    """A Hugging Face `license:` tag: one license, a family of them, or none (other/unknown)."""

    tag: str
    name: str
    key: str | None = None
    family: tuple[str, ...] = ()
    default: str | None = None

    @property
    def is_none(self) -> bool:
        return self.key is None and not self.family


def url_key(url: str) -> str:
    """How URLs are compared: scheme, "www.", case and a trailing slash don't matter."""
    u = url.strip().lower()
    u = re.sub(r"^[a-z]+://", "", u)
    u = u.removeprefix("www.")
    return u.rstrip("/")


def fold(name: str) -> str:
    """How aliases are compared: case, spaces, dots, dashes and underscores don't matter."""
    return _FOLD.sub("", name.casefold())


_WORD = re.compile(r"[a-z0-9]+")
FAMILY_SHOWN = 8  # members named in the message; the rest are counted
MAX_SUGGESTED_CHARS = 200  # no license name is longer; a 4,000-character reference is cut


class Catalog:
    """Every license licentia knows, by key, with alias and Hugging Face tag look-up."""

    def __init__(self, licenses: Iterable[License], hf_tags: dict[str, HfTag]) -> None:
        self.licenses: dict[str, License] = {lic.key: lic for lic in licenses}
        self.hf_tags = hf_tags
        self._folded: dict[str, str] | None = None  # folded name -> name, for suggest()
        self._words: dict[str, set[str]] | None = None  # word -> keys, for family()

    # the look-up tables are built on first use: `get` (all identification needs) does without
    @cached_property
    def _spdx(self) -> dict[str, str]:
        # an SPDX id spelled exactly as SPDX spells it names that license even when it equals
        # another license's LicenseDB key but for case (SPDX BSL-1.0 is Boost, key bsl-1.0 the
        # Business Source License; SPDX X11 is x11-xconsortium, key x11 is SPDX ICU)
        spdx: dict[str, str] = {}
        current = sorted(self.licenses.values(), key=lambda lic: lic.is_deprecated)
        for name, key in [*((lic.spdx, lic.key) for lic in current),
                          *((o, lic.key) for lic in current for o in lic.other_spdx)]:
            if name and not name.startswith("LicenseRef-"):
                spdx.setdefault(name, key)
        return spdx

    @cached_property
    def _exact(self) -> dict[str, str]:
        # key, SPDX id, LicenseRef, other SPDX ids, HF tags (any case)
        exact: dict[str, str] = {}
        for lic in self.licenses.values():
            exact.setdefault(lic.key.casefold(), lic.key)
        for lic in self.licenses.values():
            for name in (lic.spdx, f"LicenseRef-scancode-{lic.key}", *lic.other_spdx):
                exact.setdefault(name.casefold(), lic.key)
        for tag in self.hf_tags.values():
            if tag.key:
                exact.setdefault(tag.tag.casefold(), tag.key)
        return exact

    @cached_property
    def _alias(self) -> dict[str, str]:
        # then common names
        alias: dict[str, str] = {}
        for lic in self.licenses.values():
            for name in (*lic.aliases, lic.short_name, lic.name):
                alias.setdefault(fold(name), lic.key)
        return alias

    @cached_property
    def _by_url(self) -> dict[str, list[str]]:
        by_url: dict[str, list[str]] = {}
        for lic in self.licenses.values():
            if lic.is_deprecated:
                continue
            for url in dict.fromkeys(url_key(u) for u in lic.urls):
                by_url.setdefault(url, []).append(lic.key)
        return by_url

    def keys_for_url(self, url: str) -> list[str]:
        """The licenses published at this address (several when it is shared, e.g. a family's
        page); [] when the LicenseDB knows no license there. Nothing is fetched."""
        return list(self._by_url.get(url_key(url), []))

    def get(self, key: str) -> License | None:
        return self.licenses.get(key)

    def lookup(self, ref: str) -> License | None:
        """The license a single reference names (key, SPDX id, LicenseRef, HF tag, name)."""
        ref = ref.strip()
        key = (self._spdx.get(ref) or self._exact.get(ref.casefold())
               or self._alias.get(fold(ref)))
        if key is None and ref.endswith("+"):
            # GPL-2.0+ style: the -plus key
            key = self._exact.get(ref[:-1].casefold() + "-plus")
        return self.licenses.get(key) if key else None

    def hf_tag(self, tag: str) -> HfTag | None:
        return self.hf_tags.get(tag.strip().lower())

    def _word_index(self) -> dict[str, set[str]]:
        if self._words is None:
            self._words = {}
            for lic in self.licenses.values():
                if lic.is_deprecated:
                    continue
                for name in (lic.key, lic.short_name, lic.name, *lic.aliases, *lic.hf_tags):
                    for word in _WORD.findall(name.lower()):
                        self._words.setdefault(word, set()).add(lic.key)
        return self._words

    def family(self, ref: str) -> list[str]:
        """The licenses a word names as a family ("RAIL", "Llama", "BLOOM"): those that have it
        as a whole word (or run of words) of their key, name, aliases or Hugging Face tags —
        and, when they all come from one publisher (the first word of their keys, e.g.
        `bigscience`), every license of that publisher. Best first: keys that begin with the
        word, then the shortest. Empty when the word names none."""
        words = _WORD.findall(ref.lower()[:MAX_SUGGESTED_CHARS])
        if not words:
            return []
        index = self._word_index()
        found = set.intersection(*(index.get(w, set()) for w in words))
        # the words in that order, side by side, in one of the license's names
        phrase = " ".join(words)
        found = {k for k in found if any(
            f" {phrase} " in f" {' '.join(_WORD.findall(n.lower()))} "
            for lic in [self.licenses[k]]
            for n in (lic.key, lic.short_name, lic.name, *lic.aliases, *lic.hf_tags))}
        publishers = {k.split("-")[0] for k in found}
        if len(publishers) == 1 and found:
            [publisher] = publishers
            found |= {k for k, lic in self.licenses.items()
                      if not lic.is_deprecated and k.split("-")[0] == publisher}
        lead = words[0]
        return sorted(found, key=lambda k: (not k.startswith(lead), len(k), k))

    def suggest(self, ref: str, limit: int = 3) -> list[str]:
        """Close matches for an unknown reference (SPDX ids, keys, HF tags)."""
        if self._folded is None:
            names = {lic.spdx: lic.spdx for lic in self.licenses.values()
                     if not lic.is_deprecated}
            names.update({lic.key: lic.key for lic in self.licenses.values()
                          if not lic.is_deprecated})
            names.update({t: t for t in self.hf_tags})
            self._folded = {}
            for name in names:
                self._folded.setdefault(fold(name), name)
        key = fold(ref)[:MAX_SUGGESTED_CHARS]
        # difflib's ratio never exceeds the indel ratio rapidfuzz computes in C: difflib ranks
        # only the 40 closest by that ratio (the same answers as over every name on 300
        # sampled misspellings), so 2,000 unknown references in a manifest cost seconds, not
        # minutes
        pool = [name for name, _score, _i in rf_process.extract(
            key, list(self._folded), scorer=fuzz.ratio, score_cutoff=59.0, limit=40)]
        hits = difflib.get_close_matches(key, pool, n=limit, cutoff=0.6)
        return [self._folded[h] for h in hits]

    def resolve(self, ref: str) -> License:
        """The license a reference names, or UnknownLicenseError with close matches."""
        lic = self.lookup(ref)
        if lic is not None:
            return lic
        tag = self.hf_tag(ref)
        if tag is not None and tag.default:
            return self.licenses[tag.default]
        if tag is not None:
            what = (f"the Hugging Face tag {tag.tag!r} names a family ({', '.join(tag.family)}), "
                    "not one license" if tag.family else
                    f"the Hugging Face tag {tag.tag!r} ({tag.name}) names no license "
                    "licentia knows")
            raise UnknownLicenseError(ref, [*tag.family][:5], detail=what)
        members = self.family(ref)
        if len(members) > 1:
            shown = members[:FAMILY_SHOWN]
            more = f" and {len(members) - len(shown)} more" if len(members) > len(shown) else ""
            raise UnknownLicenseError(ref, [], detail=(
                f"{ref!r} names a family of {len(members)} licenses, not one license: "
                f"{', '.join(shown)}{more} (give one of them)"))
        raise UnknownLicenseError(ref, members or self.suggest(ref))

    def list(self, family: Family | None = None, include_deprecated: bool = False) -> list[License]:
        out = [lic for lic in self.licenses.values()
               if (family is None or lic.family is family)
               and (include_deprecated or not lic.is_deprecated)]
        return sorted(out, key=lambda lic: lic.key)


@cache
def _alias_data() -> dict[str, Any]:
    raw = (files("licentia.catalog") / "data" / "aliases.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(raw)
    return data


@cache
def _template_data() -> list[dict[str, Any]]:
    raw = (files("licentia.catalog") / "data" / "templates.yaml").read_text(encoding="utf-8")
    data: list[dict[str, Any]] = load_yaml(raw)["templates"]
    return data


def _family(key: str, category: str, fam: dict[str, Any]) -> Family:
    if key in fam["ai"]:
        return Family.AI
    if key in fam["data"] or any(key.startswith(p) for p in fam["data_prefixes"]):
        return Family.DATA
    return Family.OSS if category in OPEN_CATEGORIES else Family.OTHER


def _db_entries() -> list[licensedb.DbEntry]:
    """LicenseDB metadata, from the cache when the LicenseDB has not changed."""
    path = _cache.cache_dir() / f"catalog-v{_CACHE_FORMAT}-licensedb-{licensedb.version()}.json"
    raw = _cache.read_verified(path)  # None when missing or damaged (then rebuilt)
    names = [f.name for f in fields(licensedb.DbEntry)]
    if raw is not None:
        try:
            rows = json.loads(raw.decode("utf-8"))
            # rows of values in field order (no field names to parse 2,600 times)
            listed = [i for i, name in enumerate(names) if name in _TUPLE_FIELDS]
            out = []
            for row in rows:
                for i in listed:
                    row[i] = tuple(row[i])
                out.append(licensedb.DbEntry(*row))
            return out
        except (ValueError, TypeError, AttributeError, IndexError, KeyError):
            path.unlink(missing_ok=True)
    entries = licensedb.read_entries()
    with contextlib.suppress(OSError):  # a read-only cache only costs a re-read next time
        rows = [[getattr(e, name) for name in names] for e in entries]
        _cache.atomic_write_bytes(path, json.dumps(rows).encode())
        for stale in path.parent.glob("catalog-v*-licensedb-*.json"):
            if stale != path:  # an older format or another LicenseDB
                stale.unlink(missing_ok=True)
    return entries


_TUPLE_FIELDS = {f.name for f in fields(licensedb.DbEntry) if "tuple" in str(f.type)}


@cache
def catalog() -> Catalog:
    """The catalog of the installed LicenseDB plus licentia's own entries."""
    data = _alias_data()
    tags: dict[str, HfTag] = {}
    for tag, spec in data["hf_tags"].items():
        tags[tag] = HfTag(tag=tag, name=spec.get("name", tag), key=spec.get("key"),
                          family=tuple(spec.get("family", ())), default=spec.get("default"))
    names: dict[str, list[str]] = data["names"]
    fam = data["families"]
    tags_by_key: dict[str, list[str]] = {}
    for tag in tags.values():
        if tag.key:
            tags_by_key.setdefault(tag.key, []).append(tag.tag)
    licenses: list[License] = []
    for e in _db_entries():
        licenses.append(License(
            key=e.key, name=e.name, short_name=e.short_name, spdx=e.spdx, category=e.category,
            owner=e.owner, family=_family(e.key, e.category, fam), source=Source.LICENSEDB,
            homepage_url=e.homepage_url, osi_license_key=e.osi_license_key,
            other_spdx=e.other_spdx_license_keys, is_exception=e.is_exception,
            is_deprecated=e.is_deprecated, replaced_by=e.replaced_by,
            aliases=tuple(names.get(e.key, ())), hf_tags=tuple(tags_by_key.get(e.key, ())),
            # where the license itself is published; other_urls are only related pages
            urls=tuple(u for u in (e.homepage_url, *e.text_urls) if u),
        ))
    for ext in external.all_external().values():
        if ext.kind != "license":
            continue
        licenses.append(License(
            key=ext.id, name=ext.name, short_name=ext.short_name, spdx=ext.spdx,
            category=ext.category, owner=ext.owner, family=Family(ext.family),
            source=Source.LICENTIA, homepage_url=ext.homepage_url,
            aliases=tuple(names.get(ext.id, ())), hf_tags=tuple(tags_by_key.get(ext.id, ())),
            urls=(ext.homepage_url,) if ext.homepage_url else (),
        ))
    for tpl in _template_data():
        licenses.append(License(
            key=tpl["id"], name=tpl["name"], short_name=tpl["short_name"], spdx=tpl["spdx"],
            category=tpl["category"], owner=tpl["owner"], family=Family.AI,
            source=Source.TEMPLATE, aliases=tuple(tpl.get("aliases", ())),
        ))
    cat = Catalog(licenses, tags)
    missing = [k for t in tags.values() for k in (t.key, *t.family, t.default) if k and
               k not in cat.licenses]
    missing += [k for k in names if k not in cat.licenses]
    if missing:
        raise DataError(f"unknown license keys: {', '.join(sorted(set(missing)))}",
                        path="catalog/data/aliases.yaml")
    return cat
