# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Ingest a Hub metadata dump (files or folders) into one DuckDB file in the cache directory:
a `models` table, an `edges` table (child -> base model, with the relation) and a `problems`
table. Bad rows are counted with examples and skipped; good rows are kept. Files that describe
the same models (a models file, an edges file) are merged by model id."""

from __future__ import annotations

import hashlib
import json
import os
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
from licentia.hub.runner import LOCAL, Runner

INGEST_FORMAT = 2
_RELATIONS = {"finetune": "finetune", "fine-tune": "finetune", "adapter": "adapter",
              "merge": "merge", "quantized": "quantize", "quantize": "quantize",
              "distill": "distill", "distillation": "distill"}
_EXAMPLES = 5


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


# the checks run in SQL over every row at once: a problem kind -> (the rows it flags, an example)
_ID_SQL = r"^[A-Za-z0-9][\w.\-]{0,95}(/[\w.\-]{1,96})?$"
_CHECKS = {
    "no-id": ("id IS NULL OR trim(id) = ''", "''"),
    "bad-id": (f"NOT regexp_full_match(mid, '{_ID_SQL}')", "': ' || left(mid, 60)"),
    "duplicate-id": ("dup > 1", "': ' || mid"),
    "bad-number": ("(downloads IS NOT NULL AND n_downloads IS NULL) "
                   "OR (likes IS NOT NULL AND n_likes IS NULL)",
                   "': downloads=' || coalesce(downloads, '') || ' likes=' || coalesce(likes, '')"),
    "bad-date": ("created_at IS NOT NULL AND created IS NULL", "': ' || left(created_at, 30)"),
    "unknown-relation": ("base_model_relation IS NOT NULL AND relation IS NULL",
                         "': ' || left(base_model_relation, 30)"),
}
_RELATION_SQL = "CASE lower(trim(base_model_relation)) " + " ".join(
    f"WHEN '{k}' THEN '{v}'" for k, v in _RELATIONS.items()) + " END"
_NUMBER = ("CASE WHEN TRY_CAST({c} AS DOUBLE) >= 0 AND TRY_CAST({c} AS DOUBLE) = "
           "floor(TRY_CAST({c} AS DOUBLE)) THEN CAST(TRY_CAST({c} AS DOUBLE) AS BIGINT) END")


def _blank(col: str) -> str:
    return f"CASE WHEN trim({col}) <> '' THEN trim({col}) END"


def _rows_sql() -> str:
    """Every row, its id cleaned (a `- ` prefix: an item of a cut YAML list), values typed."""
    lic = _blank("license")
    return f"""
        SELECT r.*, CASE WHEN r.rn > d.first_rn THEN 2 ELSE 1 END AS dup
        FROM (SELECT file_no, file, rn, id, trim(id) AS raw_id,
                     regexp_replace(trim(id), '^- ', '') AS mid,
                     starts_with(trim(id), '- ') AS cut_id,
                     CASE WHEN starts_with({lic}, '[') THEN nullif(replace(
                          json_extract_string({lic}, '$[0]'), 'license:', ''), '')
                          ELSE {lic} END AS lic,
                     {_blank("license_name")} AS license_name,
                     {_blank("license_link")} AS license_link,
                     {_blank("base_model")} AS base_model,
                     {_blank("base_model_relation")} AS base_model_relation,
                     {_RELATION_SQL} AS relation,
                     {_blank("pipeline_tag")} AS pipeline_tag,
                     {_blank("downloads")} AS downloads, {_blank("likes")} AS likes,
                     {_NUMBER.format(c="downloads")} AS n_downloads,
                     {_NUMBER.format(c="likes")} AS n_likes,
                     {_blank("created_at")} AS created_at,
                     CASE WHEN regexp_matches({_blank("created_at")}, '^\\d{{4}}-\\d{{2}}-\\d{{2}}')
                          THEN TRY_CAST(left({_blank("created_at")}, 10) AS DATE) END AS created
              FROM raw) r
        LEFT JOIN (SELECT file_no, trim(id) AS raw_id, min(rn) AS first_rn FROM raw
                   GROUP BY ALL HAVING count(*) > 1) d USING (file_no, raw_id)"""


def _problems(con: duckdb.DuckDBPyConnection, b: _Builder) -> None:
    for kind, (cond, example) in _CHECKS.items():
        count, examples = con.execute(
            f"SELECT count(*), list(file || ' row ' || rn || {example} ORDER BY file_no, rn) "
            f"FILTER (WHERE n <= {_EXAMPLES}) FROM (SELECT *, row_number() OVER "
            f"(ORDER BY file_no, rn) AS n FROM rows WHERE {cond})").fetchone() or (0, [])
        p = b.problems[kind]
        p.count += count
        p.examples += [e[:160] for e in (examples or [])][: _EXAMPLES - len(p.examples)]


_ROW = "file_no * 4294967296 + rn"  # a row's place among all files' rows


def _models_sql(merge: bool) -> str:
    """One row per model: the first value any file gives for each column (`merge`: some model
    has several rows; else each row is one model)."""
    def first(expr: str, name: str) -> str:
        if not merge:
            return f"{expr} AS {name}"
        return f"arg_min({expr}, {_ROW}) FILTER (WHERE {expr} IS NOT NULL) AS {name}"

    cols = [first("lic", "license"), first("license_name", "license_name"),
            first("license_link", "license_link"), first("pipeline_tag", "pipeline_tag"),
            first("n_downloads", "downloads"), first("n_likes", "likes"),
            first("created", "created_at")]
    return f"SELECT mid AS id, {', '.join(cols)} FROM good" + (" GROUP BY mid" if merge else "")


def _edges(con: duckdb.DuckDBPyConnection, b: _Builder) -> None:
    """child -> parent rows: plain ids in SQL, lists (JSON, YAML, Hub tags) parsed here."""
    listed = con.execute("SELECT DISTINCT base_model FROM good WHERE starts_with(base_model, '[')"
                         " OR contains(base_model, chr(10))").fetchall()
    parsed = [(raw, item, cut, rel) for (raw,) in listed
              for ids, cut, rel in [_parse_bases(raw)] for item in ids]
    con.register("parsed_t", pa.table(
        {"raw": [p[0] for p in parsed], "item": [p[1] for p in parsed],
         "cut": [p[2] for p in parsed], "rel": [p[3] for p in parsed]},
        schema=pa.schema([("raw", pa.string()), ("item", pa.string()), ("cut", pa.bool_()),
                          ("rel", pa.string())])))
    con.execute("CREATE TEMP TABLE parsed AS SELECT * FROM parsed_t")
    con.execute("""
        CREATE TEMP TABLE items AS
        SELECT g.mid AS child, trim(coalesce(p.item, regexp_replace(g.base_model, '^- ', '')))
                   AS parent,
               coalesce(p.cut, starts_with(g.base_model, '- ')) OR g.cut_id AS cut,
               coalesce(g.relation, p.rel) AS rel, g.file, g.rn
        FROM good g LEFT JOIN parsed p ON p.raw = g.base_model
        WHERE g.base_model IS NOT NULL""")
    _problem_rows(con, b, "bad-base-model",
                  f"NOT regexp_full_match(parent, '{_ID_SQL}')", "': ' || left(parent, 60)")
    con.execute(f"""
        CREATE TEMP TABLE pairs AS
        SELECT child, parent, bool_or(cut) AS cut FROM items
        WHERE regexp_full_match(parent, '{_ID_SQL}') GROUP BY child, parent""")
    con.execute(f"""
        CREATE TEMP TABLE rels AS
        SELECT mid AS child, arg_min(relation, {_ROW})
               FILTER (WHERE relation IS NOT NULL) AS given FROM good
        WHERE relation IS NOT NULL GROUP BY mid""")
    con.execute("""
        CREATE TEMP TABLE tag_rels AS
        SELECT child, first(rel) FILTER (WHERE rel IS NOT NULL) AS rel FROM items
        GROUP BY child""")


def _problem_rows(con: duckdb.DuckDBPyConnection, b: _Builder, kind: str, cond: str,
                  example: str) -> None:
    count, examples = con.execute(
        f"SELECT count(*), list(file || ' row ' || rn || {example} ORDER BY file, rn) "
        f"FILTER (WHERE n <= {_EXAMPLES}) FROM (SELECT *, row_number() OVER (ORDER BY file, rn)"
        f" AS n FROM items WHERE {cond})").fetchone() or (0, [])
    b.problems[kind].count += count
    b.problems[kind].examples += (examples or [])[:_EXAMPLES]


_EDGES_SQL = """
    SELECT p.child, p.parent,
           coalesce(r.given, t.rel, CASE WHEN n.k > 1 THEN 'merge' ELSE 'finetune' END)
               AS relation,
           coalesce(r.given, t.rel) IS NOT NULL AS relation_given,
           p.cut OR (coalesce(r.given, t.rel) = 'merge' AND n.k = 1) AS truncated
    FROM pairs p JOIN (SELECT child, count(*) AS k FROM pairs GROUP BY child) n USING (child)
    LEFT JOIN rels r USING (child) LEFT JOIN tag_rels t USING (child)"""


class _Builder:
    def __init__(self) -> None:
        self.problems = {k: Problem(k, m) for k, m in _PROBLEMS.items()}
        self.tables: list[tuple[str, pa.Table]] = []

    def add_file(self, fr: FileRows) -> None:
        if fr.rejected:
            p = self.problems["unparsable-row"]
            p.count += fr.rejected
            for ex in fr.rejected_examples:
                if len(p.examples) < _EXAMPLES:
                    p.examples.append(f"{Path(fr.path).name} {ex}")
        self.tables.append((Path(fr.path).name, fr.rows))

    def build(self, db: Path) -> tuple[int, int]:
        """Write the models, edges and problems tables; (models, edges)."""
        with duckdb.connect(str(db)) as con:
            parts = []
            for n, (name, table) in enumerate(self.tables):
                con.register(f"t{n}", table)
                cols = ", ".join(f'CAST("{c}" AS VARCHAR) AS "{c}"' for c in COLUMNS)
                parts.append(f"SELECT {n} AS file_no, '{name.replace(chr(39), '')}' AS file, "
                             f"rn, {cols} FROM t{n}")
            con.execute(f"CREATE TEMP TABLE raw AS {' UNION ALL '.join(parts)}")
            con.execute(f"CREATE TEMP TABLE rows AS {_rows_sql()}")
            _problems(con, self)
            bad = " OR ".join(f"({_CHECKS[k][0]})" for k in ("no-id", "bad-id", "duplicate-id"))
            con.execute(f"CREATE TEMP TABLE good AS SELECT * FROM rows WHERE NOT ({bad})")
            once = con.execute("SELECT count(DISTINCT mid) = count(*) FROM good").fetchone()
            merge = not (once and once[0])
            con.execute(f"CREATE TABLE models AS {_models_sql(merge)} ORDER BY id")
            _edges(con, self)
            con.execute(f"CREATE TABLE edges AS {_EDGES_SQL}")
            con.execute("CREATE TABLE problems (kind VARCHAR, message VARCHAR, count BIGINT, "
                        "examples VARCHAR)")
            problems = [p for p in self.problems.values() if p.count]
            if problems:
                con.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)",
                                [(p.kind, p.message, p.count, json.dumps(p.examples))
                                 for p in problems])
            models = con.execute("SELECT count(*) FROM models").fetchone()
            edges = con.execute("SELECT count(*) FROM edges").fetchone()
        return (models[0] if models else 0), (edges[0] if edges else 0)


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


def read_batch(files: list[Path]) -> list[FileRows | tuple[str, str]]:
    """Each file's rows, or (message, path) when it cannot be read: a runner's step."""
    out: list[FileRows | tuple[str, str]] = []
    for f in files:
        try:
            out.append(read_file(f))
        except InputError as exc:
            out.append((exc.message, exc.path or str(f)))
    return out


def ingest(paths: Sequence[Path], directory: Path | None = None,
           runner: Runner = LOCAL) -> Dump:
    """Ingest the dump files the paths name into a DuckDB file (reused while they are
    unchanged); the files are read by `runner` (here, or as Ray tasks). InputError when
    nothing usable is found."""
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
    for got in runner.map(read_batch, files):
        if isinstance(got, FileRows):
            b.add_file(got)
        else:
            errors.append(InputError(got[0], path=got[1]))
            b.problems["unreadable-file"].add(str(errors[-1]))
    if not b.tables:
        raise errors[0] if errors else InputError("no model rows found", path=paths[0])
    where.mkdir(parents=True, exist_ok=True)
    tmp = db.with_suffix(f".{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)
    try:
        models, edges = b.build(tmp)
    except duckdb.Error as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot be ingested: {str(exc).splitlines()[0]}",
                         path=paths[0]) from exc
    tmp.replace(db)
    return Dump(db, sources, models, edges,
                tuple(p for p in b.problems.values() if p.count))
