# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Cache files are checked, so damage costs a rebuild, never a permanent failure."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from licentia.cache import atomic_write_bytes, read_verified


def test_damaged_files_are_removed_and_reported_missing(tmp_path: Path) -> None:
    path = tmp_path / "index.npz"
    atomic_write_bytes(path, b"payload" * 100)
    assert read_verified(path) == b"payload" * 100
    good = path.read_bytes()
    for damaged in (good[:-10], good[:5], b"", b"garbage" * 50,
                    good[:-1] + bytes([good[-1] ^ 1])):
        path.write_bytes(damaged)
        assert read_verified(path) is None
        assert not path.exists(), "removed, so the next run rebuilds it"
    assert read_verified(tmp_path / "missing") is None


def test_a_killed_save_leaves_nothing_behind_for_long(tmp_path: Path) -> None:
    path = tmp_path / "catalog.json"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    stale = tmp_path / f"catalog.json.{dead.stdout.strip()}.abc123.tmp"
    stale.write_bytes(b"half")
    mine = tmp_path / f"catalog.json.{os.getpid()}.live.tmp"  # a save in progress
    mine.write_bytes(b"half")
    atomic_write_bytes(path, b"data")
    assert not stale.exists() and mine.exists()
    assert read_verified(path) == b"data"
