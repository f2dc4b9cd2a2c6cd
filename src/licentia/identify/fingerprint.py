# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Licenses the LicenseDB lacks, known by a fingerprint of their text (catalog/data/external.yaml):
found by shingles of their words, not by alignment."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np
import numpy.typing as npt

from licentia.catalog import external
from licentia.identify.found import Difference, DiffKind, Match
from licentia.normalize import Tokens, tokenize


@cache
def _fingerprint_phrases() -> tuple[str, ...]:
    """The normalized distinctive phrases of the licenses known by fingerprint."""
    return tuple(" ".join(tokenize(p).words) for ext in external.all_external().values()
                 if ext.fingerprint is not None for p in ext.phrases)


@cache
def _spaced_phrases() -> tuple[str, ...]:
    return tuple(f" {phrase} " for phrase in _fingerprint_phrases())


@cache
def _phrase_words() -> tuple[frozenset[str], ...]:
    return tuple(frozenset(phrase.split()) for phrase in _fingerprint_phrases())


def possible_in(words: Iterable[str]) -> bool:
    """Whether a text of these words may hold, in any of its parts, a distinctive phrase of a
    license known by fingerprint: every word of one phrase is among them (when none is,
    fingerprint_match finds nothing in the text nor in any part of it)."""
    have = set(words)
    return any(phrase <= have for phrase in _phrase_words())


def _remaining_words(qtok: Tokens, remaining: npt.NDArray[np.int64]) -> tuple[str, ...]:
    return qtok.words if len(remaining) == len(qtok) else \
        tuple(map(qtok.words.__getitem__, remaining.tolist()))  # increasing: all, or fewer


def _has_phrase(ws: tuple[str, ...]) -> bool:
    joined = " " + " ".join(ws) + " "
    return any(phrase in joined for phrase in _spaced_phrases())


def may_match(qtok: Tokens, remaining: npt.NDArray[np.int64]) -> bool:
    """Whether fingerprint_match may find a license in the `remaining` words: they hold one
    of the distinctive phrases of such a license (without one it finds none, whatever it has
    to beat)."""
    return _has_phrase(_remaining_words(qtok, remaining))


def fingerprint_match(qtok: Tokens, remaining: npt.NDArray[np.int64], text: str,
                      to_beat: float) -> tuple[Match, npt.NDArray[np.bool_]] | None:
    """A license known by fingerprint only, if it explains the query better than `to_beat`."""
    ws = _remaining_words(qtok, remaining)
    if not _has_phrase(ws):
        return None  # none of their distinctive phrases: hashing every window is wasted
    hashes = external.shingle_hashes(ws)
    if not len(hashes):
        return None
    best: tuple[float, Match, npt.NDArray[np.bool_]] | None = None
    for ext in external.all_external().values():
        fp = ext.fingerprint
        if fp is None:
            continue
        known = fp.shingles | fp.appendix_shingles
        hits = np.fromiter((int(h) in known for h in hashes), bool, count=len(hashes))
        required_hits = {int(h) for h in hashes if int(h) in fp.shingles}
        containment = len(required_hits) / max(1, len(fp.shingles))
        if containment < 0.5:
            continue
        where = np.flatnonzero(hits)
        first, last = int(where[0]), int(where[-1]) + external.SHINGLE
        region = remaining[first:last]
        unexplained = int((~hits[first : max(first, last - external.SHINGLE + 1)]).sum())
        matched = containment * fp.words
        score = matched - 0.5 * ((fp.words - matched) + unexplained)
        if score <= to_beat or (best is not None and score <= best[0]):
            continue
        region_words = [qtok.words[p] for p in region.tolist()]
        digest = external.text_sha256(region_words)
        diffs: list[Difference] = []
        if digest not in {fp.sha256, fp.appendix_sha256}:
            j = first
            window_end = max(first, last - external.SHINGLE + 1)
            while j < window_end:
                if hits[j]:
                    j += 1
                    continue
                k = j
                while k < window_end and not hits[k]:
                    k += 1
                # windows j..k-1 are unknown: the words that differ lie in j+SHINGLE-1 .. k
                a = min(j + external.SHINGLE - 1, k)
                a, b = min(a, len(remaining) - 1), min(k, len(remaining))
                span_a, span_b = int(remaining[min(j + external.SHINGLE - 1, b - 1)]), \
                    int(remaining[b - 1])
                found_text = " ".join(text[qtok.starts[span_a] : qtok.ends[span_b]].split())
                diffs.append(Difference(DiffKind.CHANGED if containment < 1 else DiffKind.ADDED,
                                        "(text not carried by licentia)", found_text,
                                        int(qtok.line_of(span_a)), None, k - j))
                j = k
            if containment < 0.999 and not diffs:
                diffs.append(Difference(
                    DiffKind.REMOVED, f"{round((1 - containment) * fp.words)} words of the "
                    "reference text (not carried by licentia)", "",
                    qtok.line_of(int(region[-1])), None, round((1 - containment) * fp.words)))
        absent = () if fp.appendix_label is None or any(
            int(h) in fp.appendix_shingles and int(h) not in fp.shingles for h in hashes
        ) else (fp.appendix_label,)
        coverage = round(100.0 * containment, 1)
        m = Match(key=ext.id, kind="fingerprint", source="catalog/data/external.yaml",
                  start_line=qtok.line_of(int(region[0])), end_line=qtok.line_of(int(region[-1])),
                  coverage=100.0 if not diffs else coverage,
                  similarity=round(matched / max(1, fp.words + unexplained), 4),
                  differences=tuple(diffs), optional_absent=absent,
                  span=(int(region[0]), int(region[-1]) + 1))
        keep = np.ones(len(remaining), dtype=bool)
        keep[first:last] = False
        best = (score, m, keep)
    return None if best is None else (best[1], best[2])
