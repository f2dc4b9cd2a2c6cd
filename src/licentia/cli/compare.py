# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia compare A B`: two licenses' terms side by side, then their text differences."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.markup import escape

from licentia.analysis.compare import Comparison
from licentia.analysis.compare import compare as compare_licenses
from licentia.catalog.explain import clause_json, license_json
from licentia.cli._common import out, print_differences, print_json, say
from licentia.cli.explain import render_clause, single_license
from licentia.report.provenance import provenance

MAX_TEXT_DIFFS = 20


def to_json(c: Comparison) -> dict[str, Any]:
    return {
        "a": license_json(c.a, c.sheet_a),
        "b": license_json(c.b, c.sheet_b),
        "same": [{"a": clause_json(p.a), "b": clause_json(p.b)} for p in c.same],
        "only_a": [clause_json(x) for x in c.only_a],
        "only_b": [clause_json(x) for x in c.only_b],
        "different": [{"a": clause_json(p.a), "b": clause_json(p.b)} for p in c.different],
        "text_differences": [{"kind": d.kind.value, "reference": d.reference, "found": d.found,
                              "line": d.line, "section": d.section}
                             for d in c.text_differences],
        "notes": list(c.notes),
    }


def compare(
    a: Annotated[str, typer.Argument(help="First license (the reference).", metavar="A")],
    b: Annotated[str, typer.Argument(help="Second license.", metavar="B")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Show every text difference.")] = False,
) -> None:
    """Compare two licenses: same terms, terms only in one, different values, then the text."""
    result = compare_licenses(single_license(a).license, single_license(b).license)
    if as_json:
        data = to_json(result)
        data["provenance"] = provenance([a, b], [result.sheet_a, result.sheet_b]).to_json()
        print_json(data)
        return
    say(f"[bold]A[/bold] {escape(result.a.name)} ({result.a.key})")
    say(f"[bold]B[/bold] {escape(result.b.name)} ({result.b.key})")
    for label, clauses in (("only in A", result.only_a), ("only in B", result.only_b)):
        out.print(f"\n[bold underline]{label}[/bold underline] ({len(clauses)})")
        for clause in clauses:
            render_clause(clause)
    out.print(f"\n[bold underline]different[/bold underline] ({len(result.different)})")
    for p in result.different:
        out.print("  [bold]A[/bold]")
        render_clause(p.a, "    ")
        out.print("  [bold]B[/bold]")
        render_clause(p.b, "    ")
    out.print(f"\n[bold underline]same[/bold underline] ({len(result.same)})")
    for p in result.same:
        say(f"- {escape(p.a.title)}", 2, hang=2)
    diffs = result.text_differences
    out.print(f"\n[bold underline]text differences[/bold underline] ({len(diffs)}; lines of B)")
    print_differences(diffs, show_all, MAX_TEXT_DIFFS, ("A", "B"))
    for note in result.notes:
        say(f"[dim]note: {escape(note)}[/dim]")
