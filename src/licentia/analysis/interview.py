# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The interview behind `licentia choose`: it asks only what still changes the ranking
(`next_question`), and turns an answer into goals (`answer`)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from licentia.analysis.choose import choose
from licentia.analysis.goals import Adoption, ArtifactGoal, CopyleftGoal, Goals
from licentia.catalog.catalog import Family, catalog
from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.template.choices import Choices
from licentia.errors import InputError


@dataclass(frozen=True)
class Question:
    """One question of the interview; `options` are (answer, explanation)."""

    key: str
    text: str
    options: tuple[tuple[str, str], ...]
    help: str
    kind: str = "choice"  # choice | yes-no | list
    always: bool = False  # ask whatever the ranking (it cannot be simulated)
    probe: tuple[Any, ...] = field(default=())  # answers simulated to see if it matters


QUESTIONS: tuple[Question, ...] = (
    Question("artifact", "What are you releasing?",
             (("code", "source code"), ("weights", "model weights"), ("data", "a dataset"),
              ("mixed", "several of these together")),
             "Licenses are written for software, for models or for data; the fit matters.",
             probe=(ArtifactGoal.CODE, ArtifactGoal.WEIGHTS, ArtifactGoal.DATA)),
    Question("upstream", "Which licenses does the release build on (base model, datasets, code)?",
             (), "License references separated by commas (e.g. llama3.1, CC-BY-SA-4.0); "
             "empty for none. Upstream terms may decide the license for you.",
             kind="list", always=True),
    Question("non_commercial", "Should the release be for non-commercial use only?",
             (("yes", ""), ("no", "")), "Non-commercial licenses exclude every commercial user.",
             kind="yes-no", probe=(True, False)),
    Question("commercial_use_by_others", "May others use it commercially?",
             (("yes", ""), ("no", "")), "Whether companies may build products on it.",
             kind="yes-no", probe=(True, False)),
    Question("use_restrictions", "Which uses must the license forbid (taxonomy ids)?",
             (), "Ids separated by commas (e.g. military, deepfake-impersonation); empty for "
             "none. Use restrictions make a RAIL-style license.", kind="list", always=True),
    Question("future_commercialization", "Do you want to keep the option to commercialize "
             "later (dual licensing, open core, partners)?", (("yes", ""), ("no", "")),
             "Some licenses leave room for a paid track; others give everything away.",
             kind="yes-no", probe=(True, False)),
    Question("adoption", "How much does wide adoption matter?",
             (("high", "as many users as possible"), ("normal", "not the main goal")),
             "High adoption favours permissive, OSI-approved licenses.",
             probe=(Adoption.HIGH, Adoption.NORMAL)),
    Question("osaid_open", "Must the release pass the OSI Open Source AI Definition?",
             (("yes", ""), ("no", "")), "The OSAID requires the freedom to use for any purpose.",
             kind="yes-no", probe=(True, False)),
    Question("copyleft", "Must derivatives stay open (copyleft)?",
             (("none", "no"), ("weak", "changed files only"), ("strong", "the whole work"),
              ("network", "also when offered as a service")),
             "Copyleft keeps derivatives open but deters some adopters.",
             probe=(CopyleftGoal.NONE, CopyleftGoal.WEAK, CopyleftGoal.STRONG)),
    Question("patent_grant", "Do you want an express patent license?", (("yes", ""), ("no", "")),
             "An express grant reassures adopters; it licenses your patents for this work.",
             kind="yes-no", probe=(True, False)),
    Question("attribution", "Must users credit you?", (("yes", ""), ("no", "")),
             "Most licenses require keeping notices; a few (CC0, 0BSD) do not.",
             kind="yes-no", probe=(True, False)),
)


def valid_answers(question: Question) -> tuple[str, ...]:
    """Every answer `question` takes, for an interview's `?`: its options, the taxonomy ids of
    the use restrictions, or (for upstream licenses) the AI licenses of the catalog — any other
    license reference is taken too."""
    if question.options:
        return tuple(value for value, _ in question.options)
    if question.key == "use_restrictions":
        return tuple(sorted(taxonomy()))
    if question.key == "upstream":
        return tuple(sorted({*(t for t, tag in catalog().hf_tags.items() if tag.key),
                             *(lic.key for lic in catalog().list(Family.AI))}))
    return ()


def _implied(goals: Goals, key: str) -> bool:
    """Questions earlier answers already settle."""
    if key == "commercial_use_by_others":
        return goals.non_commercial is not None
    if key == "non_commercial":
        return goals.commercial_use_by_others is True
    if key == "osaid_open":
        return bool(goals.use_restrictions) or bool(goals.non_commercial)
    if key == "patent_grant":
        return goals.artifact is ArtifactGoal.DATA
    return False


def _top(goals: Goals, n: int = 3) -> tuple[tuple[str, Choices | None], ...]:
    """The top of the ranking, with what a drafted license would choose (a partner track...)."""
    return tuple((r.key, r.template) for r in choose(goals).recommendations[:n])


def next_question(goals: Goals, asked: Iterable[str] = ()) -> Question | None:
    """The next question whose answer can still change the top of the ranking."""
    done = set(asked) | set(goals.stated())
    for q in QUESTIONS:
        if q.key in done or _implied(goals, q.key):
            continue
        if q.always:
            return q
        outcomes = {_top(goals.with_answer(q.key, value)) for value in q.probe}
        if len(outcomes) > 1:
            return q
    return None


def answer(goals: Goals, question: Question, raw: str) -> Goals:
    """Goals with the answer to `question`; InputError for an answer it cannot take."""
    text = raw.strip()
    if not text:
        return goals
    if question.kind == "yes-no":
        value: Any = {"yes": True, "y": True, "no": False, "n": False}.get(text.lower())
        if value is None:
            raise InputError(f"{question.key}: answer yes or no")
        return Goals.from_mapping({**goals.to_json(), question.key: value})
    if question.kind == "list":
        items = [i.strip() for i in text.split(",") if i.strip()]
        return Goals.from_mapping({**goals.to_json(), question.key: items})
    return Goals.from_mapping({**goals.to_json(), question.key: text})
