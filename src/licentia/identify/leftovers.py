# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Text left over beside a license text: license-like prose no license explains is added to
the text (reported as a difference), however long; code and other prose are not."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from licentia.identify.found import Difference, DiffKind, Match
from licentia.identify.index import Index, license_like
from licentia.normalize import Tokens

# text left over beside a full license text, at least this long, is reported as added
MIN_LEFTOVER_TOKENS = 6
FULL_TEXT = {"text", "fingerprint"}


def with_leftovers(index: Index, found: list[Match], remaining: npt.NDArray[np.int64],
                    qtok: Tokens, ids_all: npt.NDArray[np.int32], text: str) -> list[Match]:
    """License-like text beside a single full license text, belonging to no license, is an
    addition to it, however long; code and other prose around it are not.

    (Beside several licenses, such text is usually an introduction to one of them.)
    """
    texts = [m for m in found if m.kind in FULL_TEXT]
    if len(texts) != 1 or not len(qtok) or not len(remaining):
        return found
    runs: list[tuple[int, int]] = []
    start = prev = int(remaining[0])
    for p in remaining[1:].tolist():
        if p != prev + 1:
            runs.append((start, prev + 1))
            start = p
        prev = p
    runs.append((start, prev + 1))
    extra: dict[int, list[Difference]] = {}
    last_line: dict[int, int] = {}
    for a, b in runs:
        if b - a < MIN_LEFTOVER_TOKENS or not license_like(index, ids_all[a:b]):
            continue
        nearest = min(range(len(found)), key=lambda k: min(abs(found[k].span[0] - b),
                                                            abs(found[k].span[1] - a)))
        if found[nearest].kind not in FULL_TEXT:
            continue
        snippet = " ".join(text[qtok.starts[a] : qtok.ends[b - 1]].split())
        where = "before the license text" if b <= found[nearest].span[0] else \
            "after the license text"
        extra.setdefault(nearest, []).append(Difference(
            DiffKind.ADDED, "", snippet, int(qtok.line_of(a)), where, b - a,
            (qtok.starts[a], qtok.ends[b - 1])))
        last_line[nearest] = max(last_line.get(nearest, 0), int(qtok.line_of(b - 1)))
    if not extra:
        return found
    out = []
    for k, m in enumerate(found):
        if k in extra:
            diffs = tuple(sorted(m.differences + tuple(extra[k]), key=lambda d: d.line))
            m = Match(m.key, m.kind, m.source, min(m.start_line, *(d.line for d in extra[k])),
                      max(m.end_line, last_line[k]), m.coverage, m.similarity,
                      diffs, m.optional_absent,
                      m.ambiguous_with, m.span, m.expression, _joined_chars(m, extra[k]))
        out.append(m)
    return out


def _joined_chars(m: Match, extra: list[Difference]) -> tuple[int, int] | None:
    """The characters of a match and of the additions joined to it."""
    ranges = [c for c in (m.chars, *(d.chars for d in extra)) if c is not None]
    return (min(a for a, _ in ranges), max(b for _, b in ranges)) if ranges else None
