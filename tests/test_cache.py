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


def test_a_damaged_cache_is_rebuilt_by_the_next_run(tmp_path: Path) -> None:
    """Truncated index, garbage catalog: the command works, and leaves sound files behind."""
    from licentia.cache import cache_dir

    source = cache_dir()
    cached = sorted(p for p in source.glob("*-v*") if p.is_file())
    if not any(p.name.startswith("index-") for p in cached):
        import pytest

        pytest.skip("no index cache built yet")
    for p in cached:
        data = p.read_bytes()
        (tmp_path / p.name).write_bytes(data[: len(data) // 2] if p.name.startswith("index-")
                                        else b"garbage" * 100)
    licence = tmp_path / "LICENSE"
    licence.write_text("Permission is hereby granted, free of charge, to any person obtaining "
                       "a copy of this software\n")
    env = {**os.environ, "LICENTIA_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first rebuilds, the second reads what the first wrote
        run = subprocess.run([sys.executable, "-m", "licentia", "identify", str(licence)],
                             capture_output=True, text=True, env=env, timeout=600)
        assert run.returncode == 0, run.stderr
    for p in cached:
        assert read_verified(tmp_path / p.name) is not None, p.name
