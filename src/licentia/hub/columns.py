# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage findings as one Arrow table (one row per finding, the CSV / Parquet output), built
block by block with Arrow compute: a message is its block's template with the models' ids
joined in, so millions of findings are written without making a Python object each. Gives
the rows `blocks.materialize` gives, in the same order."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from licentia.hub.blocks import _UNKNOWN_WHY, Block, _origins, _via, materialize
from licentia.hub.graph import Ints, Tree
from licentia.hub.lineage import Lineage
from licentia.hub.rules import MODEL, synthetic_name, upstream_id

NAMES = ("model", "code", "severity", "scope", "ancestor", "parent", "licenses", "message",
         "quote", "quote_license", "section")
Column = Any  # an Arrow array, an Arrow string scalar or a str
_GHOST = "is not in the dump, so its license is not known"


def _join(*parts: Column) -> pa.Array:
    """Element-wise concatenation of arrays and constant strings."""
    args = [p if isinstance(p, pa.Array | pa.Scalar) else pa.scalar(p, pa.string())
            for p in parts]
    return pc.binary_join_element_wise(*args, "")


def _const(value: str | None, n: int) -> pa.Array:
    return pa.nulls(n, pa.string()) if value is None else pa.repeat(pa.scalar(value), n)


class _Ids:
    """Node ids (and other per-node texts) taken by index; -1 is null."""

    def __init__(self, t: Tree) -> None:
        self.t = t
        self.ids = pa.array(t.ids, pa.string())
        label = pa.array([lic.label for lic in t.licenses], pa.string())
        why = pa.array([_UNKNOWN_WHY.get(lic.status, "") + (f" ({lic.tag})" if lic.tag else "")
                        for lic in t.licenses], pa.string())
        self.label = pc.take(label, pa.array(t.lic))
        self.why = pc.if_else(pa.array(np.arange(t.size) >= t.models),
                              pa.scalar(_GHOST), pc.take(why, pa.array(t.lic)))
        self.keys = pa.array(t.keys or [""], pa.string())

    def take(self, values: pa.Array, idx: Ints) -> pa.Array:
        return pc.take(values, pa.array(idx, mask=idx < 0))

    def id(self, idx: Ints) -> pa.Array:
        return self.take(self.ids, idx)


def _rule_message(ids: _Ids, b: Block) -> pa.Array:
    """The template with the model's name and id and the ancestors' ids joined in."""
    assert b.rule is not None
    s, rf = b.rule
    t = ids.t
    slots: dict[str, pa.Array] = {repr(synthetic_name(s)): _join(
        "'", pc.replace_substring_regex(ids.id(b.model), pattern="^.*/", replacement=""), "'"),
        MODEL: ids.id(b.model)}
    for k in rf.upstream:
        slots[upstream_id(k)] = ids.id(_origins(t, b.model, k))
    pattern = "(" + "|".join(re.escape(k) for k in sorted(slots, key=len, reverse=True)) + ")"
    parts = [slots.get(token, token) for token in re.split(pattern, rf.message) if token]
    if not any(isinstance(p, pa.Array) for p in parts):
        return _const(rf.message, len(b))
    return _join(*parts)


def _unknown_self(ids: _Ids, b: Block) -> tuple[pa.Array, pa.Array, pa.Array, pa.Array]:
    """(ancestor, parent, licenses, message) of models declaring no license under known
    upstream terms."""
    t = ids.t
    up = t.upid[b.model]
    uniq, inv = np.unique(up, return_inverse=True)
    first = [sorted(t.maps[u])[0] for u in uniq.tolist()]
    origin = np.array([t.maps[u][k].origin for u, k in zip(uniq.tolist(), first, strict=True)],
                      np.int64)[inv]
    keys = pa.array([", ".join(sorted(t.maps[u])) for u in uniq.tolist()])
    spaced = pa.array([" ".join(sorted(t.maps[u])) for u in uniq.tolist()])
    parent = np.empty(len(b), np.int64)
    firsts = np.array(first, object)[inv]
    for k in sorted(set(first)):
        rows = np.flatnonzero(firsts == k)
        parent[rows] = _via(t, b.model[rows], k)[0]
    anc = ids.id(origin)
    me = ids.id(b.model)
    message = _join(me, " ", ids.take(ids.why, b.model), ", but derives from material under ",
                    pc.take(keys, pa.array(inv)), " (from ", anc,
                    "): those terms bind it and cannot be checked against its own")
    licenses = _join(pc.take(spaced, pa.array(inv)), " ", ids.take(ids.label, b.model))
    return anc, ids.id(parent), licenses, message


def _block(ids: _Ids, b: Block) -> pa.Table:
    t, n = ids.t, len(b)
    if b.data:  # a few per dump: made one by one
        rows = [materialize(t, b, j) for j in range(n)]
        return pa.table({"model": [f.model for f in rows], "code": [f.code for f in rows],
                         "severity": [f.severity.value for f in rows],
                         "scope": [f.scope.value for f in rows],
                         "ancestor": pa.array([f.ancestor for f in rows], pa.string()),
                         "parent": pa.array([f.parent for f in rows], pa.string()),
                         "licenses": [" ".join(f.licenses) for f in rows],
                         "message": [f.message for f in rows],
                         **{c: _const(None, n) for c in ("quote", "quote_license", "section")}})
    me = ids.id(b.model)
    quote: tuple[str | None, str | None, str | None] = (None, None, None)
    anc = ids.id(b.ancestor) if b.ancestor is not None else _const(None, n)
    parent = ids.id(b.parent) if b.parent is not None else _const(None, n)
    scope: pa.Array = _const("edge", n)
    if b.kind == "rule":
        assert b.rule is not None and b.edge is not None
        ev = b.rule[1].evidence
        quote = (ev[0].quote, ev[0].license, ev[0].section) if ev else quote
        scope = pc.if_else(pa.array(b.edge), "edge", "path")
        licenses: pa.Array = _const(" ".join(b.licenses), n)
        message = _rule_message(ids, b)
    elif b.kind == "unknown-edge":
        assert b.parent is not None
        licenses = _join(ids.take(ids.label, b.parent), " ", ids.take(ids.label, b.model))
        message = _join("base model ", parent, " ", ids.take(ids.why, b.parent),
                        ": this edge cannot be checked")
    elif b.kind == "unknown-self":
        anc, parent, licenses, message = _unknown_self(ids, b)
    else:  # drift
        assert b.parent is not None
        k, mine = ids.take(ids.keys, t.key[b.parent]), ids.take(ids.keys, t.key[b.model])
        licenses = _join(k, " ", mine)
        message = _join(me, " (", mine, ") changes the license of its base model ", parent,
                        " (", k, "); ", k, "'s terms allow it, and still apply to the material "
                        "from ", anc)
    return pa.table({"model": me, "code": _const(b.code, n), "severity": _const(b.severity, n),
                     "scope": scope, "ancestor": anc, "parent": parent, "licenses": licenses,
                     "message": message, "quote": _const(quote[0], n),
                     "quote_license": _const(quote[1], n), "section": _const(quote[2], n)})


def findings_table(r: Lineage) -> pa.Table:
    """Every finding as one row, in output order."""
    blocks, which, row = r.ordered()
    schema = pa.schema([(c, pa.string()) for c in NAMES])
    if not blocks:
        return schema.empty_table()
    ids = _Ids(r.tree)
    tables = [_block(ids, b).select(list(NAMES)).cast(schema) for b in blocks]
    offsets = np.cumsum([0] + [len(b) for b in blocks])
    return pa.concat_tables(tables).combine_chunks().take(pa.array(offsets[which] + row))
