# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""One root error and a small tree; the shells turn these into one line and exit code 2."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from licentia.suggest import did_you_mean


def one_line(text: str) -> str:
    """`text` with line breaks and other control characters escaped (`\\n`): an error is one
    line, even when a user's key, value or file name holds a newline."""
    if text.isprintable():
        return text
    return "".join(repr(c)[1:-1] if unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c
                   for c in text)


class LicentiaError(Exception):
    """Root of every error licentia raises on purpose."""

    def __init__(self, message: str, *, path: Path | str | None = None, key: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.key = key

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}: "
        if self.key:
            where += f"{self.key}: "
        return one_line(f"{where}{self.message}")


class InputError(LicentiaError):
    """A user file or argument cannot be used (missing, unreadable, malformed)."""


class UnknownLicenseError(LicentiaError):
    """A license reference matches nothing in the catalog."""

    def __init__(self, reference: str, suggestions: list[str] | None = None,
                 detail: str | None = None):
        self.reference = reference
        self.suggestions = suggestions or []
        hint = did_you_mean(self.suggestions)
        what = detail or f"unknown license reference {reference!r}"
        super().__init__(f"{what}{hint}")


class DataError(LicentiaError):
    """licentia's own data files are inconsistent (a bug in the package, named by file and key)."""


def yaml_message(exc: Exception) -> str:
    """'not valid YAML (line N): problem', on one line."""
    line, problem = yaml_problem(exc)
    return f"not valid YAML{f' (line {line})' if line else ''}: {problem}"


def yaml_problem(exc: Exception, line_offset: int = 0) -> tuple[int | None, str]:
    """(1-based line or None, one-line problem) of a PyYAML error, for one-line messages."""
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    problem = getattr(exc, "problem", None)
    if not problem:
        lines = [s.strip() for s in str(exc).splitlines() if s.strip()]
        problem = lines[0] if lines else "syntax error"
    return line, str(problem)
