# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia's own data files (term sheets, aliases, taxonomy, vocabularies): read as YAML with
libyaml's C parser when PyYAML has it — several times faster than the pure-Python one, which
matters for a command that runs in half a second. User files go through `userfile` instead
(limits, line numbers in errors)."""

from __future__ import annotations

from typing import Any

import yaml

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str | bytes) -> Any:
    """The YAML document in `text` (trusted data shipped with licentia)."""
    return yaml.load(text, Loader=LOADER)
