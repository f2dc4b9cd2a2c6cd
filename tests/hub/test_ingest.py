# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Ingest: dumps in every format into DuckDB; malformed dumps reported with counts and
examples while good rows are kept."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hub_fixtures import TREE, write_csv

from licentia.errors import InputError
from licentia.hub.ingest import ingest


def test_csv_parquet_and_jsonl_give_the_same_tables(tmp_path: Path, tree_csv: Path) -> None:
    fields = sorted({k for r in TREE for k in r})
    pq.write_table(pa.table({k: [r.get(k) for r in TREE] for k in fields}),
                   str(tmp_path / "tree.parquet"))
    (tmp_path / "tree.jsonl").write_text("\n".join(json.dumps(r) for r in TREE) + "\n")
    got = []
    for name in ("tree.csv", "tree.parquet", "tree.jsonl"):
        d = ingest([tmp_path / name], tmp_path / f"cache-{name}")
        with d.connect() as con:
            got.append((con.execute("SELECT * FROM models ORDER BY id").fetchall(),
                        con.execute("SELECT * FROM edges ORDER BY child, parent").fetchall()))
    assert got[0] == got[1] == got[2]
    assert len(got[0][0]) == len(TREE)


def test_base_model_lists_and_relations(tree_csv: Path, tmp_path: Path) -> None:
    d = ingest([tree_csv], tmp_path)
    with d.connect() as con:
        rows = con.execute("SELECT parent, relation, relation_given, truncated FROM edges "
                           "WHERE child = ? ORDER BY parent", ["a/merged"]).fetchall()
        cut = con.execute("SELECT parent, truncated FROM edges WHERE child = 'a/cut-merge'"
                          ).fetchall()
    assert rows == [("apache/base", "merge", True, False), ("nc/base", "merge", True, False)]
    assert cut == [("apache/base", True)]
    assert d.db.parent == tmp_path / "hub" and d.db.suffix == ".duckdb"


def test_hub_tags_in_list_models_records(tmp_path: Path) -> None:
    records = [{"id": "a/x", "tags": ["license:mit", "base_model:finetune:b/y", "en"],
                "downloads": 5, "createdAt": "2024-05-01T10:00:00.000Z"},
               {"id": "b/y", "tags": ["license:apache-2.0"], "downloads": 7}]
    (tmp_path / "m.json").write_text(json.dumps(records))
    d = ingest([tmp_path / "m.json"], tmp_path)
    with d.connect() as con:
        assert con.execute("SELECT id, license, downloads, created_at::VARCHAR FROM models "
                           "ORDER BY id").fetchall() == [
            ("a/x", "mit", 5, "2024-05-01"), ("b/y", "apache-2.0", 7, None)]
        assert con.execute("SELECT child, parent, relation FROM edges").fetchall() == [
            ("a/x", "b/y", "finetune")]


def test_garbage_rows_are_counted_and_good_rows_kept(tmp_path: Path) -> None:
    good = [{"id": f"org/m{i}", "license": "mit", "downloads": str(i)} for i in range(90)]
    path = write_csv(tmp_path / "d.csv", good)
    with path.open("a", encoding="utf-8") as fh:
        for i in range(5):
            fh.write(f"\x00garbage {i},,,,,\n")  # wrong number of fields
        for i in range(3):
            fh.write(f"not a model id {i},mit,,,,,,,,\n")
        fh.write("org/m1,apache-2.0,,,,,,,,\n")  # duplicate id
        fh.write("org/bad-number,mit,,,,,,lots,,\n")
    d = ingest([path], tmp_path)
    kinds = {p.kind: p for p in d.problems}
    assert kinds["unparsable-row"].count == 5 and kinds["unparsable-row"].examples
    assert kinds["bad-id"].count == 3 and "not a model id 0" in kinds["bad-id"].examples[0]
    assert kinds["duplicate-id"].count == 1
    assert kinds["bad-number"].count == 1 and "lots" in kinds["bad-number"].examples[0]
    assert d.models == 91
    with duckdb.connect(str(d.db), read_only=True) as con:
        assert con.execute("SELECT license FROM models WHERE id = 'org/m1'").fetchone() == \
            ("mit",)


def test_a_file_without_an_id_column_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "counts.csv"
    path.write_text("license,repos\nmit,3\n")
    with pytest.raises(InputError) as exc:
        ingest([path], tmp_path)
    assert "counts.csv" in str(exc.value) and "no model id column" in str(exc.value)
    assert "\n" not in str(exc.value)


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        ingest([tmp_path / "nope.csv"], tmp_path)


def test_real_dumps_ingest(corpus: Callable[..., Path], tmp_path: Path) -> None:
    d = ingest([corpus("hf-lineage"), corpus("hf-adoption", "liagent",
                                             "models_metadata_3988.json")], tmp_path)
    assert d.models > 24_000 and d.edges > 7_000
    with d.connect() as con:
        # a list_models record's base_model tag and relation were read
        assert con.execute("SELECT count(*) FROM edges WHERE relation_given").fetchone()[0] > 100
