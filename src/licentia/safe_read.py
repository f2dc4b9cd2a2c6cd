# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The one way licentia opens a file a user names: regular files only, never blocking, never
reading more than a cap, and every failure one InputError naming the file.

A FIFO, a device or a socket is refused without opening it for a blocking read; an over-long
or NUL-holding name, a symlink loop and a permission problem are clean errors too. Paths that
only *might* be files (a license reference that could be a name) are tested with
`is_regular_file`/`exists`, which never raise.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from licentia.errors import InputError
from licentia.limits import MAX_TEXT_BYTES

_UNPRINTABLE = {"Cc", "Zl", "Zp", "Cs"}  # would break the line (or the terminal's encoding)
_PATH_SHOWN = 160  # characters of a path shown in a message (a 4,000-character name is noise)


def shown(path: Path | str) -> str:
    """A path as a message shows it: clipped in the middle, control characters escaped."""
    text = str(path)
    text = "".join(repr(c)[1:-1] if unicodedata.category(c) in _UNPRINTABLE else c
                   for c in text)
    if len(text) > _PATH_SHOWN:
        half = _PATH_SHOWN // 2 - 2
        text = f"{text[:half]}...{text[-half:]}"
    return text


_ERRNO_PROBLEMS = {
    errno.ENOENT: "no such {what}",
    errno.ENOTDIR: "no such {what} (a part of the path is not a directory)",
    errno.EISDIR: "is a directory, not a {what}",
    errno.ENAMETOOLONG: "file name too long to be a {what}",
    errno.ELOOP: "too many levels of symbolic links",
    errno.EACCES: "cannot read the {what}: permission denied",
    errno.EPERM: "cannot read the {what}: operation not permitted",
}


def problem(exc: Exception, what: str = "file") -> str:
    """One line saying why a path could not be used (an OSError, the ValueError of a NUL byte,
    the RuntimeError of pathlib's symlink-loop check)."""
    if isinstance(exc, ValueError):  # os functions refuse an embedded NUL with ValueError
        return "the file name holds a NUL byte"
    if not isinstance(exc, OSError):
        return _ERRNO_PROBLEMS[errno.ELOOP] if "loop" in str(exc).lower() \
            else f"cannot read the {what}"
    template = _ERRNO_PROBLEMS.get(exc.errno or 0)
    if template is not None:
        return template.format(what=what)
    return f"cannot read the {what}: {exc.strerror or type(exc).__name__}"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, for a message; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def is_regular_file(path: Path) -> bool:
    """Whether `path` is a regular file (following links); False for any path that cannot be
    one (missing, a FIFO, a name too long, a NUL byte, a link loop) - never raises."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def exists(path: Path) -> bool:
    """Whether anything is at `path` (a dangling link counts); never raises."""
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def is_directory(path: Path) -> bool:
    """Whether `path` is a directory (following links); never raises."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


@dataclass(frozen=True)
class Read:
    """The first bytes of a regular file, and its size (larger than `len(data)` when capped)."""

    data: bytes
    size: int

    @property
    def truncated(self) -> bool:
        return self.size > len(self.data)


def read_prefix(path: Path, limit: int = MAX_TEXT_BYTES, what: str = "file") -> Read:
    """At most `limit` bytes of the regular file at `path`; InputError naming it otherwise.

    The file is opened non-blocking, so a FIFO (or a device) is refused at once instead of
    waiting for a writer.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    try:
        fd = os.open(path, flags)
    except (OSError, ValueError) as exc:
        raise InputError(problem(exc, what), path=shown(path)) from exc
    try:
        info = os.fstat(fd)
        kind = _kind(info.st_mode)
        if kind is not None:
            article = "" if kind.startswith(("a ", "not")) else "a "
            raise InputError(f"is {article}{kind}, not a {what}"
                             if kind != "not a regular file" else f"is not a regular {what}",
                             path=shown(path))
        chunks: list[bytes] = []
        got = 0
        while got < limit:
            chunk = os.read(fd, min(limit - got, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            got += len(chunk)
        return Read(b"".join(chunks), max(info.st_size, got))
    except OSError as exc:
        raise InputError(problem(exc, what), path=shown(path)) from exc
    finally:
        os.close(fd)


def read_bytes(path: Path, limit: int, what: str = "file", limit_name: str = "") -> bytes:
    """The whole regular file; InputError when it is larger than `limit` bytes (naming the
    environment variable that raises the limit)."""
    got = read_prefix(path, limit + 1, what)
    if len(got.data) > limit:
        how = f" (set {limit_name} to raise it)" if limit_name else ""
        raise InputError(f"the {what} is {_size(got.size)}, over licentia's limit of "
                         f"{_size(limit)}{how}", path=shown(path))
    return got.data


def read_utf8(path: Path, limit: int, what: str = "file", limit_name: str = "") -> str:
    """The whole regular file as UTF-8 text (a BOM is dropped); InputError when it is larger
    than `limit` or not UTF-8."""
    raw = read_bytes(path, limit, what, limit_name)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read the {what}: not UTF-8 text ({exc.reason} at byte "
                         f"{exc.start})", path=shown(path)) from exc


def decode_text(raw: bytes) -> str:
    """Text of a file users did not necessarily save as UTF-8 (a LICENSE, a README): UTF-8
    (with or without BOM), UTF-16 with a BOM, else Windows-1252; never raises."""
    import codecs

    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            return raw.decode(enc, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def read_any_text(path: Path, limit: int = MAX_TEXT_BYTES, what: str = "file") -> str:
    """The text of a document licentia reads and may rewrite (a LICENSE, a README) in whatever
    encoding it has; InputError when it is not a readable regular file or larger than `limit`."""
    return decode_text(read_bytes(path, limit, what, "LICENTIA_MAX_TEXT_BYTES"))


def _size(n: int) -> str:
    if n >= 1 << 20:
        return f"{n / (1 << 20):.1f} MiB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):.1f} KiB"
    return f"{n} bytes"
