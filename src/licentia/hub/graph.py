# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The model tree of an ingested dump: nodes with their declared licenses, edges to base models,
the defects of the data (self-references, cycles, truncated merge lists), and, in upstream-first
order, every license reaching each model with the ancestor that introduced it."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import duckdb

from licentia.hub.licenses import HubLicense, resolve_hub_license

DERIVATIVE_RELATIONS = ("finetune", "adapter", "merge", "quantize")


@dataclass(frozen=True)
class Edge:
    parent: int
    relation: str
    relation_given: bool
    truncated: bool


@dataclass(frozen=True)
class Upstream:
    """A license reaching a model: the ancestor that introduced it (the farthest one carrying it
    on the path), the direct parent it comes through, whether only outputs reach the model (a
    distillation on the path), and whether it is that parent's own license."""

    origin: int
    parent: int
    distilled: bool
    direct: bool


@dataclass
class Tree:
    ids: list[str]
    index: dict[str, int]
    licenses: list[HubLicense]
    in_dump: list[bool]
    parents: list[list[Edge]]
    downloads: list[int | None]
    pipeline: list[str | None]
    self_references: list[int] = field(default_factory=list)
    cycles: list[list[int]] = field(default_factory=list)
    order: list[int] = field(default_factory=list)  # upstream first, cycle edges dropped

    def name(self, i: int) -> str:
        """The model's name without its owner (what naming clauses read)."""
        return self.ids[i].rsplit("/", 1)[-1]


def load_tree(con: duckdb.DuckDBPyConnection) -> Tree:
    rows = con.execute("SELECT id, license, license_name, license_link, downloads, "
                       "pipeline_tag FROM models ORDER BY id").fetchall()
    ids = [r[0] for r in rows]
    index = {m: i for i, m in enumerate(ids)}
    licenses = [resolve_hub_license(r[1], r[2], r[3]) for r in rows]
    t = Tree(ids, index, licenses, [True] * len(ids), [[] for _ in ids],
             [r[4] for r in rows], [r[5] for r in rows])
    missing = resolve_hub_license(None)
    for child, parent, relation, given, truncated in con.execute(
            "SELECT child, parent, relation, relation_given, truncated FROM edges "
            "ORDER BY child, parent").fetchall():
        c = index[child]
        p = index.get(parent)
        if p is None:  # a base model the dump does not describe
            p = index[parent] = len(ids)
            ids.append(parent)
            licenses.append(missing)
            t.in_dump.append(False)
            t.parents.append([])
            t.downloads.append(None)
            t.pipeline.append(None)
        if p == c:
            t.self_references.append(c)
            continue
        t.parents[c].append(Edge(p, relation, bool(given), bool(truncated)))
    _order(t)
    return t


def _children(t: Tree) -> list[list[int]]:
    kids: list[list[int]] = [[] for _ in t.ids]
    for c, edges in enumerate(t.parents):
        for e in edges:
            kids[e.parent].append(c)
    return kids


def _kahn(t: Tree, kids: list[list[int]]) -> list[int]:
    need = [len(p) for p in t.parents]
    queue = deque(i for i, n in enumerate(need) if n == 0)
    order: list[int] = []
    while queue:
        i = queue.popleft()
        order.append(i)
        for k in kids[i]:
            need[k] -= 1
            if need[k] == 0:
                queue.append(k)
    return order


def _components(nodes: set[int], t: Tree) -> list[list[int]]:
    """Strongly connected components (of more than one model) among `nodes` (Tarjan,
    iterative: chains can be long)."""
    counter, index, low = 0, {}, {}
    stack: list[int] = []
    on: set[int] = set()
    out: list[list[int]] = []
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, 0)]
        while work:
            v, i = work.pop()
            if i == 0:
                index[v] = low[v] = counter
                counter += 1
                stack.append(v)
                on.add(v)
            edges = [e.parent for e in t.parents[v] if e.parent in nodes]
            if i < len(edges):
                work.append((v, i + 1))
                w = edges[i]
                if w not in index:
                    work.append((w, 0))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            for w in edges:
                if w in on:
                    low[v] = min(low[v], low[w])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def _order(t: Tree) -> None:
    """Upstream-first order; edges inside a cycle are recorded and dropped."""
    kids = _children(t)
    order = _kahn(t, kids)
    if len(order) < len(t.ids):
        done = set(order)
        t.cycles = _components({i for i in range(len(t.ids)) if i not in done}, t)
        member = {i: n for n, comp in enumerate(t.cycles) for i in comp}
        for i, n in member.items():
            t.parents[i] = [e for e in t.parents[i] if member.get(e.parent) != n]
        order = _kahn(t, _children(t))
    t.order = order


def propagate(t: Tree) -> list[dict[str, Upstream]]:
    """Every known license reaching each model from upstream, upstream first."""
    up: list[dict[str, Upstream]] = [{} for _ in t.ids]
    for i in t.order:
        got: dict[str, Upstream] = {}
        for e in t.parents[i]:
            distill = e.relation == "distill"
            key = t.licenses[e.parent].key
            sources = list(up[e.parent].items())
            for k, u in sources:
                _keep(got, k, Upstream(u.origin, e.parent, distill or u.distilled,
                                       k == key))
            if key is not None and key not in up[e.parent]:
                _keep(got, key, Upstream(e.parent, e.parent, distill, True))
        up[i] = got
    return up


def _keep(got: dict[str, Upstream], key: str, new: Upstream) -> None:
    """Of two paths bringing one license, the stronger (not only outputs), then a direct one."""
    old = got.get(key)
    if old is None or (old.distilled and not new.distilled) or \
            (old.distilled == new.distilled and new.direct and not old.direct):
        got[key] = new
