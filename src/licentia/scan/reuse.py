# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""REUSE lint, merged into the scan: the `reuse` tool is GPL-3.0-or-later, so it runs as a
separate process (`reuse --root DIR lint --json`, `reuse spdx`) and is never imported."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TIMEOUT_SECONDS = 600


@dataclass(frozen=True)
class ReuseLint:
    """`reuse lint --json` as licentia reports it (or why it could not run)."""

    compliant: bool | None
    summary: dict[str, Any]
    non_compliant: dict[str, list[Any]]
    version: str | None = None
    error: str | None = None

    def problems(self) -> dict[str, int]:
        """Each kind of non-compliance with how many items it lists."""
        return {k: len(v) for k, v in self.non_compliant.items() if v}

    def to_json(self) -> dict[str, Any]:
        return {"compliant": self.compliant, "summary": self.summary,
                "non_compliant": {k: v for k, v in self.non_compliant.items() if v},
                "reuse_tool_version": self.version, "error": self.error}


def reuse_command() -> list[str] | None:
    """How to start the reuse tool: beside this Python (a virtual environment), else on PATH."""
    beside = Path(sys.executable).parent / ("reuse.exe" if os.name == "nt" else "reuse")
    if beside.is_file():
        return [str(beside)]
    found = shutil.which("reuse")
    return [found] if found else None


def _run(root: Path, args: list[str]) -> subprocess.CompletedProcess[str] | str:
    command = reuse_command()
    if command is None:
        return "the reuse tool is not installed (pip install reuse)"
    try:
        return subprocess.run([*command, "--root", str(root), *args], capture_output=True,
                              text=True, timeout=TIMEOUT_SECONDS, check=False,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return f"reuse did not finish in {TIMEOUT_SECONDS} s"
    except OSError as exc:
        return f"reuse could not start: {exc.strerror or exc}"


def lint(root: Path) -> ReuseLint:
    """Run `reuse lint --json` on `root`."""
    done = _run(root, ["lint", "--json"])
    if isinstance(done, str):
        return ReuseLint(None, {}, {}, error=done)
    try:
        data = json.loads(done.stdout)
    except json.JSONDecodeError:
        detail = " ".join((done.stderr or done.stdout).split())[:200]
        return ReuseLint(None, {}, {}, error=f"reuse lint gave no report: {detail}")
    summary = data.get("summary", {})
    problems = dict(data.get("non_compliant", {}))
    # the JSON report lists invalid expressions only per file
    problems["invalid_spdx_expressions"] = [
        f.get("path") for f in data.get("files", [])
        if any(not e.get("is_valid", True) for e in f.get("spdx_expressions", []))]
    return ReuseLint(bool(summary.get("compliant")), summary, problems,
                     data.get("reuse_tool_version"))


def spdx_document(root: Path) -> str | None:
    """`reuse spdx`: the SPDX 2 tag-value document REUSE makes of `root` (None if it fails)."""
    done = _run(root, ["spdx"])
    if isinstance(done, str) or done.returncode != 0:
        return None
    return done.stdout


def spdx_file_licenses(document: str) -> dict[str, str]:
    """File name -> LicenseInfoInFile values (joined with AND) of a `reuse spdx` document."""
    out: dict[str, list[str]] = {}
    name: str | None = None
    for line in document.splitlines():
        if line.startswith("FileName: "):
            name = line[len("FileName: "):].strip().removeprefix("./")
            out[name] = []
        elif line.startswith("LicenseInfoInFile: ") and name is not None:
            out[name].append(line[len("LicenseInfoInFile: "):].strip())
    return {k: " AND ".join(v) for k, v in out.items()}
