# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The `licentia` command: a thin shell over the library, one module per command."""

from __future__ import annotations

import typer

from licentia.cli import check as _check
from licentia.cli import choose as _choose
from licentia.cli import compare as _compare
from licentia.cli import draft as _draft
from licentia.cli import explain as _explain
from licentia.cli import identify as _identify
from licentia.cli import init as _init
from licentia.cli import licenses as _licenses
from licentia.cli import review as _review
from licentia.cli._common import run

app = typer.Typer(
    name="licentia",
    help="Identify, explain, review and check licenses of AI models, datasets and code.\n\n"
    "Statements about a license are legal information, not legal advice.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command("identify")(_identify.identify)
app.add_typer(_licenses.app, name="licenses")
app.command("explain")(_explain.explain)
app.command("compare")(_compare.compare)
app.command("review")(_review.review)
app.command("check")(_check.check)
app.command("choose")(_choose.choose_command)
app.add_typer(_draft.app, name="draft")
app.command("init")(_init.init)


def main() -> None:
    run(app)
