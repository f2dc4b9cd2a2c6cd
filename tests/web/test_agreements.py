# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Agreements with their signed documents (kept with the SHA-256, downloaded byte for byte),
the parties to them, and scan results uploaded as runs, through the pages and the API."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from web_helpers import Workbench

from licentia.report.scan import to_json as scan_json
from licentia.scan import scan

ROOT = Path(__file__).resolve().parents[2]
APACHE = ROOT / "LICENSES" / "Apache-2.0.txt"


def test_an_agreement_with_its_document_and_parties(bench: Workbench) -> None:
    eddie = bench.client("eddie")
    token = eddie.headers["x-csrf-token"]
    data = APACHE.read_bytes()
    answer = eddie.post("/agreements", data={
        "csrf": token, "title": "Apache license of the tokenizer", "kind": "license",
        "licensor": "The Apache Software Foundation", "licensee": "Our Company",
        "expires_on": "2027-03-01"}, files={"document": ("LICENSE-2.0.txt", data)})
    assert answer.status_code == 303, answer.text
    [row] = eddie.get("/api/agreements").json()
    digest = hashlib.sha256(data).hexdigest()
    assert (row["document_name"], row["document_sha256"]) == ("LICENSE-2.0.txt", digest)
    page = eddie.get("/agreements").text
    assert "LICENSE-2.0.txt" in page and digest[:16] in page
    download = eddie.get(f"/agreements/{row['id']}/document")
    assert download.content == data and download.headers["x-document-sha256"] == digest
    assert download.headers["content-disposition"] == 'attachment; filename="LICENSE-2.0.txt"'
    parties = {p["name"]: p for p in eddie.get("/api/parties").json()}
    assert parties["The Apache Software Foundation"]["role"] == "licensor"
    assert parties["Our Company"]["role"] == "licensee"
    assert (row["licensor_id"], row["licensee_id"]) == (
        parties["The Apache Software Foundation"]["id"], parties["Our Company"]["id"])
    listing = bench.client("vera").get("/parties").text
    assert "Our Company" in listing
    party = bench.client("vera").get(f"/parties/{parties['Our Company']['id']}").text
    assert "Apache license of the tokenizer" in party and "licensee" in party


def test_an_agreement_without_a_document_and_a_party_page(bench: Workbench) -> None:
    eddie = bench.client("eddie")
    token = eddie.headers["x-csrf-token"]
    answer = eddie.post("/agreements", data={"csrf": token, "title": "Data-use terms",
                                             "kind": "data-use"},
                        files={"document": ("", b"")})  # the form's file field left empty
    assert answer.status_code == 303, answer.text
    [row] = eddie.get("/api/agreements").json()
    assert row["document_sha256"] is None
    missing = eddie.get(f"/agreements/{row['id']}/document")
    assert missing.status_code == 404 and "has no document" in missing.text
    made = eddie.post("/parties", data={"csrf": token, "name": "Hub Org", "role": "licensor",
                                        "contact": "legal@example.org"})
    assert made.status_code == 303 and re.fullmatch(r"/parties/\d+", made.headers["location"])
    assert "legal@example.org" in eddie.get(made.headers["location"]).text
    vera = bench.client("vera")
    refused = vera.post("/parties", data={"csrf": vera.headers["x-csrf-token"],
                                          "name": "X", "role": "licensor"})
    assert refused.status_code == 403


def test_a_stale_document_upload_is_refused_and_not_kept(bench: Workbench) -> None:
    eddie = bench.client("eddie")
    made = eddie.post("/api/agreements", json={"title": "Commercial", "kind": "commercial"})
    agreement = made.json()
    first = eddie.post(f"/api/agreements/{agreement['id']}/document",
                       data={"version": str(agreement["version"])},
                       files={"document": ("signed.txt", APACHE.read_bytes())})
    assert first.status_code == 200, first.text
    assert first.json()["document_sha256"] == hashlib.sha256(APACHE.read_bytes()).hexdigest()
    kept = sorted(p.name for p in bench.storage.iterdir())
    stale = eddie.post(f"/api/agreements/{agreement['id']}/document",
                       data={"version": str(agreement["version"])},
                       files={"document": ("other.txt", b"another text entirely")})
    assert stale.status_code == 409 and "changed by someone else" in stale.json()["detail"]
    assert sorted(p.name for p in bench.storage.iterdir()) == kept  # the refused one is gone


def test_a_scan_result_uploads_as_a_run(bench: Workbench) -> None:
    eddie = bench.client("eddie")
    scanned = scan_json(scan(ROOT / "examples" / "review" / "bloom-card", run_reuse=False))
    answer = eddie.post("/api/runs", data={"kind": "scan"},
                        files={"document": ("scan.json", json.dumps(scanned).encode())})
    assert answer.status_code == 201, answer.text
    run = answer.json()
    assert (run["kind"], run["verdict"], run["license_key"]) == (
        "scan", scanned["verdict"], "bigscience-rail-1.0")
    assert {o["code"] for o in run["obligations"]} >= {"use-restrictions-flow-down",
                                                        "attribution"}
    assert all(o["quote"] for o in run["obligations"])
    page = eddie.get(f"/runs/{run['id']}")
    assert page.status_code == 200 and "scan.json" in page.text
