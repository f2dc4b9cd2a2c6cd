# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Draft a standard license: the LicenseDB's canonical text with its fields filled.

The text always comes from the installed LicenseDB (never a copy in this repository); what is
filled is what GitHub's license templates fill: the copyright line of MIT, BSD and ISC, the
Apache-2.0 appendix. Licenses whose text takes no copyright line are left verbatim, with a note
saying where the notice goes instead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from licentia.catalog.catalog import License, Source
from licentia.catalog.licensedb import read_text
from licentia.errors import InputError
from licentia.userfile import copyright_year, one_line

# text put before the license (GitHub's templates), and replacements inside it
_HEADERS: dict[str, str] = {
    "mit": "MIT License\n\nCopyright (c) {year} {holder}\n\n",
    "bsd-new": "BSD 3-Clause License\n\nCopyright (c) {year}, {holder}\n\n",
    "bsd-simplified": "BSD 2-Clause License\n\nCopyright (c) {year}, {holder}\n\n",
    "isc": "ISC License\n\nCopyright (c) {year} {holder}\n\n",
    "bsd-zero": "Copyright (C) {year} by {holder}\n\n",
}
_REPLACE: dict[str, tuple[tuple[str, str], ...]] = {
    "bsd-new": (("the ORGANIZATION", "the copyright holder"),),
}
# the Apache-2.0 appendix (and texts that copy its placeholders)
_APPENDIX = (("[yyyy]", "{year}"), ("[name of copyright owner]", "{holder}"))


@dataclass(frozen=True)
class DraftedLicense:
    license: License
    text: str
    notes: tuple[str, ...] = ()


def draft_license(lic: License, holder: str, year: int | None = None) -> DraftedLicense:
    """The license text of `lic` with the holder and year filled where its text takes them."""
    holder = one_line(holder, "--holder")
    if year is not None:
        copyright_year(year)
    if not holder:
        raise InputError("--holder: give the copyright holder's name")
    if lic.source is Source.TEMPLATE:
        raise InputError(f"{lic.key} is licentia's template: draft it with `licentia draft "
                         "custom` and your choices")
    if lic.source is Source.LICENTIA:
        where = f" (published at {lic.homepage_url})" if lic.homepage_url else ""
        raise InputError(f"{lic.key}: licentia does not carry the text of {lic.name}; use the "
                         f"publisher's text{where}")
    year = year if year is not None else date.today().year
    text = read_text(lic.key).strip("\n") + "\n"
    values = {"year": str(year), "holder": holder}
    notes: list[str] = []
    filled = False
    for old, new in _REPLACE.get(lic.key, ()):
        text = text.replace(old, new.format(**values))
    if all(old in text for old, _ in _APPENDIX):
        for old, new in _APPENDIX:
            text = text.replace(old, new.format(**values))
        filled = True
    if lic.key in _HEADERS:
        text = _HEADERS[lic.key].format(**values) + text
        filled = True
    elif not filled and lic.category in {"Permissive", "Public Domain"} and \
            "copyright" not in text[:300].lower() and lic.key != "unlicense":
        text = f"Copyright (c) {year} {holder}\n\n" + text
        filled = True
    if not filled:
        notes.append(f"the text of {lic.spdx} takes no copyright line: state \"Copyright "
                     f"{year} {holder}\" in a NOTICE file or in file headers (licentia draft "
                     "reuse writes it into REUSE.toml)")
    return DraftedLicense(lic, text, tuple(notes))
