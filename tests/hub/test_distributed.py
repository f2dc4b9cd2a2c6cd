# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The pipeline on Ray: ingestion (reading the files), license resolution and rule evaluation
run as Ray tasks on a local Ray on loopback and give the embedded path's results; a Ray that
fails to start is retried once after cleaning up, then one clear error; an unreachable
address is one line, exit 2."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hub_fixtures import TREE, write_csv
from typer.testing import CliRunner

from licentia.cli import app
from licentia.errors import InputError
from licentia.hub import distributed
from licentia.hub.distributed import RayRunner, ray_runner
from licentia.hub.ingest import ingest
from licentia.hub.licenses import resolve_hub_license
from licentia.hub.lineage import lineage
from licentia.hub.rules import evaluate


@pytest.fixture
def ray() -> Iterator[Any]:
    """Ray, with no session left over from an earlier test and none left behind."""
    module = pytest.importorskip("ray")
    if module.is_initialized():
        module.shutdown(wait_for_processes=True)
    yield module
    if module.is_initialized():
        module.shutdown(wait_for_processes=True)


class Spy:
    """A runner that records which steps went through it."""

    def __init__(self, inner: RayRunner) -> None:
        self.inner = inner
        self.steps: list[str] = []

    def map(self, fn: Callable[[list[Any]], list[Any]], items: list[Any]) -> list[Any]:
        self.steps.append(fn.__name__)
        return self.inner.map(fn, items)


@pytest.mark.ray
def test_local_ray_gives_the_embedded_results(ray: Any, tmp_path: Path) -> None:
    half = len(TREE) // 2  # two files: two reading tasks
    files = [write_csv(tmp_path / "a.csv", TREE[:half]), write_csv(tmp_path / "b.csv", TREE[half:])]
    embedded = lineage(ingest(files, tmp_path / "embedded"))
    evaluate.cache_clear()  # the workers resolve and evaluate: nothing from this process
    resolve_hub_license.cache_clear()
    with ray_runner("local", workers=2) as runner:
        spy = Spy(runner)
        dump = ingest(files, tmp_path / "ray", runner=spy)
        on_ray = lineage(dump, spy)
        assert runner.started and ray.is_initialized()
    assert not ray.is_initialized()  # the Ray it started is stopped
    assert spy.steps == ["read_batch", "resolve_local", "evaluate_batch"]
    assert evaluate.cache_info().currsize == 0
    assert [f.to_json() for f in on_ray.findings] == [f.to_json() for f in embedded.findings]
    assert on_ray.situations == embedded.situations > 5
    assert dump.models == embedded.dump.models and dump.problems == embedded.dump.problems


class FakeRay:
    """Ray's start-up failing `failures` times."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls: list[str] = []
        self.up = False

    def is_initialized(self) -> bool:
        return self.up

    def init(self, **kwargs: Any) -> None:
        self.calls.append("init")
        if self.failures:
            self.failures -= 1
            raise RuntimeError("The current node timed out during startup.\nmore detail")
        self.up = True

    def shutdown(self, **kwargs: Any) -> None:
        assert kwargs == {"wait_for_processes": True}
        self.calls.append("shutdown")
        self.up = False

    def cluster_resources(self) -> dict[str, float]:
        return {"CPU": 2.0}


def test_a_failed_start_is_cleaned_up_and_retried(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RAY_raylet_start_wait_time_s", raising=False)
    fake = FakeRay(failures=1)
    monkeypatch.setattr(distributed, "_import_ray", lambda: fake)
    with RayRunner("local", 2) as runner:
        assert runner.started
    assert fake.calls == ["init", "shutdown", "init", "shutdown"]
    import os

    assert os.environ["RAY_raylet_start_wait_time_s"] == "120"  # noqa: SIM112 (Ray's 30 s)


def test_a_start_failing_twice_is_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeRay(failures=2)
    monkeypatch.setattr(distributed, "_import_ray", lambda: fake)
    with pytest.raises(InputError) as info, RayRunner("local", 2):
        pass
    assert str(info.value) == "--ray 'local': The current node timed out during startup."
    assert fake.calls == ["init", "shutdown", "init", "shutdown"] and not fake.up


def test_unreachable_ray_address_is_one_line_exit_2(tree_csv: Path) -> None:
    r = CliRunner().invoke(app, ["hub", "lineage", str(tree_csv), "--ray", "127.0.0.1:9"])
    assert r.exit_code == 2
    assert r.stderr.count("\n") == 1 and "cannot reach a Ray cluster at 127.0.0.1:9" in r.stderr


def test_not_an_address() -> None:
    with pytest.raises(InputError, match="not a Ray address"):
        ray_runner("://")
