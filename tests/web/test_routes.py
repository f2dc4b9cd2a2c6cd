# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Every route as every role: nobody gets in without a session, each role exactly where its
guard lets it, and no state-changing call passes without the CSRF token."""

from __future__ import annotations

import re

import pytest
from fastapi.routing import APIRoute
from starlette.routing import Mount
from web_helpers import ACCOUNTS, Workbench, guard_of, routes_of

from licentia.registry.vocab import Role

PUBLIC = {("GET", "/healthz"), ("GET", "/login"), ("POST", "/login"),
          ("GET", "/openapi.json")}


def _routes(bench: Workbench) -> list[tuple[str, str, Role | None]]:
    found = []
    for route in routes_of(bench.app.routes):
        if isinstance(route, Mount):
            continue
        for method in sorted(getattr(route, "methods", set()) - {"HEAD"}):
            guard = guard_of(route) if isinstance(route, APIRoute) else None
            found.append((method, route.path, guard))  # type: ignore[attr-defined]
    return found


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "1", path)


def test_every_route_but_the_public_ones_has_a_role_guard(bench: Workbench) -> None:
    routes = _routes(bench)
    assert len(routes) > 30
    for method, path, guard in routes:
        if (method, path) in PUBLIC:
            assert guard is None
        else:
            assert isinstance(guard, Role), f"{method} {path} has no role guard"


def test_nobody_gets_in_without_a_session(bench: Workbench) -> None:
    client = bench.client()
    for method, path, guard in _routes(bench):
        if guard is None:
            continue
        answer = client.request(method, _concrete(path))
        if method == "GET" and not path.startswith("/api/"):
            assert answer.status_code == 303 and answer.headers["location"].startswith(
                "/login?next="), (method, path)
        else:
            assert answer.status_code == 401, (method, path, answer.status_code)


@pytest.mark.parametrize("name", list(ACCOUNTS))
def test_each_role_is_let_through_exactly_where_its_guard_allows(
        bench: Workbench, name: str) -> None:
    role = ACCOUNTS[name]
    client = bench.client(name)
    for method, path, guard in _routes(bench):
        if guard is None or path == "/logout":
            continue
        answer = client.request(method, _concrete(path))
        if role.allows(guard):
            assert answer.status_code != 403, (name, method, path, answer.text[:200])
            assert answer.status_code < 500, (name, method, path, answer.text[:200])
        else:
            assert answer.status_code == 403, (name, method, path, answer.status_code)
            assert f"needs the {guard.value} role" in answer.text


def test_state_changing_calls_need_the_csrf_token(bench: Workbench) -> None:
    client = bench.client("ada")
    del client.headers["x-csrf-token"]
    for method, path, guard in _routes(bench):
        if guard is None or method == "GET":
            continue
        answer = client.request(method, _concrete(path), data={"csrf": "forged"})
        assert answer.status_code == 403, (method, path)
        assert "CSRF" in answer.text
    assert client.post("/assets", data={"name": "x", "kind": "model"}).status_code == 403
