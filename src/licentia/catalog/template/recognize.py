# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Find a license drafted from licentia's own template in a text, and read back its choices.

A draft states its template version. This reads back the choices the text states (licensor,
covered materials, grant, partner track, restrictions, governing law) and regenerates the license
from them; identification (`licentia.identify.template`) aligns the two, so a text that only
names the version but says something else shows every departure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from licentia.catalog.template.choices import (
    DEFAULT_GOVERNING_LAW,
    TEMPLATE_ID,
    Choices,
    Covered,
    Grant,
    template_text,
)
from licentia.catalog.template.text import render_markdown
from licentia.jinja import restore_html
from licentia.normalize import words

MATCH_KIND = "template"
# the line that states the version: "**Template:** licentia-rail-1.0, ..." (any markup)
_MARKER = re.compile(r"^[ \t>*_#-]*Template:[ \t*_]*licentia-rail-(\d+(?:\.\d+)*)\b",
                     re.MULTILINE)
_TITLE = re.compile(r"^[ \t#*_]*Responsible AI License \(licentia-rail-", re.MULTILINE)
KNOWN = {"1.0": TEMPLATE_ID}
_FIELD = r"^[ \t>#-]*(?:\*\*)?{label}:(?:\*\*)?[ \t]*(?P<value>.*?)[ \t]*$"
_LICENSOR = re.compile(_FIELD.format(label="Licensor"), re.MULTILINE)
_NAME = re.compile(_FIELD.format(label="Released materials"), re.MULTILINE)
_YEAR = re.compile(r"Copyright\s*(?:\(c\)|©)?\s*(\d{4})", re.IGNORECASE)
_LAW = re.compile(r"governed by the laws of (?P<law>.+?), without regard", re.DOTALL)
_DEFINED_BY = re.compile(r"[\"“]Licensor[\"”] means (?P<holder>.+?), the owner", re.DOTALL)


@dataclass(frozen=True)
class Drafted:
    """A text that states a licentia template version: where the draft begins and what it chose."""

    version: str
    choices: Choices | None  # None when the version is not one this licentia knows
    start: int  # where the drafted license begins in the text (what precedes it is not it)
    region: str  # the text from the license's first line on
    notes: tuple[str, ...] = ()

    @property
    def reference(self) -> str:
        """The license regenerated from the choices the text states ("" for an unknown version)."""
        return render_markdown(self.choices) if self.choices is not None else ""


def _plain(text: str) -> str:
    return " ".join(text.replace("**", "").split())


def _has(hay: str, phrase: str) -> bool:
    return f" {' '.join(words(phrase))} " in hay


def parse_choices(region: str) -> Choices:
    """The choices a drafted text states (best effort: what it does not state takes a default)."""
    region = restore_html(region)  # the Markdown rendering neutralised raw HTML in the values
    flat = _plain(region)
    hay = f" {' '.join(words(region))} "
    holder = ""
    if m := _LICENSOR.search(region):
        holder = m.group("value")
    elif m := _DEFINED_BY.search(flat):
        holder = m.group("holder")
    holder = " ".join(holder.split()) or "[licensor not stated]"
    name_m = _NAME.search(region)
    name = " ".join(name_m.group("value").split()) or None if name_m else None
    year_m = _YEAR.search(region)
    year = int(year_m.group(1)) if year_m else date.today().year
    covered = tuple(c for c in Covered
                    if re.search(rf"[\"“]{c.value.capitalize()}[\"”] means", flat))
    if _has(hay, "solely for Research Purposes"):
        grant = Grant.RESEARCH
    elif _has(hay, "solely for Non-Commercial Purposes"):
        grant = Grant.NON_COMMERCIAL
    else:
        grant = Grant.OPEN
    partner = _has(hay, "The Licensor may allow commercial use of the Licensed Materials")
    attachment = hay[hay.find(" attachment a use restrictions "):] \
        if " attachment a use restrictions " in hay else ""
    # every paragraph opens "You will not use"
    lead = " ".join(words(template_text().restrictions["military"].sentence)[:4])
    # a paragraph counts when its title opens it, or when its sentence is there word for word
    restrictions = tuple(
        tid for tid, r in template_text().restrictions.items()
        if f" {' '.join(words(r.title))} {lead} " in attachment
        or f" {' '.join(words(r.sentence))} " in attachment
    )
    law_m = _LAW.search(flat)
    law = law_m.group("law").strip() if law_m else DEFAULT_GOVERNING_LAW
    return Choices(holder=holder, year=year, covered=covered or (Covered.MODEL,), grant=grant,
                   partner_track=partner and grant is not Grant.OPEN,
                   restrictions=restrictions, name=name, governing_law=law)


def _start(text: str, marker_at: int) -> int:
    """Where the drafted license begins: its title line, else the line stating the version."""
    titles = [m.start() for m in _TITLE.finditer(text, 0, marker_at)]
    at = titles[-1] if titles and text.count("\n", titles[-1], marker_at) <= 8 else marker_at
    return text.rfind("\n", 0, at) + 1


def find_draft(text: str) -> Drafted | None:
    """The licentia template a text was drafted from, or None when it states none."""
    if "licentia-rail-" not in text:
        return None
    marker = _MARKER.search(text)
    if marker is None:
        return None
    start = _start(text, marker.start())
    version = marker.group(1)
    if version not in KNOWN:
        note = (f"the text states licentia template version licentia-rail-{version}, which this "
                f"version of licentia does not know (it knows {', '.join(KNOWN.values())})")
        return Drafted(version, None, len(text), "", (note,))
    region = text[start:]
    return Drafted(version, parse_choices(region), start, region)

