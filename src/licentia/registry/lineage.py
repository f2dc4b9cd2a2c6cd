# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The asset graph: edges between assets, an asset's ancestors and descendants, and reopening
the statuses a change of the graph may have made stale."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from licentia.registry.audit import record, snapshot
from licentia.registry.errors import Refused
from licentia.registry.models import Asset, Edge, Obligation, ObligationStatus, UseCase, User
from licentia.registry.vocab import Relation, StatusValue

SETTLED = (StatusValue.FULFILLED, StatusValue.NOT_APPLICABLE, StatusValue.DEFERRED)
# a derivative is bound by every condition of what it derives from; over other edges
# (trained-on, depends-on) only what flows down travels
DERIVATION = frozenset({Relation.FINETUNE, Relation.ADAPTER, Relation.MERGE, Relation.QUANTIZE,
                        Relation.DISTILL})


@dataclass(frozen=True)
class Step:
    asset: Asset
    relation: Relation
    depth: int


def _walk(session: Session, start: int, upstream: bool,
          relations: frozenset[Relation] | None = None) -> list[Step]:
    edges = [e for e in session.scalars(sa.select(Edge))
             if relations is None or e.relation in relations]
    steps: list[Step] = []
    seen = {start}
    frontier = [(start, 0)]
    while frontier:
        node, depth = frontier.pop(0)
        for e in edges:
            here, there = (e.target_id, e.source_id) if upstream else (e.source_id, e.target_id)
            if here == node and there not in seen:
                seen.add(there)
                asset = session.get(Asset, there)
                assert asset is not None
                steps.append(Step(asset, e.relation, depth + 1))
                frontier.append((there, depth + 1))
    return steps


def ancestors(session: Session, asset: Asset) -> list[Step]:
    """What `asset` comes from, nearest first."""
    return _walk(session, asset.id, upstream=True)


def descendants(session: Session, asset: Asset) -> list[Step]:
    """What comes from `asset`, nearest first."""
    return _walk(session, asset.id, upstream=False)


def add_edge(session: Session, by: User, source: Asset, target: Asset,
             relation: Relation) -> Edge:
    """`target` comes from `source`; refuses a cycle. Statuses of `target` and of everything
    downstream of it reopen: what they rest on changed."""
    if source.id == target.id or any(s.asset.id == target.id
                                     for s in ancestors(session, source)):
        raise Refused(f"{target.name} is already upstream of {source.name}: an edge would "
                      "make a cycle")
    edge = Edge(source_id=source.id, target_id=target.id, relation=relation)
    session.add(edge)
    record(session, by, "edge.create", edge)
    reopen(session, by, [target.id, *(s.asset.id for s in descendants(session, target))])
    return edge


def reopen(session: Session, by: User, asset_ids: list[int]) -> int:
    """Reopen the settled statuses of obligations on these assets (or on use cases of them)."""
    query = (sa.select(ObligationStatus).join(Obligation)
             .join(UseCase, UseCase.id == ObligationStatus.use_case_id)
             .where(ObligationStatus.status.in_(SETTLED),
                    sa.or_(Obligation.asset_id.in_(asset_ids),
                           UseCase.asset_id.in_(asset_ids))))
    count = 0
    for status in session.scalars(query):
        before = snapshot(status)
        status.status = StatusValue.OPEN
        status.reopened = True
        record(session, by, "status.reopen", status, before)
        count += 1
    return count


def obligations_of(session: Session, asset: Asset) -> list[Obligation]:
    """Every obligation the asset carries: its own, all those of what it derives from, and
    those that flow down from anything else upstream."""
    derived = [s.asset.id for s in _walk(session, asset.id, True, DERIVATION)]
    upstream = [s.asset.id for s in ancestors(session, asset)]
    query = sa.select(Obligation).where(sa.or_(
        Obligation.asset_id == asset.id,
        Obligation.asset_id.in_(derived),
        sa.and_(Obligation.asset_id.in_(upstream), Obligation.flows_down.is_(True)),
    )).order_by(Obligation.asset_id, Obligation.id)
    return list(session.scalars(query))
