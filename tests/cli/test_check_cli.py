# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia check`: exit codes, the JSON contract, SARIF 2.1.0, reports, policies."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from licentia.cli import app

EXAMPLES = Path(__file__).parents[2] / "examples" / "check"
runner = CliRunner()


@pytest.fixture
def examples(tmp_path: Path) -> Path:
    """The example manifests, copied into a fresh directory."""
    shutil.copytree(EXAMPLES, tmp_path / "check")
    return tmp_path / "check"


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    return runner.invoke(app, ["check", *map(str, args)])


def test_exit_codes_follow_the_verdict(examples: Path) -> None:
    assert invoke(examples / "saas-apache-model-gpl3-lib.yaml").exit_code == 0
    assert invoke(examples / "distributed-apache-model-gpl3-lib.yaml").exit_code == 0
    assert invoke(examples / "distributed-apache-gpl2-linked.yaml").exit_code == 1
    assert invoke(examples / "llama-finetune-as-mit.yaml").exit_code == 1


def test_json_per_contract(examples: Path) -> None:
    result = invoke(examples / "llama-finetune-as-mit.yaml", "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["format_version"] == 1
    assert data["verdict"] == "conflict"
    assert {"verdict", "findings", "obligations", "outbound"} <= set(data)
    assert {"allowed", "required_terms"} <= set(data["outbound"])
    for f in data["findings"]:
        assert {"code", "severity", "components", "message", "evidence", "actions"} <= set(f)
        assert f["severity"] in {"info", "warning", "error"}
        for ev in f["evidence"]:
            assert {"license", "quote", "section"} <= set(ev)
    codes = {f["code"] for f in data["findings"]}
    assert {"relicense-not-allowed", "naming-requirement", "built-with-notice",
            "attribution"} <= codes
    tuned = next(o for o in data["obligations"] if o["component"] == "tuned")
    assert tuned["checklist"] and all(f"{i['license']}#{i['clause']}" in data["clauses"]
                                      for i in tuned["checklist"])


def test_sarif_is_valid_2_1_0(examples: Path) -> None:
    result = invoke(examples / "distributed-apache-gpl2-linked.yaml", "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    assert sarif["version"] == "2.1.0"
    assert sarif["$schema"].endswith("sarif-2.1.0.json")
    [run] = sarif["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "licentia"
    rule_ids = [r["id"] for r in driver["rules"]]
    assert len(rule_ids) == len(set(rule_ids))
    assert {"incompatible", "source-disclosure", "unknown-license"} <= set(rule_ids)
    assert run["results"]
    for res in run["results"]:
        assert res["ruleId"] == rule_ids[res["ruleIndex"]]
        assert res["level"] in {"none", "note", "warning", "error"}
        assert res["message"]["text"]
        [loc] = res["locations"]
        phys = loc["physicalLocation"]
        assert phys["artifactLocation"]["uri"].endswith("distributed-apache-gpl2-linked.yaml")
        assert phys["region"]["startLine"] >= 1
    incompatible = next(r for r in run["results"] if r["ruleId"] == "incompatible")
    assert incompatible["level"] == "error"
    assert incompatible["locations"][0]["physicalLocation"]["region"]["startLine"] > 1


def test_markdown_and_html_reports(examples: Path) -> None:
    md = invoke(examples / "rail-gpl-merge.yaml", "--format", "md")
    assert md.exit_code == 1
    assert md.stdout.startswith("# License check: merged-diffusion")
    assert "**Verdict: CONFLICT" in md.stdout
    assert "You may not impose any further restrictions" in md.stdout
    assert "legal information, not legal advice" in md.stdout
    html = invoke(examples / "rail-gpl-merge.yaml", "--format", "html")
    assert html.exit_code == 1
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert "<title>License check: merged-diffusion</title>" in html.stdout
    assert "legal information, not legal advice" in html.stdout


def test_terminal_output(examples: Path) -> None:
    result = invoke(examples / "saas-apache-model-gpl3-lib.yaml")
    assert result.exit_code == 0
    assert "verdict: OK" in result.stdout
    assert "triggered by conveying" in result.stdout
    assert "if distributed: gpl-3.0" in result.stdout


def test_bad_input_is_exit_2_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("distribution: saas\ncommercial: true\ncomponents:\n"
                   "  - {id: a, kind: model, license: Apache-2.1}\n"
                   "  - {id: b, kind: model, license: MIT, derived_from: "
                   "[{component: c, relation: merge}]}\n", encoding="utf-8")
    result = invoke(bad)
    assert result.exit_code == 2
    assert result.stdout == ""
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"licentia: error: {bad}:4: components[a].license: unknown license")
    assert "undefined component 'c'" in line
    missing = invoke(tmp_path / "absent.yaml")
    assert missing.exit_code == 2
    assert "absent.yaml: no such file" in missing.stderr


@pytest.mark.parametrize(("component", "problem"), [
    ("{id: a, kind: code, license: MIT AND (}",
     "components[a].license: invalid SPDX expression 'MIT AND ('"),
    ("{id: a, kind: code, license: GPL-2.0-only WITH Nope-exception}",
     "components[a].license: unknown license reference 'Nope-exception'"),
    ("{id: a, kind: code, license: MIT WITH GPL-3.0-only}",
     "components[a].license: 'GPL-3.0-only' is a license, not a license exception"),
    ("{id: a, kind: model, license: MIT, derived_from: [{component: b, relation: merge}]}\n"
     "  - {id: b, kind: model, license: MIT, derived_from: [{component: a, relation: merge}]}",
     "cycle: "),
])
def test_bad_expressions_and_cycles_are_exit_2_naming_file_and_line(
        tmp_path: Path, component: str, problem: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"distribution: saas\ncommercial: true\ncomponents:\n  - {component}\n",
                   encoding="utf-8")
    result = invoke(bad)
    assert result.exit_code == 2
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"licentia: error: {bad}:4: ")
    assert problem in line


def test_json_and_format_are_exclusive(examples: Path) -> None:
    result = invoke(examples / "rail-gpl-merge.yaml", "--json", "--format", "md")
    assert result.exit_code == 2


def test_policy(examples: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("licenses:\n  deny: [AGPL-3.0-only]\n  review: [MIT]\n"
                      "restrictions:\n  deny: [non-commercial]\n"
                      "findings:\n  review: [network-copyleft]\n", encoding="utf-8")
    result = invoke(examples / "saas-agpl-component.yaml", "--json", "--policy", policy)
    assert result.exit_code == 1  # the analysis is fine; the policy denies AGPL-3.0
    data = json.loads(result.stdout)
    assert data["verdict"] == "obligations"
    assert data["policy"]["verdict"] == "fail"
    decisions = {(r["subject"], r["item"]): r["decision"] for r in data["policy"]["results"]}
    assert decisions[("license", "agpl-3.0")] == "deny"
    assert decisions[("license", "mit")] == "review"
    assert decisions[("finding", "network-copyleft")] == "review"
    sarif = json.loads(invoke(examples / "saas-agpl-component.yaml", "--format", "sarif",
                              "--policy", policy).stdout)
    assert any(r["ruleId"] == "policy/license" and r["level"] == "error"
               for r in sarif["runs"][0]["results"])
    nc = invoke(examples / "commercial-model-on-nc-data.yaml", "--json", "--policy", policy)
    restrictions = {r["item"]: r["decision"] for r in json.loads(nc.stdout)["policy"]["results"]
                    if r["subject"] == "restriction"}
    assert restrictions["non-commercial"] == "deny"


def test_policy_errors_are_exit_2(examples: Path, tmp_path: Path) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("licenses:\n  deny: [AGPL-3]\nrestrictions:\n  deny: [militar]\n"
                      "findings:\n  allow: [nope]\nextra: 1\n", encoding="utf-8")
    result = invoke(examples / "saas-agpl-component.yaml", "--policy", policy)
    assert result.exit_code == 2
    assert "extra: unknown key" in result.stderr
    policy.write_text("licenses:\n  deny: [AGPL-3.5]\nrestrictions:\n  deny: [militar]\n",
                      encoding="utf-8")
    result = invoke(examples / "saas-agpl-component.yaml", "--policy", policy)
    assert result.exit_code == 2
    assert "licenses.deny[0]: unknown license reference 'AGPL-3.5'" in result.stderr
    assert "restrictions.deny[0]: unknown id 'militar' (did you mean 'military'?)" in result.stderr


def test_as_a_subprocess(licentia, examples: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia("check", str(examples / "openrail-finetune-as-apache.yaml"), "--json")
    assert run.code == 1
    assert run.json()["verdict"] == "conflict"
