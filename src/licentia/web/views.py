# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Rendering pages: one Jinja2 environment over the package's templates (autoescaped), with
the CSRF token and the user every page needs."""

from __future__ import annotations

from datetime import date, datetime
from functools import cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from licentia.registry.models import User
from licentia.registry.vocab import Role
from licentia.web.security import csrf_token


def _when(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return value.isoformat()


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("licentia.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["when"] = _when
    env.globals["Role"] = Role
    return env


def render(request: Request, template: str, user: User | None, status: int = 200,
           **context: Any) -> HTMLResponse:
    html = environment().get_template(template).render(
        request=request, user=user, csrf=csrf_token(request), **context)
    return HTMLResponse(html, status_code=status)


def render_error(request: Request, status: int, message: str) -> HTMLResponse:
    return render(request, "error.html.j2", None, status=status, status_code=status,
                  message=message)
