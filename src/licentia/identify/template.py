# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Recognize a license drafted from licentia's own template, without taking it on trust.

The catalog reads back the choices a draft states and regenerates the license from them
(`licentia.catalog.template.recognize`); here the two token streams are aligned: identical means
`exact`; anything else is `modified`, with the differences.
"""

from __future__ import annotations

from dataclasses import dataclass

from licentia.catalog.template.choices import Choices
from licentia.catalog.template.recognize import KNOWN, MATCH_KIND, Drafted, find_draft
from licentia.identify.matcher import Match, compare_texts
from licentia.normalize import words


@dataclass(frozen=True)
class Recognition:
    """A text that states a licentia template version: what it chose, and how it matches."""

    drafted: Drafted
    match: Match | None  # None when the version is not one this licentia knows

    @property
    def choices(self) -> Choices | None:
        return self.drafted.choices

    @property
    def start(self) -> int:
        return self.drafted.start

    @property
    def notes(self) -> tuple[str, ...]:
        return self.drafted.notes


def recognize(text: str) -> Recognition | None:
    """The licentia template a text was drafted from, aligned with its regeneration; None when
    the text states none."""
    drafted = find_draft(text)
    if drafted is None:
        return None
    if drafted.choices is None:
        return Recognition(drafted, None)
    start, region = drafted.start, drafted.region
    reference = drafted.reference
    diffs = compare_texts(reference, region)
    shift = text.count("\n", 0, start)
    if shift:
        diffs = [type(d)(d.kind, d.reference, d.found, d.line + shift, d.section, d.tokens)
                 for d in diffs]
    ref_len = max(1, len(words(reference)))
    missing = sum(len(words(d.reference)) for d in diffs)
    added = sum(len(words(d.found)) for d in diffs)
    kept = max(0, ref_len - missing)
    last_line = text.count("\n", 0, len(text.rstrip())) + 1
    first = len(words(text[:start]))
    key = KNOWN[drafted.version]
    match = Match(
        key=key, kind=MATCH_KIND,
        source=f"licentia template {key}, regenerated from the choices the text states",
        start_line=shift + 1, end_line=int(last_line),
        coverage=round(100.0 * kept / ref_len, 1), similarity=round(kept / (ref_len + added), 4),
        differences=tuple(diffs), span=(first, first + len(words(region))),
    )
    return Recognition(drafted, match)
