# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Pure renderers of a scan: terminal text, Markdown, HTML and SARIF 2.1.0 (code scanning)."""

from __future__ import annotations

import hashlib
import html
from dataclasses import replace
from typing import Any

from licentia import __version__
from licentia.analysis.findings import Finding, Severity
from licentia.catalog.terms import sheet_for
from licentia.report.provenance import Provenance, provenance
from licentia.report.render import DISCLAIMER, neutralise_html
from licentia.scan import Scan

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SHOWN = 20
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_MARK = {Severity.ERROR: "x", Severity.WARNING: "!", Severity.INFO: "-"}


MAX_DIGESTED = 200  # license texts digested in the provenance (a vendored tree can hold more)


def scan_provenance(scan: Scan) -> Provenance:
    """The scan's provenance: the policy file and the full license texts the verdict rests on
    (every file is listed in the scan itself), and the term sheets of the licenses found."""
    texts = [scan.tree.root / f.path for f in scan.tree.files if f.license_text]
    found = provenance([scan.policy.path if scan.policy else None, *texts[:MAX_DIGESTED]],
                       [sheet_for(k) for k in scan.tree.licenses()])
    if scan.remote is None:
        return found
    # a file read from the Hub is named by its address there, not the temporary folder's path
    where = {str(p): scan.remote.files_url + f.path for p, f in zip(
        (scan.tree.root / f.path for f in scan.tree.files), scan.tree.files, strict=True)}
    return replace(found, inputs=tuple(replace(i, path=where.get(i.path, i.path))
                                       for i in found.inputs))


def to_json(scan: Scan) -> dict[str, Any]:
    """The contract JSON of a scan, with its provenance."""
    return {**scan.to_json(), "provenance": scan_provenance(scan).to_json()}


def _table(scan: Scan) -> list[tuple[str, int, str]]:
    """(SPDX expression, files, example path) per expression, most files first."""
    by_expr: dict[str, list[str]] = {}
    for f in scan.tree.files:
        if f.expression:
            by_expr.setdefault(f.spdx_expression, []).append(f.path)
    return sorted(((e, len(p), p[0]) for e, p in by_expr.items()), key=lambda r: (-r[1], r[0]))


def to_text(scan: Scan) -> str:
    """The terminal report: what was scanned, the licenses table, the model, the findings and
    the verdict."""
    s = scan.summary()
    lines = [f"{scan.target} ({scan.kind}): {s['files']} files, {s['skipped']} not read, "
             f"{s['ignored']} ignored"]
    status = ", ".join(f"{k} {v}" for k, v in sorted(s["by_status"].items()))
    lines.append(f"  license evidence: {status}")
    rows = _table(scan)
    if rows:
        width = min(60, max(len(r[0]) for r in rows))
        lines.append("")
        lines.append(f"  {'license expression':{width}}  files  e.g.")
        for expr, n, example in rows[:SHOWN]:
            lines.append(f"  {expr:{width}}  {n:5d}  {example}")
        if len(rows) > SHOWN:
            lines.append(f"  ... {len(rows) - SHOWN} more expressions (--json lists them)")
    for d in scan.tree.declarations:
        lines.append(f"  declared: {d.file} {d.key} = {d.written}"
                     + (f" ({d.problem})" if d.problem else ""))
    if scan.model is not None:
        lines += ["", *_model_lines(scan)]
    if scan.reuse is not None:
        r = scan.reuse
        state = r.error or ("compliant" if r.compliant else "NOT compliant: " + ", ".join(
            f"{k.replace('_', ' ')} {n}" for k, n in r.problems().items()))
        lines += ["", f"  REUSE: {state}"]
    if scan.findings:
        lines.append("")
        for f in scan.findings:
            lines.append(f"  {_MARK[f.severity]} {f.severity.value} {f.code}: {f.message}")
    lines += ["", f"verdict: {scan.verdict.value}", "",
              *scan_provenance(scan).lines(), DISCLAIMER]
    return "\n".join(lines) + "\n"


def _model_lines(scan: Scan) -> list[str]:
    m = scan.model
    assert m is not None
    out = [f"  model {m.name}: {m.expression or 'no license found'}"]
    if scan.remote is not None:
        r = scan.remote
        out += [f"    read from the Hugging Face Hub at revision {r.revision}",
                f"    {len(r.fetched)} file(s) fetched, the metadata of {len(r.weights)} "
                f"weight file(s) read there (no weights downloaded), {len(r.not_fetched)} "
                "left"]
    if m.card is not None:
        c = m.card
        out.append(f"    card {c.path}: license {', '.join(c.license) or '(none)'}"
                   + (f", license_name {c.license_name}" if c.license_name else "")
                   + (f", base_model {', '.join(c.base_model)}" if c.base_model else "")
                   + (f" ({c.base_model_relation})" if c.base_model_relation else ""))
    for path, expr in m.license_files:
        out.append(f"    {path}: {expr or 'not identified'}")
    for w in m.weights:
        out.append(f"    {w.path}: {w.format}"
                   + (f", license {w.license}" if w.license else ", no license in metadata")
                   + (f" ({w.error})" if w.error else ""))
    for b in m.bases:
        out.append(f"    base {b.repo_id}: {b.license or 'license not known locally'}")
    return out


def _finding_md(f: Finding) -> str:
    comps = ", ".join(f"`{c}`" for c in f.components[:SHOWN])
    more = f" and {len(f.components) - SHOWN} more" if len(f.components) > SHOWN else ""
    return (f"- **{f.severity.value}** `{f.code}` — {f.message}"
            + (f"  \n  Files: {comps}{more}" if comps else ""))


def to_markdown(scan: Scan) -> str:
    s = scan.summary()
    out = [f"# License scan of `{scan.target}`", "",
           f"**Verdict: {scan.verdict.value}** — {s['files']} files ({scan.kind}), "
           f"{s['skipped']} not read, {s['ignored']} ignored.", "",
           "| License expression | Files | Example |", "|---|---:|---|"]
    out += [f"| `{e}` | {n} | `{ex}` |" for e, n, ex in _table(scan)]
    if scan.model is not None:
        out += ["", "## Model", "", *(f"    {line.strip()}" for line in _model_lines(scan))]
    out += ["", "## Findings", ""]
    out += [_finding_md(f) for f in scan.findings] or ["None."]
    out += ["", *(f"- {line}" for line in scan_provenance(scan).lines())]
    out += ["", f"_{DISCLAIMER}_", ""]
    return neutralise_html("\n".join(out))


def to_html(scan: Scan) -> str:
    """A standalone HTML page (the Markdown report's content, escaped)."""
    s = scan.summary()
    rows = "".join(f"<tr><td><code>{html.escape(e)}</code></td><td>{n}</td>"
                   f"<td><code>{html.escape(ex)}</code></td></tr>" for e, n, ex in _table(scan))
    items = "".join(f"<li><b>{f.severity.value}</b> <code>{html.escape(f.code)}</code> "
                    f"{html.escape(f.message)}</li>" for f in scan.findings) or "<li>None.</li>"
    title = html.escape(f"License scan of {scan.target}")
    origin = "".join(f"<li>{html.escape(line)}</li>" for line in scan_provenance(scan).lines())
    return (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}"
            f"</title></head><body><h1>{title}</h1><p><b>Verdict: {scan.verdict.value}</b> — "
            f"{s['files']} files ({html.escape(scan.kind)})</p><table><thead><tr><th>License "
            f"expression</th><th>Files</th><th>Example</th></tr></thead><tbody>{rows}</tbody>"
            f"</table><h2>Findings</h2><ul>{items}</ul><ul>{origin}</ul>"
            f"<p><i>{html.escape(DISCLAIMER)}</i></p></body></html>\n")


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]


def to_sarif(scan: Scan) -> dict[str, Any]:
    """SARIF 2.1.0: one rule per finding code, one result per finding, located at the files
    it names (the first 20)."""
    codes = list(dict.fromkeys(f.code for f in scan.findings))
    titles = {f.code: f.title or f.code for f in scan.findings}
    rules = [{"id": c, "name": "".join(p.capitalize() for p in c.split("-")),
              "shortDescription": {"text": titles[c]}, "properties": {"tags": ["license"]}}
             for c in codes]
    files = {f.path for f in scan.tree.files}
    results = []
    for f in scan.findings:
        paths = [c for c in f.components if c in files][:SHOWN] or ["."]
        results.append({
            "ruleId": f.code, "ruleIndex": codes.index(f.code), "level": _LEVEL[f.severity],
            "message": {"text": f.message},
            "locations": [{"physicalLocation": {"artifactLocation": {"uri": p}}}
                          for p in paths],
            "partialFingerprints": {"licentiaScan/v1": _fingerprint(
                f.code, f.message, *f.components[:50])},
            "properties": {"components": list(f.components)},
        })
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [{
        "tool": {"driver": {"name": "licentia", "version": __version__,
                            "semanticVersion": __version__, "rules": rules}},
        "results": results, "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"SRCROOT": {"uri": scan.remote.files_url if scan.remote
                                             else scan.root.resolve().as_uri() + "/"}},
        "properties": {"verdict": scan.verdict.value,
                       "provenance": scan_provenance(scan).to_json()}}]}
