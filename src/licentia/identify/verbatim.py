# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The fast paths of the matcher: a text that is a license's reference text word for word,
whole or without its optional parts (optional.yaml)."""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt

from licentia.datafile import load_yaml
from licentia.identify.found import Match
from licentia.identify.index import Index, raw_digest, token_digest
from licentia.identify.leftovers import MIN_LEFTOVER_TOKENS
from licentia.normalize import Tokens, tokenize

MIN_QUERY_TOKENS = 8


@cache
def optional_sections() -> dict[str, list[dict[str, str]]]:
    """The optional parts of license texts (optional.yaml): key -> [{label, start, end}]."""
    from importlib.resources import files

    raw = (files("licentia.identify") / "optional.yaml").read_text(encoding="utf-8")
    data: dict[str, list[dict[str, str]]] = load_yaml(raw)
    return data


def find_words(seq: list[Any], phrase: list[Any], start: int = 0) -> int:
    """Where `phrase` first occurs in `seq` from `start` on (-1: nowhere)."""
    n = len(phrase)
    for i in range(start, len(seq) - n + 1):
        if seq[i : i + n] == phrase:
            return i
    return -1


def verbatim_table(index: Index) -> dict[bytes, tuple[int, tuple[str, ...]]]:
    """Digest of each license text's tokens (also without its optional parts) -> reference."""
    return _verbatim_tables(index)[0]


@cache
def _verbatim_tables(index: Index) -> tuple[dict[bytes, tuple[int, tuple[str, ...]]],
                                            frozenset[int]]:
    """verbatim_table, and the number of tokens of each sequence in it (a query of another
    length is none of them: not worth a digest)."""
    table: dict[bytes, tuple[int, tuple[str, ...]]] = {}
    lengths: set[int] = set()
    digests, size = index.token_digests.tobytes(), index.token_digests.shape[1]
    for r in np.flatnonzero(index.arrays["ref_kind"] == 0).tolist():  # kind "text"
        table.setdefault(digests[r * size : (r + 1) * size], (r, ()))
        lengths.add(len(index.ref_ids(r)))
    for key, specs in optional_sections().items():
        own = index.by_key.get(key)
        if own is None:
            continue
        ids = index.ref_ids(own)
        for label, start, end in _optional_ranges(index, ids, specs):
            rest = np.concatenate([ids[:start], ids[end:]])
            table.setdefault(token_digest(rest), (own, (label,)))
            lengths.add(len(rest))
    return table, frozenset(lengths)


def _optional_ranges(index: Index, ids: npt.NDArray[np.int32],
                     specs: list[dict[str, str]]) -> list[tuple[str, int, int]]:
    """(label, start, end) of each optional part of a reference, in its token ids (as
    _prepare finds them in its words)."""
    seq = ids.tolist()
    out = []
    for spec in specs:
        begin = find_words(seq, index.encode(tokenize(spec["start"]).words).tolist())
        if begin < 0:
            continue
        end = len(seq)
        if spec.get("end"):
            last = index.encode(tokenize(spec["end"]).words).tolist()
            stop = find_words(seq, last, begin)
            if stop >= 0:
                end = stop + len(last)
        out.append((spec["label"], begin, end))
    return out


def verbatim(index: Index, qtok: Tokens, ids: npt.NDArray[np.int32]) -> Match | None:
    """The fast path: the text is a license's reference text word for word (after
    normalization), perhaps under a short title."""
    table, lengths = _verbatim_tables(index)
    for skip in range(min(MIN_LEFTOVER_TOKENS, len(ids) - MIN_QUERY_TOKENS)):
        if len(ids) - skip not in lengths:
            continue
        hit = table.get(token_digest(ids[skip:]))
        if hit is None:
            continue
        r, absent = hit
        info = index.refs[r]
        return Match(key=info.key, kind=info.kind, source=info.source,
                     start_line=qtok.line_of(skip), end_line=qtok.line_of(len(ids) - 1),
                     coverage=100.0, similarity=1.0, optional_absent=absent,
                     span=(skip, len(ids)), expression=info.expression)
    return None


def verbatim_raw(index: Index, text: str) -> Match | None:
    """The fastest path: a verbatim copy of a LicenseDB text (case and punctuation aside)."""
    r = index.verbatim.get(raw_digest(text))
    if r is None:
        return None
    info = index.refs[r]
    first = next((i for i, c in enumerate(text) if c.isalnum()), 0)
    last = next((i for i in range(len(text) - 1, -1, -1) if text[i].isalnum()), 0)
    n = len(index.ref_ids(r))
    return Match(key=info.key, kind=info.kind, source=info.source,
                 start_line=text.count("\n", 0, first) + 1,
                 end_line=text.count("\n", 0, last) + 1, coverage=100.0, similarity=1.0,
                 span=(0, n))
