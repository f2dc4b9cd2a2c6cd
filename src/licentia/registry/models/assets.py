# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What: licenses known to the registry, the organization's assets, and how assets come from
one another (the lineage graph)."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from licentia.registry.models.base import Base, Versioned, created, vocab
from licentia.registry.vocab import AssetKind, Relation


class License(Base):
    """A license by its LicenseDB key; `text_sha256` pins the exact text seen, when one was."""

    __tablename__ = "licenses"
    __table_args__ = (sa.UniqueConstraint("key", "text_sha256"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(sa.String(200))
    spdx: Mapped[str | None] = mapped_column(sa.String(200))
    name: Mapped[str | None] = mapped_column(sa.String(400))
    text_sha256: Mapped[str | None] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = created()


class Asset(Versioned, Base):
    """A model, dataset, code base or service the organization uses or ships."""

    __tablename__ = "assets"
    __table_args__ = (sa.UniqueConstraint("name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    kind: Mapped[AssetKind] = mapped_column(vocab(AssetKind, "asset_kind"))
    hub_id: Mapped[str | None] = mapped_column(sa.String(300))
    revision: Mapped[str | None] = mapped_column(sa.String(100))
    declared_license: Mapped[str | None] = mapped_column(sa.String(400))
    concluded_license: Mapped[str | None] = mapped_column(sa.String(400))
    created_at: Mapped[datetime] = created()


class Edge(Base):
    """`target` comes from `source` by `relation` (fine-tune, trained-on, ...)."""

    __tablename__ = "edges"
    __table_args__ = (
        sa.UniqueConstraint("source_id", "target_id", "relation"),
        sa.CheckConstraint("source_id <> target_id", name="not_self"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(sa.ForeignKey("assets.id", ondelete="CASCADE"))
    target_id: Mapped[int] = mapped_column(sa.ForeignKey("assets.id", ondelete="CASCADE"))
    relation: Mapped[Relation] = mapped_column(vocab(Relation, "relation"))
    created_at: Mapped[datetime] = created()
