# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""REUSE through the real `reuse` tool (run as a process): lint merged into the scan, and the
`draft reuse` round trip - afterwards `reuse lint` passes and `reuse spdx` agrees with scan on
every file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from licentia.identify.spdxtags import spdx_licensing
from licentia.scan import scan
from licentia.scan.findings import Verdict
from licentia.scan.reuse import reuse_command, spdx_document, spdx_file_licenses

from .fixtures import make_repo

pytestmark = pytest.mark.skipif(reuse_command() is None, reason="the reuse tool is not installed")


def _ids(expression: str) -> set[str]:
    licensing = spdx_licensing()
    return {str(k) for k in licensing.license_keys(licensing.parse(expression))}


def test_reuse_lint_is_merged_into_the_scan(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    result = scan(root, run_reuse=True)
    assert result.reuse is not None and result.reuse.compliant is False
    assert result.reuse.problems()["missing_licensing_info"] >= 3
    assert "reuse-noncompliant" in {f.code for f in result.findings}


def test_draft_reuse_keeps_third_party_licenses_and_reuse_agrees(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    subprocess.run(["git", "init", "-q", str(root)], check=True, timeout=60)  # REUSE reads
    # .gitignore only in a repository
    draft = subprocess.run([sys.executable, "-m", "licentia", "draft", "reuse", str(root),
                            "--holder", "Example Labs", "--year", "2026"],
                           capture_output=True, text=True, timeout=300)
    assert draft.returncode == 0, draft.stderr
    toml = (root / "REUSE.toml").read_text()
    assert 'path = "vendor/legacy.c"' in toml and 'path = "vendor/tiny.js"' in toml
    assert (root / "LICENSES" / "GPL-2.0-only.txt").is_file()
    assert (root / "LICENSES" / "MIT.txt").is_file()
    command = reuse_command()
    assert command is not None
    lint = subprocess.run([*command, "--root", str(root), "lint"], capture_output=True,
                          text=True, timeout=300)
    assert lint.returncode == 0, lint.stdout
    document = spdx_document(root)
    assert document is not None
    by_reuse = spdx_file_licenses(document)
    result = scan(root, run_reuse=True)
    assert result.reuse is not None and result.reuse.compliant
    files = {f.path: f for f in result.tree.files}
    assert by_reuse, document[:500]
    for path, licenses in by_reuse.items():
        if path.startswith("LICENSES/") or path == "REUSE.toml":
            continue
        assert path in files, path
        assert _ids(licenses) == _ids(files[path].spdx_expression), path
    assert files["vendor/legacy.c"].spdx_expression == "GPL-2.0-only"
    assert "annotation-overrides" not in {f.code for f in result.findings}
    assert result.verdict is not Verdict.CONFLICT
