# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Section headings of a reference text: where a difference found against it lies."""

from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(?:#+\s*)?(?:Section\s+)?"
                       r"(\(?(?:\d{1,2}(?:\.\d{1,2})*|[a-zA-Z]|[ivxIVX]{1,4})[.)]?)"
                       r"\s+([^.:\n]{2,90}[.:]?)")
_TITLED = re.compile(r"^(?:#+\s*|Attachment|Exhibit|Schedule|Appendix|Article\s+\d+)",
                     re.IGNORECASE)


def heading(line: str) -> str | None:
    """A section label for a line that starts a section: '2. Additional Commercial Terms.'"""
    if not line:
        return None
    m = _NUMBERED.match(line)
    if m and m.group(2)[:1].isupper():
        return f"{m.group(1)} {m.group(2)}".strip()
    if len(line) <= 120 and _TITLED.match(line):
        return line.lstrip("# ").strip()
    letters = [c for c in line if c.isalpha()]
    if len(line) <= 120 and len(letters) >= 4 and all(c.isupper() for c in letters):
        return line
    return None


def section_at(headings: tuple[tuple[int, str], ...], pos: int) -> str | None:
    """The heading of the section holding token position `pos`, of (position, heading)
    pairs in order."""
    best = None
    for i, label in headings:
        if i > pos:
            break
        best = label
    return best
