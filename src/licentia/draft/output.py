# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Drafted documents and how they are written: all or nothing, never over a file without force."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from licentia.atomic_write import Write, text_bytes, write_files


@dataclass(frozen=True)
class Document:
    """One drafted file: where it goes (relative to the target directory) and what it holds."""

    path: str
    content: str | bytes
    description: str = ""

    @property
    def data(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else text_bytes(self.content)


def write_documents(base: Path, documents: Iterable[Document], force: bool = False) -> list[Path]:
    """Write every document under `base` (created if missing), all or nothing.

    Raises InputError naming every file that exists (without `force`) or is in the way (a
    link, a directory, a file where a folder goes); nothing is written then.
    """
    return write_files([Write(base / d.path, d.data) for d in documents], force)
