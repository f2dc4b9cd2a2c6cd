# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

from pathlib import Path

import pytest
from hub_fixtures import TREE, write_csv

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"


@pytest.fixture
def tree_csv(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "tree.csv", TREE)


@pytest.fixture
def corpus():  # type: ignore[no-untyped-def]
    """A path in ../shared/corpus; the test is skipped when it is absent."""

    def get(*parts: str) -> Path:
        path = CORPUS.joinpath(*parts)
        if not path.exists():
            pytest.skip("../shared corpus not present")
        return path

    return get
