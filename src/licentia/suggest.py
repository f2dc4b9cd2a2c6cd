# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Suggest the closest valid name for a misspelt one (keys, values, component ids, taxonomy
ids, licenses): the one did-you-mean of every user file and argument."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence


def closest(value: str, valid: Iterable[str]) -> str | None:
    """The valid name closest to `value`, or one `value` is a word of ("deepfake")."""
    names = list(valid)
    text = value.strip().lower()
    hits = difflib.get_close_matches(text, names, n=1, cutoff=0.5)
    if hits:
        return hits[0]
    same = next((v for v in names if text.replace("_", "-") == v.replace("_", "-")), None)
    return same or next((v for v in names if text and text in v.split("-")), None)


def did_you_mean(hits: Sequence[str]) -> str:
    """" (did you mean 'x'?)" for one suggestion, " (did you mean: x, y?)" for several."""
    if not hits:
        return ""
    if len(hits) == 1:
        return f" (did you mean {hits[0]!r}?)"
    return f" (did you mean: {', '.join(hits)}?)"


def hint(value: str, valid: Iterable[str]) -> str:
    """The did-you-mean for a misspelt name, or nothing when no valid name is close."""
    hit = closest(value, valid)
    return did_you_mean([hit] if hit else [])


def unknown(what: str, value: str, valid: Iterable[str]) -> str:
    """"unknown taxonomy id 'militray' (did you mean 'military'?)", or the valid names."""
    names = list(valid)
    hit = closest(value, names)
    hint = f" (did you mean {hit!r}?)" if hit else f" (one of: {', '.join(names)})"
    return f"unknown {what} {value!r}{hint}"
