# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What a publisher wants from the license of a release (the `choose` goals file), checked.

A goals file is untrusted input: every problem is reported at once, named by the user's own key,
with the closest valid key or value for a misspelt one. Every goal is optional: `None` means the
publisher did not say, and `choose` then does not weigh it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path
from typing import Any

from licentia.catalog.taxonomy import taxonomy
from licentia.errors import InputError
from licentia.suggest import unknown
from licentia.userfile import describe, load_user_yaml


class ArtifactGoal(StrEnum):
    CODE = "code"
    WEIGHTS = "weights"
    DATA = "data"
    MIXED = "mixed"


class Adoption(StrEnum):
    HIGH = "high"
    NORMAL = "normal"


class CopyleftGoal(StrEnum):
    NONE = "none"
    WEAK = "weak"
    STRONG = "strong"
    NETWORK = "network"


@dataclass(frozen=True)
class Goals:
    """A publisher's goals; `None` is "not said"."""

    artifact: ArtifactGoal | None = None
    adoption: Adoption | None = None
    commercial_use_by_others: bool | None = None
    future_commercialization: bool | None = None
    attribution: bool | None = None
    copyleft: CopyleftGoal | None = None
    patent_grant: bool | None = None
    use_restrictions: tuple[str, ...] = ()
    non_commercial: bool | None = None
    osaid_open: bool | None = None
    upstream: tuple[str, ...] = ()

    @classmethod
    def from_mapping(cls, data: Any, source: str | None = None) -> Goals:
        """Goals from parsed YAML; InputError listing every problem, named by key."""
        if data is None:
            return cls()
        if not isinstance(data, Mapping):
            raise InputError("a goals file must be a mapping of goal names to values",
                             path=source)
        problems: list[str] = []
        values: dict[str, Any] = {}
        known = [f.name for f in fields(cls)]
        enums: dict[str, type[StrEnum]] = {"artifact": ArtifactGoal, "adoption": Adoption,
                                          "copyleft": CopyleftGoal}
        for raw_key, value in data.items():
            key = str(raw_key)
            if key not in known:
                problems.append(unknown("goal", key, known))
                continue
            if value is None:
                continue
            if key in enums:
                enum = enums[key]
                text = ("none" if value is False else str(value)).strip().lower()
                try:
                    values[key] = enum(text)
                except ValueError:
                    problems.append(f"{key}: {unknown('value', text, [e.value for e in enum])}")
            elif key in {"use_restrictions", "upstream"}:
                items = [value] if isinstance(value, str) else value
                if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                    problems.append(f"{key}: expected a list of strings")
                    continue
                if key == "use_restrictions":
                    ids = taxonomy()
                    for item in items:
                        if item not in ids:
                            problems.append("use_restrictions: "
                                            + unknown("taxonomy id", item, ids))
                values[key] = tuple(dict.fromkeys(i.strip() for i in items if i.strip()))
            elif isinstance(value, bool):
                values[key] = value
            else:
                problems.append(f"{key}: expected true or false, got {describe(value)}")
        if problems:
            raise InputError("; ".join(problems), path=source)
        return cls(**values)

    @classmethod
    def from_file(cls, path: Path) -> Goals:
        return cls.from_mapping(load_user_yaml(path, "goals file"), str(path))

    def with_answer(self, key: str, value: Any) -> Goals:
        return replace(self, **{key: value})

    def stated(self) -> list[str]:
        """The goals the publisher stated (in declaration order)."""
        return [f.name for f in fields(self) if getattr(self, f.name) not in (None, ())]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.stated():
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else \
                value.value if isinstance(value, StrEnum) else value
        return out
