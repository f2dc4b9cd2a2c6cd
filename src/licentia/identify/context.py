# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Findings that a file's other findings explain: intros and vague clues.

An intro ("licensed under the following terms:") that a finding follows introduces it; one
that nothing found follows says a license is there that licentia does not know. A vague clue
("noncommercial", "Commercial Use") in a file that states a license speaks of its terms (a
distribution's copyright file listing a package's license problems); in a file that states
none it is a word of ordinary prose, a hint for a human reader.
"""

from __future__ import annotations

from bisect import bisect_left

from licentia.identify.expression import keys as expr_keys
from licentia.identify.found import Match
from licentia.identify.rulematch import ELSEWHERE_KEYS, VAGUE_KEYS


def _vague(m: Match) -> bool:
    return all(k in VAGUE_KEYS for k in expr_keys(m.license_expression))


def is_hint(kind: str, keys: list[str]) -> bool:
    """Whether a rule of this kind and keys is a clue of a vague license that is no clue of
    a license stated elsewhere ("see LICENSE", always a finding: rulematch.ELSEWHERE_KEYS)."""
    return kind == "clue" and all(k in VAGUE_KEYS for k in keys) and \
        not all(k in ELSEWHERE_KEYS for k in keys)


def _hint(m: Match) -> bool:
    return is_hint(m.kind, expr_keys(m.license_expression))


def without_hints(found: list[Match]) -> list[Match]:
    """The findings, without vague clues unless another finding names a license."""
    if not any(_hint(m) for m in found) or any(not _vague(m) for m in found):
        return found
    return [m for m in found if not _hint(m)]


_DECORATION = " \t*#/-!<>;"  # a line of only these has no words (comment marks, rules)


def introducing(found: list[Match], text: str) -> list[Match]:
    """Without the intros ("licensed under the following terms:") that a finding follows, on
    their line or the next line with words: they introduce it. One that nothing found
    follows says a license is there that licentia does not know (unknown-license-reference,
    as ScanCode reports it); so does one whose next finding stands in brackets opened after
    it: an aside, an example ("might be distributed under other compatible licenses (e.g. a
    public domain dedication)"), not the terms it introduces."""
    if not any(m.kind == "intro" for m in found):
        return found
    lines = text.split("\n")  # as the tokenizer counts lines (a form feed is no line break)
    following = sorted((m.start_line, n) for n, m in enumerate(found) if m.kind != "intro")
    out = []
    for m in found:
        if m.kind == "intro":
            after = m.end_line + 1
            while after <= len(lines) and not lines[after - 1].strip(_DECORATION):
                after += 1
            at = bisect_left(following, (m.start_line, -1))
            if at < len(following) and following[at][0] <= after and \
                    not _aside(m, found[following[at][1]], text):
                continue
        out.append(m)
    return out


def _aside(intro: Match, finding: Match, text: str) -> bool:
    """Whether a finding stands in brackets opened between an intro and it."""
    if intro.chars is None or finding.chars is None or finding.chars[0] < intro.chars[1]:
        return False
    between = text[intro.chars[1] : finding.chars[0]]
    return between.count("(") > between.count(")") or between.count("[") > between.count("]")
