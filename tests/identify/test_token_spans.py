# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Token spans and lines found in one pass over an ASCII text are those the tokenizer's
pattern finds, line by line as the text counts them (a form feed is no line break)."""

from __future__ import annotations

from bisect import bisect_right

from hypothesis import given
from hypothesis import strategies as st

from licentia.normalize import _TOKEN, rule_tokens, tokenize

TEXT = st.text(alphabet=st.sampled_from(list("aZ9 _-.,()*#'\"\n\t\x0c+<>&;é")), max_size=300)


@given(TEXT)
def test_spans_and_lines_are_the_patterns(text: str) -> None:
    tok = tokenize(text)
    found = [(m.start(), m.end()) for m in _TOKEN.finditer(tok._masked)]
    assert list(zip(tok.starts, tok.ends, strict=True)) == found
    breaks = [i for i, c in enumerate(text) if c == "\n"]
    assert tok.lines == tuple(bisect_right(breaks, s - 1) + 1 for s in tok.starts)
    assert all(tok.line_of(i) == tok.lines[i] for i in range(len(tok)))


@given(TEXT)
def test_rule_tokens_start_where_their_words_do(text: str) -> None:
    words, starts = rule_tokens(text)
    assert len(words) == len(starts)
    lowered = text.lower()
    assert all(lowered[a : a + len(w)] == w for w, a in zip(words, starts, strict=True))
