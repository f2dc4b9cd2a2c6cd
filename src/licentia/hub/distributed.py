# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage's rule evaluation as Ray tasks: the distinct situations are split into one batch
per worker and evaluated by check's rules on the cluster; the results are the embedded path's
(the same function runs in every worker). Ray is an optional extra (`licentia[ray]`)."""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

from licentia.errors import InputError
from licentia.hub.rules import RuleFinding, Situation, evaluate

LOCAL = "local"
CONNECT_TIMEOUT = 5.0
DEFAULT_PORTS = {"ray": 10001, "": 6379}
Results = dict[Situation, tuple[RuleFinding, ...]]


def _evaluate_batch(batch: list[Situation]) -> list[tuple[Situation, tuple[RuleFinding, ...]]]:
    return [(s, evaluate(s)) for s in batch]


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


def ray_evaluator(address: str, workers: int | None = None) -> Callable[[list[Situation]],
                                                                         Results]:
    """An evaluator running on Ray at `address` ('local': a Ray started here, on loopback,
    with `workers` CPUs, stopped afterwards)."""
    if address != LOCAL:
        _reachable(address)
    ray = _import_ray()

    def run(situations: list[Situation]) -> Results:
        started = not ray.is_initialized()
        if started:
            try:
                if address == LOCAL:
                    ray.init(num_cpus=workers or 2, include_dashboard=False,
                             _node_ip_address="127.0.0.1", log_to_driver=False,
                             configure_logging=False)
                else:
                    ray.init(address=address, log_to_driver=False, configure_logging=False)
            except Exception as exc:  # Ray raises ConnectionError, RuntimeError, ValueError...
                raise InputError(f"--ray {address!r}: {str(exc).splitlines()[0]}") from exc
        try:
            n = max(1, int(ray.cluster_resources().get("CPU", 1)))
            task = ray.remote(_evaluate_batch)
            batches = [situations[i::n] for i in range(n) if situations[i::n]]
            out: Results = {}
            for part in ray.get([task.remote(b) for b in batches]):
                out.update(part)
            return out
        finally:
            if started:
                ray.shutdown()

    return run
