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
from collections.abc import Callable, Iterator
from itertools import compress, filterfalse, repeat
from operator import not_
from typing import Any

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
_NON_ASCII_WORD_CHAR = re.compile(r"(?![\x00-\x7f])[^\W_]")  # a character _TOKEN takes
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_NEWLINE = re.compile("\n")
_WORD_BYTE = bytes(1 if chr(c).isascii() and chr(c).isalnum() else 0 for c in range(256))


def _ascii_word_edges(text: str) -> list[int]:
    """Start, end, start, end... of the runs of ASCII letters and digits in an ASCII text (as
    _TOKEN finds them there)."""
    edges: list[int] = _ascii_word_edge_array(text).tolist()
    return edges


def _ascii_word_edge_array(text: str) -> Any:
    """_ascii_word_edges(text) as a numpy array of int64."""
    import numpy as np  # only where spans are wanted: a text identified by its digest needs none

    flags = np.frombuffer(text.encode("ascii").translate(_WORD_BYTE), dtype=np.int8)
    return np.flatnonzero(np.diff(flags, prepend=0, append=0))
# Markdown links keep their text, not their target: [text](url) -> text.
_MD_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*\)")
# Inline HTML tags (<br>, <p align="center">) carry no license words.
_HTML_TAG = re.compile(
    r"</?(?:a|b|i|u|p|br|hr|em|strong|span|div|sup|sub|h[1-6]|ul|ol|li|table|thead|tbody|tr|td|th"
    r"|img|code|pre|blockquote|details|summary|center|font|small|big)\b[^<>]*>",
    re.IGNORECASE,
)
# A list marker at the start of a line (after Markdown prefixes): 1. 1.2 (a) a) iv. A.
_LINE_MARKER_BODY = (
    r"[ \t>#*+\-•·▪◦–]*"
    r"(?:\(?\d{1,2}(?:\.\d{1,2}){1,3}[.)]?|\(?\d{1,3}[.)]|\(\d{1,3}\)|\(?[a-zA-Z][.)]|\([ivx]{1,4}\)"
    r"|[ivxIVX]{1,5}[.)])"
    r"(?=[*_]*(?:[ \t]|$))"
)
# a number at a line's start right after "Version" ending the line above is that version
# ("... Mozilla Public License Version\n * 1.1 (the "License")"), no list numbering
_AFTER_VERSION = r"(?<!(?i:version)\n)(?<!(?i:version) \n)"
_LINE_MARKER = re.compile("^" + _AFTER_VERSION + _LINE_MARKER_BODY, re.MULTILINE)
# the same, found from the line break before it: a pattern starting with a literal character is
# searched for that character first, where one starting with "^" is tried at every position
_FIRST_LINE_MARKER = re.compile(_LINE_MARKER_BODY, re.MULTILINE)  # with .match(): line 1
# (the look-ahead holds for every marker's first two characters: most lines fail it at once;
# the look-behinds come after the line break, so that the pattern still starts with it)
_NEXT_LINE_MARKER = re.compile(
    r"\n(?<!(?i:version)\n)(?<!(?i:version) \n)"
    r"(?=[ \t>#*+\-•·▪◦–]*(?:\([\da-zA-Z]|\d[\d.)]|[a-zA-Z][.)]|[ivxIVX]{2}))("
    + _LINE_MARKER_BODY + ")", re.MULTILINE)
# The same markers inside a re-wrapped line, after the end of a sentence.
_INLINE_MARKER_BODY = (r"(\(?\d{1,2}(?:\.\d{1,2})*[.)]|\(?[a-zA-Z][.)]|\([ivx]{1,4}\)"
                       r"|[ivxIVX]{1,4}[.)])")
_INLINE_MARKER = re.compile(
    r"(?<=[.;:\u201d\"])[ \t]+" + _INLINE_MARKER_BODY + r"(?=[*_]*[ \t])"
)
# the same, found from the sentence's end (a character set first is searched for quickly); the
# match is only that character, so a marker ending in "." may end the next sentence too
_INLINE_MARKER_AT = re.compile(
    r"[.;:\u201d\"](?=[ \t]+" + _INLINE_MARKER_BODY + r"(?=[*_]*[ \t]))"
)
# A copyright notice line: "Copyright (c) 2024 Name", "© 2020", "(c) 1999 ...",
# "All rights reserved."
_COPYRIGHT_LINE = re.compile(
    r"^[ \t>#*_\-]*(?:(?:copyright|\(c\)|©)[*_]*[ \t]*"
    r"(?:\(c\)|©|\d{4}|\[yyyy\]|<year>|\{year\}|\[year\]|\{\{|\$year|\d{4}[-–,])[^\n]{0,160}"
    r"|all rights reserved\.?[ \t]*)$",
    re.IGNORECASE | re.MULTILINE,
)
# spelled in two parts so that REUSE tools reading this file don't take it for a tag
SPDX_TAG = "SPDX-License-" + "Identifier"
_SPDX_ID_LINE = re.compile(SPDX_TAG + r"\s*:\s*(?P<expr>[^\n*]+?)\s*(?:\*/|-->|#}|$)",
                           re.MULTILINE)


class Tokens:
    """Normalized tokens of one text; each token's character span and 1-based line are
    computed on first use (identification of a verbatim text never needs them)."""

    __slots__ = ("_breaks", "_ends", "_lines", "_masked", "_starts", "_text", "words")

    def __init__(self, words: tuple[str, ...], masked: str, text: str) -> None:
        self.words = words
        self._masked = masked
        self._text = text
        self._starts: tuple[int, ...] | None = None
        self._ends: tuple[int, ...] = ()
        self._lines: tuple[int, ...] | None = None
        self._breaks: list[int] | None = None

    def __len__(self) -> int:
        return len(self.words)

    def _spans(self) -> None:
        masked = self._masked
        if not masked.isascii():
            masked = _ascii_kinds(masked)
        # a word is a run of ASCII letters and digits: found in one pass
        edges = _ascii_word_edges(masked)
        self._starts, self._ends = tuple(edges[0::2]), tuple(edges[1::2])

    def _line_breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in _NEWLINE.finditer(self._text)]
        return self._breaks

    @property
    def starts(self) -> tuple[int, ...]:
        if self._starts is None:
            self._spans()
        assert self._starts is not None
        return self._starts

    @property
    def ends(self) -> tuple[int, ...]:
        if self._starts is None:
            self._spans()
        return self._ends

    @property
    def lines(self) -> tuple[int, ...]:
        if self._lines is None:
            import numpy as np  # see _ascii_word_edges

            # a token's line: 1 + the line breaks before its first character
            self._lines = tuple((np.searchsorted(np.array(self._line_breaks(), dtype=np.int64),
                                                 self.starts, side="left") + 1).tolist())
        return self._lines

    def line_of(self, i: int) -> int:
        """The line of token i (without computing every span for a first or last token)."""
        if self._lines is not None:
            return self._lines[i]
        if 0 < i < len(self.words) - 1 or self._starts is not None:
            return bisect_right(self._line_breaks(), self.starts[i] - 1) + 1
        masked = self._masked
        if i == 0:
            m = _TOKEN.search(masked)
            assert m is not None
            return self._text.count("\n", 0, m.start()) + 1
        end = len(masked) - 1
        while end > 0 and not (masked[end].isalnum() and masked[end] != "_"):
            end -= 1
        return self._text.count("\n", 0, end) + 1

    def slice_text(self, text: str, i: int, j: int) -> str:
        """The original text covered by tokens i..j-1 (whitespace collapsed)."""
        if i >= j:
            return ""
        return " ".join(text[self.starts[i] : self.ends[j - 1]].split())


def _ascii_kinds(text: str) -> str:
    """`text` with each non-ASCII character as an ASCII one of its kind: a letter or digit
    (what `[^\\W_]` takes) as `a`, any other as a space; offsets kept. A pattern of ASCII
    classes and letters and digits finds its words at the same places."""
    return _NON_ASCII.sub(" ", _NON_ASCII_WORD_CHAR.sub("a", text))


def _blank(text: str, pattern: re.Pattern[str], group: int = 0) -> str:
    """Replace every match by spaces, keeping offsets and line breaks."""

    def repl(m: re.Match[str]) -> str:
        s, e = m.span(group)
        whole = m.group(0)
        off = s - m.start()
        part = whole[off : off + (e - s)]
        inner = " " * len(part) if "\n" not in part else \
            "".join("\n" if c == "\n" else " " for c in part)
        return whole[:off] + inner + whole[off + (e - s) :]

    return pattern.sub(repl, text)


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of each span (in order, not overlapping) replaced by spaces,
    line breaks kept."""
    if not spans:
        return text
    parts = []
    prev = 0
    for s, e in spans:
        parts.append(text[prev:s])
        chunk = text[s:e]
        parts.append(" " * len(chunk) if "\n" not in chunk else
                     "".join("\n" if c == "\n" else " " for c in chunk))
        prev = e
    parts.append(text[prev:])
    return "".join(parts)


def _blank_copyright(text: str) -> str:
    """_blank(text, _COPYRIGHT_LINE), trying only the lines that hold one of its words. The
    lower case finds them: in an ASCII text exactly; in another too, when its lower case keeps
    every offset and it has none of the characters the pattern's case folding takes for an
    ASCII letter."""
    low = text.lower()
    words: tuple[str, ...] = _COPYRIGHT_WORDS
    if not text.isascii():
        if len(low) != len(text) or _FOLDS_TO_ASCII.search(text):
            return _blank(text, _COPYRIGHT_LINE)
        words = (*_COPYRIGHT_WORDS, "©")
    # a match is one whole line holding one of these: only such lines are tried
    starts = {low.rfind("\n", 0, at) + 1 for word in words for at in _occurrences(low, word)}
    spans = [m.span() for m in map(_COPYRIGHT_LINE.match, repeat(text), sorted(starts))
             if m is not None]
    return _blank_spans(text, spans)


_COPYRIGHT_WORDS = ("copyright", "(c)", "all rights reserved")
# the characters other than ASCII that an IGNORECASE pattern matches to an ASCII letter
# (İ ı ſ and the Kelvin sign; checked in tests against every code point)
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _occurrences(text: str, word: str) -> Iterator[int]:
    at = text.find(word)
    while at >= 0:
        yield at
        at = text.find(word, at + 1)


def _blank_markers(text: str) -> str:
    """_blank(_blank(text, _LINE_MARKER), _INLINE_MARKER, 1), by the quicker patterns."""
    first = _FIRST_LINE_MARKER.match(text)
    spans = [first.span()] if first else []
    spans += [m.span(1) for m in _NEXT_LINE_MARKER.finditer(text)]
    out = _blank_spans(text, spans)
    return _blank_spans(out, [m.span(1) for m in _INLINE_MARKER_AT.finditer(out)])


def mask(text: str, markers: bool = True, markup: bool = True) -> str:
    """Blank what carries no license meaning, keeping every offset (same length as `text`).

    `markers=False` keeps list numbering (for checking quotes that run across a line break
    where a number happens to start the next line); `markup=False` keeps link targets and
    HTML tags (an address a rule's words hold).
    """
    out = _blank(text, _MD_LINK_TARGET) if markup and "](" in text else text
    out = _blank(out, _HTML_TAG) if markup and "<" in out else out
    out = _blank_copyright(out)
    return _blank_markers(out) if markers else out


def normalize_word(raw: str) -> str:
    word = unicodedata.normalize("NFKC", raw).lower()
    return EQUIVALENTS.get(word, word)


def _normalized(raw: str) -> str:
    """normalize_word; an ASCII word is its own NFKC form."""
    if not raw.isascii():
        return normalize_word(raw)
    word = raw.lower()
    return EQUIVALENTS.get(word, word)


_ASCII_WORD = set(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_ASCII_SPACES = bytes(c if c in _ASCII_WORD else 32 for c in range(256))
_EQUIVALENT_WORDS = frozenset(EQUIVALENTS)


def _split_words(text: str) -> list[str] | None:
    """The words of `text` as _TOKEN finds them, lower-cased; None when a fast pass can't."""
    if text.isascii():
        # bytes.translate + split: five times faster than the regex, same tokens
        return text.encode("ascii").translate(_ASCII_SPACES).decode("ascii").lower().split()
    lowered = text.lower()
    if len(lowered) == len(text) and unicodedata.is_normalized("NFKC", text):
        return _findall_in_chunks(_TOKEN, lowered, _CHUNK_SPACES)
    return None


# ASCII characters other than letters and digits to spaces (and, for rule words, other than
# "+"); every byte of a character that is not ASCII kept
_CHUNK_SPACES = bytes(c if c in _ASCII_WORD or c >= 0x80 else 32 for c in range(256))
_RULE_CHUNK_SPACES = bytes(c if c in _ASCII_WORD or c >= 0x80 or c == 0x2B else 32
                           for c in range(256))


def _findall_in_chunks(pattern: re.Pattern[str], text: str, spaces: bytes) -> list[str]:
    """pattern.findall(text) for a pattern whose matches hold no ASCII character that `spaces`
    makes a space, run only on the chunks of text between such characters that are not ASCII
    letters and digits alone (each of those is one match): in a text with a few characters
    other than ASCII, the regex reads only the words around them."""
    return _findall_around(pattern, text.encode("utf-8", "surrogatepass").translate(spaces))


_OTHER_BYTE = re.compile(rb"[^ 0-9A-Za-z]")  # (chunks of these alone are one word each)


def _findall_around(pattern: re.Pattern[str], spaced: bytes) -> list[str]:
    """pattern.findall over the chunks of `spaced` (words between spaces), a chunk of ASCII
    letters and digits alone being one match: the regex runs only on the chunks holding some
    other byte, the runs of chunks between them are split in one piece (no loop by word)."""
    out: list[str] = []
    done = 0
    find, other = pattern.findall, _OTHER_BYTE.search
    while (m := other(spaced, done)) is not None:  # (`done`: 0, or a space after a chunk)
        start = spaced.rfind(b" ", done, m.start()) + 1
        end = spaced.find(b" ", m.end())
        end = len(spaced) if end < 0 else end
        out += spaced[done:start].decode("ascii").split()
        out += find(spaced[start:end].decode("utf-8", "surrogatepass"))
        done = end
    out += spaced[done:].decode("ascii").split()
    return out


def tokenize(text: str, markers: bool = True) -> Tokens:
    """Normalized tokens of `text` (list numbering dropped); spans and lines on demand."""
    masked = mask(text, markers)
    raw = _split_words(masked)
    if raw is None:
        return Tokens(tuple(map(_normalized, _TOKEN.findall(masked))), masked, text)
    if not _EQUIVALENT_WORDS.isdisjoint(raw):
        get = EQUIVALENTS.get
        raw = [get(w, w) for w in raw]
    return Tokens(tuple(raw), masked, text)


# ASCII punctuation and spaces to spaces; letters, digits and every byte of a multi-byte
# UTF-8 character kept (curly quotes then stay glued to their word: fine for equality)
_RAW_SPACES = bytes(c if c in _ASCII_WORD or c >= 0x80 else 32 for c in range(256))


def raw_words(text: str) -> list[bytes]:
    """Words of `text` as written, only case, spacing and ASCII punctuation ignored (nothing
    masked, nothing normalized): what a verbatim copy shares with its reference, in one C pass."""
    return text.lower().encode("utf-8", "surrogatepass").translate(_RAW_SPACES).split()


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


# -- rule tokens ----------------------------------------------------------------------------
# The LicenseDB's rules are matched word for word, in ScanCode's own token space: words are
# runs of letters and digits, a "+" kept on the word it follows ("GPLv2+", "2.0+": or-later is
# a different license), case folded. Words that are only markup (HTML tags and entities,
# comment keywords of batch files and autotools) are skipped, so that a reference inside HTML
# or a comment reads the same as in plain text.
_RULE_WORD = re.compile(r"[^_\W]+\+?[^_\W]*")
_RULE_WORD_OR_BRACES = re.compile(r"[^_\W]+\+?[^_\W]*|\{\{|\}\}")
MARKUP_WORDS = frozenset({
    "amp", "apos", "gt", "lt", "nbsp", "quot", "a", "abbr", "alt", "blockquote", "body", "br",
    "class", "div", "em", "h1", "h2", "h3", "h4", "h5", "hr", "href", "img", "li", "ol", "p",
    "pre", "rel", "script", "span", "src", "td", "th", "tr", "ul", "rem", "dnl", "para", "ulink",
    "bdquo", "bull", "bullet", "colon", "comma", "emdash", "emsp", "ensp", "ge", "hairsp",
    "ldquo", "ldquor", "le", "lpar", "lsaquo", "lsquo", "lsquor", "mdash", "ndash", "numsp",
    "period", "puncsp", "raquo", "rdquo", "rdquor", "rpar", "rsaquo", "rsquo", "rsquor", "sbquo",
    "semi", "thinsp", "tilde", "x3c", "x3e", "lists", "side", "nav", "height", "auto", "border",
    "padding", "width", "head1", "head2", "head3", "par", "printf", "echo",
})


# ASCII to rule token space in one C pass: letters lower-cased, digits and "+" kept, the rest
# a space (then a chunk without "+" is exactly one word)
_RULE_BYTES = bytes(c + 32 if 65 <= c <= 90 else c if c in _ASCII_WORD or c == 0x2B else 32
                    for c in range(256))


def _ascii_rule_words(text: str) -> list[str]:
    """Every word of an ASCII text in rule token space, markup words included (as
    _RULE_WORD.findall finds them: a match never spans a character other than a letter, a
    digit or "+", so each chunk of those is matched on its own)."""
    spaced = text.encode("ascii").translate(_RULE_BYTES)
    return spaced.decode("ascii").split() if "+" not in text else \
        _findall_around(_RULE_WORD, spaced)


def _ascii_rule_starts(text: str) -> list[int]:
    """The offset of each word of _ascii_rule_words(text), markup words included.

    A word is a run of letters and digits, and, when a "+" joins it to the next run ("a+b"),
    that run too; the run after such a pair starts a word again ("a+b+c" is "a+b", "c"): in a
    chain of runs joined by single "+" signs, every second run continues a word."""
    import numpy as np  # see _ascii_word_edges

    edges = _ascii_word_edge_array(text)
    starts, ends = edges[0::2], edges[1::2]
    if "+" not in text or len(starts) < 2:
        return starts.tolist()  # type: ignore[no-any-return]
    plus = np.frombuffer(text.encode("ascii"), dtype=np.uint8) == ord("+")
    joined = np.zeros(len(starts), dtype=bool)
    joined[1:] = (starts[1:] == ends[:-1] + 1) & plus[ends[:-1]]
    run = np.arange(len(starts))
    chain = np.maximum.accumulate(np.where(joined, 0, run))  # where each chain begins
    continues = joined & ((run - chain) % 2 == 1)
    return starts[~continues].tolist()  # type: ignore[no-any-return]


def rule_words(text: str) -> list[str]:
    """The words of `rule_tokens(text)`, without their offsets (most texts need none)."""
    if text.isascii():
        words = _ascii_rule_words(text)
    else:
        lowered = text.lower()
        if len(lowered) != len(text):  # a character whose lower case is longer: word by word
            return rule_tokens(text)[0]
        words = _findall_in_chunks(_RULE_WORD, lowered, _RULE_CHUNK_SPACES)
    if MARKUP_WORDS.isdisjoint(words):
        return words
    return list(filterfalse(MARKUP_WORDS.__contains__, words))


def rule_words_with_markup(text: str) -> tuple[list[str], Callable[[], list[int]]]:
    """Every word of `text` in rule token space, markup words included, and a function giving
    their offsets when asked (most texts need none): rule_tokens(text) is these without the
    MARKUP_WORDS."""
    if text.isascii():
        return _ascii_rule_words(text), lambda: _ascii_rule_starts(text)
    lowered = text.lower()
    if len(lowered) != len(text):  # a character whose lower case is longer: word by word
        pairs = [(m.group().lower(), m.start()) for m in _RULE_WORD.finditer(text)]
        return [w for w, _ in pairs], lambda: [a for _, a in pairs]
    # offsets by the ASCII pass (a word is where it is in the text of its characters' kinds)
    return _findall_in_chunks(_RULE_WORD, lowered, _RULE_CHUNK_SPACES), \
        lambda: _ascii_rule_starts(_ascii_kinds(lowered))


def _not_markup(words: list[str]) -> list[bool]:
    """For each word, whether it is kept (no markup word); in C loops ("a" is a markup word:
    most English texts have some)."""
    return list(map(not_, map(MARKUP_WORDS.__contains__, words)))


def rule_tokens(text: str) -> tuple[list[str], list[int]]:
    """Words of a query in rule token space, and the character offset of each."""
    words, offsets = rule_words_with_markup(text)
    starts = offsets()
    if MARKUP_WORDS.isdisjoint(words):
        return words, starts
    keep = _not_markup(words)
    return list(compress(words, keep)), list(compress(starts, keep))


def rule_text_tokens(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Words of a rule's text, and the token ranges its `{{required phrases}}` mark."""
    out: list[str] = []
    required: list[tuple[int, int]] = []
    opened: int | None = None
    for w in _RULE_WORD_OR_BRACES.findall(text.lower()):
        if w == "{{":
            opened = len(out)
        elif w == "}}":
            if opened is not None and len(out) > opened:
                required.append((opened, len(out)))
            opened = None
        elif w not in MARKUP_WORDS:
            out.append(w)
    return out, required
