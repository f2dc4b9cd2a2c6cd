# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A run as a document for counsel: the library's own HTML or DOCX report of the review (HTML
for a check), rendered again from the stored document, with the decisions taken on it."""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from pathlib import Path

from docx import Document

from licentia.errors import InputError
from licentia.registry.analyse import check_of, review_of
from licentia.registry.models import Decision, Run, UseCase, User
from licentia.registry.storage import stored_path
from licentia.registry.vocab import RunKind
from licentia.report import check as check_report
from licentia.report import review as review_report

FORMATS = {"html": "text/html; charset=utf-8",
           "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


@dataclass(frozen=True)
class Export:
    data: bytes
    media_type: str
    filename: str


def _decision_lines(decisions: list[Decision], names: dict[int, str]) -> list[str]:
    lines = []
    for d in decisions:
        line = (f"{d.outcome.value.capitalize()} ({d.kind.value}) by "
                f"{names.get(d.approver_id, '?')} on {d.created_at:%Y-%m-%d %H:%M} UTC, "
                f"requested by {names.get(d.requester_id, '?')}: {d.reason}")
        if d.scope:
            line += f" Scope: {d.scope}."
        if d.expires_on:
            line += f" Valid until {d.expires_on.isoformat()}."
        lines.append(line)
    return lines or ["No decision has been recorded."]


def _note(run: Run, verdict: str) -> str | None:
    if run.verdict is not None and verdict != run.verdict:
        return (f"Rendered again with this licentia, the verdict is {verdict}; when the run "
                f"was recorded it was {run.verdict}.")
    return None


def _with_decisions_html(report: str, lines: list[str], note: str | None) -> bytes:
    items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
    extra = f"<p>{html.escape(note)}</p>" if note else ""
    section = f'<section id="decisions"><h2>Decisions</h2>{extra}<ul>{items}</ul></section>'
    head, sep, tail = report.rpartition("</body>")
    return (head + section + sep + tail if sep else report + section).encode("utf-8")


def _with_decisions_docx(report: bytes, lines: list[str], note: str | None) -> bytes:
    doc = Document(io.BytesIO(report))
    doc.add_heading("Decisions", level=1)
    if note:
        doc.add_paragraph(note)
    for line in lines:
        doc.add_paragraph(line, style="List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def export(run: Run, fmt: str, storage: Path, use_case: UseCase | None,
           decisions: list[Decision], users: list[User]) -> Export:
    """The run's report in `fmt` (html or docx); InputError for what has no such report."""
    if fmt not in FORMATS:
        raise InputError("a report is html or docx", key="format")
    path = stored_path(storage, run.document_file)
    lines = _decision_lines(decisions, {u.id: u.name for u in users})
    stem = f"licentia-run-{run.id}-{run.kind.value}"
    if run.kind is RunKind.REVIEW and use_case is not None:
        review = review_of(path, use_case.spec)
        note = _note(run, review.verdict.value)
        if fmt == "html":
            data = _with_decisions_html(review_report.to_html(review), lines, note)
        else:
            data = _with_decisions_docx(review_report.to_docx(review), lines, note)
    elif run.kind is RunKind.CHECK and fmt == "html":
        result = check_of(path, run.document_name)
        data = _with_decisions_html(check_report.to_html(result), lines,
                                    _note(run, result.verdict.value))
    else:
        raise InputError(f"a {run.kind.value} run has no {fmt.upper()} report (reviews: HTML "
                         "and DOCX; checks: HTML)", key="format")
    return Export(data, FORMATS[fmt], f"{stem}.{fmt}")
