# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The core flow through the web app, on SQLite and PostgreSQL: upload -> review -> findings
with quotes -> obligations -> a decision by another approver -> the audit log."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from web_helpers import Workbench

from licentia.analysis.check import check
from licentia.analysis.manifest import load_manifest
from licentia.catalog.terms import sheet_for
from licentia.report.check import to_json as check_json

ROOT = Path(__file__).resolve().parents[2]
CARD = ROOT / "examples" / "review" / "bloom-card" / "README.md"
MANIFEST = ROOT / "examples" / "check" / "llama-finetune-as-mit.yaml"
LLAMA3 = ROOT.parent / "shared" / "corpus" / "ai-reference" / "meta-llama-models__llama3__LICENSE"


def _run_id(location: str) -> int:
    found = re.fullmatch(r"/runs/(\d+)", location)
    assert found, location
    return int(found.group(1))


def test_upload_review_decide_and_audit(any_bench: Workbench) -> None:
    april, abel = any_bench.client("april"), any_bench.client("abel")
    token = april.headers["x-csrf-token"]
    answer = april.post("/assets", data={"name": "bloom-7b1", "kind": "model", "csrf": token,
                                         "hub_id": "bigscience/bloom-7b1"})
    assert answer.status_code == 303
    asset_id = int(answer.headers["location"].rsplit("/", 1)[1])
    assert april.post("/use-cases", data={
        "csrf": token, "name": "Support assistant", "commercial": "yes", "deployment": "saas",
        "description": "A chatbot answering our customers' billing questions on our website.",
        "asset_id": str(asset_id)}).status_code == 303
    use_case_id = april.get("/api/use-cases").json()[0]["id"]
    answer = april.post("/upload", data={"kind": "review", "use_case_id": str(use_case_id),
                                         "asset_id": str(asset_id), "csrf": token},
                        files={"document": ("README.md", CARD.read_bytes(), "text/markdown")})
    assert answer.status_code == 303, answer.text
    run_id = _run_id(answer.headers["location"])

    page = april.get(f"/runs/{run_id}").text
    run = april.get(f"/api/runs/{run_id}").json()
    assert run["license_key"] == "bigscience-rail-1.0" and run["verdict"] in page
    sheet = sheet_for("bigscience-rail-1.0")
    assert sheet is not None
    quotes = [e.quote for c in sheet.clauses for e in c.evidence]
    shown = [q for q in quotes if q.replace("'", "&#39;").replace('"', "&#34;") in page]
    assert len(shown) >= 5  # findings carry the license's own words
    assert run["obligations"] and all(o["quote"] in quotes for o in run["obligations"])
    assert "You requested this run: another approver decides it." in page

    refused = april.post(f"/runs/{run_id}/decide", data={
        "outcome": "approved", "reason": "fine for a support chatbot", "csrf": token})
    assert refused.status_code == 403 and "another approver must decide" in refused.text
    vera = any_bench.client("vera")
    assert vera.post(f"/runs/{run_id}/decide", data={
        "outcome": "approved", "reason": "I am only a viewer", "csrf":
        vera.headers["x-csrf-token"]}).status_code == 403
    answer = abel.post(f"/runs/{run_id}/decide", data={
        "outcome": "approved", "reason": "Disclosure of AI content is in the UI copy.",
        "kind": "approval", "csrf": abel.headers["x-csrf-token"]})
    assert answer.status_code == 303
    assert "Approved (approval)" in abel.get(f"/runs/{run_id}").text

    asset_page = april.get(f"/assets/{asset_id}").text
    assert run["obligations"][0]["title"].replace("'", "&#39;") in asset_page
    audit = any_bench.client("ada").get("/audit").text
    for action in ("asset.create", "use_case.create", "run.review", "obligation.create",
                   "decision.approved"):
        assert action in audit


def test_a_stale_status_edit_is_refused_and_the_first_kept(any_bench: Workbench) -> None:
    eddie, april = any_bench.client("eddie"), any_bench.client("april")
    uc = eddie.post("/api/use-cases", json={"spec": {
        "name": "Chat", "description": "A chatbot for our customers.", "commercial": True,
        "deployment": "saas"}}).json()
    run = eddie.post("/api/runs", data={"kind": "review", "use_case_id": str(uc["id"])},
                     files={"document": ("README.md", CARD.read_bytes())}).json()
    status_id = run["obligations"][0]["id"]
    first = eddie.patch(f"/api/statuses/{status_id}", json={
        "status": "fulfilled", "version": 1, "evidence": "LICENSE shipped in the app"})
    assert first.status_code == 200 and first.json()["version"] == 2
    stale = april.post(f"/statuses/{status_id}", headers={"hx-request": "true"}, data={
        "status": "deferred", "version": "1", "csrf": april.headers["x-csrf-token"]})
    assert stale.status_code == 409
    assert "changed by someone else since you opened it" in stale.text
    fresh = april.post(f"/statuses/{status_id}", headers={"hx-request": "true"}, data={
        "status": "deferred", "version": "2", "csrf": april.headers["x-csrf-token"]})
    assert fresh.status_code == 200 and 'value="3"' in fresh.text


def test_the_api_runs_the_same_check_as_the_cli(bench: Workbench) -> None:
    eddie = bench.client("eddie")
    answer = eddie.post("/api/runs", data={"kind": "check"},
                        files={"document": ("manifest.yaml", MANIFEST.read_bytes())})
    assert answer.status_code == 201, answer.text
    run = answer.json()
    expected = check_json(check(load_manifest(MANIFEST)))
    assert run["verdict"] == expected["verdict"] == "conflict"
    assert run["result"]["findings"] == expected["findings"]
    assert [f["code"] for f in run["findings"]] == [f["code"] for f in expected["findings"]]


@pytest.mark.skipif(not LLAMA3.exists(), reason="../shared/corpus is absent")
def test_identify_over_the_api_names_the_license(bench: Workbench) -> None:
    eddie = bench.client("eddie")
    run = eddie.post("/api/runs", data={"kind": "identify"},
                     files={"document": ("LICENSE", LLAMA3.read_bytes())}).json()
    assert run["license_key"] == "llama-3-license-2024"
    assert run["result"]["path"] == "LICENSE"  # the user's name, not the storage path


@pytest.mark.parametrize(("name", "data", "status", "message"), [
    ("weights.safetensors", b"x", 400, "weights.safetensors: not an accepted type"),
    ("LICENSE", b"\x00\x00", 400, "LICENSE: a binary file"),
    ("LICENSE", b"x" * (5 * 1024 * 1024), 413, "request body larger than"),
])
def test_upload_limits(bench: Workbench, name: str, data: bytes, status: int,
                       message: str) -> None:
    answer = bench.client("eddie").post("/api/runs", data={"kind": "identify"},
                                        files={"document": (name, data)})
    assert answer.status_code == status
    assert message in answer.text
    assert not bench.storage.exists() or not any(bench.storage.iterdir())


def test_public_routes_headers_and_login(bench: Workbench) -> None:
    client = bench.client()
    health = client.get("/healthz")
    assert (health.status_code, health.text) == (200, "ok")
    assert health.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in health.headers["content-security-policy"]
    assert health.headers["x-content-type-options"] == "nosniff"
    schema = client.get("/openapi.json").json()
    assert "/api/runs" in schema["paths"] and "/api/statuses/{status_id}" in schema["paths"]
    page = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert token is not None
    wrong = client.post("/login", data={"name": "ada", "password": "not it at all",
                                        "csrf": token.group(1)})
    assert wrong.status_code == 401 and "Unknown name or wrong password." in wrong.text
    ok = client.post("/login", data={"name": "ada", "password": "a long test password",
                                     "csrf": token.group(1), "next": "//evil.example/"})
    assert ok.status_code == 303 and ok.headers["location"] == "/"
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_a_review_and_its_decision_export_as_html_and_docx(bench: Workbench) -> None:
    eddie, abel = bench.client("eddie"), bench.client("abel")
    uc = eddie.post("/api/use-cases", json={"spec": {
        "name": "Chat", "description": "A chatbot for our customers.", "commercial": True,
        "deployment": "saas"}}).json()
    run = eddie.post("/api/runs", data={"kind": "review", "use_case_id": str(uc["id"])},
                     files={"document": ("README.md", CARD.read_bytes())}).json()
    abel.post(f"/api/runs/{run['id']}/decisions", json={
        "outcome": "escalated", "reason": "Ask counsel about labelling generated replies."})
    page = eddie.get(f"/runs/{run['id']}/report.html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "attachment" in page.headers["content-disposition"]
    assert "BigScience RAIL License v1.0" in page.text
    assert "Escalated (approval) by abel" in page.text and "requested by eddie" in page.text
    word = eddie.get(f"/runs/{run['id']}/report.docx")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    doc = Document(io.BytesIO(word.content))
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "Decisions" in text and "Ask counsel about labelling generated replies." in text
    bad = eddie.get(f"/runs/{run['id']}/report.pdf")
    assert bad.status_code == 400 and "format: a report is html or docx" in bad.text
