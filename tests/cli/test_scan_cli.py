# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from scan.fixtures import REPO, SHA, FakeHub, hub_model_files, make_repo

ROOT = Path(__file__).resolve().parents[2]


def test_scan_json_is_one_document_with_the_contract_keys(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_repo(tmp_path / "repo")
    run = licentia("scan", "repo", "--json", "--no-reuse")
    assert run.code == 0, run.stderr
    data = run.json()
    assert data["verdict"] == "review" and data["format_version"] == 1
    for key in ("summary", "expressions", "licenses", "without_evidence", "declared",
                "findings", "files", "skipped", "model", "reuse", "provenance"):
        assert key in data
    by_path = {f["path"]: f for f in data["files"]}
    assert by_path["vendor/legacy.c"]["spdx_expression"] == "GPL-2.0-only"
    assert "notes.txt" in data["without_evidence"]


def test_scan_text_md_sarif_and_out(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    make_repo(tmp_path / "repo")
    text = licentia("scan", "repo", "--no-reuse")
    assert text.code == 0 and "verdict: review" in text.stdout and "GPL-2.0-only" in text.stdout
    assert "LicenseDB " in text.stdout  # provenance
    md = licentia("scan", "repo", "--format", "md", "--no-reuse")
    assert md.stdout.startswith("# License scan") and "| `MIT` | 1 |" in md.stdout
    sarif = licentia("scan", "repo", "--format", "sarif", "--out", "scan.sarif", "--no-reuse")
    assert sarif.code == 0
    doc = json.loads((tmp_path / "scan.sarif").read_text())
    assert doc["version"] == "2.1.0"
    assert "licensedb" in doc["runs"][0]["properties"]["provenance"]
    assert {r["ruleId"] for r in doc["runs"][0]["results"]} >= {"no-license-evidence"}
    again = licentia("scan", "repo", "--format", "sarif", "--out", "scan.sarif", "--no-reuse")
    assert again.code == 2 and "scan.sarif" in again.stderr


def test_conflict_exits_1(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # REUSE-IgnoreStart
    make_repo(tmp_path / "repo", 'version = 1\n[[annotations]]\npath = "**"\n'
              'precedence = "aggregate"\nSPDX-FileCopyrightText = "2026 X"\n'
              'SPDX-License-Identifier = "Apache-2.0"\n')
    # REUSE-IgnoreEnd
    run = licentia("scan", "repo", "--json", "--no-reuse")
    assert run.code == 1 and run.json()["verdict"] == "conflict"


@pytest.mark.parametrize("target", ["missing-folder", "nobody/nothing"])
def test_unusable_path_is_one_line_exit_2(licentia, tmp_path: Path, target: str) -> None:  # type: ignore[no-untyped-def]
    run = licentia("scan", target, "--json")
    assert run.code == 2 and run.stdout == ""
    assert len(run.stderr.strip().splitlines()) == 1 and target in run.stderr
    if "/" in target:  # a model id: no network unless asked
        assert "pass --online to read it from the Hugging Face Hub" in run.stderr


def test_dogfood_licentia_scans_itself_without_conflict(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia("scan", str(ROOT), "--json", "--no-reuse", cwd=ROOT)
    assert run.code == 0, run.stdout[-2000:]
    data = run.json()
    assert data["verdict"] in {"ok", "review"}
    assert {e["spdx_expression"] for e in data["expressions"][:1]} == {"Apache-2.0"}


def test_online_reads_a_model_from_the_hub(licentia, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from licentia import hfhub

    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "empty-cache"))
    fake = FakeHub(hub_model_files(tmp_path))
    monkeypatch.setattr(hfhub, "hub_api", lambda: fake)
    monkeypatch.setattr(hfhub, "hub_fs", lambda: fake)
    run = licentia("scan", REPO, "--online", "--json")
    assert run.code == 1, run.stderr  # the adapter's metadata says MIT: parts disagree
    data = run.json()
    assert data["online"]["revision"] == SHA and data["model"]["name"] == REPO
    assert data["root"].endswith(f"/{REPO}/tree/{SHA}")
    # the license text the verdict rests on, named by its address on the Hub
    assert [i["path"] for i in data["provenance"]["inputs"]] == [
        f"https://huggingface.co/{REPO}/blob/{SHA}/LICENSE"]
    text = licentia("scan", REPO, "--online")
    assert f"read from the Hugging Face Hub at revision {SHA}" in text.stdout
    spdx = licentia("scan", REPO, "--online", "--format", "spdx", "--out", "m.spdx.json")
    assert spdx.code == 1 and (tmp_path / "m.spdx.json").is_file()
    down = FakeHub({}, hfhub.network_errors()[-1]("[Errno 101] Network is unreachable"))
    monkeypatch.setattr(hfhub, "hub_api", lambda: down)
    run = licentia("scan", REPO, "--online", "--json")
    assert run.code == 2 and run.stdout == ""
    assert run.stderr.count("\n") == 1 and "Network is unreachable" in run.stderr
    assert REPO in run.stderr


def test_online_reads_a_cached_model_or_a_folder_locally(licentia, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from licentia import hfhub
    from scan.fixtures import cache_model, card

    def no_network() -> None:
        raise AssertionError("the Hub was asked")

    monkeypatch.setattr(hfhub, "hub_api", no_network)
    monkeypatch.setattr(hfhub, "hub_fs", no_network)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "cache"))
    cache_model(tmp_path / "cache", REPO, {"README.md": card("mit")})
    run = licentia("scan", REPO, "--online", "--json")
    assert run.code == 0, run.stderr
    assert run.json()["online"] is None and run.json()["model"]["expression"] == "mit"
    make_repo(tmp_path / "repo")
    assert licentia("scan", "repo", "--online", "--no-reuse").code == 0
