# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Token ids aligned as characters give the alignment the ids give as lists."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from licentia.identify.diffops import as_chars, compacted, opcodes

# a few ids, so that sequences share many; -1 is a word no reference has
_IDS = st.lists(st.integers(min_value=-1, max_value=12), max_size=80)


@settings(max_examples=300, deadline=None)
@given(_IDS, _IDS)
def test_ids_as_characters_align_as_the_ids(a: list[int], b: list[int]) -> None:
    chars_a = as_chars(np.array(a, dtype=np.int32), 13)
    chars_b = as_chars(np.array(b, dtype=np.int32), 13)
    assert isinstance(chars_a, str) and len(chars_a) == len(a)
    assert opcodes(chars_a, chars_b) == opcodes(a, b)


def test_the_largest_ids_of_a_small_vocabulary_are_characters() -> None:
    ids = np.array([0xD7FD, -1, 0, 0xD7FD], dtype=np.int32)
    assert as_chars(ids, 0xD7FE) == "\ud7fe\x00\x01\ud7fe"


def test_a_vocabulary_too_large_for_characters_stays_ids() -> None:
    ids = np.array([70_000, -1, 3], dtype=np.int32)
    assert as_chars(ids, 70_001) == [70_000, -1, 3]


def _is_alignment(ops: list[tuple[str, int, int, int, int]], a: str, b: str) -> bool:
    """Whether ops run through both sequences in order, equal blocks being equal."""
    i = j = 0
    for tag, i1, i2, j1, j2 in ops:
        if (i1, j1) != (i, j) or (tag == "equal" and a[i1:i2] != b[j1:j2]) or \
                (tag == "insert" and i1 != i2) or (tag == "delete" and j1 != j2):
            return False
        i, j = i2, j2
    return (i, j) == (len(a), len(b))


@settings(max_examples=300, deadline=None)
@given(st.text("abc", max_size=30), st.text("abcd", max_size=60))
def test_a_compacted_alignment_matches_as_many_words(a: str, b: str) -> None:
    ops = opcodes(a, b)
    moved = compacted(ops, b)
    assert _is_alignment(moved, a, b)
    matched = sum(i2 - i1 for tag, i1, i2, _, _ in ops if tag == "equal")
    assert sum(i2 - i1 for tag, i1, i2, _, _ in moved if tag == "equal") == matched
    assert len(moved) <= len(ops)


def test_first_words_matched_far_above_join_the_rest() -> None:
    """A title matched in a table of contents: moved to the same words before the text."""
    ref, text = "TLAxyz", "TLA" + "-" * 20 + "TLAxyz"
    ops = opcodes(ref, text)
    assert ops[0] == ("equal", 0, 3, 0, 3)  # the LCS takes the first copy
    assert compacted(ops, text) == [("insert", 0, 0, 0, 23), ("equal", 0, 6, 23, 29)]
