# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Values as a reader says them: `yes`/`no`/`unknown` for booleans, `700,000,000` for counts,
`commercial use` for a field name — never a Python literal in human-readable output."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping
from enum import Enum

_BULLETS = ("- ", "+ ", "x ", "! ", "? ", "-> ", "\u2192 ", "\u2713 ", "\u2717 ", "* ")


def word(value: object) -> str:
    """One value in words.

    >>> word(True), word(False), word(None), word(700000000), word(["weights", "code"])
    ('yes', 'no', 'unknown', '700,000,000', 'weights, code')
    """
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,}"
    if isinstance(value, Mapping):
        return pairs(value.items())
    if isinstance(value, Iterable) and not isinstance(value, str | bytes):
        return ", ".join(word(v) for v in value)
    return str(value)


def label(name: str) -> str:
    """A field name as words: `commercial_use` -> `commercial use`, `osi_approved` -> `OSI
    approved`."""
    spoken = name.replace("_", " ").replace("-", " ")
    for short in ("osi", "fsf", "osaid", "mau", "usd", "spdx", "id"):
        spoken = " ".join(short.upper() if w == short else w for w in spoken.split(" "))
    return spoken


def pairs(items: Iterable[tuple[str, object]], sep: str = "; ") -> str:
    """`name: value` pairs in words: `commercial use: yes; MAU: 700,000,000`."""
    return sep.join(f"{label(k)}: {word(v)}" for k, v in items)


def wrap_text(text: str, width: int) -> str:
    """Plain-text output wrapped to `width` columns at spaces: each line keeps its indent, and a
    list item's continuation lines align under its text. Ids, URLs and hyphenated words are never
    split (a word longer than the line stays whole).

    >>> print(wrap_text("  - one two three four five six", 20))
      - one two three
        four five six
    """
    out: list[str] = []
    for line in text.split("\n"):
        if len(line) <= width:
            out.append(line)
            continue
        body = line.lstrip(" ")
        indent = " " * (len(line) - len(body))
        bullet = next((b for b in _BULLETS if body.startswith(b)), "")
        out += textwrap.wrap(body, width=max(20, width), initial_indent=indent,
                             subsequent_indent=indent + " " * len(bullet),
                             break_long_words=False, break_on_hyphens=False) or [line]
    return "\n".join(out)
