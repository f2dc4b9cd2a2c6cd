# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Draft the REUSE layout of a repository (REUSE Specification 3.x): `REUSE.toml` annotating
the files that state no license, and `LICENSES/<SPDX id>.txt` with each license text.

The project's license covers what states none (`path = "**"`, precedence `closest`: a file's
own SPDX tags win). A file whose own text or notice states another license (a vendored MIT
file, a GPL header) keeps it: it gets an annotation of its own, after the blanket one, naming
its license, so REUSE never reports it under the project's license.

Texts come from the installed LicenseDB; a license drafted from licentia's template is its own
text. Ids that SPDX lacks are `LicenseRef-` ids, as the specification requires.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
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


@dataclass(frozen=True)
class KeptFile:
    """A file whose own text states its license: annotated with that license, not the
    project's."""

    path: str  # relative to the repository, POSIX
    spdx_expression: str
    copyright: str  # the file's own copyright line, or NOASSERTION


def _glob_literal(path: str) -> str:
    """A path as a REUSE.toml glob that matches only it (`*` and `\\` escaped)."""
    return path.replace("\\", "\\\\").replace("*", "\\*")


def reuse_toml(spdx: str, holder: str, year: int, kept: Sequence[KeptFile] = ()) -> str:
    """A REUSE.toml putting the files that state no license under the project's license and
    holder; each kept file under its own (REUSE: the last matching annotation wins)."""
    holder = one_line(holder, "--holder")
    year = copyright_year(year)
    # REUSE-IgnoreStart
    text = (
        "version = 1\n"
        "\n"
        "[[annotations]]\n"
        'path = "**"\n'
        'precedence = "closest"\n'
        f"SPDX-FileCopyrightText = {_toml_string(f'{year} {holder}')}\n"
        f"SPDX-License-Identifier = {_toml_string(spdx)}\n"
    )
    for k in kept:
        text += ("\n[[annotations]]\n"
                 f"path = {_toml_string(_glob_literal(k.path))}\n"
                 'precedence = "closest"\n'
                 f"SPDX-FileCopyrightText = {_toml_string(k.copyright)}\n"
                 f"SPDX-License-Identifier = {_toml_string(k.spdx_expression)}\n")
    # REUSE-IgnoreEnd
    return text


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


def reuse_documents(lic: License, holder: str, year: int, own_text: str | None = None,
                    kept: Sequence[KeptFile] = (), others: Sequence[License] = (),
                    present: frozenset[str] = frozenset()) -> list[Document]:
    """REUSE.toml and LICENSES/<id>.txt for a repository under `lic`; `kept` files keep their
    own licenses (`others`, whose texts are added too); LICENSES files already `present`
    are left as they are."""
    what = "files that state no license under " + lic.spdx + (
        f"; {len(kept)} file(s) keep their own license" if kept else "")
    docs = [Document("REUSE.toml", reuse_toml(lic.spdx, holder, year, kept),
                     f"REUSE annotations: {what}")]
    for item in dict.fromkeys([lic, *others]):
        name = f"LICENSES/{item.spdx}.txt"
        if name not in present:
            docs.append(Document(name, license_file_text(item, own_text if item is lic
                                                         else None), f"the text of {item.spdx}"))
    return docs


def find_license_file(directory: Path) -> Path | None:
    return next((directory / n for n in LICENSE_FILES if is_regular_file(directory / n)), None)


def copyright_of(text: str) -> tuple[int, str] | None:
    """(year, holder) of the first copyright line of a license text."""
    for m in _COPYRIGHT.finditer(text):
        holder = m.group("holder").strip()
        if holder and not holder.startswith(("[", "<", "{")):
            return int(m.group("year")), holder
    return None
