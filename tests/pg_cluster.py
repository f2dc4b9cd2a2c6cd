# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A throwaway PostgreSQL cluster on a free loopback port, for the registry and web tests: made
with the installed server's `initdb` and `pg_ctl` (Debian's `postgresql` package), once per test
process, stopped and removed at exit. As root, the server runs as the `postgres` user."""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from functools import cache
from pathlib import Path

import psycopg
import pytest


def _bin_dir() -> Path | None:
    explicit = os.environ.get("LICENTIA_PG_BIN")
    candidates = [explicit] if explicit else sorted(glob.glob("/usr/lib/postgresql/*/bin"),
                                                    reverse=True)
    for c in candidates:
        if c and (Path(c) / "initdb").exists() and (Path(c) / "pg_ctl").exists():
            return Path(c)
    found = shutil.which("initdb")
    return Path(found).parent if found and shutil.which("pg_ctl") else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@cache
def _cluster() -> str | None:
    """The URL of a running cluster's `postgres` database, or None when no server is
    installed."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        return None
    base = Path(tempfile.mkdtemp(prefix="licentia-pg-"))
    prefix: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root
        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data = base / "data"
    port = free_port()
    run = [*prefix]
    subprocess.run([*run, str(bin_dir / "initdb"), "-D", str(data), "-U", "licentia",
                    "--auth=trust", "-E", "UTF8", "--no-sync"],
                   check=True, capture_output=True)
    options = f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
    subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"),
                    "-o", options, "-w", "start"], check=True, capture_output=True)

    def stop() -> None:
        subprocess.run([*run, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                        "stop"], capture_output=True)
        shutil.rmtree(base, ignore_errors=True)

    atexit.register(stop)
    return f"postgresql://licentia@127.0.0.1:{port}/postgres"


def fresh_database() -> str:
    """A new, empty database in the test cluster (skips when PostgreSQL is not installed)."""
    url = _cluster()
    if url is None:
        pytest.skip("PostgreSQL is not installed (Debian package `postgresql`: initdb and "
                    "pg_ctl under /usr/lib/postgresql/*/bin)")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + f"/{name}"
