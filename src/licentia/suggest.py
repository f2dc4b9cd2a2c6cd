# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Suggest the closest valid name for a misspelt one (keys, values, taxonomy ids)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(value: str, valid: Iterable[str]) -> str | None:
    """The valid name closest to `value`, or one `value` is a word of ("deepfake")."""
    names = list(valid)
    text = value.strip().lower()
    hits = difflib.get_close_matches(text, names, n=1, cutoff=0.5)
    if hits:
        return hits[0]
    return next((v for v in names if text and text in v.split("-")), None)


def unknown(what: str, value: str, valid: Iterable[str]) -> str:
    """"unknown taxonomy id 'militray' (did you mean 'military'?)", or the valid names."""
    names = list(valid)
    hit = closest(value, names)
    hint = f" (did you mean {hit!r}?)" if hit else f" (one of: {', '.join(names)})"
    return f"unknown {what} {value!r}{hint}"
