# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia review LICENSE_REF --use-case FILE.yaml`: can we do this with that model?

A thin shell: read the use case, run the five-step review, print one rendering, exit 1 when the
verdict is `conflict` (docs/cli-contract.md), 2 on bad input.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from licentia.analysis.review import Review, Verdict, review_reference
from licentia.analysis.review.answers import open_questions, parse_answer, with_answers
from licentia.analysis.usecase import UseCase
from licentia.atomic_write import Write, write_file, write_files
from licentia.cli._common import EXIT_FINDING, EXIT_OK, err, fail, out, print_json
from licentia.identify.index import index_path
from licentia.limits import MAX_YAML_BYTES
from licentia.report import review as report
from licentia.safe_read import exists, is_regular_file, read_utf8
from licentia.settings import project_settings


class ReportFormat(StrEnum):
    MD = "md"
    HTML = "html"
    DOCX = "docx"


def _write(data: str | bytes, dest: Path | None, force: bool) -> None:
    if dest is None:
        if isinstance(data, bytes):
            if sys.stdout.isatty():
                fail("a DOCX report is binary: give --out FILE.docx or redirect stdout")
            sys.stdout.buffer.write(data)
            sys.stdout.buffer.flush()
        else:
            sys.stdout.write(data)
        return
    write_file(dest, data, force)
    err.print(f"wrote {dest}", markup=False)


def review(
    ref: Annotated[str, typer.Argument(
        metavar="LICENSE_REF",
        help="License id, SPDX id, Hugging Face tag, or a license file / model card.")],
    use_case: Annotated[Path, typer.Option(
        "--use-case", "-u", help="The intended use (YAML: name, description, commercial, ...).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON document.")] = False,
    fmt: Annotated[ReportFormat | None, typer.Option(
        "--format", "-f", help="Write a report for counsel instead: md, html or docx.",
        case_sensitive=False)] = None,
    dest: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write the --format report to this file (default: stdout).",
        dir_okay=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite the --out file if it exists.")] = False,
    interactive: Annotated[bool, typer.Option(
        "--interactive", "-i", help="Ask the open questions of the gray findings, review again "
        "with the answers, and offer to write them into the use case (`facts:`).")] = False,
) -> None:
    """Review one license against one intended use; exit 1 on a conflict.

    Verifies the license, maps its use restrictions, lists attribution duties, assesses the
    patent grant and escalates the gray areas (risk matrix and verdict clear, review or
    conflict)."""
    default = project_settings().format_for("review")  # [tool.licentia.format] review
    if fmt is None and not as_json and default is not None:
        fmt = ReportFormat(default)
    if as_json and fmt is not None:
        fail("--json and --format are alternatives: give one")
    if dest is not None and fmt is None:
        fail("--out needs --format md|html|docx")
    uc = UseCase.from_file(use_case)
    if is_regular_file(Path(ref)) and not exists(index_path()):
        err.print("licentia: building the license index from the LicenseDB (first run only)...",
                  markup=False)
    result = review_reference(ref, uc)
    if interactive:
        result = _interview(ref, use_case, result)
    if as_json:
        print_json(report.to_json(result))
    elif fmt is ReportFormat.MD:
        _write(report.to_markdown(result), dest, force)
    elif fmt is ReportFormat.HTML:
        _write(report.to_html(result), dest, force)
    elif fmt is ReportFormat.DOCX:
        _write(report.to_docx(result), dest, force)
    else:
        out.print(report.to_rich(result), soft_wrap=False)  # wrapped to the output's width
    raise typer.Exit(EXIT_FINDING if result.verdict is Verdict.CONFLICT else EXIT_OK)


def _interview(ref: str, path: Path, result: Review) -> Review:
    """Ask each open question on the terminal (prompts on stderr), review again with the
    answers, and write them into the use case if the user agrees."""
    questions = open_questions(result)
    if not questions:
        err.print("No open questions: nothing in the review waits on a fact.", markup=False)
        return result
    err.print(f"{len(questions)} open question(s); answer yes / no (or a number, a name), "
              "or press Enter to skip.", markup=False)
    facts: dict[str, bool | int | str] = {}
    involved: list[str] = []
    excluded: list[str] = []
    for q in questions:
        kind = {"bool": "yes/no", "number": "a number", "text": "text"}[q.kind]
        try:
            text = err.input(f"\n[bold]{q.text}[/bold] ({kind}) ")
        except EOFError:
            break
        answer = parse_answer(q.kind, text)
        if answer is None:
            continue
        if q.fact is not None:
            facts[q.fact] = answer
        elif q.activity is not None:
            (involved if answer is True else excluded).append(q.activity)
    if not facts and not involved and not excluded:
        err.print("No answers given; the review stands as it is.", markup=False)
        return result
    uc = result.use_case
    answered = replace(uc, facts={**uc.facts, **facts},
                       activities=tuple(dict.fromkeys([*uc.activities, *involved])),
                       excluded_activities=tuple(dict.fromkeys([*uc.excluded_activities,
                                                                *excluded])))
    again = review_reference(ref, answered)
    err.print(f"With your answers the verdict is {again.verdict.value} "
              f"(it was {result.verdict.value}).", markup=False)
    try:
        keep = err.input(f"Write the answers into {path}? (yes/no) ").strip().lower()
    except EOFError:
        keep = ""
    if keep in ("y", "yes"):
        text = with_answers(read_utf8(path, MAX_YAML_BYTES, "use-case file"), facts, involved,
                           excluded)
        write_files([Write(path, text.encode("utf-8"))], force=True)
        err.print(f"wrote {path}", markup=False)
    return again
