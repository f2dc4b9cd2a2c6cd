# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`[tool.licentia]` in pyproject.toml: read from the nearest one up, paths relative to it,
every problem named by file and key, and applied by the commands when a flag leaves it unsaid."""

from __future__ import annotations

from pathlib import Path

import pytest

from licentia.errors import InputError
from licentia.settings import load_settings


def _project(root: Path, table: str) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pyproject.toml").write_text(f"[project]\nname = 'x'\n\n{table}\n")
    return root


def test_settings_come_from_the_nearest_pyproject_with_paths_relative_to_it(
        tmp_path: Path) -> None:
    root = _project(tmp_path / "proj", '[tool.licentia]\npolicy = "compliance/policy.yaml"\n'
                    'cache-dir = ".cache/licentia"\n[tool.licentia.format]\ncheck = "sarif"\n'
                    'review = "text"\n')
    (root / "src" / "deep").mkdir(parents=True)
    settings = load_settings(root / "src" / "deep")
    assert settings.source == (root / "pyproject.toml").resolve()
    assert settings.policy == root.resolve() / "compliance" / "policy.yaml"
    assert settings.cache_dir == root.resolve() / ".cache" / "licentia"
    assert settings.format_for("check") == "sarif"
    assert settings.format_for("review") is None  # text: the terminal's own


def test_no_table_means_no_settings(tmp_path: Path) -> None:
    settings = load_settings(_project(tmp_path, "[tool.other]\nx = 1\n"))
    assert settings.policy is None and settings.cache_dir is None
    assert settings.format_for("check") is None


def test_every_problem_is_named_by_file_and_key(tmp_path: Path) -> None:
    root = _project(tmp_path, '[tool.licentia]\npolicyy = "p.yaml"\ncache-dir = 3\n'
                    '[tool.licentia.format]\ncheck = "pdf"\nserve = "md"\n')
    with pytest.raises(InputError) as caught:
        load_settings(root)
    message = str(caught.value)
    assert str(root / "pyproject.toml") in message and "\n" not in message
    assert "tool.licentia: unknown key 'policyy' (did you mean 'policy'?)" in message
    assert "tool.licentia.cache-dir: must be a path" in message
    assert "tool.licentia.format.check: unknown format 'pdf'" in message
    assert "tool.licentia.format: unknown command 'serve'" in message


def test_bad_toml_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.licentia\n")
    with pytest.raises(InputError, match="not valid TOML"):
        load_settings(tmp_path)
