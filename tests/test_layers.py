# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Layers point only down, and no import hides in a function to dodge a cycle.

From the bottom up: the shared basics (errors, normalize, cache, jinja, safe reading and
writing, user files), the catalog (LicenseDB, term sheets, licentia's own license template),
identification, resolving a license reference, analysis (review, check, choose), scanning a
tree or a model, then drafting and the report renderers (side by side: neither imports the
other), the Python API and the registry, the web app, and the CLI on top (`serve` starts the
web app).
A package not listed here (one being built) is not judged until it is given a layer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import licentia

BASICS = ("errors", "normalize", "cache", "arraystore", "jinja", "limits", "safe_read",
          "atomic_write", "userfile", "suggest", "workers", "inputs", "datafile", "settings",
          "hfhub")
LAYERS: dict[str, int] = {
    **dict.fromkeys(BASICS, 0),
    "catalog": 1,
    "identify": 2,
    "reference": 3,
    "analysis": 4,
    "scan": 5,  # a tree's evidence, judged by analysis (check, policy); rendered by report
    "draft": 6,
    "report": 6,
    "api": 7,
    "registry": 7,
    "web": 8,
    "cli": 9,
    "__main__": 10,
}
SHELLS = {"cli", "web"}
ROOT = Path(licentia.__file__).parent


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found.append((".".join(parts), path))
    return found


def _layer(module: str) -> str:
    """The layer a licentia module belongs to: its first name below `licentia`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(tree: ast.Module) -> list[tuple[str, bool]]:
    """Every licentia module a file imports, and whether the import sits at module level
    (directly or under a module-level `if TYPE_CHECKING:` / `try:`)."""
    top: set[int] = set()
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        top.add(id(node))
        if isinstance(node, ast.If | ast.Try):
            stack.extend([*node.body, *node.orelse])
    found = []
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            # `from licentia import cache` imports licentia.cache
            names = ([f"{node.module}.{a.name}" for a in node.names]
                     if node.module == "licentia" else [node.module])
        found += [(n, id(node) in top) for n in names if n.split(".")[0] == "licentia"]
    return found


MODULES = _modules()


@pytest.mark.parametrize(("module", "path"), MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_down_and_sit_at_module_level(module: str, path: Path) -> None:
    here = _layer(module)
    for name, at_top in _imports(ast.parse(path.read_text(encoding="utf-8"))):
        # a command's shell may defer a heavy import until it runs (its --help stays fast);
        # below the shells an import in a function can only be hiding a cycle
        assert at_top or here in SHELLS, f"{module}: imports {name} inside a function"
        there = _layer(name)
        if here not in LAYERS or there not in LAYERS or there in {"", "__version__"}:
            continue
        basics = LAYERS[here] == LAYERS[there] == 0
        assert there == here or basics or LAYERS[there] < LAYERS[here], (
            f"{module} ({here}, layer {LAYERS[here]}) imports {name} "
            f"({there}, layer {LAYERS[there]}): layers point only down")


def test_every_layer_is_known_to_exist() -> None:
    """The table names real packages (a renamed one would silently stop being judged)."""
    present = {_layer(m) for m, _ in MODULES}
    for name in ("catalog", "identify", "reference", "analysis", "draft", "report", "cli"):
        assert name in present


def test_the_check_catches_an_upward_import() -> None:
    tree = ast.parse("from licentia.draft.custom import render\n"
                     "def f():\n    from licentia.identify import identify_text\n")
    found = _imports(tree)
    assert found == [("licentia.draft.custom", True), ("licentia.identify", False)]
    assert LAYERS[_layer("licentia.draft.custom")] > LAYERS[_layer("licentia.catalog.terms")]
