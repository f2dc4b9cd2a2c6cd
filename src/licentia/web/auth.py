# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Logging in and out: the session cookie is signed, renewed at login, and holds only the
user's id, role and CSRF token."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from licentia.registry.accounts import authenticate
from licentia.registry.models import User
from licentia.web.db import DB
from licentia.web.security import check_csrf, viewer
from licentia.web.views import render

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    """Only a path on this site (no scheme, host or `//`): no open redirect."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login")
def login_form(request: Request, next: str | None = None) -> HTMLResponse:
    return render(request, "login.html.j2", None, next=_safe_next(next), error=None)


@router.post("/login", dependencies=[Depends(check_csrf)])
def login(request: Request, name: Annotated[str, Form(max_length=120)],
          password: Annotated[str, Form(max_length=1024)],
          session: DB,
          next: Annotated[str, Form()] = "/") -> Response:
    user = authenticate(session, name, password)
    if user is None:
        return render(request, "login.html.j2", None, status=401, next=_safe_next(next),
                      error="Unknown name or wrong password.")
    request.session.clear()  # a new session at login (no fixation)
    request.session.update({"user_id": user.id, "role": user.role.value})
    return RedirectResponse(_safe_next(next), status_code=303)


@router.post("/logout")
def logout(request: Request, user: Annotated[User, Depends(viewer)]) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)
