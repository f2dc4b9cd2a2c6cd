# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Draft licentia's own RAIL-style license (template licentia-rail-1.0) from a licensor's choices.

The text is licentia's own, versioned; the version is stated in the document so that
`licentia identify` recognizes a draft and `explain`/`review` reason over exactly what it says.
"""

from __future__ import annotations

import io
from enum import StrEnum

from licentia.draft import blocks
from licentia.draft.choices import TEMPLATE_ID, Choices, Covered, Grant
from licentia.draft.env import license_environment

TEMPLATE_FILE = "rail-1.0.md.j2"
_NAMES = {Covered.MODEL: "the Model", Covered.CODE: "the Code", Covered.DATA: "the Data",
          Covered.APPLICATION: "the Application"}
_PURPOSE = {Grant.RESEARCH: "Research Purposes", Grant.NON_COMMERCIAL: "Non-Commercial Purposes"}


class Format(StrEnum):
    MD = "md"
    TXT = "txt"
    DOCX = "docx"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def render_markdown(choices: Choices) -> str:
    """The drafted license, as Markdown."""
    template = license_environment().get_template(TEMPLATE_FILE)
    return template.render(
        version=TEMPLATE_ID, holder=choices.holder, year=choices.year, name=choices.name,
        covered=[c.value for c in choices.covered],
        covered_phrase=_join([_NAMES[c] for c in choices.covered]),
        grant=choices.grant.value, purpose=_PURPOSE.get(choices.grant, ""),
        partner_track=choices.partner_track,
        restrictions=choices.restriction_paragraphs,
        governing_law=choices.governing_law,
    )


def render(choices: Choices, fmt: Format = Format.MD) -> str | bytes:
    """The drafted license in a format: Markdown or plain text (str), or DOCX (bytes)."""
    markdown = render_markdown(choices)
    if fmt is Format.MD:
        return markdown
    if fmt is Format.TXT:
        return blocks.to_text(markdown)
    return to_docx(markdown, title=f"Responsible AI License ({TEMPLATE_ID})",
                   subject=TEMPLATE_ID, author=choices.holder)


def to_docx(markdown: str, title: str, subject: str = "", author: str = "") -> bytes:
    """A DOCX document of a Markdown text (headings, paragraphs, bulleted items, bold runs)."""
    from docx import Document  # python-docx, imported here: only DOCX output needs it

    doc = Document()
    props = doc.core_properties
    props.title, props.subject, props.author = title, subject, author
    props.keywords = subject
    for block in blocks.parse(markdown):
        if block.kind is blocks.BlockKind.HEADING:
            doc.add_heading(blocks.strip_inline(block.text), level=max(0, block.level - 1))
            continue
        style = "List Bullet" if block.kind is blocks.BlockKind.ITEM else None
        para = doc.add_paragraph(style=style)
        # bold runs as bold, the rest as plain runs
        rest = block.text
        while "**" in rest:
            before, _, tail = rest.partition("**")
            bold, sep, after = tail.partition("**")
            if not sep:
                break
            if before:
                para.add_run(before)
            para.add_run(bold).bold = True
            rest = after
        if rest:
            para.add_run(rest)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
