# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The normalizer: formatting never changes the words; words always do."""

from __future__ import annotations

import textwrap

from hypothesis import given, settings
from hypothesis import strategies as st

from licentia.normalize import (
    SPDX_TAG,
    mask,
    rule_text_tokens,
    rule_tokens,
    spdx_identifiers,
    tokenize,
    words,
)

# a word made only of roman-numeral letters, at the start of a line and followed by a period,
# is list numbering ("iv."): such words are left out of generated texts
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).filter(
    lambda w: not set(w) <= set("ivx")
)
SENTENCES = st.lists(st.lists(WORD, min_size=3, max_size=15), min_size=1, max_size=8)


def _text(sentences: list[list[str]]) -> str:
    return " ".join(" ".join(s).capitalize() + "." for s in sentences)


@given(SENTENCES, st.integers(min_value=20, max_value=100))
def test_rewrapping_does_not_change_words(sentences: list[list[str]], width: int) -> None:
    text = _text(sentences)
    assert words(textwrap.fill(text, width)) == words(text)


@given(SENTENCES)
def test_case_quotes_crlf_and_markdown_do_not_change_words(sentences: list[list[str]]) -> None:
    text = _text(sentences)
    variants = [
        text.upper(),
        text.replace(" ", "\r\n"),
        "> " + text,
        "**" + text + "**",
        "- " + text,
        text.replace(".", ".\n\n"),
    ]
    for variant in variants:
        assert words(variant) == words(text), variant


@given(SENTENCES)
def test_list_numbering_is_ignored(sentences: list[list[str]]) -> None:
    numbered = "\n".join(f"{n}. " + " ".join(s) for n, s in enumerate(sentences, 1))
    lettered = "\n".join(f"({chr(97 + n % 26)}) " + " ".join(s) for n, s in enumerate(sentences))
    plain = "\n".join(" ".join(s) for s in sentences)
    assert words(numbered) == words(plain)
    assert words(lettered) == words(plain)


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_mask_keeps_offsets_and_tokens_point_into_the_text(text: str) -> None:
    masked = mask(text)
    assert len(masked) == len(text)
    assert masked.count("\n") == text.count("\n")
    tokens = tokenize(text)
    assert list(tokens.lines) == sorted(tokens.lines)
    for start, end in zip(tokens.starts, tokens.ends, strict=True):
        assert 0 <= start < end <= len(text)


@given(SENTENCES, WORD)
def test_a_changed_word_changes_the_words(sentences: list[list[str]], other: str) -> None:
    text = _text(sentences)
    first = sentences[0][0]
    if other == first:
        return
    changed = text.replace(first.capitalize(), other.capitalize(), 1)
    assert words(changed) != words(text)


def test_smart_quotes_equivalent_spellings_and_copyright_lines() -> None:
    a = ("Copyright (c) 2024 Example Corp.\nAll rights reserved.\n"
         "\u201cLicence\u201d means the licence; https://x.org")
    b = '"License" means the license; http://x.org'
    assert words(a) == words(b)


def test_numbers_that_matter_are_kept() -> None:
    assert words("greater than 700 million monthly active users") != words(
        "greater than 100 million monthly active users"
    )


def test_markdown_link_targets_are_dropped() -> None:
    assert words("see [the policy](https://example.com/policy)") == words("see the policy")


def test_spdx_identifiers_with_lines() -> None:
    text = (f"#!/usr/bin/env python\n# {SPDX_TAG}: MIT OR Apache-2.0\n"
            f"/* {SPDX_TAG}: GPL-2.0-only */\n")
    assert spdx_identifiers(text) == [(2, "MIT OR Apache-2.0"), (3, "GPL-2.0-only")]


def test_rule_tokens_keep_or_later_and_skip_markup() -> None:
    text = "<p>Licensed under GPLv2+ &amp; the LGPL-2.1+</p> // see COPYING"
    found, starts = rule_tokens(text)
    assert found == ["licensed", "under", "gplv2+", "the", "lgpl", "2", "1+", "see", "copying"]
    assert [text[s : s + len(w)].lower() for w, s in zip(found, starts, strict=True)] == found


def test_rule_tokens_offsets_survive_case_changes_of_other_lengths() -> None:
    text = "İstanbul: MIT license"  # "İ" lower-cases to two characters
    found, starts = rule_tokens(text)
    assert found[-2:] == ["mit", "license"]
    assert text[starts[-2] : starts[-2] + 3] == "MIT"


def test_rule_text_tokens_mark_required_phrases() -> None:
    found, required = rule_text_tokens("This file is {{GPLv2}} as found in {{COPYING}}.")
    assert found == ["this", "file", "is", "gplv2", "as", "found", "in", "copying"]
    assert [found[a:b] for a, b in required] == [["gplv2"], ["copying"]]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_rule_tokens_never_fail_and_point_into_the_text(text: str) -> None:
    found, starts = rule_tokens(text)
    assert len(found) == len(starts)
    assert all(0 <= s < len(text) for s in starts)
