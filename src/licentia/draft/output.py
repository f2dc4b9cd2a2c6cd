# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Drafted documents and how they are written: all or nothing, never over a file without force."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from licentia.errors import InputError


@dataclass(frozen=True)
class Document:
    """One drafted file: where it goes (relative to the target directory) and what it holds."""

    path: str
    content: str | bytes
    description: str = ""

    @property
    def data(self) -> bytes:
        return self.content if isinstance(self.content, bytes) else self.content.encode("utf-8")


def conflicts(base: Path, documents: Iterable[Document]) -> list[Path]:
    """The targets that already exist (they would be overwritten)."""
    return [base / d.path for d in documents if (base / d.path).exists()]


def write_documents(base: Path, documents: Iterable[Document], force: bool = False) -> list[Path]:
    """Write every document under `base`; with an existing target and no `force`, write nothing.

    Raises InputError naming every file that exists (or is in the way).
    """
    docs = list(documents)
    blocked = [p for p in (base / d.path for d in docs) if p.is_dir()]
    if blocked:
        raise InputError("is a directory, not a file: " + ", ".join(str(p) for p in blocked),
                         path=blocked[0])
    existing = conflicts(base, docs)
    if existing and not force:
        names = ", ".join(str(p) for p in existing)
        raise InputError(f"would overwrite {len(existing)} existing file(s): {names}; nothing "
                         "was written (use --force to overwrite)")
    written: list[Path] = []
    for doc in docs:
        target = base / doc.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(doc.data)
        except OSError as exc:
            raise InputError(f"cannot write: {exc.strerror or exc}", path=target) from exc
        written.append(target)
    return written
