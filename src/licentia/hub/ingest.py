# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Ingest a Hub metadata dump (files or folders) into one DuckDB file in the cache directory:
a `models` table, an `edges` table (child -> base model, with the relation) and a `problems`
table. Bad rows are counted with examples and skipped; good rows are kept. Files that describe
the same models (a models file, an edges file) are merged by model id."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import yaml

from licentia.cache import cache_dir
from licentia.errors import InputError
from licentia.hub.read import COLUMNS, SUFFIXES, FileRows, read_file

INGEST_FORMAT = 1
_ID = re.compile(r"[A-Za-z0-9][\w.\-]{0,95}(/[\w.\-]{1,96})?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RELATIONS = {"finetune": "finetune", "fine-tune": "finetune", "adapter": "adapter",
              "merge": "merge", "quantized": "quantize", "quantize": "quantize",
              "distill": "distill", "distillation": "distill"}
_EXAMPLES = 5
_I = {c: i for i, c in enumerate(COLUMNS)}


@dataclass
class Problem:
    """One kind of data-quality problem: how many rows, and a few examples."""

    kind: str
    message: str
    count: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, example: str) -> None:
        self.count += 1
        if len(self.examples) < _EXAMPLES:
            self.examples.append(example[:160])

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "message": self.message, "count": self.count,
                "examples": list(self.examples)}


_PROBLEMS = {
    "unparsable-row": "lines the file reader could not parse (skipped)",
    "no-id": "rows without a model id (skipped)",
    "bad-id": "rows whose id is not a Hub model id (skipped)",
    "duplicate-id": "ids given twice in one file (the first row kept)",
    "bad-number": "downloads or likes that are not whole numbers (ignored)",
    "bad-date": "created dates that are not dates (ignored)",
    "bad-base-model": "base_model values that are not model ids (ignored)",
    "unknown-relation": "base_model_relation values that are not a known relation (ignored)",
    "unreadable-file": "files that could not be read (skipped)",
}


@dataclass
class _Model:
    values: list[Any]
    bases: dict[str, bool] = field(default_factory=dict)  # parent -> from a truncated list
    relation: str | None = None


@dataclass(frozen=True)
class Dump:
    """An ingested dump: the DuckDB file, what went in, and the problems found."""

    db: Path
    sources: tuple[str, ...]
    models: int
    edges: int
    problems: tuple[Problem, ...]

    def connect(self) -> duckdb.DuckDBPyConnection:
        return duckdb.connect(str(self.db), read_only=True)

    @property
    def bad_rows(self) -> int:
        return sum(p.count for p in self.problems
                   if p.kind in ("unparsable-row", "no-id", "bad-id"))


def dump_files(paths: Sequence[Path]) -> list[Path]:
    """Every dump file the paths name (a folder: its CSV/Parquet/JSON files, recursively)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file()
                           and f.suffix.lower() in SUFFIXES)
            if not found:
                raise InputError("no CSV, Parquet or JSON files in this folder", path=p)
            out += found
        elif p.is_file():
            out.append(p)
        else:
            raise InputError("no such file or folder", path=p)
    return out


def _parse_bases(raw: str) -> tuple[list[str], bool, str | None]:
    """base_model as written -> (ids, truncated list?, relation from Hub tags)."""
    text = raw.strip()
    if not text:
        return [], False, None
    truncated = False
    items: Any
    if text.startswith("["):
        try:
            items = json.loads(text)
        except ValueError:
            try:
                items = yaml.safe_load(text)
            except yaml.YAMLError:
                items = [text]
    elif "\n" in text:
        try:
            items = yaml.safe_load(text)
        except yaml.YAMLError:
            items = [text]
    elif text.startswith("- "):  # one item of a YAML list, the rest cut off
        items, truncated = [text[2:]], True
    else:
        items = [text]
    if not isinstance(items, list):
        items = [items]
    ids: list[str] = []
    relation = None
    for item in items:
        s = str(item).strip()
        if s.startswith("base_model:"):  # a Hub tag: base_model:[relation:]org/name
            parts = s.split(":")
            if len(parts) == 3:
                relation = _RELATIONS.get(parts[1], relation)
            s = parts[-1]
        ids.append(s)
    return ids, truncated, relation


def _number(value: Any) -> int | str | None:
    """An int, None when blank, or the text when it is not a number."""
    if value is None or str(value).strip() == "":
        return None
    try:
        f = float(str(value))
    except ValueError:
        return str(value)
    if f != f or f < 0 or f != int(f):
        return str(value)
    return int(f)


def _license_of(value: Any) -> Any:
    """A license cell; from Hub tags (`["license:mit"]`) the first license."""
    if value is None:
        return None
    s = str(value)
    if s.startswith("["):
        try:
            tags = json.loads(s)
        except ValueError:
            return s
        return str(tags[0]).removeprefix("license:") if tags else None
    return s


class _Builder:
    def __init__(self) -> None:
        self.models: dict[str, _Model] = {}
        self.problems = {k: Problem(k, m) for k, m in _PROBLEMS.items()}

    def add_file(self, fr: FileRows) -> None:
        if fr.rejected:
            p = self.problems["unparsable-row"]
            p.count += fr.rejected
            for ex in fr.rejected_examples:
                if len(p.examples) < _EXAMPLES:
                    p.examples.append(f"{Path(fr.path).name} {ex}")
        seen: set[str] = set()
        name = Path(fr.path).name
        for n, row in enumerate(fr.rows, start=2):
            self._add_row(row, f"{name} row {n}", seen)

    def _add_row(self, row: tuple[Any, ...], where: str, seen: set[str]) -> None:
        raw_id = row[_I["id"]]
        mid = str(raw_id).strip() if raw_id is not None else ""
        truncated_id = mid.startswith("- ")  # a YAML list item copied as a name
        mid = mid.removeprefix("- ")
        if not mid:
            self.problems["no-id"].add(where)
            return
        if not _ID.fullmatch(mid):
            self.problems["bad-id"].add(f"{where}: {mid[:60]!r}")
            return
        if str(raw_id).strip() in seen:
            self.problems["duplicate-id"].add(f"{where}: {mid}")
            return
        seen.add(str(raw_id).strip())
        values = list(row)
        values[_I["license"]] = _license_of(values[_I["license"]])
        for col in ("downloads", "likes"):
            v = _number(values[_I[col]])
            if isinstance(v, str):
                self.problems["bad-number"].add(f"{where}: {col}={v[:30]!r}")
                v = None
            values[_I[col]] = v
        created = values[_I["created_at"]]
        if created is not None and str(created).strip():
            if not _DATE.match(str(created).strip()):
                self.problems["bad-date"].add(f"{where}: {str(created)[:30]!r}")
                created = None
            else:
                created = str(created).strip()[:10]
        values[_I["created_at"]] = created or None
        model = self.models.get(mid)
        if model is None:
            model = self.models[mid] = _Model([None] * len(COLUMNS))
        for i, v in enumerate(values):
            if model.values[i] in (None, "") and v not in (None, "") and i != _I["id"]:
                model.values[i] = v.strip() if isinstance(v, str) else v
        self._add_bases(model, values, where, truncated_id)

    def _add_bases(self, model: _Model, values: list[Any], where: str,
                   truncated_id: bool) -> None:
        raw = values[_I["base_model"]]
        ids, truncated, tag_relation = _parse_bases(str(raw)) if raw is not None else \
            ([], False, None)
        for b in ids:
            if not _ID.fullmatch(b):
                self.problems["bad-base-model"].add(f"{where}: {b[:60]!r}")
                continue
            model.bases[b] = model.bases.get(b, False) or truncated or truncated_id
        rel_raw = values[_I["base_model_relation"]]
        relation = tag_relation
        if rel_raw is not None and str(rel_raw).strip():
            relation = _RELATIONS.get(str(rel_raw).strip().lower())
            if relation is None:
                self.problems["unknown-relation"].add(f"{where}: {str(rel_raw)[:30]!r}")
        if relation and model.relation is None:
            model.relation = relation


def _models_table(models: dict[str, _Model]) -> pa.Table:
    cols: dict[str, list[Any]] = {"id": list(models)}
    for name in COLUMNS[1:]:
        if name in ("base_model", "base_model_relation"):
            continue
        i = _I[name]
        cols[name] = [m.values[i] for m in models.values()]
    schema = pa.schema([(n, pa.int64() if n in ("downloads", "likes") else pa.string())
                        for n in cols])
    return pa.table(cols, schema=schema)


def _edges_table(models: dict[str, _Model]) -> pa.Table:
    child, parent, relation, given, truncated = [], [], [], [], []
    for mid, m in models.items():
        for b, cut in m.bases.items():
            child.append(mid)
            parent.append(b)
            rel = m.relation or ("merge" if len(m.bases) > 1 else "finetune")
            relation.append(rel)
            given.append(m.relation is not None)
            truncated.append(cut or (m.relation == "merge" and len(m.bases) == 1))
    return pa.table({"child": child, "parent": parent, "relation": relation,
                     "relation_given": given, "truncated": truncated})


def _key(files: Iterable[Path]) -> str:
    h = hashlib.blake2b(f"hub-ingest-{INGEST_FORMAT}".encode(), digest_size=16)
    for f in files:
        st = f.stat()
        h.update(f"{f.resolve()}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def _load(db: Path, sources: tuple[str, ...]) -> Dump:
    with duckdb.connect(str(db), read_only=True) as con:
        models = con.execute("SELECT count(*) FROM models").fetchone()
        edges = con.execute("SELECT count(*) FROM edges").fetchone()
        rows = con.execute("SELECT kind, message, count, examples FROM problems").fetchall()
    problems = tuple(Problem(k, m, c, json.loads(e)) for k, m, c, e in rows)
    return Dump(db, sources, models[0] if models else 0, edges[0] if edges else 0, problems)


def ingest(paths: Sequence[Path], directory: Path | None = None) -> Dump:
    """Ingest the dump files the paths name into a DuckDB file (reused while they are
    unchanged). InputError when nothing usable is found."""
    files = dump_files(paths)
    sources = tuple(str(f) for f in files)
    where = (directory or cache_dir()) / "hub"
    db = where / f"dump-{_key(files)}.duckdb"
    if db.exists():
        try:
            return _load(db, sources)
        except duckdb.Error:
            db.unlink(missing_ok=True)
    b = _Builder()
    errors: list[InputError] = []
    for f in files:
        try:
            b.add_file(read_file(f))
        except InputError as exc:
            errors.append(exc)
            b.problems["unreadable-file"].add(str(exc))
    if not b.models:
        raise errors[0] if errors else InputError("no model rows found", path=paths[0])
    where.mkdir(parents=True, exist_ok=True)
    tmp = db.with_suffix(f".{id(b)}.tmp")
    tmp.unlink(missing_ok=True)
    problems = [p for p in b.problems.values() if p.count]
    with duckdb.connect(str(tmp)) as con:
        models_t, edges_t = _models_table(b.models), _edges_table(b.models)
        con.register("models_t", models_t)
        con.register("edges_t", edges_t)
        con.execute("CREATE TABLE models AS SELECT * REPLACE "
                    "(TRY_CAST(created_at AS DATE) AS created_at) FROM models_t")
        con.execute("CREATE TABLE edges AS SELECT * FROM edges_t")
        con.execute("CREATE TABLE problems (kind VARCHAR, message VARCHAR, count BIGINT, "
                    "examples VARCHAR)")
        if problems:
            con.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)",
                            [(p.kind, p.message, p.count, json.dumps(p.examples))
                             for p in problems])
    tmp.replace(db)
    return Dump(db, sources, len(b.models), edges_t.num_rows, tuple(problems))
