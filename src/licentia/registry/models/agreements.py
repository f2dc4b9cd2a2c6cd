# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Under what terms: agreements (licenses, commercial and data-use agreements, gated
click-throughs) and the obligations they or a license impose, each with its quoted clause."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from licentia.registry.models.base import Base, Versioned, created, vocab
from licentia.registry.vocab import AgreementKind, AgreementStatus, Trigger


class Agreement(Versioned, Base):
    __tablename__ = "agreements"
    __table_args__ = (
        sa.CheckConstraint("expires_on IS NULL OR effective_on IS NULL "
                           "OR expires_on >= effective_on", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    kind: Mapped[AgreementKind] = mapped_column(vocab(AgreementKind, "agreement_kind"))
    status: Mapped[AgreementStatus] = mapped_column(vocab(AgreementStatus, "agreement_status"))
    license_id: Mapped[int | None] = mapped_column(sa.ForeignKey("licenses.id"))
    asset_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assets.id", ondelete="SET NULL"))
    licensor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("parties.id"))
    licensee_id: Mapped[int | None] = mapped_column(sa.ForeignKey("parties.id"))
    document_name: Mapped[str | None] = mapped_column(sa.String(300))  # as uploaded
    document_file: Mapped[str | None] = mapped_column(sa.String(80))   # generated, in storage
    document_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    effective_on: Mapped[date | None] = mapped_column(sa.Date)
    expires_on: Mapped[date | None] = mapped_column(sa.Date)
    renewal_on: Mapped[date | None] = mapped_column(sa.Date)
    threshold_limit: Mapped[int | None] = mapped_column(sa.BigInteger)  # e.g. 700,000,000 MAU
    threshold_current: Mapped[int | None] = mapped_column(sa.BigInteger)
    supersedes_id: Mapped[int | None] = mapped_column(sa.ForeignKey("agreements.id"))
    created_at: Mapped[datetime] = created()


class Obligation(Base):
    """A duty from an agreement or a license: the clause quoted, what triggers it, whether it
    flows down to whoever receives the asset."""

    __tablename__ = "obligations"

    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int | None] = mapped_column(sa.ForeignKey("assets.id", ondelete="CASCADE"))
    agreement_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("agreements.id", ondelete="CASCADE"))
    license_id: Mapped[int | None] = mapped_column(sa.ForeignKey("licenses.id"))
    run_id: Mapped[int | None] = mapped_column(sa.ForeignKey("runs.id", ondelete="SET NULL"))
    code: Mapped[str] = mapped_column(sa.String(80))  # a finding code of check / review
    title: Mapped[str] = mapped_column(sa.String(400))
    quote: Mapped[str | None] = mapped_column(sa.Text)
    section: Mapped[str | None] = mapped_column(sa.String(300))
    trigger: Mapped[Trigger] = mapped_column(vocab(Trigger, "trigger"))
    flows_down: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = created()
