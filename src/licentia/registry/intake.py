# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Upload to registry: keep the document and run the analysis (or read an uploaded scan
result) first, with no transaction open while licentia reads; then record the run, its findings
and the obligations they create (with an open status for the use case) with their audit
entries in one short write transaction. A document whose analysis or record fails is not
kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from licentia.catalog.catalog import catalog
from licentia.registry.analyse import Analysis, analyse
from licentia.registry.audit import record
from licentia.registry.models import (
    Agreement,
    Asset,
    Finding,
    License,
    Obligation,
    ObligationStatus,
    Run,
    UseCase,
    User,
)
from licentia.registry.scanned import scan_document
from licentia.registry.storage import Stored, store, unreferenced
from licentia.registry.unit import write
from licentia.registry.vocab import RunKind, StatusValue

T = TypeVar("T")


def license_row(session: Session, key: str, text_sha256: str | None = None) -> License:
    """The registry's row for a license (and a text of it), made on first sight."""
    row = session.scalar(sa.select(License).where(License.key == key,
                                                  License.text_sha256.is_(None)
                                                  if text_sha256 is None
                                                  else License.text_sha256 == text_sha256))
    if row is None:
        lic = catalog().get(key)
        row = License(key=key, spdx=lic.spdx if lic else None, name=lic.name if lic else key,
                      text_sha256=text_sha256)
        session.add(row)
        session.flush()
    return row


def _record(session: Session, stored: Stored, result: Analysis, by: User, asset: Asset | None,
            use_case: UseCase | None) -> Run:
    run = Run(kind=result.kind, asset_id=asset.id if asset else None,
              use_case_id=use_case.id if use_case else None, requested_by=by.id,
              document_name=stored.name, document_file=stored.file,
              document_sha256=stored.sha256, license_key=result.license_key,
              verdict=result.verdict, result=result.document)
    session.add(run)
    session.flush()
    for f in result.findings:
        session.add(Finding(run_id=run.id, code=f.code, status=f.status, title=f.title[:400],
                            message=f.message, evidence=f.evidence, question=f.question))
    record(session, by, f"run.{result.kind.value}", run)
    for duty in result.duties:
        lic = license_row(session, duty.license)
        obligation = Obligation(asset_id=asset.id if asset else None, license_id=lic.id,
                                run_id=run.id, code=duty.code, title=duty.title[:400],
                                quote=duty.quote, section=duty.section, trigger=duty.trigger,
                                flows_down=duty.flows_down)
        session.add(obligation)
        record(session, by, "obligation.create", obligation)
        if use_case is not None:
            status = ObligationStatus(use_case_id=use_case.id, obligation_id=obligation.id,
                                      status=StatusValue.OPEN)
            session.add(status)
            record(session, by, "status.create", status)
    return run


def submit(session: Session, storage: Path, name: str, data: bytes, kind: RunKind, by: User,
           asset: Asset | None = None, use_case: UseCase | None = None,
           max_bytes: int | None = None) -> Run:
    """Store an uploaded document, analyse it and record what was found. InputError (nothing
    recorded, nothing kept) for a document that is too large, of the wrong type, or that the
    analysis cannot read; a failed write (after its retry) keeps nothing either."""
    stored = store(storage, name, data) if max_bytes is None else store(storage, name, data,
                                                                         max_bytes)
    try:
        result = scan_document(stored.path, stored.name) if kind is RunKind.SCAN else \
            analyse(kind, stored.path, stored.name,
                    use_case.spec if use_case is not None else None)
        if use_case is not None and asset is None and use_case.asset_id is not None:
            asset = session.get(Asset, use_case.asset_id)
        return write(session, lambda: _record(session, stored, result, by, asset, use_case))
    except BaseException:
        stored.path.unlink(missing_ok=True)
        raise


def keep(session: Session, storage: Path, name: str, data: bytes,
         work: Callable[[Stored], T], max_bytes: int | None = None) -> T:
    """Store a document (an agreement's, say) and record it with `work` in one write; the
    stored file is removed when the write fails."""
    stored = store(storage, name, data) if max_bytes is None else store(storage, name, data,
                                                                         max_bytes)
    try:
        return write(session, lambda: work(stored))
    except BaseException:
        stored.path.unlink(missing_ok=True)
        raise


def sweep(session: Session, storage: Path, older_than: float = 3600.0) -> list[str]:
    """Remove stored documents no run or agreement names (kept by a process that stopped
    between storing a document and recording it); their names."""
    referenced = {name for model in (Run, Agreement)
                  for name in session.scalars(sa.select(model.document_file))
                  if name is not None}
    gone = unreferenced(storage, referenced, older_than)
    for path in gone:
        path.unlink(missing_ok=True)
    return [p.name for p in gone]
