# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Where a result comes from, for every report and JSON document: the licentia version, the
LicenseDB version, the term sheets' version (and each sheet the result cites), the date, and a
digest of each input file — so a review handed to counsel can be traced and reproduced."""

from __future__ import annotations

import hashlib
import platform
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from licentia import __version__
from licentia.catalog.versions import (
    DIGEST_CHARS,
    licensedb_version,
    sheet_version,
    term_sheets_version,
)
from licentia.errors import LicentiaError
from licentia.safe_read import is_regular_file, read_bytes

if TYPE_CHECKING:  # the type only: identify reports provenance without the sheet schema
    from licentia.catalog.terms import Sheet

AUTHOR = "licentia"  # the author of every document licentia writes (DOCX core properties)


@dataclass(frozen=True)
class Input:
    """One input file and the digest of its bytes (None when it could not be read again)."""

    path: str
    sha256: str | None


@dataclass(frozen=True)
class Provenance:
    licentia: str
    licensedb: str
    term_sheets: str
    python: str
    date: str  # ISO 8601, UTC, to the second
    inputs: tuple[Input, ...] = ()
    sheets: tuple[dict[str, str], ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"licentia": self.licentia, "licensedb": self.licensedb,
                "term_sheets": self.term_sheets, "python": self.python, "date": self.date,
                "inputs": [{"path": i.path, "sha256": i.sha256} for i in self.inputs],
                "sheets": [dict(s) for s in self.sheets]}

    def lines(self) -> list[str]:
        """The provenance as short lines of text (terminal, Markdown, HTML, DOCX)."""
        lines = [f"licentia {self.licentia}; LicenseDB {self.licensedb}; term sheets "
                 f"{self.term_sheets}; {self.date}"]
        lines += [f"input {i.path}: " + (f"sha256 {i.sha256}" if i.sha256 else "not readable")
                  for i in self.inputs]
        lines += [f"term sheet {s['license']} ({s['version']}): {s['digest']}"
                  for s in self.sheets]
        return lines


MAX_DIGEST_BYTES = 1 << 26  # an input larger than this (64 MiB) is listed without a digest


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(read_bytes(path, MAX_DIGEST_BYTES)).hexdigest()
    except (LicentiaError, OSError):
        return None


def provenance(inputs: Iterable[str | Path | None] = (),
               sheets: Iterable[Sheet | None] = (),
               now: datetime | None = None) -> Provenance:
    """The provenance of a result read from `inputs` (files; anything that is not a file, such as
    a license id, is skipped) and resting on `sheets`."""
    seen: dict[str, Input] = {}
    for item in inputs:
        # a license id or tag given instead of a file is not an input file
        if item is not None and str(item) not in seen and is_regular_file(Path(item)):
            seen[str(item)] = Input(str(item), _digest(Path(item)))
    cited: dict[str, dict[str, str]] = {}
    for sheet in sheets:
        if sheet is not None and sheet.license not in cited:
            cited[sheet.license] = sheet_version(sheet)
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    return Provenance(
        licentia=__version__, licensedb=licensedb_version(), term_sheets=term_sheets_version(),
        python=platform.python_version(), date=when.isoformat().replace("+00:00", "Z"),
        inputs=tuple(seen.values()), sheets=tuple(cited.values()))


__all__ = ["AUTHOR", "DIGEST_CHARS", "Input", "Provenance", "provenance"]
