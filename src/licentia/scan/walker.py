# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The files of a tree worth reading: `.gitignore` rules (every level) and the REUSE
specification's exclusions honoured, version-control folders skipped, and every path that cannot
be read (a socket, a link loop, a folder without permission) kept with the reason.

A file's first bytes say whether it is text (read by identify) or binary (weights, images:
listed, not read as text), the way identify's own reader decides.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import pathspec

from licentia.safe_read import problem

VCS_FOLDERS = frozenset({".git", ".hg", ".sl", ".svn", ".bzr", "_darcs", "CVS", ".jj"})
_SNIFF = 8192
_NOT_CONTROL = bytes(c for c in range(256) if not (c <= 0x08 or 0x0E <= c <= 0x1F))
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class Kind(StrEnum):
    """What a listed file is."""

    TEXT = "text"
    BINARY = "binary"
    EMPTY = "empty"


@dataclass(frozen=True)
class Listed:
    """A file of the tree: its path relative to the root (POSIX), kind and size."""

    path: str
    kind: Kind
    size: int


@dataclass(frozen=True)
class Skipped:
    """A path of the tree that is not read, and why (reported in the scan)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Inventory:
    root: Path
    files: tuple[Listed, ...]
    skipped: tuple[Skipped, ...]
    ignored: int  # files left out by .gitignore rules


def sniff(data: bytes) -> Kind:
    """Text or binary from a file's first bytes: a NUL byte, or many control characters,
    make it binary (as identify's reader decides); a byte-order mark makes it text."""
    if not data:
        return Kind.EMPTY
    if data.startswith(_BOMS):
        return Kind.TEXT
    head = data[:_SNIFF]
    if b"\x00" in head:
        return Kind.BINARY
    controls = len(head.translate(None, _NOT_CONTROL))
    return Kind.BINARY if controls > 0.05 * len(head) else Kind.TEXT


def _read_head(path: Path) -> bytes:
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        return os.read(fd, _SNIFF)
    finally:
        os.close(fd)


def _gitignore(folder: Path) -> pathspec.GitIgnoreSpec | None:
    lines: list[str] = []
    for name in (".gitignore",):
        try:
            with open(folder / name, encoding="utf-8", errors="replace") as fh:
                lines += fh.read(1 << 20).splitlines()
        except OSError:
            continue
    return pathspec.GitIgnoreSpec.from_lines(lines) if lines else None


@dataclass(frozen=True)
class _Rules:
    """The .gitignore files in force: (folder relative to the root, its rules), root first."""

    specs: tuple[tuple[str, pathspec.GitIgnoreSpec], ...]

    def ignored(self, rel: str, is_dir: bool) -> bool:
        verdict = False
        for base, spec in self.specs:
            sub = rel[len(base) + 1 :] if base else rel
            result = spec.check_file(sub + "/" if is_dir else sub)
            if result.include is not None:
                verdict = result.include
        return verdict

    def under(self, folder: Path, rel: str) -> _Rules:
        spec = _gitignore(folder)
        return _Rules((*self.specs, (rel, spec))) if spec is not None else self


def _root_rules(root: Path) -> _Rules:
    specs: list[tuple[str, pathspec.GitIgnoreSpec]] = []
    try:
        with open(root / ".git" / "info" / "exclude", encoding="utf-8", errors="replace") as fh:
            specs.append(("", pathspec.GitIgnoreSpec.from_lines(fh.read(1 << 20).splitlines())))
    except OSError:
        pass
    return _Rules(tuple(specs))


def walk(root: Path, progress: Callable[[int], None] | None = None,
         follow_file_links: bool = False) -> Inventory:
    """Every file under `root` worth reading, in path order. Symbolic links are not followed,
    except, with `follow_file_links`, links to files (a Hugging Face snapshot's files are links
    to its blobs)."""
    files: list[Listed] = []
    skipped: list[Skipped] = []
    ignored = 0
    stack: list[tuple[Path, str, _Rules]] = [(root, "", _root_rules(root))]
    while stack:
        folder, rel_folder, rules = stack.pop()
        rules = rules.under(folder, rel_folder)
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            skipped.append(Skipped(rel_folder or ".", problem(exc, "folder")))
            continue
        subfolders: list[tuple[Path, str, _Rules]] = []
        for entry in entries:
            rel = f"{rel_folder}/{entry.name}" if rel_folder else entry.name
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError as exc:
                skipped.append(Skipped(rel, problem(exc)))
                continue
            mode = info.st_mode
            if stat.S_ISLNK(mode):
                target = _link_target(Path(entry.path)) if follow_file_links else None
                if target is None or not stat.S_ISREG(target.st_mode):
                    skipped.append(Skipped(rel, _link_reason(Path(entry.path))))
                    continue
                info, mode = target, target.st_mode
            if stat.S_ISDIR(mode):
                if entry.name in VCS_FOLDERS:
                    continue
                if rules.ignored(rel, True):
                    ignored += 1
                    continue
                subfolders.append((Path(entry.path), rel, rules))
                continue
            if entry.name in VCS_FOLDERS:
                continue  # a worktree's `.git` file
            if not stat.S_ISREG(mode):
                skipped.append(Skipped(rel, _special(mode)))
                continue
            if rules.ignored(rel, False):
                ignored += 1
                continue
            listed = _listed(Path(entry.path), rel, info.st_size, skipped)
            if listed is not None:
                files.append(listed)
            if progress is not None and len(files) % 500 == 0:
                progress(len(files))
        stack.extend(reversed(subfolders))
    files.sort(key=lambda f: f.path)
    skipped.sort(key=lambda s: s.path)
    return Inventory(root, tuple(files), tuple(skipped), ignored)


def _listed(path: Path, rel: str, size: int, skipped: list[Skipped]) -> Listed | None:
    if size == 0:
        return Listed(rel, Kind.EMPTY, 0)
    try:
        head = _read_head(path)
    except OSError as exc:
        skipped.append(Skipped(rel, problem(exc)))
        return None
    return Listed(rel, sniff(head), size)


def _link_target(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (OSError, ValueError):
        return None


def _link_reason(path: Path) -> str:
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        why = problem(exc) if isinstance(exc, OSError) else "a loop"
        return f"symbolic link not followed ({why})"
    kind = "a folder" if target.is_dir() else "a file"
    return f"symbolic link to {kind}, not followed"


def _special(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not read"
    if stat.S_ISSOCK(mode):
        return "a socket, not read"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not read"
    return "not a regular file, not read"
