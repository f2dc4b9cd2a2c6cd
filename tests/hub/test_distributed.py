# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage with the rules evaluated on Ray: a local Ray on loopback gives the embedded path's
results; an unreachable address is one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from licentia.cli import app
from licentia.errors import InputError
from licentia.hub.distributed import ray_evaluator
from licentia.hub.ingest import ingest
from licentia.hub.lineage import evaluate_local, lineage
from licentia.hub.rules import evaluate


@pytest.mark.ray
def test_local_ray_gives_the_embedded_results(tree_csv: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    dump = ingest([tree_csv], tmp_path)
    embedded = lineage(dump, evaluate_local)
    evaluate.cache_clear()  # the workers evaluate; nothing comes from this process's cache
    on_ray = lineage(dump, ray_evaluator("local", workers=2))
    assert [f.to_json() for f in on_ray.findings] == [f.to_json() for f in embedded.findings]
    assert on_ray.situations == embedded.situations > 5


def test_unreachable_ray_address_is_one_line_exit_2(tree_csv: Path) -> None:
    r = CliRunner().invoke(app, ["hub", "lineage", str(tree_csv), "--ray", "127.0.0.1:9"])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "cannot reach a Ray cluster at 127.0.0.1:9" in r.stderr


def test_not_an_address() -> None:
    with pytest.raises(InputError, match="not a Ray address"):
        ray_evaluator("://")
