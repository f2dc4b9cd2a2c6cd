# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What identification finds: a license at some lines of a text, and how it differs."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class DiffKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class Difference:
    """One span where the text departs from the reference."""

    kind: DiffKind
    reference: str
    found: str
    line: int
    section: str | None = None
    tokens: int = 0  # how many words differ (reference and found together)
    # the character range of `found` in the text identified (None when nothing was found
    # there: a removed part); what lies inside it is exactly what the text put there
    chars: tuple[int, int] | None = field(default=None, compare=False)

    def holds(self, chars: tuple[int, int]) -> bool:
        """Whether the text's characters `chars` lie inside what this difference found."""
        return self.chars is not None and self.chars[0] <= chars[0] and \
            chars[1] <= self.chars[1]


@dataclass(frozen=True, slots=True)
class Match:
    """One license found in a text, with where it is and how it differs from the reference."""

    key: str
    kind: str  # "text" | "notice" | "spdx-id" | "fingerprint"
    source: str
    start_line: int
    end_line: int
    coverage: float  # percent of the reference's words found, in order
    similarity: float  # 0..1, of the aligned region against the reference
    differences: tuple[Difference, ...] = ()
    optional_absent: tuple[str, ...] = ()
    ambiguous_with: tuple[str, ...] = ()
    span: tuple[int, int] = field(default=(0, 0), compare=False)  # query token range
    expression: str = ""  # the LicenseDB expression matched, when more than `key`
    chars: tuple[int, int] | None = field(default=None, compare=False)  # character range

    @property
    def exact(self) -> bool:
        return not self.differences and self.coverage >= 100.0

    @property
    def license_expression(self) -> str:
        return self.expression or self.key
