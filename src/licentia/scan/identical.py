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
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from licentia.identify import Failure, Identification

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


def first_copies(paths: Sequence[Path], sizes: Sequence[int]) -> list[int]:
    """For each path, the index of the first path with the same content (itself when none
    before it has)."""
    by_size: dict[int, list[int]] = {}
    for n, size in enumerate(sizes):
        by_size.setdefault(size, []).append(n)
    first = list(range(len(paths)))
    for group in by_size.values():
        if len(group) < 2:
            continue
        seen: dict[bytes, int] = {}
        for n in group:
            digest = _digest(paths[n])
            if digest is not None:
                first[n] = seen.setdefault(digest, n)
    return first


Identified = Identification | Failure


def identify_once(paths: Sequence[Path], sizes: Sequence[int],
                  identify: Callable[[list[Path]], list[Identified]]) -> list[Identified]:
    """`identify` applied to each distinct content once; copies get the first one's result
    under their own path."""
    first = first_copies(paths, sizes)
    distinct = [n for n, f in enumerate(first) if f == n]
    found = dict(zip(distinct, identify([paths[n] for n in distinct]), strict=True))
    out: list[Identified] = []
    for n, f in enumerate(first):
        got = found[f]
        if f != n:
            here, there = str(paths[n]), str(paths[f])
            got = replace(got, path=here) if isinstance(got, Identification) else \
                Failure(here, got.message.replace(there, here))
        out.append(got)
    return out
