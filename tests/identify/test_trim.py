# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A run of equal blocks loses the blocks at its edges that cost an alignment more than they
match (a title matched far above the text), and keeps those near it."""

from __future__ import annotations

from licentia.identify.diffops import RUN_GAP, densest_run


def test_a_few_words_far_before_the_text_are_trimmed() -> None:
    blocks = [(0, 2, 0, 2), (2, 300, 400, 698)]  # (ref start, end, text start, end)
    assert densest_run(blocks, 1000) == (0, 698, 300)  # one run: gap < half the reference
    assert densest_run(blocks, 1000, trim=True) == (400, 698, 298)


def test_a_few_words_far_after_the_text_are_trimmed() -> None:
    blocks = [(0, 298, 0, 298), (298, 300, 700, 702)]
    assert densest_run(blocks, 1000, trim=True) == (0, 298, 298)


def test_words_near_the_text_are_kept() -> None:
    """A title a few words above the text (a line of a code comment between) is its own."""
    blocks = [(0, 2, 0, 2), (2, 300, RUN_GAP, RUN_GAP + 298)]
    assert densest_run(blocks, 1000, trim=True) == (0, RUN_GAP + 298, 300)


def test_many_words_matched_before_a_gap_are_kept() -> None:
    blocks = [(0, 100, 0, 100), (100, 300, 250, 450)]
    assert densest_run(blocks, 1000, trim=True) == (0, 450, 300)
