# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage compliance: every model of a dump against the licenses of its ancestors, by check's
rules (hub.rules), plus what the data itself gets wrong. Each finding names the model, the
ancestor that introduced the license (or problem), the parent it came through, and quotes the
clause. Evaluations are shared by models in the same situation; `evaluate_all` is the step a
Ray runner distributes."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from licentia.analysis.check.duties import name_begins_with, name_prefixes
from licentia.analysis.findings import Evidence, Severity
from licentia.hub.graph import Tree, Upstream, load_tree, propagate, via
from licentia.hub.ingest import Dump
from licentia.hub.licenses import Status
from licentia.hub.rules import (
    MODEL,
    RuleFinding,
    Situation,
    evaluate,
    situation,
    synthetic_name,
    upstream_id,
)

FORMAT_VERSION = 1
Evaluator = Callable[[list[Situation]], dict[Situation, tuple[RuleFinding, ...]]]


class HubCode(StrEnum):
    """Finding codes lineage adds to check's (docs/cli-contract.md)."""

    LICENSE_DRIFT = "license-drift"
    SELF_REFERENCE = "self-reference"
    CYCLE = "cycle"
    TRUNCATED_MERGE_LIST = "truncated-merge-list"
    OTHER_WITHOUT_NAME = "other-without-name"
    UNKNOWN_LICENSE = "unknown-license"  # check's code, for a license the data leaves open


class Scope(StrEnum):
    EDGE = "edge"  # between a model and its base model
    PATH = "path"  # from an ancestor further up
    DATA = "data"  # the dump itself


@dataclass(frozen=True)
class LineageFinding:
    model: str
    code: str
    severity: Severity
    scope: Scope
    message: str
    ancestor: str | None = None  # who introduced the license or problem
    parent: str | None = None  # the base model it came through
    licenses: tuple[str, ...] = ()  # the upstream license(s), then the model's own
    evidence: tuple[Evidence, ...] = ()
    actions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"model": self.model, "code": self.code, "severity": self.severity.value,
                "scope": self.scope.value, "ancestor": self.ancestor, "parent": self.parent,
                "licenses": list(self.licenses), "message": self.message,
                "evidence": [e.to_json() for e in self.evidence],
                "actions": list(self.actions)}


@dataclass(frozen=True)
class Lineage:
    """Findings for a dump, and the counts a summary needs."""

    dump: Dump
    models: int
    edges: int
    edges_checked: int  # both licenses known
    situations: int  # distinct evaluations run
    findings: tuple[LineageFinding, ...]
    verdicts: dict[str, str] = field(default_factory=dict)  # model -> conflict|review|ok
    tree: Tree | None = field(default=None, compare=False, repr=False)

    def counts(self) -> dict[str, dict[str, int]]:
        by: dict[str, Counter[str]] = {}
        for f in self.findings:
            by.setdefault(f.code, Counter())[f.severity.value] += 1
        return {code: dict(c) for code, c in sorted(by.items())}


def evaluate_local(situations: list[Situation]) -> dict[Situation, tuple[RuleFinding, ...]]:
    return {s: evaluate(s) for s in situations}


_UNKNOWN_WHY = {
    Status.MISSING: "declares no license",
    Status.OTHER_UNNAMED: "declares `other` without naming the license",
    Status.OTHER_NAMED: "declares `other` with a name or link licentia does not know",
    Status.FAMILY: "declares a license family tag that does not say which license",
    Status.NOT_IN_CATALOG: "declares a license licentia has no terms for",
    Status.UNKNOWN_TAG: "declares a license tag licentia does not know",
}


def _why(t: Tree, i: int) -> str:
    lic = t.licenses[i]
    if not t.in_dump[i]:
        return "is not in the dump, so its license is not known"
    tag = f" ({lic.tag})" if lic.tag else ""
    return _UNKNOWN_WHY[lic.status] + tag


def _data_findings(t: Tree) -> list[LineageFinding]:
    out = [LineageFinding(t.ids[i], HubCode.SELF_REFERENCE, Severity.WARNING, Scope.DATA,
                          f"{t.ids[i]} names itself as its base model", ancestor=t.ids[i])
           for i in t.self_references]
    for comp in t.cycles:
        names = [t.ids[i] for i in comp]
        for i in comp:
            out.append(LineageFinding(
                t.ids[i], HubCode.CYCLE, Severity.WARNING, Scope.DATA,
                f"{t.ids[i]} is in a base-model cycle: {' -> '.join(names)}; its lineage "
                "inside the cycle is not checked", ancestor=names[0]))
    for i, edges in enumerate(t.parents):
        for e in edges:
            if e.truncated:
                out.append(LineageFinding(
                    t.ids[i], HubCode.TRUNCATED_MERGE_LIST, Severity.WARNING, Scope.DATA,
                    f"{t.ids[i]}'s base_model list was cut to its first item "
                    f"({t.ids[e.parent]}): other parents are missing, so their licenses are "
                    "not checked", parent=t.ids[e.parent]))
                break
        lic = t.licenses[i]
        if lic.status is Status.OTHER_UNNAMED and lic.tag.lower() == "other":
            out.append(LineageFinding(
                t.ids[i], HubCode.OTHER_WITHOUT_NAME, Severity.WARNING, Scope.DATA,
                f"{t.ids[i]} declares license `other` without license_name or license_link: "
                "no license can be read"))
    return out


def _situations(t: Tree, up: list[dict[str, Upstream]]) -> dict[int, Situation]:
    """Each model's situation; models sharing a license, an upstream mapping and the naming
    prefixes their names meet share one."""
    out: dict[int, Situation] = {}
    prefixes: dict[tuple[str, int], tuple[str, ...]] = {}
    shared: dict[tuple[str, int, tuple[str, ...]], Situation] = {}
    for i in t.order:
        key = t.licenses[i].key
        ups = up[i]
        if key is None or not ups:
            continue
        pk = (key, id(ups))
        wanted = prefixes.get(pk)
        if wanted is None:
            wanted = prefixes[pk] = tuple(sorted(
                {p for k in (key, *ups) for p in name_prefixes(k)}))
        named = tuple(p for p in wanted if name_begins_with(t.name(i), p))
        sk = (key, id(ups), named)
        s = shared.get(sk)
        if s is None:
            s = shared[sk] = situation(key, {k: u.distilled for k, u in ups.items()},
                                       t.name(i))
        out[i] = s
    return out


def _given(t: Tree, i: int, s: Situation, rf: RuleFinding,
           up: list[dict[str, Upstream]]) -> LineageFinding:
    """A shared evaluation's finding, for one model."""
    ups = up[i]
    msg = rf.message.replace(repr(synthetic_name(s)), repr(t.name(i))).replace(MODEL, t.ids[i])
    for k in rf.upstream:
        msg = msg.replace(upstream_id(k), t.ids[ups[k].origin])
    parent, direct = via(t, up, i, rf.upstream[0])
    direct = direct or any(via(t, up, i, k)[1] for k in rf.upstream[1:])
    return LineageFinding(t.ids[i], rf.code, rf.severity,
                          Scope.EDGE if direct else Scope.PATH, msg,
                          ancestor=t.ids[ups[rf.upstream[0]].origin], parent=t.ids[parent],
                          licenses=(*rf.upstream, s.license), evidence=rf.evidence,
                          actions=rf.actions)


def _unknown(t: Tree, i: int, up: list[dict[str, Upstream]]) -> list[LineageFinding]:
    """Edges the data leaves open: an unknown base-model license, or a model without one."""
    out = []
    me = t.licenses[i]
    ups = up[i]
    for e in t.parents[i]:
        if t.licenses[e.parent].key is None:
            sev = Severity.WARNING if t.in_dump[e.parent] else Severity.INFO
            out.append(LineageFinding(
                t.ids[i], HubCode.UNKNOWN_LICENSE, sev, Scope.EDGE,
                f"base model {t.ids[e.parent]} {_why(t, e.parent)}: this edge cannot be "
                "checked", ancestor=t.ids[e.parent], parent=t.ids[e.parent],
                licenses=(t.licenses[e.parent].label, me.label)))
    if me.key is None and ups:
        keys = sorted(ups)
        first = ups[keys[0]]
        out.append(LineageFinding(
            t.ids[i], HubCode.UNKNOWN_LICENSE, Severity.WARNING, Scope.EDGE,
            f"{t.ids[i]} {_why(t, i)}, but derives from material under "
            f"{', '.join(keys)} (from {t.ids[first.origin]}): those terms bind it and cannot "
            "be checked against its own", ancestor=t.ids[first.origin],
            parent=t.ids[via(t, up, i, keys[0])[0]], licenses=(*keys, me.label)))
    return out


def _drift(t: Tree, i: int, flagged: set[str], up: dict[str, Upstream]) -> list[LineageFinding]:
    """A base model's license changed without a rule objecting: said, as information."""
    me = t.licenses[i].key
    out = []
    for e in t.parents[i]:
        k = t.licenses[e.parent].key
        if k is None or me is None or k == me or k in flagged:
            continue
        out.append(LineageFinding(
            t.ids[i], HubCode.LICENSE_DRIFT, Severity.INFO, Scope.EDGE,
            f"{t.ids[i]} ({me}) changes the license of its base model {t.ids[e.parent]} ({k}); "
            f"{k}'s terms allow it, and still apply to the material from "
            f"{t.ids[up[k].origin] if k in up else t.ids[e.parent]}",
            ancestor=t.ids[up[k].origin] if k in up else t.ids[e.parent],
            parent=t.ids[e.parent], licenses=(k, me)))
    return out


def _verdicts(findings: Iterable[LineageFinding]) -> dict[str, str]:
    out: dict[str, str] = {}
    rank = {"ok": 0, "review": 1, "conflict": 2}
    for f in findings:
        v = "conflict" if f.severity is Severity.ERROR else \
            "review" if f.severity is Severity.WARNING else "ok"
        if rank[v] > rank[out.get(f.model, "ok")]:
            out[f.model] = v
        else:
            out.setdefault(f.model, "ok")
    return out


def lineage(dump: Dump, evaluator: Evaluator = evaluate_local) -> Lineage:
    """Check every model of an ingested dump against its ancestry."""
    with dump.connect() as con:
        t = load_tree(con)
    up = propagate(t)
    sits = _situations(t, up)
    results = evaluator(sorted(set(sits.values()), key=repr))
    findings = _data_findings(t)
    checked = 0
    for i in t.order:
        edges = t.parents[i]
        if not edges:
            continue
        checked += sum(t.licenses[i].key is not None and t.licenses[e.parent].key is not None
                       for e in edges)
        flagged: set[str] = set()
        s = sits.get(i)
        for rf in results.get(s, ()) if s is not None else ():
            f = _given(t, i, s, rf, up)  # type: ignore[arg-type]
            findings.append(f)
            if f.severity is not Severity.INFO:
                flagged.update(rf.upstream)
        findings += _unknown(t, i, up)
        findings += _drift(t, i, flagged, up[i])
    edges_total = sum(len(p) for p in t.parents) + len(t.self_references)
    return Lineage(dump, len(t.ids), edges_total, checked, len(results), tuple(findings),
                   _verdicts(findings), t)
