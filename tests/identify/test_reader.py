# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Reading what users point at: Word documents among them."""

from __future__ import annotations

from pathlib import Path

import docx

from licentia.catalog.licensedb import read_text
from licentia.identify import Result, identify_file
from licentia.identify.index import Index


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
