# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Array stores load memory-mapped, are trusted only while their files are the ones written,
and a damaged one is removed (so it is rebuilt)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from licentia import arraystore
from licentia.arraystore import Strings, pack_strings

NAMES = ("ints", "floats")


def _arrays() -> dict[str, np.ndarray]:
    return {"ints": np.arange(1000, dtype=np.int32), "floats": np.linspace(0, 1, 50)}


def test_saved_arrays_load_as_written(tmp_path: Path) -> None:
    path = tmp_path / "store"
    arraystore.save(path, _arrays())
    loaded = arraystore.load(path, NAMES)
    assert loaded is not None
    for name, array in _arrays().items():
        assert np.array_equal(loaded[name], array) and loaded[name].dtype == array.dtype
        assert not loaded[name].flags.writeable, "read-only: a mapping shared by processes"
    assert arraystore.load(tmp_path / "missing", NAMES) is None


@pytest.mark.parametrize("damage", ["truncate", "flip", "manifest", "missing-array"])
def test_a_damaged_store_is_removed(tmp_path: Path, damage: str) -> None:
    path = tmp_path / "store"
    arraystore.save(path, _arrays())
    ints = path / "ints.npy"
    data = ints.read_bytes()
    if damage == "truncate":
        ints.write_bytes(data[:-8])
    elif damage == "flip":  # same size, rewritten: the stamp changed, so the digest is checked
        ints.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    elif damage == "manifest":
        (path / arraystore.MANIFEST).write_text("{not json")
    else:
        ints.unlink()
    assert arraystore.load(path, NAMES) is None
    assert not path.exists(), "removed, so the next run rebuilds it"


def test_a_copied_store_is_checked_once_then_trusted(tmp_path: Path) -> None:
    path = tmp_path / "store"
    arraystore.save(path, _arrays())
    copy = tmp_path / "copy"
    shutil.copytree(path, copy)  # new inodes and times: the digests are checked
    assert arraystore.load(copy, NAMES) is not None
    manifest = (copy / arraystore.MANIFEST).read_text()
    assert arraystore.load(copy, NAMES) is not None
    assert (copy / arraystore.MANIFEST).read_text() == manifest, "stamps written once"
    stamp = os.stat(copy / "ints.npy")
    assert str(stamp.st_ino) in manifest


def test_saving_replaces_an_older_file_of_the_name(tmp_path: Path) -> None:
    path = tmp_path / "store"
    path.write_bytes(b"an older cache format was a file")
    arraystore.save(path, _arrays())
    assert arraystore.load(path, NAMES) is not None
    assert not list(tmp_path.glob("*.tmp"))


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\x00"), max_size=12),
                max_size=30))
def test_strings_round_trip(strings: list[str]) -> None:
    packed = Strings(*pack_strings(strings))
    assert len(packed) == len(strings)
    assert packed.all() == strings
    assert [packed[i] for i in range(len(strings))] == strings
    if strings:
        assert packed[-1] == strings[-1]


def test_a_string_with_a_nul_is_refused() -> None:
    with pytest.raises(ValueError, match="NUL"):
        pack_strings(["a\x00b"])
