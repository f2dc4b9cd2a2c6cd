# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""For what: the organization's intended uses, and where each stands with every obligation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from licentia.registry.models.base import Base, UTCDateTime, Versioned, created, now, vocab
from licentia.registry.vocab import StatusValue


class UseCase(Versioned, Base):
    """A use case as `licentia review` reads it (the same keys as a use-case file)."""

    __tablename__ = "use_cases"
    __table_args__ = (sa.UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    asset_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assets.id", ondelete="SET NULL"))
    spec: Mapped[dict[str, Any]] = mapped_column(sa.JSON)  # the use-case file's mapping
    created_at: Mapped[datetime] = created()


class ObligationStatus(Versioned, Base):
    """Where one use case stands with one obligation, and the evidence for it. `reopened`
    says the asset graph changed since the status was set."""

    __tablename__ = "obligation_statuses"
    __table_args__ = (sa.UniqueConstraint("use_case_id", "obligation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    use_case_id: Mapped[int] = mapped_column(sa.ForeignKey("use_cases.id", ondelete="CASCADE"))
    obligation_id: Mapped[int] = mapped_column(
        sa.ForeignKey("obligations.id", ondelete="CASCADE"))
    status: Mapped[StatusValue] = mapped_column(vocab(StatusValue, "status_value"))
    evidence: Mapped[str | None] = mapped_column(sa.Text)
    reopened: Mapped[bool] = mapped_column(default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=now, onupdate=now)
