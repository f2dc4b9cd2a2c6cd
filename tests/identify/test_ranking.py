# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Candidate alignments made lazily: read in the order of aligning them all, each made only
when its score's bound may reach what is read, and the bound holds for real alignments."""

from __future__ import annotations

from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from licentia.catalog.licensedb import read_text
from licentia.identify import matcher
from licentia.identify.index import Index
from licentia.identify.ranking import Ranked, score_bounds
from licentia.identify.verbatim import verbatim
from licentia.normalize import tokenize

# (score, how far the bound lies above it, share, is a rule): few values, so ties are many
_ITEMS = st.lists(st.tuples(st.integers(-20, 20), st.integers(0, 6), st.integers(0, 3),
                            st.booleans()), min_size=1, max_size=25)


def _key(item: tuple[int, int, int, bool, int]) -> tuple[int, bool, int, int]:
    score, _, share, rule, position = item
    return -score, rule, -share, position


@settings(max_examples=400, deadline=None)
@given(_ITEMS, st.integers(1, 25), st.integers(-25, 25))
def test_the_order_read_is_the_order_of_sorting_every_alignment(
        raw: list[tuple[int, int, int, bool]], read: int, threshold: int) -> None:
    items = [(*item, i) for i, item in enumerate(raw)]
    made: list[int] = []

    def make(item: tuple[int, int, int, bool, int]) -> tuple[int, int, int, bool, int]:
        made.append(item[4])
        return item

    def ranked() -> Ranked[tuple[int, int, int, bool, int]]:
        made.clear()
        return Ranked([(i[0] + i[1], partial(make, i)) for i in items],
                      score=lambda i: i[0], key=_key)

    everything = sorted(items, key=_key)
    ranks = ranked()
    got = []
    for item in ranks:
        got.append(item)
        if len(got) == read:
            break
    assert got == everything[:read]
    # nothing was made whose bound is below the last item read (ties may need making)
    if got:
        assert all(items[i][0] + items[i][1] >= got[-1][0] for i in made)
    assert ranked().at_least(threshold) == [i for i in everything if i[0] >= threshold]
    assert all(items[i][0] + items[i][1] >= threshold for i in made)


def _bound_and_score(index: Index, text: str, r: int) -> tuple[float, float]:
    ids = index.encode(tokenize(text).words)
    slack = matcher._optional_tokens(index.refs[r])
    bound = score_bounds(index, [r], ids, [slack])[0]
    sub = matcher.as_chars(ids, len(index.word_ids))
    return bound, matcher._align(index, r, 1.0, sub).score


@pytest.mark.parametrize("key", ["apache-2.0", "gpl-2.0", "mit", "bsd-new"])
def test_no_alignment_scores_above_its_bound(index: Index, key: str) -> None:
    full = read_text(key)
    code = "def main(argv):\n    return run(argv[1:], verbose=True)\n" * 20
    texts = [full, code + full[: len(full) // 2] + code, full[len(full) // 3:],
             full.replace("the", "a")]
    for text in texts:
        ids = index.encode(tokenize(text).words)
        for r, _ in index.candidates(ids, 10):
            bound, score = _bound_and_score(index, text, r)
            assert score <= bound


def test_an_absent_optional_part_is_allowed_for_in_the_bound(index: Index) -> None:
    full = read_text("apache-2.0")
    without = full[: full.index("APPENDIX")]
    r = index.by_key["apache-2.0"]
    bound, score = _bound_and_score(index, without, r)
    assert score <= bound
    ids = index.encode(tokenize(without).words)
    assert score > score_bounds(index, [r], ids, [0])[0]  # so the allowance is needed


@pytest.mark.parametrize("title", ["", "The Zlib License\n\n", "Title: zlib License, v1\n"])
def test_a_verbatim_text_under_a_short_title_is_found_by_its_digest(index: Index,
                                                                    title: str) -> None:
    """Only queries as long as some verbatim sequence are hashed: a title of up to
    MIN_LEFTOVER_TOKENS - 1 words is skipped, a longer one is not that text word for word."""
    text = title + read_text("zlib")
    qtok = tokenize(text)
    ids = index.encode(qtok.words)
    found = verbatim(index, qtok, ids)
    assert found is not None and found.key == "zlib" and found.coverage == 100.0
    assert found.span == (len(tokenize(title).words), len(ids))
    longer = tokenize("one two three four five six seven " + text)
    assert verbatim(index, longer, index.encode(longer.words)) is None
