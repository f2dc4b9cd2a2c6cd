# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia hub lineage`: exit codes, JSON keys, every output format, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from licentia.cli import app

runner = CliRunner()


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["hub", *map(str, args)])


def test_lineage_json_and_exit_1_on_conflict(tree_csv: Path) -> None:
    r = invoke("lineage", tree_csv, "--json")
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert doc["format_version"] == 1
    assert set(doc) == {"format_version", "dump", "summary", "findings", "provenance"}
    assert doc["provenance"]["inputs"][0]["path"].endswith("tree.csv")
    assert any(s["license"] == "llama-3.1-license-2024" for s in doc["provenance"]["sheets"])
    assert doc["summary"]["verdicts"]["conflict"] >= 5
    f = next(f for f in doc["findings"] if f["code"] == "relicense-not-allowed")
    assert set(f) >= {"model", "code", "severity", "scope", "ancestor", "parent", "licenses",
                      "message", "evidence"}
    assert f["evidence"][0]["quote"]


def test_lineage_text_summary(tree_csv: Path) -> None:
    r = invoke("lineage", tree_csv)
    assert r.exit_code == 1
    assert "Lineage of" in r.stdout and "relicense-not-allowed" in r.stdout


def test_lineage_html_csv_parquet(tree_csv: Path, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    assert invoke("lineage", tree_csv, "--format", "html", "--out", html).exit_code == 1
    text = html.read_text()
    assert text.count("data:image/png;base64,") == 3 and "meta/Llama-base" in text
    csv = tmp_path / "r.csv"
    assert invoke("lineage", tree_csv, "--format", "csv", "--out", csv).exit_code == 1
    assert csv.read_text().startswith('"model","code"')
    pqf = tmp_path / "r.parquet"
    assert invoke("lineage", tree_csv, "--format", "parquet", "--out", pqf).exit_code == 1
    table = pq.read_table(pqf)
    assert table.num_rows > 10 and "quote" in table.column_names
    again = invoke("lineage", tree_csv, "--format", "csv", "--out", csv)
    assert again.exit_code == 2 and "would overwrite" in again.stderr


def test_table_formats_need_out(tree_csv: Path) -> None:
    r = invoke("lineage", tree_csv, "--format", "csv")
    assert r.exit_code == 2 and "--out" in r.stderr


def test_bad_dump_is_one_line_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "counts.csv"
    bad.write_text("license,repos\nmit,3\n")
    r = invoke("lineage", bad)
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "counts.csv" in r.stderr and "no model id" in r.stderr
