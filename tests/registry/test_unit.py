# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A write as one short transaction on a real SQLite file: it waits for another writer's lock,
is done once more when the database stayed busy, and gives up (nothing written) the second
time; an error of the work itself is not retried; a stored upload is not kept when its record
fails, and an old one no record names is swept."""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

from licentia.errors import InputError
from licentia.registry import records, unit
from licentia.registry.accounts import add_user
from licentia.registry.engine import make_engine, session_factory, transaction
from licentia.registry.errors import Busy
from licentia.registry.intake import submit, sweep
from licentia.registry.migrate import upgrade
from licentia.registry.models import Asset, Run, User
from licentia.registry.unit import busy, write
from licentia.registry.vocab import AssetKind, Role, RunKind

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "examples" / "check" / "llama-finetune-as-mit.yaml"


@pytest.fixture
def sqlite_file(tmp_path: Path) -> Iterator[tuple[sa.Engine, Path]]:
    path = tmp_path / "registry.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    upgrade(engine)
    with transaction(session_factory(engine)) as s:
        add_user(s, "ed", Role.EDITOR, "long enough pw")
    engine.dispose()
    engine = make_engine(f"sqlite:///{path}")
    # wait 0.2 s for the lock, not the server's 10 s
    sa.event.listen(engine, "connect",
                    lambda conn, _: conn.execute("PRAGMA busy_timeout=200"))
    yield engine, path
    engine.dispose()


def _writer(path: Path) -> sqlite3.Connection:
    """Another process's writer holding SQLite's write lock."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    return other


def _asset(session: Session, calls: list[int], name: str = "m") -> Asset:
    calls.append(1)
    user = session.scalars(sa.select(User)).one()
    return records.add_asset(session, user, name, AssetKind.MODEL)


def _names(engine: sa.Engine) -> list[str]:
    with session_factory(engine)() as s:
        return list(s.scalars(sa.select(Asset.name)))


def test_a_busy_write_is_done_once_more_and_lands_once(
        sqlite_file: tuple[sa.Engine, Path]) -> None:
    engine, path = sqlite_file
    other = _writer(path)
    errors: list[BaseException] = []

    def release(context: Any) -> None:  # the first attempt timed out: the other writer ends
        errors.append(context.original_exception)
        other.rollback()

    sa.event.listen(engine, "handle_error", release)
    calls: list[int] = []
    with session_factory(engine)() as s:
        asset = write(s, lambda: _asset(s, calls))
    assert len(errors) == 1 and "locked" in str(errors[0])
    assert calls == [1]  # the lock was refused before the work began: it ran once
    assert _names(engine) == ["m"] and asset.id == 1
    other.close()


def test_a_write_busy_twice_gives_up_and_writes_nothing(
        sqlite_file: tuple[sa.Engine, Path]) -> None:
    engine, path = sqlite_file
    other = _writer(path)
    begins: list[str] = []
    sa.event.listen(engine, "before_cursor_execute",
                    lambda *a: begins.append(a[2]) if a[2] == "BEGIN IMMEDIATE" else None)
    calls: list[int] = []
    with session_factory(engine)() as s, pytest.raises(sa.exc.OperationalError) as caught:
        write(s, lambda: _asset(s, calls))
    assert busy(caught.value) and len(begins) == 2 and calls == []
    other.rollback()
    other.close()
    assert _names(engine) == []


def test_an_error_of_the_work_is_not_retried(sqlite_file: tuple[sa.Engine, Path]) -> None:
    engine, _ = sqlite_file
    calls: list[int] = []
    with session_factory(engine)() as s:
        write(s, lambda: _asset(s, calls, "taken"))
        with pytest.raises(InputError, match="'taken' exists already"):
            write(s, lambda: _asset(s, calls, "taken"))
    assert calls == [1, 1] and _names(engine) == ["taken"]


def test_a_failed_record_keeps_no_stored_upload(sqlite_file: tuple[sa.Engine, Path],
                                                tmp_path: Path) -> None:
    engine, path = sqlite_file
    storage = tmp_path / "files"
    with session_factory(engine)() as s:
        ed = s.scalars(sa.select(User)).one()
        ghost = Asset(id=999, name="never recorded", kind=AssetKind.MODEL, version=1)
        with pytest.raises(sa.exc.IntegrityError, match="FOREIGN KEY"):
            submit(s, storage, "m.yaml", MANIFEST.read_bytes(), RunKind.CHECK, ed, asset=ghost)
        assert not any(storage.iterdir())  # it was stored, then removed
        assert s.scalar(sa.select(sa.func.count(Run.id))) == 0
        other = _writer(path)  # and a record that stays busy keeps nothing either
        with pytest.raises(sa.exc.OperationalError):
            submit(s, storage, "m.yaml", MANIFEST.read_bytes(), RunKind.CHECK, ed)
        other.rollback()
        assert not any(storage.iterdir())
        run = submit(s, storage, "m.yaml", MANIFEST.read_bytes(), RunKind.CHECK, ed)
        assert [p.name for p in storage.iterdir()] == [run.document_file]


def test_writers_of_one_process_queue_and_a_long_queue_is_busy(
        sqlite_file: tuple[sa.Engine, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    engine, _ = sqlite_file
    monkeypatch.setattr(unit, "GATE_SECONDS", 0.1)
    held, done = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow_writer() -> None:
        with session_factory(engine)() as s:
            def work() -> Asset:
                held.set()
                done.wait(5)
                return _asset(s, calls, "first")
            write(s, work)

    thread = threading.Thread(target=slow_writer)
    thread.start()
    held.wait(5)
    with session_factory(engine)() as s, pytest.raises(Busy, match="busy with other writes"):
        write(s, lambda: _asset(s, calls, "second"))  # waited twice behind it, then gave up
    done.set()
    thread.join()
    with session_factory(engine)() as s:
        write(s, lambda: _asset(s, calls, "third"))
    assert sorted(_names(engine)) == ["first", "third"]


def test_a_sweep_removes_old_documents_no_record_names(sqlite_file: tuple[sa.Engine, Path],
                                                       tmp_path: Path) -> None:
    """What a server killed between storing and recording leaves: removed once it is an hour
    old; a recorded document and a young one (maybe a write under way) stay."""
    engine, _ = sqlite_file
    storage = tmp_path / "files"
    with session_factory(engine)() as s:
        ed = s.scalars(sa.select(User)).one()
        run = submit(s, storage, "m.yaml", MANIFEST.read_bytes(), RunKind.CHECK, ed)
        old, young = storage / "0123abcd.txt", storage / "4567ef01.txt"
        for orphan in (old, young):
            orphan.write_text("left behind")
        hour_ago = time.time() - 3700
        os.utime(old, (hour_ago, hour_ago))
        os.utime(storage / run.document_file, (hour_ago, hour_ago))
        assert sweep(s, storage) == [old.name]
    assert sorted(p.name for p in storage.iterdir()) == sorted([run.document_file, young.name])
