# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""One result from the matches found in a text: exact, modified, partial or multiple, the
primary license and the confidence."""

from __future__ import annotations

from licentia.identify.expression import keys as expr_keys
from licentia.identify.found import Match
from licentia.identify.result import Result
from licentia.identify.rulematch import VAGUE_KEYS

MODIFIED_MIN_COVERAGE = 80.0
AMBIGUITY_PENALTY = 0.85
FULL = {"text", "fingerprint", "template"}  # kinds that are a whole license text


def vague(m: Match) -> bool:
    """Evidence that names no particular license (the LicenseDB's unknown and generic keys)."""
    return all(k in VAGUE_KEYS for k in expr_keys(m.license_expression))


def classify(matches: list[Match]) -> tuple[Result, Match | None, float]:
    if not matches:
        return Result.NONE, None, 0.0
    primary = max(matches, key=lambda m: (m.kind in {"text", "fingerprint", "template"},
                                          m.span[1] - m.span[0], m.coverage))
    keys = {m.key for m in matches}

    def confidence(m: Match) -> float:
        base = 1.0 if m.exact else min(m.similarity, 0.99)
        return base * (AMBIGUITY_PENALTY if m.ambiguous_with else 1.0)

    conf = min(confidence(m) for m in matches)
    if len(keys) > 1:
        return Result.MULTIPLE, primary, conf
    if all(m.exact for m in matches):
        return Result.EXACT, primary, conf
    if primary.coverage >= MODIFIED_MIN_COVERAGE:
        return Result.MODIFIED, primary, conf
    return Result.PARTIAL, primary, conf


def shift(m: Match, lines: int) -> Match:
    if not lines:
        return m
    return Match(m.key, m.kind, m.source, m.start_line + lines, m.end_line + lines, m.coverage,
                 m.similarity, tuple(type(d)(d.kind, d.reference, d.found, d.line + lines,
                                             d.section, d.tokens) for d in m.differences),
                 m.optional_absent, m.ambiguous_with, m.span, m.expression)
