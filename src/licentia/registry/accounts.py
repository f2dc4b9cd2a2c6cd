# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Users: accounts with a role, passwords hashed with Argon2 (pwdlib), never stored or logged
in clear."""

from __future__ import annotations

from functools import cache

import sqlalchemy as sa
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher
from sqlalchemy.orm import Session

from licentia.errors import InputError
from licentia.registry.audit import record
from licentia.registry.models import User
from licentia.registry.vocab import Role

MIN_PASSWORD = 8
MAX_NAME = 120


@cache
def _hasher() -> PasswordHash:
    return PasswordHash((Argon2Hasher(),))


@cache
def _dummy_hash() -> str:
    return _hasher().hash("a password no account has")


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"a password has at least {MIN_PASSWORD} characters")
    return _hasher().hash(password)


def valid_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > MAX_NAME or not name.isprintable() or any(c.isspace()
                                                                           for c in name):
        raise InputError(f"a user name is 1 to {MAX_NAME} printable characters without spaces",
                         key="NAME")
    return name


def add_user(session: Session, name: str, role: Role, password: str,
             by: User | None = None) -> User:
    """Create an account; InputError when the name is taken or the password too short."""
    name = valid_name(name)
    if session.scalar(sa.select(User.id).where(User.name == name)) is not None:
        raise InputError(f"a user named {name!r} exists already", key="NAME")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    entry = record(session, by, "user.add", user)
    assert entry.after is not None
    entry.after.pop("password_hash", None)  # the hash stays out of the log
    return user


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The active user with this name and password, or None (in about the same time whether
    or not the name exists)."""
    user = session.scalar(sa.select(User).where(User.name == name.strip()))
    if user is None or not user.active:
        _hasher().verify(password, _dummy_hash())
        return None
    ok, new_hash = _hasher().verify_and_update(password, user.password_hash)
    if not ok:
        return None
    if new_hash is not None:
        user.password_hash = new_hash
    return user
