# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A throwaway PostgreSQL cluster on a free loopback port, for the registry and web tests: made
with the installed server's `initdb` and `pg_ctl` (Debian's `postgresql` package). The
session-scoped `pg_cluster` fixture (tests/conftest.py) starts one when a test first needs it
and stops and removes it when the session ends. A cluster whose test process was killed before
that (its folder's `owner.pid` names a process that is gone) is stopped and removed by the next
start. As root, the server runs as the `postgres` user."""

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
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

PREFIX = "licentia-pg-"
OWNER = "owner.pid"  # the test process a cluster belongs to


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


def _as_server() -> list[str]:
    """The command prefix that runs a server tool as its own user (initdb refuses root)."""
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@dataclass
class Cluster:
    base: Path
    bin_dir: Path
    url: str  # its `postgres` database

    def stop(self) -> None:
        """Stop the server (at once: it holds only test data) and remove its folder; again is
        a no-op."""
        _stop(self.base, self.bin_dir)


def _stop(base: Path, bin_dir: Path) -> None:
    data = base / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run([*_as_server(), str(bin_dir / "pg_ctl"), "-D", str(data), "-m",
                        "immediate", "-w", "stop"], capture_output=True, timeout=60)
    shutil.rmtree(base, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(root: Path | None = None, bin_dir: Path | None = None) -> list[Path]:
    """Stop and remove the clusters of test processes that are gone; the folders swept. A
    folder without an owner (being made right now, or not ours) is left alone."""
    tools = bin_dir or _bin_dir()
    swept = []
    for base in sorted((root or Path(tempfile.gettempdir())).glob(f"{PREFIX}*")):
        try:
            owner = int((base / OWNER).read_text(encoding="ascii"))
        except (OSError, ValueError):
            continue
        if owner != os.getpid() and not _alive(owner) and tools is not None:
            _stop(base, tools)
            swept.append(base)
    return swept


def start_cluster() -> Cluster | None:
    """A running cluster owned by this process, or None when no server is installed. Stale
    clusters are swept first."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        return None
    sweep_stale(bin_dir=bin_dir)
    base = Path(tempfile.mkdtemp(prefix=PREFIX))
    if os.geteuid() == 0:
        pw = pwd.getpwnam("postgres")
        os.chown(base, pw.pw_uid, pw.pw_gid)
    data = base / "data"
    port = free_port()
    subprocess.run([*_as_server(), str(bin_dir / "initdb"), "-D", str(data), "-U", "licentia",
                    "--auth=trust", "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    (base / OWNER).write_text(str(os.getpid()), encoding="ascii")
    cluster = Cluster(base, bin_dir, f"postgresql://licentia@127.0.0.1:{port}/postgres")
    atexit.register(cluster.stop)  # if the session's teardown never ran
    options = f"-h 127.0.0.1 -p {port} -k {base} -c fsync=off -c full_page_writes=off"
    subprocess.run([*_as_server(), str(bin_dir / "pg_ctl"), "-D", str(data), "-l",
                    str(base / "log"), "-o", options, "-w", "start"], check=True,
                   capture_output=True)
    return cluster


def fresh_database(cluster: Cluster | None) -> str:
    """A new, empty database in the test cluster (skips when PostgreSQL is not installed)."""
    if cluster is None:
        pytest.skip("PostgreSQL is not installed (Debian package `postgresql`: initdb and "
                    "pg_ctl under /usr/lib/postgresql/*/bin)")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(cluster.url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return cluster.url.rsplit("/", 1)[0] + f"/{name}"
