# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Word-level alignment operations between a reference and a text."""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
import numpy.typing as npt
from rapidfuzz.distance import Indel

_Op = tuple[str, int, int, int, int]


_MAX_CHAR_ID = 0xD7FE  # ids that fit in one character below the surrogates


def opcodes(a: Sequence[int] | str, b: Sequence[int] | str) -> list[_Op]:
    """LCS alignment of two token-id sequences (rapidfuzz's bit-parallel Indel); either may be
    given as_chars."""
    return cast(list[_Op], Indel.opcodes(a, b).as_list())


def as_chars(ids: npt.NDArray[np.int32], vocabulary: int) -> str | list[int]:
    """Token ids (-1 for a word no reference has) as one character each, id + 1: rapidfuzz
    reads a str's characters from its buffer where it hashes a list's ints one by one, and
    equal ids are equal characters, so the alignment is the same. A list when ids of a
    vocabulary of that size may not fit in a character (every sequence aligned with another
    must be made for the same vocabulary)."""
    if vocabulary > _MAX_CHAR_ID:
        return cast(list[int], ids.tolist())
    return (ids.astype(np.int64) + 1).astype("<u4").tobytes().decode("utf-32-le")


def numbers_replaced(ops: list[_Op], ref_words: tuple[str, ...], q_words: tuple[str, ...],
                      qpos: npt.NDArray[np.int64]) -> list[_Op]:
    """A number deleted where another is inserted is a changed number (a version, a date, a
    count: "Version 2" is not "Version 3"), never list numbering either side kept."""
    out: list[_Op] = []
    for op in ops:
        prev = out[-1] if out else None
        pair = {prev[0], op[0]} if prev is not None else set()
        if prev is not None and pair == {"delete", "insert"}:
            dele, ins = (prev, op) if prev[0] == "delete" else (op, prev)
            old = [ref_words[i] for i in range(dele[1], dele[2])]
            new = [q_words[qpos[j]] for j in range(ins[3], ins[4])]
            if old != new and all(w.isdigit() for w in old + new):
                out[-1] = ("replace", min(prev[1], op[1]), max(prev[2], op[2]),
                           min(prev[3], op[3]), max(prev[4], op[4]))
                continue
        out.append(op)
    return out


def compacted(ops: list[_Op], b: Sequence[int] | str) -> list[_Op]:
    """The same alignment with a block of equal words moved across words only `b` has, to join
    its neighbour, where `b` holds the block's words there too (the smaller block moves).

    An LCS alignment matching as many words may match a reference's first words to an earlier
    place ("Contributor License Agreement" in a table of contents, "THIS SOFTWARE." ending the
    license above) and leave the same words right before the rest unmatched; moved, the
    words found together are matched together."""
    out: list[_Op] = []
    for op in ops:
        out.append(op)
        while len(out) >= 3 and out[-3][0] == "equal" and out[-2][0] == "insert" and \
                out[-1][0] == "equal":
            e1, gap, e2 = out[-3:]
            n1, n2 = e1[2] - e1[1], e2[2] - e2[1]
            if n1 <= n2 and b[gap[4] - n1 : gap[4]] == b[e1[3] : e1[4]]:
                moved = [("insert", e1[1], e1[1], e1[3], gap[4] - n1),
                         ("equal", e1[1], e2[2], gap[4] - n1, e2[4])]
            elif n2 < n1 and b[gap[3] : gap[3] + n2] == b[e2[3] : e2[4]]:
                moved = [("equal", e1[1], e2[2], e1[3], gap[3] + n2),
                         ("insert", e2[2], e2[2], gap[3] + n2, e2[4])]
            else:
                break
            del out[-3:]
            if out and out[-1][0] == "insert" and moved[0][0] == "insert":
                prev = out.pop()  # two runs of added words side by side are one
                moved[0] = ("insert", prev[1], prev[2], prev[3], moved[0][4])
            out.extend(op for op in moved if op[3] < op[4])
    return out


RUN_GAP = 60  # words of a text between two blocks of equal words that may part a run of them


def densest_run(blocks: list[tuple[int, int, int, int]], ref_len: int,
                trim: bool = False) -> tuple[int, int, int]:
    """The densest run of equal blocks (query start, end, matched) for a reference; `trim`:
    without blocks at its edges that cost more than they match (`trimmed`)."""
    if not blocks:
        return 0, 0, 0
    gap = max(RUN_GAP, ref_len // 2)
    best = (0, 0, 0)  # first block, last block + 1, matched
    first, cur_matched = 0, 0
    for k, (i1, i2, j1, _) in enumerate(blocks):
        if k and j1 - blocks[k - 1][3] > gap:
            if cur_matched > best[2]:
                best = (first, k, cur_matched)
            first, cur_matched = k, 0
        cur_matched += i2 - i1
    if cur_matched > best[2]:
        best = (first, len(blocks), cur_matched)
    run = trimmed(blocks[best[0] : best[1]]) if trim else blocks[best[0] : best[1]]
    return run[0][2], run[-1][3], sum(i2 - i1 for i1, i2, _, _ in run)


def trimmed(run: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """A run of equal blocks without the first (or last) ones that, with the text's words
    between them and the rest (more than RUN_GAP), cost the alignment's score more than they
    add: a reference's title matched to a page's <title> hundreds of words before the text.
    The score counts a word matched once, and half a word for each one left out on either
    side: leaving out `held` words matched and the `span` they stand over gains
    span / 2 - 2 * held."""
    def cut(blocks: list[tuple[int, int, int, int]], forward: bool) -> int:
        best, at, held = 0.0, 0, 0
        for k in range(1, len(blocks)):
            held += blocks[k - 1][1] - blocks[k - 1][0]
            span = blocks[k][2] - blocks[0][2] if forward else blocks[0][3] - blocks[k][3]
            gain = 0.5 * span - 2 * held  # fewer words matched, fewer words of the text left out
            if gain > best and span - held > RUN_GAP:
                best, at = gain, k
        return at

    head = cut(run, True)
    run = run[head:]
    tail = cut(run[::-1], False)
    return run[: len(run) - tail]
