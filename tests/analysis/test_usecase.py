# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Use-case files: every problem named by the user's own key and file, in one run."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from licentia.analysis.usecase import Deployment, Modification, UseCase, validate
from licentia.errors import InputError

GOOD = {"name": "Bot", "description": "A support chatbot for our customers.",
        "commercial": True}


def test_minimal_and_full() -> None:
    uc = UseCase.from_mapping(GOOD)
    assert uc.deployment is None and uc.modification is None and uc.serves_others is None
    full = UseCase.from_mapping({**GOOD, "deployment": "on-device", "modification": "adapter",
                                 "monthly_active_users": "2.5 million",
                                 "annual_revenue_usd": "900k",
                                 "outputs_train_other_models": False,
                                 "activities": "medical-advice",
                                 "excluded_activities": ["military"], "model": "acme/x"})
    assert full.deployment is Deployment.ON_DEVICE and full.ships_copies
    assert full.modification is Modification.ADAPTER and full.modifies
    assert full.monthly_active_users == 2_500_000 and full.annual_revenue_usd == 900_000
    assert full.activities == ("medical-advice",)


def test_every_problem_named_by_key() -> None:
    problems = {p.key: p.message for p in validate(
        {"name": "", "comercial": True, "deployment": "cloud", "monthly_active_users": -5,
         "activities": ["militery", 3], "outputs_train_other_models": "yes"})}
    assert "did you mean 'commercial'" in problems["comercial"]
    assert problems["description"] == "required key missing"
    assert problems["commercial"] == "required key missing"
    assert problems["name"] == "must be non-empty text"
    assert "internal | saas | distributed | on-device" in problems["deployment"]
    assert "negative" in problems["monthly_active_users"]
    assert "did you mean 'military'" in problems["activities[0]"]
    assert "activities[1]" in problems
    assert "true or false" in problems["outputs_train_other_models"]


def test_contradictory_activities() -> None:
    [p] = validate({**GOOD, "activities": ["military"], "excluded_activities": ["military"]})
    assert p.key == "excluded_activities"


def test_one_line_error_names_file_and_key(tmp_path: Path) -> None:
    path = tmp_path / "uc.yaml"
    path.write_text("name: x\ndescription: y\ncommercial: true\nmonthly_users: 5\n",
                    encoding="utf-8")
    with pytest.raises(InputError) as exc:
        UseCase.from_file(path)
    message = str(exc.value)
    assert message.startswith(f"{path}: monthly_users: unknown key")
    assert "monthly_active_users" in message and "\n" not in message


@pytest.mark.parametrize(("content", "expected"), [
    (None, "no such use-case file"),
    ("name: [unclosed\n", "not valid YAML (line"),
    ("- a\n- b\n", "must be a mapping"),
    ("", "is empty"),
])
def test_unreadable_files(tmp_path: Path, content: str | None, expected: str) -> None:
    path = tmp_path / "uc.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=expected.replace("(", r"\(")) as exc:
        UseCase.from_file(path)
    assert str(path) in str(exc.value)


def test_a_directory_is_not_a_use_case(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory"):
        UseCase.from_file(tmp_path)


@given(st.dictionaries(st.text(max_size=12),
                       st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20),
                                 st.lists(st.text(max_size=10), max_size=3)), max_size=6))
def test_validation_never_crashes(data: dict[str, object]) -> None:
    problems = validate(data)
    if not problems:
        UseCase.from_mapping(data)
    else:
        with pytest.raises(InputError):
            UseCase.from_mapping(data)


def test_facts_answers_are_checked_by_name_and_type() -> None:
    base = {"name": "x", "description": "a chatbot", "commercial": True}
    uc = UseCase.from_mapping({**base, "facts": {"human_review": False,
                                                 "monthly_active_users": 1200,
                                                 "derivative_name": "Llama-Foo"}})
    assert uc.facts == {"human_review": False, "monthly_active_users": 1200,
                        "derivative_name": "Llama-Foo"}
    problems = {p.key: p.message for p in validate({**base, "facts": {
        "human_reviews": True, "licensee_in_eu": "yes", "annual_revenue_usd": -5,
        "derivative_name": 3}})}
    assert "did you mean 'human_review'" in problems["facts.human_reviews"]
    assert "true or false" in problems["facts.licensee_in_eu"]
    assert "whole number" in problems["facts.annual_revenue_usd"]
    assert "text" in problems["facts.derivative_name"]
    assert "mapping" in validate({**base, "facts": ["human_review"]})[0].message
