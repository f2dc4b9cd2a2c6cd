# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Where the hub pipeline's parallel steps run: reading dump files (ingestion), resolving
the distinct declared licenses and evaluating the distinct situations. Each step is a
module-level function over a batch of items; a runner maps it over all items, here in this
process, or as Ray tasks (hub.distributed). Both give the same results in the same order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Batch = Callable[[list[T]], list[R]]


class Runner(Protocol):
    def map(self, fn: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
        """fn over the items, in batches; the results in the items' order."""
        ...


class Local:
    """In this process, one batch."""

    def map(self, fn: Callable[[list[T]], list[R]], items: list[T]) -> list[R]:
        return fn(items) if items else []


LOCAL = Local()
