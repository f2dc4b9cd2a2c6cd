# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia choose`: which license to release under, from a goals file or an interview."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from licentia.analysis.choose import Choice, choose
from licentia.analysis.goals import Goals
from licentia.analysis.interview import Question, answer, next_question, valid_answers
from licentia.cli._common import EXIT_USAGE, err, fail, naming, out, print_json
from licentia.errors import InputError
from licentia.report.choose import render_text, to_json
from licentia.report.words import wrap_text


def interview() -> Goals:
    """Ask the decision-tree questions on the terminal; return the goals answered."""
    goals = Goals()
    asked: list[str] = []
    err.print("Answer each question (Enter skips it, ? explains it).")
    while (q := next_question(goals, asked)) is not None:
        asked.append(q.key)
        goals = _ask(goals, q)
    return goals


def _ask(goals: Goals, q: Question) -> Goals:
    options = "/".join(v for v, _ in q.options) if q.options else "comma-separated"
    while True:
        err.print(f"\n[bold]{escape(q.text)}[/bold] [dim]({escape(options)})[/dim]")
        for value, label in q.options:
            if label:
                err.print(f"  [cyan]{escape(value)}[/cyan]: {escape(label)}")
        err.print("> ", end="")
        line = sys.stdin.readline()
        if not line:  # end of input: the rest stays unsaid
            return goals
        if line.strip() == "?":
            err.print(f"[dim]{escape(q.help)}[/dim]")
            valid = valid_answers(q)
            if valid:
                what = "valid answers" if q.options else "valid ids"
                err.print(f"{what}: {escape(', '.join(valid))}", soft_wrap=False)
            continue
        try:
            return answer(goals, q, line)
        except InputError as exc:
            err.print(f"[yellow]{escape(str(exc))}[/yellow]")


def choose_command(
    goals_file: Annotated[Path | None, typer.Option(
        "--goals", help="Goals file (YAML). Without it, an interview on the terminal.",
        dir_okay=False)] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    interactive: Annotated[bool, typer.Option(
        "--interactive", help="Interview even when standard input is not a terminal.")] = False,
    limit: Annotated[int, typer.Option("--limit", min=1, help="How many to show.")] = 5,
    show_all: Annotated[bool, typer.Option("--all", help="Show every candidate.")] = False,
) -> None:
    """Recommend a license for a release: ranked, with why, trade-offs and incompatibilities.

    Goals that cannot all be met are named (exit 2 when they contradict each other)."""
    if goals_file is not None:
        goals = Goals.from_file(goals_file)
    elif interactive or sys.stdin.isatty():
        goals = interview()
    else:
        fail("give a goals file (--goals FILE.yaml), or run on a terminal for the interview")
    with naming(goals_file):
        result: Choice = choose(goals)
    shown = None if show_all else limit
    if as_json:
        print_json(to_json(result, shown, goals_file))
    else:
        text = render_text(result, shown or len(result.recommendations), goals_file)
        out.print(wrap_text(text, out.width), markup=False, end="")
    if result.contradictory:
        first = next(u for u in result.unmet_goals if u.contradiction)
        where = f"{goals_file}: " if goals_file else ""
        err.print(f"licentia: error: {where}contradictory goals {' + '.join(first.goals)}: "
                  f"{first.reason}", markup=False)
        raise typer.Exit(EXIT_USAGE)
