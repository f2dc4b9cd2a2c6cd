# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Alembic's entry point: migrate the engine `licentia.registry.migrate` hands over, in batch
mode on SQLite (which cannot ALTER most of a table in place)."""

from __future__ import annotations

from alembic import context

from licentia.registry.models import Base

engine = context.config.attributes["engine"]
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=connection.dialect.name == "sqlite",
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
