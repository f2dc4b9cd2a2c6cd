# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Align a text against the best candidate references: which licenses, where, and what differs."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache, partial

import numpy as np
import numpy.typing as npt

from licentia.catalog import licensedb
from licentia.identify.diffops import as_chars, compacted, densest_run, numbers_replaced, opcodes
from licentia.identify.fingerprint import fingerprint_match, may_match, possible_in
from licentia.identify.found import Difference, DiffKind, Match
from licentia.identify.headings import heading, section_at
from licentia.identify.index import Index, RefInfo, license_like
from licentia.identify.leftovers import MIN_LEFTOVER_TOKENS, with_leftovers
from licentia.identify.ranking import Ranked, score_bounds, shared_words
from licentia.identify.verbatim import (
    MIN_QUERY_TOKENS,
    find_words,
    optional_sections,
    verbatim,
    verbatim_raw,
    verbatim_table,
)
from licentia.normalize import Tokens, tokenize

# Difference, DiffKind, Match come from found (re-exported)
__all__ = ["MIN_LEFTOVER_TOKENS", "DiffKind", "Difference", "Match", "compare_texts", "match",
           "reference_text", "verbatim_table"]

CANDIDATES = 10
MIN_SHARE = 0.2
MERGE_GAP = 2  # differences separated by at most this many equal tokens are shown as one
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s", re.IGNORECASE)
_ANGLE_BRACKETED = re.compile(r"<?\s*(?:https?://|mailto:)?[\w.@/-]+\s*>?")
_MARKER = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})$")
# capitalized words that stand for the licensor's own name in a mixed-case sentence
_CAPS_PLACEHOLDERS = {"ORGANIZATION", "ORGANISATION", "OWNER", "AUTHOR", "AUTHORS", "HOLDER",
                      "HOLDERS", "COMPANY", "LICENSOR", "NAME", "YEAR"}
_ARTICLES = {"the", "a", "an", "its", "their", "his", "her"}
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,80}\]|<[^<>\n]{1,80}>|\{\{?[^{}\n]{1,80}\}?\}")


@dataclass(frozen=True, slots=True)
class _Aligned:
    ref: int
    q_start: int  # in the sub-sequence being matched
    q_end: int
    matched: int
    ref_unmatched: int
    score: float
    share: float


@dataclass(frozen=True, slots=True)
class _Optional:
    label: str
    start: int  # reference token range
    end: int


@dataclass(frozen=True)
class _RefText:
    text: str
    tokens: Tokens
    variable: frozenset[int]  # token positions inside placeholders such as [yyyy]
    optional: tuple[_Optional, ...]

    @cached_property
    def headings(self) -> tuple[tuple[int, str], ...]:
        """(token position, heading) of each line that starts a section; only read to name
        the section of a difference."""
        out = []
        lines = self.text.split("\n")
        seen_lines = set()
        for i, ln in enumerate(self.tokens.lines):
            if ln in seen_lines:
                continue
            seen_lines.add(ln)
            raw_line = lines[ln - 1].strip() if ln - 1 < len(lines) else ""
            label = heading(" ".join(raw_line.split()))
            if label:
                out.append((i, label))
        return tuple(out)


def reference_text(info: RefInfo) -> _RefText:
    """The reference's text and tokens, with its placeholders, optional parts and headings."""
    return _reference_text(info.key, info.source)


@lru_cache(maxsize=4096)
def _reference_text(key: str, source: str) -> _RefText:
    """reference_text, by what it depends on (a RefInfo made from a Match has no expression)."""
    if not RefInfo(key, "", source).is_rule:
        return _prepare(licensedb.read_text(key), key)
    raw = (licensedb.rules_dir() / source).read_text(encoding="utf-8")
    return _prepare(licensedb.split_front_matter(raw, source)[1], None, rule=True)


def _prepare(text: str, optional_key: str | None, rule: bool = False) -> _RefText:
    tokens = tokenize(text)
    variable: set[int] = set()
    starts = tokens.starts
    for m in _PLACEHOLDER.finditer(text):
        if rule and m.group().startswith("{{"):
            continue  # a rule's {{required phrase}}: what must be there, not a placeholder
        variable.update(range(bisect_left(starts, m.start()), bisect_left(starts, m.end())))
    lines_of_text = text.split("\n")
    for i, (s, e) in enumerate(zip(tokens.starts, tokens.ends, strict=True)):
        raw = text[s:e]
        if raw in _CAPS_PLACEHOLDERS:
            line = lines_of_text[tokens.line_of(i) - 1]
            letters = [c for c in line if c.isalpha()]
            if sum(c.isupper() for c in letters) < 0.5 * len(letters):
                variable.add(i)  # "Neither the name of the ORGANIZATION nor ..."
    optional = []
    words = list(tokens.words)
    for spec in optional_sections().get(optional_key, []) if optional_key else []:
        begin = find_words(words, list(tokenize(spec["start"]).words))
        if begin < 0:
            continue
        end = len(words)
        if spec.get("end"):
            last = list(tokenize(spec["end"]).words)
            stop = find_words(words, last, begin)
            if stop >= 0:
                end = stop + len(last)
        optional.append(_Optional(spec["label"], begin, end))
    return _RefText(text, tokens, frozenset(variable), tuple(optional))


def compare_texts(reference: str, other: str) -> list[Difference]:
    """Differences of `other` against `reference` (lines are those of `other`)."""
    ref = _prepare(reference, None)
    qtok = tokenize(other)
    vocab: dict[str, int] = {}
    ref_ids = [vocab.setdefault(w, len(vocab)) for w in ref.tokens.words]
    q_ids = [vocab.setdefault(w, len(vocab)) for w in qtok.words]
    qpos = np.arange(len(qtok), dtype=np.int64)
    diffs, _, _ = _diffs(ref, ref_ids, q_ids, qtok, qpos, other)
    return diffs


@lru_cache(maxsize=4096)
def _ref_chars(index: Index, r: int) -> str | list[int]:
    return as_chars(index.ref_ids(r), len(index.word_ids))


def _align(index: Index, r: int, share: float, sub: str | list[int],
           compact: bool = False) -> _Aligned:
    """How well reference r aligns with the query's ids `sub` (as_chars); `compact`: with
    blocks of equal words moved to join their neighbours (`compacted`)."""
    ref = _ref_chars(index, r)
    ops = opcodes(ref, sub)
    if compact:
        ops = compacted(ops, sub)
    blocks = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in ops if tag == "equal"]
    q_start, q_end, matched = densest_run(blocks, len(ref), trim=compact)
    ref_unmatched = len(ref) - matched
    info = index.refs[r]
    if not info.is_rule and info.key in optional_sections():
        for opt in reference_text(info).optional:  # an absent optional part costs nothing
            inside = sum(max(0, min(i2, opt.end) - max(i1, opt.start)) for i1, i2, _, _ in blocks)
            ref_unmatched -= (opt.end - opt.start) - inside
    q_unmatched = (q_end - q_start) - matched
    score = matched - 0.5 * (ref_unmatched + q_unmatched)
    return _Aligned(r, q_start, q_end, matched, ref_unmatched, score, share)


def _diffs(ref: _RefText, ref_ids: list[int], region_ids: list[int], qtok: Tokens,
           qpos: npt.NDArray[np.int64], text: str,
           license_like_ids: Callable[[list[int]], bool] | None = None,
           ) -> tuple[list[Difference], list[str], int]:
    """Differences between a reference and the aligned region of the query.

    Returns the significant differences, the labels of optional parts that are absent, and
    the number of reference words accounted for (matched, or differing insignificantly).
    """
    ops = numbers_replaced(opcodes(ref_ids, region_ids), ref.tokens.words, qtok.words, qpos)
    groups: list[list[int]] = []  # [i1, i2, j1, j2] of merged non-equal operations
    matched = 0
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            matched += i2 - i1
        elif tag == "replace":
            groups.append([i1, i2, j1, j2])
        elif tag == "delete" and all(_MARKER.match(ref.tokens.words[i]) for i in range(i1, i2)):
            matched += i2 - i1  # list numbering only the reference kept
        elif tag == "insert" and all(_MARKER.match(qtok.words[qpos[j]]) for j in range(j1, j2)):
            continue  # list numbering a re-wrapped copy kept mid-line ("a) ..., b) ...")
        elif groups and i1 - groups[-1][1] <= MERGE_GAP and j1 - groups[-1][3] <= MERGE_GAP:
            groups[-1][1], groups[-1][3] = i2, j2
        else:
            groups.append([i1, i2, j1, j2])
    diffs: list[Difference] = []
    absent: list[str] = []
    for i1, i2, j1, j2 in groups:
        rw = [ref.tokens.words[i] for i in range(i1, i2)]
        qw = [qtok.words[qpos[j]] for j in range(j1, j2)]
        if _ignorable(ref, i1, i2, rw, qw) or (
            rw and not qw and _COPYRIGHT.match(ref.tokens.slice_text(ref.text, i1, i2))
        ):
            matched += i2 - i1  # e.g. a copyright notice quoted in the text, set on its own line
            continue
        if not rw:
            added = _query_slice(text, qtok, qpos, j1, j2)
            if _ANGLE_BRACKETED.fullmatch(added) or _COPYRIGHT.match(added):
                continue  # a copyright line (or its <https://fsf.org/>) that re-wrapping moved
        opt = next((o for o in ref.optional if o.start <= i1 and i2 <= o.end), None) \
            if rw else None
        if opt is not None:  # an optional part absent, whatever stands in its place
            if opt.label not in absent:
                absent.append(opt.label)
            if not qw or not (license_like_ids and license_like_ids(region_ids[j1:j2])):
                continue
            rw, i1, i2 = [], i2, i2  # what stands there reads like terms: it is added
        kind = DiffKind.CHANGED if rw and qw else DiffKind.REMOVED if rw else DiffKind.ADDED
        chars = None
        if qw:
            found = _query_slice(text, qtok, qpos, j1, j2)
            line = qtok.line_of(int(qpos[j1]))
            chars = (qtok.starts[int(qpos[j1])], qtok.ends[int(qpos[j2 - 1])])
        else:
            found = ""
            at = qpos[min(j1, len(qpos) - 1)] if len(qpos) else 0
            line = qtok.line_of(int(at)) if len(qtok) else 1
        diffs.append(Difference(kind, ref.tokens.slice_text(ref.text, i1, i2) if rw else "",
                                found, int(line),
                                section_at(ref.headings, i1 if rw else max(0, i1 - 1)),
                                len(rw) + len(qw), chars))
    return diffs, absent, matched


def _query_slice(text: str, qtok: Tokens, qpos: npt.NDArray[np.int64], j1: int, j2: int) -> str:
    a, b = int(qpos[j1]), int(qpos[j2 - 1])
    return " ".join(text[qtok.starts[a] : qtok.ends[b]].split())


def _ignorable(ref: _RefText, i1: int, i2: int, rw: list[str], qw: list[str]) -> bool:
    if not rw or not qw:
        side = rw or qw
        if all(_MARKER.match(w) for w in side):
            return True  # list numbering that one side kept
    # a placeholder such as [yyyy] [name of copyright owner] or "the ORGANIZATION", filled in
    span = range(i1, i2)
    return any(i in ref.variable for i in span) and all(
        i in ref.variable or ref.tokens.words[i] in _ARTICLES for i in span)


Accept = Callable[[Match], bool]
ACCEPT_TRIES = 4  # candidates tried, best first, when a rule's conditions refuse the best
# alignments a text is searched for, one after another (a distribution's notices file holds
# some 80 licenses)
MAX_ROUNDS = 96


def match(index: Index, text: str, tokens: Tokens | None = None,
          accept: Accept | None = None) -> list[Match]:
    """Every license text or notice found in `text`, in order of position. `accept` says
    whether a rule found by alignment is there as its rule means (required phrases, minimum
    coverage): when it refuses the best candidate, the next ones are tried."""
    if tokens is None and (whole := verbatim_raw(index, text)) is not None:
        return [whole]
    qtok = tokens if tokens is not None else tokenize(text)
    ids_all = index.encode(qtok.words)
    if len(ids_all) >= MIN_QUERY_TOKENS and (fast := verbatim(index, qtok, ids_all)):
        return [fast]
    remaining = np.arange(len(qtok), dtype=np.int64)
    found: list[Match] = []
    fingerprinted = possible_in(qtok.words)  # (else no round finds one)
    for _ in range(MAX_ROUNDS):
        if len(remaining) < MIN_QUERY_TOKENS:
            break
        sub_ids = ids_all[remaining]
        cands = index.candidates(sub_ids, CANDIDATES)
        if not cands:
            fp_only = fingerprint_match(qtok, remaining, text, 0.0) if fingerprinted else None
            if fp_only is None:
                break
            found.append(fp_only[0])
            remaining = remaining[fp_only[1]]
            continue
        # a reference with few of its bigrams in the query cannot cover enough of itself to
        # be accepted below (nor a fragment of it): not worth an alignment
        cands = [(r, share) for r, share in cands if share >= MIN_SHARE] or cands[:1]
        shared = shared_words(index, [r for r, _ in cands], sub_ids)
        if not any(_may_be_large_enough(index, r, n) for (r, _), n in
                   zip(cands, shared, strict=True)) and \
                not (fingerprinted and may_match(qtok, remaining)):
            break  # no alignment can be picked (_pick), no fingerprint found: none aligned
        sub = as_chars(sub_ids, len(index.word_ids))
        aligned = _ranked(index, cands, sub, sub_ids, shared)
        fp_match = fingerprint_match(qtok, remaining, text, aligned.first().score) \
            if fingerprinted else None
        if fp_match is not None:
            match_, keep = fp_match
            found.append(match_)
            remaining = remaining[keep]
            continue
        picked = _pick(index, aligned, remaining, ids_all, qtok, text, accept)
        if picked is None:
            break
        best, m = _nearby_rival(index, _closer(index, picked, sub, aligned, remaining,
                                               ids_all, qtok, text, accept),
                                sub, aligned, remaining, ids_all, qtok, text, accept)
        found.append(m)
        keep = np.ones(len(remaining), dtype=bool)
        keep[best.q_start : best.q_end] = False
        remaining = remaining[keep]
    found.sort(key=lambda m: m.span[0])
    return with_leftovers(index, found, remaining, qtok, ids_all, text)


def _ranked(index: Index, cands: list[tuple[int, float]], sub: str | list[int],
            sub_ids: npt.NDArray[np.int32], shared: list[int] | None = None,
            ) -> Ranked[_Aligned]:
    """The candidates' alignments with the query, best first; of equals, a license's own text
    (see _own_text_if_as_close), then the larger share, then the earlier candidate.
    `shared`: shared_words of the candidates, if made already."""
    refs = [r for r, _ in cands]
    slack = [_optional_tokens(index.refs[r]) for r in refs]
    position = {r: i for i, r in enumerate(refs)}
    return Ranked(
        [(bound, partial(_align, index, r, share, sub)) for (r, share), bound in
         zip(cands, score_bounds(index, refs, sub_ids, slack, shared), strict=True)],
        score=lambda a: a.score,
        key=lambda a: (-a.score, index.refs[a.ref].is_rule, -a.share, position[a.ref]))


@lru_cache(maxsize=4096)
def _optional_tokens(info: RefInfo) -> int:
    """The words of a license text's optional parts (absent, they cost an alignment nothing)."""
    if info.is_rule or info.key not in optional_sections():
        return 0
    return sum(o.end - o.start for o in reference_text(info).optional)


def _large_enough(index: Index, a: _Aligned) -> bool:
    """Whether an alignment covers enough of its reference (or is dense enough) to be a
    finding at all, and as much of it as its rule requires."""
    ref_len = len(index.ref_ids(a.ref))
    dense = a.matched >= 60 and a.matched >= 0.9 * (a.q_end - a.q_start)
    return a.matched >= MIN_QUERY_TOKENS and (a.matched >= 0.5 * ref_len or dense) and \
        100 * a.matched >= index.refs[a.ref].minimum_coverage * ref_len


def _may_be_large_enough(index: Index, r: int, shared: int) -> bool:
    """Whether an alignment with reference r matching at most `shared` words may be
    _large_enough (every alignment of it matches at most the words it shares with the query)."""
    ref_len = len(index.ref_ids(r))
    return shared >= MIN_QUERY_TOKENS and (2 * shared >= ref_len or shared >= 60) and \
        100 * shared >= index.refs[r].minimum_coverage * ref_len


def _pick(index: Index, aligned: Ranked[_Aligned], remaining: npt.NDArray[np.int64],
          ids_all: npt.NDArray[np.int32], qtok: Tokens, text: str,
          accept: Accept | None) -> tuple[_Aligned, Match] | None:
    """The best alignment that is large enough and accepted, with its match; when the
    conditions of every one tried refuse it, the best large enough (the caller drops it)."""
    fallback: tuple[_Aligned, Match] | None = None
    tries = 0
    for n, a in enumerate(aligned):
        if not _large_enough(index, a):
            if n == 0 and index.refs[a.ref].minimum_coverage == 0:
                return None  # the best explains too little: nothing more to find here
            continue
        m = _match_of(index, a, aligned, remaining, ids_all, qtok, text)
        if accept is None or accept(m):
            return _containing(index, _own_text_if_as_close(
                index, (a, m), aligned, remaining, ids_all, qtok, text, accept),
                aligned, remaining, ids_all, qtok, text, accept)
        fallback = fallback or (a, m)
        tries += 1
        if tries >= ACCEPT_TRIES:
            break
    return fallback


LOCAL_SLACK = 8  # words beyond those of its reference unmatched that a closer look reads
# score an alignment holding a whole rule may lose to it (half the words of the text between
# its reference's words, less the words it matches beyond the rule's)
CONTAINING_SLACK = 16


def _closer(index: Index, picked: tuple[_Aligned, Match], sub: str | list[int],
            aligned: Ranked[_Aligned], remaining: npt.NDArray[np.int64],
            ids_all: npt.NDArray[np.int32], qtok: Tokens, text: str,
            accept: Accept | None) -> tuple[_Aligned, Match]:
    """The alignment picked, aligned once more with only the words around it, its blocks
    of equal words compacted and its edges trimmed: aligned with the whole text, some of
    its reference's words may have been matched far away (the title "Contributor License
    Agreement" in a table of contents, a page's <title>) and the same words beside the text
    left out. Kept when it scores better (and its conditions hold)."""
    a = picked[0]
    if a.ref_unmatched <= 0 and a.q_end - a.q_start <= a.matched:
        return picked
    lo = max(0, a.q_start - a.ref_unmatched - LOCAL_SLACK)
    hi = min(len(sub), a.q_end + a.ref_unmatched + LOCAL_SLACK)
    near = _align(index, a.ref, a.share, sub[lo:hi], compact=True)
    near = _Aligned(near.ref, near.q_start + lo, near.q_end + lo, near.matched,
                    near.ref_unmatched, near.score, near.share)
    if near.score <= a.score:
        return picked
    m2 = _match_of(index, near, aligned, remaining, ids_all, qtok, text)
    return (near, m2) if accept is None or accept(m2) else picked


def _nearby_rival(index: Index, picked: tuple[_Aligned, Match], sub: str | list[int],
                  aligned: Ranked[_Aligned], remaining: npt.NDArray[np.int64],
                  ids_all: npt.NDArray[np.int32], qtok: Tokens, text: str,
                  accept: Accept | None) -> tuple[_Aligned, Match]:
    """A reference that explains the words of an approximate match better than the one
    picked: the candidates for those words alone, aligned with them. In a long file the
    candidates of the whole text miss a short text's own (the JSON license, MIT's text and
    "used for Good, not Evil", found as a changed MIT text). Taken when it matches more
    words and scores better (and its conditions hold). When none does, a candidate that left
    words of its reference unmatched is aligned once more with as many more words on each
    side (ScanCode aligns with the whole run of text): taken when it holds the words picked,
    misses at most LOCAL_SLACK of its own and scores better than the pick does with the words
    it adds counted as unmatched (the X Consortium license with Daniel Veillard's name in its
    last clause, found as MIT's text without that clause)."""
    a, m = picked
    lo, hi = max(0, a.q_start - LOCAL_SLACK), min(len(sub), a.q_end + LOCAL_SLACK)
    if m.exact or 2 * (hi - lo) > len(sub):
        return picked  # (most of the text: its candidates were those of the words)
    window = sub[lo:hi]
    best: _Aligned | None = None
    wider: list[_Aligned] = []
    for r, share in index.candidates(ids_all[remaining[lo:hi]], CANDIDATES):
        if r == a.ref or share < MIN_SHARE:
            continue
        b = _shifted(_align(index, r, share, window, compact=True), lo)
        if b.score > a.score and b.matched > a.matched and _large_enough(index, b) and \
                (best is None or b.score > best.score):
            best = b
        elif b.ref_unmatched > 0:
            wider.append(b)
    for b in wider if best is None else ():
        lo2, hi2 = max(0, lo - b.ref_unmatched), min(len(sub), hi + b.ref_unmatched)
        w = _shifted(_align(index, b.ref, b.share, sub[lo2:hi2], compact=True), lo2)
        if w.matched > a.matched and w.q_start <= a.q_start and a.q_end <= w.q_end and \
                w.ref_unmatched <= LOCAL_SLACK and _large_enough(index, w) \
                and w.score > _over(a, w) and (best is None or w.score > best.score):
            best = w
    if best is None:
        return picked
    m2 = _match_of(index, best, aligned, remaining, ids_all, qtok, text)
    return (best, m2) if accept is None or accept(m2) else picked


def _shifted(a: _Aligned, by: int) -> _Aligned:
    """An alignment made with the words from `by` on, in the positions of the whole."""
    return _Aligned(a.ref, a.q_start + by, a.q_end + by, a.matched, a.ref_unmatched, a.score,
                    a.share)


def _over(a: _Aligned, b: _Aligned) -> float:
    """a's score over the words a or b span (those only b spans count as unmatched)."""
    extra = max(a.q_end, b.q_end) - min(a.q_start, b.q_start) - (a.q_end - a.q_start)
    return a.score - 0.5 * extra


def _containing(index: Index, picked: tuple[_Aligned, Match], aligned: Ranked[_Aligned],
                remaining: npt.NDArray[np.int64], ids_all: npt.NDArray[np.int32],
                qtok: Tokens, text: str, accept: Accept | None) -> tuple[_Aligned, Match]:
    """A reference whose alignment holds a rule found whole and dense (all of its words,
    none of the text's between them) and matches all of its own words and more: the larger
    finding holds the smaller, whatever the text puts between its words (a notice that
    starts with a "License Agreement." heading above a project's name and copyright; a
    Debian copyright file's lines around a short Artistic notice), as ScanCode drops a
    match that another contains. Within CONTAINING_SLACK of the rule's score (and its
    conditions holding)."""
    a = picked[0]
    if a.ref_unmatched > 0 or a.q_end - a.q_start > a.matched:
        return picked
    for b in aligned.at_least(a.score - CONTAINING_SLACK):
        if b.ref == a.ref or b.ref_unmatched > 0 or b.matched <= a.matched or \
                not b.q_start <= a.q_start < a.q_end <= b.q_end:
            continue
        m2 = _match_of(index, b, aligned, remaining, ids_all, qtok, text)
        if accept is None or accept(m2):
            return b, m2
    return picked


# alignment scores this close (a share of the words matched, or a few words) say nothing of
# which reference is closer
NEAR_TIE = 0.02
NEAR_TIE_WORDS = 8


def _own_text_if_as_close(index: Index, picked: tuple[_Aligned, Match],
                          aligned: Ranked[_Aligned],
                          remaining: npt.NDArray[np.int64], ids_all: npt.NDArray[np.int32],
                          qtok: Tokens, text: str,
                          accept: Accept | None) -> tuple[_Aligned, Match]:
    """A license's own text over a rule for the same license whose alignment scores about the
    same, unless the rule explains the text better: the alignment score counts a filled-in
    placeholder as a difference, the differences found do not. (Another license's text wins
    only by its score: "may be used to endorse" is not a closer BSD-3-Clause.)"""
    a, m = picked
    if not index.refs[a.ref].is_rule:
        return picked
    margin = max(NEAR_TIE_WORDS, NEAR_TIE * a.matched)
    own = next((t for t in aligned.at_least(a.score - margin) if not index.refs[t.ref].is_rule
                and index.refs[t.ref].kind == "text" and t.score >= a.score - margin
                and index.refs[t.ref].key == index.refs[a.ref].key
                and _large_enough(index, t)), None)
    if own is None:
        return picked
    m2 = _match_of(index, own, aligned, remaining, ids_all, qtok, text)
    if (accept is None or accept(m2)) and \
            sum(d.tokens for d in m2.differences) <= sum(d.tokens for d in m.differences):
        return own, m2
    return picked


def _match_of(index: Index, best: _Aligned, aligned: Ranked[_Aligned],
              remaining: npt.NDArray[np.int64], ids_all: npt.NDArray[np.int32], qtok: Tokens,
              text: str) -> Match:
    """The match an alignment makes: where, how much of the reference, what differs."""
    info = index.refs[best.ref]
    ref_len = len(index.ref_ids(best.ref))
    region = remaining[best.q_start : best.q_end]
    ref = reference_text(info)
    diffs, absent, matched = _diffs(
        ref, index.ref_ids(best.ref).tolist(), ids_all[region].tolist(), qtok, region, text,
        lambda ids: license_like(index, np.array(ids, dtype=np.int32)))
    optional_len = sum(o.end - o.start for o in ref.optional if o.label in absent)
    denom = max(1, ref_len - optional_len)
    coverage = min(100.0, 100.0 * matched / denom)
    similarity = matched / max(1, denom + (len(region) - matched))
    exact = not diffs and coverage >= 100.0
    rivals = () if exact else tuple(dict.fromkeys(
        index.refs[a.ref].key
        for a in aligned.at_least(0.98 * best.score)
        if index.refs[a.ref].key != info.key
    ))
    return Match(
        key=info.key, kind=info.kind, source=info.source,
        start_line=qtok.line_of(int(region[0])), end_line=qtok.line_of(int(region[-1])),
        coverage=round(coverage, 1), similarity=round(similarity, 4),
        differences=tuple(diffs), optional_absent=tuple(absent), ambiguous_with=rivals,
        span=(int(region[0]), int(region[-1]) + 1), expression=info.expression,
        chars=(qtok.starts[int(region[0])], qtok.ends[int(region[-1])]),
    )
