# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Reading the files users hand to licentia (use cases, manifests, goals, policies, choices):
every way it can fail becomes one InputError naming the file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from licentia.errors import InputError, yaml_message


def read_user_text(path: Path, what: str = "file") -> str:
    """The file's text; InputError when it is missing, a directory, unreadable or not UTF-8."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"no such {what}", path=path) from exc
    except IsADirectoryError as exc:
        raise InputError(f"is a directory, not a {what}", path=path) from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"cannot read the {what}: not UTF-8 text ({exc.reason} at byte "
                         f"{exc.start})", path=path) from exc
    except OSError as exc:
        raise InputError(f"cannot read the {what}: {exc.strerror or exc}", path=path) from exc


def load_user_yaml(path: Path, what: str = "file") -> Any:
    """The file's YAML data; InputError for anything read_user_text refuses, or bad YAML."""
    text = read_user_text(path, what)
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(yaml_message(exc), path=path) from exc
