# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Cache files are checked, so damage costs a rebuild, never a permanent failure."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from licentia import arraystore
from licentia.cache import atomic_write_bytes, read_verified
from licentia.datafile import load_all, load_yaml


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
    """Truncated index arrays, garbage catalog and term sheets: the commands work, and leave
    sound caches."""
    from licentia.cache import cache_dir

    source = cache_dir()
    # (a scan's kept identifications are the next scan's to rebuild: tests/scan/test_kept.py)
    cached = sorted(p for p in source.glob("*-v*") if (p.is_file() or p.is_dir())
                    and not p.name.startswith("scan-results-"))
    stores = [p for p in cached if p.is_dir()]
    if not any(p.name.startswith("index-") for p in stores):
        import pytest

        pytest.skip("no index cache built yet")
    for p in cached:
        if p.is_dir():  # an array store: its largest array cut in half
            shutil.copytree(p, tmp_path / p.name)
            largest = max((tmp_path / p.name).glob("*.npy"), key=lambda f: f.stat().st_size)
            largest.write_bytes(largest.read_bytes()[: largest.stat().st_size // 2])
        else:
            (tmp_path / p.name).write_bytes(b"garbage" * 100)
    licence = tmp_path / "LICENSE"
    licence.write_text("Permission is hereby granted, free of charge, to any person obtaining "
                       "a copy of this software\n")
    env = {**os.environ, "LICENTIA_CACHE_DIR": str(tmp_path)}
    for _ in range(2):  # the first rebuilds, the second reads what the first wrote
        for args in (["identify", str(licence)], ["explain", "mit"]):  # (term sheets)
            run = subprocess.run([sys.executable, "-m", "licentia", *args],
                                 capture_output=True, text=True, env=env, timeout=600)
            assert run.returncode == 0, run.stderr
    for p in cached:
        if not (tmp_path / p.name).exists():
            continue  # of an older format: removed when the current one was written
        if p.is_dir():
            names = [f.stem for f in p.glob("*.npy")]
            assert arraystore.load(tmp_path / p.name, names) is not None, p.name
        else:
            assert read_verified(tmp_path / p.name) is not None, p.name


def test_data_files_come_back_the_same_from_their_json_copy(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LICENTIA_CACHE_DIR", str(tmp_path))
    files = [("a.yaml", "key: value\nflag: true\nitems: [1, two, {x: null}]\n"),
             ("b.yaml", "- 3\n- 'yes'\n")]
    loads: list[str] = []

    def load(text: str, source: str) -> object:
        loads.append(source)
        return load_yaml(text)

    first = load_all("docs", files, load)
    assert first == [load_yaml(t) for _, t in files] and loads == ["a.yaml", "b.yaml"]
    again = load_all("docs", files, load)
    assert again == first and loads == ["a.yaml", "b.yaml"], "the copy, not a parse"
    assert [type(v) for v in again[0].values()] == [str, bool, list]
    changed = [files[0], ("b.yaml", "- 4\n")]
    assert load_all("docs", changed, load) == [first[0], [4]] and len(loads) == 4
    assert len(list(tmp_path.glob("docs-v*.json"))) == 1, "the older copy is removed"


def test_documents_json_would_change_are_loaded_every_time(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LICENTIA_CACHE_DIR", str(tmp_path))
    for text in ("when: 2026-12-01\n", "1: one\n", "ratio: 0.5\n"):
        files = [("c.yaml", text)]
        assert load_all("odd", files, lambda t, _s: load_yaml(t)) == [load_yaml(text)]
        assert not list(tmp_path.glob("odd-v*.json")), text
