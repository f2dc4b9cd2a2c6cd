# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""One registry session per request. The routes write through `registry.unit.write`, which
commits in the route's own call; what is left when the route returns (a password rehashed at
login) is committed *before* the response is sent (so a redirect never outruns its own write);
an error rolls it back."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session


def db_session(request: Request) -> Iterator[Session]:
    factory = request.app.state.sessions
    with factory() as session:  # closing rolls back whatever was not committed
        yield session
        session.commit()


# every route and guard takes the session through this one alias, so they share it
DB = Annotated[Session, Depends(db_session, scope="function")]
