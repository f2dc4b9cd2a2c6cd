# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The hub pipeline's parallel steps as Ray tasks: reading the dump files (ingestion),
resolving the distinct declared licenses and evaluating the distinct situations by check's
rules, each split into one batch per CPU of the cluster. The functions are the embedded
path's (hub.runner), so the results are identical. Ray is an optional extra
(`licentia[ray]`)."""

from __future__ import annotations

import gc
import math
import os
import socket
import subprocess
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import urlparse

from licentia.errors import InputError

T = TypeVar("T")
R = TypeVar("R")
LOCAL = "local"
CONNECT_TIMEOUT = 5.0
DEFAULT_PORTS = {"ray": 10001, "": 6379}
# a local Ray on a loaded machine: its raylet and workers may take longer than Ray's defaults
# (30 s, 60 s) to come up; the user's own settings win
_PATIENT = {"RAY_raylet_start_wait_time_s": "120", "RAY_worker_register_timeout_seconds": "180"}
_ATTEMPTS = 2
_REAP_S = 60.0


def _spawned(ray: Any) -> list[subprocess.Popen[bytes]]:
    """The processes (GCS, raylet, monitors) a Ray started by this driver runs, as handles."""
    try:
        node = ray._private.worker._global_node
        groups = node.all_processes.values() if node is not None else ()
        return [info.process for infos in groups for info in infos
                if isinstance(info.process, subprocess.Popen)]
    except AttributeError:  # another Ray version: nothing to reap by hand
        return []


def _ray_handles() -> list[subprocess.Popen[bytes]]:
    """Every still-running process handle of this driver whose command is one of Ray's: a
    start-up attempt that failed on a loaded machine may leave some the node no longer lists
    (their handles would warn "subprocess ... is still running" when collected)."""
    return [p for p in gc.get_objects() if isinstance(p, subprocess.Popen)
            and p.returncode is None and "ray" in " ".join(map(str, _args(p.args))).lower()]


def _args(args: Any) -> list[Any]:
    return [args] if isinstance(args, str | bytes | os.PathLike) else list(args)


def _reachable(address: str) -> None:
    """Fail fast, in one line, when nothing listens at a cluster address (Ray itself retries
    for minutes)."""
    if address == "auto":
        return
    parsed = urlparse(address if "://" in address else f"//{address}")
    host, port = parsed.hostname, parsed.port or DEFAULT_PORTS.get(parsed.scheme, 6379)
    if not host:
        raise InputError(f"--ray {address!r}: not a Ray address (HOST:PORT, ray://HOST:PORT, "
                         "auto or local)")
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT):
            pass
    except OSError as exc:
        raise InputError(f"--ray {address!r}: cannot reach a Ray cluster at {host}:{port} "
                         f"({exc.strerror or exc})") from exc


def _import_ray() -> Any:
    try:
        import ray  # an optional extra: imported only when asked for
    except ImportError as exc:
        raise InputError("--ray needs Ray: pip install 'licentia[ray]'") from exc
    return ray


class RayRunner:
    """Runs the pipeline's batches on Ray at `address` ('local': a Ray started here, on
    loopback, with `workers` CPUs). Use it as a context manager: a Ray it started is shut
    down on leaving, also after an error."""

    def __init__(self, address: str, workers: int | None = None) -> None:
        if address != LOCAL:
            _reachable(address)
        self.ray = _import_ray()
        self.address = address
        self.workers = workers
        self.started = False
        self._cpus = 1
        self._tasks: dict[Callable[..., Any], Any] = {}

    def __enter__(self) -> RayRunner:
        ray = self.ray
        if not ray.is_initialized():
            self._start()
            self.started = True
        self._cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.started:
            self._stop()
            self.started = False

    def _stop(self) -> None:
        """Shut down what this runner started, and reap the processes it spawned: on a loaded
        machine some are still exiting when the shutdown call returns."""
        spawned = _spawned(self.ray)
        self.ray.shutdown(wait_for_processes=True)
        deadline = time.monotonic() + _REAP_S
        for proc in dict.fromkeys([*spawned, *_ray_handles()]):
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()  # one of the processes this runner's Ray started, by its handle
                proc.wait(timeout=5)

    def _start(self) -> None:
        ray = self.ray
        for name, value in _PATIENT.items():
            os.environ.setdefault(name, value)
        for attempt in range(1, _ATTEMPTS + 1):
            try:
                if self.address == LOCAL:
                    ray.init(num_cpus=self.workers or 2, include_dashboard=False,
                             _node_ip_address="127.0.0.1", log_to_driver=False,
                             configure_logging=False)
                else:
                    ray.init(address=self.address, log_to_driver=False,
                             configure_logging=False)
                return
            except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
                self._stop()  # whatever half started: its processes, this driver's state
                if attempt == _ATTEMPTS or self.address != LOCAL:
                    raise InputError(f"--ray {self.address!r}: "
                                     f"{str(exc).splitlines()[0]}") from exc

    def map(self, fn: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
        """fn over the items as Ray tasks, one contiguous batch per CPU."""
        if not items:
            return []
        task = self._tasks.get(fn)
        if task is None:
            task = self._tasks[fn] = self.ray.remote(fn)
        size = math.ceil(len(items) / self._cpus)
        refs = [task.remote(items[i:i + size]) for i in range(0, len(items), size)]
        return [x for part in self.ray.get(refs) for x in part]


def ray_runner(address: str, workers: int | None = None) -> RayRunner:
    return RayRunner(address, workers)
