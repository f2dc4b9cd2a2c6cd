# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia licenses list|show`: the catalog."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from rich.table import Table

from licentia.catalog.catalog import Family, License, catalog
from licentia.catalog.terms import sheet_for
from licentia.cli._common import out, print_json
from licentia.report.provenance import provenance

app = typer.Typer(help="Browse the license catalog.", no_args_is_help=True)


def license_json(lic: License) -> dict[str, Any]:
    return {
        "id": lic.key, "spdx": lic.spdx, "name": lic.name, "short_name": lic.short_name,
        "family": lic.family.value, "category": lic.category, "owner": lic.owner,
        "source": lic.source.value, "homepage_url": lic.homepage_url,
        "osi_license_key": lic.osi_license_key, "other_spdx": list(lic.other_spdx),
        "hf_tags": list(lic.hf_tags), "aliases": list(lic.aliases),
        "deprecated": lic.is_deprecated, "replaced_by": list(lic.replaced_by),
        "term_sheet": sheet_for(lic.key) is not None,
    }


@app.command("list")
def list_(
    family: Annotated[Family | None, typer.Option(help="Only this family.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """List the licenses licentia knows (LicenseDB plus licentia's own entries)."""
    licenses = catalog().list(family)
    if as_json:
        stamp = provenance().to_json()
        print_json([{**license_json(lic), "provenance": stamp} for lic in licenses])
        return
    rows = [(lic.key, lic.spdx, lic.family.value, "yes" if sheet_for(lic.key) else "no",
             lic.short_name) for lic in licenses]
    if out.is_terminal:
        out.print(_table(rows, out.width))
    else:  # piped: whole values on one line each, name last (never cut, easy to cut(1))
        for line in _lines(rows):
            sys.stdout.write(line + "\n")
    out.print(f"{len(licenses)} licenses")


_HEAD = ("id", "spdx", "family", "terms", "name")


def _lines(rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows as aligned lines; every value whole."""
    widths = [max(len(r[i]) for r in [_HEAD, *rows]) for i in range(len(_HEAD) - 1)]
    return ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=False)) + "  " + r[-1]
            for r in [_HEAD, *rows]]


def _table(rows: Sequence[tuple[str, ...]], width: int) -> Table:
    """A table for a terminal: the id (what a user copies) is never cut; the name wraps; the
    SPDX id is shown when it fits whole."""
    id_width = max(len(r[0]) for r in rows)
    spdx_width = max(len(r[1]) for r in rows)
    with_spdx = width >= id_width + spdx_width + 6 + 5 + 20 + 8
    table = Table(box=None, pad_edge=False)
    table.add_column("id", no_wrap=True, min_width=id_width)
    if with_spdx:
        table.add_column("spdx", no_wrap=True, min_width=spdx_width)
    table.add_column("family", no_wrap=True)
    table.add_column("terms", no_wrap=True)
    table.add_column("name", overflow="fold")
    for key, spdx, family, terms, name in rows:
        table.add_row(key, *([spdx] if with_spdx else []), family, terms, name)
    return table


@app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="SPDX id, LicenseDB key, LicenseRef or HF tag.",
                                      metavar="LICENSE_REF")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one license's metadata and every name it goes by."""
    lic = catalog().resolve(ref)
    data = license_json(lic)
    if as_json:
        data["provenance"] = provenance([], [sheet_for(lic.key)]).to_json()
        print_json(data)
        return
    out.print(f"[bold]{lic.name}[/bold]")
    for field in ("id", "spdx", "family", "category", "owner", "source", "homepage_url",
                  "osi_license_key"):
        if data[field]:
            out.print(f"  {field:15} {data[field]}")
    for field in ("other_spdx", "hf_tags", "aliases", "replaced_by"):
        if data[field]:
            out.print(f"  {field:15} {', '.join(data[field])}")
    sheet = f"yes (licentia explain {lic.key})" if data["term_sheet"] else "no"
    out.print(f"  {'term sheet':15} {sheet}")
