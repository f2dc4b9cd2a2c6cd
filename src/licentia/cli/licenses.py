# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia licenses list|show`: the catalog."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from licentia.catalog.catalog import Family, License, catalog
from licentia.catalog.terms import sheet_for
from licentia.cli._common import out, print_json

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
        print_json([license_json(lic) for lic in licenses])
        return
    table = Table("id", "spdx", "name", "family", "terms", box=None, pad_edge=False)
    for lic in licenses:
        table.add_row(lic.key, lic.spdx, lic.short_name, lic.family.value,
                      "yes" if sheet_for(lic.key) else "")
    out.print(table)
    out.print(f"{len(licenses)} licenses")


@app.command("show")
def show(
    ref: Annotated[str, typer.Argument(help="SPDX id, LicenseDB key, LicenseRef or HF tag.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Show one license's metadata and every name it goes by."""
    lic = catalog().resolve(ref)
    data = license_json(lic)
    if as_json:
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
