# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The text of licentia's own RAIL-style license (template licentia-rail-1.0) for a set of choices.

The text is licentia's own, versioned; the version is stated in the document so that
`licentia identify` recognizes a draft and `explain`/`review` reason over exactly what it says.
The template is read only from the package (never overridden): a drafted license is recognized
by regenerating it, so its text must be the released one.
"""

from __future__ import annotations

from licentia.catalog.template.choices import TEMPLATE_ID, Choices, Covered, Grant
from licentia.jinja import package_environment

TEMPLATE_FILE = "rail-1.0.md.j2"
_NAMES = {Covered.MODEL: "the Model", Covered.CODE: "the Code", Covered.DATA: "the Data",
          Covered.APPLICATION: "the Application"}
_PURPOSE = {Grant.RESEARCH: "Research Purposes", Grant.NON_COMMERCIAL: "Non-Commercial Purposes"}


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def render_markdown(choices: Choices) -> str:
    """The drafted license, as Markdown."""
    env = package_environment("licentia.catalog.template", overridable=False)
    return env.get_template(TEMPLATE_FILE).render(
        version=TEMPLATE_ID, holder=choices.holder, year=choices.year, name=choices.name,
        covered=[c.value for c in choices.covered],
        covered_phrase=_join([_NAMES[c] for c in choices.covered]),
        grant=choices.grant.value, purpose=_PURPOSE.get(choices.grant, ""),
        partner_track=choices.partner_track,
        restrictions=choices.restriction_paragraphs,
        governing_law=choices.governing_law,
    )
