# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Uploaded documents: kept outside any web root under generated names (never the name a user
gave), with their SHA-256; limited in size and type before anything reads them."""

from __future__ import annotations

import hashlib
import secrets
import time
from dataclasses import dataclass
from pathlib import Path, PurePath

from licentia.atomic_write import Write, write_files
from licentia.errors import InputError

MAX_UPLOAD_BYTES = 4 * 1024 * 1024
# what licentia reads: license texts, model cards, manifests and use cases, scan results
SUFFIXES = frozenset({"", ".txt", ".md", ".markdown", ".rst", ".yaml", ".yml", ".json",
                      ".license", ".html", ".htm"})


@dataclass(frozen=True)
class Stored:
    name: str      # what the user called it (shown, never used as a path)
    file: str      # the generated name in the storage folder
    sha256: str
    path: Path


def _suffix(name: str) -> str:
    return PurePath(name.replace("\\", "/")).suffix.lower()


def check_upload(name: str, data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> None:
    """InputError unless `data` is a text document of an accepted type within the limit."""
    if len(data) > max_bytes:
        raise InputError(f"larger than the upload limit of {max_bytes // 1024} KiB",
                         path=name or "upload")
    if _suffix(name) not in SUFFIXES:
        accepted = ", ".join(sorted(s for s in SUFFIXES if s))
        raise InputError(f"not an accepted type (accepted: {accepted}, or no extension)",
                         path=name or "upload")
    if b"\x00" in data:
        raise InputError("a binary file; licentia reads text documents", path=name or "upload")
    if not data.strip():
        raise InputError("empty", path=name or "upload")


def store(folder: Path, name: str, data: bytes, max_bytes: int = MAX_UPLOAD_BYTES) -> Stored:
    """Check and keep an uploaded document; its stored name keeps only the (accepted) suffix."""
    check_upload(name, data, max_bytes)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    generated = secrets.token_hex(16) + _suffix(name)
    path = folder / generated
    write_files([Write(path, data)], force=False)
    shown = PurePath(name.replace("\\", "/")).name[:300] or "upload"
    return Stored(shown, generated, hashlib.sha256(data).hexdigest(), path)


def stored_path(folder: Path, file: str) -> Path:
    """The path of a stored document by its generated name (which holds no separator)."""
    if not file or "/" in file or "\\" in file or file.startswith("."):
        raise InputError("not a stored document name", key=file)
    return folder / file


def unreferenced(folder: Path, referenced: set[str], older_than: float,
                 now: float | None = None) -> list[Path]:
    """Stored documents that no record names and that were written more than `older_than`
    seconds ago (a younger one may belong to a write still under way)."""
    if not folder.is_dir():
        return []
    limit = (time.time() if now is None else now) - older_than
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.name not in referenced and p.stat().st_mtime < limit)
