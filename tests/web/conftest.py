# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from web_helpers import ACCOUNTS, PASSWORD, Workbench, make_workbench

from licentia.registry.accounts import add_user
from licentia.registry.engine import make_engine, session_factory, transaction
from pg_cluster import free_port, fresh_database


@pytest.fixture
def bench(tmp_path: Path) -> Iterator[Workbench]:
    wb = make_workbench(f"sqlite:///{tmp_path / 'registry.sqlite3'}", tmp_path)
    yield wb
    wb.app.state.engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def any_bench(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Workbench]:
    """The workbench on SQLite and on PostgreSQL."""
    url = f"sqlite:///{tmp_path / 'registry.sqlite3'}" if request.param == "sqlite" \
        else fresh_database(request.getfixturevalue("pg_cluster"))
    wb = make_workbench(url, tmp_path)
    yield wb
    wb.app.state.engine.dispose()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    """`licentia serve` on the default SQLite of a fresh data directory, on a free loopback
    port, with an account per role (the admin made by `licentia users add`); its base URL."""
    env = {**os.environ, "LICENTIA_DATA_DIR": str(tmp_path)}
    env.pop("LICENTIA_DB_URL", None)
    base = [sys.executable, "-m", "licentia"]
    subprocess.run([*base, "db", "upgrade"], env=env, check=True, capture_output=True)
    subprocess.run([*base, "users", "add", "ada", "--role", "admin"], env=env, check=True,
                   capture_output=True, input=f"{PASSWORD}\n".encode())
    engine = make_engine(f"sqlite:///{tmp_path / 'registry.sqlite3'}")
    with transaction(session_factory(engine)) as s:
        for name, role in ACCOUNTS.items():
            if name != "ada":
                add_user(s, name, role, PASSWORD)
    engine.dispose()
    port = free_port()
    log = tmp_path / "serve.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as stderr, subprocess.Popen(
            [*base, "serve", "--port", str(port)], env=env, stdout=subprocess.DEVNULL,
            stderr=stderr) as proc:
        try:
            for _ in range(300):
                try:
                    with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                        break
                except OSError:
                    if proc.poll() is not None:
                        raise AssertionError(log.read_text()) from None
                    time.sleep(0.1)
            yield url
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    assert f"licentia workbench on {url}/" in log.read_text()
