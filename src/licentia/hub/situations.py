# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Each model's situation (hub.rules.Situation): its own license, the licenses reaching it and
the naming prefixes its name meets, computed for all models at once. Models sharing a
situation share one check run; a million-model tree has a few hundred."""

from __future__ import annotations

from itertools import chain

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from licentia.analysis.check.duties import name_begins_with, name_prefixes
from licentia.hub.graph import Ints, Tree
from licentia.hub.rules import Situation

# what check's naming test ignores in a name (duties._folded_name), for ASCII names
_SEPARATORS = r"[\t\n\x0b\x0c\r\x1c-\x1f _.\-]+"


def _profiles(t: Tree) -> tuple[list[tuple[tuple[str, bool], ...]], Ints]:
    """The distinct upstream profiles (license, only through outputs?) and each mapping's."""
    seen: dict[tuple[tuple[str, bool], ...], int] = {}
    per = [seen.setdefault(tuple(sorted((k, u.distilled) for k, u in m.items())), len(seen))
           for m in t.maps]
    return list(seen), np.array(per, np.int64)


def _begins(t: Tree, nodes: Ints, prefixes: list[str]) -> list[np.ndarray]:
    """For each prefix, which of the nodes' names begin with it (as check reads names)."""
    ids = pa.array([t.ids[i] for i in nodes.tolist()], pa.string())
    names = pc.replace_substring_regex(ids, pattern="^.*/", replacement="")
    folded = pc.replace_substring_regex(pc.utf8_lower(names), pattern=_SEPARATORS,
                                        replacement="")
    ascii_ = pc.string_is_ascii(names).to_numpy(zero_copy_only=False)
    out = []
    for p in prefixes:
        want = p.casefold()
        want = "".join(c for c in want if not (c.isspace() or c in "_.-"))
        got = pc.starts_with(folded, pattern=want).to_numpy(zero_copy_only=False).copy()
        for j in np.flatnonzero(~ascii_).tolist():  # exotic names: check's own test
            got[j] = name_begins_with(t.name(int(nodes[j])), p)
        out.append(got)
    return out


def situations(t: Tree) -> tuple[list[Situation], Ints]:
    """The distinct situations and each node's (-1: nothing to check)."""
    sit = np.full(t.size, -1, np.int64)
    cand = np.flatnonzero((t.key >= 0) & (t.upid > 0))
    if not cand.size:
        return [], sit
    profiles, per_map = _profiles(t)
    width = len(profiles)
    pair = t.key[cand] * width + per_map[t.upid[cand]]
    pairs, pinv = np.unique(pair, return_inverse=True)
    wanted = []
    for u in pairs.tolist():
        key, prof = t.keys[u // width], profiles[u % width]
        wanted.append({p for k in (key, *(k for k, _ in prof)) for p in name_prefixes(k)})
    every = sorted(set(chain.from_iterable(wanted)))
    bit = {p: 1 << j for j, p in enumerate(every)}
    mask = np.zeros(cand.size, np.int64)
    for p, got in zip(every, _begins(t, cand, every), strict=True):
        mask |= np.where(got, bit[p], 0)
    mask &= np.array([sum(bit[p] for p in w) for w in wanted], np.int64)[pinv]
    sig = pinv.astype(np.int64) * (1 << len(every)) + mask
    sigs, sinv = np.unique(sig, return_inverse=True)
    out = []
    for s in sigs.tolist():
        u = int(pairs[s >> len(every)])
        named = tuple(sorted(p for p in every if s & bit[p]))
        out.append(Situation(t.keys[u // width], profiles[u % width], named))
    sit[cand] = sinv
    return out, sit
