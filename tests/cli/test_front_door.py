# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The first hour of a new user: help that reads in 80 columns, `--version`, values as words,
ids never cut, provenance in every JSON document, a headline that tells a failed policy, and a
reproduce command that reproduces."""

from __future__ import annotations

import hashlib
import inspect
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from conftest import Invoke, Run, invoke
from licentia.catalog.catalog import catalog
from licentia.cli import COMMANDS, load
from licentia.cli.licenses import _table

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PROVENANCE_KEYS = {"licentia", "licensedb", "term_sheets", "python", "date", "inputs", "sheets"}


def _command_paths() -> list[tuple[str, ...]]:
    paths: list[tuple[str, ...]] = [()]
    for name in COMMANDS:
        paths.append((name,))
        command = load(name)
        if hasattr(command, "list_commands"):
            ctx = type(command).context_class(command)
            paths += [(name, sub) for sub in command.list_commands(ctx)]
    return paths


@pytest.mark.parametrize("path", _command_paths(), ids=lambda p: " ".join(p) or "licentia")
def test_help_fits_80_columns_in_whole_sentences(path: tuple[str, ...]) -> None:
    run = invoke(*path, "--help")
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    too_wide = [line for line in lines if len(line) > 80]
    assert not too_wide, too_wide
    # no Python types after a flag or argument, no {braces} in the usage line
    assert "<bool>" not in run.stdout and "<str>" not in run.stdout
    usage = next(line for line in lines if "Usage:" in line)
    assert "{" not in usage, usage


@pytest.mark.parametrize("path", _command_paths()[1:], ids=" ".join)
def test_help_paragraphs_wrap_at_the_terminal_not_at_the_docstring(path: tuple[str, ...]) -> None:
    """A docstring's hard line breaks (`package\nmanifests`) do not show in --help: on a wide
    terminal each paragraph is one line."""
    command = load(path[0])
    if len(path) == 2:
        command = command.get_command(type(command).context_class(command), path[1])
    wide = invoke(*path, "--help", env={"COLUMNS": "400"})
    assert wide.code == 0, wide.stderr
    shown = [" ".join(line.split()) for line in wide.stdout.splitlines()]
    for para in inspect.cleandoc(command.help or "").split("\n\n"):
        if para.startswith("\b") or "[" in para:  # kept as written; Rich markup
            continue
        assert " ".join(para.split()) in shown, f"{' '.join(path)}: {para!r}"


def test_every_command_summary_is_one_sentence_on_one_line() -> None:
    for path in _command_paths()[1:]:
        command = load(path[0])
        if len(path) == 2:
            command = command.get_command(type(command).context_class(command), path[1])
        summary = (command.help or "").split("\n\n")[0]
        assert "\n" not in summary.strip(), f"{' '.join(path)}: {summary!r}"
        assert summary.rstrip().endswith((".", ")")), f"{' '.join(path)}: {summary!r}"
    for name, entry in COMMANDS.items():
        assert "\n" not in entry.summary and entry.summary.endswith((".", ")")), name


def test_version_names_licentia_licensedb_term_sheets_and_python() -> None:
    run = invoke("--version")
    assert run.code == 0
    lines = run.stdout.splitlines()
    assert re.fullmatch(r"licentia \d+\.\d+\.\d+.*", lines[0])
    assert lines[1].startswith("LicenseDB ") and "unknown" not in lines[1]
    assert re.fullmatch(r"term sheets sha256:[0-9a-f]{16}", lines[2])
    assert lines[3].startswith("Python 3.")


def test_licenses_list_piped_never_cuts_an_id() -> None:
    run = invoke("licenses", "list")
    assert run.code == 0
    rows = run.stdout.splitlines()[1:-1]
    ids = {lic.key for lic in catalog().list(None)}
    first = [row.split()[0] for row in rows]
    assert set(first) == ids and len(first) == len(ids)
    assert "\u2026" not in run.stdout
    by_id = {row.split()[0]: row.split() for row in rows}
    lic = catalog().get("llama-3.1-license-2024")
    assert lic is not None and by_id[lic.key][1] == lic.spdx


def test_licenses_list_on_an_80_column_terminal_keeps_ids_whole() -> None:
    licenses = catalog().list(None)
    rows = [(lic.key, lic.spdx, lic.family.value, "no", lic.short_name) for lic in licenses]
    console = Console(width=80, force_terminal=True, color_system=None)
    with console.capture() as captured:
        console.print(_table(rows, console.width))
    lines = captured.get().splitlines()
    assert max(len(line) for line in lines) <= 80
    starts = {line.split()[0] for line in lines[1:] if line[:1].strip()}
    assert {lic.key for lic in licenses} <= starts
    assert "\u2026" not in captured.get()


def test_explain_prints_values_as_words() -> None:
    run = invoke("explain", "llama3.1")
    assert run.code == 0
    assert not re.search(r"[=:] ?(True|False|None)\b", run.stdout)
    assert "osi_approved" not in run.stdout
    assert "OSI approved: no" in run.stdout
    assert "700,000,000" in run.stdout  # the MAU threshold, as a reader writes it
    assert max(len(line) for line in run.stdout.splitlines()) <= 80


def test_compare_lists_the_shared_terms_one_a_line() -> None:
    run = invoke("compare", "bigscience-openrail-m", "creativeml-openrail-m")
    assert run.code == 0
    lines = run.stdout.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("same ("))
    count = int(lines[at].split("(")[1].rstrip(")"))
    assert count > 5
    assert all(line.startswith("  - ") for line in lines[at + 1:at + 1 + count]
               if not line.startswith("    "))
    assert max(len(line) for line in lines) <= 80


def _check_provenance(doc: dict[str, Any], inputs: list[Path]) -> None:
    prov = doc["provenance"]
    assert set(prov) >= PROVENANCE_KEYS, set(prov)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", prov["date"])
    digests = {Path(i["path"]).resolve(): i["sha256"] for i in prov["inputs"]}
    for path in inputs:
        assert digests[path.resolve()] == hashlib.sha256(path.read_bytes()).hexdigest()


def _json(run: Run) -> Any:
    assert run.code in (0, 1), run.stderr
    return run.json()


def test_every_json_document_carries_provenance(tmp_path: Path, licentia: Invoke) -> None:
    use_case = EXAMPLES / "review" / "face-swap-app.yaml"
    manifest = EXAMPLES / "check" / "saas-agpl-component.yaml"
    policy = EXAMPLES / "check" / "policy.yaml"
    goals = EXAMPLES / "choose" / "nlp-startup.yaml"
    choices = EXAMPLES / "draft" / "vision-foundation-model.yaml"
    license_file = ROOT / "LICENSE"
    single: list[tuple[list[str], list[Path]]] = [
        (["explain", "llama3.1"], []),
        (["explain", str(license_file)], [license_file]),
        (["compare", "MIT", "Apache-2.0"], []),
        (["review", "llama3.1", "--use-case", str(use_case)], [use_case]),
        (["check", str(manifest), "--policy", str(policy)], [manifest, policy]),
        (["choose", "--goals", str(goals)], [goals]),
        (["licenses", "show", "llama3.1"], []),
        (["draft", "custom", "--choices", str(choices)], [choices]),
        (["draft", "license", "MIT", "--holder", "Acme"], []),
        (["draft", "modelcard", "llama3.1"], []),
        (["draft", "notice", str(manifest)], [manifest]),
    ]
    for args, inputs in single:
        doc = _json(licentia(*args, "--json"))
        assert isinstance(doc, dict), args
        _check_provenance(doc, inputs)
    # documents that are lists carry it on every item
    for item in _json(licentia("identify", str(license_file), "--json")):
        _check_provenance(item, [license_file])
    for item in _json(licentia("licenses", "list", "--family", "ai", "--json")):
        _check_provenance(item, [])
    _check_provenance(_json(licentia("scan", str(ROOT / "LICENSES"), "--json")),
                      [ROOT / "LICENSES" / "Apache-2.0.txt"])
    repo = tmp_path / "repo"
    doc = _json(licentia("init", str(repo), "--license", "Apache-2.0", "--holder", "Acme",
                         "--json"))
    _check_provenance(doc, [])
    shutil.copy(license_file, tmp_path / "LICENSE")
    doc = _json(licentia("draft", "reuse", str(tmp_path), "--holder", "Acme", "--json"))
    _check_provenance(doc, [tmp_path / "LICENSE"])


def test_term_sheets_cited_by_a_review_are_named_with_a_digest(licentia: Invoke) -> None:
    doc = licentia("review", "llama3.1", "--use-case",
                   str(EXAMPLES / "review" / "face-swap-app.yaml"), "--json").json()
    [sheet] = doc["provenance"]["sheets"]
    assert sheet["license"] == "llama-3.1-license-2024"
    assert re.fullmatch(r"sha256:[0-9a-f]{16}", sheet["digest"])


def test_every_report_format_carries_provenance(tmp_path: Path, licentia: Invoke) -> None:
    use_case = str(EXAMPLES / "review" / "face-swap-app.yaml")
    manifest = str(EXAMPLES / "check" / "saas-agpl-component.yaml")
    digest = hashlib.sha256((EXAMPLES / "review" / "face-swap-app.yaml").read_bytes()).hexdigest()
    for fmt in ("md", "html"):
        run = licentia("review", "llama3.1", "--use-case", use_case, "--format", fmt)
        assert "licentia " in run.stdout and "LicenseDB " in run.stdout and digest in run.stdout
    run = licentia("review", "llama3.1", "--use-case", use_case)
    assert "LicenseDB " in run.stdout and digest in run.stdout
    for fmt in ("md", "html"):
        run = licentia("check", manifest, "--format", fmt)
        assert "LicenseDB " in run.stdout and "term sheets sha256:" in run.stdout
    assert "LicenseDB " in licentia("check", manifest).stdout
    sarif = licentia("check", manifest, "--format", "sarif").json()
    assert set(sarif["runs"][0]["properties"]["provenance"]) >= PROVENANCE_KEYS
    assert "LicenseDB " in licentia("choose", "--goals",
                                    str(EXAMPLES / "choose" / "nlp-startup.yaml")).stdout
    out = tmp_path / "review.docx"
    run = licentia("review", "llama3.1", "--use-case", use_case, "--format", "docx",
                   "--out", str(out))
    assert run.code in (0, 1), run.stderr
    from docx import Document  # python-docx, only this test reads a DOCX

    doc = Document(str(out))
    assert doc.core_properties.author == "licentia"
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "LicenseDB " in body and digest in body


def test_check_headline_leads_with_a_failed_policy(licentia: Invoke) -> None:
    manifest = str(EXAMPLES / "check" / "saas-agpl-component.yaml")
    policy = str(EXAMPLES / "check" / "policy.yaml")
    doc = licentia("check", manifest, "--policy", policy, "--json").json()
    if doc["policy"]["verdict"] != "fail":
        pytest.skip("the example policy no longer denies this manifest")
    run = licentia("check", manifest, "--policy", policy)
    assert run.code == 1
    headline = next(line for line in run.stdout.splitlines() if line.startswith("verdict:"))
    assert headline.startswith("verdict: POLICY FAILED"), headline
    assert doc["headline"].startswith("POLICY FAILED")
    md = licentia("check", manifest, "--policy", policy, "--format", "md").stdout
    assert "**Verdict: POLICY FAILED" in md


def test_draft_custom_reproduce_command_carries_every_flag(tmp_path: Path,
                                                           licentia: Invoke) -> None:
    args = ["draft", "custom", "--holder", "Acme Labs", "--artifacts", "model,code",
            "--grant", "research", "--partner-track", "--restrict", "military,surveillance",
            "--name", "Acme-7B", "--governing-law", "the State of New York", "--year", "2025",
            "--format", "txt", "--out", str(tmp_path / "LICENSE.txt")]
    run = licentia(*args)
    assert run.code == 0, run.stderr
    note = next(line for line in run.stdout.splitlines() if "drafted from" in line)
    command = note.split("): ", 1)[1]
    for flag in ("--name Acme-7B", "--governing-law 'the State of New York'", "--year 2025",
                 "--partner-track", "--restrict military,surveillance", "--format txt",
                 "--holder 'Acme Labs'", "--out "):
        assert flag in command, (flag, command)
    # the command, run again, writes the same text
    import shlex

    again = shlex.split(command)[1:]
    again[again.index("--out") + 1] = str(tmp_path / "AGAIN.txt")
    assert licentia(*again).code == 0
    assert (tmp_path / "AGAIN.txt").read_text() == (tmp_path / "LICENSE.txt").read_text()


def test_the_installed_command_runs(licentia_process: Invoke) -> None:
    """Smoke test through a real process: the entry point, --version, and one JSON document."""
    run = licentia_process("--version")
    assert run.code == 0 and run.stdout.startswith("licentia ")
    run = licentia_process("identify", str(ROOT / "LICENSE"), "--json")
    assert run.code == 0
    [item] = run.json()
    assert item["license"]["id"] == "apache-2.0" and "provenance" in item


def _project(root: Path, table: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n{table}\n")
    return root


def test_check_applies_the_policy_and_format_of_the_project(tmp_path: Path) -> None:
    root = _project(tmp_path / "proj", '[tool.licentia]\npolicy = "policy.yaml"\n'
                    '[tool.licentia.format]\ncheck = "md"\n')
    shutil.copy(EXAMPLES / "check" / "policy.yaml", root / "policy.yaml")
    shutil.copy(EXAMPLES / "check" / "saas-agpl-component.yaml", root / "licentia.yaml")
    run = invoke("check", "licentia.yaml", cwd=root)
    assert run.code == 1, run.stderr  # the project's policy fails this combination
    assert run.stdout.startswith("# ") and "**Verdict: POLICY FAILED" in run.stdout
    # a flag wins over the setting
    assert invoke("check", "licentia.yaml", "--json", cwd=root).json()["policy"]["verdict"] \
        == "fail"
    bad = _project(tmp_path / "bad", "[tool.licentia]\nformats = 1\n")
    run = invoke("check", "x.yaml", cwd=bad)
    assert run.code == 2 and "unknown key 'formats'" in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("ref", "members"), [
    ("RAIL", {"bigscience-rail-1.0", "bigscience-open-rail-m", "bigscience-open-rail-m2",
              "stable-diffusion-2022-08-22", "bigcode-open-rail-m-v1"}),
    ("BLOOM", {"bigscience-rail-1.0", "bigscience-open-rail-m", "bigscience-open-rail-m2"}),
    ("llama", {"llama-2-license-2023", "llama-3.1-license-2024", "llama-4-license-2025"}),
])
def test_a_family_name_lists_its_members(ref: str, members: set[str],
                                         licentia: Invoke) -> None:
    run = licentia("explain", ref)
    assert run.code == 2
    [line] = run.stderr.strip().splitlines()
    assert f"{ref!r} names a family of" in line and "not one license" in line
    named = set(re.findall(r"[a-z0-9][a-z0-9.+-]*[a-z0-9]", line.split(": ", 2)[2]))
    assert members <= named, line


def test_a_misspelt_name_still_gets_the_closest(licentia: Invoke) -> None:
    run = licentia("explain", "Apache-2.1")
    assert run.code == 2 and "did you mean" in run.stderr and "apache" in run.stderr.lower()


def test_the_interview_lists_valid_ids_on_a_question_mark(licentia: Invoke) -> None:
    run = licentia("choose", "--interactive", input="?\n\n" * 20)  # ? then skip, each time
    assert run.code == 0, run.stderr
    lists = [part.split("\n>", 1)[0] for part in run.stderr.split("valid ids:")[1:]]
    ids = [{w.strip(", \n") for w in listed.split()} for listed in lists]
    assert any({"military", "surveillance", "deepfake-impersonation", "medical-advice"} <= found
               for found in ids), run.stderr
    assert any({"llama3.1", "apache-2.0", "bigscience-open-rail-m"} <= found for found in ids)
    assert "valid answers: code, weights, data, mixed" in run.stderr


def test_scan_takes_its_format_and_policy_from_the_project(tmp_path: Path,
                                                           licentia: Invoke) -> None:
    root = _project(tmp_path / "proj", '[tool.licentia]\npolicy = "policy.yaml"\n'
                    '[tool.licentia.format]\nscan = "sarif"\n')
    shutil.copy(EXAMPLES / "check" / "policy.yaml", root / "policy.yaml")
    shutil.copy(ROOT / "LICENSE", root / "LICENSE")
    run = licentia("scan", ".", cwd=root)
    assert run.code in (0, 1), run.stderr
    sarif = run.json()
    assert sarif["version"] == "2.1.0"
    assert licentia("scan", ".", "--format", "text", cwd=root).stdout.lstrip()[:1] != "{"


def test_pre_commit_hooks_run_licentia_commands() -> None:
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert {h["id"] for h in hooks} >= {"licentia-identify", "licentia-check", "licentia-scan"}
    for hook in hooks:
        program, command, *_ = hook["entry"].split()
        assert program == "licentia" and command in COMMANDS, hook["entry"]
        assert hook["language"] == "python"
        assert invoke(command, "--help").code == 0


@pytest.mark.parametrize("command", ["check", "scan"])
def test_the_github_action_script_writes_sarif_and_reports_the_exit_code(
        command: str, tmp_path: Path) -> None:
    """The action's own shell step, run as GitHub would (licentia on PATH, its inputs as
    environment variables)."""
    import json
    import os
    import subprocess
    import sys

    import yaml

    action = yaml.safe_load((ROOT / "action.yml").read_text())
    step = next(s for s in action["runs"]["steps"] if s.get("id") == "check")
    output = tmp_path / "github-output"
    env = {**os.environ, "COMMAND": command, "SARIF": str(tmp_path / "out.sarif"),
           "MANIFEST": str(EXAMPLES / "check" / "saas-agpl-component.yaml"),
           "POLICY": str(EXAMPLES / "check" / "policy.yaml"), "TARGET": str(ROOT / "LICENSES"),
           "GITHUB_OUTPUT": str(output),
           "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    proc = subprocess.run(["bash", "-e", "-c", step["run"]], env=env, capture_output=True,
                          text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    assert sarif["version"] == "2.1.0" and sarif["runs"][0]["tool"]["driver"]["name"] == "licentia"
    code = output.read_text().strip()
    assert code == ("exit-code=1" if command == "check" else "exit-code=0"), code
