# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The one way licentia writes: all or nothing, never through links, never over files
without force, never a half-written file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from licentia.atomic_write import Write, write_file, write_files
from licentia.errors import InputError


def _tree(root: Path) -> dict[str, bytes | str]:
    """Every entry under root: file content, or where a link points."""
    out: dict[str, bytes | str] = {}
    for p in sorted(root.rglob("*")):
        rel = str(p.relative_to(root))
        if p.is_symlink():
            out[rel] = f"-> {os.readlink(p)}"
        elif p.is_file():
            out[rel] = p.read_bytes()
        else:
            out[rel] = "dir"
    return out


def test_new_files_and_folders_are_written(tmp_path: Path) -> None:
    written = write_files([Write(tmp_path / "a" / "b" / "x.txt", b"x"),
                           Write(tmp_path / "y.txt", b"y")])
    assert written == [tmp_path / "a" / "b" / "x.txt", tmp_path / "y.txt"]
    assert _tree(tmp_path) == {"a": "dir", "a/b": "dir", "a/b/x.txt": b"x", "y.txt": b"y"}
    mode = stat.S_IMODE((tmp_path / "y.txt").stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask, "not the 0600 of a temporary file"


def test_an_existing_file_needs_force_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_bytes(b"old")
    before = _tree(tmp_path)
    with pytest.raises(InputError, match=r"would overwrite 1 existing file\(s\): .*keep.txt; "
                       r"nothing was written \(use --force"):
        write_files([Write(tmp_path / "new.txt", b"n"), Write(tmp_path / "keep.txt", b"new")])
    assert _tree(tmp_path) == before
    (tmp_path / "keep.txt").chmod(0o600)
    write_file(tmp_path / "keep.txt", "new", force=True)
    assert (tmp_path / "keep.txt").read_bytes() == b"new"
    assert stat.S_IMODE((tmp_path / "keep.txt").stat().st_mode) == 0o600, "mode kept"


@pytest.mark.parametrize("force", [False, True])
def test_links_are_never_written_through(tmp_path: Path, force: bool) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious")
    work = tmp_path / "work"
    work.mkdir()
    (work / "report.md").symlink_to(outside)
    (work / "dangling.md").symlink_to(tmp_path / "created-by-accident.md")
    before = _tree(tmp_path)
    for name in ("report.md", "dangling.md"):
        with pytest.raises(InputError, match=rf"{name}: is a symbolic link; licentia does not "
                           "write through links"):
            write_file(work / name, "new", force=force)
    assert _tree(tmp_path) == before


def test_a_file_where_a_folder_goes_stops_everything(tmp_path: Path) -> None:
    (tmp_path / "LICENSES").write_text("I am a file")
    before = _tree(tmp_path)
    with pytest.raises(InputError, match=r"LICENSES: is in the way: a file where a directory "
                       "is needed; nothing was written"):
        write_files([Write(tmp_path / "REUSE.toml", b"r"),
                     Write(tmp_path / "LICENSES" / "MIT.txt", b"m")], force=True)
    assert _tree(tmp_path) == before


def test_directories_and_fifos_are_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "NOTICE").mkdir()
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(InputError, match=r"NOTICE: is a directory, not a file; .*pipe: is not "
                       "a regular file"):
        write_files([Write(tmp_path / "NOTICE", b"n"), Write(tmp_path / "pipe", b"p")],
                    force=True)


def test_a_failure_part_way_puts_everything_back(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "old.txt").write_bytes(b"old")
    before = _tree(tmp_path)
    real_link = os.link
    calls = []

    def failing_link(src: str, dst: str) -> None:
        calls.append(dst)
        if str(dst).endswith("third.txt"):
            raise OSError(28, "No space left on device", str(dst))
        real_link(src, dst)

    monkeypatch.setattr(os, "link", failing_link)
    with pytest.raises(InputError, match="cannot write: No space left on device; nothing was "
                       "written"):
        write_files([Write(tmp_path / "old.txt", b"new"), Write(tmp_path / "sub" / "a.txt", b"a"),
                     Write(tmp_path / "third.txt", b"3")], force=True)
    assert _tree(tmp_path) == before, "old content restored, new files and folders removed"


def test_no_name_is_a_traceback(tmp_path: Path) -> None:
    for name, problem in (("a\x00b", "NUL byte"), ("x" * 300, "file name too long")):
        with pytest.raises(InputError, match=problem):
            write_file(tmp_path / name, "x")
    assert list(tmp_path.iterdir()) == []


def test_what_a_killed_write_left_is_removed_by_the_next(tmp_path: Path) -> None:
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    stale = tmp_path / f".NOTICE.{dead}.abcd1234.licentia-tmp"
    stale.write_bytes(b"half")
    live = tmp_path / f".NOTICE.{os.getpid()}.efgh5678.licentia-tmp"  # a write in progress
    live.write_bytes(b"half")
    write_file(tmp_path / "NOTICE", "notice")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["NOTICE", live.name])
