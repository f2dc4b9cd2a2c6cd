# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Run the library on an uploaded document - the same identify / review / check calls and JSON
documents as the CLI - and read off what the registry keeps: findings with their quotes, and
the obligations the term sheets say bind (the clause's kind, trigger and flow-down are data)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from licentia.analysis.check import Check, check
from licentia.analysis.manifest import parse_manifest
from licentia.analysis.profile import trigger as clause_trigger
from licentia.analysis.review import Review, review_reference
from licentia.analysis.usecase import UseCase
from licentia.catalog.terms import Artifact, Clause, ClauseKind, sheet_for
from licentia.errors import InputError
from licentia.identify import identify_file
from licentia.limits import MAX_YAML_BYTES
from licentia.registry.vocab import RunKind, Trigger
from licentia.report import check as check_report
from licentia.report import review as review_report
from licentia.safe_read import read_utf8

DUTY_KINDS = frozenset({ClauseKind.CONDITION, ClauseKind.COPYLEFT, ClauseKind.THRESHOLD})
_TRIGGERS: dict[str, Trigger] = {"distribution": Trigger.DISTRIBUTION,
                                 "publication": Trigger.DISTRIBUTION,
                                 "network-use": Trigger.HOSTING,
                                 "modification": Trigger.MODIFICATION, "use": Trigger.USE}
MAX_DIFFERENCE_FINDINGS = 20


@dataclass(frozen=True)
class FoundItem:
    code: str
    status: str
    title: str
    message: str
    evidence: list[dict[str, str]]
    question: str | None = None


@dataclass(frozen=True)
class Duty:
    license: str
    clause: str
    code: str
    title: str
    quote: str | None
    section: str | None
    trigger: Trigger
    flows_down: bool


@dataclass(frozen=True)
class Analysis:
    kind: RunKind
    license_key: str | None
    verdict: str | None
    document: dict[str, Any] | list[Any]
    findings: list[FoundItem]
    duties: list[Duty]


def clause_of(license_key: str, clause_id: str) -> Clause | None:
    sheet = sheet_for(license_key)
    if sheet is None:
        return None
    return next((c for c in sheet.clauses if c.id == clause_id), None)


def registry_trigger(clause: Clause) -> Trigger:
    """A clause's trigger in the registry's words, read from the term sheet."""
    if clause.kind is ClauseKind.THRESHOLD:
        return Trigger.THRESHOLD
    found = _TRIGGERS[clause_trigger(clause)]
    if found is Trigger.USE and Artifact.OUTPUTS in clause.artifacts:
        return Trigger.OUTPUT_USE
    return found


def duty_of(license_key: str, clause: Clause, code: str, evidence: list[dict[str, str]]
            ) -> Duty:
    quote = evidence[0] if evidence else None
    return Duty(license_key, clause.id, code, clause.title,
                quote.get("quote") if quote else None, quote.get("section") if quote else None,
                registry_trigger(clause), clause.flows_down)


def _scrub(value: Any, old: str, new: str) -> Any:
    """The document with the server's storage path replaced by the name the user gave."""
    if isinstance(value, str):
        return value.replace(old, new)
    if isinstance(value, list):
        return [_scrub(v, old, new) for v in value]
    if isinstance(value, dict):
        return {k: _scrub(v, old, new) for k, v in value.items()}
    return value


def identify_document(path: Path, shown: str) -> Analysis:
    data = _scrub(identify_file(path).to_json(), str(path), shown)
    lic = data.get("license") or {}
    findings = [FoundItem(f"identified-{data['result']}", data["result"],
                          lic.get("name") or "No license identified",
                          f"coverage {data['coverage']}%, confidence {data['confidence']}",
                          [])]
    for d in data["differences"][:MAX_DIFFERENCE_FINDINGS]:
        quote = d["found"] or d["reference"] or ""
        findings.append(FoundItem("difference", d["kind"], f"{d['kind']} at line {d['line']}",
                                  f"reference: {d['reference']}" if d["reference"] else "",
                                  [{"quote": quote, "section": d.get("section") or ""}]))
    return Analysis(RunKind.IDENTIFY, lic.get("id"), data["result"], data, findings, [])


def review_of(path: Path, use_case: dict[str, Any]) -> Review:
    """The library's review of a stored document against a use case (a use-case mapping)."""
    return review_reference(str(path), UseCase.from_mapping(use_case, path="use case"))


def check_of(path: Path, shown: str) -> Check:
    """The library's check of a stored manifest (named as the user named it)."""
    return check(parse_manifest(read_utf8(path, MAX_YAML_BYTES, "manifest"), shown))


def review_document(path: Path, shown: str, use_case: dict[str, Any]) -> Analysis:
    data = _scrub(review_report.to_json(review_of(path, use_case)), str(path), shown)
    key = (data.get("license") or {}).get("id")
    findings: list[FoundItem] = []
    duties: dict[tuple[str, str], Duty] = {}
    for f in data["findings"]:
        findings.append(FoundItem(f["code"], f["status"], f["title"], f["rationale"],
                                  f["evidence"], f.get("question")))
        if key is None or f.get("applies") is False:
            continue
        for clause_id in [f["clause"]] if f.get("clause") else f.get("clauses", []):
            clause = clause_of(key, clause_id)
            if clause is not None and clause.kind in DUTY_KINDS:
                duties.setdefault((key, clause_id), duty_of(key, clause, f["code"],
                                                          f["evidence"]))
    return Analysis(RunKind.REVIEW, key, data["verdict"], data, findings, list(duties.values()))


def check_document(path: Path, shown: str) -> Analysis:
    data = check_report.to_json(check_of(path, shown))
    findings = [FoundItem(f["code"], f["severity"], f["title"], f["message"],
                          [{"quote": e["quote"], "section": e["section"],
                            "license": e.get("license", "")} for e in f["evidence"]])
                for f in data["findings"]]
    duties: dict[tuple[str, str], Duty] = {}
    for component in data["obligations"]:
        for item in component["checklist"]:
            clause = clause_of(item["license"], item["clause"])
            if clause is None:
                continue
            evidence = data["clauses"].get(f"{item['license']}#{item['clause']}", [])
            duties.setdefault((item["license"], item["clause"]),
                              duty_of(item["license"], clause, item["code"] or "obligation",
                                    evidence))
    return Analysis(RunKind.CHECK, None, data["verdict"], data, findings, list(duties.values()))


def analyse(kind: RunKind, path: Path, shown: str,
            use_case: dict[str, Any] | None = None) -> Analysis:
    """The analysis `kind` of a stored document; review needs a use case (the mapping of a
    use-case file). Raises InputError (a LicentiaError) on bad input, like the CLI."""
    if kind is RunKind.IDENTIFY:
        return identify_document(path, shown)
    if kind is RunKind.REVIEW:
        if use_case is None:
            raise InputError("a review needs a use case", key="use_case")
        return review_document(path, shown, use_case)
    if kind is RunKind.SCAN:
        raise InputError("a scan result is read, not analysed: registry.scanned", key="kind")
    return check_document(path, shown)
