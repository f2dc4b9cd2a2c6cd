# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Connections to the registry: one engine per URL, sessions that commit or roll back whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from licentia.errors import InputError
from licentia.registry.location import database_url, sqlite_path
from licentia.registry.unit import OWNED


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.close()


def _no_nul(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
            executemany: bool) -> None:
    """Refuse text holding a NUL character before the database sees it, on every backend
    (PostgreSQL cannot store one and answers with an error that is no fault of the server)."""
    if _holds_nul(parameters):
        raise InputError("text with a NUL character is not accepted")


def _holds_nul(value: Any) -> bool:
    """Whether a statement's parameters (a row, rows, or one batch of rows) hold a NUL."""
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        value = value.values()
    return isinstance(value, list | tuple | type({}.values())) and any(
        _holds_nul(v) for v in value)


def make_engine(url: str | None = None) -> sa.Engine:
    """An engine for `url` (None: the default SQLite file, whose folder is made)."""
    full = database_url(url)
    path = sqlite_path(full)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    # SQLite connections are cheap: one for every worker thread of the web server, so a
    # request never waits for a connection while others wait for the write lock
    pool = {"pool_size": 40, "max_overflow": 40} if path is not None else {}
    try:
        engine = sa.create_engine(full, pool_pre_ping=True, **pool)
    except (ImportError, sa.exc.ArgumentError) as exc:
        raise InputError(f"cannot use this database: {exc}", key="--db") from exc
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    sa.event.listen(engine, "before_cursor_execute", _no_nul)
    return engine


def session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose work is committed when the block ends, rolled back on any error (the
    services' writes inside it are part of it: `unit.write` leaves the commit to the block)."""
    with factory() as session, session.begin():
        session.info[OWNED] = True
        yield session
