# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Bring a registry's schema up to date with the migrations shipped in the package."""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from licentia.errors import InputError


def _config(engine: sa.Engine) -> Config:
    config = Config()
    config.set_main_option("script_location",
                           str(resources.files("licentia.registry") / "migrations"))
    config.attributes["engine"] = engine
    return config


def head() -> str:
    """The newest revision shipped."""
    script = ScriptDirectory.from_config(_config(sa.create_engine("sqlite://")))
    revision = script.get_current_head()
    assert revision is not None
    return revision


def current(engine: sa.Engine) -> str | None:
    """The revision the database is at (None: never migrated)."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> str:
    """Apply every migration up to `revision`; returns the revision reached."""
    try:
        command.upgrade(_config(engine), revision)
    except sa.exc.OperationalError as exc:
        raise InputError(f"cannot reach the database: {exc.orig}", key="--db") from exc
    reached = current(engine)
    assert reached is not None
    return reached


def downgrade(engine: sa.Engine, revision: str) -> str | None:
    """Undo migrations down to `revision` ("base": an empty database)."""
    command.downgrade(_config(engine), revision)
    return current(engine)


def require_current(engine: sa.Engine) -> None:
    """Refuse to serve a registry whose schema is behind (or ahead of) this licentia."""
    try:
        at = current(engine)
    except sa.exc.OperationalError as exc:
        raise InputError(f"cannot reach the database: {exc.orig}", key="--db") from exc
    if at != head():
        state = "empty" if at is None else f"at revision {at}"
        raise InputError(f"the registry is {state}, this licentia needs {head()}: run "
                         "`licentia db upgrade` first", key="--db")
