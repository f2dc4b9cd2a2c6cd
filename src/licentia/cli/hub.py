# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia hub lineage|adoption DUMP...`: Hugging Face Hub metadata dumps - lineage compliance
of model trees (exit 1 when a model conflicts with its ancestry) and license adoption."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from licentia.cli._common import EXIT_FINDING, EXIT_OK, err, fail, print_json
from licentia.errors import LicentiaError

app = typer.Typer(help="Hugging Face Hub dumps: lineage compliance and license adoption.",
                  no_args_is_help=True)

Dumps = Annotated[list[Path] | None, typer.Argument(
    help="Dump files (CSV, Parquet, JSON lines) or folders of them.", show_default=False)]
Online = Annotated[bool, typer.Option(
    "--online", help="Also list models from the Hugging Face Hub API (huggingface_hub).")]
Author = Annotated[str | None, typer.Option("--author", help="--online: models of this author.")]
Search = Annotated[str | None, typer.Option("--search",
                                            help="--online: models whose id contains this.")]
Limit = Annotated[int | None, typer.Option("--limit", min=1,
                                           help="--online: at most this many models.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing --out file.")]


class Format(StrEnum):
    TEXT = "text"
    HTML = "html"
    CSV = "csv"
    PARQUET = "parquet"


def _inputs(command: str, dumps: list[Path] | None, online: bool, author: str | None,
            search: str | None, limit: int | None) -> list[Path]:
    """The dump paths, with the Hub API's listing first when --online."""
    if not online:
        if author or search or limit:
            fail(f"licentia hub {command}: --author, --search and --limit need --online")
        if not dumps:
            fail(f"licentia hub {command}: give a dump file or folder, or --online")
        return list(dumps or [])
    from licentia import hfhub
    from licentia.hub.online import Query, fetch

    path = fetch(hfhub.hub_api(), Query(author=author, search=search, limit=limit))
    err.print(f"listed the Hub's models into {escape(str(path))}")
    return [path, *(dumps or [])]


def _write(path: Path, data: bytes | str, force: bool) -> None:
    from licentia.atomic_write import write_file

    written = write_file(path, data, force)
    err.print(f"wrote {escape(str(written))}")


@app.command("lineage")
def lineage_command(
    dumps: Dumps = None,
    as_json: Json = False,
    fmt: Annotated[Format, typer.Option("--format", help="Output format.")] = Format.TEXT,
    out_path: Annotated[Path | None, typer.Option(
        "--out", help="Write the report to this file.", dir_okay=False)] = None,
    ray: Annotated[str | None, typer.Option(
        "--ray", help="Evaluate the rules on Ray: a cluster address, or 'local'.")] = None,
    force: Force = False,
    online: Online = False,
    author: Author = None,
    search: Search = None,
    limit: Limit = None,
) -> None:
    """Check every model of a dump against the licenses of its ancestors."""
    from licentia.hub import render
    from licentia.hub.ingest import ingest
    from licentia.hub.lineage import lineage

    if as_json and fmt is not Format.TEXT:
        fail("licentia hub lineage: --json and --format are exclusive: choose one")
    if fmt in (Format.CSV, Format.PARQUET) and out_path is None:
        fail(f"licentia hub lineage: --format {fmt.value} needs --out FILE")
    try:
        inputs = _inputs("lineage", dumps, online, author, search, limit)
        if ray is None:
            result = lineage(ingest(inputs))
        else:
            from licentia.hub.distributed import ray_runner

            with ray_runner(ray) as runner:
                result = lineage(ingest(inputs, runner=runner), runner)
        data: bytes | str
        if as_json:
            import json

            data = json.dumps(render.to_json(result), indent=2, ensure_ascii=False) + "\n"
        elif fmt is Format.HTML:
            data = render.to_html(result)
        elif fmt in (Format.CSV, Format.PARQUET):
            data = render.table_bytes(result, fmt.value)
        else:
            data = render.to_text(result)
        if out_path is not None:
            _write(out_path, data, force)
        elif isinstance(data, str):
            sys.stdout.write(data)
    except LicentiaError as exc:
        fail(str(exc))
    raise typer.Exit(EXIT_FINDING if result.conflict else EXIT_OK)


@app.command("adoption")
def adoption_command(
    dumps: Dumps = None,
    as_json: Json = False,
    plots: Annotated[Path | None, typer.Option(
        "--plots", help="Write the charts (PNG and SVG) and an HTML page into this folder.",
        file_okay=False)] = None,
    force: Force = False,
    online: Online = False,
    author: Author = None,
    search: Search = None,
    limit: Limit = None,
) -> None:
    """License shares over models and downloads: by family, task and time, with sources."""
    from licentia.atomic_write import Write, write_files
    from licentia.hub import adoption as adopt

    try:
        result = adopt.adoption(_inputs("adoption", dumps, online, author, search, limit))
        if plots is not None:
            written = write_files([Write(plots / name, data)
                                   for name, data in adopt.charts(result).items()], force)
            for p in written:
                err.print(f"wrote {escape(str(p))}")
    except LicentiaError as exc:
        fail(str(exc))
    if as_json:
        print_json(adopt.to_json(result))
    else:
        sys.stdout.write(adopt.to_text(result))
