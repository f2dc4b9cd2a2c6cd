# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The open questions of a review, and answers recorded back into the use case.

A gray finding turns on facts the use case leaves open (each with its question), or on an
activity its words only touch. `open_questions` lists them once each; `parse_answer` reads a
typed answer; `with_answers` returns the use-case file's text with the answers under `facts:`
(and touched activities under `activities` / `excluded_activities`), the rest of the file kept
as written. Pure: no prompt, no file access.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from licentia.analysis.findings import Status
from licentia.analysis.review.model import Review
from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.terms import fact_vocabulary

_YES = {"y", "yes", "true", "t", "1"}
_NO = {"n", "no", "false", "f", "0"}


@dataclass(frozen=True)
class Question:
    """One open question: a named fact (`fact`), or whether the use involves an activity
    (`activity`, a taxonomy id); `kind` is bool / number / text."""

    text: str
    kind: str
    fact: str | None = None
    activity: str | None = None
    about: str = ""  # the finding it settles


def open_questions(review: Review) -> list[Question]:
    """Each open fact and each touched activity of the gray findings, once, in order."""
    out: list[Question] = []
    seen: set[str] = set()
    vocab = fact_vocabulary()
    known = taxonomy()
    for f in review.findings:
        if f.status is not Status.GRAY:
            continue
        readings = f.extra.get("facts") or []
        for r in readings:
            name = str(r["fact"])
            if r.get("outcome") != "open" or name in seen or name not in vocab:
                continue
            seen.add(name)
            spec = vocab[name]
            out.append(Question(spec.question, spec.type, fact=name, about=f.title))
        if readings or not f.extra.get("matched"):
            continue
        tid = f.code
        if tid in known and tid not in seen and tid not in review.use_case.activities:
            seen.add(tid)
            out.append(Question(f"Does the product involve {known[tid].description.rstrip('.')}?",
                                "bool", activity=tid, about=f.title))
    return out


def parse_answer(kind: str, text: str) -> bool | int | str | None:
    """A typed answer, or None (skip, or not understood)."""
    text = text.strip()
    if not text or text.lower() in ("s", "skip", "?"):
        return None
    if kind == "bool":
        low = text.lower()
        return True if low in _YES else False if low in _NO else None
    if kind == "number":
        digits = text.replace(",", "").replace("_", "")
        return int(digits) if digits.isdigit() else None
    return text


def with_answers(text: str, facts: dict[str, Any], involved: list[str],
                 not_involved: list[str]) -> str:
    """The use-case file's text with the answers recorded (existing entries kept)."""
    data = yaml.safe_load(text) or {}
    merged = {**(data.get("facts") or {}), **facts}
    out = _set_key(text, "facts", merged) if merged else text
    for key, add in (("activities", involved), ("excluded_activities", not_involved)):
        if add:
            current = data.get(key) or []
            current = [current] if isinstance(current, str) else list(current)
            out = _set_key(out, key, list(dict.fromkeys([*current, *add])))
    return out


def _set_key(text: str, key: str, value: Any) -> str:
    """Replace a top-level key's block (or append it), leaving every other line alone."""
    block = yaml.safe_dump({key: value}, sort_keys=False, allow_unicode=True,
                           default_flow_style=False).rstrip("\n").split("\n")
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{key}:")), None)
    if start is None:
        body = text.rstrip("\n")
        return body + "\n" + "\n".join(block) + "\n"
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "\t", "-")) or not lines[end]):
        end += 1
    while end > start + 1 and not lines[end - 1]:
        end -= 1  # keep the blank lines after the block
    return "\n".join([*lines[:start], *block, *lines[end:]])
