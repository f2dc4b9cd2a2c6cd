# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia serve`: the workbench, a web app over the registry, on loopback by default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from licentia.cli._common import err
from licentia.cli.db import DbOption, shown
from licentia.registry.intake import sweep
from licentia.web.app import create_app
from licentia.web.settings import Settings


def serve(db: DbOption = None,
          host: Annotated[str, typer.Option("--host", help="Address to listen on.")] =
          "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535)] = 8000,
          storage: Annotated[Path | None, typer.Option(
              "--storage", help="Folder for uploaded documents (default: the data "
              "directory's uploads/).", file_okay=False)] = None) -> None:
    """Run the workbench: agreements, obligations and approvals in a web app.

    A team shares it; run `licentia db upgrade` and `licentia users add` first. At start,
    stored documents no record names (older than an hour) are removed."""
    settings = Settings.default(db, storage)
    app = create_app(settings)
    with app.state.sessions() as session:
        swept = sweep(session, settings.storage)
    if swept:
        err.print(f"removed {len(swept)} stored document(s) no record names (left by a "
                  "stopped server)", markup=False)
    err.print(f"licentia workbench on http://{host}:{port}/ (registry {shown(db)}); "
              "Ctrl-C stops it", markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
