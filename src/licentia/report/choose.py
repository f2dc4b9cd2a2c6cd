# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The human-readable `choose` report: a pure function of the result."""

from __future__ import annotations

from licentia.analysis.choose import Choice
from licentia.report.render import DISCLAIMER


def render_text(choice: Choice, limit: int = 5) -> str:
    lines: list[str] = []
    stated = choice.goals.to_json()
    if stated:
        lines.append("Goals: " + "; ".join(
            f"{k}: {', '.join(v) if isinstance(v, list) else v}" for k, v in stated.items()))
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
    lines.append(DISCLAIMER)
    return "\n".join(lines) + "\n"
