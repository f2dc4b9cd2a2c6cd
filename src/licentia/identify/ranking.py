# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A round's candidate alignments in the order the matcher reads them, each made only when
the reading may reach it.

An alignment's score is its reference's words matched, less half of those unmatched on either
side. No alignment matches a word more often than both sequences hold it, so a candidate's
score is at most 1.5 × (the words the two share, counted as a bag) − 0.5 × its length. The
matcher reads the alignments best first until one is accepted, and then those within a margin
of it; a candidate whose bound is below all of that is never aligned, and the order read is
the order of aligning every candidate.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from typing import Any, Generic, TypeVar

import numpy as np
import numpy.typing as npt

from licentia.identify.index import Index

T = TypeVar("T")


@lru_cache(maxsize=4096)
def _bag(index: Index, r: int) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
    """Reference r's distinct token ids and how often each occurs."""
    ids, counts = np.unique(index.ref_ids(r), return_counts=True)
    return ids, counts


def shared_words(index: Index, refs: Sequence[int], ids: npt.NDArray[np.int32]) -> list[int]:
    """For each of `refs`: the words it shares with the query `ids`, counted as a bag (the
    most words any alignment of the two can match)."""
    if not len(refs):
        return []
    bags = [_bag(index, r) for r in refs]
    held = np.bincount(ids + 1, minlength=len(index.word_ids) + 1)  # -1: a word no ref has
    both = np.minimum(np.concatenate([c for _, c in bags]),
                      held[np.concatenate([u for u, _ in bags]) + 1])
    rows = np.repeat(np.arange(len(refs)), [len(u) for u, _ in bags])
    shared: list[int] = np.bincount(rows, weights=both, minlength=len(refs)).astype(
        np.int64).tolist()
    return shared


def score_bounds(index: Index, refs: Sequence[int], ids: npt.NDArray[np.int32],
                 slack: Sequence[int], shared: Sequence[int] | None = None) -> list[float]:
    """For each of `refs`: the highest score an alignment with the query `ids` can have,
    `slack` words of the reference (its optional parts) allowed to be absent at no cost
    (`shared`: shared_words(index, refs, ids), if made already)."""
    if shared is None:
        shared = shared_words(index, refs, ids)
    return [1.5 * s - 0.5 * (len(index.ref_ids(r)) - k)
            for s, r, k in zip(shared, refs, slack, strict=True)]


class Ranked(Generic[T]):
    """Items sorted by `key` (ascending) whose `score` is at most their bound, each made by
    its thunk only when the items read may include it."""

    def __init__(self, pending: list[tuple[float, Callable[[], T]]],
                 score: Callable[[T], float], key: Callable[[T], Any]) -> None:
        self._pending = sorted(pending, key=lambda p: -p[0])  # highest bound first
        self._score = score
        self._key = key
        self._made: list[T] = []  # sorted by key

    def _next_bound(self) -> float:
        return self._pending[0][0] if self._pending else float("-inf")

    def _make_next(self) -> None:
        _, thunk = self._pending.pop(0)
        insort(self._made, thunk(), key=self._key)

    def _settled(self) -> int:
        """How many of the first items made are in their final places: those scoring above
        every bound still pending (an item scoring as much may still come before them)."""
        below = self._next_bound()
        n = 0
        for item in self._made:
            if self._score(item) <= below:
                break
            n += 1
        return n

    def __iter__(self) -> Iterator[T]:
        i = 0
        while True:
            while self._settled() <= i and self._pending:
                self._make_next()
            if i >= len(self._made):
                return
            yield self._made[i]
            i += 1

    def first(self) -> T:
        return next(iter(self))

    def at_least(self, score: float) -> list[T]:
        """The items scoring `score` or more, in order."""
        while self._pending and self._next_bound() >= score:
            self._make_next()
        return [item for item in self._made if self._score(item) >= score]
