# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Token spans and lines found in one pass over an ASCII text are those the tokenizer's
pattern finds, line by line as the text counts them (a form feed is no line break); the quick
ways of finding rule words and masked markers find what the patterns find."""

from __future__ import annotations

import re
import sys
from bisect import bisect_right

from hypothesis import given, settings
from hypothesis import strategies as st

from licentia import normalize
from licentia.normalize import _TOKEN, rule_tokens, rule_words, rule_words_with_markup, tokenize

TEXT = st.text(alphabet=st.sampled_from(list("aZ9 _-.,()*#'\"\n\t\x0c+<>&;é")), max_size=300)
# pieces of markers, markup, "+" chains and copyright lines, and letters that fold to ASCII
PIECES = st.lists(st.sampled_from(
    ["a", "B", "i", "v", "x", "IV", "1", "12", "2020", ".", ")", "(", " ", "\t", "\n", ";", ":",
     '"', "\u201d", "*", "_", "#", ">", "-", "•", "+", "++", "br", "amp", "Copyright ", "(c) ",
     "©", "all rights reserved", "ſ", "K", "é", "İ", "ß", "{{", "}}", "Version", "VERSION "]),
    max_size=40).map("".join)


def _rule_pattern(text: str) -> tuple[list[str], list[int]]:
    """rule_tokens as its pattern finds them, word by word."""
    pairs = [(m.group().lower(), m.start()) for m in normalize._RULE_WORD.finditer(text)]
    if len(text.lower()) == len(text):
        lowered = text.lower()
        pairs = [(m.group(), m.start()) for m in normalize._RULE_WORD.finditer(lowered)]
    kept = [(w, a) for w, a in pairs if w not in normalize.MARKUP_WORDS]
    return [w for w, _ in kept], [a for _, a in kept]


def _mask_pattern(text: str, markers: bool) -> str:
    """mask() by its patterns alone, each tried at every position."""
    out = normalize._blank(text, normalize._MD_LINK_TARGET)
    out = normalize._blank(out, normalize._HTML_TAG)
    out = normalize._blank(out, normalize._COPYRIGHT_LINE)
    if markers:
        out = normalize._blank(out, normalize._LINE_MARKER)
        out = normalize._blank(out, normalize._INLINE_MARKER, 1)
    return out


@given(st.one_of(TEXT, PIECES))
def test_rule_words_and_offsets_are_the_patterns(text: str) -> None:
    assert rule_tokens(text) == _rule_pattern(text)
    assert rule_words(text) == _rule_pattern(text)[0]
    every, starts = rule_words_with_markup(text)
    kept = [(w, a) for w, a in zip(every, starts(), strict=True)
            if w not in normalize.MARKUP_WORDS]
    assert ([w for w, _ in kept], [a for _, a in kept]) == _rule_pattern(text)


@given(st.one_of(TEXT, PIECES), st.booleans())
def test_masked_markers_and_copyright_lines_are_the_patterns(text: str, markers: bool) -> None:
    assert normalize.mask(text, markers) == _mask_pattern(text, markers)


# ASCII lines with copyright words in and around them (an ASCII text only tries such lines)
ASCII_LINES = st.lists(st.sampled_from(
    ["Copyright ", "copyright", "COPYRIGHT", "(c) ", "(C)", "2020", "2019-2024, ", "all rights",
     " reserved", "All Rights Reserved.", "# ", " * ", "  ", "\t", "-", "Foo", "x", "\n", "\n",
     "[yyyy]", "{{", "(c)"]), max_size=30).map("".join)


@settings(max_examples=300)
@given(ASCII_LINES)
def test_copyright_lines_of_an_ascii_text_are_the_pattern(text: str) -> None:
    assert normalize.mask(text, False) == _mask_pattern(text, False)


def test_a_plus_joins_two_runs_at_most() -> None:
    assert rule_tokens("gplv2+ a+b+c c++ +x") == (["gplv2+", "a+b", "c", "c+", "x"],
                                                    [0, 7, 11, 13, 18])
    assert rule_words("GPLv2+ A+B+C") == ["gplv2+", "a+b", "c"]


def test_markers_after_a_marker_and_on_the_first_line() -> None:
    text = "1. First.\nRead it. a. b. c) the end\n  (iv) last"
    assert normalize.mask(text) == _mask_pattern(text, True)
    assert normalize.mask(text).split() == ["First.", "Read", "it.", "the", "end", "last"]


def test_a_version_at_a_line_start_after_version_is_no_marker() -> None:
    """"... Public License Version" ending a line: the number starting the next is the
    version; after another word it is list numbering."""
    text = " * Mozilla Public License Version\n * 1.1 (the License)\n * and\n * 2. Grant\n"
    assert normalize.mask(text) == _mask_pattern(text, True)
    assert normalize.mask(text).split() == ["*", "Mozilla", "Public", "License", "Version",
                                            "*", "1.1", "(the", "License)", "*", "and",
                                            "Grant"]
    assert "1.1" in normalize.mask("VERSION \n1.1 of it")


@given(st.one_of(TEXT, PIECES))
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


# words with characters NFKC changes (a ligature, a superscript), ones whose lower case is
# longer, and spellings the normalizer makes equivalent
NFKC_PIECES = st.lists(st.sampled_from(
    ["ﬁle", "x²", "İs", "Licence", "LICENCE", "licensor", "ſ", "Ⅳ", "é", "ß", " ", "\n", ".",
     "word", "(c) ", "1. ", "_"]), max_size=30).map("".join)


@given(st.one_of(NFKC_PIECES, PIECES))
def test_tokens_are_the_words_normalized_one_by_one(text: str) -> None:
    masked = normalize.mask(text)
    expected = tuple(normalize.normalize_word(w) for w in _TOKEN.findall(masked))
    assert tokenize(text).words == expected


def test_only_these_characters_fold_to_an_ascii_letter() -> None:
    """_blank_copyright finds a non-ASCII text's candidate lines by its lower case unless it
    holds one of these (an IGNORECASE pattern takes them for ASCII letters)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    folding = [c for c in map(chr, range(0x80, sys.maxunicode + 1)) if letter.match(c)]
    assert folding == [c for c in map(chr, range(0x80, sys.maxunicode + 1))
                       if normalize._FOLDS_TO_ASCII.match(c)]


# non-ASCII lines with copyright words (such a text tries only those lines too)
UNICODE_LINES = st.lists(st.sampled_from(
    ["Copyright ", "COPYRIGHT", "© ", "(C) ", "2020", "٢٠٢٠", " ", "\n", "é", "ß", "Ä", "ſ",
     "K", "İ", "ı", "all rights reserved", "ALL RIGHTS", " RESERVED", "-", "# ", "Jürgen"]),
    max_size=30).map("".join)


@settings(max_examples=300)
@given(UNICODE_LINES)
def test_copyright_lines_of_a_non_ascii_text_are_the_pattern(text: str) -> None:
    assert normalize.mask(text, False) == _mask_pattern(text, False)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | PIECES)
def test_words_found_chunk_by_chunk_are_the_patterns(text: str) -> None:
    """The regex run only on the chunks holding characters other than ASCII finds what it
    finds on the whole text."""
    low = text.lower()
    assert normalize._findall_in_chunks(_TOKEN, low, normalize._CHUNK_SPACES) == \
        _TOKEN.findall(low)
    assert normalize._findall_in_chunks(normalize._RULE_WORD, low,
                                        normalize._RULE_CHUNK_SPACES) == \
        normalize._RULE_WORD.findall(low)
