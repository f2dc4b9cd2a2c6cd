# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia choose`, `draft` and `init`: the contract's JSON, the round trip through identify,
explain and review, and bad input (exit 2, one line, nothing overwritten)."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from conftest import Invoke

ROOT = Path(__file__).parents[2]
NLP = ROOT / "examples" / "choose" / "nlp-startup.yaml"
VISION_GOALS = ROOT / "examples" / "choose" / "vision-foundation-model.yaml"
VISION_CHOICES = ROOT / "examples" / "draft" / "vision-foundation-model.yaml"
SEED = ["draft", "custom", "--holder", "Example Vision Labs", "--artifacts", "model,code",
        "--grant", "research", "--partner-track"]
MILITARY_USE = """\
name: Targeting assistant
description: A defense contractor uses the model for battlefield target selection.
commercial: false
deployment: internal
activities: [military]
"""


def test_choose_json_ranks_apache_first_for_the_nlp_startup(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia("choose", "--goals", str(NLP), "--json")
    assert run.code == 0, run.stderr
    data = run.json()
    first = data["recommendations"][0]
    assert first["license"] == {"id": "apache-2.0", "name": "Apache License 2.0"}
    assert any("patent" in w for w in first["why"])
    assert data["unmet_goals"] == []
    human = licentia("choose", "--goals", str(NLP))
    assert "1. Apache License 2.0 (apache-2.0)" in human.stdout
    assert "legal information, not legal advice" in human.stdout


def test_choose_reports_contradictory_goals_with_exit_2(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    goals = tmp_path / "goals.yaml"
    goals.write_text("use_restrictions: [military]\nosaid_open: true\n", encoding="utf-8")
    run = licentia("choose", "--goals", "goals.yaml", "--json")
    assert run.code == 2
    data = run.json()  # the full answer still comes, with the conflict named
    [unmet] = data["unmet_goals"]
    assert set(unmet["goals"]) == {"use_restrictions", "osaid_open"} and unmet["contradiction"]
    [line] = run.stderr.strip().splitlines()
    assert line.startswith("licentia: error: goals.yaml: contradictory goals")


def test_choose_bad_goals_exit_2_with_the_closest_id(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "goals.yaml").write_text("use_restrictions: [militray]\n", encoding="utf-8")
    run = licentia("choose", "--goals", "goals.yaml")
    assert run.code == 2 and run.stdout == ""
    assert "goals.yaml: use_restrictions: unknown taxonomy id 'militray' (did you mean " \
           "'military'?)" in run.stderr
    missing = licentia("choose", "--goals", "nope.yaml")
    assert missing.code == 2 and "nope.yaml" in missing.stderr


def test_choose_without_goals_off_a_terminal_is_usage_error(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia("choose")
    assert run.code == 2 and "--goals" in run.stderr


def test_choose_interview_from_standard_input(licentia: Invoke) -> None:
    answers = "weights\n\nyes\nmilitary, deepfake-impersonation\nyes\n" + "\n" * 10
    proc = licentia("choose", "--interactive", "--json", input=answers)
    assert proc.returncode == 0, proc.stderr
    data = proc.json()
    assert data["goals"]["artifact"] == "weights" and data["goals"]["non_commercial"] is True
    assert data["recommendations"][0]["license"]["id"] == "licentia-rail-1.0"
    # a non-commercial answer settles "may others use it commercially?": never asked
    assert "commercially" not in proc.stderr


def test_draft_custom_round_trip(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia(*SEED, "--restrict", "military,deepfake-impersonation", "--out", "LICENSE.md")
    assert run.code == 0, run.stderr
    assert "wrote LICENSE.md" in run.stdout
    [ident] = licentia("identify", "LICENSE.md", "--json").json()
    assert ident["result"] == "exact"
    assert ident["license"]["id"] == "licentia-rail-1.0"
    assert ident["matches"][0]["kind"] == "template"
    explained = licentia("explain", "LICENSE.md", "--json").json()
    text = (tmp_path / "LICENSE.md").read_text(encoding="utf-8")
    restrictions = [c for c in explained["clauses"] if c["kind"] == "use-restriction"]
    assert {t for c in restrictions for t in c["taxonomy"]} == {
        "military", "deepfake-impersonation", "non-commercial"}
    for clause in explained["clauses"]:
        for ev in clause["evidence"]:
            assert " ".join(ev["quote"].split()) in " ".join(text.replace("**", "").split())
    assert explained["license"]["version"] == "licentia-rail-1.0"
    # the template by its id has no terms of its own: explain the draft instead
    by_id = licentia("explain", "licentia-rail-1.0")
    assert by_id.code == 2 and "explain the drafted file" in by_id.stderr
    (tmp_path / "uc.yaml").write_text(MILITARY_USE, encoding="utf-8")
    review = licentia("review", "LICENSE.md", "--use-case", "uc.yaml", "--json")
    assert review.code == 1 and review.json()["verdict"] == "conflict"
    licentia(*SEED, "--restrict", "deepfake-impersonation", "--out", "OTHER.md")
    other = licentia("review", "OTHER.md", "--use-case", "uc.yaml", "--json")
    assert other.code == 0 and other.json()["verdict"] != "conflict"


def test_seed_example_choices_file(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia("draft", "custom", "--choices", str(VISION_CHOICES), "--format", "txt")
    assert run.code == 0, run.stderr
    (tmp_path / "LICENSE.txt").write_text(run.stdout, encoding="utf-8")
    [ident] = licentia("identify", "LICENSE.txt", "--json").json()
    assert ident["result"] == "exact" and ident["license"]["id"] == "licentia-rail-1.0"
    assert "Released materials: Example Vision Foundation Model" in run.stdout


def test_draft_custom_docx_opens(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia(*SEED, "--restrict", "military", "--out", "LICENSE.docx")
    assert run.code == 0, run.stderr
    doc = Document(io.BytesIO((tmp_path / "LICENSE.docx").read_bytes()))
    assert any("Military use." in p.text for p in doc.paragraphs)
    to_stdout = licentia(*SEED, "--format", "docx")
    assert to_stdout.code == 2 and "--out" in to_stdout.stderr


def test_draft_never_overwrites_without_force(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "LICENSE.md"
    target.write_text("my own words\n", encoding="utf-8")
    run = licentia(*SEED, "--out", "LICENSE.md")
    assert run.code == 2 and "nothing was written" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert target.read_text(encoding="utf-8") == "my own words\n"
    forced = licentia(*SEED, "--out", "LICENSE.md", "--force")
    assert forced.code == 0 and "licentia-rail-1.0" in target.read_text(encoding="utf-8")


def test_draft_custom_bad_choices(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia(*SEED, "--restrict", "militray,deepfake")
    assert run.code == 2 and run.stdout == ""
    assert "'militray' (did you mean 'military'?)" in run.stderr
    assert "'deepfake' (did you mean 'deepfake-impersonation'?)" in run.stderr
    open_partner = licentia("draft", "custom", "--holder", "X", "--artifacts", "model",
                            "--grant", "open", "--partner-track")
    assert open_partner.code == 2 and "partner-track" in open_partner.stderr
    missing = licentia("draft", "custom", "--holder", "X")
    assert missing.code == 2 and "--artifacts" in missing.stderr


def test_draft_license_notice_modelcard_reuse(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia("draft", "license", "Apache-2.0", "--holder", "Example Labs", "--year", "2026")
    assert run.code == 0 and "Copyright 2026 Example Labs" in run.stdout
    llama = licentia("draft", "license", "llama3", "--holder", "X")
    assert llama.code == 2 and "does not carry the text" in llama.stderr
    (tmp_path / "m.yaml").write_text(
        "project: bot\ndistribution: distributed\ncommercial: true\ncomponents:\n"
        "  - {id: base, kind: model, license: llama3.1}\n", encoding="utf-8")
    notice = licentia("draft", "notice", "m.yaml", "--out", "NOTICE")
    assert notice.code == 0, notice.stderr
    assert "Built with Llama" in (tmp_path / "NOTICE").read_text(encoding="utf-8")
    assert "not discharged by NOTICE" in notice.stdout
    card = licentia("draft", "modelcard", "llama3.1")
    assert card.code == 0 and card.stdout.startswith("---\nlicense: llama3.1\n---\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    assert licentia("draft", "license", "MIT", "--holder", "Jane Doe", "--year", "2021",
                    "--out", "repo/LICENSE").code == 0
    reuse = licentia("draft", "reuse", "repo", "--json")
    assert reuse.code == 0, reuse.stderr
    assert sorted(Path(p).name for p in reuse.json()["written"]) == ["MIT.txt", "REUSE.toml"]
    assert '"2021 Jane Doe"' in (repo / "REUSE.toml").read_text(encoding="utf-8")
    again = licentia("draft", "reuse", "repo")
    assert again.code == 2 and "REUSE.toml" in again.stderr


def test_init_writes_the_files_and_never_overwrites(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia("init", "proj", "--license", "Apache-2.0", "--holder", "Example Labs",
                   "--json")
    assert run.code == 0, run.stderr
    written = sorted(Path(p).relative_to("proj").as_posix() for p in run.json()["written"])
    assert written == ["LICENSE", "LICENSES/Apache-2.0.txt", "NOTICE", "README.md",
                       "REUSE.toml"]
    [ident] = licentia("identify", "proj/LICENSE", "--json").json()
    assert ident["result"] == "exact" and ident["license"]["id"] == "apache-2.0"
    before = {p: p.read_bytes() for p in (tmp_path / "proj").rglob("*") if p.is_file()}
    again = licentia("init", "proj", "--license", "MIT", "--holder", "Someone Else")
    assert again.code == 2 and "nothing was written" in again.stderr
    assert {p: p.read_bytes() for p in (tmp_path / "proj").rglob("*") if p.is_file()} == before


def test_init_from_goals_drafts_the_seed_license(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia("init", "vision", "--goals", str(VISION_GOALS), "--holder",
                   "Example Vision Labs", "--model", "Vis-1")
    assert run.code == 0, run.stderr
    assert "wrote vision/LICENSE.md" in run.stdout
    [ident, card] = licentia("identify", "vision/LICENSE.md", "vision/README.md", "--json").json()
    assert ident["result"] == "exact" and ident["license"]["id"] == "licentia-rail-1.0"
    assert card["declared"]["agrees"] is True
    both = licentia("init", "x", "--license", "MIT", "--goals", str(NLP), "--holder", "X")
    assert both.code == 2
