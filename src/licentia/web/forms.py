# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Reading form fields: blank is absent, and a bad value is an error naming the field."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import TypeVar

from licentia.errors import InputError

E = TypeVar("E", bound=StrEnum)


def text(value: str | None) -> str | None:
    cleaned = " ".join((value or "").split())
    return cleaned or None


def number(value: str | None, key: str) -> int | None:
    cleaned = (value or "").replace(",", "").replace("_", "").strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or len(cleaned) > 16:
        raise InputError("not a whole number", key=key)
    return int(cleaned)


def day(value: str | None, key: str) -> date | None:
    if not (value or "").strip():
        return None
    try:
        return date.fromisoformat((value or "").strip())
    except ValueError as exc:
        raise InputError("not a date (YYYY-MM-DD)", key=key) from exc


def choice(value: str | None, enum: type[E], key: str) -> E:
    try:
        return enum((value or "").strip())
    except ValueError as exc:
        words = ", ".join(m.value for m in enum)
        raise InputError(f"one of {words}", key=key) from exc


def flag(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}
