# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Renderers of a review: contract JSON, Markdown, HTML, DOCX (for counsel, who work in Word)
and a Rich renderable for the terminal. Pure functions: a Review in, a value out.

Every rendering names the license text version it rests on and carries the disclaimer; quotes
are always set as quotations, so a reader can tell the license's words from licentia's.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.markup import escape
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from licentia.analysis.findings import Evidence, Finding, Status
from licentia.analysis.review import (
    FORMAT_VERSION,
    STEP_TITLES,
    Escalation,
    Review,
    Risk,
    Step,
    Verdict,
)
from licentia.jinja import neutralise_html
from licentia.report.provenance import AUTHOR, Provenance, provenance
from licentia.report.render import DISCLAIMER, render, xml_safe

_MARK = {Status.CLEAR: "\u2713", Status.GRAY: "?", Status.CONFLICT: "\u2717"}
_STYLE = {Status.CLEAR: "green", Status.GRAY: "yellow", Status.CONFLICT: "red"}
_VERDICT_STYLE = {Verdict.CLEAR: "green", Verdict.REVIEW: "yellow", Verdict.CONFLICT: "red"}
_VERDICT_WORDS = {
    Verdict.CLEAR: "nothing blocks this use; carry out the duties listed",
    Verdict.REVIEW: "gray areas must go to counsel before relying on this use",
    Verdict.CONFLICT: "the use conflicts with the license as described",
}


# -- shared shaping -----------------------------------------------------------------------------

def _status(f: Finding) -> Status:
    return f.status or Status.CLEAR


def _is_quiet(f: Finding) -> bool:
    """A restriction the use case does not touch: summarized, not detailed, in documents."""
    return (f.step == Step.RESTRICTIONS.value and _status(f) is Status.CLEAR
            and not f.actions and not f.extra.get("matched"))


def _steps(review: Review) -> Iterator[tuple[Step, list[Finding]]]:
    for step in (Step.VERIFY, Step.RESTRICTIONS, Step.ATTRIBUTION, Step.PATENT):
        yield step, sorted(review.by_step(step),
                           key=lambda f: {Status.CONFLICT: 0, Status.GRAY: 1,
                                          Status.CLEAR: 2}[_status(f)])


def _matrix_rows(review: Review) -> tuple[list[Risk], int]:
    """Risk rows worth a reader's attention (open or with something to do), and how many
    clear terms with nothing to do were folded into one row."""
    rows = [r for f, r in zip(review.findings, review.risk_matrix, strict=True)
            if _status(f) is not Status.CLEAR or f.actions]
    order = {"high": 0, "medium": 1, "low": 2}
    rows.sort(key=lambda r: (order[r.rating.value], order[r.likelihood.value]))
    return rows, len(review.findings) - len(rows)


def _counts(review: Review) -> dict[str, int]:
    counts = {s.value: 0 for s in Status}
    for f in review.findings:
        counts[_status(f).value] += 1
    return counts


def _summary(review: Review) -> str:
    c = _counts(review)
    return (f"{review.verdict.value.upper()}: {_VERDICT_WORDS[review.verdict]} "
            f"({c['conflict']} conflict, {c['gray']} gray, {c['clear']} clear)")


def _use_case_facts(review: Review) -> list[tuple[str, str]]:
    uc = review.use_case
    facts = [("Use case", uc.name + (f" ({uc.path})" if uc.path else ""))]
    if uc.model:
        facts.append(("Model", uc.model))
    facts.append(("Commercial", "yes" if uc.commercial else "no"))
    facts.append(("Deployment", uc.deployment.value if uc.deployment else "not stated"))
    facts.append(("Modification", uc.modification.value if uc.modification else "not stated"))
    if uc.monthly_active_users is not None:
        facts.append(("Monthly active users", f"{uc.monthly_active_users:,}"))
    if uc.annual_revenue_usd is not None:
        facts.append(("Annual revenue (USD)", f"{uc.annual_revenue_usd:,}"))
    if uc.outputs_train_other_models is not None:
        facts.append(("Outputs train other models",
                      "yes" if uc.outputs_train_other_models else "no"))
    if uc.activities:
        facts.append(("Declared activities", ", ".join(uc.activities)))
    if uc.excluded_activities:
        facts.append(("Excluded activities", ", ".join(uc.excluded_activities)))
    return facts


def _license_line(review: Review) -> str:
    lic = review.basis.license
    if lic is None:
        return f"{review.basis.reference}: no license identified"
    return f"{lic.name} ({lic.key}, {lic.spdx})"


def _where(ev: Evidence) -> str:
    doc = ev.document
    if doc == "license":
        return ev.section
    if doc.startswith("file:"):
        return f"{ev.section} of {doc[5:]}"
    return f"{ev.section}, {doc}"


def _matched(f: Finding) -> str:
    items = f.extra.get("matched") or []
    return "; ".join(f"{m['field']}: \u201c{m['words']}\u201d ({m['rule']})" for m in items)


def review_provenance(review: Review) -> Provenance:
    """What the review rests on: the use-case file, the license file (when it is one), the
    term sheet."""
    return provenance([review.use_case.path, review.basis.reference], [review.basis.sheet])


def _context(review: Review) -> dict[str, Any]:
    rows, folded = _matrix_rows(review)
    steps = [(s, STEP_TITLES[s], [f for f in fs if not _is_quiet(f)],
              [f for f in fs if _is_quiet(f)]) for s, fs in _steps(review)]
    return {"review": review, "summary": _summary(review), "facts": _use_case_facts(review),
            "license_line": _license_line(review), "rests_on": review.basis.rests_on,
            "steps": steps, "rows": rows, "folded": folded, "where": _where,
            "matched": _matched, "escalations": review.escalations,
            "escalate_title": STEP_TITLES[Step.ESCALATE], "verdict": review.verdict.value,
            "disclaimer": DISCLAIMER, "provenance": review_provenance(review)}


# -- JSON -----------------------------------------------------------------------------------------

def _evidence_json(ev: Evidence) -> dict[str, str]:
    return {"quote": ev.quote, "section": ev.section, "document": ev.document,
            "license": ev.license}


def finding_json(f: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "step": f.step, "code": f.code, "status": _status(f).value,
        "severity": f.severity.value, "title": f.title, "rationale": f.message,
        "evidence": [_evidence_json(ev) for ev in f.evidence], "actions": list(f.actions),
    }
    for key in ("clause", "clauses", "taxonomy", "matched", "facts", "question", "applies"):
        if key in f.extra:
            data[key] = f.extra[key]
    return data


def _risk_json(r: Risk) -> dict[str, Any]:
    return {"code": r.code, "title": r.title, "step": r.step, "status": r.status.value,
            "likelihood": r.likelihood.value, "impact": r.impact.value,
            "risk": r.rating.value}


def _escalation_json(e: Escalation) -> dict[str, Any]:
    return {"code": e.code, "title": e.title, "status": e.status.value,
            "question": e.question, "evidence": [_evidence_json(ev) for ev in e.evidence]}


def to_json(review: Review) -> dict[str, Any]:
    """The `review --json` document (keys per docs/cli-contract.md, plus format_version)."""
    basis = review.basis
    lic, sheet, ident = basis.license, basis.sheet, basis.identification
    uc = review.use_case
    return {
        "format_version": FORMAT_VERSION,
        "license": None if lic is None else {
            "id": lic.key, "spdx": lic.spdx, "name": lic.name,
            "title": sheet.title if sheet else lic.name,
            "version": sheet.version if sheet else None,
            "term_sheet": sheet is not None,
        },
        "identification": {
            "reference": basis.reference,
            "result": ident.result.value if ident else "reference",
            "family_tag": basis.family_tag.tag if basis.family_tag else None,
            "details": ident.to_json() if ident else None,
        },
        "rests_on": basis.rests_on,
        "use_case": {
            "name": uc.name, "path": uc.path, "model": uc.model, "commercial": uc.commercial,
            "deployment": uc.deployment.value if uc.deployment else None,
            "modification": uc.modification.value if uc.modification else None,
            "monthly_active_users": uc.monthly_active_users,
            "annual_revenue_usd": uc.annual_revenue_usd,
            "outputs_train_other_models": uc.outputs_train_other_models,
            "activities": list(uc.activities),
            "excluded_activities": list(uc.excluded_activities),
            "facts": dict(uc.facts),
        },
        "facts": [f.to_json() for f in review.facts.facts.values()] if review.facts else [],
        "verdict": review.verdict.value,
        "summary": _counts(review),
        "findings": [finding_json(f) for f in review.findings],
        "risk_matrix": [_risk_json(r) for r in review.risk_matrix],
        "escalate": [_escalation_json(e) for e in review.escalations],
        "not_assessed": list(review.not_assessed),
        "disclaimer": DISCLAIMER,
        "provenance": review_provenance(review).to_json(),
    }


# -- Markdown -------------------------------------------------------------------------------------

def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_finding(f: Finding, lines: list[str]) -> None:
    st = _status(f)
    lines.append(f"### {_MARK[st]} {f.title}")
    lines.append("")
    lines.append(f"`{f.code}` \u2014 **{st.value}**. {f.message}")
    if f.extra.get("matched"):
        lines += ["", f"Matched: {_matched(f)}"]
    for ev in f.evidence:
        lines += ["", f"> \u201c{ev.quote}\u201d \u2014 {_where(ev)}"]
    if f.actions:
        lines.append("")
        lines += [f"- [ ] {a}" for a in f.actions]
    if f.extra.get("question"):
        lines += ["", f"Question for counsel: {f.extra['question']}"]
    lines.append("")


def to_markdown(review: Review) -> str:
    """A Markdown report: the five steps, the risk matrix and the questions for counsel."""
    ctx = _context(review)
    lines = [f"# License review: {review.use_case.name}", "",
             f"**Verdict: {ctx['summary']}**", "",
             f"- License: {ctx['license_line']}",
             f"- Rests on: {ctx['rests_on']}"]
    lines += [f"- {k}: {v}" for k, v in ctx["facts"]]
    lines.append("")
    for n, (_step, title, shown, quiet) in enumerate(ctx["steps"], start=1):
        lines += [f"## {n}. {title}", ""]
        for f in shown:
            _md_finding(f, lines)
        if quiet:
            lines += [f"Clear \u2014 nothing in the use case involves these {len(quiet)} "
                      "restriction(s):", "", "| Restriction | Category | Section |",
                      "|---|---|---|"]
            for f in quiet:
                section = f.evidence[0].section if f.evidence else ""
                lines.append(f"| {_md_escape(f.title)} | {f.code} | {_md_escape(section)} |")
            lines.append("")
    lines += [f"## 5. {ctx['escalate_title']}", "", "### Risk matrix", "",
              "| Finding | Step | Status | Likelihood | Impact | Risk |",
              "|---|---|---|---|---|---|"]
    for r in ctx["rows"]:
        lines.append(f"| {_md_escape(r.title)} (`{r.code}`) | {r.step} | {r.status.value} | "
                     f"{r.likelihood.value} | {r.impact.value} | **{r.rating.value}** |")
    if ctx["folded"]:
        lines.append(f"| {ctx['folded']} other term(s): clear, nothing to do | \u2014 | clear | "
                     "low | \u2014 | low |")
    lines += ["", "### Escalate to counsel", ""]
    if not review.escalations:
        lines += ["Nothing to escalate.", ""]
    for i, e in enumerate(review.escalations, start=1):
        lines.append(f"{i}. **{e.title}** (`{e.code}`, {e.status.value}): {e.question}")
        for ev in e.evidence:
            lines.append(f"   > \u201c{ev.quote}\u201d \u2014 {_where(ev)}")
    lines.append("")
    if review.not_assessed:
        lines += ["### Not assessed", ""] + [f"- {n}" for n in review.not_assessed] + [""]
    lines += [f"**Overall verdict: {review.verdict.value}.**", "", "---", "",
              "Provenance:", ""] + [f"- {line}" for line in ctx["provenance"].lines()]
    lines += ["", f"*{DISCLAIMER}*", ""]
    return neutralise_html("\n".join(lines))


# -- HTML -----------------------------------------------------------------------------------------

def to_html(review: Review) -> str:
    """A standalone HTML report (template `review.html.j2`, overridable)."""
    return render("review.html.j2", **_context(review))


# -- DOCX -----------------------------------------------------------------------------------------

def to_docx(review: Review) -> bytes:
    """A Word document for counsel: the risk matrix as a real table, every quote in the
    'Quote' style, questions for counsel as a numbered list."""
    from docx import Document  # python-docx: imported here, only DOCX reports need it
    from docx.shared import Pt

    review = xml_safe(review)  # a control character or a non-UTF-8 file name is not XML
    ctx = _context(review)
    doc = Document()
    doc.core_properties.title = f"License review: {review.use_case.name}"[:255]
    doc.core_properties.subject = ctx["rests_on"]
    doc.core_properties.author = AUTHOR
    doc.core_properties.last_modified_by = AUTHOR
    doc.core_properties.comments = ctx["provenance"].lines()[0][:255]  # the rest in the body
    doc.add_heading(f"License review: {review.use_case.name}", level=0)
    verdict = doc.add_paragraph()
    verdict.add_run(f"Verdict: {ctx['summary']}").bold = True
    facts = doc.add_table(rows=0, cols=2)
    facts.style = "Table Grid"
    for key, value in [("License", ctx["license_line"]), ("Rests on", ctx["rests_on"]),
                       *ctx["facts"]]:
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = key, value
    for n, (_step, title, shown, quiet) in enumerate(ctx["steps"], start=1):
        doc.add_heading(f"{n}. {title}", level=1)
        for f in shown:
            st = _status(f)
            doc.add_heading(f"{_MARK[st]} {f.title}", level=2)
            p = doc.add_paragraph()
            p.add_run(f"{f.code} \u2014 {st.value}. ").bold = True
            p.add_run(f.message)
            if f.extra.get("matched"):
                doc.add_paragraph(f"Matched: {_matched(f)}")
            for ev in f.evidence:
                q = doc.add_paragraph(f"\u201c{ev.quote}\u201d", style="Quote")
                q.add_run(f" \u2014 {_where(ev)}").italic = False
            for action in f.actions:
                doc.add_paragraph(action, style="List Bullet")
            if f.extra.get("question"):
                doc.add_paragraph().add_run(
                    f"Question for counsel: {f.extra['question']}").italic = True
        if quiet:
            doc.add_paragraph(f"Clear \u2014 nothing in the use case involves these "
                              f"{len(quiet)} restriction(s): "
                              + "; ".join(f"{f.title} ({f.code})" for f in quiet) + ".")
    doc.add_heading(f"5. {ctx['escalate_title']}", level=1)
    doc.add_heading("Risk matrix", level=2)
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, head in zip(table.rows[0].cells, ("Finding", "Step", "Status", "Likelihood",
                                                 "Impact", "Risk"), strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(head).bold = True
    for r in ctx["rows"]:
        cells = table.add_row().cells
        values = (f"{r.title} ({r.code})", r.step, r.status.value, r.likelihood.value,
                  r.impact.value, r.rating.value)
        for cell, value in zip(cells, values, strict=True):
            cell.text = value
    if ctx["folded"]:
        cells = table.add_row().cells
        for cell, value in zip(cells, (f"{ctx['folded']} other term(s): clear, nothing to "
                                       "do", "\u2014", "clear", "low", "\u2014", "low"),
                               strict=True):
            cell.text = value
    doc.add_heading("Escalate to counsel", level=2)
    if not review.escalations:
        doc.add_paragraph("Nothing to escalate.")
    for e in review.escalations:
        p = doc.add_paragraph(style="List Number")
        p.add_run(f"{e.title} ({e.code}, {e.status.value}): ").bold = True
        p.add_run(e.question)
        for ev in e.evidence:
            doc.add_paragraph(f"\u201c{ev.quote}\u201d \u2014 {_where(ev)}", style="Quote")
    if review.not_assessed:
        doc.add_heading("Not assessed", level=2)
        for item in review.not_assessed:
            doc.add_paragraph(item, style="List Bullet")
    p = doc.add_paragraph()
    p.add_run(f"Overall verdict: {review.verdict.value}.").bold = True
    for line in ctx["provenance"].lines():
        doc.add_paragraph().add_run(line).font.size = Pt(8)
    disclaimer = doc.add_paragraph()
    run = disclaimer.add_run(DISCLAIMER)
    run.italic = True
    run.font.size = Pt(9)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


# -- terminal -------------------------------------------------------------------------------------

def _rich_finding(f: Finding) -> list[RenderableType]:
    st = _status(f)
    style = _STYLE[st]
    parts: list[RenderableType] = [Text.from_markup(
        f"  [{style}]{_MARK[st]} {st.value}[/{style}] [bold]{escape(f.title)}[/bold] "
        f"[dim]({escape(f.code)})[/dim]")]
    parts.append(Text(f"    {f.message}"))
    if f.extra.get("matched"):
        parts.append(Text(f"    matched: {_matched(f)}", style="dim"))
    for ev in f.evidence[:3]:
        parts.append(Text.from_markup(f"    [italic]\u201c{escape(ev.quote)}\u201d[/italic] "
                                      f"[dim]({escape(_where(ev))})[/dim]"))
    if len(f.evidence) > 3:
        parts.append(Text(f"    (+{len(f.evidence) - 3} more quotes in --json)", style="dim"))
    parts += [Text(f"    \u2192 {a}", style="cyan") for a in f.actions]
    if f.extra.get("question"):
        parts.append(Text(f"    ? {f.extra['question']}", style="yellow"))
    return parts


class _Wrapped:
    """A paragraph that wraps to the width it is given under its own indent (not at the left
    margin), with no trailing spaces."""

    def __init__(self, text: Text) -> None:
        self.indent = len(text.plain) - len(text.plain.lstrip(" "))
        self.text = text[self.indent:]

    def __rich_console__(self, console: Console,
                         options: ConsoleOptions) -> Iterator[RenderableType]:
        width = max(20, options.max_width - self.indent)
        for line in self.text.wrap(console, width, overflow="fold"):
            line.rstrip()
            yield Text(" " * self.indent) + line


def _kept_indent(part: RenderableType) -> RenderableType:
    return _Wrapped(part) if isinstance(part, Text) and "\n" not in part.plain.strip("\n") \
        else part


def to_rich(review: Review) -> RenderableType:
    """What `licentia review` prints on a terminal."""
    ctx = _context(review)
    style = _VERDICT_STYLE[review.verdict]
    parts: list[RenderableType] = [
        Rule(f"license review: {escape(review.use_case.name)}", align="left"),
        Text(ctx["summary"], style=f"bold {style}"),
        Text(f"License: {ctx['license_line']}"),
        Text(f"Rests on: {ctx['rests_on']}", style="dim"),
        Text("  ".join(f"{k}: {v}" for k, v in ctx["facts"]), style="dim"),
    ]
    for n, (_step, title, shown, quiet) in enumerate(ctx["steps"], start=1):
        parts.append(Text(f"\n{n}. {title}", style="bold underline"))
        for f in shown:
            parts += _rich_finding(f)
        if quiet:
            parts.append(Text(f"  \u2713 clear ({len(quiet)}): nothing in the use case involves "
                              + ", ".join(dict.fromkeys(f.code for f in quiet)), style="green"))
    parts.append(Text(f"\n5. {ctx['escalate_title']}", style="bold underline"))
    table = Table(title="risk matrix", title_justify="left")
    table.add_column("finding")
    table.add_column("status", no_wrap=True)
    table.add_column("likelihood \u00d7 impact", no_wrap=True)
    table.add_column("risk", no_wrap=True)
    for r in ctx["rows"]:
        table.add_row(f"{_short(r.title, 60)} [dim]({escape(r.code)})[/dim]",
                      Text(r.status.value, style=_STYLE[r.status]),
                      f"{r.likelihood.value} \u00d7 {r.impact.value}",
                      Text(r.rating.value, style="bold"))
    if ctx["folded"]:
        table.add_row(f"{ctx['folded']} other term(s): nothing to do",
                      Text("clear", style="green"), "low", "low")
    parts.append(table)
    if review.escalations:
        parts.append(Text("escalate to counsel:", style="bold"))
        for i, e in enumerate(review.escalations, start=1):
            parts.append(Text.from_markup(
                f"  {i}. [{_STYLE[e.status]}]{escape(e.title)}[/{_STYLE[e.status]}] "
                f"[dim]({escape(e.code)})[/dim]: {escape(e.question)}"))
    for item in review.not_assessed:
        parts.append(Text(f"not assessed: {item}", style="dim"))
    parts.append(Text(f"\nverdict: {review.verdict.value}", style=f"bold {style}"))
    parts += [Text(line, style="dim") for line in ctx["provenance"].lines()]
    parts.append(Text(DISCLAIMER, style="dim"))
    return Group(*(_kept_indent(p) for p in parts))
