# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What every command shares: output consoles, JSON printing, errors as one line and exit 2."""

from __future__ import annotations

import contextlib
import io
import json
import os
import platform
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.text import Text

from licentia import __version__
from licentia.catalog.versions import licensedb_version, term_sheets_version
from licentia.errors import LicentiaError
from licentia.settings import apply_cache_dir, project_settings

if TYPE_CHECKING:
    from licentia.identify.matcher import Difference

def _tidy_help() -> None:
    """Help that reads as prose: no `<bool>` after a flag, `TEXT` rather than `<str>` after an
    option, no type after an argument whose name already says what it is, and `PATH...` rather
    than `{PATH}...` in the usage line.
    Typer has no setting for either, so its two display methods are wrapped (older Typers that
    lack them are left alone)."""
    option, argument = typer.core.TyperOption, typer.core.TyperArgument
    shown = getattr(option, "display_type_rich", None)
    if shown is None or getattr(shown, "_licentia", False):
        return

    def option_type(self: Any, ctx: Any) -> str | None:
        if self.is_flag:
            return None
        label = shown(self, ctx)
        return "TEXT" if label == "<str>" else label

    def argument_type(self: Any, ctx: Any) -> str | None:
        return None

    def usage_name(self: Any) -> str:
        name = self.metavar or self.name.upper()
        if self.nargs != 1 and not name.endswith("..."):
            name += "..."
        return name if self.required else f"[{name}]"

    option_type._licentia = True  # type: ignore[attr-defined]
    setattr(option, "display_type_rich", option_type)  # noqa: B010 - a method, replaced
    if hasattr(argument, "display_type_rich"):
        setattr(argument, "display_type_rich", argument_type)  # noqa: B010
    if hasattr(argument, "_usage_display_name"):
        setattr(argument, "_usage_display_name", usage_name)  # noqa: B010


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
        say(f"[yellow]{d.kind.value}[/yellow] at line {d.line}{where}:", 2, hang=4)
        if d.reference:
            say(f"{labels[0] + ':':{width}} {escape(clip(d.reference))}", 6, hang=width + 1)
        if d.found:
            say(f"{labels[1] + ':':{width}} {escape(clip(d.found))}", 6, hang=width + 1)
    if not show_all and len(diffs) > limit:
        out.print(f"  ... {len(diffs) - limit} more differences (--all shows them)")


def version_text() -> str:
    """What `licentia --version` prints: licentia's version and the knowledge it rests on."""
    lines = [f"licentia {__version__}",
                  f"LicenseDB {licensedb_version()} (scancode-toolkit-mini)",
                  f"term sheets {term_sheets_version()}",
                  f"Python {platform.python_version()} ({platform.python_implementation()})"]
    return "\n".join(lines) + "\n"


def say(markup: str, indent: int = 0, hang: int = 0) -> None:
    """One paragraph of Rich markup, wrapped to the output's width (80 columns when piped) at
    word boundaries, every line indented by `indent` and the lines after the first by `hang`
    more (a list item's text under its text, not under its dash)."""
    text = Text.from_markup(markup)
    first = max(40, out.width - indent)
    lines = list(text.wrap(out, first, overflow="fold"))
    if hang and len(lines) > 1:  # wrap what follows the first line to the narrower width
        rest = Text(" ").join(lines[1:])
        lines = [lines[0], *rest.wrap(out, max(40, first - hang), overflow="fold")]
    for n, line in enumerate(lines):
        line.rstrip()
        pad = indent + (hang if n else 0)
        out.print(Text(" " * pad) + line, soft_wrap=True)


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
        apply_cache_dir(project_settings())
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
