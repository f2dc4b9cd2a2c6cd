# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identifications kept between scans: a re-scan identifies only what changed, with the same
result; what cannot be read back exactly, failures and model cards are never kept."""

from __future__ import annotations

import importlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from licentia.catalog.licensedb import read_text
from licentia.identify import Identification, identify_text
from licentia.identify.index import Index
from licentia.identify.result import Result
from licentia.scan import kept as kept_module
from licentia.scan import scan
from licentia.scan.kept import Kept

from .fixtures import make_repo, write


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The kept identifications' file, in tmp_path (the index stays in the usual cache)."""
    path = tmp_path / "cache" / f"scan-results-v1-{kept_module.version()}.json"
    monkeypatch.setattr(kept_module, "cache_path", lambda: path)
    return path


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The paths identify is asked to read as text (the first ones, given `readers`, are
    binaries read as their strings)."""
    tree = importlib.import_module("licentia.scan.tree")
    paths: list[Path] = []
    real = tree.identify_paths

    def counting(items, **kw):  # type: ignore[no-untyped-def]
        paths.extend(items[len(kw.get("readers", ())) :])
        return real(items, **kw)

    monkeypatch.setattr(tree, "identify_paths", counting)
    return paths


def _files(result):  # type: ignore[no-untyped-def]
    return {f.path: f for f in result.tree.files}


def test_a_rescan_identifies_only_what_changed(tmp_path: Path, store: Path,
                                               asked: list[Path]) -> None:
    root = make_repo(tmp_path / "repo")
    card = "---\nlicense: mit\n---\n# Model\n"
    write(root, "models/m1/README.md", card)
    first = _files(scan(root, run_reuse=False, keep=True))
    assert store.is_file() and len(asked) > 5
    asked.clear()
    again = _files(scan(root, run_reuse=False, keep=True))
    assert again == first  # every file's result, field for field
    # a possible model card is read with the files it links to: always identified again
    assert [p.relative_to(root).as_posix() for p in asked] == ["models/m1/README.md"]
    asked.clear()
    write(root, "docs/guide.md", "# Guide\n\n" + read_text("bsd-new"))
    changed = _files(scan(root, run_reuse=False, keep=True))
    assert sorted(p.relative_to(root).as_posix() for p in asked) == \
        ["docs/guide.md", "models/m1/README.md"]
    assert "bsd-new" in changed["docs/guide.md"].keys
    assert {p: f for p, f in changed.items() if p != "docs/guide.md"} == \
        {p: f for p, f in first.items() if p != "docs/guide.md"}


def test_without_keep_nothing_is_read_or_written(tmp_path: Path, store: Path,
                                                 asked: list[Path]) -> None:
    root = make_repo(tmp_path / "repo")
    scan(root, run_reuse=False, keep=True)
    every = list(asked)
    asked.clear()
    store.write_bytes(b"not what was kept")
    scan(root, run_reuse=False)
    assert asked == every
    assert store.read_bytes() == b"not what was kept"


def test_a_damaged_store_is_dropped_and_an_old_version_removed(tmp_path: Path, store: Path,
                                                               asked: list[Path]) -> None:
    root = make_repo(tmp_path / "repo")
    scan(root, run_reuse=False)
    every = list(asked)
    asked.clear()
    store.parent.mkdir(parents=True)
    store.write_bytes(b"licentia-cache-1\n" + b"\0" * 32 + b"{}")  # a wrong digest
    old = store.parent / "scan-results-v1-0123456789abcdef01234567.json"
    old.write_text("{}")
    scan(root, run_reuse=False, keep=True)
    assert asked == every and not old.exists()
    texts = [k for k in Kept(store)._entries if k.startswith("text:")]
    assert len(texts) == len(every)  # written again, readable (binaries' strings apart)


@pytest.mark.parametrize("text", [
    read_text("mit").replace("Permission is hereby", "Permission is, subject to payment,"),
    "# SPDX-" + "License-Identifier: Apache-2.0 OR MIT\nprint(1)\n",  # (no tag of this file)
    read_text("apache-2.0")[:6000] + "\n\nSee also:\n" + read_text("bsd-new"),
    "Just some prose about nothing in particular, no license.\n",
])
def test_an_identification_reads_back_field_for_field(index: Index, text: str) -> None:
    ident = identify_text(text, "/tmp/some/file.txt", index)
    entry = kept_module._encode(ident)
    assert entry is not None
    back = kept_module._decode(json.loads(json.dumps(entry)), "/elsewhere/copy.txt")
    assert back == replace(ident, path="/elsewhere/copy.txt")
    assert kept_module._positions(back) == kept_module._positions(ident)


def test_a_result_naming_its_own_path_is_not_kept() -> None:
    ident = Identification("/srv/repo/LICENSE", Result.NONE,
                            notes=("/srv/repo/LICENSE: decoded as latin-1",))
    assert kept_module._encode(ident) is None
    assert kept_module._encode(Identification("/srv/repo/LICENSE", Result.NONE)) is not None
