# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What every command shares: output consoles, JSON printing, errors as one line and exit 2."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

from licentia.errors import LicentiaError

EXIT_OK = 0
EXIT_FINDING = 1
EXIT_USAGE = 2

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Exactly one JSON document on stdout."""
    sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


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
