# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What the findings made word for word leave to an approximate alignment: legal words.

ScanCode aligns references approximately only in a "query run" that still holds a legal word
(one of its common license words, `licensedb.legalese`) that no exact match took: a region
whose legal words the rules found word for word all explain is theirs
(licensedcode.query.QueryRun.is_matchable, as index.get_query_run_approximate_matches calls
it). Runs are the text's lines, cut where at least 15 lines in a row hold no legal word
(query._tokenize_and_build_runs, for a text). licentia aligns first and weighs the findings
afterwards (identifier._merge), so it asks the same question of each alignment.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence

from licentia.catalog.licensedb import legalese
from licentia.identify.classify import FULL
from licentia.identify.found import DiffKind, Match
from licentia.identify.leftovers import MIN_LEFTOVER_TOKENS
from licentia.normalize import rule_tokens

RUN_BREAK_LINES = 15  # lines in a row without a legal word that end a run (ScanCode's)
_NEWLINE = re.compile("\n")
_NOT_NEWLINE = re.compile("[^\n]")


class Exactly:
    """The legal words of a text, and which of them findings made word for word hold."""

    def __init__(self, text: str, held: Iterable[tuple[int, int]]) -> None:
        self._text = text
        self._held = _union(held)
        self._held_starts = [a for a, _ in self._held]
        words, starts = rule_tokens(text)
        legal = legalese()
        breaks = [m.start() for m in _NEWLINE.finditer(text)]
        self._starts: list[int] = []  # first character of each run
        self._open: list[bool] = []  # whether a legal word of the run is left
        quiet = 0  # lines in a row without a legal word before the current one
        line, line_legal = -1, False
        for w, c in zip(words, starts, strict=True):
            at = bisect_right(breaks, c - 1)
            if at != line:
                if line >= 0:  # the line before, and the lines without words between
                    quiet = (0 if line_legal else quiet + 1) + at - line - 1
                if not self._starts or quiet >= RUN_BREAK_LINES:
                    self._starts.append(c)
                    self._open.append(False)
                    quiet = 0
                line, line_legal = at, False
            if w in legal:
                line_legal = True
                if not self._open[-1] and not self._holds(c):
                    self._open[-1] = True

    def _holds(self, c: int) -> bool:
        return _within(self._held, self._held_starts, c)

    def leave_legal_words(self, m: Match) -> bool:
        """Whether a run of the text that an approximate match overlaps holds a legal word
        no finding made word for word holds (else ScanCode aligns nothing there)."""
        if m.chars is None or not self._starts:
            return m.chars is None
        first = max(0, bisect_right(self._starts, m.chars[0]) - 1)
        last = max(0, bisect_left(self._starts, m.chars[1]) - 1)
        return any(self._open[first : last + 1])

    def explain(self, m: Match) -> bool:
        """Whether findings made word for word say all an approximate match says when it
        lacks part of its reference: every word it matched and every legal word between its
        ends are theirs ("The authors make NO WARRANTY ... Permission is hereby granted to
        use ..." found as a warranty disclaimer and the IJG's terms word for word is no IJG
        text with its first lines missing). A match that holds all of its reference is the
        text or notice the rules found in parts."""
        if m.chars is None or not any(d.kind is DiffKind.REMOVED for d in m.differences):
            return False
        legal = legalese()
        a = m.chars[0]
        words, starts = rule_tokens(self._text[a : m.chars[1]])
        for w, s in zip(words, starts, strict=True):
            c = a + s
            if self._holds(c):
                continue
            if w in legal or not any(d.holds((c, c + len(w))) for d in m.differences):
                return False
        return True


def left_to_align(text: str, dropped: Iterable[Match], kept: Sequence[Match]) -> str | None:
    """The text as a second alignment reads it, or None when it has nothing to read: the
    words alignments the merge dropped spanned, where at least MIN_LEFTOVER_TOKENS legal
    words no kept finding holds are left, less the license texts kept (everything else
    blanked, lines and offsets kept). Aligned with the whole text, a long reference may take
    the words of a text or notice the matcher never aligned on its own (a package's list of
    BSD texts read as one composite license, then found as its parts word for word, one
    variant among them with no rule of its own): ScanCode aligns after its exact matches,
    where legal words are left."""
    held = _union(m.chars for m in kept if m.chars is not None)
    held_starts = [a for a, _ in held]
    texts = _union(m.chars for m in kept if m.chars is not None and m.kind in FULL)
    legal = legalese()
    visible: list[tuple[int, int]] = []
    for m in dropped:
        if m.chars is None:
            continue
        a, b = m.chars
        words, starts = rule_tokens(text[a:b])
        left = sum(1 for w, s in zip(words, starts, strict=True)
                   if w in legal and not _within(held, held_starts, a + s))
        if left >= MIN_LEFTOVER_TOKENS:
            visible.extend(_minus((a, b), texts))
    if not visible:
        return None
    parts, pos = [], 0
    for a, b in _union(visible):
        parts += [_NOT_NEWLINE.sub(" ", text[pos:a]), text[a:b]]
        pos = b
    parts.append(_NOT_NEWLINE.sub(" ", text[pos:]))
    return "".join(parts)


def _within(spans: list[tuple[int, int]], starts: list[int], c: int) -> bool:
    n = bisect_right(starts, c) - 1
    return n >= 0 and c < spans[n][1]


def _minus(span: tuple[int, int], holes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A character range less disjoint ranges (in order)."""
    out, (a, b) = [], span
    for x, y in holes:
        if y <= a or x >= b:
            continue
        if x > a:
            out.append((a, x))
        a = max(a, y)
    if a < b:
        out.append((a, b))
    return out


def _union(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges as disjoint ranges, in order."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out
