# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Compare two licenses: their terms side by side, then the differences of their texts."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

from licentia.catalog import licensedb
from licentia.catalog.catalog import License, Source
from licentia.catalog.terms import Clause, ClauseKind, Sheet, sheet_for
from licentia.identify.matcher import Difference, compare_texts


@dataclass(frozen=True)
class Pair:
    a: Clause
    b: Clause


@dataclass(frozen=True)
class Comparison:
    a: License
    b: License
    sheet_a: Sheet | None
    sheet_b: Sheet | None
    same: tuple[Pair, ...]
    different: tuple[Pair, ...]
    only_a: tuple[Clause, ...]
    only_b: tuple[Clause, ...]
    text_differences: tuple[Difference, ...]
    notes: tuple[str, ...]


def _values(c: Clause) -> dict[str, object]:
    return c.value.model_dump(mode="json", exclude_none=True)


def _meaning(c: Clause) -> tuple[object, ...]:
    """What a clause means for a use, as the term sheet states it: its normalized values, the
    activities it restricts, the facts that decide it, what it binds and whether it flows down.
    Two paired clauses are the same term only when all of these agree (BLOOM RAIL 1.0's
    impersonation item and OpenRAIL-M's, which adds "without their consent", differ)."""
    decided = c.decided_by.model_dump(mode="json") if c.decided_by else None
    return (_values(c), tuple(sorted(c.taxonomy)), decided, c.artifacts, c.flows_down)


def _affinity(x: Clause, y: Clause) -> float:
    """How likely two clauses of two licenses are the same term (0 = unrelated)."""
    if x.kind is not y.kind:
        return 0.0
    if x.kind is ClauseKind.USE_RESTRICTION:
        tx, ty = set(x.taxonomy), set(y.taxonomy)
        overlap = len(tx & ty) / len(tx | ty) if tx | ty else 0.0
        if not overlap:
            return 0.0
        return overlap + 0.5 * SequenceMatcher(None, _quote(x), _quote(y)).ratio()
    keys_x, keys_y = set(_values(x)), set(_values(y))
    same_id = 1.0 if x.id == y.id else 0.0
    key_overlap = len(keys_x & keys_y) / len(keys_x | keys_y) if keys_x | keys_y else 0.0
    title = SequenceMatcher(None, x.title.lower(), y.title.lower()).ratio()
    quote = SequenceMatcher(None, _quote(x), _quote(y)).ratio()
    score = same_id + key_overlap + 0.5 * title + quote
    return score if score >= 0.9 else 0.0


def _quote(c: Clause) -> str:
    return " ".join(c.evidence[0].quote.lower().split())


def pair_clauses(a: Sheet, b: Sheet) -> tuple[list[Pair], list[Clause], list[Clause]]:
    """Pair each clause of `a` with its counterpart in `b`, best matches first."""
    scored = sorted(
        ((_affinity(x, y), i, j) for i, x in enumerate(a.clauses) for j, y in enumerate(b.clauses)),
        reverse=True,
    )
    used_a: set[int] = set()
    used_b: set[int] = set()
    pairs: list[tuple[int, Pair]] = []
    for score, i, j in scored:
        if score <= 0:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        pairs.append((i, Pair(a.clauses[i], b.clauses[j])))
    pairs.sort(key=lambda p: p[0])
    only_a = [c for i, c in enumerate(a.clauses) if i not in used_a]
    only_b = [c for j, c in enumerate(b.clauses) if j not in used_b]
    return [p for _, p in pairs], only_a, only_b


def _text(lic: License) -> str | None:
    return licensedb.read_text(lic.key) if lic.source is Source.LICENSEDB else None


def compare(a: License, b: License) -> Comparison:
    sa, sb = sheet_for(a.key), sheet_for(b.key)
    notes: list[str] = []
    same: list[Pair] = []
    different: list[Pair] = []
    only_a: list[Clause] = []
    only_b: list[Clause] = []
    if sa is not None and sb is not None:
        pairs, only_a, only_b = pair_clauses(sa, sb)
        for p in pairs:
            (same if _meaning(p.a) == _meaning(p.b) else different).append(p)
    else:
        notes.extend(f"licentia has no term sheet for {lic.key}: terms not compared"
                     for lic, s in ((a, sa), (b, sb)) if s is None)
    text_a, text_b = _text(a), _text(b)
    diffs: list[Difference] = []
    if text_a is not None and text_b is not None:
        diffs = compare_texts(text_a, text_b)
    else:
        notes.extend(f"licentia does not carry the text of {lic.key}: no text differences"
                     for lic, t in ((a, text_a), (b, text_b)) if t is None)
    return Comparison(a, b, sa, sb, tuple(same), tuple(different), tuple(only_a), tuple(only_b),
                      tuple(diffs), tuple(notes))
