# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""One provenance for every report: versions, the date, a digest of each input file, the term
sheets cited — a license id is not a file, and a sheet cited twice is listed once."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

from licentia import __version__
from licentia.catalog.licensedb import version as licensedb_version
from licentia.catalog.terms import sheet_for
from licentia.report.provenance import provenance


def test_inputs_are_files_digested_once_and_ids_are_not_inputs(tmp_path: Path) -> None:
    use_case = tmp_path / "use-case.yaml"
    use_case.write_bytes(b"name: x\n")
    prov = provenance([use_case, "llama3.1", None, use_case, tmp_path / "missing.yaml",
                       tmp_path])
    assert [i.path for i in prov.inputs] == [str(use_case)]
    assert prov.inputs[0].sha256 == hashlib.sha256(b"name: x\n").hexdigest()


def test_versions_date_and_cited_sheets() -> None:
    sheet = sheet_for("llama-3.1-license-2024")
    assert sheet is not None
    when = datetime(2026, 11, 30, 13, 5, 7, 123456, tzinfo=UTC)
    prov = provenance([], [sheet, None, sheet], now=when)
    data = prov.to_json()
    assert data["licentia"] == __version__ and data["licensedb"] == licensedb_version()
    assert data["date"] == "2026-11-30T13:05:07Z"
    [cited] = data["sheets"]
    assert cited["license"] == "llama-3.1-license-2024" and cited["version"] == sheet.version
    assert cited["digest"].startswith("sha256:") and len(cited["digest"]) == 7 + 16
    lines = prov.lines()
    assert lines[0].startswith(f"licentia {__version__}; LicenseDB ")
    assert "2026-11-30T13:05:07Z" in lines[0]
    assert any(line.startswith("term sheet llama-3.1-license-2024") for line in lines)


def test_a_changed_sheet_has_another_digest() -> None:
    sheet = sheet_for("mit")
    assert sheet is not None
    changed = sheet.model_copy(update={"version": sheet.version + " (edited)"})
    assert provenance([], [sheet]).sheets[0]["digest"] != \
        provenance([], [changed]).sheets[0]["digest"]
