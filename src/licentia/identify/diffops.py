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
