# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What every registry table shares: the declarative base, constraint names Alembic can batch
on SQLite, UTC timestamps, and closed vocabularies stored as checked strings."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


MAX_ID = 2**31 - 1  # the largest integer primary key every backend stores (PostgreSQL's)


class Base(DeclarativeBase):
    metadata = sa.MetaData(naming_convention=NAMING)


def now() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """An aware UTC datetime on every backend (SQLite stores it naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("registry times are aware (UTC)")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def vocab(enum: type[StrEnum], name: str) -> sa.Enum:
    """A closed vocabulary stored as its wire strings, checked by the database."""
    return sa.Enum(enum, name=name, native_enum=False, create_constraint=True, length=32,
                   values_callable=lambda e: [m.value for m in e], validate_strings=True)


def created() -> Mapped[datetime]:
    return mapped_column(UTCDateTime(), default=now, nullable=False)


class Versioned:
    """Optimistic locking: every UPDATE says which version it read; a stale one changes no row
    and SQLAlchemy raises StaleDataError instead of overwriting someone else's edit."""

    version: Mapped[int] = mapped_column(sa.Integer, nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
