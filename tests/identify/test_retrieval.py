# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Candidate retrieval: common bigrams are posted only for references that need them, and a
shortlisted reference is still scored by every bigram it shares with the query."""

from __future__ import annotations

import numpy as np
import pytest

from licentia.catalog.licensedb import read_text
from licentia.identify.index import COMMON_SHARE, MIN_POSTED, Index, _top, bigrams
from licentia.normalize import tokenize

GPL_NOTICE = """This program is free software; you can redistribute it and/or modify
it under the terms of the GNU General Public License as published by
the Free Software Foundation; either version 2 of the License, or
(at your option) any later version."""

CODE = """def read(path):
    with open(path) as f:
        return [line.strip() for line in f if line and not line.startswith("#")]
"""


def _ids(index: Index, text: str) -> np.ndarray:
    return index.encode(tokenize(text).words)


def _full_df(index: Index, pos: np.ndarray) -> np.ndarray:
    """How many references hold each bigram (from its idf: log((n + 1) / df))."""
    df: np.ndarray = np.rint((len(index.refs) + 1) / np.exp(index.bg_idf[pos].astype(np.float64)))
    return df


def _brute_score(index: Index, query: np.ndarray, r: int) -> float:
    """The idf weight of every distinct bigram the reference shares with the query."""
    pairs = bigrams(query)[(query[:-1] >= 0) & (query[1:] >= 0)]  # no pair of an unknown word
    shared = np.intersect1d(bigrams(index.ref_ids(r)), pairs)
    at = np.minimum(np.searchsorted(index.bg_keys, shared), len(index.bg_keys) - 1)
    at = at[index.bg_keys[at] == shared]  # (a query's pair of unknown words is no bigram)
    return float(index.bg_idf[at].astype(np.float64).sum())


def test_a_notice_made_only_of_common_bigrams_is_a_candidate(index: Index) -> None:
    ids = _ids(index, CODE + GPL_NOTICE + CODE)
    notice = index.query_bigrams(_ids(index, GPL_NOTICE))
    # every word pair of the notice is in thousands of references (the premise)
    assert (_full_df(index, notice) > COMMON_SHARE * len(index.refs)).all()
    found = {index.refs[r].key: share for r, share in index.candidates(ids, 10)
             if index.refs[r].kind == "notice"}
    assert found.get("gpl-2.0-plus", 0.0) == pytest.approx(1.0, abs=1e-6)  # all of it


def test_a_reference_is_posted_under_its_rare_bigrams_and_enough_others(index: Index) -> None:
    posted = np.bincount(index.bg_refs, minlength=len(index.refs))
    rest = np.diff(index.rest_ptr)
    for r in range(0, len(index.refs), 97):
        distinct = np.unique(bigrams(index.ref_ids(r)))
        assert posted[r] + rest[r] == len(distinct)
        assert posted[r] >= min(MIN_POSTED, len(distinct))
        pos = np.searchsorted(index.bg_keys, distinct)
        rare = _full_df(index, pos) <= COMMON_SHARE * len(index.refs)
        assert posted[r] >= rare.sum()  # every rare bigram is posted


@pytest.mark.parametrize("key", ["mit", "apache-2.0", "gpl-3.0"])
def test_scores_count_every_shared_bigram_posted_or_not(index: Index, key: str) -> None:
    query = _ids(index, CODE + GPL_NOTICE + read_text(key)[:3000])
    pos = index.query_bigrams(query)
    refs = np.array([index.by_key[key], index.by_key["gpl-2.0"], index.by_key["bsd-new"],
                     *range(5, len(index.refs), 211)], dtype=np.int64)
    scores = index.scores(pos, refs, index.posted_scores(pos))
    expected = [_brute_score(index, query, int(r)) for r in refs]
    assert scores == pytest.approx(expected, rel=1e-9, abs=1e-9)
    share = index.shares(query, refs)
    assert share == pytest.approx(np.array(expected) / index.ref_weight[refs], rel=1e-6)


def test_a_reference_finds_itself(index: Index) -> None:
    for r in range(3, len(index.refs), 401):
        info = index.refs[r]
        found = index.candidates(index.ref_ids(r), 10)
        assert info.key in {index.refs[c].key for c, _ in found}, info.source


def test_top_ranks_ties_by_position() -> None:
    values = np.array([1.0, 3.0, 3.0, 2.0, 3.0, 3.0])
    assert _top(values, 3) == [1, 2, 4]
    assert _top(values, 10) == [1, 2, 4, 5, 3, 0]


def test_scores_do_not_depend_on_the_order_of_addition(index: Index) -> None:
    """Bigram weights are float32 multiples of one power of two, far from a double's limit:
    every sum of them is exact, so a product (BLAS, any order) gives the ordered sums' bits."""
    assert index.exact_sums
    query = _ids(index, CODE + GPL_NOTICE + read_text("apache-2.0")[:4000])
    pos = index.query_bigrams(query)
    refs = np.arange(1, len(index.refs), 53, dtype=np.int64)
    posted = index.posted_scores(pos)
    quick = index.scores(pos, refs, posted)
    index.__dict__["exact_sums"] = False  # the ordered sums, one common bigram at a time
    try:
        ordered = index.scores(pos, refs, posted)
    finally:
        del index.__dict__["exact_sums"]
    assert np.array_equal(quick, ordered)
    assert np.array_equal(quick, [_brute_score(index, query, int(r)) for r in refs])
    rng = np.random.default_rng(5)
    for r in refs[quick > 0][:40].tolist():
        shared = np.intersect1d(bigrams(index.ref_ids(r)), index.bg_keys[pos])
        weights = index.bg_idf[np.searchsorted(index.bg_keys, shared)].astype(np.float64)
        total = 0.0
        for w in rng.permutation(weights).tolist():
            total += w
        assert total == quick[np.flatnonzero(refs == r)[0]]


def test_sums_are_only_taken_for_exact_when_they_are() -> None:
    fake = object.__new__(Index)
    fake.ref_weight = np.array([60_000.0], np.float32)
    fake.bg_idf = np.array([0.43, 9.8], np.float32)  # units of 2**-25: sums exact to 2**28
    assert Index.exact_sums.func(fake)  # type: ignore[attr-defined]
    fake.bg_idf = np.array([1e-6, 9.8], np.float32)  # units of 2**-43: exact only to 1,024
    assert not Index.exact_sums.func(fake)  # type: ignore[attr-defined]
