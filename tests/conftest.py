# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

from collections.abc import Iterator

import pytest

from licentia.identify.index import Index, get_index
from pg_cluster import Cluster, start_cluster


@pytest.fixture(scope="session")
def index() -> Index:
    """The identification index (built once per machine, then loaded from the cache)."""
    return get_index()


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster | None]:
    """A throwaway PostgreSQL on loopback for the whole session, started when a test first
    needs it and removed at the end (None when PostgreSQL is not installed)."""
    cluster = start_cluster()
    yield cluster
    if cluster is not None:
        cluster.stop()
