# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A unit of work: the registry's writes as one short transaction, committed where it began.

Whatever is slow (reading and analysing an upload, hashing a password) happens before; the
transaction holds only the inserts and updates. On SQLite it takes the write lock at once
(`BEGIN IMMEDIATE`: it never has to upgrade a read, which a concurrent commit can make
impossible) and waits for it up to the busy timeout; if the database is still busy, the work is
rolled back and done once more from the start, then the error is raised (nothing was written).
Within one process, SQLite writers queue on a lock of their own first (see `_gate`).
PostgreSQL's "try again" answers (a deadlock, a serialization failure) are retried the same way.

Begun and committed in the same call, a write never waits for anything while it holds the lock:
in the web server it runs in one worker thread from BEGIN to COMMIT. (Committing in a request's
teardown instead meant the lock holder queued for a worker thread behind requests that were
themselves waiting for the lock: every writer waited out the busy timeout.)"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from licentia.registry.errors import Busy

T = TypeVar("T")
OWNED = "licentia.transaction"  # session.info key: the caller opened the transaction
ATTEMPTS = 2
GATE_SECONDS = 10.0  # as long as SQLite's busy timeout
SQLITE_BUSY, SQLITE_LOCKED = 5, 6
# PostgreSQL: serialization_failure, deadlock_detected, lock_not_available
RETRY_SQLSTATES = frozenset({"40001", "40P01", "55P03"})
# one writer at a time per SQLite engine within this process: the others wait on a lock that
# wakes them at once, rather than on SQLite's busy handler, which polls with sleeps of up to
# 100 ms and so lets a writer that just arrived overtake one that has waited for seconds
_GATES: weakref.WeakKeyDictionary[sa.Engine, threading.Lock] = weakref.WeakKeyDictionary()
_GATES_LOCK = threading.Lock()


def busy(exc: BaseException) -> bool:
    """Whether the database refused for now (another writer), not for good."""
    if isinstance(exc, Busy):
        return True
    if not isinstance(exc, sa.exc.DBAPIError):
        return False
    orig = exc.orig
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF in (SQLITE_BUSY, SQLITE_LOCKED)
    return getattr(orig, "sqlstate", None) in RETRY_SQLSTATES


@contextmanager
def _gate(engine: sa.Engine) -> Iterator[None]:
    if engine.dialect.name != "sqlite":
        yield
        return
    with _GATES_LOCK:
        gate = _GATES.setdefault(engine, threading.Lock())
    if not gate.acquire(timeout=GATE_SECONDS):
        raise Busy("the registry is busy with other writes")
    try:
        yield
    finally:
        gate.release()


def write(session: Session, work: Callable[[], T]) -> T:
    """Do `work` (changes through `session`) in a write transaction of its own and commit it;
    its result. Inside a transaction its caller opened (`engine.transaction`), only flushed:
    the caller commits."""
    if session.info.get(OWNED):
        result = work()
        session.flush()
        return result
    for attempt in range(1, ATTEMPTS + 1):
        session.commit()  # end the reads before: a write sees the database as it is now
        try:
            return _once(session, work)
        except BaseException as exc:
            if attempt == ATTEMPTS or not busy(exc):
                raise
    raise AssertionError("unreachable")


def _once(session: Session, work: Callable[[], T]) -> T:
    engine = session.get_bind()
    assert isinstance(engine, sa.Engine)
    with _gate(engine):
        try:
            if engine.dialect.name == "sqlite":
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            result = work()
            session.commit()
            return result
        except BaseException:
            session.rollback()
            raise
