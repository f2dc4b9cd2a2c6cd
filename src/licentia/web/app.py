# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The workbench: a FastAPI application of server-rendered pages and a JSON API over the
registry services and the same library calls as the CLI."""

from __future__ import annotations

from importlib import resources

import sqlalchemy as sa
from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from licentia import __version__
from licentia.errors import LicentiaError
from licentia.registry.engine import make_engine, session_factory
from licentia.registry.errors import Busy, NotFound, Refused, StaleWrite
from licentia.registry.migrate import require_current
from licentia.web import agreement_pages, api, auth, pages
from licentia.web.security import SESSION_COOKIE, Hardening, NotLoggedIn
from licentia.web.settings import Settings
from licentia.web.views import render_error


def create_app(settings: Settings) -> FastAPI:
    """The app over the registry at `settings.db_url`, whose schema must be current."""
    engine = make_engine(settings.db_url)
    require_current(engine)
    app = FastAPI(title="licentia workbench", version=__version__, docs_url=None,
                  redoc_url=None, openapi_url="/openapi.json")
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    app.add_middleware(SessionMiddleware, secret_key=settings.secret_key,
                       session_cookie=SESSION_COOKIE, max_age=settings.session_seconds,
                       same_site="strict", https_only=settings.secure_cookies)
    app.add_middleware(Hardening, limit=settings.max_upload_bytes + 64 * 1024)
    app.mount("/static", StaticFiles(directory=str(resources.files("licentia.web") / "static")),
              name="static")
    app.include_router(auth.router)
    app.include_router(pages.router)
    app.include_router(agreement_pages.router)
    app.include_router(api.router)
    _handlers(app)

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> PlainTextResponse:
        return PlainTextResponse("ok")

    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or \
        "application/json" in request.headers.get("accept", "")


def _handlers(app: FastAPI) -> None:
    def answer(request: Request, status: int, message: str) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=status)
        return render_error(request, status, message)

    @app.exception_handler(NotLoggedIn)
    def not_logged_in(request: Request, exc: NotLoggedIn) -> Response:
        if _wants_json(request) or request.method != "GET":
            return JSONResponse({"detail": "log in first"}, status_code=401)
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(HTTPException)
    def http_error(request: Request, exc: HTTPException) -> Response:
        return answer(request, exc.status_code, str(exc.detail))

    @app.exception_handler(sa.exc.OperationalError)
    @app.exception_handler(sa.exc.TimeoutError)
    @app.exception_handler(Busy)
    def busy(request: Request, exc: Exception) -> Response:
        # e.g. SQLite's write lock not granted within its busy timeout: nothing was written
        return answer(request, 503, "the registry is busy or unreachable: nothing was saved; "
                      "try again in a moment")

    @app.exception_handler(LicentiaError)
    def licentia_error(request: Request, exc: LicentiaError) -> Response:
        status = {NotFound: 404, Refused: 403, StaleWrite: 409}.get(type(exc), 400)
        return answer(request, status, str(exc))
