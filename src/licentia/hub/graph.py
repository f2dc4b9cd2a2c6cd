# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The model tree of an ingested dump as arrays: nodes with their declared licenses, edges to
base models, the defects of the data (self-references, cycles, truncated merge lists), and, in
upstream-first order, every license reaching each model with the ancestor that introduced it.

A million-model tree is handled level by level with numpy: the topological order is a
frontier walk, and a model whose only base model brings nothing new shares its parent's
mapping of upstream licenses (an index into `Tree.maps`, not a copy). Python touches only what
differs: models with several parents or a distillation, and parents that introduce a
license."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

import duckdb
import numpy as np
import numpy.typing as npt
import pyarrow as pa

from licentia.hub.licenses import HubLicense, resolve_hub_license

DERIVATIVE_RELATIONS = ("finetune", "adapter", "merge", "quantize")
RELATIONS = ("finetune", "adapter", "merge", "quantize", "distill")
DISTILL = RELATIONS.index("distill")
Ints = npt.NDArray[np.int64]
Bools = npt.NDArray[np.bool_]
LicenseTriple = tuple[str | None, str | None, str | None]
Resolver = Callable[[list[LicenseTriple]], list[HubLicense]]


class Edge(NamedTuple):
    parent: int
    relation: str
    relation_given: bool
    truncated: bool


class Upstream(NamedTuple):
    """A license reaching a model: the ancestor that introduced it (the farthest one carrying it
    on the path) and whether only outputs reach the model (a distillation on the path)."""

    origin: int
    distilled: bool


Mapping = dict[str, Upstream]


@dataclass
class Tree:
    """Nodes 0..models-1 are the dump's models (by id), the rest base models it only names.
    Edges are sorted by child (then parent id); `pstart` indexes a child's edges."""

    ids: list[str]
    models: int
    licenses: list[HubLicense]  # the distinct declared licenses
    lic: Ints  # node -> index into licenses
    keys: list[str]  # the distinct licentia keys
    key: Ints  # node -> index into keys, -1 when the license is not known
    child: Ints
    parent: Ints
    relation: Ints  # index into RELATIONS
    given: Bools
    truncated: Bools
    self_references: list[int] = field(default_factory=list)
    cycles: list[list[int]] = field(default_factory=list)
    order: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # upstream first
    levels: list[Ints] = field(default_factory=list)
    maps: list[Mapping] = field(default_factory=lambda: [{}])  # 0: nothing upstream
    upid: Ints = field(default_factory=lambda: np.zeros(0, np.int64))  # node -> maps index

    @property
    def size(self) -> int:
        return len(self.ids)

    @cached_property
    def index(self) -> dict[str, int]:
        return {mid: i for i, mid in enumerate(self.ids)}

    @cached_property
    def pstart(self) -> Ints:
        out = np.zeros(self.size + 1, np.int64)
        np.cumsum(np.bincount(self.child, minlength=self.size), out=out[1:])
        return out

    @cached_property
    def first_parent(self) -> Ints:
        """Each node's first base model (-1: none)."""
        out = np.full(self.size, -1, np.int64)
        has = self.pstart[1:] > self.pstart[:-1]
        out[has] = self.parent[self.pstart[:-1][has]]
        return out

    @cached_property
    def nparents(self) -> Ints:
        return np.diff(self.pstart)

    def in_dump(self, i: int) -> bool:
        return i < self.models

    def license(self, i: int) -> HubLicense:
        return self.licenses[int(self.lic[i])]

    def key_of(self, i: int) -> str | None:
        k = int(self.key[i])
        return self.keys[k] if k >= 0 else None

    def edges(self, i: int) -> list[Edge]:
        a, b = int(self.pstart[i]), int(self.pstart[i + 1])
        return [Edge(int(self.parent[j]), RELATIONS[int(self.relation[j])],
                     bool(self.given[j]), bool(self.truncated[j])) for j in range(a, b)]

    def upstream(self, i: int) -> Mapping:
        return self.maps[int(self.upid[i])]

    def name(self, i: int) -> str:
        """The model's name without its owner (what naming clauses read)."""
        return self.ids[i].rsplit("/", 1)[-1]


def resolve_local(triples: list[LicenseTriple]) -> list[HubLicense]:
    return [resolve_hub_license(*t) for t in triples]


_NODES_SQL = """
    CREATE TEMP TABLE nodes AS
    WITH ghosts AS (SELECT DISTINCT e.parent AS id FROM edges e ANTI JOIN models m
                    ON m.id = e.parent),
    every AS (SELECT id, license, license_name, license_link, true AS in_dump FROM models
              UNION ALL SELECT id, NULL, NULL, NULL, false FROM ghosts)
    SELECT *, (row_number() OVER (ORDER BY in_dump DESC, id) - 1)::BIGINT AS i,
           (dense_rank() OVER (ORDER BY license, license_name, license_link) - 1)::BIGINT
               AS code
    FROM every"""
_RELATION_SQL = "CASE e.relation " + " ".join(
    f"WHEN '{r}' THEN {n}" for n, r in enumerate(RELATIONS)) + " END"
_EDGES_SQL = f"""
    SELECT c.i AS child, p.i AS parent, ({_RELATION_SQL})::BIGINT AS relation,
           e.relation_given, e.truncated
    FROM edges e JOIN nodes c ON c.id = e.child JOIN nodes p ON p.id = e.parent
    ORDER BY e.child, e.parent"""


def _column(table: pa.Table, name: str) -> npt.NDArray[Any]:
    out: npt.NDArray[Any] = table.column(name).to_numpy(zero_copy_only=False)
    return out


def load_tree(con: duckdb.DuckDBPyConnection, resolver: Resolver = resolve_local) -> Tree:
    """The tree of an ingested dump; `resolver` reads the distinct declared licenses."""
    con.execute(_NODES_SQL)
    nodes = con.sql("SELECT id, code, in_dump FROM nodes ORDER BY i").to_arrow_table()
    lics = con.sql("SELECT license, license_name, license_link FROM nodes "
                   "GROUP BY ALL ORDER BY any_value(code)").fetchall()
    licenses = resolver([(x[0], x[1], x[2]) for x in lics])
    keys = sorted({x.key for x in licenses if x.key is not None})
    kidx = {k: n for n, k in enumerate(keys)}
    key_of_lic = np.array([kidx[x.key] if x.key is not None else -1 for x in licenses] or [-1],
                          np.int64)
    lic = _column(nodes, "code").astype(np.int64)
    e = con.sql(_EDGES_SQL).to_arrow_table()
    con.execute("DROP TABLE nodes")
    child, parent = _column(e, "child").astype(np.int64), _column(e, "parent").astype(np.int64)
    keep = child != parent
    t = Tree(nodes.column("id").to_pylist(), int(_column(nodes, "in_dump").sum()), licenses,
             lic, keys, key_of_lic[lic], child[keep], parent[keep],
             _column(e, "relation").astype(np.int64)[keep],
             _column(e, "relation_given").astype(bool)[keep],
             _column(e, "truncated").astype(bool)[keep],
             self_references=sorted(set(child[~keep].tolist())))
    _order(t)
    propagate(t)
    return t


def _walk(n: int, child: Ints, parent: Ints, indeg: Ints, frontier: Ints) -> list[Ints]:
    """Kahn's frontier walk over the edges (parent -> child); `indeg` is consumed."""
    korder = np.argsort(parent, kind="stable")
    kids = child[korder]
    kstart = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(parent, minlength=n), out=kstart[1:])
    levels = []
    while frontier.size:
        levels.append(frontier)
        counts = kstart[frontier + 1] - kstart[frontier]
        total = int(counts.sum())
        if not total:
            break
        offsets = np.repeat(kstart[frontier] - (np.cumsum(counts) - counts), counts)
        reached, times = np.unique(kids[offsets + np.arange(total)], return_counts=True)
        indeg[reached] -= times
        frontier = reached[indeg[reached] == 0]
    return levels


def _stuck(n: int, child: Ints, parent: Ints) -> Ints:
    """Nodes on a cycle or between cycles: what survives trimming sources and sinks."""
    indeg = np.bincount(child, minlength=n)
    _walk(n, child, parent, indeg, np.flatnonzero(indeg == 0))
    live = indeg > 0
    keep = live[child] & live[parent]
    c, p = child[keep], parent[keep]
    outdeg = np.bincount(p, minlength=n)
    outdeg[~live] = -1
    _walk(n, p, c, outdeg, np.flatnonzero(outdeg == 0))
    return np.flatnonzero(outdeg > 0)


def _components(nodes: Sequence[int], t: Tree) -> list[list[int]]:
    """Strongly connected components (of more than one model) among `nodes` (Tarjan,
    iterative: chains can be long)."""
    member = set(nodes)
    counter, index, low = 0, {}, {}
    stack: list[int] = []
    on: set[int] = set()
    out: list[list[int]] = []
    ups = {v: [e.parent for e in t.edges(v) if e.parent in member] for v in nodes}
    for root in sorted(member):
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
            if i < len(ups[v]):
                work.append((v, i + 1))
                w = ups[v][i]
                if w not in index:
                    work.append((w, 0))
                elif w in on:
                    low[v] = min(low[v], index[w])
                continue
            for w in ups[v]:
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
    return sorted(out)


def _order(t: Tree) -> None:
    """Upstream-first levels; edges inside a cycle are recorded and dropped."""
    n = t.size
    stuck = _stuck(n, t.child, t.parent)
    if stuck.size:
        t.cycles = _components(stuck.tolist(), t)
        comp = np.full(n, -1, np.int64)
        for c, members in enumerate(t.cycles):
            comp[members] = c
        inner = (comp[t.child] >= 0) & (comp[t.child] == comp[t.parent])
        for name in ("child", "parent", "relation", "given", "truncated"):
            setattr(t, name, getattr(t, name)[~inner])
        for name in ("pstart", "first_parent", "nparents"):
            t.__dict__.pop(name, None)
    indeg = np.bincount(t.child, minlength=n)
    t.levels = _walk(n, t.child, t.parent, indeg, np.flatnonzero(indeg == 0))
    t.order = np.concatenate(t.levels) if t.levels else np.zeros(0, np.int64)


def propagate(t: Tree) -> None:
    """Every known license reaching each model from upstream (`t.upid`, `t.maps`)."""
    n = t.size
    t.upid = np.zeros(n, np.int64)
    t.maps = [{}]
    distilled = np.zeros(n, bool)
    distilled[t.child[t.relation == DISTILL]] = True
    simple = (t.nparents == 1) & ~distilled
    fp = t.first_parent
    introduced: dict[int, int] = {}  # parent -> the mapping it hands its children
    contains: dict[tuple[int, int], bool] = {}
    arrays: tuple[list[int], ...] | None = None  # for the models handled one by one
    for level in t.levels[1:]:
        s = level[simple[level]]
        p = fp[s]
        k = t.key[p]
        m = t.upid[p]
        new = k >= 0
        if new.any():
            pair = m[new] * (len(t.keys) + 1) + k[new]
            uniq, inv = np.unique(pair, return_inverse=True)
            seen = np.array([_has(t, contains, int(u) // (len(t.keys) + 1),
                                  int(u) % (len(t.keys) + 1)) for u in uniq], bool)
            new[np.flatnonzero(new)[seen[inv]]] = False
        t.upid[s] = m
        if new.any():
            ps, inv = np.unique(p[new], return_inverse=True)
            ids = np.array([_introduce(t, introduced, int(q)) for q in ps], np.int64)
            t.upid[s[new]] = ids[inv]
        for i in level[~simple[level] & (t.nparents[level] > 0)].tolist():
            if arrays is None:
                arrays = (t.pstart.tolist(), t.parent.tolist(), t.relation.tolist(),
                          t.key.tolist())
            t.upid[i] = _merge(t, i, arrays)


def _has(t: Tree, cache: dict[tuple[int, int], bool], m: int, k: int) -> bool:
    got = cache.get((m, k))
    if got is None:
        got = cache[(m, k)] = t.keys[k] in t.maps[m]
    return got


def _introduce(t: Tree, introduced: dict[int, int], p: int) -> int:
    got = introduced.get(p)
    if got is None:
        key = t.keys[int(t.key[p])]
        t.maps.append({**t.maps[int(t.upid[p])], key: Upstream(p, False)})
        got = introduced[p] = len(t.maps) - 1
    return got


def _merge(t: Tree, i: int, arrays: tuple[list[int], ...]) -> int:
    """The mapping of a model with several base models or a distillation."""
    pstart, parent, relation, key = arrays
    got: Mapping = {}
    for j in range(pstart[i], pstart[i + 1]):
        p = parent[j]
        distill = relation[j] == DISTILL
        up = t.maps[int(t.upid[p])]
        for k, u in up.items():
            _keep(got, k, Upstream(u.origin, distill or u.distilled))
        if key[p] >= 0 and t.keys[key[p]] not in up:
            _keep(got, t.keys[key[p]], Upstream(p, distill))
    if not got:
        return 0
    t.maps.append(got)
    return len(t.maps) - 1


def _keep(got: Mapping, key: str, new: Upstream) -> None:
    """Of two paths bringing one license, the stronger (not only through outputs)."""
    old = got.get(key)
    if old is None or (old.distilled and not new.distilled):
        got[key] = new


def via(t: Tree, i: int, key: str) -> tuple[int, bool]:
    """The base model of `i` a license comes through, and whether it is that model's own."""
    edges = t.edges(i)
    if len(edges) == 1:
        return edges[0].parent, t.key_of(edges[0].parent) == key
    for e in edges:
        if t.key_of(e.parent) == key:
            return e.parent, True
    return next((e.parent for e in edges if key in t.upstream(e.parent)), edges[0].parent), \
        False
