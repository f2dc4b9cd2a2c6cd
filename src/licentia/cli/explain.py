# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia explain REF`: every term of a license, each with the clause that says it."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.markup import escape

from licentia.catalog.catalog import Source
from licentia.catalog.explain import Explanation, facts_json, to_json
from licentia.catalog.terms import Clause
from licentia.cli._common import fail, out, print_json, say
from licentia.reference import Resolved, resolve_reference
from licentia.report.provenance import provenance
from licentia.report.render import DISCLAIMER
from licentia.report.words import pairs


def single_license(ref: str) -> Resolved:
    resolved = resolve_reference(ref)
    if len(resolved.licenses) > 1:
        names = ", ".join(lic.key for lic in resolved.licenses)
        fail(f"{ref}: names {len(resolved.licenses)} licenses ({names}); give one at a time")
    return resolved


def render_clause(c: Clause, indent: str = "  ") -> None:
    tags = f" [{', '.join(c.taxonomy)}]" if c.taxonomy else ""
    shown = pairs(c.value.model_dump(mode="json", exclude_none=True).items())
    extra = []
    if c.flows_down:
        extra.append("flows down")
    if c.incorporated_by_reference:
        extra.append(f"incorporated from {c.incorporated_by_reference}")
    if c.artifacts:
        extra.append("binds " + ", ".join(a.value for a in c.artifacts))
    at = len(indent)
    say(f"[bold]{escape(c.title)}[/bold]{escape(tags)}", at)
    if shown or extra:
        say(f"[dim]{escape('; '.join(filter(None, [shown, *extra])))}[/dim]", at + 2)
    for ev in c.evidence:
        doc = "" if ev.document == "license" else f", {ev.document}"
        say(f"[italic]\u201c{escape(ev.quote)}\u201d[/italic] "
            f"[dim]({escape(ev.section)}{escape(doc)})[/dim]", at + 2)
    if c.note:
        say(f"[dim]note: {escape(c.note)}[/dim]", at + 2)


def explain(
    ref: Annotated[str, typer.Argument(help="License id, SPDX id, HF tag, or a license file.",
                                      metavar="LICENSE_REF")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Explain a license's terms, each with its verbatim quote and section.

    Permissions, conditions, limitations, use restrictions, thresholds, patent grant and
    copyleft."""
    resolved = single_license(ref)
    if resolved.sheet is None and resolved.license.source is Source.TEMPLATE:
        fail(f"{ref}: licentia's template has no terms of its own, each draft has the ones its "
             "licensor chose: explain the drafted file (licentia explain LICENSE.md)")
    # resolved.sheet: the packaged term sheet, or the one built for a text licentia drafted
    exp = Explanation(resolved.license, resolved.sheet)
    data = to_json(exp)
    if resolved.identification is not None:
        data["identification"] = resolved.identification.to_json()
    data["provenance"] = provenance([ref], [resolved.sheet]).to_json()
    if as_json:
        print_json(data)
        return
    lic, sheet = exp.license, exp.sheet
    title = sheet.title if sheet else lic.name
    version = f" — {sheet.version}" if sheet else ""
    say(f"[bold]{escape(title)}[/bold]{escape(version)}  ({lic.key}, {lic.spdx})")
    if resolved.identification is not None:
        ident = resolved.identification
        out.print(f"identified in {escape(ident.path)}: {ident.result.value}")
    facts = facts_json(lic, sheet)
    say(escape(pairs(((k, v) for k, v in facts.items() if k != "source"), "; "))
        + f"  [dim]({escape(str(facts['source']))})[/dim]", 2)
    if sheet is None:
        say(f"[yellow]{escape(data['note'])}[/yellow]")
    for kind, clauses in exp.groups:
        out.print(f"\n[bold underline]{kind.value}[/bold underline] ({len(clauses)})")
        for c in clauses:
            render_clause(c)
    if sheet is not None:
        for doc in sheet.documents:
            out.print()
            say(f"[dim]incorporated by reference: {escape(doc.title)} "
                f"({escape(doc.url or doc.id)})[/dim]")
    out.print()
    say(f"[dim]{DISCLAIMER}[/dim]")
