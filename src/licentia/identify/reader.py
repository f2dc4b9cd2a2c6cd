# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Read a file as text for identification, whatever the user points at."""

from __future__ import annotations

import codecs
import io
import logging
import zipfile
from dataclasses import dataclass
from pathlib import Path

from licentia.limits import MAX_DOCX_BYTES, MAX_PDF_BYTES, MAX_TEXT_BYTES
from licentia.safe_read import read_bytes, read_prefix

MAX_BYTES = MAX_TEXT_BYTES  # no license text is this long; larger files are read in part
_BINARY_SAMPLE = 8192
_NOT_CONTROL = bytes(c for c in range(256) if not (c <= 0x08 or 0x0E <= c <= 0x1F))
MAX_PDF_PAGES = 200  # a license or agreement is a few pages; a book is read in part


@dataclass(frozen=True)
class TextFile:
    """A file's text, or why it has none (`text` is None for binary content)."""

    path: Path
    text: str | None
    notes: tuple[str, ...] = ()


def _read_docx(path: Path, data: bytes, notes: list[str]) -> TextFile:
    """A Word document's text: its paragraphs and table cells, in order (counsel's license
    drafts and agreements often come as DOCX)."""
    import docx  # python-docx; imported here: most runs never read a DOCX
    from docx.opc.exceptions import PackageNotFoundError

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
        if inflated > MAX_DOCX_BYTES:
            return TextFile(path, None, (*notes, f"a DOCX that inflates to "
                                         f"{inflated / 1048576:.0f} MiB, over licentia's limit "
                                         f"of {MAX_DOCX_BYTES / 1048576:.0f} MiB (set "
                                         "LICENTIA_MAX_DOCX_BYTES to raise it)"))
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        return TextFile(path, None, (*notes, f"not a readable DOCX file ({exc})"))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            lines.append(" | ".join(cell.text for cell in row.cells))
    return TextFile(path, "\n".join(lines), (*notes, "text read from a Word (DOCX) document"))


def _read_pdf(path: Path, data: bytes, notes: list[str]) -> TextFile:
    """A PDF's text, page after page, as pdfminer.six lays it out (licenses and agreements are
    often published as PDF)."""
    from pdfminer.high_level import extract_text  # imported here: most runs never read a PDF
    from pdfminer.pdfexceptions import PDFException
    from pdfminer.psexceptions import PSException

    log = logging.getLogger("pdfminer")  # its warnings on a damaged file are not the user's
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        text = extract_text(io.BytesIO(data), maxpages=MAX_PDF_PAGES)
    except (PDFException, PSException, ValueError, TypeError, KeyError, AssertionError,
            IndexError, AttributeError, RecursionError) as exc:
        why = str(exc) or type(exc).__name__
        return TextFile(path, None, (*notes, f"not a readable PDF file ({why})"))
    finally:
        log.setLevel(level)
    text = text.replace("\f", "\n")  # pages end in a form feed
    if not text.strip():
        return TextFile(path, None, (*notes, "a PDF without text (scanned pages?)"))
    return TextFile(path, text[:MAX_BYTES], (*notes, "text read from a PDF document"))


def _document_kind(head: bytes, path: Path) -> str | None:
    """"pdf" or "docx" when a file starting with `head` is a document whose text this reader
    extracts, though its bytes look binary."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() == ".docx":
        return "docx"
    return None


def is_document(path: Path) -> bool:
    """Whether `path` is a document whose text this reader extracts (a PDF, a DOCX), though
    its bytes look binary; False when it cannot be read."""
    try:
        with path.open("rb") as fh:
            head = fh.read(5)
    except OSError:
        return False
    return _document_kind(head, path) is not None


def read_text_file(path: Path) -> TextFile:
    """Read `path`; raise InputError (naming the file) when it cannot be read at all (missing,
    a directory, a FIFO or device, an impossible name)."""
    got = read_prefix(path, MAX_BYTES)
    size, raw = got.size, got.data
    notes: list[str] = []
    if size > MAX_BYTES:
        notes.append(f"file is {size / 1048576:.1f} MiB; only the first "
                     f"{MAX_BYTES // 1048576} MiB were examined")
    if not raw:
        return TextFile(path, "", ("empty file",))
    kind = _document_kind(raw, path)
    if kind == "docx":
        data = read_bytes(path, MAX_DOCX_BYTES, "DOCX file", "LICENTIA_MAX_DOCX_BYTES") \
            if got.truncated else raw
        return _read_docx(path, data, notes[:0])
    if kind == "pdf":
        data = read_bytes(path, MAX_PDF_BYTES, "PDF file", "LICENTIA_MAX_PDF_BYTES") \
            if got.truncated else raw
        return _read_pdf(path, data, notes[:0])
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return TextFile(path, raw.decode(enc, errors="replace"), tuple(notes))
    if not got.truncated and raw.endswith(b"\x00") and raw.rstrip(b"\x00"):
        raw = raw.rstrip(b"\x00")  # NUL padding after a text (an editor's, a copy's)
        notes.append("NUL bytes at the end ignored")
    if b"\x00" in raw[:_BINARY_SAMPLE]:
        return TextFile(path, None, (*notes, "binary content (NUL bytes)"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        if size > MAX_BYTES and exc.start >= len(raw) - 4:
            text = raw[: exc.start].decode("utf-8")  # cut inside a multi-byte character
        else:
            text = raw.decode("cp1252", errors="replace")
            notes.append("not valid UTF-8; decoded as Windows-1252")
    # C0 control characters other than whitespace, counted in C
    controls = len(raw[:_BINARY_SAMPLE].translate(None, _NOT_CONTROL))
    if controls > 0.05 * min(len(text), _BINARY_SAMPLE):
        return TextFile(path, None, (*notes, "binary content (control characters)"))
    return TextFile(path, text, tuple(notes))
