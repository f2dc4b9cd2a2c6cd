# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What the JSON API accepts and answers, declared so that /openapi.json says exactly what a
call returns (a contract test checks every answer against it), and the errors it may give."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from licentia.registry.models.base import MAX_ID
from licentia.registry.vocab import (
    AgreementKind,
    AgreementStatus,
    AssetKind,
    DecisionKind,
    Outcome,
    PartyRole,
    Relation,
    Role,
    RunKind,
    StatusValue,
    Trigger,
)

# a record's id: what the registry can hold (a larger number names no record)
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class _In(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AssetIn(_In):
    name: str = Field(min_length=1, max_length=200)
    kind: AssetKind
    hub_id: str | None = Field(None, max_length=300)
    revision: str | None = Field(None, max_length=100)
    declared_license: str | None = Field(None, max_length=400)
    concluded_license: str | None = Field(None, max_length=400)


class EdgeIn(_In):
    source_id: Id
    relation: Relation


class PartyIn(_In):
    name: str = Field(min_length=1, max_length=200)
    role: PartyRole
    contact: str | None = Field(None, max_length=200)


class AgreementIn(_In):
    title: str = Field(min_length=1, max_length=300)
    kind: AgreementKind
    status: AgreementStatus = AgreementStatus.ACTIVE
    asset_id: Id | None = None
    licensor_id: Id | None = None
    licensee_id: Id | None = None
    effective_on: date | None = None
    expires_on: date | None = None
    renewal_on: date | None = None
    threshold_limit: int | None = Field(None, ge=0, le=10**15)
    threshold_current: int | None = Field(None, ge=0, le=10**15)
    supersedes_id: Id | None = None


class UseCaseIn(_In):
    spec: dict[str, Any] = Field(description="the keys of a use-case file (cli-contract.md)")
    asset_id: Id | None = None


class DecisionIn(_In):
    outcome: Outcome
    reason: str = Field(min_length=1, max_length=4000)
    kind: DecisionKind = DecisionKind.APPROVAL
    scope: str | None = Field(None, max_length=400)
    expires_on: date | None = None


class StatusIn(_In):
    status: StatusValue
    version: int = Field(ge=1, description="the version you read: a stale one is refused (409)")
    evidence: str | None = Field(None, max_length=4000)


class _Out(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Problem(BaseModel):
    detail: str = Field(description="what went wrong, in one sentence")


class Me(_Out):
    name: str
    role: Role
    csrf_token: str = Field(description="send it as X-CSRF-Token on every POST and PATCH")


class AssetOut(_Out):
    id: int
    version: int
    name: str
    kind: AssetKind
    hub_id: str | None
    revision: str | None
    declared_license: str | None
    concluded_license: str | None
    created_at: datetime


class EdgeOut(_Out):
    id: int
    source_id: int
    target_id: int
    relation: Relation
    created_at: datetime


class PartyOut(_Out):
    id: int
    name: str
    role: PartyRole
    contact: str | None
    created_at: datetime


class ObligationOut(_Out):
    id: int
    asset_id: int | None
    agreement_id: int | None
    license_id: int | None
    run_id: int | None
    code: str
    title: str
    quote: str | None
    section: str | None
    trigger: Trigger
    flows_down: bool
    created_at: datetime


class LineageStep(BaseModel):
    asset: int
    name: str
    relation: Relation
    depth: int = Field(ge=1)


class AssetDetail(AssetOut):
    upstream: list[LineageStep]
    downstream: list[LineageStep]
    obligations: list[ObligationOut] = Field(
        description="its own, all of what it derives from, and what flows down to it")


class AgreementOut(_Out):
    id: int
    version: int
    title: str
    kind: AgreementKind
    status: AgreementStatus
    license_id: int | None
    asset_id: int | None
    licensor_id: int | None
    licensee_id: int | None
    document_name: str | None
    document_sha256: str | None
    effective_on: date | None
    expires_on: date | None
    renewal_on: date | None
    threshold_limit: int | None
    threshold_current: int | None
    supersedes_id: int | None
    created_at: datetime


class UseCaseOut(_Out):
    id: int
    version: int
    name: str
    asset_id: int | None
    spec: dict[str, Any]
    created_at: datetime


class StatusOut(_Out):
    id: int
    version: int
    use_case_id: int
    obligation_id: int
    status: StatusValue
    evidence: str | None
    reopened: bool
    updated_at: datetime


class FindingOut(_Out):
    id: int
    run_id: int
    code: str
    status: str
    title: str
    message: str
    evidence: list[dict[str, Any]]
    question: str | None


class DecisionOut(_Out):
    id: int
    run_id: int
    kind: DecisionKind
    outcome: Outcome
    reason: str
    scope: str | None
    expires_on: date | None
    requester_id: int
    approver_id: int
    created_at: datetime


class RunSummary(_Out):
    id: int
    kind: RunKind
    asset_id: int | None
    use_case_id: int | None
    requested_by: int
    document_name: str
    document_sha256: str
    license_key: str | None
    verdict: str | None
    created_at: datetime


class RunOut(RunSummary):
    result: dict[str, Any] | list[Any] = Field(description="the CLI's --json document")
    findings: list[FindingOut]
    obligations: list[ObligationOut]
    decisions: list[DecisionOut]


def _problem(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


Responses = dict[int | str, dict[str, Any]]
# every call may meet these; each route adds the ones its own work can give
COMMON: Responses = {
    401: _problem("no session: log in first"),
    403: _problem("the role does not allow it, or the CSRF token is missing or wrong"),
    503: _problem("the registry is busy or unreachable: nothing was saved"),
}
BAD_INPUT: Responses = {400: _problem("the input breaks a rule of the registry (the message "
                                      "says which)")}
NOT_FOUND: Responses = {404: _problem("no record with that id")}
STALE: Responses = {409: _problem("changed by someone else since you read it: nothing was saved")}
TOO_LARGE: Responses = {413: _problem("the request body is over the upload limit")}
