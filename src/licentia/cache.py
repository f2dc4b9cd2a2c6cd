# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Where licentia keeps what it builds once (the identification index, catalog metadata), and
how: every cache file carries a digest of its content, so a truncated, bit-flipped or foreign
file is noticed, removed and rebuilt, never trusted and never a permanent failure."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
import time
from pathlib import Path

_MAGIC = b"licentia-cache-1\n"
_DIGEST = 32
_STALE_SECONDS = 3600  # a temporary file this old was left by a killed save


def cache_dir() -> Path:
    """The cache directory: $LICENTIA_CACHE_DIR, else $XDG_CACHE_HOME/licentia, else ~/.cache."""
    explicit = os.environ.get("LICENTIA_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "licentia"


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (whoever owns it): temporaries it left are its own."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process
        return True
    return True


def remove_stale_temporaries(path: Path) -> None:
    """Remove what killed saves of `path` left behind (their process is gone, or long ago)."""
    now = time.time()
    for tmp in path.parent.glob(f"{path.name}.*.tmp"):
        pid_text = tmp.name[len(path.name) + 1 :].split(".", 1)[0]
        with contextlib.suppress(OSError):
            dead = pid_text.isdigit() and not process_alive(int(pid_text))
            if dead or now - tmp.stat().st_mtime > _STALE_SECONDS:
                if tmp.is_dir() and not tmp.is_symlink():  # a directory being built
                    shutil.rmtree(tmp)
                else:
                    tmp.unlink()


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write a cache file so that a concurrent reader never sees half of it, with the digest
    `read_verified` checks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f"{path.name}.{os.getpid()}.",
                               suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_MAGIC)
            fh.write(hashlib.blake2b(data, digest_size=_DIGEST).digest())
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_verified(path: Path) -> bytes | None:
    """The content of a cache file written by atomic_write_bytes; None when it is missing or
    damaged (a damaged one is removed, so it is rebuilt)."""
    try:
        with path.open("rb") as fh:
            raw = fh.read()
    except OSError:
        return None
    head = len(_MAGIC) + _DIGEST
    data = raw[head:]
    if raw[: len(_MAGIC)] != _MAGIC or len(raw) < head or \
            hashlib.blake2b(data, digest_size=_DIGEST).digest() != raw[len(_MAGIC) : head]:
        with contextlib.suppress(OSError):
            path.unlink()
        return None
    return data
