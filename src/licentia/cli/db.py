# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia db upgrade [--db URL]`: create or bring up to date the registry's schema."""

from __future__ import annotations

from typing import Annotated

import sqlalchemy as sa
import typer

from licentia.cli._common import out, print_json
from licentia.registry.engine import make_engine
from licentia.registry.location import database_url
from licentia.registry.migrate import current
from licentia.registry.migrate import upgrade as run_upgrade

app = typer.Typer(help="The registry database (SQLite file by default, PostgreSQL by URL).",
                  no_args_is_help=True)

DbOption = Annotated[str | None, typer.Option(
    "--db", help="sqlite:///PATH or postgresql://USER@HOST:PORT/DB (default: a SQLite file in "
    "the data directory; $LICENTIA_DB_URL).")]


def shown(url: str | None) -> str:
    """The URL as it may be printed (no password)."""
    return sa.make_url(database_url(url)).render_as_string(hide_password=True)


@app.command("upgrade")
def upgrade(db: DbOption = None,
            as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Apply the migrations shipped with licentia (from empty, or from an older version)."""
    engine = make_engine(db)
    before = current(engine)
    after = run_upgrade(engine)
    engine.dispose()
    if as_json:
        print_json({"database": shown(db), "from": before, "to": after})
    elif before == after:
        out.print(f"{shown(db)}: up to date (revision {after})", markup=False)
    else:
        out.print(f"{shown(db)}: upgraded from {before or 'empty'} to revision {after}",
                  markup=False)
