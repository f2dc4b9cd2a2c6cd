# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What a repository says about its files from outside them (REUSE Specification 3.x):
`REUSE.toml` annotations (glob paths, precedence closest / aggregate / override) and the
deprecated `.reuse/dep5` file. `.license` sidecars are files identify reads like any other.

Each annotation's licenses are an SPDX expression as written; a malformed file is a problem
reported in the scan, never a stop.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path

from licentia.errors import LicentiaError
from licentia.safe_read import read_any_text

MAX_ANNOTATION_BYTES = 1 << 20


class Precedence(StrEnum):
    CLOSEST = "closest"  # the file's own license information wins; the annotation fills a gap
    AGGREGATE = "aggregate"  # both apply
    OVERRIDE = "override"  # the annotation alone; the file's own information is not read


class Source(StrEnum):
    REUSE_TOML = "reuse-toml"
    DEP5 = "dep5"


@dataclass(frozen=True)
class Annotation:
    """One annotation: the globs it covers (relative to the folder holding it), its licenses."""

    source: Source
    file: str  # the annotation file, relative to the scanned root
    folder: str  # the folder the globs are relative to ("" for the root)
    globs: tuple[str, ...]
    expression: str  # SPDX expression, as written ("" when it names none)
    precedence: Precedence
    copyright: tuple[str, ...] = ()

    @cached_property
    def _patterns(self) -> tuple[re.Pattern[str], ...]:
        translate = _reuse_glob if self.source is Source.REUSE_TOML else _dep5_glob
        return tuple(re.compile(translate(g)) for g in self.globs)

    def covers(self, rel: str) -> bool:
        if self.folder:
            if not rel.startswith(self.folder + "/"):
                return False
            rel = rel[len(self.folder) + 1 :]
        return any(p.fullmatch(rel) for p in self._patterns)


@dataclass(frozen=True)
class Annotations:
    annotations: tuple[Annotation, ...]
    problems: tuple[tuple[str, str], ...]  # (file, problem)

    def for_file(self, rel: str) -> tuple[Annotation, ...]:
        """The annotations that apply to `rel`: in each REUSE.toml the last matching one, the
        closest REUSE.toml first; then the dep5 paragraph that applies (the last matching)."""
        toml = [a for a in self.annotations if a.source is Source.REUSE_TOML and a.covers(rel)]
        by_file: dict[str, Annotation] = {}
        for a in toml:
            by_file[a.file] = a  # the last matching annotation of a file wins
        chosen = sorted(by_file.values(), key=lambda a: -len(a.folder))[:1]
        dep5 = [a for a in self.annotations if a.source is Source.DEP5 and a.covers(rel)]
        return (*chosen, *dep5[-1:])


def _reuse_glob(glob: str) -> str:
    """REUSE.toml globs: `*` any characters but `/`, `**` any characters, `\\*` a star."""
    out: list[str] = []
    i = 0
    while i < len(glob):
        c = glob[i]
        if c == "\\" and i + 1 < len(glob):
            out.append(re.escape(glob[i + 1]))
            i += 2
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif c == "*":
            out.append("[^/]*")
            i += 1
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out)


def _dep5_glob(glob: str) -> str:
    """Debian copyright globs: `*` any characters (`/` too), `?` one character."""
    return "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in glob)


def _strings(value: object) -> tuple[str, ...] | None:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def _read_reuse_toml(path: Path, rel: str, folder: str) -> tuple[list[Annotation], list[str]]:
    try:
        data = tomllib.loads(read_any_text(path, MAX_ANNOTATION_BYTES, "REUSE.toml"))
    except LicentiaError as exc:
        return [], [exc.message]
    except tomllib.TOMLDecodeError as exc:
        return [], [f"not valid TOML: {exc}"]
    if data.get("version") != 1:
        return [], [f"version {data.get('version')!r}: licentia reads REUSE.toml version 1"]
    found: list[Annotation] = []
    problems: list[str] = []
    raw = data.get("annotations", [])
    if not isinstance(raw, list):
        return [], ["`annotations` must be an array of tables ([[annotations]])"]
    for n, item in enumerate(raw, 1):
        if not isinstance(item, dict):
            problems.append(f"annotations[{n}] is not a table")
            continue
        globs = _strings(item.get("path"))
        # REUSE-IgnoreStart
        licenses = _strings(item.get("SPDX-License-Identifier", []))
        # REUSE-IgnoreEnd
        holders = _strings(item.get("SPDX-FileCopyrightText", [])) or ()
        try:
            precedence = Precedence(item.get("precedence", "closest"))
        except ValueError:
            problems.append(f"annotations[{n}].precedence {item.get('precedence')!r} is not "
                            "closest, aggregate or override")
            continue
        if not globs or licenses is None:
            # REUSE-IgnoreStart
            problems.append(f"annotations[{n}]: `path` and `SPDX-License-Identifier` must be "
                            "strings or lists of strings")
            # REUSE-IgnoreEnd
            continue
        expression = " AND ".join(f"({e})" if " " in e and len(licenses) > 1 else e
                                  for e in licenses)
        found.append(Annotation(Source.REUSE_TOML, rel, folder, globs, expression, precedence,
                                holders))
    return found, problems


def _read_dep5(path: Path, rel: str) -> tuple[list[Annotation], list[str]]:
    try:
        text = read_any_text(path, MAX_ANNOTATION_BYTES, "dep5 file")
    except LicentiaError as exc:
        return [], [exc.message]
    found: list[Annotation] = []
    for paragraph in re.split(r"\n\s*\n", text):
        fields: dict[str, list[str]] = {}
        key = ""
        for line in paragraph.splitlines():
            if line[:1] in {" ", "\t"} and key:
                fields[key].append(line.strip())
            elif ":" in line:
                key, _, value = line.partition(":")
                key = key.strip().lower()
                fields[key] = [value.strip()]
        if "files" not in fields or "license" not in fields:
            continue
        globs = tuple(g for part in fields["files"] for g in part.split())
        expression = fields["license"][0]
        copyright_lines = tuple(c for c in fields.get("copyright", []) if c)
        found.append(Annotation(Source.DEP5, rel, "", globs, expression, Precedence.AGGREGATE,
                                copyright_lines))
    return found, []


def read_annotations(root: Path, reuse_tomls: list[str]) -> Annotations:
    """Every annotation of the tree: the REUSE.toml files listed (paths relative to `root`)
    and `.reuse/dep5` when present."""
    found: list[Annotation] = []
    problems: list[tuple[str, str]] = []
    for rel in sorted(reuse_tomls, key=lambda r: r.count("/")):
        folder = rel.rpartition("/")[0]
        got, bad = _read_reuse_toml(root / rel, rel, folder)
        found += got
        problems += [(rel, p) for p in bad]
    dep5 = root / ".reuse" / "dep5"
    if dep5.is_file():
        got, bad = _read_dep5(dep5, ".reuse/dep5")
        found += got
        problems += [(".reuse/dep5", p) for p in bad]
    return Annotations(tuple(found), tuple(problems))
