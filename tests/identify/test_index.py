# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The index is built once, cached on disk, rebuilt when stale or damaged."""

from __future__ import annotations

from pathlib import Path

import pytest

from licentia.catalog.licensedb import read_text
from licentia.identify import identify_text
from licentia.identify import index as index_module


def test_cache_is_written_reused_and_rebuilt(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LICENTIA_CACHE_DIR", str(tmp_path))
    index_module.get_index.cache_clear()
    try:
        stale = tmp_path / "index-v0-licensedb-0.0.npz"  # a cache file of an older format
        stale.write_bytes(b"old")
        built = index_module.get_index()
        path = index_module.index_path()
        assert path.parent == tmp_path and path.is_dir()
        assert not stale.exists(), "a stale index is removed when the new one is written"
        index_module.get_index.cache_clear()
        loaded = index_module.get_index()
        assert len(loaded.refs) == len(built.refs)
        assert identify_text(read_text("mit"), index=loaded).license.key == "mit"  # type: ignore[union-attr]
        tokens = path / "tokens.npy"
        tokens.write_bytes(tokens.read_bytes()[:-4])  # truncated: rebuilt, never trusted
        index_module.get_index.cache_clear()
        rebuilt = index_module.get_index()
        assert len(rebuilt.refs) == len(built.refs)
        assert len(rebuilt.tokens) == len(built.tokens)
    finally:
        index_module.get_index.cache_clear()
