# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Scan findings: one code each, worded by `data/findings.yaml`, and the scan's verdict."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Any

import yaml

from licentia.analysis.findings import Finding, Severity

EXAMPLES_SHOWN = 5


class Verdict(StrEnum):
    OK = "ok"  # every file's license is stated and nothing needs a look
    REVIEW = "review"  # something a person should look at (warnings)
    CONFLICT = "conflict"  # a license is hidden, denied by policy, or parts disagree


@cache
def _wording() -> dict[str, dict[str, str]]:
    text = resources.files("licentia.scan").joinpath("data/findings.yaml").read_text("utf-8")
    data: dict[str, dict[str, str]] = yaml.safe_load(text)
    return data


def examples(paths: Sequence[str]) -> str:
    shown = ", ".join(paths[:EXAMPLES_SHOWN])
    return shown + (f" and {len(paths) - EXAMPLES_SHOWN} more" if len(paths) > EXAMPLES_SHOWN
                    else "")


def finding(code: str, components: Iterable[str] = (), severity: Severity | None = None,
            **values: Any) -> Finding:
    """A finding worded by the data file; `count` and `examples` come from `components` when
    the template asks for them and they are not given."""
    words = _wording()[code]
    comps = tuple(components)
    values.setdefault("count", len(comps))
    values.setdefault("examples", examples(list(comps)))
    message = " ".join(words["message"].format(**values).split())
    return Finding(code, severity or Severity(words["severity"]), message, words["title"], comps)


def verdict(findings: Iterable[Finding]) -> Verdict:
    severities = {f.severity for f in findings}
    if Severity.ERROR in severities:
        return Verdict.CONFLICT
    if Severity.WARNING in severities:
        return Verdict.REVIEW
    return Verdict.OK


def finding_json(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity.value, "title": f.title,
            "message": f.message, "components": list(f.components),
            "evidence": [e.to_json() for e in f.evidence], "actions": list(f.actions)}
