# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""License expressions of a file: its matches' expressions combined, in LicenseDB keys and SPDX.

Each match carries an expression (a rule may say "gpl-2.0 OR bsd-new", or
"gpl-2.0-plus WITH classpath-exception-2.0"); a file's expression is their conjunction,
deduplicated and simplified by `license-expression`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from typing import Any

from license_expression import ExpressionError, Licensing

from licentia.catalog.catalog import catalog


def parse(licensing: Licensing, text: str) -> Any:
    """`licensing.parse(text)`, every failure an ExpressionError: on odd input such as "( )"
    license-expression raises IndexError (a traceback, from a user's SPDX tag or reference)."""
    try:
        return licensing.parse(text)
    except ExpressionError:
        raise
    except (IndexError, KeyError, ValueError, TypeError, AttributeError, AssertionError,
            RecursionError) as exc:
        raise ExpressionError(f"Invalid expression ({type(exc).__name__})") from exc


@cache
def _licensing() -> Licensing:
    return Licensing()


def keys(expression: str) -> list[str]:
    """The license keys of an expression, in order (an unparsable one is its own key)."""
    return list(_keys(expression))


@lru_cache(maxsize=4096)  # a few hundred rules' expressions are asked again and again
def _keys(expression: str) -> tuple[str, ...]:
    if not expression:
        return ()
    try:
        parsed = parse(_licensing(), expression)
    except ExpressionError:
        return (expression,)
    return () if parsed is None else tuple(str(k) for k in _licensing().license_keys(parsed))


def combine(expressions: Iterable[str]) -> str:
    """The conjunction of expressions, deduplicated ("mit AND mit" is "mit")."""
    return _combine(tuple(dict.fromkeys(e for e in expressions if e)))


@lru_cache(maxsize=4096)
def _combine(parts: tuple[str, ...]) -> str:
    if not parts:
        return ""
    text = parts[0] if len(parts) == 1 else " AND ".join(f"({p})" if " " in p else p for p in parts)
    licensing = _licensing()
    try:
        parsed = parse(licensing, text)
        return "" if parsed is None else str(licensing.dedup(parsed))
    except (ExpressionError, TypeError, AttributeError):
        return text


@lru_cache(maxsize=4096)
def to_spdx(expression: str) -> str:
    """The expression with each LicenseDB key replaced by its SPDX id (or LicenseRef)."""
    if not expression:
        return ""
    licensing = _licensing()
    try:
        parsed = parse(licensing, expression)
    except ExpressionError:
        return expression
    if parsed is None:
        return ""
    cat = catalog()
    mapping = {}
    for k in licensing.license_keys(parsed):
        lic = cat.get(str(k))
        mapping[str(k)] = lic.spdx if lic is not None else f"LicenseRef-scancode-{k}"
    return _render(str(parsed), mapping)


def _render(text: str, mapping: dict[str, str]) -> str:
    tokens = text.replace("(", " ( ").replace(")", " ) ").split()
    out = " ".join(mapping.get(t, t) for t in tokens)
    return out.replace("( ", "(").replace(" )", ")")
