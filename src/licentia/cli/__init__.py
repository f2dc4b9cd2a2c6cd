# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The `licentia` command: a thin shell over the library, one module per command.

Commands are loaded lazily: `licentia identify FILE` imports the identify shell and what it
needs, not review's language pipeline or check's rule tables. The table below is the one place
a command is registered; its one-line summary is what `licentia --help` lists.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperCommand, TyperGroup

from licentia.cli._common import run, version_text


class Entry(NamedTuple):
    """A command: the module of its shell, the attribute there (a function, or a Typer app
    for a command with subcommands), and its one-line summary."""
    module: str
    attribute: str
    summary: str


COMMANDS: dict[str, Entry] = {
    "identify": Entry("licentia.cli.identify", "identify",
                      "Identify the exact license (version, variant) of each file."),
    "explain": Entry("licentia.cli.explain", "explain",
                     "Explain a license's terms, each with its verbatim quote."),
    "compare": Entry("licentia.cli.compare", "compare",
                     "Compare two licenses: shared, missing and different terms."),
    "review": Entry("licentia.cli.review", "review",
                    "Review one license against one intended use (exit 1 on conflict)."),
    "check": Entry("licentia.cli.check", "check",
                   "Check a combination: conflicts, obligations, outbound license."),
    "choose": Entry("licentia.cli.choose", "choose_command",
                    "Recommend a license for a release, with why and trade-offs."),
    "scan": Entry("licentia.cli.scan", "scan",
                  "Scan a repository or a model: licenses, disagreements, verdict."),
    "init": Entry("licentia.cli.init", "init",
                  "Set up LICENSE, NOTICE, REUSE files and a model-card block."),
    "licenses": Entry("licentia.cli.licenses", "app", "Browse the license catalog."),
    "draft": Entry("licentia.cli.draft", "app", "Draft the license documents of a release."),
    "openness": Entry("licentia.cli.openness", "openness",
                      "OSI, Open Source AI Definition, Model Openness Framework class."),
    "hub": Entry("licentia.cli.hub", "app",
                 "Hub dumps: lineage compliance of model trees, license adoption."),
    "serve": Entry("licentia.cli.serve", "serve",
                   "Run the workbench: agreements, obligations, approvals."),
    "db": Entry("licentia.cli.db", "app", "Create or upgrade the registry database."),
    "users": Entry("licentia.cli.users", "app", "Add and list workbench accounts and roles."),
}


def load(name: str) -> Any:
    """The command `name` as Click runs it, its module imported now."""
    entry = COMMANDS[name]
    target = getattr(importlib.import_module(entry.module), entry.attribute)
    if isinstance(target, typer.Typer):
        group = typer.main.get_group(target)
        group.name = name
        return _reflowed(group)
    single = typer.Typer()
    single.command(name)(target)
    return _reflowed(typer.main.get_command(single))


def reflow(text: str | None) -> str | None:
    """A help text with each paragraph on one line, for the terminal to wrap: the docstrings'
    hard line breaks would otherwise show as they are (Typer joins the lines of the first
    paragraph only). Paragraphs marked with `\\b` (Click's "keep as written") and lists keep
    their lines."""
    if not text:
        return text
    out = []
    for para in inspect.cleandoc(text).split("\n\n"):
        lines = para.splitlines()
        kept = para.startswith("\b") or any(
            line.lstrip().startswith(("- ", "* ")) for line in lines)
        out.append(para if kept else " ".join(line.strip() for line in lines))
    return "\n\n".join(out)


def _reflowed(command: Any) -> Any:
    """`command` (a Click command as Typer builds it) and its subcommands, help reflowed."""
    command.help = reflow(command.help)
    for sub in getattr(command, "commands", {}).values():
        _reflowed(sub)
    return command


class _Summary(TyperCommand):
    """A command listed by its summary alone; never run (`LazyGroup` runs the real one)."""


class LazyGroup(TyperGroup):
    """A group whose commands are imported only when one is run (or completed)."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        for name, entry in COMMANDS.items():
            self.commands[name] = _Summary(name=name, help=entry.summary,
                                           short_help=entry.summary)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = self.commands.get(cmd_name)
        if isinstance(command, _Summary) and ctx.resilient_parsing:  # shell completion
            command = self.commands[cmd_name] = load(cmd_name)
        return command

    def resolve_command(self, ctx: Any, args: list[str]) -> tuple[str | None, Any, list[str]]:
        name, command, rest = super().resolve_command(ctx, args)
        if name is not None and isinstance(command, _Summary):
            command = self.commands[name] = load(name)
        return name, command, rest


app = typer.Typer(
    name="licentia",
    cls=LazyGroup,
    help="Identify, explain, review and check licenses of AI models, datasets and code.\n\n"
    "Statements about a license are legal information, not legal advice.",
    no_args_is_help=True,
    add_completion=True,  # --install-completion, --show-completion (bash, zsh, fish, pwsh)
    pretty_exceptions_enable=False,
)


def _version(show: bool) -> None:
    if show:
        sys.stdout.write(version_text())
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_version,
        help="Show the versions of licentia, the LicenseDB, the term sheets and Python.")] = False,
) -> None:
    """Identify, explain, review and check licenses of AI models, datasets and code."""


def main() -> None:
    run(app)
