# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The human-readable `choose` report: a pure function of the result."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from licentia.analysis.choose import Choice
from licentia.catalog.terms import sheet_for
from licentia.report.provenance import Provenance, provenance
from licentia.report.render import DISCLAIMER
from licentia.report.words import pairs


def choose_provenance(choice: Choice, goals_file: Path | None = None,
                      limit: int | None = None) -> Provenance:
    """What the recommendation rests on: the goals file and the term sheets of the licenses
    shown."""
    shown = choice.recommendations[:limit] if limit is not None else choice.recommendations
    return provenance([goals_file], [sheet_for(r.key) for r in shown])


def to_json(choice: Choice, limit: int | None = None,
            goals_file: Path | None = None) -> dict[str, Any]:
    """The `choose --json` document: the contract's keys, plus provenance."""
    data = choice.to_json(limit)
    data["provenance"] = choose_provenance(choice, goals_file, limit).to_json()
    return data


def render_text(choice: Choice, limit: int = 5, goals_file: Path | None = None) -> str:
    lines: list[str] = []
    stated = choice.goals.to_json()
    if stated:
        lines.append("Goals: " + pairs(stated.items()))
    else:
        lines.append("Goals: none stated (every license is weighed on its own merits)")
    if choice.unmet_goals:
        lines.append("")
        lines.append("Goals that cannot all be met:")
        for u in choice.unmet_goals:
            lines.append(f"  ! {' + '.join(u.goals)}: {u.reason}")
    lines.append("")
    lines.append("Recommendations (best first):")
    for n, rec in enumerate(choice.recommendations[:limit], start=1):
        lines.append("")
        misses = f"  [misses: {', '.join(rec.unmet)}]" if rec.unmet else ""
        lines.append(f"{n}. {rec.name} ({rec.key})  score {rec.score}{misses}")
        for reason in rec.why:
            lines.append(f"   + {reason}")
        for cost in rec.tradeoffs:
            lines.append(f"   - {cost}")
        for other in rec.incompatible_with:
            lines.append(f"   x incompatible with {other}")
        if rec.draft:
            lines.append(f"   draft it: {rec.draft}")
    rest = len(choice.recommendations) - limit
    if rest > 0:
        lines.append("")
        lines.append(f"({rest} more candidates ranked lower; --all lists them)")
    lines.append("")
    lines += choose_provenance(choice, goals_file, limit).lines()
    lines.append(DISCLAIMER)
    return "\n".join(lines) + "\n"
