# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


@pytest.fixture
def licentia(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Run the real `licentia` command (python -m licentia) and capture its output."""

    def run(*args: str, cwd: Path | None = None) -> Run:
        proc = subprocess.run([sys.executable, "-m", "licentia", *args], capture_output=True,
                              text=True, cwd=cwd or tmp_path, timeout=120)
        return Run(proc.returncode, proc.stdout, proc.stderr)

    return run
