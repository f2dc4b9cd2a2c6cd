# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What every command shares: output consoles, JSON printing, errors as one line and exit 2."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from licentia.errors import LicentiaError

if TYPE_CHECKING:
    from licentia.identify.matcher import Difference

def _tidy_help() -> None:
    """Help that reads as prose: no `<bool>` after a flag or `<str>` after an argument whose
    name already says what it is, and `PATH...` rather than `{PATH}...` in the usage line.
    Typer has no setting for either, so its two display methods are wrapped (older Typers that
    lack them are left alone)."""
    option, argument = typer.core.TyperOption, typer.core.TyperArgument
    shown = getattr(option, "display_type_rich", None)
    if shown is None or getattr(shown, "_licentia", False):
        return

    def option_type(self: Any, ctx: Any) -> str | None:
        return None if self.is_flag else shown(self, ctx)

    def argument_type(self: Any, ctx: Any) -> str | None:
        return None

    def usage_name(self: Any) -> str:
        name = self.metavar or self.name.upper()
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    option_type._licentia = True  # type: ignore[attr-defined]
    option.display_type_rich = option_type
    if hasattr(argument, "display_type_rich"):
        argument.display_type_rich = argument_type
    if hasattr(argument, "_usage_display_name"):
        argument._usage_display_name = usage_name


_tidy_help()

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


def say(markup: str, indent: int = 0) -> None:
    """One paragraph of Rich markup, wrapped to the output's width (80 columns when piped) at
    word boundaries, every line indented by `indent`."""
    width = max(40, out.width - indent)
    text = Text.from_markup(markup)
    for line in text.wrap(out, width, overflow="fold"):
        line.rstrip()
        out.print(Text(" " * indent) + line, soft_wrap=True)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err.print(f"licentia: error: {message}", markup=False)
    raise typer.Exit(code)


def _is_usage_error(exc: BaseException) -> bool:
    """A Click usage error (Typer vendors its own Click, so this goes by shape, not class)."""
    return callable(getattr(exc, "format_message", None)) and hasattr(exc, "exit_code")


@contextlib.contextmanager
def naming(path: Path | None) -> Iterator[None]:
    """Errors raised inside that name no file are about `path` (e.g. a goals file's
    `upstream:` reference, resolved later): they name it."""
    try:
        yield
    except LicentiaError as exc:
        if exc.path is None and path is not None:
            exc.path = str(path)
        raise


def usage_line(exc: Exception) -> str:
    """A Click usage error (missing argument, bad option value) as one line naming the command."""
    message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        return f"{ctx.command_path}: {message} (see {ctx.command_path} --help)"
    return message


def run(app: typer.Typer, args: Sequence[str] | None = None) -> None:
    """Run the app; every error becomes one line on stderr and exit 2, never a traceback:
    a LicentiaError, a usage error, and (as a last resort, naming it a bug) anything else."""
    for stream in (sys.stdout, sys.stderr):  # a non-UTF-8 file name never fails the output
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
    try:
        code = app(args=args, standalone_mode=False)
    except (typer.Abort, EOFError):
        _error("licentia: aborted")
        sys.exit(EXIT_USAGE)
    except LicentiaError as exc:
        _error(f"licentia: error: {exc}")
        sys.exit(EXIT_USAGE)
    except KeyboardInterrupt:
        _error("licentia: interrupted")
        sys.exit(130)
    except (Exception, RecursionError, MemoryError) as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # the help text, as asked
            help_text = exc.format_message()  # type: ignore[attr-defined]
            if help_text:
                sys.stderr.write(help_text + "\n")
            sys.exit(EXIT_USAGE)
        if _is_usage_error(exc):
            _error(f"licentia: error: {usage_line(exc)}")
            sys.exit(EXIT_USAGE)
        if type(exc).__name__ == "Abort":
            _error("licentia: aborted")
            sys.exit(EXIT_USAGE)
        if os.environ.get("LICENTIA_DEBUG"):
            raise
        detail = " ".join(str(exc).split())[:200]
        _error(f"licentia: error: internal error ({type(exc).__name__}: {detail}); please "
               "report it with the input (LICENTIA_DEBUG=1 shows the traceback)")
        sys.exit(EXIT_USAGE)
    if code == 130:
        _error("licentia: interrupted")
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _error(line: str) -> None:
    """One line on stderr, whatever it holds (a surrogate, a control character)."""
    text = "".join("?" if unicodedata.category(c) in {"Cc", "Zl", "Zp", "Cs"} else c
                   for c in line)
    err.print(text.encode("utf-8", "replace").decode("utf-8"), markup=False, highlight=False)
