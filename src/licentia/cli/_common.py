# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What every command shares: output consoles, JSON printing, errors as one line and exit 2."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape

from licentia.errors import LicentiaError

if TYPE_CHECKING:
    from licentia.identify.matcher import Difference

EXIT_OK = 0
EXIT_FINDING = 1
EXIT_USAGE = 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def print_differences(diffs: Sequence[Difference], show_all: bool, limit: int,
                      labels: tuple[str, str] = ("reference", "found")) -> None:
    """Text differences (identify, compare): kind, line, section, and both sides, clipped."""
    def clip(text: str) -> str:
        return text if show_all or len(text) <= 240 else text[:240] + " ..."

    width = max(len(labels[0]), len(labels[1])) + 1
    for d in diffs if show_all else diffs[:limit]:
        where = f" ({escape(d.section)})" if d.section else ""
        out.print(f"  [yellow]{d.kind.value}[/yellow] at line {d.line}{where}:")
        if d.reference:
            out.print(f"      {labels[0] + ':':{width}} {escape(clip(d.reference))}")
        if d.found:
            out.print(f"      {labels[1] + ':':{width}} {escape(clip(d.found))}")
    if not show_all and len(diffs) > limit:
        out.print(f"  ... {len(diffs) - limit} more differences (--all shows them)")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err.print(f"licentia: error: {message}", markup=False)
    raise typer.Exit(code)


def run(app: typer.Typer) -> None:
    """Run the app; a LicentiaError becomes one line on stderr and exit 2, never a traceback."""
    try:
        app()
    except LicentiaError as exc:
        err.print(f"licentia: error: {exc}", markup=False)
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        err.print("licentia: interrupted", markup=False)
        sys.exit(130)
