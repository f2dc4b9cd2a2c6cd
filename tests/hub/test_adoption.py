# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Adoption: shares over models and downloads, by family, task and time; snapshots; projects;
charts written and non-empty; the figures `choose` cites match the data they cite."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hub_fixtures import write_csv
from typer.testing import CliRunner

from licentia.analysis.adoption import adoption_notes, figures
from licentia.cli import app
from licentia.hub.adoption import adoption, charts, family_of

ROWS = [
    {"id": "a/1", "license": "apache-2.0", "downloads": "60", "pipeline_tag": "text-generation",
     "created_at": "2023-04-01"},
    {"id": "a/2", "license": "mit", "downloads": "20", "pipeline_tag": "text-generation",
     "created_at": "2024-01-02"},
    {"id": "a/3", "license": "llama3.1", "downloads": "10", "pipeline_tag": "text-generation",
     "created_at": "2024-07-30"},
    {"id": "a/4", "license": "cc-by-nc-4.0", "downloads": "10", "pipeline_tag": "image-to-text",
     "created_at": "2024-09-01"},
    {"id": "a/5", "license": "", "downloads": "", "created_at": "2024-10-01"},
]


def test_shares_over_models_and_downloads(tmp_path: Path) -> None:
    a = adoption([write_csv(tmp_path / "m.csv", ROWS)])
    fams = {s.label: s for s in next(t for t in a.tables if t.title == "License families").shares}
    assert fams["permissive"].models == 2 and fams["permissive"].model_share == pytest.approx(0.4)
    assert fams["permissive"].download_share == pytest.approx(0.8)
    assert fams["vendor-ai"].models == 1 and fams["non-commercial"].models == 1
    assert fams["none"].models == 1
    assert set(a.by_task) == {"text-generation", "image-to-text"}
    assert a.over_time["2023"] == {"permissive": 1.0}
    assert a.over_time["2024"]["vendor-ai"] == pytest.approx(0.25)
    assert next(t for t in a.tables).as_of == "2024-10-01"


def test_family_tags_resolve_when_members_agree() -> None:
    assert family_of("openrail") == "rail" and family_of("bsd") == "permissive"
    assert family_of("cc") == "unknown" and family_of("") == "none"


def test_snapshots_projects_and_charts(corpus: Callable[..., Path]) -> None:
    a = adoption([corpus("hf-adoption")])
    general = a.snapshots["general"]
    assert [s.day.isoformat() for s, _ in general][-1] == "2023-02-27"
    last = {s.label: s for s in general[-1][1].shares}
    assert last["rail"].model_share > general[0][1].shares[-1].model_share  # RAIL grew
    assert a.projects["permissive"]["permissive"] > 10_000
    files = charts(a)
    assert {"families-models.png", "families-models.svg", "snapshots-general.png",
            "adoption.html"} <= set(files)
    assert all(len(data) > 1_000 for data in files.values())
    assert files["families-models.png"].startswith(b"\x89PNG")


def test_cli_adoption_json_and_plots(tmp_path: Path) -> None:
    dump = write_csv(tmp_path / "m.csv", ROWS)
    r = CliRunner().invoke(app, ["hub", "adoption", str(dump), "--json", "--plots",
                                 str(tmp_path / "plots")])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["format_version"] == 1 and doc["tables"][1]["title"] == "License families"
    assert doc["tables"][0]["source"].startswith("model dump") and doc["tables"][0]["as_of"]
    assert (tmp_path / "plots" / "families-models.png").stat().st_size > 1_000


def test_choose_cites_measured_figures_with_source(corpus: Callable[..., Path]) -> None:
    notes = adoption_notes("apache-2.0")
    assert any("Hugging Face Hub" in n and "2023-02-27" in n and "CC0" in n for n in notes)
    # the committed figures are what the data says
    data = corpus("hf-adoption", "open-future-foundation", "output", "general", "27_02_2023.csv")
    a = adoption([data])
    [(snap, _)] = a.snapshots["general"]
    rows = {tag: n for tag, n, _ in snap.rows}
    hub = figures()["hub"]
    assert hub["licensed_repos"] == sum(rows.values())
    assert hub["licenses"]["apache-2.0"]["repos"] == rows["apache-2.0"]
    assert hub["licenses"]["mit"]["repos"] == rows["mit"]
