# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Write licentia's own RAIL-style license (template licentia-rail-1.0) in a format: Markdown,
plain text or DOCX. The text itself is the catalog's (`licentia.catalog.template`)."""

from __future__ import annotations

import io
from enum import StrEnum

from licentia.catalog.template import blocks
from licentia.catalog.template.choices import TEMPLATE_ID, Choices
from licentia.catalog.template.text import render_markdown


class Format(StrEnum):
    MD = "md"
    TXT = "txt"
    DOCX = "docx"


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
