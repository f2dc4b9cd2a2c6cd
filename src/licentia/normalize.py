# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Turn a license text into comparable tokens, after the SPDX matching guidelines.

Case, whitespace, punctuation, quotes, bullets and list numbering, Markdown markup, copyright
notice lines and a few equivalent spellings do not change a license; everything else does. Each
token remembers where it came from (character span and line) so differences can be shown in the
user's own text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

# Equivalent words (SPDX matching guidelines, "varietal word spelling"), applied per token.
EQUIVALENTS: dict[str, str] = {
    "licence": "license",
    "licences": "licenses",
    "licenced": "licensed",
    "licencing": "licensing",
    "acknowledgement": "acknowledgment",
    "acknowledgements": "acknowledgments",
    "analogue": "analog",
    "authorisation": "authorization",
    "authorised": "authorized",
    "behaviour": "behavior",
    "centre": "center",
    "favour": "favor",
    "honour": "honor",
    "judgement": "judgment",
    "labelled": "labeled",
    "memorise": "memorize",
    "modelling": "modeling",
    "offence": "offense",
    "organisation": "organization",
    "organisations": "organizations",
    "practise": "practice",
    "programme": "program",
    "realise": "realize",
    "recognise": "recognize",
    "signalling": "signaling",
    "utilisation": "utilization",
    "whilst": "while",
    "wilful": "willful",
    "https": "http",
}

_TOKEN = re.compile(r"[^\W_]+")
# Markdown links keep their text, not their target: [text](url) -> text.
_MD_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*\)")
# Inline HTML tags (<br>, <p align="center">) carry no license words.
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|u|p|br|hr|em|strong|span|div|sup|sub|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th"
    r"|img|code|pre|blockquote|details|summary|center|font|small|big)\b[^<>]*>",
    re.IGNORECASE,
)
# A list marker at the start of a line (after Markdown prefixes): 1. 1.2 (a) a) iv. A.
_LINE_MARKER = re.compile(
    r"^[ \t>#*+\-•·▪◦–]*"
    r"(?:\(?\d{1,3}(?:\.\d{1,3})+[.)]?|\(?\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)]|\([a-zA-Z]{1,4}\)"
    r"|[ivxIVX]{1,5}[.)])"
    r"(?=[*_]*(?:[ \t]|$))",
    re.MULTILINE,
)
# The same markers inside a re-wrapped line, after the end of a sentence.
_INLINE_MARKER = re.compile(
    r"(?<=[.;:])[ \t]+"
    r"(\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-zA-Z][.)]|\([a-zA-Z]{1,4}\)|[ivxIVX]{1,4}[.)])"
    r"(?=[*_]*[ \t])"
)
# A copyright notice line: "Copyright (c) 2024 Name", "© 2020", "(c) 1999 ...",
# "All rights reserved."
_COPYRIGHT_LINE = re.compile(
    r"^[ \t>#*_\-]*(?:(?:copyright|\(c\)|©)[*_]*[ \t]*"
    r"(?:\(c\)|©|\d{4}|\[yyyy\]|<year>|\{year\}|\[year\]|\{\{|\$year|\d{4}[-–,])[^\n]*"
    r"|all rights reserved\.?[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# spelled in two parts so that REUSE tools reading this file don't take it for a tag
SPDX_TAG = "SPDX-License-" + "Identifier"
_SPDX_ID_LINE = re.compile(SPDX_TAG + r"\s*:\s*(?P<expr>[^\n*]+?)\s*(?:\*/|-->|#}|$)",
                           re.MULTILINE)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Normalized tokens of one text, each with its character span and 1-based line."""

    words: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lines: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.words)

    def slice_text(self, text: str, i: int, j: int) -> str:
        """The original text covered by tokens i..j-1 (whitespace collapsed)."""
        if i >= j:
            return ""
        return " ".join(text[self.starts[i] : self.ends[j - 1]].split())


def _blank(text: str, pattern: re.Pattern[str], group: int = 0) -> str:
    """Replace every match by spaces, keeping offsets and line breaks."""

    def repl(m: re.Match[str]) -> str:
        s, e = m.span(group)
        whole = m.group(0)
        off = s - m.start()
        inner = "".join("\n" if c == "\n" else " " for c in whole[off : off + (e - s)])
        return whole[:off] + inner + whole[off + (e - s) :]

    return pattern.sub(repl, text)


def mask(text: str, markers: bool = True) -> str:
    """Blank what carries no license meaning, keeping every offset (same length as `text`).

    `markers=False` keeps list numbering (for checking quotes that run across a line break
    where a number happens to start the next line).
    """
    out = _blank(text, _MD_LINK_TARGET)
    out = _blank(out, _HTML_TAG)
    out = _blank(out, _COPYRIGHT_LINE)
    if markers:
        out = _blank(out, _LINE_MARKER)
        out = _blank(out, _INLINE_MARKER, 1)
    return out


def normalize_word(raw: str) -> str:
    word = unicodedata.normalize("NFKC", raw).casefold()
    return EQUIVALENTS.get(word, word)


def tokenize(text: str, markers: bool = True) -> Tokens:
    """Normalized tokens of `text` with their spans and lines (list numbering dropped)."""
    masked = mask(text, markers)
    line_starts = [0]
    line_starts.extend(m.end() for m in re.finditer("\n", text))
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    lines: list[int] = []
    for m in _TOKEN.finditer(masked):
        norm = normalize_word(m.group(0))
        s, e = m.span()
        line = bisect_right(line_starts, s)
        words.append(norm)
        starts.append(s)
        ends.append(e)
        lines.append(line)
    return Tokens(tuple(words), tuple(starts), tuple(ends), tuple(lines))


def words(text: str, markers: bool = True) -> list[str]:
    """Just the normalized words of `text` (for quotes and phrases)."""
    return list(tokenize(text, markers).words)


def spdx_identifiers(text: str) -> list[tuple[int, str]]:
    """(line, expression) of every SPDX license identifier tag in `text`."""
    found = []
    for m in _SPDX_ID_LINE.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        found.append((line, m.group("expr").strip()))
    return found
