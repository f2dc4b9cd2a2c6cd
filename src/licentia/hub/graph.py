# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The model tree of an ingested dump: nodes with their declared licenses, edges to base models,
the defects of the data (self-references, cycles, truncated merge lists), and, in upstream-first
order, every license reaching each model with the ancestor that introduced it."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import NamedTuple

import duckdb

from licentia.hub.licenses import HubLicense, resolve_hub_license

DERIVATIVE_RELATIONS = ("finetune", "adapter", "merge", "quantize")


class Edge(NamedTuple):  # a tuple: a million-model tree holds millions of them
    parent: int
    relation: str
    relation_given: bool
    truncated: bool


class Upstream(NamedTuple):
    """A license reaching a model: the ancestor that introduced it (the farthest one carrying it
    on the path) and whether only outputs reach the model (a distillation on the path)."""

    origin: int
    distilled: bool


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
    m = con.sql("SELECT id, license, license_name, license_link, downloads, pipeline_tag "
                "FROM models ORDER BY id").to_arrow_table().to_pydict()
    ids: list[str] = m["id"]
    index = {mid: i for i, mid in enumerate(ids)}
    resolved: dict[tuple[str | None, str | None, str | None], HubLicense] = {}
    licenses = []
    for lic in zip(m["license"], m["license_name"], m["license_link"], strict=True):
        got = resolved.get(lic)
        if got is None:
            got = resolved[lic] = resolve_hub_license(*lic)
        licenses.append(got)
    n = len(ids)
    t = Tree(ids, index, licenses, [True] * n, [[] for _ in range(n)], m["downloads"],
             m["pipeline_tag"])
    missing = resolve_hub_license(None)
    e = con.sql("SELECT child, parent, relation, relation_given, truncated FROM edges "
                "ORDER BY child, parent").to_arrow_table().to_pydict()
    for child, parent, relation, given, truncated in zip(
            e["child"], e["parent"], e["relation"], e["relation_given"], e["truncated"],
            strict=True):
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


def _kahn(t: Tree, kids: list[list[int]], nodes: set[int] | None = None) -> list[int]:
    """Upstream-first order of all models, or of `nodes` (whose parents outside are done)."""
    if nodes is None:
        need = [len(p) for p in t.parents]
        queue = deque(i for i, n in enumerate(need) if n == 0)
    else:
        need = [0] * len(t.parents)
        for i in nodes:
            need[i] = sum(e.parent in nodes for e in t.parents[i])
        queue = deque(i for i in sorted(nodes) if need[i] == 0)
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
        rest = {i for i in range(len(t.ids)) if i not in done}
        t.cycles = _components(rest, t)
        member = {i: n for n, comp in enumerate(t.cycles) for i in comp}
        for i, n in member.items():
            t.parents[i] = [e for e in t.parents[i] if member.get(e.parent) != n]
        for i in rest:  # children inside the rest, without the dropped cycle edges
            comp = member.get(i)
            kids[i] = [k for k in kids[i]
                       if k in rest and (comp is None or member.get(k) != comp)]
        order += _kahn(t, kids, rest)
    t.order = order


def propagate(t: Tree) -> list[dict[str, Upstream]]:
    """Every known license reaching each model from upstream, upstream first. Models down a
    chain that brings no new license share their parent's mapping (one object, not a copy)."""
    empty: dict[str, Upstream] = {}
    up: list[dict[str, Upstream]] = [empty] * len(t.ids)
    for i in t.order:
        edges = t.parents[i]
        if not edges:
            continue
        if len(edges) == 1 and edges[0].relation != "distill":
            p = edges[0].parent
            key = t.licenses[p].key
            if key is None or key in up[p]:
                up[i] = up[p]
            else:
                up[i] = {**up[p], key: Upstream(p, False)}
            continue
        got: dict[str, Upstream] = {}
        for e in edges:
            distill = e.relation == "distill"
            for k, u in up[e.parent].items():
                _keep(got, k, Upstream(u.origin, distill or u.distilled))
            key = t.licenses[e.parent].key
            if key is not None and key not in up[e.parent]:
                _keep(got, key, Upstream(e.parent, distill))
        up[i] = got
    return up


def _keep(got: dict[str, Upstream], key: str, new: Upstream) -> None:
    """Of two paths bringing one license, the stronger (not only through outputs)."""
    old = got.get(key)
    if old is None or (old.distilled and not new.distilled):
        got[key] = new


def via(t: Tree, up: list[dict[str, Upstream]], i: int, key: str) -> tuple[int, bool]:
    """The base model of `i` a license comes through, and whether it is that model's own."""
    edges = t.parents[i]
    if len(edges) == 1:
        return edges[0].parent, t.licenses[edges[0].parent].key == key
    for e in edges:
        if t.licenses[e.parent].key == key:
            return e.parent, True
    return next((e.parent for e in edges if key in up[e.parent]), edges[0].parent), False
