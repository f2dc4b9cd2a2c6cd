# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The intended use that `review` weighs a license against, read from the user's YAML file.

A use-case file is untrusted input: every problem is reported in the user's own words (the file
and the key), all problems in one run, with the closest valid name for a misspelt key or id.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.terms import fact_vocabulary
from licentia.errors import InputError
from licentia.limits import MAX_COUNT
from licentia.suggest import hint
from licentia.userfile import Problem, describe, load_user_yaml


class Deployment(StrEnum):
    """How the product reaches people; it decides which distribution duties are triggered."""

    INTERNAL = "internal"
    SAAS = "saas"
    DISTRIBUTED = "distributed"
    ON_DEVICE = "on-device"


class Modification(StrEnum):
    """What is done to the model; anything but `none` makes a derivative."""

    NONE = "none"
    FINE_TUNE = "fine-tune"
    ADAPTER = "adapter"
    MERGE = "merge"
    QUANTIZE = "quantize"
    DISTILL = "distill"


@dataclass(frozen=True)
class UseCase:
    """An intended use. `None` means the file does not say, which review treats as unknown."""

    name: str
    description: str
    commercial: bool
    deployment: Deployment | None = None
    modification: Modification | None = None
    monthly_active_users: int | None = None
    annual_revenue_usd: int | None = None
    outputs_train_other_models: bool | None = None
    activities: tuple[str, ...] = ()
    excluded_activities: tuple[str, ...] = ()
    model: str | None = None
    path: str | None = None
    # explicit answers (catalog/data/facts.yaml names): they override what the prose implies
    facts: dict[str, bool | int | str] = field(default_factory=dict)

    @property
    def serves_others(self) -> bool | None:
        """Whether people outside the organization get the model or its service."""
        if self.deployment is None:
            return None
        return self.deployment is not Deployment.INTERNAL

    @property
    def ships_copies(self) -> bool | None:
        """Whether copies of the model or code leave the organization (not only a service)."""
        if self.deployment is None:
            return None
        return self.deployment in (Deployment.DISTRIBUTED, Deployment.ON_DEVICE)

    @property
    def modifies(self) -> bool | None:
        if self.modification is None:
            return None
        return self.modification is not Modification.NONE

    @classmethod
    def from_file(cls, path: Path) -> UseCase:
        """Read and validate a use-case file; InputError names the file and every bad key."""
        return cls.from_mapping(load_user_yaml(path, "use-case file"), path=str(path))

    @classmethod
    def from_mapping(cls, data: Any, path: str | None = None) -> UseCase:
        """Validate parsed YAML; raise InputError listing every problem on one line."""
        problems = validate(data)
        if problems:
            if len(problems) == 1:
                raise InputError(problems[0].message, path=path, key=problems[0].key)
            raise InputError("; ".join(str(p) for p in problems), path=path)
        assert isinstance(data, Mapping)
        return cls(
            name=str(data["name"]).strip(),
            description=" ".join(str(data["description"]).split()),
            commercial=bool(data["commercial"]),
            deployment=Deployment(data["deployment"]) if data.get("deployment") else None,
            modification=Modification(data["modification"])
            if data.get("modification") else None,
            monthly_active_users=_count(data.get("monthly_active_users")),
            annual_revenue_usd=_count(data.get("annual_revenue_usd")),
            outputs_train_other_models=data.get("outputs_train_other_models"),
            activities=tuple(dict.fromkeys(_as_list(data.get("activities")))),
            excluded_activities=tuple(dict.fromkeys(_as_list(data.get("excluded_activities")))),
            model=str(data["model"]) if data.get("model") is not None else None,
            path=path,
            facts={str(k): v for k, v in (data.get("facts") or {}).items()},
        )


REQUIRED = ("name", "description", "commercial")
FIELDS = (*REQUIRED, "deployment", "modification", "monthly_active_users", "annual_revenue_usd",
          "outputs_train_other_models", "activities", "excluded_activities", "model", "facts")

_COUNT = re.compile(r"^\s*([0-9][0-9_,]*(?:\.[0-9]+)?)\s*(k|m|b|thousand|million|billion)?\s*$",
                    re.IGNORECASE)
_SCALE = {None: 1, "k": 1_000, "thousand": 1_000, "m": 1_000_000, "million": 1_000_000,
          "b": 1_000_000_000, "billion": 1_000_000_000}


def _count(value: Any) -> int | None:
    """A non-negative count: an integer, or a string such as "900M" or "2.5 million"; at most
    limits.MAX_COUNT (a 400-digit number is a typo, and overflows floating point)."""
    count = _raw_count(value)
    if count is not None and count > MAX_COUNT:
        raise ValueError(f"at most {MAX_COUNT:,} (a quadrillion), not {describe(value)}")
    return count


def _raw_count(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValueError("a number, not true/false")
    if isinstance(value, int):
        if value < 0:
            raise ValueError("must not be negative")
        return value
    if isinstance(value, float) and value >= 0 and value.is_integer():
        return int(value)
    if isinstance(value, str) and (m := _COUNT.match(value)):
        number = float(m.group(1).replace(",", "").replace("_", ""))
        unit = m.group(2).lower() if m.group(2) else None
        scaled = number * _SCALE[unit]
        return int(scaled) if math.isfinite(scaled) else MAX_COUNT + 1
    raise ValueError(f"a whole number (e.g. 900000000 or \"900M\"), not {describe(value)}")


def _closest(name: str, choices: list[str]) -> str:
    return hint(name, choices)


def _choice(key: str, value: Any, enum: type[StrEnum]) -> Problem | None:
    allowed = [m.value for m in enum]
    if value is None:
        return None
    if not isinstance(value, str) or value not in allowed:
        shown = value if isinstance(value, str) else repr(value)
        return Problem(key, f"{shown!r} is not one of {' | '.join(allowed)}"
                       + (_closest(value, allowed) if isinstance(value, str) else ""))
    return None


def _taxonomy_list(key: str, value: Any) -> list[Problem]:
    if value is None:
        return []
    if isinstance(value, str):
        value = [value]  # a single id written without brackets is what the user meant
    if not isinstance(value, list):
        return [Problem(key, f"must be a list of restriction ids, not {type(value).__name__}")]
    known = sorted(taxonomy())
    problems = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            problems.append(Problem(f"{key}[{i}]", f"must be a restriction id, not {item!r}"))
        elif item not in known:
            problems.append(Problem(f"{key}[{i}]", f"unknown restriction id {item!r}"
                                    + _closest(item, known)))
    return problems


def validate(data: Any) -> list[Problem]:
    """Every problem of a parsed use-case file (empty when it is valid)."""
    if data is None:
        return [Problem("(file)", "is empty; a use case needs at least "
                        + ", ".join(REQUIRED))]
    if not isinstance(data, Mapping):
        return [Problem("(file)", f"must be a mapping of keys (name, description, ...), not a "
                        f"{type(data).__name__}")]
    problems: list[Problem] = []
    for key in data:
        if str(key) not in FIELDS:
            problems.append(Problem(str(key), "unknown key" + _closest(str(key), list(FIELDS))))
    for key in REQUIRED:
        if data.get(key) is None:
            problems.append(Problem(key, "required key missing"))
    for key in ("name", "description"):
        value = data.get(key)
        if value is not None and (not isinstance(value, str) or not value.strip()):
            problems.append(Problem(key, "must be non-empty text"))
    for key in ("commercial", "outputs_train_other_models"):
        value = data.get(key)
        if value is not None and not isinstance(value, bool):
            problems.append(Problem(key, f"must be true or false, not {value!r}"))
    for key, enum in (("deployment", Deployment), ("modification", Modification)):
        if (p := _choice(key, data.get(key), enum)) is not None:
            problems.append(p)
    for key in ("monthly_active_users", "annual_revenue_usd"):
        try:
            _count(data.get(key))
        except ValueError as exc:
            problems.append(Problem(key, f"must be {exc}" if str(exc).startswith("a ")
                                    else str(exc)))
    model = data.get("model")
    if model is not None and not isinstance(model, str | int | float):
        problems.append(Problem("model", "must be text (the model's name)"))
    for key in ("activities", "excluded_activities"):
        problems.extend(_taxonomy_list(key, data.get(key)))
    problems.extend(_facts(data.get("facts")))
    both = set(_as_list(data.get("activities"))) & set(_as_list(data.get("excluded_activities")))
    for tid in sorted(both):
        problems.append(Problem("excluded_activities", f"{tid!r} is also listed in activities"))
    return problems


_TYPES: dict[str, tuple[type, ...]] = {"bool": (bool,), "number": (int,), "text": (str,)}
_TYPE_WORDS = {"bool": "true or false", "number": "a whole number", "text": "text"}


def _facts(value: Any) -> list[Problem]:
    """`facts:` answers: known names (did-you-mean), values of the fact's type."""
    if value is None:
        return []
    if not isinstance(value, Mapping):
        return [Problem("facts", f"must be a mapping of fact names to answers, not "
                        f"{type(value).__name__}")]
    known = fact_vocabulary()
    problems = []
    for name, answer in value.items():
        key = f"facts.{name}"
        spec = known.get(str(name))
        if spec is None:
            problems.append(Problem(key, "unknown fact" + _closest(str(name), sorted(known))))
            continue
        ok = isinstance(answer, _TYPES[spec.type]) and not (
            spec.type == "number" and (isinstance(answer, bool)
                                       or (isinstance(answer, int) and answer < 0)))
        if not ok:
            problems.append(Problem(key, f"must be {_TYPE_WORDS[spec.type]}, not {answer!r}"))
    return problems


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []
