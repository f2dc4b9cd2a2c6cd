# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Upload -> analysis -> findings with quotes -> obligations -> decision, on real documents
(the shared corpus: a license text and use cases licentia's authors did not write)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa
import yaml
from sqlalchemy.orm import Session, sessionmaker

from licentia.analysis.review import review_reference
from licentia.analysis.usecase import UseCase as UseCaseSpec
from licentia.catalog.terms import sheet_for
from licentia.errors import InputError
from licentia.registry import records
from licentia.registry.accounts import add_user
from licentia.registry.decisions import decide, pending
from licentia.registry.errors import Refused
from licentia.registry.intake import submit
from licentia.registry.models import (
    AuditEntry,
    Decision,
    Finding,
    License,
    Obligation,
    ObligationStatus,
    Run,
)
from licentia.registry.scanned import license_keys
from licentia.registry.vocab import AssetKind, DecisionKind, Outcome, Role, RunKind, StatusValue
from licentia.report.scan import to_json as scan_json
from licentia.scan import scan

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
LLAMA3 = CORPUS / "ai-reference" / "meta-llama-models__llama3__LICENSE"
CASES = CORPUS / "review-dev" / "cases"
needs_corpus = pytest.mark.skipif(not LLAMA3.exists(), reason="../shared/corpus is absent")


def _case(name: str) -> dict[str, object]:
    data = yaml.safe_load((CASES / f"{name}.usecase.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


@needs_corpus
def test_a_review_upload_records_the_library_result_quotes_and_obligations(
        factory: sessionmaker[Session], tmp_path: Path) -> None:
    spec = _case("03-emma-chat-persona")
    with factory() as s:  # submit commits its own write
        ed = add_user(s, "ed", Role.EDITOR, "long enough pw")
        asset = records.add_asset(s, ed, "llama-3-8b", AssetKind.MODEL)
        uc = records.add_use_case(s, ed, spec, asset=asset)
        run = submit(s, tmp_path / "files", "LICENSE", LLAMA3.read_bytes(), RunKind.REVIEW, ed,
                     use_case=uc)
        run_id = run.id
    expected = review_reference(str(LLAMA3), UseCaseSpec.from_mapping(spec))
    with factory() as s:
        run = s.get(type(run), run_id)
        assert run is not None
        assert (run.license_key, run.verdict) == ("llama-3-license-2024",
                                                  expected.verdict.value)
        assert run.verdict == "conflict"  # the expert's verdict for this case
        assert str(tmp_path) not in str(run.result)  # the storage path is not shown
        findings = s.scalars(sa.select(Finding).where(Finding.run_id == run_id)).all()
        assert [f.code for f in findings] == [f.code for f in expected.findings]
        sheet = sheet_for("llama-3-license-2024")
        assert sheet is not None
        quotes = {e.quote for c in sheet.clauses for e in c.evidence}
        assert any(f.status == "conflict" for f in findings)
        assert all(e["quote"] in quotes for f in findings for e in f.evidence
                   if e.get("license") == "llama-3-license-2024")
        duties = s.scalars(sa.select(Obligation)).all()
        assert {d.code for d in duties} >= {"attribution", "built-with-notice"}
        assert all(d.quote in quotes and d.asset_id == asset.id for d in duties)
        statuses = s.scalars(sa.select(ObligationStatus)).all()
        assert len(statuses) == len(duties)
        assert {st.status for st in statuses} == {StatusValue.OPEN}
        assert (tmp_path / "files" / run.document_file).read_bytes() == LLAMA3.read_bytes()
        assert run.document_file != "LICENSE" and run.document_name == "LICENSE"


@needs_corpus
def test_only_another_approver_decides_and_an_escalation_escalates(
        factory: sessionmaker[Session], tmp_path: Path) -> None:
    with factory() as s:  # submit commits its own write
        requester = add_user(s, "amy", Role.APPROVER, "long enough pw")
        other = add_user(s, "bo", Role.APPROVER, "long enough pw")
        viewer = add_user(s, "vi", Role.VIEWER, "long enough pw")
        uc = records.add_use_case(s, requester, _case("02-ticket-topic-router"))
        run = submit(s, tmp_path, "LICENSE", LLAMA3.read_bytes(), RunKind.REVIEW, requester,
                     use_case=uc)
        assert pending(s) == [run]
        with pytest.raises(Refused, match="you requested this review"):
            decide(s, requester, run, Outcome.APPROVED, "looks fine to me")
        with pytest.raises(Refused, match="needs the approver role"):
            decide(s, viewer, run, Outcome.APPROVED, "looks fine to me")
        with pytest.raises(InputError, match="reason: give the reason"):
            decide(s, other, run, Outcome.APPROVED, "ok")
        decide(s, other, run, Outcome.ESCALATED, "outputs train a router: ask counsel")
        assert pending(s) == []
        s.commit()
    with factory() as s:
        assert {st.status for st in s.scalars(sa.select(ObligationStatus))} == {
            StatusValue.ESCALATED}
        assert s.scalars(sa.select(Decision)).one().requester_id == requester.id
        actions = s.scalars(sa.select(AuditEntry.action)).all()
        assert "decision.escalated" in actions and "status.escalate" in actions


def test_the_database_itself_refuses_a_self_approval(factory: sessionmaker[Session]) -> None:
    with factory() as s, s.begin():
        user = add_user(s, "amy", Role.ADMIN, "long enough pw")
        run = Run(kind=RunKind.IDENTIFY, requested_by=user.id, document_name="x",
                  document_file="x", document_sha256="0" * 64, result={})
        s.add(run)
        s.flush()
        s.add(Decision(run_id=run.id, kind=DecisionKind.APPROVAL, outcome=Outcome.APPROVED,
                       reason="x" * 20, requester_id=user.id, approver_id=user.id))
        with pytest.raises(sa.exc.IntegrityError, match="four_eyes"):
            s.flush()


def test_check_and_identify_uploads(factory: sessionmaker[Session], tmp_path: Path) -> None:
    manifest = Path(__file__).resolve().parents[2] / "examples" / "check" / \
        "llama-finetune-as-mit.yaml"
    with factory() as s:  # submit commits its own write
        ed = add_user(s, "ed", Role.EDITOR, "long enough pw")
        run = submit(s, tmp_path, "manifest.yaml", manifest.read_bytes(), RunKind.CHECK, ed)
        assert run.verdict == "conflict"
        codes = set(s.scalars(sa.select(Finding.code).where(Finding.run_id == run.id)))
        assert "relicense-not-allowed" in codes or "incompatible" in codes
        assert s.scalar(sa.select(sa.func.count(Obligation.id))) > 0
        text = b"Permission is hereby granted, free of charge, to any person obtaining a copy"
        ident = submit(s, tmp_path, "NOTICE.txt", text, RunKind.IDENTIFY, ed)
        assert ident.kind is RunKind.IDENTIFY and ident.verdict is not None


@pytest.mark.parametrize(("name", "data", "message"), [
    ("model.bin", b"weights", "model.bin: not an accepted type"),
    ("LICENSE", b"\x00\x01binary", "LICENSE: a binary file"),
    ("LICENSE", b"x" * 5_000_000, "LICENSE: larger than the upload limit of 4096 KiB"),
    ("manifest.yaml", b"components: [", "not valid YAML"),
])
def test_bad_uploads_are_refused_and_nothing_is_kept(
        factory: sessionmaker[Session], tmp_path: Path, name: str, data: bytes,
        message: str) -> None:
    with factory() as s:  # submit commits its own write
        ed = add_user(s, "ed", Role.EDITOR, "long enough pw")
        with pytest.raises(InputError, match=message):
            submit(s, tmp_path / "files", name, data, RunKind.CHECK, ed)
    files = tmp_path / "files"
    assert not files.exists() or not any(files.iterdir())


def test_a_scan_result_upload_records_its_findings_and_the_obligations_of_its_licenses(
        factory: sessionmaker[Session], tmp_path: Path) -> None:
    """The JSON `licentia scan` writes for a real tree (the repository's examples, several
    licenses): verdict and findings as scanned, obligations quoted from the term sheets."""
    scanned = scan_json(scan(ROOT / "examples", run_reuse=False))
    keys = license_keys(scanned)
    assert {"mit", "gpl-3.0", "bigscience-rail-1.0"} <= set(keys)
    with factory() as s:
        ed = add_user(s, "ed", Role.EDITOR, "long enough pw")
        run = submit(s, tmp_path, "scan.json", json.dumps(scanned).encode(), RunKind.SCAN, ed)
        assert (run.kind, run.verdict) == (RunKind.SCAN, scanned["verdict"])
        findings = s.scalars(sa.select(Finding).where(Finding.run_id == run.id)).all()
        assert [f.code for f in findings] == [f["code"] for f in scanned["findings"]]
        duties = s.scalars(sa.select(Obligation).where(Obligation.run_id == run.id)).all()
        by_license = {lic.key for lic in s.scalars(sa.select(License))}
        assert {"mit", "gpl-3.0", "bigscience-rail-1.0"} <= by_license
        for duty in duties:
            lic = s.get(License, duty.license_id)
            assert lic is not None
            sheet = sheet_for(lic.key)
            assert sheet is not None and duty.quote in {e.quote for c in sheet.clauses
                                                        for e in c.evidence}
        source = [d for d in duties if d.code == "source-disclosure"]
        assert source and all(s.get(License, d.license_id).key.startswith(("gpl", "agpl"))
                              for d in source)


@pytest.mark.parametrize(("data", "message"), [
    (b"{not json", "scan.json: not JSON"),
    (b'{"verdict": "ok"}', r"scan.json: not a `licentia scan --json` result \(no `format_version`"),
    (b'{"format_version": 1, "verdict": "fine", "licenses": [], "findings": [], "files": []}',
     "scan.json: verdict 'fine' is none of ok, review, conflict"),
])
def test_a_bad_scan_result_is_refused_and_not_kept(
        factory: sessionmaker[Session], tmp_path: Path, data: bytes, message: str) -> None:
    with factory() as s:
        ed = add_user(s, "ed", Role.EDITOR, "long enough pw")
        with pytest.raises(InputError, match=message):
            submit(s, tmp_path / "files", "scan.json", data, RunKind.SCAN, ed)
    assert not any((tmp_path / "files").iterdir())
