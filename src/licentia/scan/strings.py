# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The text inside a binary file: its runs of printable characters (ASCII, and UTF-16LE as
Windows binaries store strings), as the `strings` tool prints them. ScanCode reads binaries
this way; a license notice compiled into a library, kept in a pickled document or in a text
file padded with NUL bytes is license evidence like any other.

Weights files are not read here (the model reader reads their metadata), and only the first
MAX_BYTES of a file are (a note says so). Nor are compressed archives (zip, jar, gzip, bzip2,
xz, 7z, zstd): their bytes are compressed data, whose printable runs are chance ("/gpl" in a
jar's deflated classes); a note says that the members were not read (ScanCode does not read
inside archives either: it extracts them first).
"""

from __future__ import annotations

import re
from pathlib import Path

from licentia.identify import Failure, Identification, Result, identify_paths, identify_text
from licentia.identify.reader import is_document

MAX_BYTES = 32 << 20
MIN_RUN = 6  # printable characters in a row: shorter runs are mostly chance in binary data
_ASCII = re.compile(rb"[\t\x20-\x7e]{%d,}" % MIN_RUN)
_UTF16 = re.compile(rb"(?:[\t\x20-\x7e]\x00){%d,}" % MIN_RUN)
# how compressed archives begin: zip (jar, whl, apk ...), gzip, bzip2, xz, 7z, zstd
ARCHIVE_MAGIC = (b"PK\x03\x04", b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"7z\xbc\xaf\x27\x1c",
                 b"\x28\xb5\x2f\xfd")


def printable_strings(path: Path) -> tuple[str, list[str]]:
    """The file's strings, one a line, and notes (a file read only in part); OSError when it
    cannot be read."""
    with path.open("rb") as fh:
        data = fh.read(MAX_BYTES + 1)
    notes = []
    if len(data) > MAX_BYTES:
        data = data[:MAX_BYTES]
        notes.append(f"only the first {MAX_BYTES >> 20} MiB of the binary were read")
    runs = [m.group().decode("ascii") for m in _ASCII.finditer(data)]
    runs += [m.group().decode("utf-16-le") for m in _UTF16.finditer(data)]
    return "\n".join(r.strip() for r in runs if r.strip()), notes


def identify_strings(path: Path) -> Identification | Failure:
    """identify over a binary file's strings (line numbers count strings, not the file's
    lines). A document identify reads (a PDF, a DOCX) is read as identify reads it."""
    if is_document(path):
        return identify_paths([path])[0]
    try:
        with path.open("rb") as fh:
            if fh.read(8).startswith(ARCHIVE_MAGIC):
                return Identification(str(path), Result.NONE, notes=(
                    "a compressed archive: its members were not read (extract it to scan "
                    "them)",))
        text, notes = printable_strings(path)
    except OSError as exc:
        return Failure(str(path), f"{path}: cannot read: {exc.strerror or exc}")
    notes.append("a binary file: its printable strings were read")
    return identify_text(text, str(path), notes=notes)
