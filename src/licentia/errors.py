# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""One root error and a small tree; the shells turn these into one line and exit code 2."""

from __future__ import annotations

from pathlib import Path


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
        return f"{where}{self.message}"


class InputError(LicentiaError):
    """A user file or argument cannot be used (missing, unreadable, malformed)."""


class UnknownLicenseError(LicentiaError):
    """A license reference matches nothing in the catalog."""

    def __init__(self, reference: str, suggestions: list[str] | None = None,
                 detail: str | None = None):
        self.reference = reference
        self.suggestions = suggestions or []
        hint = f" (did you mean: {', '.join(self.suggestions)}?)" if self.suggestions else ""
        what = detail or f"unknown license reference {reference!r}"
        super().__init__(f"{what}{hint}")


class DataError(LicentiaError):
    """licentia's own data files are inconsistent (a bug in the package, named by file and key)."""
