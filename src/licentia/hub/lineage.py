# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage compliance: every model of a dump against the licenses of its ancestors, by check's
rules (hub.rules), plus what the data itself gets wrong. Each finding names the model, the
ancestor that introduced the license (or problem), the parent it came through, and quotes the
clause.

Findings are kept grouped (hub.blocks): one block per situation and rule finding, or per kind
of data finding, with one row per model as arrays; a `LineageFinding` is made only when an
output asks for it. Counts, verdicts and the summary's figures come from the arrays."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from licentia.analysis.findings import Severity
from licentia.hub.blocks import (
    Block,
    HubCode,
    LineageFinding,
    Scope,
    data_blocks,
    drift_blocks,
    materialize,
    rule_blocks,
    unknown_blocks,
)
from licentia.hub.graph import Ints, Tree, load_tree, resolve_local
from licentia.hub.ingest import Dump
from licentia.hub.rules import RuleFinding, Situation, evaluate
from licentia.hub.runner import LOCAL, Runner
from licentia.hub.situations import situations

__all__ = ["FORMAT_VERSION", "HubCode", "Lineage", "LineageFinding", "Scope", "evaluate_batch",
           "lineage"]

FORMAT_VERSION = 1
VERDICTS = ("ok", "review", "conflict")
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Lineage:
    """Findings for a dump (grouped in blocks), and the counts a summary needs."""

    dump: Dump
    models: int
    edges: int
    edges_checked: int  # both licenses known
    situations: int  # distinct evaluations run
    blocks: tuple[Block, ...]
    tree: Tree = field(compare=False, repr=False)

    @cached_property
    def verdict_rank(self) -> Ints:
        """Per node: -1 no finding, else the index in VERDICTS of its worst finding."""
        rank = np.full(self.tree.size, -1, np.int64)
        for b in self.blocks:
            np.maximum.at(rank, b.model, _RANK[b.severity])
        return rank

    @cached_property
    def verdicts(self) -> dict[str, str]:
        """model -> conflict|review|ok, for every model with a finding."""
        rank = self.verdict_rank
        ids = self.tree.ids
        return {ids[i]: VERDICTS[int(rank[i])] for i in np.flatnonzero(rank >= 0).tolist()}

    def verdict_counts(self) -> dict[str, int]:
        got = np.bincount(self.verdict_rank[self.verdict_rank >= 0], minlength=3)
        return {v: int(n) for v, n in zip(VERDICTS, got, strict=True) if n}

    @property
    def finding_count(self) -> int:
        return sum(len(b) for b in self.blocks)

    @property
    def conflict(self) -> bool:
        return bool((self.verdict_rank == 2).any())

    def counts(self) -> dict[str, dict[str, int]]:
        by: dict[str, Counter[str]] = {}
        for b in self.blocks:
            if len(b):
                by.setdefault(b.code, Counter())[b.severity.value] += len(b)
        return {code: dict(c) for code, c in sorted(by.items())}

    def ordered(self, keep: Callable[[Block], bool] | None = None
                ) -> tuple[list[Block], Ints, Ints]:
        """The blocks `keep` accepts, and the output order of their rows (block, row): data
        findings first, then model by model upstream first."""
        blocks = [b for b in self.blocks if len(b) and (keep is None or keep(b))]
        if not blocks:
            return [], np.zeros(0, np.int64), np.zeros(0, np.int64)
        pos = np.empty(self.tree.size, np.int64)
        pos[self.tree.order] = np.arange(self.tree.order.size)
        group = np.concatenate([np.full(len(b), 0 if b.data else 1) for b in blocks])
        where = np.concatenate([b.sub if b.data else pos[b.model] for b in blocks])
        sub = np.concatenate([np.zeros(len(b), np.int64) if b.data else b.sub for b in blocks])
        which = np.concatenate([np.full(len(b), n) for n, b in enumerate(blocks)])
        row = np.concatenate([np.arange(len(b)) for b in blocks])
        order = np.lexsort((row, which, sub, where, group))
        return blocks, which[order], row[order]

    def iter_findings(self, keep: Callable[[Block], bool] | None = None
                      ) -> Iterator[LineageFinding]:
        """The findings (of the blocks `keep` accepts), in output order."""
        blocks, which, row = self.ordered(keep)
        for b, j in zip(which.tolist(), row.tolist(), strict=True):
            yield materialize(self.tree, blocks[b], j)

    @cached_property
    def findings(self) -> tuple[LineageFinding, ...]:
        return tuple(self.iter_findings())


def evaluate_batch(situations: list[Situation]) -> list[tuple[RuleFinding, ...]]:
    """check's findings for each situation: a runner's step."""
    return [evaluate(s) for s in situations]


def lineage(dump: Dump, runner: Runner = LOCAL) -> Lineage:
    """Check every model of an ingested dump against its ancestry. `runner` resolves the
    distinct licenses and evaluates the distinct situations (here, or as Ray tasks)."""
    with dump.connect() as con:
        t = load_tree(con, lambda triples: runner.map(resolve_local, triples))
    sits, sit = situations(t)
    results = runner.map(evaluate_batch, sits)
    rules, flagged = rule_blocks(t, sits, sit, results)
    blocks: list[Block] = [*data_blocks(t), *rules, *unknown_blocks(t),
                           *drift_blocks(t, sit, flagged)]
    known = t.key >= 0
    checked = int(np.count_nonzero(known[t.child] & known[t.parent]))
    return Lineage(dump, t.size, int(t.child.size) + len(t.self_references), checked,
                   len(sits), tuple(b for b in blocks if len(b)), t)


def findings_of(r: Lineage, severities: Iterable[Severity]) -> Iterator[LineageFinding]:
    wanted = set(severities)
    return r.iter_findings(lambda b: b.severity in wanted)
