# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia identify PATH...`: which license each file holds, exactly, and what differs."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from licentia.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    err,
    out,
    print_differences,
    print_json,
)
from licentia.identify import Failure, Identification, Result, identify_paths
from licentia.identify.index import get_index, index_path
from licentia.report.provenance import provenance

_STYLE = {
    Result.EXACT: "green", Result.MODIFIED: "yellow", Result.PARTIAL: "yellow",
    Result.MULTIPLE: "cyan", Result.NONE: "red", Result.NOT_TEXT: "dim",
}
MAX_DIFFS_SHOWN = 8
BAR_MIN_FILES = 20  # a progress bar for more files than this, at a terminal


def _load_index() -> None:
    if index_path().exists():
        get_index()
        return
    # progress bars only on a first run or for many files: rich.progress is loaded then only
    from rich.progress import Progress

    err.print("licentia: building the license index from the LicenseDB (first run only)...")
    with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
        task = bar.add_task("indexing", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=f"indexing {stage}", completed=done, total=total)

        get_index(progress)


def _identify_all(paths: list[Path], jobs: int) -> list[Identification | Failure]:
    if len(paths) <= BAR_MIN_FILES or not err.is_terminal:
        return identify_paths(paths, jobs=jobs)
    from rich.progress import Progress

    with Progress(console=err, transient=True) as bar:
        task = bar.add_task("identifying", total=len(paths))
        return identify_paths(paths, progress=lambda n, total, p: bar.update(task, completed=n),
                              jobs=jobs)


def _failure_json(f: Failure) -> dict[str, Any]:
    return {"path": f.path, "result": Result.NONE.value, "license": None, "confidence": 0.0,
            "coverage": 0.0, "matches": [], "differences": [], "notes": [], "error": f.message}


def _render(r: Identification, show_all: bool) -> None:
    style = _STYLE[r.result]
    head = f"[bold]{escape(r.path)}[/bold]: [{style}]{r.result.value}[/{style}]"
    if r.license is not None:
        head += f"  {escape(r.license.name)} ({r.license.spdx})"
        head += f"  coverage {r.coverage:.1f}%  confidence {r.confidence:.2f}"
    out.print(head)
    if r.expression:
        out.print(f"  expression: {escape(r.spdx_expression or r.expression)}"
                  + (f"  (LicenseDB: {escape(r.expression)})"
                     if r.spdx_expression and r.spdx_expression != r.expression else ""))
    for m in r.matches:
        if len(r.matches) > 1 or m.kind not in {"text", "fingerprint"}:
            out.print(f"  - {escape(m.key)} lines {m.start_line}-{m.end_line} "
                      f"({m.kind}, coverage {m.coverage:.1f}%)")
    print_differences(r.differences, show_all, MAX_DIFFS_SHOWN)
    if r.declared is not None:
        dec = r.declared
        declared = ", ".join(dec.values) or "(none)"
        resolved = f" -> {dec.resolved.key}" if dec.resolved else ""
        out.print(f"  model card declares: {escape(declared)}{escape(resolved)}")
        if dec.license_name or dec.license_link:
            out.print(f"    license_name: {escape(str(dec.license_name))}  "
                      f"license_link: {escape(str(dec.license_link))}")
        if dec.link is not None:
            linked = dec.link.license.key if dec.link.license else "no license identified"
            verdict = {True: "agrees", False: "DISAGREES", None: "cannot tell"}[dec.agrees]
            out.print(f"    linked file: {dec.link.result.value} {escape(linked)} ({verdict})")
        if dec.note:
            out.print(f"    note: {escape(dec.note)}")
    for note in r.notes:
        out.print(f"  [dim]note: {escape(note)}[/dim]")


def identify(
    paths: Annotated[list[Path], typer.Argument(help="License files, model cards, source files.",
                                                  metavar="PATH...")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Show every difference in full.")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Processes for many files (0: one per CPU).")] = 0,
) -> None:
    """Identify the exact license (version, variant) of each file, and what differs."""
    _load_index()
    results = _identify_all(paths, jobs or os.cpu_count() or 1)
    failures = [r for r in results if isinstance(r, Failure)]
    if as_json:
        print_json([{**(_failure_json(r) if isinstance(r, Failure) else r.to_json()),
                     "provenance": provenance([r.path]).to_json()} for r in results])
    else:
        for r in results:
            if isinstance(r, Identification):
                _render(r, show_all)
    for f in failures:
        err.print(f"licentia: error: {f.path}: {f.message}", markup=False)
    sys.exit(EXIT_USAGE if failures else EXIT_OK)
