# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The one way licentia writes a file: all or nothing, never through a link, never over an
existing file without `force`.

Every target is checked before anything is written (a symbolic link, a directory or a FIFO
where the file goes, a file where a directory is needed, an existing file without force: all
named in one error). Each file is written to a temporary file in its own folder, flushed to
disk, and renamed over the target, so a reader (or a kill -9) sees the old file or the new one,
never a half-written one. When a rename fails part way, the files already renamed are put back.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import re
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from licentia.cache import process_alive
from licentia.errors import InputError
from licentia.safe_read import problem, shown

_TMP_SUFFIX = ".licentia-tmp"
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(frozen=True)
class Write:
    """One file to write: where, and its bytes."""

    path: Path
    data: bytes


@dataclass
class _Staged:
    target: Path
    tmp: Path
    existed: bool
    backup: Path | None = None
    committed: bool = False


@dataclass
class _Plan:
    writes: list[Write]
    existing: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    missing_dirs: list[Path] = field(default_factory=list)


def _lstat(path: Path) -> os.stat_result | None:
    """lstat, None when nothing is there; InputError for a name that cannot be a file."""
    try:
        return os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):  # a file in the way is named by the caller
        return None
    except (OSError, ValueError) as exc:
        raise InputError(problem(exc, "file").replace("cannot read", "cannot write"),
                         path=shown(path)) from exc


def _check_target(path: Path, plan: _Plan, force: bool) -> None:
    info = _lstat(path)
    if info is None:
        _check_parents(path.parent, plan)
        return
    if stat.S_ISLNK(info.st_mode):
        plan.problems.append(f"{shown(path)}: is a symbolic link; licentia does not write "
                             "through links (remove it or choose another path)")
    elif stat.S_ISDIR(info.st_mode):
        plan.problems.append(f"{shown(path)}: is a directory, not a file")
    elif not stat.S_ISREG(info.st_mode):
        plan.problems.append(f"{shown(path)}: is not a regular file")
    elif not force:
        plan.existing.append(path)


def _check_parents(folder: Path, plan: _Plan) -> None:
    """The nearest existing ancestor must be a directory; note the ones to create."""
    missing: list[Path] = []
    current = folder
    while True:
        info = _lstat(current)
        if info is not None:
            break
        missing.append(current)
        if current.parent == current:
            return
        current = current.parent
    if not _follows_to_dir(current):
        plan.problems.append(f"{shown(current)}: is in the way: a file where a directory is "
                             "needed")
        return
    for d in reversed(missing):
        if d not in plan.missing_dirs:
            plan.missing_dirs.append(d)


def _follows_to_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _plan(writes: Sequence[Write], force: bool) -> _Plan:
    plan = _Plan(list(writes))
    for w in plan.writes:
        _check_target(w.path, plan, force)
    if plan.problems:
        raise InputError("; ".join(plan.problems) + "; nothing was written")
    if plan.existing:
        names = ", ".join(shown(p) for p in plan.existing)
        raise InputError(f"would overwrite {len(plan.existing)} existing file(s): {names}; "
                         "nothing was written (use --force to overwrite)")
    return plan


def _new_file_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _stage(w: Write, mode: int) -> _Staged:
    existed = _lstat(w.path) is not None
    if existed:
        mode = stat.S_IMODE(os.stat(w.path).st_mode)
    prefix = f".{w.path.name[:100]}."
    _remove_stale(w.path.parent, prefix)
    fd, tmp = tempfile.mkstemp(dir=w.path.parent, prefix=f"{prefix}{os.getpid()}.",
                               suffix=_TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(w.data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return _Staged(w.path, Path(tmp), existed)


def _remove_stale(folder: Path, prefix: str) -> None:
    """Temporaries a killed licentia left for this file (their process is gone)."""
    for tmp in folder.glob(f"{glob.escape(prefix)}*{_TMP_SUFFIX}*"):
        pid = tmp.name[len(prefix):].split(".", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            with contextlib.suppress(OSError):
                tmp.unlink()


def _commit(s: _Staged) -> None:
    if s.existed:
        backup = s.tmp.with_name(s.tmp.name + ".old")
        with contextlib.suppress(OSError):
            os.link(s.target, backup)
            s.backup = backup
        os.replace(s.tmp, s.target)
    else:
        try:  # a link, unlike a rename, never replaces a file created meanwhile
            os.link(s.tmp, s.target)
        except FileExistsError as exc:
            raise InputError("appeared while licentia was writing; nothing was written",
                             path=shown(s.target)) from exc
        except OSError as exc:
            if exc.errno not in {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                                 errno.EMLINK}:
                raise
            os.replace(s.tmp, s.target)  # a file system without hard links
        s.tmp.unlink(missing_ok=True)
    s.committed = True


def _roll_back(staged: list[_Staged], created: list[Path]) -> None:
    for s in reversed(staged):
        with contextlib.suppress(OSError):
            if s.committed and s.backup is not None:
                os.replace(s.backup, s.target)
            elif s.committed and not s.existed:
                s.target.unlink()
        with contextlib.suppress(OSError):
            s.tmp.unlink(missing_ok=True)
            if s.backup is not None:
                s.backup.unlink(missing_ok=True)
    for d in reversed(created):
        with contextlib.suppress(OSError):
            d.rmdir()


def write_files(writes: Sequence[Write], force: bool = False) -> list[Path]:
    """Write every file, or none: InputError naming every target in the way (an existing file
    without `force`, a link, a directory, a file where a folder goes) before anything is written,
    and the files already written put back when writing fails part way."""
    plan = _plan(writes, force)
    mode = _new_file_mode()
    created: list[Path] = []
    staged: list[_Staged] = []
    try:
        for d in plan.missing_dirs:
            d.mkdir()
            created.append(d)
        for w in plan.writes:
            staged.append(_stage(w, mode))
        for s in staged:
            _commit(s)
    except InputError:
        _roll_back(staged, created)
        raise
    except OSError as exc:
        _roll_back(staged, created)
        where = exc.filename if isinstance(exc.filename, str) else None
        raise InputError(f"cannot write: {exc.strerror or exc}; nothing was written",
                         path=shown(where) if where else None) from exc
    except BaseException:
        _roll_back(staged, created)
        raise
    for s in staged:
        if s.backup is not None:
            with contextlib.suppress(OSError):
                s.backup.unlink()
    return [w.path for w in plan.writes]


def text_bytes(text: str) -> bytes:
    """UTF-8 of a document's text; a lone surrogate (a file name that was not UTF-8, quoted in
    a report) becomes U+FFFD instead of failing the write."""
    return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def write_file(path: Path, data: bytes | str, force: bool = False) -> Path:
    """Write one file (text as UTF-8), atomically; see write_files."""
    raw = text_bytes(data) if isinstance(data, str) else data
    return write_files([Write(path, raw)], force)[0]
