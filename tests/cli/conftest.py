# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Two ways to run the `licentia` command: in-process (Typer's CliRunner isolation around the
real entry point `licentia.cli._common.run`, so exit codes and one-line errors are the ones a
user gets; fast, the index and catalog stay loaded) and as a real process (a few smoke tests
keep the installed entry point honest)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from licentia.cli import app
from licentia.cli._common import run as run_app
from licentia.settings import project_settings


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    @property
    def returncode(self) -> int:  # as subprocess.CompletedProcess names it
        return self.code

    def json(self) -> Any:
        return json.loads(self.stdout)


Invoke = Callable[..., Run]


def invoke(*args: str, cwd: Path | None = None, input: str | None = None,
           env: dict[str, str] | None = None) -> Run:
    """`licentia ARGS` in this process, from `cwd`, with its own stdin, stdout and stderr."""
    runner = CliRunner()
    before = Path.cwd()
    project_settings.cache_clear()  # each run reads the settings of its own working directory
    code = 0
    with runner.isolation(input=input, env={"COLUMNS": "80", **(env or {})}) as (out, err, _):
        try:
            if cwd is not None:
                os.chdir(cwd)
            run_app(app, list(args))
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        finally:
            os.chdir(before)
            project_settings.cache_clear()
            sys.stdout.flush()
            sys.stderr.flush()
        return Run(code, out.getvalue().decode("utf-8", "replace"),
                   err.getvalue().decode("utf-8", "replace"))


@pytest.fixture
def licentia(tmp_path: Path) -> Invoke:
    """Run `licentia` in-process, from tmp_path unless told otherwise."""

    def run(*args: str, cwd: Path | None = None, input: str | None = None) -> Run:
        return invoke(*args, cwd=cwd or tmp_path, input=input)

    return run


@pytest.fixture
def licentia_process(tmp_path: Path) -> Invoke:
    """Run the real `licentia` command (python -m licentia) and capture its output."""

    def run(*args: str, cwd: Path | None = None, input: str | None = None) -> Run:
        proc = subprocess.run([sys.executable, "-m", "licentia", *args], capture_output=True,
                              text=True, cwd=cwd or tmp_path, timeout=120, input=input)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run
