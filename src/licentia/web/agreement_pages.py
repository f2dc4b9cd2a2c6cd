# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The agreements and parties pages: agreements with their upcoming dates and thresholds, each
with its signed document (kept with its SHA-256, downloaded as a file), and the parties to
them, each with the agreements it is licensor or licensee of."""

from __future__ import annotations

import re
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.orm import Session

from licentia.registry import records
from licentia.registry.errors import NotFound
from licentia.registry.intake import keep
from licentia.registry.models import Agreement, Asset, Party, User
from licentia.registry.storage import Stored, stored_path
from licentia.registry.unit import write
from licentia.registry.vocab import AgreementKind, AgreementStatus, PartyRole
from licentia.web import forms
from licentia.web.db import DB
from licentia.web.security import editor, viewer
from licentia.web.views import render

router = APIRouter(include_in_schema=False)
Viewer = Annotated[User, Depends(viewer)]
Editor = Annotated[User, Depends(editor)]
F = Annotated[str, Form()]
OptF = Annotated[str | None, Form()]
OptFile = Annotated[UploadFile | None, File()]


def _all(session: Session, model: type[Party] | type[Asset] | type[Agreement],
         order: object) -> list[object]:
    return list(session.scalars(sa.select(model).order_by(order)))  # type: ignore[arg-type]


@router.get("/agreements")
def agreements(request: Request, user: Viewer, session: DB) -> HTMLResponse:
    return render(request, "agreements.html.j2", user,
                  agreements=_all(session, Agreement, Agreement.id.desc()),
                  upcoming=records.upcoming(session), kinds=list(AgreementKind),
                  statuses=list(AgreementStatus), assets=_all(session, Asset, Asset.name),
                  parties=_all(session, Party, Party.name))


def _party(session: Session, user: User, name: str | None, role: PartyRole) -> Party | None:
    """The party of that name, recorded (in `role`) when it is new."""
    cleaned = forms.text(name)
    if cleaned is None:
        return None
    found = session.scalar(sa.select(Party).where(Party.name == cleaned))
    return found or records.add_party(session, user, cleaned, role)


@router.post("/agreements")
def add_agreement(request: Request, user: Editor, session: DB, title: F, kind: F,
                  document: OptFile = None, asset_id: OptF = None, licensor: OptF = None,
                  licensee: OptF = None, effective_on: OptF = None, expires_on: OptF = None,
                  renewal_on: OptF = None, threshold_limit: OptF = None,
                  threshold_current: OptF = None) -> Response:
    chosen = forms.choice(kind, AgreementKind, "kind")
    fields: dict[str, object] = {
        "asset_id": forms.number(asset_id, "asset_id"),
        "effective_on": forms.day(effective_on, "effective_on"),
        "expires_on": forms.day(expires_on, "expires_on"),
        "renewal_on": forms.day(renewal_on, "renewal_on"),
        "threshold_limit": forms.number(threshold_limit, "threshold_limit"),
        "threshold_current": forms.number(threshold_current, "threshold_current")}

    def work(stored: Stored | None) -> Agreement:
        by = _party(session, user, licensor, PartyRole.LICENSOR)
        to = _party(session, user, licensee, PartyRole.LICENSEE)
        return records.add_agreement(session, user, title, chosen, AgreementStatus.ACTIVE,
                                     stored, licensor_id=by.id if by else None,
                                     licensee_id=to.id if to else None, **fields)

    settings = request.app.state.settings
    if document is not None and document.filename:  # a form's empty file field: none
        keep(session, settings.storage, document.filename,
             document.file.read(settings.max_upload_bytes + 1), work, settings.max_upload_bytes)
    else:
        write(session, lambda: work(None))
    return RedirectResponse("/agreements", status_code=303)


@router.post("/agreements/{agreement_id}")
def edit_agreement(agreement_id: int, user: Editor, session: DB, version: F, status: F,
                   threshold_current: OptF = None) -> Response:
    row = records.get(session, Agreement, agreement_id)
    read = forms.number(version, "version") or 0
    changes = {"status": forms.choice(status, AgreementStatus, "status"),
               "threshold_current": forms.number(threshold_current, "threshold_current")}
    write(session, lambda: records.update(session, user, row, read, **changes))
    return RedirectResponse("/agreements", status_code=303)


@router.get("/agreements/{agreement_id}/document")
def agreement_document(request: Request, agreement_id: int, user: Viewer,
                       session: DB) -> Response:
    """The signed document as it was uploaded (a download, never shown inline)."""
    row = records.get(session, Agreement, agreement_id)
    path = stored_path(request.app.state.settings.storage, row.document_file or "")  \
        if row.document_file else None
    if path is None or not path.is_file():
        raise NotFound(f"agreement {row.id} has no document"
                       + (" in storage" if path is not None else ""))
    data = path.read_bytes()
    name = re.sub(r"[^A-Za-z0-9._-]", "_", row.document_name or "document")[:100]
    return Response(data, media_type="application/octet-stream", headers={
        "content-disposition": f'attachment; filename="{name}"',
        "x-document-sha256": row.document_sha256 or ""})


@router.get("/parties")
def parties(request: Request, user: Viewer, session: DB) -> HTMLResponse:
    return render(request, "parties.html.j2", user, parties=_all(session, Party, Party.name),
                  roles=list(PartyRole))


@router.post("/parties")
def add_party(user: Editor, session: DB, name: F, role: F, contact: OptF = None) -> Response:
    chosen = forms.choice(role, PartyRole, "role")
    party = write(session, lambda: records.add_party(session, user, name, chosen, contact))
    return RedirectResponse(f"/parties/{party.id}", status_code=303)


@router.get("/parties/{party_id}")
def party_page(request: Request, party_id: int, user: Viewer, session: DB) -> HTMLResponse:
    party = records.get(session, Party, party_id)
    rows = session.scalars(sa.select(Agreement).where(sa.or_(
        Agreement.licensor_id == party.id, Agreement.licensee_id == party.id))
        .order_by(Agreement.id.desc())).all()
    return render(request, "party.html.j2", user, party=party, agreements=rows)
