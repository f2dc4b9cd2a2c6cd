# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The licenses package manifests declare: `pyproject.toml` (PEP 639 `license`, the older
`{text}` / `{file}` tables, Poetry, classifiers), `setup.cfg`, `package.json` and `Cargo.toml`.

A declaration is what the package says of itself; it is evidence beside what its files hold,
never a replacement for it. A manifest that names its package also gives the package itself
(ecosystem, name, version, Package URL, declared license): a component of the bills of
materials.
"""

from __future__ import annotations

import configparser
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packageurl import PackageURL

from licentia.errors import LicentiaError
from licentia.identify.expression import combine
from licentia.safe_read import read_any_text
from licentia.scan.expressions import read_expression, to_spdx

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


@dataclass(frozen=True)
class Package:
    """The package a manifest describes: its Package URL type (`pypi`, `npm`, `cargo`), name,
    version (None when the manifest leaves it dynamic) and the license it declares."""

    file: str  # the manifest
    ecosystem: str
    name: str
    version: str | None
    declared: str  # LicenseDB expression; "" when it declares none licentia knows

    @property
    def purl(self) -> str:
        namespace, _, name = self.name.rpartition("/") if self.ecosystem == "npm" else \
            ("", "", self.name)
        if self.ecosystem == "pypi":  # the purl spec: lowercase, "-" for "_"
            name = name.lower().replace("_", "-")
        return str(PackageURL(type=self.ecosystem, namespace=namespace or None, name=name,
                              version=self.version))

    def to_json(self) -> dict[str, Any]:
        return {"file": self.file, "ecosystem": self.ecosystem, "name": self.name,
                "version": self.version, "purl": self.purl,
                "declared": self.declared or None,
                "declared_spdx": to_spdx(self.declared) or None}


def _text(value: Any) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _package(name: str, data: Any) -> tuple[str, str | None, str | None]:
    """(ecosystem, package name, version) a manifest's data names."""
    if not isinstance(data, dict):
        return "", None, None
    if name == "package.json":
        return "npm", _text(data.get("name")), _text(data.get("version"))
    table: Any = data.get("package") if name == "Cargo.toml" else data.get("project")
    if name == "pyproject.toml" and not (isinstance(table, dict) and _text(table.get("name"))):
        tool = data.get("tool")
        table = tool.get("poetry") if isinstance(tool, dict) else None
    if not isinstance(table, dict):
        return "", None, None
    return ("cargo" if name == "Cargo.toml" else "pypi"), _text(table.get("name")), \
        _text(table.get("version"))


def package_of(file: str, ecosystem: str, name: str | None, version: str | None,
               declarations: list[Declaration]) -> Package | None:
    """The package of a manifest that names one; its declared license is what the manifest
    declares (classifiers only when it declares nothing else)."""
    if not name or not ecosystem:
        return None
    if version is not None and version.startswith(("attr:", "file:")):
        version = None  # setup.cfg reading the version from the code
    stated = [d.expression for d in declarations if d.expression]
    main = [d.expression for d in declarations
            if d.expression and not d.key.endswith("classifiers")]
    return Package(file, ecosystem, name, version, combine(main or stated))


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


def _setup_cfg(file: str, meta: dict[str, str]) -> Iterator[Declaration]:
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


def read_manifest(path: Path, rel: str) -> tuple[Package | None, list[Declaration], str | None]:
    """The package of one manifest (None when it names none), its declarations, and a problem
    when it cannot be read."""
    try:
        text = read_any_text(path, MAX_MANIFEST_BYTES, "package manifest")
        name = path.name
        data: Any
        if name == "package.json":
            data = json.loads(text)
            found = list(_package_json(rel, data))
        elif name == "setup.cfg":
            parser = configparser.ConfigParser(interpolation=None, strict=False)
            parser.read_string(text)
            meta = dict(parser["metadata"]) if parser.has_section("metadata") else {}
            found = list(_setup_cfg(rel, meta))
            return package_of(rel, "pypi", _text(meta.get("name")), _text(meta.get("version")),
                              found), found, None
        else:
            data = tomllib.loads(text)
            found = list(_pyproject(rel, data) if name == "pyproject.toml" else _cargo(rel, data))
        return package_of(rel, *_package(name, data), found), found, None
    except LicentiaError as exc:
        return None, [], exc.message
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, configparser.Error) as exc:
        what = {"package.json": "JSON", "setup.cfg": "setup.cfg syntax"}.get(path.name, "TOML")
        return None, [], f"not valid {what}: {' '.join(str(exc).split())[:200]}"
