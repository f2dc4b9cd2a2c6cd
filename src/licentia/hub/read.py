# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Reading one dump file (CSV, Parquet, JSON lines or a JSON list) with DuckDB into raw rows of
the canonical columns; the names the public dumps use for them are aliases. Lines DuckDB cannot
parse are counted, with examples, never fatal."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from licentia.errors import InputError

SUFFIXES = {".csv": "csv", ".tsv": "csv", ".parquet": "parquet", ".jsonl": "json",
            ".ndjson": "json", ".json": "json"}
# canonical column -> the names dumps give it, in order of preference
ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id", "modelid", "model_id", "repo_id", "child_model", "model_name", "model"),
    "license": ("license",),
    "license_name": ("license_name",),
    "license_link": ("license_link",),
    "base_model": ("base_model",),
    "base_model_relation": ("base_model_relation",),
    "pipeline_tag": ("pipeline_tag", "model_type", "task"),
    "downloads": ("downloads",),
    "likes": ("likes",),
    "created_at": ("created_at", "createdat", "date_released", "created"),
}
COLUMNS = tuple(ALIASES)
_EXAMPLES = 5


@dataclass
class FileRows:
    """What one file gave: a table of `rn` (the row's line, counting the header) and COLUMNS
    (text; null when absent), the columns it had, and lines that could not be parsed."""

    path: str
    rows: pa.Table
    present: tuple[str, ...]
    rejected: int = 0
    rejected_examples: list[str] = field(default_factory=list)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _source(kind: str, var: str) -> str:
    if kind == "csv":
        return (f"read_csv({var}, all_varchar=true, header=true, ignore_errors=true, "
                "store_rejects=true, parallel=false)")
    if kind == "parquet":
        return f"read_parquet({var})"
    return f"read_json({var}, format='auto', ignore_errors=true, maximum_object_size=67108864)"


def _projection(columns: dict[str, str]) -> tuple[list[str], tuple[str, ...]]:
    """SELECT expressions for COLUMNS from a file's columns (lower-cased name -> type)."""
    exprs: list[str] = []
    present: list[str] = []
    lower = {c.lower(): c for c in columns}
    tags = lower.get("tags", "")
    tags_list = bool(tags) and columns[tags].endswith("[]")
    for canon, names in ALIASES.items():
        col = next((lower[n] for n in names if n in lower), None)
        if col is not None:
            present.append(canon)
            if columns[col].endswith("[]"):
                exprs.append(f"to_json({_quote(col)})::VARCHAR")
            else:
                exprs.append(f"CAST({_quote(col)} AS VARCHAR)")
        elif tags_list and canon in ("license", "base_model"):
            # Hub `list_models` records carry these only as tags: `license:mit`,
            # `base_model:finetune:org/name` (or `base_model:org/name`)
            present.append(canon)
            prefix = "license:" if canon == "license" else "base_model:"
            exprs.append(f"to_json(list_filter({_quote(tags)}, lambda t: "
                         f"starts_with(t, '{prefix}')))::VARCHAR")
        else:
            exprs.append("NULL")
    return exprs, tuple(present)


def read_file(path: Path) -> FileRows:
    """The raw rows of one file; InputError when it cannot be read at all or has no id."""
    with duckdb.connect() as con:  # its own: the CSV reader's rejects are per connection
        return _read(path, con)


def _read(path: Path, con: duckdb.DuckDBPyConnection) -> FileRows:
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError("not a CSV, Parquet or JSON file", path=path)
    source = _source(kind, "$path")
    try:
        described = con.execute(f"DESCRIBE SELECT * FROM {source}", {"path": str(path)}).fetchall()
    except duckdb.Error as exc:
        raise InputError(f"cannot be read as {kind}: {str(exc).splitlines()[0]}",
                         path=path) from exc
    columns = {str(row[0]): str(row[1]) for row in described}
    exprs, present = _projection(columns)
    if "id" not in present:
        raise InputError("no model id column (id, modelId, repo_id, child_model or model_name); "
                         f"columns: {', '.join(list(columns)[:12])}", path=path)
    select = ", ".join(f"{e} AS {c}" for e, c in zip(exprs, COLUMNS, strict=True))
    try:
        rows = con.sql(f"SELECT row_number() OVER () + 1 AS rn, {select} FROM {source}",
                       params={"path": str(path)}).to_arrow_table()
    except duckdb.Error as exc:
        raise InputError(f"cannot be read as {kind}: {str(exc).splitlines()[0]}",
                         path=path) from exc
    out = FileRows(str(path), rows, present)
    if kind == "csv":
        _rejects(out, con)
    return out


def _rejects(out: FileRows, con: duckdb.DuckDBPyConnection) -> None:
    """Lines the CSV reader skipped (wrong number of fields, bad quoting)."""
    try:
        got = con.execute("SELECT line, error_type, csv_line FROM reject_errors "
                          "ORDER BY line").fetchall()
    except duckdb.Error:
        return
    lines = {row[0] for row in got}
    out.rejected = len(lines)
    seen: set[Any] = set()
    for line, kind, text in got:
        if line in seen or len(out.rejected_examples) >= _EXAMPLES:
            continue
        seen.add(line)
        out.rejected_examples.append(f"line {line}: {kind}: {str(text)[:80]!r}")
