# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia users add NAME --role ROLE`: accounts of the workbench. The password is asked on
the terminal (twice) or read from the first line of stdin; it is never an argument."""

from __future__ import annotations

import sys
from typing import Annotated

import sqlalchemy as sa
import typer

from licentia.cli._common import err, fail, out, print_json
from licentia.cli.db import DbOption, shown
from licentia.registry.accounts import add_user
from licentia.registry.engine import make_engine, session_factory, transaction
from licentia.registry.migrate import require_current
from licentia.registry.models import User
from licentia.registry.vocab import Role

app = typer.Typer(help="Workbench accounts and their roles.", no_args_is_help=True)


def _password() -> str:
    if sys.stdin.isatty():
        first = typer.prompt("Password", hide_input=True, err=True)
        again = typer.prompt("Again", hide_input=True, err=True)
        if first != again:
            fail("the two passwords differ")
        return str(first)
    line = sys.stdin.readline()
    if not line:
        fail("no password on stdin (give it as the first line)")
    return line.rstrip("\r\n")


@app.command("add")
def add(name: Annotated[str, typer.Argument(help="The login name (no spaces).")],
        role: Annotated[Role, typer.Option("--role", help="viewer, editor, approver or admin.",
                                           case_sensitive=False)],
        db: DbOption = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Create an account (password prompted, or the first line of stdin)."""
    engine = make_engine(db)
    require_current(engine)
    password = _password()
    with transaction(session_factory(engine)) as session:
        user = add_user(session, name, role, password)
        result = {"name": user.name, "role": user.role.value, "database": shown(db)}
    engine.dispose()
    if as_json:
        print_json(result)
    else:
        out.print(f"added {result['name']} ({result['role']}) to {result['database']}",
                  markup=False)


@app.command("list")
def list_users(db: DbOption = None,
               as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False
               ) -> None:
    """The accounts and their roles."""
    engine = make_engine(db)
    require_current(engine)
    with session_factory(engine)() as session:
        rows = [{"name": u.name, "role": u.role.value, "active": u.active}
                for u in session.scalars(sa.select(User).order_by(User.name))]
    engine.dispose()
    if as_json:
        print_json(rows)
        return
    for r in rows:
        state = "" if r["active"] else "\t(inactive)"
        out.print(f"{r['name']}\t{r['role']}{state}", markup=False)
    if not rows:
        err.print("no users yet: licentia users add NAME --role admin", markup=False)
