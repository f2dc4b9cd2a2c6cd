# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Cached arrays that load in a millisecond: a directory of raw `.npy` files, memory-mapped.

A cache built once (the identification index, the rule index) is tens of megabytes; reading
and digesting all of it would cost every command a quarter of a second. Here each array is its
own file, mapped into memory and paged in only where a query looks (and shared by forked
workers). A manifest records each file's size and digest, and the file system's stamp of it
(inode, size, times) when it was written or last checked: a load compares the stamps, and
digests a file again only when its stamp changed (copied, rewritten, truncated). A file that
fails the check removes the whole directory, so it is rebuilt, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from licentia.cache import remove_stale_temporaries

MANIFEST = "manifest.json"
_MAGIC = "licentia-arrays-1"
_CHUNK = 1 << 20


def _digest(path: Path) -> str:
    h = hashlib.blake2b(digest_size=32)
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _stamp(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def save(path: Path, arrays: Mapping[str, npt.NDArray[Any]]) -> None:
    """Write `arrays` as the store at `path` (a directory), all or nothing: it is built beside
    and renamed into place, so a reader never sees half of it. When another process has just
    put its own in place, that one stays."""
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path)
    tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=f"{path.name}.{os.getpid()}.",
                                suffix=".tmp"))
    try:
        files: dict[str, dict[str, Any]] = {}
        for name, array in arrays.items():
            target = tmp / f"{name}.npy"
            np.save(target, np.ascontiguousarray(array), allow_pickle=False)
            files[name] = {"digest": _digest(target), "stamp": _stamp(target)}
        (tmp / MANIFEST).write_text(json.dumps({"magic": _MAGIC, "files": files}))
        if path.exists():
            remove(path)  # an older or damaged store of the same name
        os.replace(tmp, path)
    except OSError:
        if not path.is_dir():
            raise
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def remove(path: Path) -> None:
    """Remove a store (or a file of that name left by an older format)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def load(path: Path, names: Iterable[str]) -> dict[str, npt.NDArray[Any]] | None:
    """The arrays `names` of the store at `path`, memory-mapped read-only; None when it is
    missing, or damaged (then it is removed)."""
    try:
        raw = (path / MANIFEST).read_text(encoding="utf-8")
    except FileNotFoundError:
        if path.exists():
            remove(path)  # a store that lost its manifest
        return None
    except OSError:  # e.g. a cache file of an older format by that name: replaced when saved
        return None
    try:
        manifest = json.loads(raw)
        if manifest.get("magic") != _MAGIC:
            raise ValueError("not an array store")
        files = manifest["files"]
        wanted = list(names)
        restamped = False
        for name in wanted:
            entry, file = files[name], path / f"{name}.npy"
            if _stamp(file) != entry["stamp"]:
                if _digest(file) != entry["digest"]:
                    raise ValueError(f"{file}: content changed")
                entry["stamp"] = _stamp(file)
                restamped = True
        # plain arrays over the mapping: np.memmap's own indexing is slow for small reads
        out = {name: np.load(path / f"{name}.npy", mmap_mode="r", allow_pickle=False
                             ).view(np.ndarray) for name in wanted}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        remove(path)
        return None
    if restamped:  # checked once: the next load trusts the new stamps
        with contextlib.suppress(OSError):
            _write_manifest(path, manifest)
    return out


def _write_manifest(path: Path, manifest: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path, prefix=f"{MANIFEST}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(manifest))
        os.replace(tmp, path / MANIFEST)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def remove_others(path: Path, pattern: str) -> None:
    """Remove the stores (and older cache files) matching `pattern` beside `path`: built for
    another LicenseDB or an older format."""
    for stale in path.parent.glob(pattern):
        if stale != path and not stale.name.endswith(".tmp"):
            remove(stale)


_SEP = "\x00"


def pack_strings(strings: Iterable[str]) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.int64]]:
    """Strings (none holding a NUL) as one UTF-8 buffer, NUL-separated, and where each
    starts (for `Strings`)."""
    items = list(strings)
    if any(_SEP in s for s in items):
        raise ValueError("a string to pack holds a NUL character")
    encoded = [s.encode("utf-8", "surrogatepass") for s in items]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(b) + 1 for b in encoded], out=offsets[1:])
    return np.frombuffer(_SEP.encode().join(encoded), dtype=np.uint8), offsets


class Strings(Sequence[str]):
    """A list of strings stored by `pack_strings`, each decoded when first asked for."""

    def __init__(self, blob: npt.NDArray[np.uint8], offsets: npt.NDArray[np.int64]) -> None:
        self._blob = blob
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[str]: ...
    def __getitem__(self, i: int | slice) -> str | Sequence[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        i %= n
        a, b = int(self._offsets[i]), int(self._offsets[i + 1]) - 1
        return self._blob[a:b].tobytes().decode("utf-8", "surrogatepass")

    def all(self) -> list[str]:
        """Every string, decoded at once."""
        if not len(self):
            return []
        return self._blob.tobytes().decode("utf-8", "surrogatepass").split(_SEP)
