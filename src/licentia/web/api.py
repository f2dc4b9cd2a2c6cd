# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The JSON API under /api: the same registry services as the pages, and so the same library
calls as the CLI (a run's `result` is the CLI's --json document). State-changing calls need the
session's CSRF token in the X-CSRF-Token header (GET /api/me gives it)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from licentia.registry import decisions, lineage, records
from licentia.registry.audit import snapshot
from licentia.registry.intake import submit
from licentia.registry.models import Agreement, Asset, Finding, Obligation, Run, UseCase, User
from licentia.registry.vocab import (
    AgreementKind,
    AgreementStatus,
    AssetKind,
    DecisionKind,
    Outcome,
    Relation,
    RunKind,
    StatusValue,
)
from licentia.web.db import DB
from licentia.web.security import approver, csrf_token, editor, viewer

router = APIRouter(prefix="/api", tags=["registry"])
Viewer = Annotated[User, Depends(viewer)]
Editor = Annotated[User, Depends(editor)]
Approver = Annotated[User, Depends(approver)]
Record = dict[str, Any]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AssetIn(_In):
    name: str = Field(min_length=1, max_length=200)
    kind: AssetKind
    hub_id: str | None = Field(None, max_length=300)
    revision: str | None = Field(None, max_length=100)
    declared_license: str | None = Field(None, max_length=400)
    concluded_license: str | None = Field(None, max_length=400)


class EdgeIn(_In):
    source_id: int
    relation: Relation


class AgreementIn(_In):
    title: str = Field(min_length=1, max_length=300)
    kind: AgreementKind
    status: AgreementStatus = AgreementStatus.ACTIVE
    asset_id: int | None = None
    effective_on: date | None = None
    expires_on: date | None = None
    renewal_on: date | None = None
    threshold_limit: int | None = Field(None, ge=0, le=10**15)
    threshold_current: int | None = Field(None, ge=0, le=10**15)
    supersedes_id: int | None = None


class UseCaseIn(_In):
    spec: dict[str, Any] = Field(description="the keys of a use-case file (cli-contract.md)")
    asset_id: int | None = None


class DecisionIn(_In):
    outcome: Outcome
    reason: str = Field(min_length=1, max_length=4000)
    kind: DecisionKind = DecisionKind.APPROVAL
    scope: str | None = Field(None, max_length=400)
    expires_on: date | None = None


class StatusIn(_In):
    status: StatusValue
    version: int = Field(ge=1, description="the version you read: a stale one is refused (409)")
    evidence: str | None = Field(None, max_length=4000)


def _json(row: Any) -> Record:
    return {k: v.isoformat() if isinstance(v, date | datetime) else v
            for k, v in snapshot(row).items()}


@router.get("/me")
def me(request: Request, user: Viewer) -> Record:
    return {"name": user.name, "role": user.role.value, "csrf_token": csrf_token(request)}


@router.post("/runs", status_code=201)
def create_run(request: Request, user: Editor, session: DB,
               document: Annotated[UploadFile, File()], kind: Annotated[RunKind, Form()],
               use_case_id: Annotated[int | None, Form()] = None,
               asset_id: Annotated[int | None, Form()] = None) -> Record:
    """Upload a document and analyse it (identify, review against a use case, or check a
    manifest); the run with its findings."""
    settings = request.app.state.settings
    run = submit(session, settings.storage, document.filename or "upload",
                 document.file.read(settings.max_upload_bytes + 1), kind, user,
                 asset=records.get(session, Asset, asset_id) if asset_id else None,
                 use_case=records.get(session, UseCase, use_case_id) if use_case_id else None,
                 max_bytes=settings.max_upload_bytes)
    return _run_json(session, run)


def _run_json(session: Session, run: Run) -> Record:
    data = _json(run)
    data["findings"] = [_json(f) for f in session.scalars(
        sa.select(Finding).where(Finding.run_id == run.id).order_by(Finding.id))]
    data["obligations"] = [_json(o) for o in session.scalars(
        sa.select(Obligation).where(Obligation.run_id == run.id).order_by(Obligation.id))]
    data["decisions"] = [_json(d) for d in decisions.decisions_of(session, run)]
    return data


@router.get("/runs")
def list_runs(user: Viewer, session: DB) -> list[Record]:
    rows = session.scalars(sa.select(Run).order_by(Run.id.desc()).limit(500))
    return [{k: v for k, v in _json(r).items() if k != "result"} for r in rows]


@router.get("/runs/{run_id}")
def get_run(run_id: int, user: Viewer, session: DB) -> Record:
    return _run_json(session, records.get(session, Run, run_id))


@router.post("/runs/{run_id}/decisions", status_code=201)
def decide(run_id: int, body: DecisionIn, user: Approver, session: DB) -> Record:
    decision = decisions.decide(session, user, records.get(session, Run, run_id), body.outcome,
                                body.reason, body.kind, body.scope, body.expires_on)
    return _json(decision)


@router.get("/assets")
def list_assets(user: Viewer, session: DB) -> list[Record]:
    return [_json(a) for a in session.scalars(sa.select(Asset).order_by(Asset.name))]


@router.post("/assets", status_code=201)
def create_asset(body: AssetIn, user: Editor, session: DB) -> Record:
    return _json(records.add_asset(session, user, **body.model_dump()))


@router.get("/assets/{asset_id}")
def get_asset(asset_id: int, user: Viewer, session: DB) -> Record:
    asset = records.get(session, Asset, asset_id)
    data = _json(asset)
    data["upstream"] = [{"asset": s.asset.id, "name": s.asset.name,
                         "relation": s.relation.value, "depth": s.depth}
                        for s in lineage.ancestors(session, asset)]
    data["downstream"] = [{"asset": s.asset.id, "name": s.asset.name,
                           "relation": s.relation.value, "depth": s.depth}
                          for s in lineage.descendants(session, asset)]
    data["obligations"] = [_json(o) for o in lineage.obligations_of(session, asset)]
    return data


@router.post("/assets/{asset_id}/edges", status_code=201)
def create_edge(asset_id: int, body: EdgeIn, user: Editor, session: DB) -> Record:
    edge = lineage.add_edge(session, user, records.get(session, Asset, body.source_id),
                            records.get(session, Asset, asset_id), body.relation)
    return _json(edge)


@router.get("/agreements")
def list_agreements(user: Viewer, session: DB) -> list[Record]:
    return [_json(a) for a in session.scalars(sa.select(Agreement).order_by(Agreement.id))]


@router.get("/agreements/upcoming")
def upcoming_agreements(user: Viewer, session: DB,
                        days: Annotated[int, Query(ge=0, le=3660)] = 90) -> list[Record]:
    return [_json(a) for a in records.upcoming(session, days)]


@router.post("/agreements", status_code=201)
def create_agreement(body: AgreementIn, user: Editor, session: DB) -> Record:
    fields = body.model_dump(exclude={"title", "kind", "status"})
    return _json(records.add_agreement(session, user, body.title, body.kind, body.status,
                                       **fields))


@router.get("/use-cases")
def list_use_cases(user: Viewer, session: DB) -> list[Record]:
    return [_json(u) for u in session.scalars(sa.select(UseCase).order_by(UseCase.name))]


@router.post("/use-cases", status_code=201)
def create_use_case(body: UseCaseIn, user: Editor, session: DB) -> Record:
    asset = records.get(session, Asset, body.asset_id) if body.asset_id else None
    return _json(records.add_use_case(session, user, body.spec, asset))


@router.patch("/statuses/{status_id}")
def update_status(status_id: int, body: StatusIn, user: Editor, session: DB) -> Record:
    row = records.set_status(session, user, status_id, body.version, body.status,
                             body.evidence)
    session.flush()
    return _json(row)
