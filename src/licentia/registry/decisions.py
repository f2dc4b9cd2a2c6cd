# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Decisions on a run: an approver other than the requester approves, escalates or rejects,
with a typed reason; an escalation marks the run's open obligations escalated."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session

from licentia.errors import InputError
from licentia.registry.audit import record, snapshot
from licentia.registry.errors import Refused
from licentia.registry.models import Decision, Obligation, ObligationStatus, Run, User
from licentia.registry.vocab import DecisionKind, Outcome, Role, StatusValue

MIN_REASON = 10


def decide(session: Session, approver: User, run: Run, outcome: Outcome, reason: str,
           kind: DecisionKind = DecisionKind.APPROVAL, scope: str | None = None,
           expires_on: date | None = None) -> Decision:
    if not approver.role.allows(Role.APPROVER):
        raise Refused(f"{approver.name} is a {approver.role.value}; deciding needs the "
                      "approver role")
    if approver.id == run.requested_by:
        raise Refused("you requested this review: another approver must decide it")
    text = " ".join(reason.split())
    if len(text) < MIN_REASON:
        raise InputError(f"give the reason in words (at least {MIN_REASON} characters)",
                         key="reason")
    decision = Decision(run_id=run.id, kind=kind, outcome=outcome, reason=text[:4000],
                        scope=" ".join((scope or "").split())[:400] or None,
                        expires_on=expires_on, requester_id=run.requested_by,
                        approver_id=approver.id)
    session.add(decision)
    record(session, approver, f"decision.{outcome.value}", decision)
    if outcome is Outcome.ESCALATED:
        statuses = session.scalars(
            sa.select(ObligationStatus).join(Obligation).where(
                Obligation.run_id == run.id, ObligationStatus.status == StatusValue.OPEN))
        for status in statuses:
            before = snapshot(status)
            status.status = StatusValue.ESCALATED
            record(session, approver, "status.escalate", status, before)
    return decision


def decisions_of(session: Session, run: Run) -> list[Decision]:
    return list(session.scalars(sa.select(Decision).where(Decision.run_id == run.id)
                                .order_by(Decision.id)))


def pending(session: Session) -> list[Run]:
    """Runs nobody has decided yet, oldest first."""
    decided = sa.select(Decision.run_id)
    return list(session.scalars(sa.select(Run).where(Run.id.not_in(decided))
                                .order_by(Run.id)))
