# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What the web tests share: the accounts (one per role), a workbench over a fresh registry,
logging a client in, and the role a route's guard demands."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute

from licentia.registry.accounts import add_user
from licentia.registry.engine import make_engine, session_factory, transaction
from licentia.registry.migrate import upgrade
from licentia.registry.vocab import Role
from licentia.web.app import create_app
from licentia.web.security import RoleGuard
from licentia.web.settings import Settings


def _guards(dependant: Dependant) -> list[Role]:
    found = [dependant.call.role] if isinstance(dependant.call, RoleGuard) else []
    for sub in dependant.dependencies:
        found += _guards(sub)
    return found


def routes_of(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    """Every route, those of included routers too (FastAPI keeps them behind a wrapper; the
    workbench includes its routers without a prefix of their own)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from routes_of(inner.routes)
        else:
            yield route


def guard_of(route: APIRoute) -> Role | None:
    """The role a route demands (the highest, if it has several guards)."""
    roles = _guards(route.dependant)
    return max(roles, key=lambda r: r.rank) if roles else None


PASSWORD = "a long test password"
# one account per role, and a second approver (requester and approver differ)
ACCOUNTS = {"vera": Role.VIEWER, "eddie": Role.EDITOR, "april": Role.APPROVER,
            "abel": Role.APPROVER, "ada": Role.ADMIN}
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


@dataclass
class Workbench:
    app: FastAPI
    storage: Path
    db_url: str

    def client(self, name: str | None = None) -> TestClient:
        """A browser-like client, logged in as `name` (None: nobody)."""
        client = TestClient(self.app, base_url="http://127.0.0.1", follow_redirects=False)
        if name is not None:
            login(client, name)
        return client


def login(client: TestClient, name: str, password: str = PASSWORD) -> None:
    page = client.get("/login")
    token = CSRF.search(page.text)
    assert token is not None
    answer = client.post("/login", data={"name": name, "password": password,
                                         "csrf": token.group(1), "next": "/"})
    assert answer.status_code == 303, answer.text
    client.headers["x-csrf-token"] = client.get("/api/me").json()["csrf_token"]


def make_workbench(db_url: str, tmp_path: Path) -> Workbench:
    engine = make_engine(db_url)
    upgrade(engine)
    with transaction(session_factory(engine)) as s:
        for name, role in ACCOUNTS.items():
            add_user(s, name, role, PASSWORD)
    engine.dispose()
    storage = tmp_path / "uploads"
    settings = Settings(db_url, storage, secret_key="test key " * 4)
    return Workbench(create_app(settings), storage, db_url)
