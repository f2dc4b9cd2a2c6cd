# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Migrations up from empty on SQLite and PostgreSQL; the audit log refuses changes."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.orm import Session, sessionmaker

from licentia.errors import InputError
from licentia.registry.engine import make_engine
from licentia.registry.migrate import current, downgrade, head, require_current, upgrade
from licentia.registry.models import AuditEntry, Base

TABLES = {"users", "parties", "licenses", "assets", "edges", "agreements", "obligations",
          "use_cases", "obligation_statuses", "runs", "findings", "decisions", "audit_log"}


def test_upgrade_from_empty_creates_every_table(db_url: str) -> None:
    engine = make_engine(db_url)
    with pytest.raises(InputError, match=r"the registry is empty, .* run `licentia db upgrade`"):
        require_current(engine)
    assert upgrade(engine) == head()
    assert set(sa.inspect(engine).get_table_names()) >= TABLES
    require_current(engine)
    assert upgrade(engine) == head()  # twice is a no-op
    engine.dispose()


def test_schema_matches_the_models(engine: sa.Engine) -> None:
    """The shipped migration builds what the models describe (no drift)."""
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(engine: sa.Engine) -> None:
    downgrade(engine, "base")
    assert current(engine) is None
    assert not TABLES & set(sa.inspect(engine).get_table_names())
    assert upgrade(engine) == head()


def test_the_audit_log_is_append_only(factory: sessionmaker[Session]) -> None:
    with factory() as s, s.begin():
        s.add(AuditEntry(actor="system", action="test", entity="none", after={"a": 1}))
    with factory() as s, pytest.raises(sa.exc.DatabaseError, match="append-only"), s.begin():
        s.execute(sa.update(AuditEntry).values(actor="someone else"))
    with factory() as s, pytest.raises(sa.exc.DatabaseError, match="append-only"), s.begin():
        s.execute(sa.delete(AuditEntry))
    with factory() as s:
        assert s.scalars(sa.select(AuditEntry.actor)).all() == ["system"]


def test_a_bad_url_is_one_line_naming_the_option() -> None:
    with pytest.raises(InputError, match=r"^--db: not a registry URL"):
        make_engine("mysql://x@y/z")


def test_the_database_checks_a_runs_kind_after_each_migration(engine: sa.Engine) -> None:
    """0002 widened the CHECK on runs.kind to `scan` (the table rebuilt on SQLite): the
    database still refuses a kind outside the vocabulary, and 0001 refuses `scan` again."""
    with engine.begin() as conn:
        user = conn.execute(sa.text("INSERT INTO users (name, password_hash, role, active, "
                                    "created_at) VALUES ('u', 'x', 'admin', true, "
                                    "CURRENT_TIMESTAMP) RETURNING id")).scalar_one()

    def insert(kind: str) -> None:
        with engine.begin() as conn:
            conn.execute(sa.text(
                "INSERT INTO runs (kind, requested_by, document_name, document_file, "
                "document_sha256, result, created_at) VALUES (:k, :u, 'd', 'f', 'h', '{}', "
                "CURRENT_TIMESTAMP)"), {"k": kind, "u": user})

    insert("scan")
    with pytest.raises(sa.exc.IntegrityError):
        insert("bogus")
    downgrade(engine, "0001")
    with pytest.raises(sa.exc.IntegrityError):
        insert("scan")
    insert("check")
    assert upgrade(engine) == head()
    with engine.connect() as conn:
        kinds = conn.execute(sa.text("SELECT kind FROM runs ORDER BY id")).scalars().all()
    assert kinds == ["check"]  # the scan run went with the downgrade
