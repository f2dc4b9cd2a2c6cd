# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Writing the audit log: every change the services make is recorded in the same transaction,
with the record as it was and as it became."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from licentia.registry.models import AuditEntry, Base, User


def snapshot(record: Base) -> dict[str, Any]:
    """A record's columns as JSON values (dates as ISO strings, vocabularies as their words)."""
    data: dict[str, Any] = {}
    for column in sa.inspect(type(record)).columns:
        value = getattr(record, column.key)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, date | datetime):
            value = value.isoformat()
        data[column.key] = value
    return data


def record(session: Session, user: User | None, action: str, entity: Base,
           before: dict[str, Any] | None = None) -> AuditEntry:
    """Log `action` on `entity` (flushed, so its id is known) by `user`."""
    session.flush()
    after = snapshot(entity)
    entry = AuditEntry(user_id=user.id if user else None, actor=user.name if user else "system",
                       action=action, entity=type(entity).__tablename__,
                       entity_id=after.get("id"), before=before, after=after)
    session.add(entry)
    return entry


def entries(session: Session, limit: int = 200, entity: str | None = None,
            entity_id: int | None = None) -> list[AuditEntry]:
    """The newest entries first."""
    query = sa.select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if entity is not None:
        query = query.where(AuditEntry.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEntry.entity_id == entity_id)
    return list(session.scalars(query))
