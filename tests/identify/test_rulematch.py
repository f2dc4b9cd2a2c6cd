# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Rules found word for word: the tie-break by a hit's rarest word, reduced in one pass."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from licentia.identify.rulematch import _rarest, find_rules
from licentia.identify.rules import get_rules


@given(st.lists(st.integers(0, 50), min_size=1, max_size=40).flatmap(
    lambda freq: st.tuples(st.just(freq), st.lists(
        st.tuples(st.integers(0, len(freq) - 1), st.integers(1, len(freq))).filter(
            lambda ab: ab[0] < ab[1]), max_size=12))))
def test_the_rarest_word_of_each_hit_is_its_least_frequency(case) -> None:  # type: ignore[no-untyped-def]
    freq, spans = case
    hits = [(7, a, b) for a, b in spans]  # overlapping, unordered, repeated: as exact() gives
    frequency = np.array(freq, dtype=np.int64)
    assert _rarest(frequency, hits) == [min(freq[a:b]) for _, a, b in hits]


def test_of_two_hits_as_long_the_one_with_the_rarer_word_wins() -> None:
    rules = get_rules()
    [hit] = find_rules(rules, "Licensed under the GNU General Public License v3.0 or later.")
    assert "gpl-3.0" in rules.rules[hit.rule].expression
