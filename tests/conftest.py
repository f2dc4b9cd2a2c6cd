# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import pytest

from licentia.identify.index import Index, get_index


@pytest.fixture(scope="session")
def index() -> Index:
    """The identification index (built once per machine, then loaded from the cache)."""
    return get_index()
