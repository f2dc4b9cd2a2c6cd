# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identical files are identified once: a file's identification depends on its bytes only, so
a copy (a vendored file twice, empty `__init__.py`s, the same LICENSE in every package) gets
the identification of the first file with the same content, under its own path.

Only files whose size another file shares are read to compare them (a file of a size no other
file has cannot be a copy); the comparison is a BLAKE2b digest of the whole content and the
file's suffix (identify reads a `.docx` by its suffix). A file that may be a model card (YAML
front matter, or UTF-16 text that could hold some) is always identified on its own: a card's
identification follows its `license_link` to a file beside it.
"""

from __future__ import annotations

import codecs
import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from licentia.identify import Failure, Identification
from licentia.scan.kept import Kept

_READ = 1 << 20


_ON_ITS_OWN = (b"---", codecs.BOM_UTF8 + b"---", codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _digest(path: Path) -> bytes | None:
    """The content's digest, or None when the file is identified on its own (it cannot be
    read, which identify reports; it may be a model card)."""
    h = hashlib.blake2b(path.suffix.lower().encode("utf-8", "replace"), digest_size=20)
    try:
        with path.open("rb") as fh:
            chunk = fh.read(_READ)
            if chunk.startswith(_ON_ITS_OWN):
                return None
            while chunk:
                h.update(chunk)
                chunk = fh.read(_READ)
    except OSError:
        return None
    return h.digest()


def _digests(paths: Sequence[Path], sizes: Sequence[int], every: bool) -> list[bytes | None]:
    """Each file's content digest: of every file, or only of those whose size another file
    shares (None for the others, and for files identified on their own)."""
    count = Counter(sizes)
    return [_digest(p) if every or count[size] > 1 else None
            for p, size in zip(paths, sizes, strict=True)]


def _first(digests: Sequence[bytes | None]) -> list[int]:
    seen: dict[bytes, int] = {}
    return [n if d is None else seen.setdefault(d, n) for n, d in enumerate(digests)]


def first_copies(paths: Sequence[Path], sizes: Sequence[int]) -> list[int]:
    """For each path, the index of the first path with the same content (itself when none
    before it has)."""
    return _first(_digests(paths, sizes, every=False))


Identified = Identification | Failure


@dataclass(frozen=True)
class Plan:
    """What must be identified of `paths` (`todo`: the first of each distinct
    content, none kept by an earlier scan), and how the results go back to every path."""

    paths: Sequence[Path]
    digests: list[bytes | None]
    first: list[int]
    known: dict[int, Identified]
    distinct: list[int]
    kept: Kept | None
    kind: str

    @property
    def todo(self) -> list[Path]:
        return [self.paths[n] for n in self.distinct]


def plan_once(paths: Sequence[Path], sizes: Sequence[int], kept: Kept | None = None,
              kind: str = "") -> Plan:
    """Which of `paths` to identify: each distinct content once (copies get the first one's
    result under their own path, finish_once); with `kept`, a content identified by an earlier
    scan (as `kind`) not again."""
    digests = _digests(paths, sizes, every=kept is not None)
    first = _first(digests)
    known: dict[int, Identified] = {}
    if kept is not None:
        for n, (f, digest) in enumerate(zip(first, digests, strict=True)):
            if f == n and digest is not None:
                cached = kept.get(f"{kind}:{digest.hex()}", str(paths[n]))
                if cached is not None:
                    known[n] = cached
    distinct = [n for n, f in enumerate(first) if f == n and n not in known]
    return Plan(paths, digests, first, known, distinct, kept, kind)


def finish_once(plan: Plan, identified: Sequence[Identified]) -> list[Identified]:
    """Each path's identification, from those of `plan.todo` (in order): copies get the first
    one's under their own path; what was identified now is kept."""
    found = dict(zip(plan.distinct, identified, strict=True))
    if plan.kept is not None:
        for n in plan.distinct:
            digest, new = plan.digests[n], found[n]
            if digest is not None and isinstance(new, Identification):
                plan.kept.put(f"{plan.kind}:{digest.hex()}", new)
    found.update(plan.known)
    out: list[Identified] = []
    for n, f in enumerate(plan.first):
        got = found[f]
        if f != n:
            here, there = str(plan.paths[n]), str(plan.paths[f])
            got = replace(got, path=here) if isinstance(got, Identification) else \
                Failure(here, got.message.replace(there, here))
        out.append(got)
    return out
