# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Properties of every user-file reader and of license expressions: whatever a file holds, the
reader returns a value or raises one LicentiaError of one line - never another exception."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from licentia.analysis.goals import Goals
from licentia.analysis.manifest import load_manifest
from licentia.analysis.policy import load_policy
from licentia.analysis.usecase import UseCase
from licentia.catalog.template.choices import Choices
from licentia.errors import LicentiaError
from licentia.identify.modelcard import parse_model_card
from licentia.reference import resolve_reference

_SCALARS = (st.none() | st.booleans() | st.integers() | st.integers(min_value=10**30)
            | st.floats() | st.text(max_size=30)
            | st.sampled_from(["no", "yes", "MIT", "900M", "1e400", "military", "saas",
                               "model", "fine-tune", "research", "llama3.1", "a\x00b", ""]))


def _values(keys: list[str]) -> st.SearchStrategy[Any]:
    return st.recursive(_SCALARS, lambda inner: st.lists(inner, max_size=4)
                        | st.dictionaries(st.sampled_from(keys) | st.text(max_size=8), inner,
                                          max_size=5), max_leaves=20)


def _documents(keys: list[str]) -> st.SearchStrategy[Any]:
    return st.dictionaries(st.sampled_from(keys) | st.text(max_size=10), _values(keys),
                           max_size=len(keys) + 2) | _values(keys)


USE_CASE_KEYS = ["name", "description", "commercial", "deployment", "modification",
                 "monthly_active_users", "annual_revenue_usd", "outputs_train_other_models",
                 "activities", "excluded_activities", "model", "facts"]
MANIFEST_KEYS = ["project", "distribution", "commercial", "outbound_license", "components",
                 "id", "kind", "license", "derived_from", "component", "relation",
                 "trained_on", "link", "modified", "name"]
GOALS_KEYS = ["artifact", "adoption", "commercial_use_by_others", "future_commercialization",
              "attribution", "copyleft", "patent_grant", "use_restrictions", "non_commercial",
              "osaid_open", "upstream"]
CHOICES_KEYS = ["holder", "artifacts", "grant", "partner_track", "restrict", "year", "name",
                "governing_law"]
POLICY_KEYS = ["description", "licenses", "restrictions", "findings", "allow", "review",
               "deny"]

READERS: dict[str, tuple[list[str], Callable[[Path], object]]] = {
    "use case": (USE_CASE_KEYS, UseCase.from_file),
    "manifest": (MANIFEST_KEYS, load_manifest),
    "goals": (GOALS_KEYS, Goals.from_file),
    "choices": (CHOICES_KEYS, Choices.from_file),
    "policy": (POLICY_KEYS, load_policy),
}


def _one_line_or_value(read: Callable[[Path], object], data: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.yaml"
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        try:
            read(path)
        except LicentiaError as exc:
            message = str(exc)
            assert "\n" not in message and message.startswith(str(path)), message


_SETTINGS = settings(max_examples=150, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow])


@_SETTINGS
@given(_documents(USE_CASE_KEYS))
def test_use_case_reader(data: Any) -> None:
    _one_line_or_value(UseCase.from_file, data)


@_SETTINGS
@given(_documents(MANIFEST_KEYS))
def test_manifest_reader(data: Any) -> None:
    _one_line_or_value(load_manifest, data)


@_SETTINGS
@given(_documents(GOALS_KEYS))
def test_goals_reader(data: Any) -> None:
    _one_line_or_value(Goals.from_file, data)


@_SETTINGS
@given(_documents(CHOICES_KEYS))
def test_choices_reader(data: Any) -> None:
    _one_line_or_value(Choices.from_file, data)


@_SETTINGS
@given(_documents(POLICY_KEYS))
def test_policy_reader(data: Any) -> None:
    _one_line_or_value(load_policy, data)


@_SETTINGS
@given(_documents(["license", "license_name", "license_link", "tags", "base_model"]))
def test_model_card_front_matter(data: Any) -> None:
    card = parse_model_card("---\n" + yaml.safe_dump(data, allow_unicode=True) + "---\nbody\n")
    assert card is not None
    if card.error is not None:
        assert "\n" not in card.error
    assert all(isinstance(v, str) for v in card.license)


_TOKENS = st.sampled_from(["MIT", "Apache-2.0", "GPL-2.0-only", "GPL-3.0-or-later", "BSD-3-Clause",
                           "Classpath-exception-2.0", "LLVM-exception", "llama3.1", "openrail++",
                           "LicenseRef-scancode-llama-3.1-license-2024", "Zorblax-9", "AND", "OR",
                           "WITH", "and", "or", "with", "(", ")", "+", "./LICENSE", "\x00"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, min_size=1, max_size=12).map(" ".join) | st.text(max_size=60))
def test_any_expression_resolves_or_is_one_line(expression: str) -> None:
    try:
        resolved = resolve_reference(expression, base=Path(tempfile.gettempdir()) / "none")
    except LicentiaError as exc:
        assert "\n" not in str(exc)
        return
    assert resolved.licenses


def test_a_license_where_with_takes_an_exception_is_refused() -> None:
    import pytest

    with pytest.raises(LicentiaError, match="is a license, not a license exception"):
        resolve_reference("MIT WITH GPL-3.0-only")
    with pytest.raises(LicentiaError, match="is a license exception, not a license"):
        resolve_reference("Classpath-exception-2.0 AND MIT")
    assert len(resolve_reference("GPL-2.0-only WITH Classpath-exception-2.0").licenses) == 2
