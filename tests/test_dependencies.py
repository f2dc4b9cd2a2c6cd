# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia is Apache-2.0: GPL-licensed tools are run as processes, never imported."""

from __future__ import annotations

import ast
from pathlib import Path

import licentia

GPL_TOOLS = {"reuse", "flict"}


def test_no_gpl_tool_is_imported() -> None:
    root = Path(licentia.__file__).parent
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in GPL_TOOLS, f"{path}: imports {name}"
