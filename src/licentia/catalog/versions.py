# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The versions of the knowledge a result rests on: the LicenseDB, and licentia's term sheets
(a digest of their content, since a sheet changes with licentia, not with a release of its own).
"""

from __future__ import annotations

import hashlib
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING

from licentia.catalog import licensedb

if TYPE_CHECKING:
    from licentia.catalog.terms import Sheet

DIGEST_CHARS = 16  # hex characters shown: enough to tell two versions apart


def licensedb_version() -> str:
    """The installed LicenseDB version (that of the scancode-toolkit-mini distribution)."""
    return licensedb.version()


@cache
def term_sheets_version() -> str:
    """A digest of every term sheet, exception sheet and the taxonomy, as packaged:
    `sha256:` and the first 16 hex characters."""
    digest = hashlib.sha256()
    data = files("licentia.catalog") / "data"
    for folder in ("terms", "exceptions"):
        for item in sorted((data / folder).iterdir(), key=lambda t: t.name):
            if item.name.endswith(".yaml"):
                digest.update(item.name.encode() + b"\0" + item.read_bytes() + b"\0")
    digest.update((data / "taxonomy.yaml").read_bytes())
    return f"sha256:{digest.hexdigest()[:DIGEST_CHARS]}"


def sheet_version(sheet: Sheet) -> dict[str, str]:
    """One term sheet as a result cites it: its license, the license version it describes, and
    a digest of its content (a sheet built for a drafted text has one too)."""
    body = sheet.model_dump_json().encode("utf-8")
    return {"license": sheet.license, "version": sheet.version,
            "digest": f"sha256:{hashlib.sha256(body).hexdigest()[:DIGEST_CHARS]}"}
