# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The JSON API under /api: the same registry services as the pages, and so the same library
calls as the CLI (a run's `result` is the CLI's --json document). State-changing calls need the
session's CSRF token in the X-CSRF-Token header (GET /api/me gives it)."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from pydantic.json_schema import SkipJsonSchema
from sqlalchemy.orm import Session

from licentia.registry import decisions, lineage, records
from licentia.registry.intake import keep, submit
from licentia.registry.models import (
    Agreement,
    Asset,
    Finding,
    Obligation,
    Party,
    Run,
    UseCase,
    User,
)
from licentia.registry.unit import write
from licentia.registry.vocab import RunKind
from licentia.web.db import DB
from licentia.web.schemas import (
    BAD_INPUT,
    COMMON,
    NOT_FOUND,
    STALE,
    TOO_LARGE,
    AgreementIn,
    AgreementOut,
    AssetDetail,
    AssetIn,
    AssetOut,
    DecisionIn,
    DecisionOut,
    EdgeIn,
    EdgeOut,
    FindingOut,
    Id,
    LineageStep,
    Me,
    ObligationOut,
    PartyIn,
    PartyOut,
    PathId,
    RunOut,
    RunSummary,
    StatusIn,
    StatusOut,
    UseCaseIn,
    UseCaseOut,
)
from licentia.web.security import approver, csrf_token, editor, viewer

router = APIRouter(prefix="/api", tags=["registry"], responses=COMMON)
Viewer = Annotated[User, Depends(viewer)]
Editor = Annotated[User, Depends(editor)]
Approver = Annotated[User, Depends(approver)]


@router.get("/me")
def me(request: Request, user: Viewer) -> Me:
    return Me(name=user.name, role=user.role, csrf_token=csrf_token(request))


@router.post("/runs", status_code=201, responses=BAD_INPUT | NOT_FOUND | TOO_LARGE)
def create_run(request: Request, user: Editor, session: DB,
               document: Annotated[UploadFile, File()], kind: Annotated[RunKind, Form()],
               use_case_id: Annotated[Id | SkipJsonSchema[None], Form()] = None,
               asset_id: Annotated[Id | SkipJsonSchema[None], Form()] = None) -> RunOut:
    """Upload a document and analyse it (identify a license, review against a use case, check
    a manifest, or record a `licentia scan --json` result); the run with its findings."""
    settings = request.app.state.settings
    asset = records.get(session, Asset, asset_id) if asset_id is not None else None
    use_case = records.get(session, UseCase, use_case_id) if use_case_id is not None else None
    run = submit(session, settings.storage, document.filename or "upload",
                 document.file.read(settings.max_upload_bytes + 1), kind, user, asset=asset,
                 use_case=use_case, max_bytes=settings.max_upload_bytes)
    return _run_out(session, run)


def _run_out(session: Session, run: Run) -> RunOut:
    findings = session.scalars(sa.select(Finding).where(Finding.run_id == run.id)
                               .order_by(Finding.id))
    obligations = session.scalars(sa.select(Obligation).where(Obligation.run_id == run.id)
                                  .order_by(Obligation.id))
    return RunOut(**RunSummary.model_validate(run).model_dump(), result=run.result,
                  findings=[FindingOut.model_validate(f) for f in findings],
                  obligations=[ObligationOut.model_validate(o) for o in obligations],
                  decisions=[DecisionOut.model_validate(d)
                             for d in decisions.decisions_of(session, run)])


@router.get("/runs")
def list_runs(user: Viewer, session: DB) -> list[RunSummary]:
    """The newest 500 runs, without their documents."""
    rows = session.scalars(sa.select(Run).order_by(Run.id.desc()).limit(500))
    return [RunSummary.model_validate(r) for r in rows]


@router.get("/runs/{run_id}", responses=NOT_FOUND)
def get_run(run_id: PathId, user: Viewer, session: DB) -> RunOut:
    return _run_out(session, records.get(session, Run, run_id))


@router.post("/runs/{run_id}/decisions", status_code=201, responses=BAD_INPUT | NOT_FOUND)
def decide(run_id: PathId, body: DecisionIn, user: Approver, session: DB) -> DecisionOut:
    run = records.get(session, Run, run_id)
    decision = write(session, lambda: decisions.decide(session, user, run, body.outcome,
                                                       body.reason, body.kind, body.scope,
                                                       body.expires_on))
    return DecisionOut.model_validate(decision)


@router.get("/assets")
def list_assets(user: Viewer, session: DB) -> list[AssetOut]:
    return [AssetOut.model_validate(a)
            for a in session.scalars(sa.select(Asset).order_by(Asset.name))]


@router.post("/assets", status_code=201, responses=BAD_INPUT)
def create_asset(body: AssetIn, user: Editor, session: DB) -> AssetOut:
    asset = write(session, lambda: records.add_asset(session, user, **body.model_dump()))
    return AssetOut.model_validate(asset)


def _steps(steps: list[lineage.Step]) -> list[LineageStep]:
    return [LineageStep(asset=s.asset.id, name=s.asset.name, relation=s.relation, depth=s.depth)
            for s in steps]


@router.get("/assets/{asset_id}", responses=NOT_FOUND)
def get_asset(asset_id: PathId, user: Viewer, session: DB) -> AssetDetail:
    asset = records.get(session, Asset, asset_id)
    return AssetDetail(**AssetOut.model_validate(asset).model_dump(),
                       upstream=_steps(lineage.ancestors(session, asset)),
                       downstream=_steps(lineage.descendants(session, asset)),
                       obligations=[ObligationOut.model_validate(o)
                                    for o in lineage.obligations_of(session, asset)])


@router.post("/assets/{asset_id}/edges", status_code=201, responses=BAD_INPUT | NOT_FOUND)
def create_edge(asset_id: PathId, body: EdgeIn, user: Editor, session: DB) -> EdgeOut:
    """`asset_id` comes from `source_id` by `relation`; a cycle or a duplicate is refused."""
    source = records.get(session, Asset, body.source_id)
    target = records.get(session, Asset, asset_id)
    edge = write(session, lambda: lineage.add_edge(session, user, source, target, body.relation))
    return EdgeOut.model_validate(edge)


@router.get("/parties")
def list_parties(user: Viewer, session: DB) -> list[PartyOut]:
    return [PartyOut.model_validate(p)
            for p in session.scalars(sa.select(Party).order_by(Party.name))]


@router.post("/parties", status_code=201, responses=BAD_INPUT)
def create_party(body: PartyIn, user: Editor, session: DB) -> PartyOut:
    party = write(session, lambda: records.add_party(session, user, body.name, body.role,
                                                     body.contact))
    return PartyOut.model_validate(party)


@router.get("/agreements")
def list_agreements(user: Viewer, session: DB) -> list[AgreementOut]:
    return [AgreementOut.model_validate(a)
            for a in session.scalars(sa.select(Agreement).order_by(Agreement.id))]


@router.get("/agreements/upcoming")
def upcoming_agreements(user: Viewer, session: DB,
                        days: Annotated[int, Query(ge=0, le=3660)] = 90) -> list[AgreementOut]:
    return [AgreementOut.model_validate(a) for a in records.upcoming(session, days)]


@router.post("/agreements", status_code=201, responses=BAD_INPUT | NOT_FOUND)
def create_agreement(body: AgreementIn, user: Editor, session: DB) -> AgreementOut:
    fields = body.model_dump(exclude={"title", "kind", "status"})
    agreement = write(session, lambda: records.add_agreement(session, user, body.title,
                                                             body.kind, body.status, **fields))
    return AgreementOut.model_validate(agreement)


@router.post("/agreements/{agreement_id}/document",
             responses=BAD_INPUT | NOT_FOUND | STALE | TOO_LARGE)
def attach_document(request: Request, agreement_id: PathId, user: Editor, session: DB,
                    document: Annotated[UploadFile, File()],
                    version: Annotated[int, Form(ge=1, description="the version you read")]
                    ) -> AgreementOut:
    """Keep the agreement's signed document (a new one replaces the record of the old) with
    its SHA-256."""
    row = records.get(session, Agreement, agreement_id)
    settings = request.app.state.settings
    keep(session, settings.storage, document.filename or "document",
         document.file.read(settings.max_upload_bytes + 1),
         lambda stored: records.update(session, user, row, version,
                                       **records.document_fields(stored)),
         settings.max_upload_bytes)
    return AgreementOut.model_validate(row)


@router.get("/use-cases")
def list_use_cases(user: Viewer, session: DB) -> list[UseCaseOut]:
    return [UseCaseOut.model_validate(u)
            for u in session.scalars(sa.select(UseCase).order_by(UseCase.name))]


@router.post("/use-cases", status_code=201, responses=BAD_INPUT | NOT_FOUND)
def create_use_case(body: UseCaseIn, user: Editor, session: DB) -> UseCaseOut:
    asset = records.get(session, Asset, body.asset_id) if body.asset_id is not None else None
    use_case = write(session, lambda: records.add_use_case(session, user, body.spec, asset))
    return UseCaseOut.model_validate(use_case)


@router.patch("/statuses/{status_id}", responses=BAD_INPUT | NOT_FOUND | STALE)
def update_status(status_id: PathId, body: StatusIn, user: Editor, session: DB) -> StatusOut:
    row = write(session, lambda: records.set_status(session, user, status_id, body.version,
                                                    body.status, body.evidence))
    return StatusOut.model_validate(row)
