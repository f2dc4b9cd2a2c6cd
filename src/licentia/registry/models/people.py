# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Who: the workbench's users (with their role) and the parties to agreements."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from licentia.registry.models.base import Base, created, vocab
from licentia.registry.vocab import PartyRole, Role


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(120), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[Role] = mapped_column(vocab(Role, "role"))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = created()


class Party(Base):
    """A licensor or licensee (an organization or a person)."""

    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200), unique=True)
    role: Mapped[PartyRole] = mapped_column(vocab(PartyRole, "party_role"))
    contact: Mapped[str | None] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = created()
