# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The registry: what the organization uses under which agreement, what each obliges, who
approved what and why - SQLAlchemy models, Alembic migrations, and the services the web app
and the CLI share (they never write SQL of their own)."""
