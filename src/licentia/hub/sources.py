# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The inputs adoption reads besides model dumps: license-count snapshots (one CSV per date,
`license, repos, downloads`, named DD_MM_YYYY.csv, as the Open Future Foundation publishes
them) and maps of GitHub projects to the models they use and to their own license (as LiAgent
publishes them)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from licentia.errors import InputError

_SNAPSHOT = re.compile(r"(\d{2})_(\d{2})_(\d{4})\.csv")
MAX_MAP_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class Snapshot:
    """License counts on one date: (license tag, repositories, downloads) per row."""

    day: date
    series: str  # the folder it came from (e.g. general, filtered)
    path: str
    rows: tuple[tuple[str, int, int], ...]


@dataclass(frozen=True)
class Projects:
    """GitHub projects: the models each uses, and each project's own license."""

    models: dict[str, tuple[str, ...]]
    licenses: dict[str, str]
    paths: tuple[str, ...]


def snapshot_day(path: Path) -> date | None:
    m = _SNAPSHOT.fullmatch(path.name)
    if m is None:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1]))
    except ValueError:
        return None


def read_snapshot(path: Path, day: date) -> Snapshot:
    """A snapshot's rows; its columns are `license, repos, downloads` (the earlier snapshots
    name the last two `count, sum`)."""
    source = "read_csv($p, header=true, all_varchar=true)"
    try:
        with duckdb.connect() as con:
            cols = {str(r[0]).lower(): str(r[0]) for r in
                    con.execute(f"DESCRIBE SELECT * FROM {source}", {"p": str(path)}).fetchall()}
            repos = cols.get("repos") or cols.get("count")
            downloads = cols.get("downloads") or cols.get("sum")
            if "license" not in cols or repos is None or downloads is None:
                raise InputError("not a license-count snapshot: columns license, repos (or "
                                 "count), downloads (or sum) expected", path=path)
            rows = con.execute(
                f'SELECT license, TRY_CAST("{repos}" AS BIGINT), '
                f'TRY_CAST("{downloads}" AS BIGINT) FROM {source}', {"p": str(path)}).fetchall()
    except duckdb.Error as exc:
        raise InputError("not a license-count snapshot (license, repos, downloads): "
                         f"{str(exc).splitlines()[0]}", path=path) from exc
    good = tuple((str(lic).strip(), int(n), int(d or 0)) for lic, n, d in rows
                 if lic and n is not None)
    return Snapshot(day, path.parent.name, str(path), good)


def read_map(path: Path) -> dict[str, object] | None:
    """A JSON object mapping names to values (a projects map); None for anything else."""
    try:
        if path.stat().st_size > MAX_MAP_BYTES:
            return None
        with path.open("rb") as fh:
            head = fh.read(64).lstrip()
            if not head.startswith(b"{"):
                return None
            fh.seek(0)
            data = json.load(fh)
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or len(data) < 2:
        return None
    values = list(data.values())[:50]
    if all(isinstance(v, list) for v in values) or all(isinstance(v, str) for v in values):
        return data
    return None


def projects_of(maps: list[tuple[Path, dict[str, object]]]) -> Projects | None:
    models: dict[str, tuple[str, ...]] = {}
    licenses: dict[str, str] = {}
    for _, data in maps:
        for k, v in data.items():
            if isinstance(v, list):
                models[k] = tuple(str(x) for x in v)
            elif isinstance(v, str):
                licenses[k] = v
    if not models or not licenses:
        return None
    return Projects(models, licenses, tuple(str(p) for p, _ in maps))
