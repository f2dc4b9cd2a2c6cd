# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Short evidence from the LicenseDB's rules: references, tags, notices, intros, false positives.

A rule found word for word in a text is that rule's license expression at those lines. Of rules
found at overlapping places the longest wins (a rule inside a larger one is part of it; one
overlapping it a little and naming other licenses stands beside it); a false-positive rule
claims its words and reports nothing; an intro ("licensed under the following terms:") is kept
here (identify drops one that a finding follows).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, pairwise

import numpy as np
import numpy.typing as npt

from licentia.identify.rules import Rule, RuleIndex
from licentia.normalize import rule_words_with_markup

# which kind of rule wins a tie in length: evidence that names a license over an intro
_RANK = {"text": 0, "notice": 0, "false-positive": 0, "reference": 1, "tag": 1, "clue": 2,
         "intro": 3}


_NEWLINE = re.compile("\n")
_KEY = re.compile(r"[\w.+-]+")
_OPERATORS = frozenset({"AND", "OR", "WITH", "and", "or", "with"})
JOIN_GAP = 24  # words between two findings that may join them ("or", "designates ... as")
# keys that name no particular license: the LicenseDB's unknown and generic ones
VAGUE_KEYS = frozenset({"unknown", "unknown-license-reference", "free-unknown",
                        "other-permissive", "other-copyleft", "proprietary-license",
                        "commercial-license", "warranty-disclaimer", "generic-cla",
                        "unknown-spdx"})
# keys that say a license stated elsewhere applies ("distributed under the same license as
# the package", "see COPYING"): a clue of these is evidence that the file is licensed
ELSEWHERE_KEYS = frozenset({"free-unknown", "unknown-license-reference"})
LIST_MIN_NAMES = 10  # distinct licenses named one after another: a list of licenses
LIST_GAP = 3  # words between two names of such a list ("License :: OSI Approved ::")
NAME_MAX_TOKENS = 12
# a hit overlapping longer ones kept by less than this share of its words may stand beside
# them (ScanCode's OVERLAP_MEDIUM, licensedcode/match.py)
OVERLAP_MEDIUM = 0.4
_STATING_KINDS = frozenset({"text", "notice", "reference", "tag"})
# texts or notices found in a file that make its names no list: it states licenses (a Debian
# copyright file of a distribution: its texts, its notices, the names of its parts' licenses)
LIST_MAX_STATED = 2
_STATING = frozenset({"text", "notice"})


def _names(kept: list[tuple[int, int, int]], rules: Sequence[Rule]) -> list[tuple[int, int, int]]:
    """The hits that name a license: short ones, and tags however long ("License :: OSI
    Approved :: Common Development and Distribution License 1.0 (CDDL-1.0)")."""
    return [h for h in kept if rules[h[0]].kind == "tag" or
            (rules[h[0]].kind != "text" and h[2] - h[1] <= NAME_MAX_TOKENS)]


def _listed(kept: list[tuple[int, int, int]], rules: Sequence[Rule]) -> set[tuple[int, int, int]]:
    """The hits that are names in a list of many licenses (a catalog of licenses, a list of
    classifiers, prose about many licenses): such a list names licenses, it does not put the
    file under them. A Debian copyright file's "License:" fields (tags), each in a stanza of
    files and copyright holders, are no list: they put those files under the licenses they
    name. A list's tags stand one after another (most at most LIST_GAP words apart). Nor
    are the names of a file that states licenses in texts or notices (LIST_MAX_STATED)."""
    names = _names(kept, rules)
    keys = {k for r, _, _ in names for k in _KEY.findall(rules[r].expression)} - _OPERATORS
    if len(keys) < LIST_MIN_NAMES or len(names) < 0.6 * len(kept) or \
            sum(1 for r, a, b in kept if rules[r].kind in _STATING and b - a > NAME_MAX_TOKENS) \
            >= LIST_MAX_STATED:
        return set()  # a file stating licenses in texts and notices is about its parts
    if 2 * sum(1 for r, _, _ in names if rules[r].kind == "tag") > len(names):
        ordered = sorted(names, key=lambda h: h[1])
        gaps = sorted(b[1] - a[2] for a, b in pairwise(ordered))
        if gaps[len(gaps) // 2] > LIST_GAP:
            return set()  # fields of stanzas
    return set(names)


def _in_identifier(text: str, starts: list[int], words: list[str], a: int, b: int) -> bool:
    """Whether words a..b are part of a code identifier (`LICENSE_FILE = 'LICENSE'`): the rule
    tokenizer splits on "_", but an identifier is code, not a statement (an address such as
    `wiki/MIT_License` is not code)."""
    c0, c1 = starts[a], starts[b - 1] + len(words[b - 1])
    while c0 > 0 and not text[c0 - 1].isspace():
        c0 -= 1
    while c1 < len(text) and not text[c1].isspace():
        c1 += 1
    chunk = text[c0:c1]
    return "_" in chunk and "/" not in chunk


@dataclass(frozen=True, slots=True)
class RuleHit:
    """One rule found in a text: its index, token range and character range."""

    rule: int
    start: int
    end: int
    chars: tuple[int, int]
    lines: tuple[int, int]
    between: tuple[str, ...] | None = None  # the few words since the previous hit, if few


def _stands(rules: Sequence[Rule], kept: list[tuple[int, int, int]], owner: list[int],
            hit: tuple[int, int, int]) -> bool:
    """Whether a hit stands beside the longer ones kept: it overlaps none, or it overlaps
    them by less than OVERLAP_MEDIUM of its words, names a license they do not, and lies in
    none of them (ScanCode's filter_overlapping_matches keeps both of two matches that
    overlap a little: a notice of a file's parts whose last line begins a longer notice)."""
    r, a, b = hit
    over = [o for o in owner[a:b] if o >= 0]
    if not over:
        return True
    if len(over) >= OVERLAP_MEDIUM * (b - a) or rules[r].kind not in _STATING_KINDS:
        return False
    theirs = {kept[o] for o in over}
    if any(x <= a and b <= y for _, x, y in theirs):
        return False
    named = {k for q, _, _ in theirs for k in _KEY.findall(rules[q].expression)}
    return not set(_KEY.findall(rules[r].expression)) - _OPERATORS <= named


def _rarest(frequency: npt.NDArray[np.int64], hits: list[tuple[int, int, int]]) -> list[int]:
    """For each hit (rule, start, end): the least frequency of its words (`frequency`: of
    each word of the query), in one reduction over [start, end) pairs (the pairs between
    them, and the one past the last, are dropped; a sentinel keeps every index in range)."""
    bounds = np.fromiter((x for _, a, b in hits for x in (a, b)), np.int64, count=2 * len(hits))
    least: list[int] = np.minimum.reduceat(np.append(frequency, 0), bounds)[::2].tolist()
    return least


def find_rules(index: RuleIndex, text: str) -> list[RuleHit]:
    """The rules found in `text` after overlaps are resolved, in order; false positives out."""
    every_word, offsets = rule_words_with_markup(text)
    ids, keep = index.encode_without_markup(every_word)
    if not len(ids):
        return []
    hits = index.exact(ids)
    if not hits:
        return []  # most files: no offsets needed
    unmarked = keep.tolist()
    words, starts = list(compress(every_word, unmarked)), list(compress(offsets(), unmarked))
    rules = index.rules
    # of overlapping hits the longest wins; of equally long ones of a kind, the one whose
    # rarest word is rarer ("GNU General Public License v3.0": "... License v3" over "GNU
    # General Public License", as ScanCode keeps the match with more high-value words)
    rarest = dict(zip(hits, _rarest(index.frequency[ids], hits), strict=True))
    hits.sort(key=lambda h: (-(h[2] - h[1]), _RANK.get(rules[h[0]].kind, 3), rarest[h],
                             -rules[h[0]].relevance, h[1]))
    owner = [-1] * len(words)  # the first hit kept over each word
    kept: list[tuple[int, int, int]] = []
    for r, a, b in hits:
        if (rules[r].expression in VAGUE_KEYS and _in_identifier(text, starts, words, a, b)) \
                or not _stands(rules, kept, owner, (r, a, b)):
            continue
        owner[a:b] = [len(kept) if o < 0 else o for o in owner[a:b]]
        kept.append((r, a, b))
    kept = [h for h in kept if rules[h[0]].kind != "false-positive"]
    listed = _listed(kept, rules)
    kept = [h for h in kept if h not in listed]
    kept.sort(key=lambda h: h[1])
    breaks = [m.start() for m in _NEWLINE.finditer(text)]
    out = []
    prev_end: int | None = None
    for r, a, b in kept:
        c0, c1 = starts[a], starts[b - 1] + len(words[b - 1])
        between = None if prev_end is None or a - prev_end > JOIN_GAP else \
            tuple(words[prev_end:a])
        out.append(RuleHit(r, a, b, (c0, c1),
                           (bisect_right(breaks, c0 - 1) + 1, bisect_right(breaks, c1 - 1) + 1),
                           between))
        prev_end = b
    return out
