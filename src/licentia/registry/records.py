# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Recording what the organization holds - parties, assets, agreements, use cases - and
changing it under optimistic locking, each change in the audit log."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from licentia.analysis.usecase import UseCase as UseCaseSpec
from licentia.errors import InputError
from licentia.registry.audit import record, snapshot
from licentia.registry.errors import NotFound, StaleWrite
from licentia.registry.models import Agreement, Asset, Base, ObligationStatus, Party, UseCase, User
from licentia.registry.models.base import MAX_ID, Versioned
from licentia.registry.storage import Stored
from licentia.registry.vocab import (
    AgreementKind,
    AgreementStatus,
    AssetKind,
    PartyRole,
    StatusValue,
)

T = TypeVar("T", bound=Base)
NEAR_LIMIT = 0.8  # a threshold this full is shown as near its limit


def get(session: Session, model: type[T], record_id: int) -> T:
    row = session.get(model, record_id) if 1 <= record_id <= MAX_ID else None
    if row is None:
        raise NotFound(f"no {model.__tablename__[:-1].replace('_', ' ')} {record_id}")
    return row


def _text(value: str | None, key: str, limit: int, required: bool = True) -> str | None:
    text = " ".join((value or "").split())
    if not text:
        if required:
            raise InputError("required", key=key)
        return None
    if len(text) > limit:
        raise InputError(f"at most {limit} characters", key=key)
    return text


def _unique(session: Session, model: type[Base], column: Any, value: str, key: str) -> None:
    if session.scalar(sa.select(model).where(column == value)) is not None:
        raise InputError(f"{value!r} exists already", key=key)


def add_party(session: Session, by: User, name: str, role: PartyRole,
              contact: str | None = None) -> Party:
    text = _text(name, "name", 200)
    assert text is not None
    _unique(session, Party, Party.name, text, "name")
    party = Party(name=text, role=role, contact=_text(contact, "contact", 200, False))
    session.add(party)
    record(session, by, "party.create", party)
    return party


def add_asset(session: Session, by: User, name: str, kind: AssetKind, hub_id: str | None = None,
              revision: str | None = None, declared_license: str | None = None,
              concluded_license: str | None = None) -> Asset:
    text = _text(name, "name", 200)
    assert text is not None
    _unique(session, Asset, Asset.name, text, "name")
    asset = Asset(name=text, kind=kind, hub_id=_text(hub_id, "hub_id", 300, False),
                  revision=_text(revision, "revision", 100, False),
                  declared_license=_text(declared_license, "declared_license", 400, False),
                  concluded_license=_text(concluded_license, "concluded_license", 400, False))
    session.add(asset)
    record(session, by, "asset.create", asset)
    return asset


def add_use_case(session: Session, by: User, spec: dict[str, Any],
                 asset: Asset | None = None) -> UseCase:
    """A use case, validated exactly as `licentia review --use-case` validates a file."""
    valid = UseCaseSpec.from_mapping(spec, path="use case")
    _unique(session, UseCase, UseCase.name, valid.name, "name")
    row = UseCase(name=valid.name, spec=dict(spec), asset_id=asset.id if asset else None)
    session.add(row)
    record(session, by, "use_case.create", row)
    return row


def add_agreement(session: Session, by: User, title: str, kind: AgreementKind,
                  status: AgreementStatus = AgreementStatus.ACTIVE,
                  document: Stored | None = None, **fields: Any) -> Agreement:
    """An agreement (with its signed document, kept by `intake.keep`, when there is one)."""
    text = _text(title, "title", 300)
    if document is not None:
        fields |= document_fields(document)
    for key, model in (("asset_id", Asset), ("licensor_id", Party), ("licensee_id", Party),
                       ("supersedes_id", Agreement)):
        if fields.get(key) is not None:
            get(session, model, fields[key])  # NotFound names what is missing
    agreement = Agreement(title=text, kind=kind, status=status, **fields)
    _dates(agreement)
    session.add(agreement)
    if agreement.supersedes_id is not None:
        old = get(session, Agreement, agreement.supersedes_id)
        before = snapshot(old)
        old.status = AgreementStatus.SUPERSEDED
        record(session, by, "agreement.superseded", old, before)
    record(session, by, "agreement.create", agreement)
    return agreement


def _dates(a: Agreement) -> None:
    if a.effective_on and a.expires_on and a.expires_on < a.effective_on:
        raise InputError("the expiry is before the effective date", key="expires_on")


def update(session: Session, by: User, row: Versioned, expected_version: int,
           **changes: Any) -> None:
    """Change `row` if nobody changed it since `expected_version` was read; StaleWrite else
    (both when the form was stale and when another write lands between read and flush)."""
    assert isinstance(row, Base)
    entity = row.__tablename__
    if row.version != expected_version:
        raise StaleWrite(entity, snapshot(row)["id"], expected_version, row.version)
    before = snapshot(row)
    for key, value in changes.items():
        setattr(row, key, value)
    if isinstance(row, Agreement):
        _dates(row)
    try:
        record(session, by, f"{entity}.update", row, before)
    except StaleDataError as exc:
        raise StaleWrite(entity, before["id"], expected_version, None) from exc


def set_status(session: Session, by: User, status_id: int, expected_version: int,
               value: StatusValue, evidence: str | None) -> ObligationStatus:
    row = get(session, ObligationStatus, status_id)
    update(session, by, row, expected_version, status=value,
           evidence=_text(evidence, "evidence", 4000, False), reopened=False)
    return row


def upcoming(session: Session, within_days: int = 90,
             today: date | None = None) -> list[Agreement]:
    """Active agreements that expire or renew within `within_days`, or whose threshold is near
    its limit; soonest first."""
    day = today or date.today()
    horizon = day + timedelta(days=within_days)
    near = sa.and_(Agreement.threshold_limit.is_not(None), Agreement.threshold_limit > 0,
                   Agreement.threshold_current >= Agreement.threshold_limit * NEAR_LIMIT)
    query = sa.select(Agreement).where(
        Agreement.status == AgreementStatus.ACTIVE,
        sa.or_(Agreement.expires_on <= horizon, Agreement.renewal_on <= horizon, near),
    ).order_by(sa.func.coalesce(Agreement.expires_on, Agreement.renewal_on, horizon))
    return list(session.scalars(query))


def document_fields(document: Stored) -> dict[str, str]:
    """An agreement's columns for its document: the name given, the stored name, the hash."""
    return {"document_name": document.name, "document_file": document.file,
            "document_sha256": document.sha256}
