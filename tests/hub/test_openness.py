# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Openness: OSI approval, the Open Source AI Definition with the failing clauses quoted, and
the Model Openness Framework class a release reaches by its components' licenses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from licentia.analysis.manifest import load_manifest
from licentia.cli import app
from licentia.hub.openness import MofClass, license_openness, release_openness


def test_permissive_licenses_are_open() -> None:
    for key in ("apache-2.0", "mit"):
        o = license_openness(key)
        assert o.osi_approved and o.osaid and not o.failures


@pytest.mark.parametrize(("key", "reason", "quoted"), [
    ("llama-3.1-license-2024", "threshold", "700 million monthly active users"),
    ("cc-by-nc-4.0", "non-commercial", "NonCommercial"),
    ("cc-by-nd-4.0", "no derivatives", "Adapted Material"),
    ("bigscience-open-rail-m", "field-of-use", ""),
])
def test_osaid_failures_quote_the_clause(key: str, reason: str, quoted: str) -> None:
    o = license_openness(key)
    assert o.osaid is False and o.osi_approved is False
    [f] = [f for f in o.failures if reason in f.reason]
    assert f.evidence and quoted in " ".join(e.quote for e in f.evidence)


def _manifest(tmp_path: Path, model: str, code: str | None, data: str | None) -> Path:
    lines = ["project: release", "distribution: distributed", "commercial: true",
             "components:", f"  - {{id: weights, kind: model, license: {model}}}"]
    if code:
        lines.append(f"  - {{id: train, kind: code, license: {code}}}")
    if data:
        lines.append(f"  - {{id: corpus, kind: dataset, license: {data}}}")
    path = tmp_path / "release.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


@pytest.mark.parametrize(("model", "code", "data", "cls"), [
    ("Apache-2.0", "MIT", "CC-BY-4.0", MofClass.OPEN_SCIENCE),
    ("Apache-2.0", "GPL-3.0-only", "CC-BY-NC-4.0", MofClass.OPEN_TOOLING),
    ("Apache-2.0", None, "CC-BY-4.0", MofClass.OPEN_MODEL),
    ("llama3.1", "MIT", "CC-BY-4.0", MofClass.NONE),
])
def test_mof_class_by_component_licenses(tmp_path: Path, model: str, code: str | None,
                                         data: str | None, cls: MofClass) -> None:
    r = release_openness(load_manifest(_manifest(tmp_path, model, code, data)))
    assert r.mof_class is cls
    assert bool(r.why) == (cls is not MofClass.OPEN_SCIENCE)


def test_cli_openness(tmp_path: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(app, ["openness", "gemma", "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["licenses"][0]["osaid"] is False and doc["licenses"][0]["osaid_failures"]
    path = _manifest(tmp_path, "Apache-2.0", "MIT", None)
    r = runner.invoke(app, ["openness", str(path), "--json"])
    assert json.loads(r.stdout)["mof_class"] == "II"
    bad = runner.invoke(app, ["openness", "no-such-license-xyz"])
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1


TAG = "SPDX-" + "License-Identifier"  # split: REUSE would read it as this file's own tag


def _model_folder(root: Path, prep_license: str) -> Path:
    root.mkdir()
    (root / "README.md").write_text("---\nlicense: apache-2.0\npipeline_tag: text-generation\n"
                                    "---\n# A model\n")
    (root / "config.json").write_text('{"model_type": "llama"}\n')
    (root / "train.py").write_text(f"# {TAG}: MIT\nprint('train')\n")
    (root / "prep.py").write_text(f"# {TAG}: {prep_license}\nx = 1\n")
    return root


@pytest.mark.parametrize(("prep", "cls"), [("BSD-3-Clause", MofClass.OPEN_TOOLING),
                                           ("CC-BY-NC-4.0", MofClass.OPEN_MODEL)])
def test_mof_class_of_a_scanned_model_folder(tmp_path: Path, prep: str, cls: MofClass) -> None:
    r = CliRunner().invoke(app, ["openness", str(_model_folder(tmp_path / "m", prep)),
                                 "--json"])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)
    assert doc["mof_class"] == cls.value
    kinds = {c["kind"] for c in doc["components"]}
    assert kinds == {"model", "code"}
