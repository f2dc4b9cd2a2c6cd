# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Who may do what: the signed-cookie session's user, a role guard on every route, a CSRF token
on every state-changing request, security headers and a cap on request bodies."""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Depends, HTTPException, Request
from fastapi.security import APIKeyCookie

from licentia.registry.models import User
from licentia.registry.vocab import Role
from licentia.web.db import DB

SESSION_COOKIE = "licentia_session"
# declared so /openapi.json says how a call is authenticated (the guard reads the session)
SESSION = APIKeyCookie(name=SESSION_COOKIE, auto_error=False, scheme_name="session",
                       description="the signed session cookie set by POST /login; "
                                   "state-changing calls also need X-CSRF-Token")
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
HEADERS = {
    "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
                               "img-src 'self' data:; form-action 'self'; "
                               "frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cache-control": "no-store",
}


class NotLoggedIn(Exception):
    """No valid session: pages redirect to the login form, the API answers 401."""


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[CSRF_FIELD] = token
    return token


async def check_csrf(request: Request) -> None:
    """Refuse a state-changing request without the session's token (form field or header)."""
    if request.method not in UNSAFE:
        return
    expected = request.session.get(CSRF_FIELD)
    given = request.headers.get(CSRF_HEADER)
    if given is None and request.headers.get("content-type", "").startswith(
            ("application/x-www-form-urlencoded", "multipart/form-data")):
        form = await request.form()
        value = form.get(CSRF_FIELD)
        given = value if isinstance(value, str) else None
    if not isinstance(expected, str) or not given or not hmac.compare_digest(expected, given):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")


def current_user(request: Request, session: DB,
                 _cookie: Annotated[str | None, Depends(SESSION)]) -> User:
    user_id = request.session.get("user_id")
    user = session.get(User, user_id) if isinstance(user_id, int) else None
    if user is None or not user.active or request.session.get("role") != user.role.value:
        request.session.pop("user_id", None)  # a role change or deactivation ends the session
        raise NotLoggedIn
    return user


class RoleGuard:
    """A dependency that lets through users whose role includes `role`; every route but
    /healthz, /login and the static files carries one (a test checks)."""

    def __init__(self, role: Role) -> None:
        self.role = role

    def __call__(self, user: Annotated[User, Depends(current_user)],
                 _csrf: Annotated[None, Depends(check_csrf)]) -> User:
        if not user.role.allows(self.role):
            raise HTTPException(403, f"this needs the {self.role.value} role; you are "
                                     f"{user.role.value}")
        return user


viewer = RoleGuard(Role.VIEWER)
editor = RoleGuard(Role.EDITOR)
approver = RoleGuard(Role.APPROVER)
admin = RoleGuard(Role.ADMIN)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]


class Hardening:
    """ASGI middleware: security headers on every response; a request body over `limit`
    bytes is refused with 413 before the app reads it (declared or streamed)."""

    def __init__(self, app: App, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            await _too_large(send, self.limit, scope.get("path", "").startswith("/api/"))
            return
        seen = 0

        async def limited() -> MutableMapping[str, Any]:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, "request too large")
            return message

        async def with_headers(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                raw = list(message.get("headers", []))
                present = {k.lower() for k, _ in raw}
                raw += [(k.encode(), v.encode()) for k, v in HEADERS.items()
                        if k.encode() not in present]
                message["headers"] = raw
            await send(message)

        await self.app(scope, limited, with_headers)


async def _too_large(send: Send, limit: int, as_json: bool) -> None:
    message = f"request body larger than {limit} bytes"
    body = json.dumps({"detail": message}).encode() if as_json else message.encode()
    kind = b"application/json" if as_json else b"text/plain; charset=utf-8"
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", kind),
                            (b"content-length", str(len(body)).encode()),
                            *[(k.encode(), v.encode()) for k, v in HEADERS.items()]]})
    await send({"type": "http.response.body", "body": body})
