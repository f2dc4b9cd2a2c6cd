# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A project's licentia settings, read from `[tool.licentia]` in its pyproject.toml (the nearest
one from the working directory up): the policy `check` applies, the report format each command
writes by default, and the cache directory. A flag or environment variable always wins.

```toml
[tool.licentia]
policy = "compliance/policy.yaml"   # check's and scan's --policy
cache-dir = ".cache/licentia"       # $LICENTIA_CACHE_DIR

[tool.licentia.format]              # the report each command writes without --format/--json
check = "sarif"                     # text | md | html | sarif
review = "md"                       # text | md | html
scan = "sarif"                      # text | md | html | sarif | cyclonedx | spdx | spdx3
```
Relative paths are read from the folder of that pyproject.toml.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from licentia.errors import InputError
from licentia.safe_read import is_regular_file, read_bytes
from licentia.suggest import unknown

FORMATS: dict[str, tuple[str, ...]] = {"check": ("text", "md", "html", "sarif"),
                                       "review": ("text", "md", "html"),
                                       "scan": ("text", "md", "html", "sarif", "cyclonedx",
                                                "spdx", "spdx3")}
_KEYS = ("policy", "cache-dir", "format")
_MAX_BYTES = 1 << 20


@dataclass(frozen=True)
class Settings:
    """The settings in force (none given: every field empty)."""

    source: Path | None = None  # the pyproject.toml they come from
    policy: Path | None = None
    cache_dir: Path | None = None
    formats: MappingProxyType[str, str] = field(
        default_factory=lambda: MappingProxyType({}))

    def format_for(self, command: str) -> str | None:
        """The default report format of `command` ("text" and None both mean the terminal's)."""
        value = self.formats.get(command)
        return None if value in (None, "text") else value


@cache
def project_settings() -> Settings:
    """The settings of the project the working directory is in (read once per process)."""
    return load_settings()


def apply_cache_dir(settings: Settings) -> None:
    """$LICENTIA_CACHE_DIR from `cache-dir` when the environment does not set it."""
    if settings.cache_dir is not None and not os.environ.get("LICENTIA_CACHE_DIR"):
        os.environ["LICENTIA_CACHE_DIR"] = str(settings.cache_dir)


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml from `start` up to the file system's root."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if is_regular_file(candidate):
            return candidate
    return None


def load_settings(start: Path | None = None) -> Settings:
    """The `[tool.licentia]` settings of the project `start` (default: the working directory)
    is in; every problem in one InputError naming the file and the key."""
    path = find_pyproject((start or Path.cwd()).resolve())
    if path is None:
        return Settings()
    try:
        data = tomllib.loads(read_bytes(path, _MAX_BYTES, "pyproject.toml").decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"not valid TOML: {exc}", path=path) from exc
    table = data.get("tool", {}).get("licentia")
    if table is None:
        return Settings(source=path)
    return _parse(table, path)


def _parse(table: Any, path: Path) -> Settings:
    if not isinstance(table, dict):
        raise InputError("[tool.licentia] must be a table", path=path)
    problems = [f"tool.licentia: {unknown('key', k, _KEYS)}" for k in table if k not in _KEYS]
    base = path.parent

    def a_path(key: str) -> Path | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            problems.append(f"tool.licentia.{key}: must be a path (text)")
            return None
        return base / value

    formats = table.get("format", {})
    if not isinstance(formats, dict):
        problems.append("tool.licentia.format: must be a table of command = format")
        formats = {}
    for command, value in formats.items():
        if command not in FORMATS:
            problems.append(f"tool.licentia.format: {unknown('command', command, FORMATS)}")
        elif value not in FORMATS[command]:
            problems.append(f"tool.licentia.format.{command}: "
                            f"{unknown('format', str(value), FORMATS[command])}")
    settings = Settings(source=path, policy=a_path("policy"), cache_dir=a_path("cache-dir"),
                        formats=MappingProxyType({k: str(v) for k, v in formats.items()}))
    if problems:
        raise InputError("; ".join(problems), path=path)
    return settings
