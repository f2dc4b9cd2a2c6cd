# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Draft the REUSE layout of a repository (REUSE Specification 3.x): `REUSE.toml` annotating
every file, and `LICENSES/<SPDX id>.txt` with the license text.

Texts come from the installed LicenseDB; a license drafted from licentia's template is its own
text. Ids that SPDX lacks are `LicenseRef-` ids, as the specification requires.
"""

from __future__ import annotations

import re
from pathlib import Path

from licentia.catalog.catalog import License, Source
from licentia.catalog.licensedb import read_text
from licentia.draft.output import Document
from licentia.errors import InputError
from licentia.safe_read import is_regular_file
from licentia.userfile import copyright_year, one_line

_COPYRIGHT = re.compile(r"^\W*Copyright\s*(?:\(c\)|©)?\s*(?P<year>\d{4})(?:\s*[-–,]\s*\d{4})?"
                        r",?\s+(?:by\s+)?(?P<holder>[^\n]+?)\s*\.?\s*$",
                        re.IGNORECASE | re.MULTILINE)
LICENSE_FILES = ("LICENSE", "LICENSE.md", "LICENSE.txt", "LICENCE", "COPYING")


def _toml_string(value: str) -> str:
    """A TOML basic string: backslash, quote and every control character escaped."""
    escaped = "".join(f"\\u{ord(c):04x}" if ord(c) < 0x20 or ord(c) == 0x7F else c
                      for c in value.replace("\\", "\\\\").replace('"', '\\"'))
    return f'"{escaped}"'


def reuse_toml(spdx: str, holder: str, year: int) -> str:
    """A REUSE.toml that puts every file of the repository under one license and holder."""
    holder = one_line(holder, "--holder")
    year = copyright_year(year)
    return (
        "version = 1\n"
        "\n"
        "[[annotations]]\n"
        'path = "**"\n'
        'precedence = "aggregate"\n'
        f"SPDX-FileCopyrightText = {_toml_string(f'{year} {holder}')}\n"
        f"SPDX-License-Identifier = {_toml_string(spdx)}\n"
    )


def license_file_text(lic: License, own_text: str | None = None) -> str:
    """What LICENSES/<id>.txt holds: the LicenseDB text, or a drafted license's own text."""
    if own_text is not None:
        return own_text
    if lic.source is Source.TEMPLATE:
        raise InputError(f"{lic.key} is licentia's template: give the drafted license file "
                         "(--license LICENSE.md), whose text goes into LICENSES/")
    if lic.source is Source.LICENTIA:
        raise InputError(f"{lic.key}: licentia does not carry the text of {lic.name}; put the "
                         f"publisher's text in LICENSES/{lic.spdx}.txt yourself")
    return read_text(lic.key).strip("\n") + "\n"


def reuse_documents(lic: License, holder: str, year: int,
                    own_text: str | None = None) -> list[Document]:
    """REUSE.toml and LICENSES/<id>.txt for a repository under `lic`."""
    return [
        Document("REUSE.toml", reuse_toml(lic.spdx, holder, year),
                 "REUSE annotations: every file under one license"),
        Document(f"LICENSES/{lic.spdx}.txt", license_file_text(lic, own_text),
                 f"the text of {lic.spdx}"),
    ]


def find_license_file(directory: Path) -> Path | None:
    return next((directory / n for n in LICENSE_FILES if is_regular_file(directory / n)), None)


def copyright_of(text: str) -> tuple[int, str] | None:
    """(year, holder) of the first copyright line of a license text."""
    for m in _COPYRIGHT.finditer(text):
        holder = m.group("holder").strip()
        if holder and not holder.startswith(("[", "<", "{")):
            return int(m.group("year")), holder
    return None
