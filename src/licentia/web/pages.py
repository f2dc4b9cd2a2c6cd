# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The pages: dashboard, upload and runs (findings, obligations, decisions), assets with
lineage, agreements with upcoming dates, use cases, search, users and the audit log."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from licentia.registry import audit, decisions, lineage, records
from licentia.registry.accounts import add_user
from licentia.registry.export import export
from licentia.registry.intake import submit
from licentia.registry.models import (
    Agreement,
    Asset,
    Finding,
    Obligation,
    ObligationStatus,
    Run,
    UseCase,
    User,
)
from licentia.registry.unit import write
from licentia.registry.vocab import (
    AssetKind,
    DecisionKind,
    Outcome,
    Relation,
    Role,
    RunKind,
    StatusValue,
)
from licentia.web import forms
from licentia.web.db import DB
from licentia.web.security import admin, approver, editor, viewer
from licentia.web.views import render

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(viewer)]
Editor = Annotated[User, Depends(editor)]
Approver = Annotated[User, Depends(approver)]
Admin = Annotated[User, Depends(admin)]
F = Annotated[str, Form()]
OptF = Annotated[str | None, Form()]


def _see(path: str) -> RedirectResponse:
    return RedirectResponse(path, status_code=303)


def _all(session: Session, model: type[sa.orm.DeclarativeBase], order: object) -> list[object]:
    return list(session.scalars(sa.select(model).order_by(order)))  # type: ignore[arg-type]


@router.get("/")
def dashboard(request: Request, user: Viewer, session: DB) -> HTMLResponse:
    return render(request, "dashboard.html.j2", user, pending=decisions.pending(session),
                  upcoming=records.upcoming(session),
                  open_count=session.scalar(sa.select(sa.func.count(ObligationStatus.id))
                                            .where(ObligationStatus.status
                                                   == StatusValue.OPEN)))


# -- upload and runs -----------------------------------------------------------------------------

@router.get("/upload")
def upload_form(request: Request, user: Editor, session: DB) -> HTMLResponse:
    return render(request, "upload.html.j2", user, kinds=list(RunKind),
                  use_cases=_all(session, UseCase, UseCase.name),
                  assets=_all(session, Asset, Asset.name))


@router.post("/upload")
def upload(request: Request, user: Editor, session: DB,
           document: Annotated[UploadFile, File()], kind: F,
           use_case_id: OptF = None, asset_id: OptF = None) -> Response:
    run_kind = forms.choice(kind, RunKind, "kind")
    uc_id = forms.number(use_case_id, "use_case_id")
    a_id = forms.number(asset_id, "asset_id")
    settings = request.app.state.settings
    data = document.file.read(settings.max_upload_bytes + 1)
    run = submit(session, settings.storage, document.filename or "upload", data, run_kind, user,
                 asset=records.get(session, Asset, a_id) if a_id else None,
                 use_case=records.get(session, UseCase, uc_id) if uc_id else None,
                 max_bytes=settings.max_upload_bytes)
    return _see(f"/runs/{run.id}")


@router.get("/runs")
def runs(request: Request, user: Viewer, session: DB) -> HTMLResponse:
    return render(request, "runs.html.j2", user, runs=_all(session, Run, Run.id.desc()))


@router.get("/runs/{run_id}")
def run_page(request: Request, run_id: int, user: Viewer, session: DB) -> HTMLResponse:
    run = records.get(session, Run, run_id)
    findings = session.scalars(sa.select(Finding).where(Finding.run_id == run.id)
                               .order_by(Finding.id)).all()
    duties = session.scalars(sa.select(Obligation).where(Obligation.run_id == run.id)
                             .order_by(Obligation.id)).all()
    statuses = {st.obligation_id: st for st in session.scalars(
        sa.select(ObligationStatus).where(ObligationStatus.obligation_id.in_(
            [d.id for d in duties])))}
    return render(request, "run.html.j2", user, run=run, findings=findings, duties=duties,
                  statuses=statuses, decisions=decisions.decisions_of(session, run),
                  requester=session.get(User, run.requested_by),
                  use_case=session.get(UseCase, run.use_case_id) if run.use_case_id else None,
                  outcomes=list(Outcome), decision_kinds=list(DecisionKind),
                  status_values=list(StatusValue))


@router.get("/runs/{run_id}/report.{fmt}")
def run_report(request: Request, run_id: int, fmt: str, user: Viewer, session: DB) -> Response:
    """The review (HTML, DOCX) or check (HTML) report for counsel, with the decisions."""
    run = records.get(session, Run, run_id)
    done = export(run, fmt, request.app.state.settings.storage,
                  session.get(UseCase, run.use_case_id) if run.use_case_id else None,
                  decisions.decisions_of(session, run), _all_users(session))
    return Response(done.data, media_type=done.media_type, headers={
        "content-disposition": f'attachment; filename="{done.filename}"'})


def _all_users(session: Session) -> list[User]:
    return list(session.scalars(sa.select(User)))


@router.post("/runs/{run_id}/decide")
def decide(run_id: int, user: Approver, session: DB, outcome: F, reason: F,
           kind: F = "approval", scope: OptF = None, expires_on: OptF = None) -> Response:
    run = records.get(session, Run, run_id)
    chosen = forms.choice(outcome, Outcome, "outcome"), forms.choice(kind, DecisionKind, "kind")
    until = forms.day(expires_on, "expires_on")
    write(session, lambda: decisions.decide(session, user, run, chosen[0], reason, chosen[1],
                                            forms.text(scope), until))
    return _see(f"/runs/{run_id}")


@router.post("/statuses/{status_id}")
def set_status(request: Request, status_id: int, user: Editor, session: DB, status: F,
               version: F, evidence: OptF = None) -> Response:
    read = forms.number(version, "version") or 0
    value = forms.choice(status, StatusValue, "status")
    row = write(session, lambda: records.set_status(session, user, status_id, read, value,
                                                    evidence))
    if request.headers.get("hx-request"):  # htmx: swap the row in place
        return render(request, "_status.html.j2", user, st=row,
                      status_values=list(StatusValue))
    obligation = session.get(Obligation, row.obligation_id)
    return _see(f"/runs/{obligation.run_id}" if obligation and obligation.run_id else "/")


# -- assets --------------------------------------------------------------------------------------

@router.get("/assets")
def assets(request: Request, user: Viewer, session: DB) -> HTMLResponse:
    return render(request, "assets.html.j2", user, assets=_all(session, Asset, Asset.name),
                  kinds=list(AssetKind))


@router.post("/assets")
def add_asset(user: Editor, session: DB, name: F, kind: F, hub_id: OptF = None,
              revision: OptF = None, declared_license: OptF = None,
              concluded_license: OptF = None) -> Response:
    chosen = forms.choice(kind, AssetKind, "kind")
    asset = write(session, lambda: records.add_asset(session, user, name, chosen, hub_id,
                                                     revision, declared_license,
                                                     concluded_license))
    return _see(f"/assets/{asset.id}")


@router.get("/assets/{asset_id}")
def asset_page(request: Request, asset_id: int, user: Viewer, session: DB) -> HTMLResponse:
    asset = records.get(session, Asset, asset_id)
    return render(request, "asset.html.j2", user, asset=asset,
                  upstream=lineage.ancestors(session, asset),
                  downstream=lineage.descendants(session, asset),
                  obligations=lineage.obligations_of(session, asset),
                  names={a.id: a.name for a in session.scalars(sa.select(Asset))},
                  others=[a for a in _all(session, Asset, Asset.name) if a is not asset],
                  relations=list(Relation),
                  agreements=session.scalars(sa.select(Agreement).where(
                      Agreement.asset_id == asset.id)).all())


@router.post("/assets/{asset_id}")
def edit_asset(asset_id: int, user: Editor, session: DB, version: F, revision: OptF = None,
               concluded_license: OptF = None) -> Response:
    asset = records.get(session, Asset, asset_id)
    read = forms.number(version, "version") or 0
    write(session, lambda: records.update(session, user, asset, read,
                                          revision=forms.text(revision),
                                          concluded_license=forms.text(concluded_license)))
    return _see(f"/assets/{asset_id}")


@router.post("/assets/{asset_id}/edges")
def add_edge(asset_id: int, user: Editor, session: DB, source_id: F, relation: F) -> Response:
    target = records.get(session, Asset, asset_id)
    source = records.get(session, Asset, forms.number(source_id, "source_id") or 0)
    chosen = forms.choice(relation, Relation, "relation")
    write(session, lambda: lineage.add_edge(session, user, source, target, chosen))
    return _see(f"/assets/{asset_id}")


# -- use cases ------------------------------------------------------------------------------------


@router.get("/use-cases")
def use_cases(request: Request, user: Viewer, session: DB) -> HTMLResponse:
    return render(request, "use_cases.html.j2", user,
                  use_cases=_all(session, UseCase, UseCase.name),
                  assets=_all(session, Asset, Asset.name))


@router.post("/use-cases")
def add_use_case(user: Editor, session: DB, name: F, description: F, deployment: OptF = None,
                 modification: OptF = None, commercial: OptF = None,
                 monthly_active_users: OptF = None, activities: OptF = None,
                 asset_id: OptF = None) -> Response:
    spec: dict[str, object] = {"name": name, "description": description,
                               "commercial": forms.flag(commercial)}
    for key, value in (("deployment", deployment), ("modification", modification)):
        if forms.text(value):
            spec[key] = forms.text(value)
    if forms.number(monthly_active_users, "monthly_active_users") is not None:
        spec["monthly_active_users"] = forms.number(monthly_active_users,
                                                    "monthly_active_users")
    if forms.text(activities):
        spec["activities"] = [a.strip() for a in (activities or "").split(",") if a.strip()]
    a_id = forms.number(asset_id, "asset_id")
    asset = records.get(session, Asset, a_id) if a_id else None
    write(session, lambda: records.add_use_case(session, user, spec, asset=asset))
    return _see("/use-cases")


# -- search, users, audit ------------------------------------------------------------------------

@router.get("/search")
def search(request: Request, user: Viewer, session: DB, q: str = "") -> HTMLResponse:
    term = forms.text(q[:200]) or ""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    like = f"%{escaped}%"
    found: dict[str, list[object]] = {}
    if term:
        found = {
            "assets": list(session.scalars(sa.select(Asset).where(sa.or_(
                Asset.name.ilike(like, escape="\\"), Asset.hub_id.ilike(like, escape="\\"))))),
            "agreements": list(session.scalars(sa.select(Agreement).where(
                Agreement.title.ilike(like, escape="\\")))),
            "runs": list(session.scalars(sa.select(Run).where(sa.or_(
                Run.document_name.ilike(like, escape="\\"),
                Run.license_key.ilike(like, escape="\\"))))),
            "obligations": list(session.scalars(sa.select(Obligation).where(sa.or_(
                Obligation.title.ilike(like, escape="\\"),
                Obligation.quote.ilike(like, escape="\\"))).limit(100))),
        }
    return render(request, "search.html.j2", user, q=term, found=found)


@router.get("/users")
def users(request: Request, user: Admin, session: DB) -> HTMLResponse:
    return render(request, "users.html.j2", user, users=_all(session, User, User.name),
                  roles=list(Role))


@router.post("/users")
def create_user(user: Admin, session: DB, name: F, role: F, password: F) -> Response:
    chosen = forms.choice(role, Role, "role")
    write(session, lambda: add_user(session, name, chosen, password, by=user))
    return _see("/users")


@router.get("/audit")
def audit_log(request: Request, user: Admin, session: DB) -> HTMLResponse:
    return render(request, "audit.html.j2", user, entries=audit.entries(session, 500))
