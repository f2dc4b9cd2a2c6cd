# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Whether a rule found word for word where a text was found by alignment is part of it.

A rule inside an aligned license text usually is: the text's own words ("the GNU General
Public License" in the GFDL). It is not when it says what the text's reference does not: it
lies in words the text adds or puts in place of the reference's, or it holds words the
reference does not hold there (a notice of other terms set into the text, a name with an
address the reference lacks).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from typing import cast

from rapidfuzz.distance import Indel

from licentia.catalog import licensedb
from licentia.errors import LicentiaError
from licentia.identify.expression import keys
from licentia.identify.matcher import Difference, DiffKind, Match
from licentia.normalize import mask, rule_tokens

EDGE_WORDS = 1  # words of a rule hit at the edge of added words that the alignment may take
# a rule hit this much of whose words an aligned text matched to its reference is part of it
# (ScanCode's "extra large" overlap, OVERLAP_EXTRA_LARGE in licensedcode/match.py)
PART_OF = 0.9
WINDOW = 3  # words of a rule hit read together when asking whether a reference holds them
OWN_MIN = 2  # words a rule hit must say beyond an aligned text's reference to stand apart


def added_to(m: Match, r: Match, text: str) -> bool:
    """Whether a rule found word for word lies inside words a text adds to its reference
    (a notice of other terms set into a license text): it is not part of that text. So is
    one inside words that replace some of the reference's, unless those say it (`_reworded`:
    "the GNU GPL" for "the GNU General Public License" is the text's own; a document's
    title block set in place of the reference's header, ending in the license's name as a
    heading, is not), and one all of whose words but EDGE_WORDS at its edge were added (the
    alignment took a common word there: "the", "GNU"). An intro ("released under the
    following license:") added before a text introduces that text."""
    if r.kind == "intro" or r.chars is None:
        return False
    for d in m.differences:
        if d.kind is DiffKind.ADDED and (d.holds(r.chars) or _at_edge(d, r, text)):
            return True
        if d.kind is DiffKind.CHANGED and d.holds(r.chars) and not _reworded(d, r, text):
            return True
    return _states_other_terms(m, r, text) or _says_more(m, r, text) or \
        _matched_little(m, r, text)


def _reworded(d: Difference, r: Match, text: str) -> bool:
    """Whether the reference words a changed part replaces hold a rule hit inside it in
    their order, all of its words but EDGE_WORDS: a rewording of what the reference says
    there. (A rule more than twice as long as the words it replaces never is.)"""
    if r.chars is None:
        return False
    ref = rule_tokens(d.reference)[0]
    at = held = 0
    words = rule_tokens(text[r.chars[0] : r.chars[1]])[0]
    for w in words:
        if w in ref[at:]:
            at = ref.index(w, at) + 1
            held += 1
    return held >= len(words) - EDGE_WORDS


def _matched_little(m: Match, r: Match, text: str) -> bool:
    """Whether at most 1 - PART_OF of a text or notice rule hit's words are words the
    aligned text matched to its reference (inside its range, in none of its differences):
    a hit crossing the alignment's edge, most of it beyond (a 3-clause notice whose first
    lines an approximate BSD text took), is not part of it."""
    if r.kind not in {"text", "notice"} or r.chars is None or m.chars is None:
        return False
    words, starts = rule_tokens(text[r.chars[0] : r.chars[1]])
    found = [d for d in m.differences if d.kind is not DiffKind.REMOVED and d.chars is not None]
    matched = 0
    for w, a in zip(words, starts, strict=True):
        at = (r.chars[0] + a, r.chars[0] + a + len(w))
        if m.chars[0] <= at[0] and at[1] <= m.chars[1] and not any(d.holds(at) for d in found):
            matched += 1
    return matched <= (1 - PART_OF) * len(words)


def _states_other_terms(m: Match, r: Match, text: str) -> bool:
    """Whether a text or notice rule found word for word inside an aligned text's lines is
    not part of it: more than 1 - PART_OF of its words lie in what the text has in place of
    the reference's words or beside them (the rule says the text there, the reference
    does not)."""
    if r.kind not in {"text", "notice"} or r.chars is None or \
            not m.start_line <= r.start_line <= r.end_line <= m.end_line:
        return False
    found = [d for d in m.differences if d.kind is not DiffKind.REMOVED and d.chars is not None
             and d.chars[0] < r.chars[1] and r.chars[0] < d.chars[1]]
    if not found:
        return False
    words, starts = rule_tokens(text[r.chars[0] : r.chars[1]])
    own = sum(1 for w, a in zip(words, starts, strict=True)
              if any(d.holds((r.chars[0] + a, r.chars[0] + a + len(w))) for d in found))
    return own > (1 - PART_OF) * len(words)


def _says_more(m: Match, r: Match, text: str) -> bool:
    """Whether a rule hit inside an aligned text's lines says what the text's reference does
    not: at least OWN_MIN of its words, and more than 1 - PART_OF of them, are words (not
    of a copyright line) that the reference does not hold in that order (`_held`). "The GNU
    General Public License <http://www.gnu.org/copyleft/gpl.html>" in a GFDL text whose
    reference names the GPL without the address, in angle brackets or as a Markdown link's
    target; "The bzip2 license", a page's navigation set around another license's text.
    The alignment cannot tell: it skips a link's target and may skip other such words as
    insignificant (an address in angle brackets) or match a few of them; the rule's words
    hold the address (as ScanCode reads the text)."""
    if m.kind not in _HOLDING_KINDS or r.chars is None or \
            not m.start_line <= r.start_line <= r.end_line <= m.end_line or \
            set(keys(r.license_expression)) <= set(keys(m.license_expression)):
        return False  # (a rule of the text's own licenses says nothing more)
    words, starts = rule_tokens(text[r.chars[0] : r.chars[1]])
    if len(words) < OWN_MIN:
        return False
    try:
        held = _held(m.key, m.source, words)
    except (OSError, LicentiaError):
        return False
    line_start = text.rfind("\n", 0, r.chars[0]) + 1
    line_end = text.find("\n", r.chars[1])
    read = mask(text[line_start : line_end if line_end >= 0 else len(text)], markers=False,
                markup=False)
    at = r.chars[0] - line_start
    own = sum(1 for h, a in zip(held, starts, strict=True) if not h and read[at + a] != " ")
    return own >= OWN_MIN and own > (1 - PART_OF) * len(words)


_HOLDING_KINDS = {"text", "notice", "reference"}  # matches aligned to a reference's words


def _held(key: str, source: str, words: list[str]) -> bytearray:
    """Which of a hit's words the reference holds in order: all when the reference has them
    word for word; else those aligned with the reference's words where most of the hit's
    runs of WINDOW words are found in it (a hit shorter than WINDOW: each word found
    anywhere in the reference)."""
    ref, joined = _words_of(key, source)
    if f" {' '.join(words)} " in joined:
        return bytearray(b"\x01" * len(words))
    if len(words) < WINDOW:
        return bytearray(f" {w} " in joined for w in words)
    runs = _runs_of(key, source)
    offsets: Counter[int] = Counter(p - i for i in range(len(words) - WINDOW + 1)
                                    for p in runs.get(tuple(words[i : i + WINDOW]), ()))
    covered = bytearray(len(words))
    if not offsets:
        return covered
    start = offsets.most_common(1)[0][0]
    window = ref[max(0, start - len(words)) : start + 2 * len(words)]
    ops = cast(list[tuple[str, int, int, int, int]], Indel.opcodes(words, window).as_list())
    for tag, i1, i2, _, _ in ops:
        if tag == "equal":
            covered[i1:i2] = b"\x01" * (i2 - i1)
    return covered


@lru_cache(maxsize=512)
def _words_of(key: str, source: str) -> tuple[tuple[str, ...], str]:
    """A reference's rule words, and them joined by spaces (with one before and after)."""
    text = licensedb.read_rule_text(source) if source.endswith(".RULE") else \
        licensedb.read_text(key)
    words = tuple(rule_tokens(text)[0])
    return words, " " + " ".join(words) + " "


@lru_cache(maxsize=64)
def _runs_of(key: str, source: str) -> dict[tuple[str, ...], tuple[int, ...]]:
    """Where each run of WINDOW words of a reference starts."""
    words = _words_of(key, source)[0]
    runs: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - WINDOW + 1):
        runs.setdefault(words[i : i + WINDOW], []).append(i)
    return {run: tuple(at) for run, at in runs.items()}


def _at_edge(d: Difference, r: Match, text: str) -> bool:
    """Whether all of a rule hit's words but at most EDGE_WORDS (and fewer than half) lie
    inside what the difference found."""
    if d.chars is None or r.chars is None or d.chars[1] <= r.chars[0] or \
            r.chars[1] <= d.chars[0]:
        return False
    words, starts = rule_tokens(text[r.chars[0] : r.chars[1]])
    outside = sum(1 for w, a in zip(words, starts, strict=True)
                  if not d.holds((r.chars[0] + a, r.chars[0] + a + len(w))))
    return outside <= EDGE_WORDS and 2 * outside < len(words)
