# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage findings grouped: a `Block` is one kind of finding (one rule finding of one
situation, one data defect, ...) for many models, held as arrays (model, ancestor, parent,
scope). The blocks are built with numpy over the whole tree; `materialize` makes the
`LineageFinding` of one row, with its message, when an output needs it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import numpy as np

from licentia.analysis.findings import Evidence, Severity
from licentia.hub.graph import Bools, Ints, Tree, via
from licentia.hub.licenses import Status
from licentia.hub.rules import MODEL, RuleFinding, Situation, synthetic_name, upstream_id

_BIG = 1 << 40  # data findings: self-references, then cycles, then model by model
_UNKNOWN_EDGE, _UNKNOWN_SELF, _DRIFT = 1_000_000, 2_000_000, 3_000_000  # order in a model


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


@dataclass(frozen=True, eq=False)
class Block:
    """One kind of finding, one row per model. `sub` orders rows within a model (or, for data
    findings, among them); `edge` is the scope of a rule finding's row (edge or path)."""

    kind: str
    code: str
    severity: Severity
    model: Ints
    sub: Ints
    ancestor: Ints | None = None
    parent: Ints | None = None
    edge: Bools | None = None
    rule: tuple[Situation, RuleFinding] | None = None
    data: bool = False

    def __len__(self) -> int:
        return int(self.model.size)

    @property
    def licenses(self) -> tuple[str, ...]:
        """A rule finding's licenses: the upstream one(s), then the model's own."""
        if self.rule is None:
            return ()
        s, rf = self.rule
        return (*rf.upstream, s.license)


def _origins(t: Tree, nodes: Ints, keys: Ints | str) -> Ints:
    """Per node, the ancestor that introduced a license (-1 when it does not reach it)."""
    width = len(t.keys) + 1
    kcode = np.full(nodes.size, t.keys.index(keys), np.int64) if isinstance(keys, str) \
        else keys
    pair = t.upid[nodes] * width + kcode
    uniq, inv = np.unique(pair, return_inverse=True)
    got = [t.maps[int(u) // width].get(t.keys[int(u) % width]) for u in uniq.tolist()]
    return np.array([-1 if g is None else g.origin for g in got], np.int64)[inv]


def _reaches(t: Tree, upids: Ints, key: int) -> Bools:
    """Whether a license reaches through each of these mappings."""
    uniq, inv = np.unique(upids, return_inverse=True)
    return np.array([t.keys[key] in t.maps[u] for u in uniq.tolist()], bool)[inv]


def _via(t: Tree, nodes: Ints, key: str) -> tuple[Ints, Bools]:
    """hub.graph.via for many nodes: the parent a license comes through (the first whose own
    license it is, else the first it reaches through, else the first), and whether it is that
    parent's own."""
    kc = t.keys.index(key)
    parent = t.first_parent[nodes].copy()
    direct = t.key[parent] == kc
    multi = np.flatnonzero(t.nparents[nodes] > 1)
    if multi.size:
        counts = t.nparents[nodes[multi]]
        seg = np.cumsum(counts) - counts
        local = np.arange(int(counts.sum())) - np.repeat(seg, counts)
        edge = np.repeat(t.pstart[nodes[multi]], counts) + local
        ep = t.parent[edge]
        score = np.where(t.key[ep] == kc, 0, np.where(_reaches(t, t.upid[ep], kc), 1, 2))
        best = np.minimum.reduceat(score * (1 << 32) + local, seg)
        parent[multi] = t.parent[t.pstart[nodes[multi]] + (best & 0xFFFFFFFF)]
        direct[multi] = (best >> 32) == 0
    return parent, direct


def rule_blocks(t: Tree, sits: list[Situation], sit: Ints,
                results: list[tuple[RuleFinding, ...]]) -> tuple[list[Block], Bools]:
    """A block per situation and rule finding; and, per situation and license, whether a
    conflict or warning concerns it (drift is then not said)."""
    flagged = np.zeros((len(sits) + 1, len(t.keys) + 1), bool)
    order = np.argsort(sit, kind="stable")
    bounds = np.searchsorted(sit[order], np.arange(len(sits) + 1))
    out = []
    for n, (s, found) in enumerate(zip(sits, results, strict=True)):
        models = order[bounds[n]:bounds[n + 1]]
        for j, rf in enumerate(found):
            parent, direct = _via(t, models, rf.upstream[0])
            for k in rf.upstream[1:]:
                direct = direct | _via(t, models, k)[1]
            out.append(Block("rule", rf.code, rf.severity, models,
                             np.full(models.size, j, np.int64),
                             _origins(t, models, rf.upstream[0]), parent, direct, (s, rf)))
            if rf.severity is not Severity.INFO:
                flagged[n, [t.keys.index(k) for k in rf.upstream]] = True
    return out, flagged


def unknown_blocks(t: Tree) -> list[Block]:
    """Edges the data leaves open: an unknown base-model license, or a model without one."""
    c, p = t.child, t.parent
    rank = _UNKNOWN_EDGE + np.arange(c.size) - t.pstart[c]
    unknown = t.key[p] < 0
    ghost = p >= t.models
    out = [Block("unknown-edge", HubCode.UNKNOWN_LICENSE, sev, c[m], rank[m], p[m], p[m])
           for sev, m in ((Severity.WARNING, unknown & ~ghost), (Severity.INFO, unknown & ghost))]
    me = np.flatnonzero((t.key < 0) & (t.upid > 0))
    out.append(Block("unknown-self", HubCode.UNKNOWN_LICENSE, Severity.WARNING, me,
                     np.full(me.size, _UNKNOWN_SELF, np.int64)))
    return out


def drift_blocks(t: Tree, sit: Ints, flagged: Bools) -> list[Block]:
    """A base model's license changed without a rule objecting: said, as information."""
    c, p = t.child, t.parent
    kp, kc = t.key[p], t.key[c]
    m = (kp >= 0) & (kc >= 0) & (kp != kc)
    m &= ~flagged[np.where(sit[c] >= 0, sit[c], -1), kp]
    anc = _origins(t, c[m], kp[m])
    anc = np.where(anc >= 0, anc, p[m])
    rank = _DRIFT + np.arange(c.size) - t.pstart[c]
    return [Block("drift", HubCode.LICENSE_DRIFT, Severity.INFO, c[m], rank[m], anc, p[m])]


def data_blocks(t: Tree) -> list[Block]:
    """Self-references, cycles, truncated merge lists, `other` without a name."""
    selfref = np.array(t.self_references, np.int64)
    cyc = np.array([i for comp in t.cycles for i in comp], np.int64)
    cyc_of = np.array([n for n, comp in enumerate(t.cycles) for _ in comp], np.int64)
    cut = np.flatnonzero(t.truncated)
    cut_child, first = np.unique(t.child[cut], return_index=True)
    other = [n for n, lic in enumerate(t.licenses)
             if lic.status is Status.OTHER_UNNAMED and lic.tag.lower() == "other"]
    unnamed = np.flatnonzero(np.isin(t.lic, other))
    w = Severity.WARNING
    return [
        Block("self-reference", HubCode.SELF_REFERENCE, w, selfref, np.arange(selfref.size),
              data=True),
        Block("cycle", HubCode.CYCLE, w, cyc, _BIG + np.arange(cyc.size), parent=cyc_of,
              data=True),
        Block("truncated", HubCode.TRUNCATED_MERGE_LIST, w, cut_child, 2 * _BIG + 2 * cut_child,
              parent=t.parent[cut][first], data=True),
        Block("other", HubCode.OTHER_WITHOUT_NAME, w, unnamed, 2 * _BIG + 2 * unnamed + 1,
              data=True),
    ]


_UNKNOWN_WHY = {
    Status.MISSING: "declares no license",
    Status.OTHER_UNNAMED: "declares `other` without naming the license",
    Status.OTHER_NAMED: "declares `other` with a name or link licentia does not know",
    Status.FAMILY: "declares a license family tag that does not say which license",
    Status.NOT_IN_CATALOG: "declares a license licentia has no terms for",
    Status.UNKNOWN_TAG: "declares a license tag licentia does not know",
}


def _why(t: Tree, i: int) -> str:
    lic = t.license(i)
    if not t.in_dump(i):
        return "is not in the dump, so its license is not known"
    tag = f" ({lic.tag})" if lic.tag else ""
    return _UNKNOWN_WHY[lic.status] + tag


def _arr(a: Ints | None, j: int) -> int:
    assert a is not None
    return int(a[j])


def materialize(t: Tree, b: Block, j: int) -> LineageFinding:
    """Row `j` of a block as a finding."""
    i = int(b.model[j])
    ids = t.ids
    me = ids[i]
    if b.kind == "rule":
        assert b.rule is not None and b.edge is not None
        s, rf = b.rule
        ups = t.upstream(i)
        msg = rf.message.replace(repr(synthetic_name(s)), repr(t.name(i))).replace(MODEL, me)
        for k in rf.upstream:
            msg = msg.replace(upstream_id(k), ids[ups[k].origin])
        return LineageFinding(me, rf.code, rf.severity,
                              Scope.EDGE if b.edge[j] else Scope.PATH, msg,
                              ancestor=ids[_arr(b.ancestor, j)], parent=ids[_arr(b.parent, j)],
                              licenses=b.licenses, evidence=rf.evidence, actions=rf.actions)
    if b.kind == "unknown-edge":
        p = _arr(b.parent, j)
        return LineageFinding(me, b.code, b.severity, Scope.EDGE,
                              f"base model {ids[p]} {_why(t, p)}: this edge cannot be checked",
                              ancestor=ids[p], parent=ids[p],
                              licenses=(t.license(p).label, t.license(i).label))
    if b.kind == "unknown-self":
        ups = t.upstream(i)
        keys = sorted(ups)
        first = ids[ups[keys[0]].origin]
        return LineageFinding(
            me, b.code, b.severity, Scope.EDGE,
            f"{me} {_why(t, i)}, but derives from material under {', '.join(keys)} (from "
            f"{first}): those terms bind it and cannot be checked against its own",
            ancestor=first, parent=ids[via(t, i, keys[0])[0]],
            licenses=(*keys, t.license(i).label))
    if b.kind == "drift":
        p, anc = _arr(b.parent, j), ids[_arr(b.ancestor, j)]
        k, mine = t.keys[int(t.key[p])], t.keys[int(t.key[i])]
        return LineageFinding(
            me, b.code, b.severity, Scope.EDGE,
            f"{me} ({mine}) changes the license of its base model {ids[p]} ({k}); {k}'s terms "
            f"allow it, and still apply to the material from {anc}",
            ancestor=anc, parent=ids[p], licenses=(k, mine))
    return _data_finding(t, b, j, i)


def _data_finding(t: Tree, b: Block, j: int, i: int) -> LineageFinding:
    me = t.ids[i]
    if b.kind == "self-reference":
        msg, anc, parent = f"{me} names itself as its base model", me, None
    elif b.kind == "cycle":
        names = [t.ids[m] for m in t.cycles[_arr(b.parent, j)]]
        msg = (f"{me} is in a base-model cycle: {' -> '.join(names)}; its lineage inside the "
               "cycle is not checked")
        anc, parent = names[0], None
    elif b.kind == "truncated":
        parent = t.ids[_arr(b.parent, j)]
        msg = (f"{me}'s base_model list was cut to its first item ({parent}): other parents "
               "are missing, so their licenses are not checked")
        anc = None
    else:
        msg = (f"{me} declares license `other` without license_name or license_link: no "
               "license can be read")
        anc, parent = None, None
    return LineageFinding(me, b.code, b.severity, Scope.DATA, msg, ancestor=anc, parent=parent)
