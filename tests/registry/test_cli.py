# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia db upgrade` and `licentia users add|list`, run as the real command."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from licentia.registry.migrate import head


def licentia(data_dir: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LICENTIA_DATA_DIR": str(data_dir)}
    env.pop("LICENTIA_DB_URL", None)
    return subprocess.run([sys.executable, "-m", "licentia", *args], input=stdin, env=env,
                          capture_output=True, text=True, timeout=120)


def test_upgrade_then_add_users_on_the_default_sqlite(tmp_path: Path) -> None:
    first = licentia(tmp_path, "db", "upgrade", "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) == {
        "database": f"sqlite:///{tmp_path / 'registry.sqlite3'}", "from": None, "to": head()}
    again = licentia(tmp_path, "db", "upgrade")
    assert again.returncode == 0 and f"up to date (revision {head()})" in again.stdout
    added = licentia(tmp_path, "users", "add", "ada", "--role", "admin",
                     stdin="correct horse battery\n")
    assert added.returncode == 0, added.stderr
    assert "correct horse" not in added.stdout + added.stderr
    listed = licentia(tmp_path, "users", "list", "--json")
    assert json.loads(listed.stdout) == [{"name": "ada", "role": "admin", "active": True}]


@pytest.fixture(scope="module")
def with_ada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory whose registry is upgraded and has an admin, ada."""
    data = tmp_path_factory.mktemp("registry")
    assert licentia(data, "db", "upgrade").returncode == 0
    assert licentia(data, "users", "add", "ada", "--role", "admin",
                    stdin="long enough\n").returncode == 0
    return data


@pytest.mark.parametrize(("args", "stdin", "message"), [
    (("users", "add", "bo", "--role", "boss"), "long enough\n", "Invalid value for '--role'"),
    (("users", "add", "bo", "--role", "viewer"), "", "no password on stdin"),
    (("users", "add", "bo", "--role", "viewer"), "short\n", "at least 8 characters"),
    (("users", "add", "ada", "--role", "viewer"), "long enough\n",
     "NAME: a user named 'ada' exists already"),
    (("db", "upgrade", "--db", "mysql://u@h/d"), "", "--db: not a registry URL"),
])
def test_bad_input_is_one_line_and_exit_2(with_ada: Path, tmp_path: Path,
                                          args: tuple[str, ...], stdin: str,
                                          message: str) -> None:
    shutil.copytree(with_ada, tmp_path / "data")
    result = licentia(tmp_path / "data", *args, stdin=stdin)
    assert result.returncode == 2
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_commands_refuse_a_registry_that_was_not_upgraded(tmp_path: Path) -> None:
    for args in (("users", "list"), ("serve", "--port", "1")):
        result = licentia(tmp_path, *args)
        assert result.returncode == 2
        assert f"the registry is empty, this licentia needs {head()}: run `licentia db upgrade`" \
            in result.stderr
