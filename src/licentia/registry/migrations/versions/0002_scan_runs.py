# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A run may record an uploaded `licentia scan --json` result (run kind `scan`).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30 16:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

BEFORE = ("identify", "review", "check")
AFTER = (*BEFORE, "scan")
NAME = "ck_runs_run_kind"


def _kinds(kinds: tuple[str, ...]) -> None:
    """The CHECK constraint on runs.kind, now allowing `kinds` (the table is rebuilt on
    SQLite, which cannot alter a constraint)."""
    with op.batch_alter_table("runs") as batch:
        batch.drop_constraint(op.f(NAME), type_="check")
        batch.create_check_constraint(op.f(NAME), sa.column("kind").in_(kinds))


def upgrade() -> None:
    _kinds(AFTER)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM runs WHERE kind = 'scan'"))
    _kinds(BEFORE)
