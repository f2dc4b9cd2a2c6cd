# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia review`: exit codes, JSON, report files, `facts:` answers, the interview under a
pseudo-terminal, and bad input as one line and exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from docx import Document
from typer.testing import CliRunner

from conftest import Run
from conftest import invoke as run_cli
from licentia.analysis.usecase import UseCase
from licentia.cli import app

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "review"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "review-cases"
runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["review", *args])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout


def licentia(*args: str) -> Run:
    """The real entry point, in-process (errors go through the shell's one-line handler)."""
    return run_cli("review", *args)


@pytest.mark.parametrize(("ref", "case", "code", "verdict"), [
    ("llama3.1", "defense-logistics", 1, "conflict"),
    ("bigscience-bloom-rail-1.0", "defense-logistics", 0, "review"),
    ("Apache-2.0", "on-device-classifier", 0, "clear"),
    ("llama3.1", "social-app-900m", 1, "conflict"),
])
def test_exit_code_follows_the_verdict(ref: str, case: str, code: int, verdict: str) -> None:
    exit_code, stdout = invoke(ref, "--use-case", str(EXAMPLES / f"{case}.yaml"), "--json")
    assert exit_code == code
    data = json.loads(stdout)
    assert data["verdict"] == verdict
    assert data["format_version"] == 1
    assert {"license", "findings", "risk_matrix", "escalate", "disclaimer"} <= set(data)


def test_terminal_output() -> None:
    exit_code, stdout = invoke("bigscience-openrail-m", "-u",
                               str(EXAMPLES / "face-swap-app.yaml"))
    assert exit_code == 1
    assert "Verify the license" in stdout and "Document and escalate" in stdout
    assert "To impersonate or attempt to impersonate" in stdout
    assert "not legal advice" in stdout


def test_model_card_as_reference() -> None:
    exit_code, stdout = invoke(str(EXAMPLES / "bloom-card" / "README.md"), "-u",
                               str(EXAMPLES / "commercial-assistant.yaml"), "--json")
    assert exit_code == 0
    data = json.loads(stdout)
    assert data["license"]["id"] == "bigscience-rail-1.0"
    assert data["identification"]["result"] == "exact"
    assert data["verdict"] == "review"


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_report_files(tmp_path: Path, fmt: str) -> None:
    dest = tmp_path / f"review.{fmt}"
    exit_code, _ = invoke("creativeml-openrail-m", "-u", str(EXAMPLES / "face-swap-app.yaml"),
                          "--format", fmt, "--out", str(dest))
    assert exit_code == 0
    if fmt == "docx":
        doc = Document(str(dest))
        assert any(t.rows[0].cells[0].text == "Finding" for t in doc.tables)
    else:
        text = dest.read_text(encoding="utf-8")
        assert "not legal advice" in text and "CreativeML Open RAIL-M" in text


def test_markdown_to_stdout() -> None:
    exit_code, stdout = invoke("llama3.1", "-u", str(EXAMPLES / "defense-logistics.yaml"),
                               "--format", "md")
    assert exit_code == 1
    assert stdout.startswith("# License review:")


def test_bad_use_case_is_one_line_with_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "uc.yaml"
    path.write_text("name: x\ndescription: a chatbot for support\ncommercial: yes\n"
                    "monthly_users: 10\n", encoding="utf-8")
    proc = licentia("llama3.1", "--use-case", str(path))
    assert proc.returncode == 2 and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1
    assert str(path) in lines[0] and "monthly_users" in lines[0]
    assert "monthly_active_users" in lines[0]


def test_bad_inputs_exit_2(tmp_path: Path) -> None:
    uc = str(EXAMPLES / "commercial-assistant.yaml")
    unknown = licentia("llama3.9", "-u", uc)
    assert unknown.returncode == 2 and "did you mean" in unknown.stderr
    assert len(unknown.stderr.strip().splitlines()) == 1
    missing = licentia("llama3.1", "-u", str(tmp_path / "nope.yaml"))
    assert missing.returncode == 2 and "nope.yaml" in missing.stderr
    wrong_type = tmp_path / "bad.yaml"
    wrong_type.write_text("name: x\ndescription: a chatbot\ncommercial: maybe\n",
                          encoding="utf-8")
    bad = licentia("llama3.1", "-u", str(wrong_type))
    assert bad.returncode == 2 and "commercial" in bad.stderr and "true or false" in bad.stderr


def test_option_conflicts_exit_2() -> None:
    uc = str(EXAMPLES / "commercial-assistant.yaml")
    assert invoke("llama3.1", "-u", uc, "--json", "--format", "md")[0] == 2
    assert invoke("llama3.1", "-u", uc, "--out", "x.md")[0] == 2
    assert invoke("llama3.1")[0] == 2  # --use-case is required


def test_facts_answers_override_and_bad_answers_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "uc.yaml"
    base = ("name: x\ndescription: Clones the voices of radio hosts for greetings; we never ask "
            "the hosts.\ncommercial: true\ndeployment: saas\n")
    path.write_text(base, encoding="utf-8")
    code, out = invoke("bigscience-openrail-m", "-u", str(path), "--json")
    data = json.loads(out)
    assert code == 1 and data["verdict"] == "conflict"
    assert any(f["fact"] == "subjects_consent" and f["value"] is False for f in data["facts"])
    path.write_text(base + "facts:\n  subjects_consent: true\n  outputs_labelled: true\n",
                    encoding="utf-8")
    data = json.loads(invoke("bigscience-openrail-m", "-u", str(path), "--json")[1])
    [imp] = [f for f in data["findings"] if f["code"] == "deepfake-impersonation"]
    assert imp["status"] == "clear"
    assert {"fact": "subjects_consent", "value": True}.items() <= imp["facts"][0].items()
    path.write_text(base + "facts:\n  subject_consent: true\n", encoding="utf-8")
    proc = licentia("bigscience-openrail-m", "-u", str(path))
    [line] = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and str(path) in line and "facts.subject_consent" in line
    assert "did you mean 'subjects_consent'" in line
    path.write_text(base + "facts:\n  monthly_active_users: lots\n", encoding="utf-8")
    proc = licentia("bigscience-openrail-m", "-u", str(path))
    [line] = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and "facts.monthly_active_users" in line
    assert "whole number" in line


def test_interactive_asks_the_open_questions_under_a_terminal(tmp_path: Path) -> None:
    """Run under a pseudo-terminal: answer the question, accept writing it back."""
    path = tmp_path / "uc.yaml"
    path.write_text((FIXTURES / "vienna-maybe-vision.usecase.yaml").read_text("utf-8"),
                    encoding="utf-8")
    transcript = _pty_run([sys.executable, "-m", "licentia", "review", "llama3.2", "-u",
                           str(path), "--interactive"], answers=["no", "yes"])
    assert "multimodal" in transcript  # the open question was asked
    assert "verdict is clear (it was review)" in transcript
    assert "facts:\n  multimodal_model: false" in path.read_text("utf-8")
    assert UseCase.from_file(path).facts == {"multimodal_model": False}


def _pty_run(cmd: list[str], answers: list[str], timeout: float = 60.0) -> str:
    """Run `cmd` on a pseudo-terminal, type each answer after a prompt, return all output."""
    import os
    import pty
    import select
    import time

    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, on the terminal
        os.execvp(cmd[0], cmd)
    out = b""
    pending = list(answers)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
            if pending and out.rstrip().endswith((b")", b"?")):
                os.write(fd, pending.pop(0).encode() + b"\n")
        elif os.waitpid(pid, os.WNOHANG)[0]:
            break
    os.waitpid(pid, 0)
    return out.decode("utf-8", "replace").replace("\r\n", "\n")


def _commercial_saas(tmp_path: Path) -> Path:
    case = tmp_path / "use.yaml"
    case.write_text("name: Shop assistant\ndescription: A chat assistant answers retail "
                    "customers' product questions.\ncommercial: true\ndeployment: saas\n"
                    "modification: none\n", encoding="utf-8")
    return case


def test_a_card_naming_two_licenses_is_never_clear(tmp_path: Path) -> None:
    card = tmp_path / "README.md"
    card.write_text("---\nlicense: [apache-2.0, llama3.1]\n---\n# Merge\n", encoding="utf-8")
    _, out = invoke(str(card), "--use-case", str(_commercial_saas(tmp_path)), "--json")
    review = json.loads(out)
    assert review["verdict"] != "clear"
    [which] = [f for f in review["findings"] if f["step"] == "verify" and f["status"] == "gray"]
    assert "llama-3.1-license-2024" in which["rationale"]


def test_a_card_pointing_at_a_licentia_draft_is_reviewed_against_the_draft(tmp_path: Path) -> None:
    draft = runner.invoke(app, ["draft", "custom", "--choices",
                                str(EXAMPLES.parent / "draft" / "vision-foundation-model.yaml"),
                                "--out", str(tmp_path / "LICENSE.md")])
    assert draft.exit_code == 0, draft.stdout
    card = runner.invoke(app, ["draft", "modelcard", str(tmp_path / "LICENSE.md")])
    (tmp_path / "README.md").write_text(card.stdout, encoding="utf-8")
    code, out = invoke(str(tmp_path / "README.md"), "--use-case",
                       str(_commercial_saas(tmp_path)), "--json")
    review = json.loads(out)
    assert code == 1 and review["verdict"] == "conflict"
    # the draft grants non-commercial use only (the example's choices)
    assert "non-commercial" in {f["code"] for f in review["findings"] if f["status"] == "conflict"}
