# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""How widely a license is adopted, as `choose` weighs and cites it: the coarse rank each
candidate carries (data/choose.yaml), the measured figures with their source and date
(data/adoption.yaml, written by `licentia hub adoption` through tools/adoption_figures.py), and
what wide adoption asks of a license's terms."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Protocol

from licentia.catalog.terms import Clause, CopyleftScope
from licentia.datafile import load_yaml

ADOPTION_POINTS = {"very-high": 12, "high": 8, "medium": 4, "low": 0}


@cache
def figures() -> dict[str, Any]:
    raw = (files("licentia.analysis") / "data" / "adoption.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = load_yaml(raw)
    return data


def adoption_notes(key: str) -> list[str]:
    """The measured adoption of a license, each figure with its source and date."""
    out = []
    hub = figures()["hub"]
    h = hub["licenses"].get(key)
    if h is not None:
        out.append(f"Hugging Face Hub tag {h['tag']} is #{h['rank']}: {h['repo_share']:.1%} of "
                   f"{hub['licensed_repos']:,} licensed model repositories and "
                   f"{h['download_share']:.1%} of their downloads ({hub['source']}, "
                   f"{hub['date']})")
    gh = figures()["github"]
    g = gh["licenses"].get(key)
    if g is not None:
        out.append(f"{g['spdx']} is #{g['rank']} among {gh['projects']:,} GitHub projects that "
                   f"use Hub models: {g['share']:.1%} of them ({gh['source']}, {gh['date']})")
    return out


class Terms(Protocol):
    """What adoption weighs in a license's terms (choose's reading of a term sheet)."""

    permissive: bool
    patent: Clause | None
    restrictions: dict[str, Clause]
    non_commercial: Clause | None
    copyleft: CopyleftScope
    share_alike: Clause | None
    osi: bool
    family: str


@dataclass(frozen=True)
class Effect:
    """Points for or against a candidate; `reason` goes to why (> 0) or trade-offs (< 0)."""

    points: int
    reason: str | None = None


def adoption_effects(t: Terms, rank_points: int, high: bool, for_data: bool) -> list[Effect]:
    """What adoption adds to a candidate's score: its terms when wide adoption is a goal, and
    how widely it is used (for data, only data licenses count fully)."""
    points = rank_points if not for_data or t.family == "data" else rank_points // 3
    if not high:
        return [Effect(points // 2)]
    out: list[Effect] = []
    if t.permissive:
        out.append(Effect(15, "permissive: anyone may use, modify and redistribute it with few "
                              "conditions, the lowest barrier to adoption"))
    if t.osi and not for_data:
        out.append(Effect(6, "OSI-approved: passes most companies' open-source policies without "
                             "a legal review"))
    if t.patent is not None and not for_data:
        out.append(Effect(6, "an express patent license is what adopters' counsel look for "
                             "before building on a model or library"))
    if t.restrictions:
        out.append(Effect(-10, "custom use restrictions slow adoption: every adopter must review "
                               "them, and many corporate policies reject non-OSI licenses"))
    if t.non_commercial is not None:
        out.append(Effect(-20, "a non-commercial limit excludes every commercial adopter"))
    if t.copyleft in {CopyleftScope.WORK, CopyleftScope.NETWORK} or t.share_alike:
        out.append(Effect(-10, "strong copyleft keeps companies from embedding it in products "
                               "they do not open"))
    elif t.copyleft in {CopyleftScope.FILE, CopyleftScope.LIBRARY}:
        out.append(Effect(-3, "weak copyleft: changes to the covered files must be shared"))
    out.append(Effect(points))
    return out
