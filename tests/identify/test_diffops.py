# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Token ids aligned as characters give the alignment the ids give as lists."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from licentia.identify.diffops import as_chars, opcodes

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
