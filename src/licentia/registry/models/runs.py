# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What licentia found and what people decided: analysis runs over an uploaded file, their
findings with quotes, and decisions (requester and approver are different people)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from licentia.registry.models.base import Base, created, vocab
from licentia.registry.vocab import DecisionKind, Outcome, RunKind


class Run(Base):
    """One identify / review / check over an uploaded document, as the library returned it."""

    __tablename__ = "runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[RunKind] = mapped_column(vocab(RunKind, "run_kind"))
    asset_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assets.id", ondelete="SET NULL"))
    use_case_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("use_cases.id", ondelete="SET NULL"))
    requested_by: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    document_name: Mapped[str] = mapped_column(sa.String(300))
    document_file: Mapped[str] = mapped_column(sa.String(80))
    document_sha256: Mapped[str] = mapped_column(sa.String(64))
    license_key: Mapped[str | None] = mapped_column(sa.String(200))
    verdict: Mapped[str | None] = mapped_column(sa.String(40))
    result: Mapped[dict[str, Any] | list[Any]] = mapped_column(sa.JSON)  # the --json document
    created_at: Mapped[datetime] = created()


class Finding(Base):
    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(sa.String(80))
    status: Mapped[str] = mapped_column(sa.String(20))  # clear|gray|conflict or info|warning|error
    title: Mapped[str] = mapped_column(sa.String(400))
    message: Mapped[str] = mapped_column(sa.Text)
    evidence: Mapped[list[dict[str, str]]] = mapped_column(sa.JSON)  # quotes with sections
    question: Mapped[str | None] = mapped_column(sa.Text)


class Decision(Base):
    """A decision on a run: approval, exception or license choice, with its typed reason."""

    __tablename__ = "decisions"
    __table_args__ = (sa.CheckConstraint("requester_id <> approver_id", name="four_eyes"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    run_id: Mapped[int] = mapped_column(sa.ForeignKey("runs.id", ondelete="CASCADE"))
    kind: Mapped[DecisionKind] = mapped_column(vocab(DecisionKind, "decision_kind"))
    outcome: Mapped[Outcome] = mapped_column(vocab(Outcome, "outcome"))
    reason: Mapped[str] = mapped_column(sa.Text)
    scope: Mapped[str | None] = mapped_column(sa.String(400))
    expires_on: Mapped[date | None] = mapped_column(sa.Date)
    requester_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    approver_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = created()
