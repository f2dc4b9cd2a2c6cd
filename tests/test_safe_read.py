# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The one way a user's file is opened: regular files only, never blocking, capped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from licentia.errors import InputError
from licentia.safe_read import (
    exists,
    is_regular_file,
    read_any_text,
    read_bytes,
    read_prefix,
    read_utf8,
    shown,
)


def test_a_fifo_is_refused_at_once_without_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"pipe: is a named pipe \(FIFO\), not a file"):
        read_prefix(fifo)  # would block forever if opened for a blocking read
    assert exists(fifo) and not is_regular_file(fifo)


def test_devices_and_directories_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"/dev/zero: is a device, not a use-case file"):
        read_prefix(Path("/dev/zero"), what="use-case file")
    with pytest.raises(InputError, match=r"is a directory, not a file"):
        read_prefix(tmp_path)


@pytest.mark.parametrize("name, problem", [
    ("a\x00b", "the file name holds a NUL byte"),
    ("x" * 300, "file name too long"),
    ("MIT OR " * 60 + "MIT", "file name too long"),
])
def test_impossible_names_are_clean_errors(tmp_path: Path, name: str, problem: str) -> None:
    path = tmp_path / name
    assert not is_regular_file(path) and not exists(path)  # never raise
    with pytest.raises(InputError, match=problem) as info:
        read_prefix(path)
    assert len(str(info.value)) < 300, "a huge name is clipped in the message"


def test_a_symlink_loop_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(InputError, match="too many levels of symbolic links"):
        read_prefix(tmp_path / "a")


def test_reads_are_capped(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"a: 1\n" * 1000)
    got = read_prefix(big, limit=100)
    assert len(got.data) == 100 and got.size == 5000 and got.truncated
    with pytest.raises(InputError, match=r"over licentia's limit of 100 bytes \(set LIM"):
        read_bytes(big, 100, limit_name="LIM")
    assert read_bytes(big, 5000) == b"a: 1\n" * 1000


def test_text_decoding(tmp_path: Path) -> None:
    latin = tmp_path / "LICENSE"
    latin.write_bytes("Copyright (c) 2024 Jos\xe9 M\xfcller\n".encode("latin-1"))
    assert "José Müller" in read_any_text(latin)
    with pytest.raises(InputError, match=r"LICENSE: cannot read the file: not UTF-8 text"):
        read_utf8(latin, 1000)
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_utf8(bom, 1000) == "a: 1\n"


def test_shown_paths_are_one_short_line() -> None:
    assert shown("a\nb") == "a\\nb"
    assert len(shown("x" * 5000)) <= 160
