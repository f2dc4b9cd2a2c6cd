# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The test fixtures' PostgreSQL: a cluster whose test process was killed (so neither the
session's teardown nor atexit ran) keeps running; the next start sweeps it away."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from pg_cluster import PREFIX, Cluster, _bin_dir, sweep_stale

TESTS = Path(__file__).resolve().parents[1]
STARTER = (f"import sys, time; sys.path.insert(0, {str(TESTS)!r}); "
           "from pg_cluster import start_cluster; c = start_cluster(); "
           "print(c.base, c.url, flush=True); time.sleep(600)")


@pytest.mark.skipif(_bin_dir() is None, reason="PostgreSQL is not installed")
def test_a_killed_test_process_leaves_a_cluster_the_next_start_sweeps(
        pg_cluster: Cluster) -> None:
    with subprocess.Popen([sys.executable, "-c", STARTER], stdout=subprocess.PIPE,
                          text=True) as proc:
        assert proc.stdout is not None
        base_text, url = proc.stdout.readline().split()
        proc.send_signal(signal.SIGKILL)  # no teardown, no atexit
    base = Path(base_text)
    assert base.name.startswith(PREFIX) and (base / "data" / "postmaster.pid").exists()
    with psycopg.connect(url, connect_timeout=5) as conn:  # it outlived its test process
        assert conn.execute("SELECT 1").fetchone() == (1,)
    assert base in sweep_stale()
    assert not base.exists()
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(url, connect_timeout=5)
    assert pg_cluster.base.exists()  # this live session's own cluster was not swept
