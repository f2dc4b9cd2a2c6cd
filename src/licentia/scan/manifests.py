# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The licenses package manifests declare: `pyproject.toml` (PEP 639 `license`, the older
`{text}` / `{file}` tables, Poetry, classifiers), `setup.cfg`, `package.json` and `Cargo.toml`.

A declaration is what the package says of itself; it is evidence beside what its files hold,
never a replacement for it.
"""

from __future__ import annotations

import configparser
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from licentia.errors import LicentiaError
from licentia.safe_read import read_any_text
from licentia.scan.expressions import read_expression

MANIFEST_NAMES = frozenset({"pyproject.toml", "setup.cfg", "package.json", "Cargo.toml"})
MAX_MANIFEST_BYTES = 4 << 20
_CLASSIFIER = "License :: "


@dataclass(frozen=True)
class Declaration:
    """One license a manifest declares: where (file, key), as written, in LicenseDB keys."""

    file: str
    key: str  # e.g. project.license, classifiers, license
    written: str
    expression: str  # "" when it names nothing licentia knows
    problem: str | None = None
    license_file: str | None = None  # a license file the manifest points to

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "key": self.key, "value": self.written,
                "expression": self.expression or None, "problem": self.problem,
                "license_file": self.license_file}


def _declared(file: str, key: str, value: str) -> Declaration:
    got = read_expression(value)
    return Declaration(file, key, value, got.expression, got.problem)


def _classifiers(file: str, key: str, items: Any) -> Iterator[Declaration]:
    if not isinstance(items, list):
        return
    for item in items:
        if isinstance(item, str) and item.startswith(_CLASSIFIER):
            name = item.rsplit("::", 1)[-1].strip()
            if name in {"OSI Approved", "Other/Proprietary License"}:
                if name == "Other/Proprietary License":
                    yield Declaration(file, key, item, "", "a proprietary license (classifier)")
                continue
            yield _declared(file, key, name)


def _pyproject(file: str, data: dict[str, Any]) -> Iterator[Declaration]:
    project = data.get("project", {})
    if isinstance(project, dict):
        lic = project.get("license")
        if isinstance(lic, str):
            yield _declared(file, "project.license", lic)
        elif isinstance(lic, dict):
            if isinstance(lic.get("text"), str):
                yield _declared(file, "project.license.text", lic["text"])
            if isinstance(lic.get("file"), str):
                yield Declaration(file, "project.license.file", lic["file"], "", None,
                                  lic["file"])
        yield from _classifiers(file, "project.classifiers", project.get("classifiers"))
    poetry = data.get("tool", {}).get("poetry", {}) if isinstance(data.get("tool"), dict) else {}
    if isinstance(poetry, dict) and isinstance(poetry.get("license"), str):
        yield _declared(file, "tool.poetry.license", poetry["license"])


def _setup_cfg(file: str, text: str) -> Iterator[Declaration]:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.read_string(text)
    if not parser.has_section("metadata"):
        return
    meta = parser["metadata"]
    if meta.get("license"):
        yield _declared(file, "metadata.license", meta["license"].strip())
    lines = [c.strip() for c in meta.get("classifiers", "").splitlines() if c.strip()]
    yield from _classifiers(file, "metadata.classifiers", lines)


def _package_json(file: str, data: Any) -> Iterator[Declaration]:
    if not isinstance(data, dict):
        return
    lic = data.get("license")
    if isinstance(lic, dict):
        lic = lic.get("type")
    if isinstance(lic, str):
        if lic.upper().startswith("SEE LICENSE IN"):
            target = lic[len("SEE LICENSE IN"):].strip()
            yield Declaration(file, "license", lic, "", None, target)
        elif lic.upper() == "UNLICENSED":
            yield Declaration(file, "license", lic, "", "UNLICENSED: not licensed for use by "
                              "others (proprietary)")
        else:
            yield _declared(file, "license", lic)
    for n, item in enumerate(data.get("licenses", []) if isinstance(data.get("licenses"),
                                                                       list) else []):
        if isinstance(item, dict) and isinstance(item.get("type"), str):
            yield _declared(file, f"licenses[{n}].type", item["type"])


def _cargo(file: str, data: dict[str, Any]) -> Iterator[Declaration]:
    package = data.get("package", {})
    if not isinstance(package, dict):
        return
    if isinstance(package.get("license"), str):
        yield _declared(file, "package.license", package["license"])
    if isinstance(package.get("license-file"), str):
        yield Declaration(file, "package.license-file", package["license-file"], "", None,
                          package["license-file"])


def read_manifest(path: Path, rel: str) -> tuple[list[Declaration], str | None]:
    """The declarations of one manifest, and a problem when it cannot be read."""
    try:
        text = read_any_text(path, MAX_MANIFEST_BYTES, "package manifest")
        name = path.name
        if name == "package.json":
            return list(_package_json(rel, json.loads(text))), None
        if name == "setup.cfg":
            return list(_setup_cfg(rel, text)), None
        data = tomllib.loads(text)
        return list(_pyproject(rel, data) if name == "pyproject.toml" else _cargo(rel, data)), None
    except LicentiaError as exc:
        return [], exc.message
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, configparser.Error) as exc:
        what = {"package.json": "JSON", "setup.cfg": "setup.cfg syntax"}.get(path.name, "TOML")
        return [], f"not valid {what}: {' '.join(str(exc).split())[:200]}"
