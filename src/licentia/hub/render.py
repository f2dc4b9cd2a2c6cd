# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage results as JSON, a terminal summary, flat rows (CSV / Parquet bytes) and an HTML
report with charts. Pure: every function returns a value."""

from __future__ import annotations

import base64
import html
from collections import Counter
from itertools import islice
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from licentia.analysis.findings import Severity
from licentia.catalog.terms import sheet_for
from licentia.hub import plots
from licentia.hub.columns import findings_table
from licentia.hub.families import family
from licentia.hub.lineage import FORMAT_VERSION, Lineage, findings_of
from licentia.report.provenance import Provenance, provenance

_TOP = 15


def family_rates(r: Lineage) -> list[tuple[str, int, int]]:
    """Per family of the base model's license: edges checked, edges with a conflict."""
    t = r.tree
    known = t.key >= 0
    checked = known[t.child] & known[t.parent]
    child, parent = t.child[checked], t.parent[checked]
    bad = [b.model[b.edge] * t.size + b.parent[b.edge] for b in r.blocks
           if b.severity is Severity.ERROR and b.edge is not None and b.parent is not None]
    conflicted = np.isin(child * t.size + parent, np.concatenate(bad)) if bad else \
        np.zeros(child.size, bool)
    width = len(t.keys)
    per_key = np.bincount(t.key[parent], minlength=width)
    bad_key = np.bincount(t.key[parent][conflicted], minlength=width)
    total: Counter[str] = Counter()
    conflict: Counter[str] = Counter()
    for k, name in enumerate(t.keys):
        if per_key[k]:
            fam = family(name).value
            total[fam] += int(per_key[k])
            conflict[fam] += int(bad_key[k])
    return sorted(((f, total[f], conflict[f]) for f in total), key=lambda x: -x[1])


def top_pairs(r: Lineage, n: int = _TOP) -> list[tuple[str, str, int]]:
    """The (upstream license, model license) pairs with the most conflicts."""
    c: Counter[tuple[str, str]] = Counter()
    for b in r.blocks:
        if b.severity is Severity.ERROR and len(b.licenses) > 1:
            c[(b.licenses[0], b.licenses[-1])] += len(b)
    return [(a, b, k) for (a, b), k in sorted(c.items(), key=lambda x: (-x[1], x[0]))[:n]]


def lineage_provenance(r: Lineage) -> Provenance:
    """The dump's files and the term sheets of the licenses the findings rest on."""
    keys = sorted({e.license for b in r.blocks if b.rule is not None
                   for e in b.rule[1].evidence})
    return provenance(r.dump.sources, (sheet_for(k) for k in keys))


def to_json(r: Lineage, limit: int | None = None) -> dict[str, Any]:
    findings = r.findings if limit is None else tuple(islice(r.iter_findings(), limit))
    return {
        "format_version": FORMAT_VERSION,
        "dump": {"sources": list(r.dump.sources), "database": str(r.dump.db),
                 "models": r.dump.models, "edges": r.dump.edges,
                 "problems": [p.to_json() for p in r.dump.problems]},
        "summary": {"models": r.models, "edges": r.edges, "edges_checked": r.edges_checked,
                    "situations": r.situations,
                    "verdicts": r.verdict_counts(), "findings": r.counts(),
                    "family_rates": [{"family": f, "edges": n, "conflicts": k}
                                     for f, n, k in family_rates(r)],
                    "top_pairs": [{"upstream": a, "license": b, "conflicts": k}
                                  for a, b, k in top_pairs(r)]},
        "findings": [f.to_json() for f in findings],
        "provenance": lineage_provenance(r).to_json(),
    }


def table_bytes(r: Lineage, fmt: str) -> bytes:
    """The findings as one row each (the first quote with its section), CSV or Parquet."""
    table = findings_table(r)
    sink = pa.BufferOutputStream()
    if fmt == "parquet":
        pq.write_table(table, sink)
    else:
        pa_csv.write_csv(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def to_text(r: Lineage, examples: int = 10) -> str:
    v = r.verdict_counts()
    lines = [f"Lineage of {r.models:,} models, {r.edges:,} base-model edges "
             f"({r.edges_checked:,} with both licenses known; {r.situations} distinct "
             "situations checked)",
             f"Models: {v.get('conflict', 0):,} conflict, {v.get('review', 0):,} to review, "
             f"{v.get('ok', 0):,} ok", "", "Findings:"]
    for code, sev in r.counts().items():
        lines.append(f"  {code:28} " + ", ".join(f"{n:,} {s}" for s, n in sorted(sev.items())))
    if r.dump.problems:
        lines += ["", "Data problems:"]
        for p in r.dump.problems:
            lines.append(f"  {p.kind}: {p.count:,} - {p.message}"
                         + (f" (e.g. {p.examples[0]})" if p.examples else ""))
    rates = family_rates(r)
    if rates:
        lines += ["", "Conflicts by family of the base model's license (edges checked):"]
        lines += [f"  {f:16} {k:>6,} / {n:<6,} {k / n:6.1%}" for f, n, k in rates]
    pairs = top_pairs(r)
    if pairs:
        lines += ["", "Most frequent conflicting pairs (upstream -> model license):"]
        lines += [f"  {k:>6,}  {a} -> {b}" for a, b, k in pairs[:10]]
    errors = list(islice(findings_of(r, [Severity.ERROR]), examples))
    if errors:
        lines += ["", "Examples:"]
        for f in errors:
            lines.append(f"  [{f.code}] {f.model} <- {f.ancestor}: {f.message}")
            if f.evidence:
                e = f.evidence[0]
                lines.append(f"      \u201c{e.quote}\u201d ({e.license}, {e.section})")
    return "\n".join(lines) + "\n"


def _img(data: bytes, alt: str) -> str:
    return (f'<img alt="{html.escape(alt)}" src="data:image/png;base64,'
            f'{base64.b64encode(data).decode()}">')


def chain_of(r: Lineage, model: str) -> list[tuple[str, str, bool]]:
    """The model and its first-parent ancestors, root first, each flagged when it has a
    conflict."""
    t = r.tree
    if model not in t.index:
        return []
    out: list[tuple[str, str, bool]] = []
    i = t.index[model]
    seen: set[int] = set()
    while i >= 0 and i not in seen and len(out) < 12:
        seen.add(i)
        out.append((t.ids[i], t.license(i).label, int(r.verdict_rank[i]) == 2))
        i = int(t.first_parent[i])
    return out[::-1]


def to_html(r: Lineage) -> str:
    """A self-contained HTML report: summary, charts, conflicts with their quotes."""
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>licentia hub lineage"
             "</title><style>body{font-family:sans-serif;max-width:60em;margin:auto}"
             "td,th{border-bottom:1px solid #ddd;padding:2px 6px;font-size:90%}"
             "blockquote{color:#444;border-left:3px solid #ccc;margin:0 0 0 1em;"
             "padding-left:.5em}</style></head><body><h1>Lineage compliance</h1>",
             f"<pre>{html.escape(to_text(r, examples=0))}</pre>"]
    rates = family_rates(r)
    if rates:
        parts.append(_img(plots.bars([f for f, _, _ in rates],
                                     [100 * k / n for _, n, k in rates],
                                     "Edges in conflict, by family of the base model's license",
                                     "% of edges checked"), "family rates"))
    pairs = top_pairs(r)
    if pairs:
        parts.append(_img(plots.bars([f"{a} -> {b}" for a, b, _ in pairs],
                                     [k for _, _, k in pairs], "Top conflicting pairs",
                                     "findings"), "top pairs"))
    errors = list(findings_of(r, [Severity.ERROR]))
    worst = Counter(f.model for f in errors)
    if worst:
        model = max(worst, key=lambda m: (len(chain_of(r, m)), worst[m], m))
        parts.append(_img(plots.ancestry(chain_of(r, model), f"Ancestry of {model}"),
                          "ancestry"))
    parts.append("<h2>Conflicts</h2><table><tr><th>model</th><th>code</th><th>ancestor</th>"
                 "<th>finding</th></tr>")
    for f in errors:
        quote = "".join(f"<blockquote>\u201c{html.escape(e.quote)}\u201d "
                        f"({html.escape(e.license)}, {html.escape(e.section)})</blockquote>"
                        for e in f.evidence[:2])
        parts.append(f"<tr><td>{html.escape(f.model)}</td><td>{f.code}</td>"
                     f"<td>{html.escape(f.ancestor or '')}</td>"
                     f"<td>{html.escape(f.message)}{quote}</td></tr>")
    parts.append("</table></body></html>")
    return "\n".join(parts)
