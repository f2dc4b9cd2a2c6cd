# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia's Python API: the calls behind the `licentia` command, returning typed results.

Each function takes what the command takes — a license reference (an SPDX id or expression, a
LicenseDB key, a Hugging Face tag, or a path to a license text or model card), a file path, or
the file's content as a mapping — and returns a frozen dataclass. Nothing prints, prompts or
exits: a problem with an input raises `licentia.LicentiaError` (its subclass `InputError` for
a user's file) with a one-line message naming the file and the problem.

Examples:
    >>> import licentia
    >>> licentia.identify_text("Licensed under the Apache License, Version 2.0").license_keys
    ('apache-2.0',)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml

from licentia.analysis.check import check as _check
from licentia.analysis.check.model import Check
from licentia.analysis.choose import Choice
from licentia.analysis.choose import choose as _choose
from licentia.analysis.goals import Goals
from licentia.analysis.manifest import Manifest, load_manifest, parse_manifest
from licentia.analysis.policy import Policy, load_policy
from licentia.analysis.review import Review, review_reference
from licentia.analysis.usecase import UseCase
from licentia.catalog.explain import Explanation
from licentia.catalog.template.choices import Choices
from licentia.draft.custom import Format, render
from licentia.errors import InputError
from licentia.identify import Identification, identify_file
from licentia.identify import identify_text as _identify_text
from licentia.reference import resolve_reference
from licentia.scan import scan as _scan
from licentia.scan.result import Scan

PathLike = str | os.PathLike[str]

__all__ = [
    "Check",
    "Choice",
    "Choices",
    "Explanation",
    "Goals",
    "Identification",
    "Manifest",
    "Review",
    "Scan",
    "UseCase",
    "check",
    "choose",
    "draft",
    "explain",
    "identify",
    "identify_text",
    "review",
    "scan",
]


def identify(path: PathLike) -> Identification:
    """Identify every license in a file: a license text, a model card (its declared license
    and the license file it links), a source file with license notices, or a DOCX.

    The result says how the text matches (`result`: exact, modified, partial, multiple, none,
    not-text), which license (`license`), with what `coverage` and `confidence`, every match
    and every difference from the reference text.
    """
    return identify_file(Path(path))


def identify_text(text: str, name: str = "<text>") -> Identification:
    """Identify every license in `text` (`name` is how the result refers to it)."""
    return _identify_text(text, name)


def explain(ref: PathLike) -> Explanation:
    """A license's terms: its catalog entry (`license`) and licentia's term sheet (`sheet`,
    None when licentia has none), every clause with its verbatim quote and section.

    Examples:
        >>> terms = explain("llama3.1")
        >>> terms.license.key
        'llama-3.1-license-2024'
        >>> [c.value.mau_threshold for c in terms.sheet.clauses if c.value.mau_threshold]
        [700000000]
    """
    resolved = resolve_reference(str(ref))
    if len(resolved.licenses) > 1:
        raise InputError(f"names {len(resolved.licenses)} licenses; explain one at a time",
                         path=str(ref))
    return Explanation(resolved.license, resolved.sheet)


def review(ref: PathLike, use_case: UseCase | Mapping[str, Any] | PathLike) -> Review:
    """Review one license against one intended use: verify, restrictions, attribution, patent,
    escalate. `use_case` is a use-case file, its content as a mapping, or a `UseCase`.

    Examples:
        >>> result = review("llama3.1", {"name": "Face swap", "commercial": True,
        ...     "description": "An app that swaps faces of real people without consent."})
        >>> result.verdict.value
        'conflict'
    """
    return review_reference(str(ref), _use_case(use_case))


def check(manifest: Manifest | Mapping[str, Any] | PathLike,
          policy: Policy | PathLike | None = None) -> Check:
    """Check a combination of components (a manifest file, its content as a mapping, or a
    `Manifest`): conflicts, obligations and the outbound licenses allowed; with `policy`, also
    the allow / review / deny lists of an organisation. `Check.blocking` is what makes the
    command exit 1.

    Examples:
        >>> result = check({"project": "demo", "distribution": "distributed", "commercial": True,
        ...     "outbound_license": "MIT", "components": [
        ...         {"id": "lib", "kind": "code", "license": "GPL-3.0-only", "link": "static"}]})
        >>> result.verdict.value
        'conflict'
    """
    if isinstance(manifest, Mapping):  # read as a manifest file is, so problems name its keys
        manifest = parse_manifest(yaml.safe_dump(dict(manifest), sort_keys=False), "<manifest>")
    elif not isinstance(manifest, Manifest):
        manifest = load_manifest(Path(manifest))
    if policy is not None and not isinstance(policy, Policy):
        policy = load_policy(Path(policy))
    return _check(manifest, policy)


def choose(goals: Goals | Mapping[str, Any] | PathLike | None = None) -> Choice:
    """Recommend a license for a release: ranked `recommendations` with why, trade-offs and
    incompatibilities, and the `unmet_goals` no candidate meets together.

    Examples:
        >>> best = choose({"artifact": "code", "copyleft": "none", "patent_grant": True})
        >>> best.recommendations[0].key
        'apache-2.0'
    """
    return _choose(_goals(goals))


def draft(choices: Choices | Mapping[str, Any] | PathLike,
          format: Literal["md", "txt", "docx"] = "md") -> str | bytes:
    """A license drafted from licentia's own template (licentia-rail-1.0): Markdown or plain
    text (str), or DOCX (bytes). `choices` is a choices file, its content as a mapping (the keys
    of `licentia draft custom --choices`), or `Choices`.

    Examples:
        >>> text = draft({"holder": "Acme", "artifacts": ["model"], "grant": "research"})
        >>> text.splitlines()[0]
        '# Responsible AI License (licentia-rail-1.0)'
    """
    return render(_choices(choices), Format(format))


def scan(target: PathLike, policy: Policy | PathLike | None = None, jobs: int = 1) -> Scan:
    """Scan a repository, a model folder, a Hugging Face snapshot folder or a model id in the
    local Hugging Face cache: every file's license evidence (texts, headers, SPDX tags, REUSE
    annotations, package manifests), a model's card and weights read as one unit, and one
    `verdict`; with `policy`, the organisation's allow / review / deny lists too.

    Examples:
        >>> result = scan("LICENSES")
        >>> result.verdict.value, result.tree.licenses()
        ('ok', {'apache-2.0': ['Apache-2.0.txt'], 'bsd-zero': ['0BSD.txt']})
    """
    if policy is not None and not isinstance(policy, Policy):
        policy = load_policy(Path(policy))
    return _scan(Path(target), jobs=jobs, policy=policy)


def _use_case(value: UseCase | Mapping[str, Any] | PathLike) -> UseCase:
    if isinstance(value, UseCase):
        return value
    if isinstance(value, Mapping):
        return UseCase.from_mapping(dict(value))
    return UseCase.from_file(Path(value))


def _goals(value: Goals | Mapping[str, Any] | PathLike | None) -> Goals:
    if value is None:
        return Goals.from_mapping({})
    if isinstance(value, Goals):
        return value
    if isinstance(value, Mapping):
        return Goals.from_mapping(dict(value))
    return Goals.from_file(Path(value))


def _choices(value: Choices | Mapping[str, Any] | PathLike) -> Choices:
    if isinstance(value, Choices):
        return value
    if isinstance(value, Mapping):
        return Choices.from_mapping(dict(value), "<choices>")
    return Choices.from_file(Path(value))
