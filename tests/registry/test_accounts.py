# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from licentia.errors import InputError
from licentia.registry.accounts import add_user, authenticate
from licentia.registry.models import AuditEntry, User
from licentia.registry.vocab import Role


def test_a_user_is_stored_with_an_argon2_hash_and_logs_in(
        factory: sessionmaker[Session]) -> None:
    with factory() as s, s.begin():
        add_user(s, "ada", Role.APPROVER, "correct horse battery")
    with factory() as s, s.begin():
        user = s.scalars(sa.select(User)).one()
        assert user.password_hash.startswith("$argon2id$")
        assert "correct horse" not in user.password_hash
        assert authenticate(s, "ada", "correct horse battery") is not None
        assert authenticate(s, "ada", "wrong password!") is None
        assert authenticate(s, "nobody", "correct horse battery") is None
        entry = s.scalars(sa.select(AuditEntry)).one()
        assert entry.action == "user.add" and entry.after is not None
        assert "password_hash" not in entry.after and entry.after["role"] == "approver"


def test_bad_accounts_are_refused_with_the_reason(factory: sessionmaker[Session]) -> None:
    with factory() as s, s.begin():
        add_user(s, "ada", Role.VIEWER, "long enough pw")
        with pytest.raises(InputError, match="NAME: a user named 'ada' exists already"):
            add_user(s, "ada", Role.ADMIN, "another password")
        with pytest.raises(InputError, match="at least 8 characters"):
            add_user(s, "bob", Role.ADMIN, "short")
        with pytest.raises(InputError, match="without spaces"):
            add_user(s, "bob smith", Role.ADMIN, "long enough pw")


def test_an_inactive_user_cannot_log_in(factory: sessionmaker[Session]) -> None:
    with factory() as s, s.begin():
        add_user(s, "ada", Role.VIEWER, "long enough pw").active = False
    with factory() as s:
        assert authenticate(s, "ada", "long enough pw") is None
