# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The small Markdown subset drafted documents are written in: headings, paragraphs, list items.

One reader for every use: plain-text output, DOCX output, and finding the sentences a term sheet
quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^[-*]\s+(.*)$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
# a sentence ends at a period (or ; :) followed by white space and a capital, quote or bracket
_SENTENCE_END = re.compile(r"(?<=[.])\s+(?=[A-Z\"“(\[])")


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str  # inline Markdown, the block's lines joined by single spaces
    line: int  # 1-based line of the block's first line
    level: int = 0  # heading level

    @property
    def plain(self) -> str:
        return strip_inline(self.text)

    @property
    def lead(self) -> str | None:
        """The bold run-in title of a list item ("**Military use.** ..."), without its period."""
        m = re.match(r"\*\*(.+?)\.?\*\*\s", self.text)
        return m.group(1).rstrip(".") if m else None

    @property
    def body(self) -> str:
        """The plain text after a run-in title (the whole plain text when there is none)."""
        m = re.match(r"\*\*(.+?)\*\*\s+", self.text)
        return strip_inline(self.text[m.end():]) if m else self.plain


def strip_inline(text: str) -> str:
    return _BOLD.sub(r"\1", text)


def parse(markdown: str) -> list[Block]:
    """The blocks of a Markdown text (lines of one paragraph joined)."""
    blocks: list[Block] = []
    para: list[str] = []
    para_line = 0

    def flush() -> None:
        nonlocal para
        if para:
            blocks.append(Block(BlockKind.PARAGRAPH, " ".join(para), para_line))
            para = []

    for n, raw in enumerate(markdown.splitlines(), start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if m := _HEADING.match(line):
            flush()
            blocks.append(Block(BlockKind.HEADING, m.group(2).strip(), n, len(m.group(1))))
        elif m := _ITEM.match(line):
            flush()
            blocks.append(Block(BlockKind.ITEM, m.group(1).strip(), n))
        else:
            if not para:
                para_line = n
            para.append(line)
    flush()
    return blocks


def to_text(markdown: str) -> str:
    """The same words without Markdown markup (headings, bold), line by line."""
    out = []
    for raw in markdown.splitlines():
        m = _HEADING.match(raw.strip())
        line = m.group(2) if m else raw
        out.append(strip_inline(line))
    return "\n".join(out) + ("\n" if markdown.endswith("\n") else "")


def sentences(text: str, protect: tuple[str, ...] = ()) -> list[str]:
    """The sentences of a plain-text block; `protect` are names whose periods end nothing."""
    guarded = text
    keys: dict[str, str] = {}
    for n, name in enumerate(p for p in protect if p and "." in p):
        key = f"\x00{n}\x00"
        keys[key] = name
        # Only the name standing on its own: a name "e." must not swallow the end of "License."
        guarded = re.sub(rf"(?<!\w){re.escape(name)}(?!\w)", key, guarded)
    parts = _SENTENCE_END.split(guarded)
    out = []
    for part in parts:
        for key, name in keys.items():
            part = part.replace(key, name)
        if part.strip():
            out.append(part.strip())
    return out
