# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Hugging Face model cards: the license a README.md's YAML front matter declares."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from licentia.errors import InputError
from licentia.userfile import parse_yaml

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(?P<yaml>.*?)(?:\r?\n)---[ \t]*(?:\r?\n|\Z)",
                    re.DOTALL)


@dataclass(frozen=True)
class ModelCard:
    """The license fields of a model card, or the problem with its front matter."""

    license: tuple[str, ...] = ()  # the `license:` value(s) (a tag, or a list of tags)
    license_name: str | None = None
    license_link: str | None = None
    body_offset: int = 0  # characters before the body (after the front matter)
    body_line: int = 1  # first line of the body
    error: str | None = None


def parse_model_card(text: str) -> ModelCard | None:
    """The card's license block; None when the text has no YAML front matter."""
    m = _FRONT.match(text)
    if m is None:
        return None
    body_line = text.count("\n", 0, m.end()) + 1
    try:
        data: Any = parse_yaml(m.group("yaml"), line_offset=1,
                               what="model card front matter")
    except InputError as exc:
        return ModelCard(body_offset=m.end(), body_line=body_line, error=exc.message)
    if not isinstance(data, dict):
        return ModelCard(body_offset=m.end(), body_line=body_line,
                         error="model card front matter is not a mapping")
    raw = data.get("license")
    values: tuple[str, ...]
    if raw is None:
        values = ()
    elif isinstance(raw, list):
        values = tuple(str(v) for v in raw)
    else:
        values = (str(raw),)

    def text_of(key: str) -> str | None:
        value = data.get(key)
        return str(value) if value is not None else None

    return ModelCard(values, text_of("license_name"), text_of("license_link"), m.end(), body_line)
