# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""An organization's license policy: allow / review / deny lists of licenses, use-restriction
ids and finding codes, turning what `check` found into policy results."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from licentia.analysis.findings import Code, Finding
from licentia.analysis.manifest import resolve_license
from licentia.analysis.profile import WITH, profile
from licentia.catalog.taxonomy import taxonomy
from licentia.errors import InputError, LicentiaError
from licentia.suggest import hint
from licentia.userfile import Problem, ProblemsError, parse_yaml, read_user_text

Subject = Literal["license", "restriction", "finding"]


class Decision(StrEnum):
    ALLOW = "allow"
    REVIEW = "review"
    DENY = "deny"


class PolicyVerdict(StrEnum):
    PASS = "pass"
    REVIEW = "review"
    FAIL = "fail"


@dataclass(frozen=True)
class Rules:
    """One list family: what is allowed, needs review, is denied; and the default."""

    allow: frozenset[str] = frozenset()
    review: frozenset[str] = frozenset()
    deny: frozenset[str] = frozenset()
    default: Decision | None = None

    def decide(self, item: str) -> Decision:
        if item in self.deny:
            return Decision.DENY
        if item in self.review:
            return Decision.REVIEW
        if item in self.allow:
            return Decision.ALLOW
        if self.default is not None:
            return self.default
        # an allow list means "only these": anything else goes to review
        return Decision.REVIEW if self.allow else Decision.ALLOW


@dataclass(frozen=True)
class Policy:
    licenses: Rules = Rules()
    restrictions: Rules = Rules()
    findings: Rules = Rules()
    path: str | None = None


@dataclass(frozen=True)
class PolicyResult:
    subject: Subject
    item: str
    decision: Decision
    components: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class PolicyReport:
    verdict: PolicyVerdict
    results: tuple[PolicyResult, ...]
    path: str | None = None


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _RawRules(_Strict):
    allow: list[str] = []
    review: list[str] = []
    deny: list[str] = []
    default: Decision | None = None


class _RawPolicy(_Strict):
    description: str | None = None
    licenses: _RawRules = _RawRules()
    restrictions: _RawRules = _RawRules()
    findings: _RawRules = _RawRules()


def parse_policy(text: str, source: str = "policy.yaml") -> Policy:
    """Parse and validate a policy file; ProblemsError-style problems name file and key."""
    data = parse_yaml(text, source)  # bounded: size, depth, aliases, unique keys
    if not isinstance(data, dict):
        raise InputError("a policy must be a mapping (licenses / restrictions / findings)",
                         path=source)
    try:
        raw = _RawPolicy.model_validate(data)
    except ValidationError as exc:
        raise ProblemsError([Problem(".".join(str(p) for p in err["loc"]),
                                     "unknown key" if err["type"] == "extra_forbidden"
                                     else err["msg"]) for err in exc.errors()], source) from exc
    problems: list[Problem] = []
    licenses = _rules(raw.licenses, "licenses", _license_keys, problems)
    known = set(taxonomy())
    restrictions = _rules(raw.restrictions, "restrictions",
                          lambda s: {s} if s in known else _bad(s, sorted(known)), problems)
    codes = {c.value for c in Code}
    findings = _rules(raw.findings, "findings",
                      lambda s: {s} if s in codes else _bad(s, sorted(codes)), problems)
    if problems:
        raise ProblemsError(problems, source)
    return Policy(licenses, restrictions, findings, source)


def load_policy(path: Path) -> Policy:
    return parse_policy(read_user_text(path, "policy file"), str(path))


def _bad(item: str, known: list[str]) -> set[str]:
    raise InputError(f"unknown id {item!r}" + hint(item, known))


def _license_keys(ref: str) -> set[str]:
    """The licenses a list item names: one license, each license of an SPDX expression, or a
    license as its WITH exception modifies it."""
    found = resolve_license(ref)
    if found.unknown:
        raise InputError(f"{ref!r} names no license")
    return set(found.keys)


def _rules(raw: _RawRules, name: str, normalize: Any, problems: list[Problem]) -> Rules:
    lists: dict[str, set[str]] = {}
    for field in ("allow", "review", "deny"):
        items: set[str] = set()
        for i, item in enumerate(getattr(raw, field)):
            try:
                items.update(normalize(item))
            except LicentiaError as exc:
                problems.append(Problem(f"{name}.{field}[{i}]", exc.message))
        lists[field] = items
    return Rules(frozenset(lists["allow"]), frozenset(lists["review"]),
                 frozenset(lists["deny"]), raw.default)


def apply_policy(policy: Policy, licenses: Mapping[str, Iterable[str]],
                 findings: Iterable[Finding]) -> PolicyReport:
    """Decide every license in use (license -> components), every use restriction those
    licenses carry, and every finding code raised."""
    results: list[PolicyResult] = []
    restriction_users: dict[str, dict[str, None]] = {}
    for key, comps in licenses.items():
        comps = tuple(dict.fromkeys(comps))
        decision = _decide_license(policy.licenses, key)
        p = profile(key)
        results.append(PolicyResult("license", key, decision, comps,
                                    _why("license", key, decision, policy.licenses)))
        ids = set(p.restriction_taxonomy)
        if p.non_commercial is not None:
            ids.add("non-commercial")
        if p.thresholds:
            ids.add("user-threshold")
        for rid in ids:
            restriction_users.setdefault(rid, {}).update(dict.fromkeys(comps))
    for rid, comps_d in sorted(restriction_users.items()):
        decision = policy.restrictions.decide(rid)
        results.append(PolicyResult("restriction", rid, decision, tuple(comps_d),
                                    _why("restriction", rid, decision, policy.restrictions)))
    seen: dict[str, dict[str, None]] = {}
    for f in findings:
        if f.extra.get("triggered", True):
            seen.setdefault(f.code, {}).update(dict.fromkeys(f.components))
    for code, comps_d in sorted(seen.items()):
        # findings are judged only when the policy names them
        if code in policy.findings.allow | policy.findings.review | policy.findings.deny \
                or policy.findings.default is not None:
            decision = policy.findings.decide(code)
            results.append(PolicyResult("finding", code, decision, tuple(comps_d),
                                        _why("finding", code, decision, policy.findings)))
    order = {Decision.DENY: 0, Decision.REVIEW: 1, Decision.ALLOW: 2}
    results.sort(key=lambda r: (order[r.decision], r.subject, r.item))
    if any(r.decision is Decision.DENY for r in results):
        verdict = PolicyVerdict.FAIL
    elif any(r.decision is Decision.REVIEW for r in results):
        verdict = PolicyVerdict.REVIEW
    else:
        verdict = PolicyVerdict.PASS
    return PolicyReport(verdict, tuple(results), policy.path)


def _decide_license(rules: Rules, key: str) -> Decision:
    """A license modified by a WITH exception is decided as listed, else as the license it
    modifies (a policy naming GPL-2.0-only covers GPL-2.0-only WITH an exception)."""
    listed = rules.allow | rules.review | rules.deny
    if WITH in key and key not in listed:
        return rules.decide(key.split(WITH, 1)[0])
    return rules.decide(key)


def _why(subject: str, item: str, decision: Decision, rules: Rules) -> str:
    listed = {Decision.DENY: rules.deny, Decision.REVIEW: rules.review,
              Decision.ALLOW: rules.allow}[decision]
    if item in listed:
        return f"on the policy's {subject} {decision.value} list"
    if WITH in item and item.split(WITH, 1)[0] in listed:
        return (f"the license it modifies is on the policy's {subject} {decision.value} list "
                "(the exception is not listed)")
    if rules.default is not None:
        return f"the policy's default for {subject}s"
    return (f"not on the policy's {subject} allow list" if decision is Decision.REVIEW
            else f"no {subject} rule applies")
