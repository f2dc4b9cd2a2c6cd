# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Where the registry lives: a SQLite file in the user's data directory unless a URL says
otherwise (PostgreSQL for a team)."""

from __future__ import annotations

import os
from pathlib import Path

from licentia.errors import InputError

_SCHEMES = {"sqlite": "sqlite", "postgresql": "postgresql+psycopg",
            "postgres": "postgresql+psycopg", "postgresql+psycopg": "postgresql+psycopg"}


def data_dir() -> Path:
    """$LICENTIA_DATA_DIR, else $XDG_DATA_HOME/licentia, else ~/.local/share/licentia (the
    same rule as the cache directory, for data that must not be thrown away)."""
    explicit = os.environ.get("LICENTIA_DATA_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "licentia"


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'registry.sqlite3'}"


def database_url(url: str | None) -> str:
    """The SQLAlchemy URL for `url` (None: the default SQLite file); a PostgreSQL URL is read
    with psycopg 3. Any other scheme is refused with the schemes that work."""
    if url is None:
        url = os.environ.get("LICENTIA_DB_URL") or default_url()
    scheme, sep, rest = url.partition("://")
    if not sep or scheme not in _SCHEMES:
        raise InputError("not a registry URL: give sqlite:///PATH or "
                         "postgresql://USER@HOST:PORT/DB", key="--db")
    return f"{_SCHEMES[scheme]}://{rest}"


def sqlite_path(url: str) -> Path | None:
    """The file of a SQLite URL (None for PostgreSQL or an in-memory database)."""
    scheme, _, rest = url.partition("://")
    if scheme != "sqlite" or rest in ("", "/", "/:memory:"):
        return None
    return Path(rest[1:]) if rest.startswith("/") else None
