# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Reading what users point at: Word and PDF documents among them."""

from __future__ import annotations

from pathlib import Path

import docx

from licentia.catalog.licensedb import read_text
from licentia.identify import Result, identify_file
from licentia.identify.index import Index
from pdfdoc import pdf_document


def test_a_license_in_a_word_document(index: Index, tmp_path: Path) -> None:
    document = docx.Document()
    for paragraph in read_text("llama-3.2-license-2024").split("\n\n"):
        document.add_paragraph(paragraph)
    path = tmp_path / "LICENSE.docx"
    document.save(str(path))
    r = identify_file(path, index)
    assert r.result is Result.EXACT
    assert r.license is not None and r.license.key == "llama-3.2-license-2024"
    assert "text read from a Word (DOCX) document" in r.notes


def test_a_broken_word_document_is_not_text(index: Index, tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip archive")
    r = identify_file(path, index)
    assert r.result is Result.NOT_TEXT
    assert any("not a readable DOCX file" in n for n in r.notes)


def test_a_license_in_apdf_document(index: Index, tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.pdf"
    path.write_bytes(pdf_document(read_text("bsd-new").splitlines()))
    r = identify_file(path, index)
    assert r.license is not None and r.license.key == "bsd-new", r.matches
    assert r.result is Result.EXACT
    assert "text read from a PDF document" in r.notes


def test_a_broken_pdf_is_not_text(index: Index, tmp_path: Path) -> None:
    whole = pdf_document(read_text("mit").splitlines())
    for n, data in enumerate([b"%PDF-1.4\n", whole[: len(whole) // 2]]):
        path = tmp_path / f"LICENSE{n}.pdf"
        path.write_bytes(data)
        r = identify_file(path, index)
        assert r.result is Result.NOT_TEXT
        assert any("not a readable PDF file" in note for note in r.notes), r.notes


def test_nul_padding_after_a_text_is_not_binary(index: Index, tmp_path: Path) -> None:
    path = tmp_path / "COPYING"
    path.write_bytes(read_text("mit").encode() + b"\x00\x00")
    r = identify_file(path, index)
    assert r.result is Result.EXACT and r.license is not None and r.license.key == "mit"
    inside = tmp_path / "data.bin"
    inside.write_bytes(b"MIT License\x00" + read_text("mit").encode())
    assert identify_file(inside, index).result is Result.NOT_TEXT
