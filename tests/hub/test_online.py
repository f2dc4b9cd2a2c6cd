# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`--online`: Hub API records (a fake HfApi, never the network) become a dump that lineage
and adoption read like any other; an unreachable Hub is one line, exit 2."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from typer.testing import CliRunner

from licentia import hfhub
from licentia.cli import app
from licentia.hub import online
from licentia.hub.ingest import ingest
from licentia.hub.lineage import lineage

HTTPError = hfhub.network_errors()[-1]  # the Hub client's transport error


class Card:
    def __init__(self, **fields: Any) -> None:
        self.fields = fields

    def to_dict(self) -> dict[str, Any]:
        return dict(self.fields)


def record(mid: str, card: dict[str, Any] | None = None, tags: tuple[str, ...] = (),
           **extra: Any) -> SimpleNamespace:
    return SimpleNamespace(id=mid, card_data=Card(**card) if card is not None else None,
                           tags=list(tags), pipeline_tag=extra.get("pipeline_tag"),
                           downloads=extra.get("downloads"), likes=None,
                           created_at=datetime(2024, 7, 23, tzinfo=UTC))


RECORDS = [
    record("meta-llama/Llama-3.1-8B", {"license": "llama3.1"}, downloads=5000,
           pipeline_tag="text-generation"),
    # a card naming its base model and relation
    record("a/Llama-relicensed", {"license": "apache-2.0", "base_model": "meta-llama/Llama-3.1-8B",
                                  "base_model_relation": "finetune"}),
    # no card: license and base model only as tags, as list_models gives them
    record("b/tuned-badname", None, ("license:llama3.1",
                                     "base_model:finetune:meta-llama/Llama-3.1-8B")),
    # a merge: base_model as a list
    record("c/merged", {"license": "mit",
                        "base_model": ["meta-llama/Llama-3.1-8B", "a/Llama-relicensed"]}),
]


class FakeApi:
    def __init__(self, records: list[SimpleNamespace], error: BaseException | None = None):
        self.records = records
        self.error = error
        self.calls: list[dict[str, Any]] = []

    def list_models(self, **kwargs: Any) -> Iterator[SimpleNamespace]:
        self.calls.append(kwargs)
        if self.error is not None:  # like the real client: it fails when iterated
            raise self.error
        yield from self.records[: kwargs.get("limit") or None]


def test_records_become_a_dump_lineage_reads(tmp_path: Path) -> None:
    api = FakeApi(RECORDS)
    path = online.fetch(api, online.Query(author="x", limit=10), tmp_path)
    assert api.calls[0]["expand"] == online.EXPAND and api.calls[0]["author"] == "x"
    r = lineage(ingest([path], tmp_path))
    assert r.models == 4 and r.edges == 4
    codes = {(f.model, f.code) for f in r.findings if f.severity.value == "error"}
    assert ("a/Llama-relicensed", "relicense-not-allowed") in codes
    assert ("b/tuned-badname", "naming-requirement") in codes  # read from the tags alone
    assert ("c/merged", "relicense-not-allowed") in codes


def test_row_keeps_card_fields_and_dates() -> None:
    got = online.row(RECORDS[0])
    assert got["license"] == "llama3.1" and got["downloads"] == "5000"
    assert got["pipeline_tag"] == "text-generation"
    assert (got["created_at"] or "").startswith("2024-07-23")
    assert json.loads(online.row(RECORDS[3])["base_model"] or "") == \
        ["meta-llama/Llama-3.1-8B", "a/Llama-relicensed"]


@pytest.mark.parametrize("error", [HTTPError("[Errno -3] Temporary failure in name resolution"),
                                   ConnectionError("Network is unreachable")])
def test_unreachable_hub_is_one_line(error: BaseException, tmp_path: Path) -> None:
    from licentia.errors import InputError

    with pytest.raises(InputError, match="cannot list models from the Hugging Face Hub"):
        online.fetch(FakeApi([], error), online.Query(), tmp_path)


def test_cli_online(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LICENTIA_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(hfhub, "hub_api", lambda: FakeApi(RECORDS))
    r = CliRunner().invoke(app, ["hub", "lineage", "--online", "--limit", "4", "--json"])
    assert r.exit_code == 1, r.output
    doc = json.loads(r.stdout)
    assert doc["summary"]["models"] == 4
    assert doc["dump"]["sources"][0].endswith(".parquet")
    offline = FakeApi([], HTTPError("[Errno 101] Network is unreachable"))
    monkeypatch.setattr(hfhub, "hub_api", lambda: offline)
    r = CliRunner().invoke(app, ["hub", "lineage", "--online"])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "Network is unreachable" in r.stderr


def test_cli_needs_a_dump_or_online() -> None:
    r = CliRunner().invoke(app, ["hub", "adoption"])
    assert r.exit_code == 2 and "give a dump file or folder, or --online" in r.stderr
    r = CliRunner().invoke(app, ["hub", "lineage", "x.csv", "--author", "meta-llama"])
    assert r.exit_code == 2 and "need --online" in r.stderr
