# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identifications kept between scans: a file whose content this same licentia identified
before gets that identification back, so a second scan of a tree identifies only what changed.

Kept by the digest of what identify reads (identical.content_digest: the bytes and the
suffix), under a version of everything an identification depends on: licentia's own files
(code and data, by name, size and modification time), the LicenseDB, the index formats. Not
kept: failures (a file unreadable today may be readable tomorrow), files identified on their
own (a possible model card follows a link beside it), results that name their own path. One
cache file per version, verified when read (a damaged one is dropped); the others are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

import licentia
from licentia import cache as _cache
from licentia.catalog import licensedb
from licentia.catalog.catalog import catalog
from licentia.identify import Identification
from licentia.identify import index as _index
from licentia.identify import rules as _rules
from licentia.identify.found import Difference, DiffKind, Match
from licentia.identify.result import Result

MAX_KEPT = 100_000  # identifications in the cache file at most (about 1 KB each)
_PREFIX = "scan-results-v1-"


@cache
def version() -> str:
    """A digest of what an identification depends on besides the file's content."""
    h = hashlib.blake2b(digest_size=12)
    root = Path(licentia.__file__).parent
    parts = [licentia.__version__, str(_index.FORMAT), str(_rules.FORMAT), licensedb.version()]
    for path in sorted(root.rglob("*")):
        if "__pycache__" in path.parts or not path.is_file():
            continue
        stat = path.stat()
        parts.append(f"{path.relative_to(root).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    h.update("\n".join(parts).encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def cache_path() -> Path:
    return _cache.cache_dir() / f"{_PREFIX}{version()}.json"


class Kept:
    """The identifications kept for this version: `get` one by its content's key, `put` new
    ones, `save` them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        raw = _cache.read_verified(path)
        entries: dict[str, Any] = {}
        if raw is not None:
            with contextlib.suppress(ValueError, TypeError):
                loaded = json.loads(raw)
                entries = loaded if isinstance(loaded, dict) else {}
        self._entries = entries
        self._new: dict[str, Any] = {}

    @classmethod
    def open(cls) -> Kept:
        return cls(cache_path())

    def get(self, key: str, path: str) -> Identification | None:
        """The identification kept under `key` (a content's digest), as the file at `path`'s."""
        entry = self._entries.get(key)
        if entry is None:
            return None
        try:
            return _decode(entry, path)
        except (ValueError, TypeError, KeyError, IndexError):
            return None  # an entry this code cannot read: identified again

    def put(self, key: str, ident: Identification) -> None:
        entry = _encode(ident)
        if entry is not None:
            self._new[key] = entry

    def save(self) -> None:
        """Write the new identifications with the kept ones (the newest MAX_KEPT); a cache
        that cannot be written only costs identifying again next time."""
        if not self._new:
            return
        merged = {**self._entries, **self._new}
        if len(merged) > MAX_KEPT:
            merged = dict(list(merged.items())[-MAX_KEPT:])
        with contextlib.suppress(OSError):
            _cache.atomic_write_bytes(self.path, json.dumps(merged).encode())
            for other in self.path.parent.glob(f"{_PREFIX}*.json"):
                if other != self.path:
                    other.unlink(missing_ok=True)
        self._entries, self._new = merged, {}


def _encode(ident: Identification) -> list[Any] | None:
    """An identification as JSON values; None when it cannot be kept (a model card's, or one
    whose notes or matches name the file it was read from)."""
    if ident.declared is not None:
        return None
    entry = [ident.result.value, ident.license.key if ident.license else None,
             ident.confidence, ident.coverage, [_match(m) for m in ident.matches],
             list(ident.notes), ident.expression, ident.spdx_expression]
    if ident.path and ident.path in json.dumps(entry):
        return None
    # kept only what reads back as the same identification, field for field
    back = _decode(entry, ident.path)
    return entry if back == ident and _positions(back) == _positions(ident) else None


def _positions(ident: Identification) -> list[Any]:
    """What equality leaves out: where each match and difference is."""
    return [(m.span, m.chars, [d.chars for d in m.differences]) for m in ident.matches]


def _match(m: Match) -> list[Any]:
    return [m.key, m.kind, m.source, m.start_line, m.end_line, m.coverage, m.similarity,
            [_difference(d) for d in m.differences], list(m.optional_absent),
            list(m.ambiguous_with), list(m.span), m.expression,
            list(m.chars) if m.chars is not None else None]


def _difference(d: Difference) -> list[Any]:
    return [d.kind.value, d.reference, d.found, d.line, d.section, d.tokens,
            list(d.chars) if d.chars is not None else None]


def _pair(value: Any) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def _decode(entry: list[Any], path: str) -> Identification:
    result, key, confidence, coverage, matches, notes, expression, spdx = entry
    return Identification(
        path=path, result=Result(result), license=catalog().get(key) if key else None,
        confidence=confidence, coverage=coverage,
        matches=tuple(Match(k, kind, source, start, end, cov, sim,
                            tuple(Difference(DiffKind(dk), ref, found, line, section, tokens,
                                             _pair(dchars))
                                  for dk, ref, found, line, section, tokens, dchars in diffs),
                            tuple(absent), tuple(rivals), _pair(span) or (0, 0), expr,
                            _pair(chars))
                      for k, kind, source, start, end, cov, sim, diffs, absent, rivals, span,
                      expr, chars in matches),
        notes=tuple(notes), expression=expression, spdx_expression=spdx)
