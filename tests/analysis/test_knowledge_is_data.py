# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Knowledge is data: analysis code reasons over the values term sheets record, never over a
clause's id or the wording of its quotes (an id is a name, a quote is evidence)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from licentia.catalog.terms import ClauseKind, all_sheets, fact_vocabulary

SRC = Path(__file__).resolve().parents[2] / "src" / "licentia"
READERS = ("analysis", "hub", "draft", "report")
# a string literal looked for in, or compared with, a clause id; a regex over an id or a quote;
# quote text searched for words
FORBIDDEN = [
    (re.compile(r"\"[^\"\n]*\"\s+(?:not\s+)?in\s+\w+\.id\b"), "a word looked for in a clause id"),
    (re.compile(r"\b(?:c|clause|x|t)\.id\s*(?:==|!=)\s*\""), "a clause id compared with a name"),
    (re.compile(r"re\.\w+\([^\n]*(?:\.id\b|\bquotes?\(|\.quote\b)"),
     "a regular expression over a clause id or quote"),
    (re.compile(r"\"[^\"\n]*\"\s+in\s+(?:\w+\.quote|quotes\()"), "a word looked for in a quote"),
]


def _sources() -> list[Path]:
    return sorted(p for d in READERS for p in (SRC / d).rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(SRC)))
def test_no_meaning_read_from_ids_or_quotes(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    found = [f"{path.relative_to(SRC)}:{text.count(chr(10), 0, m.start()) + 1}: {why}: "
             f"{m.group(0)!r}" for rx, why in FORBIDDEN for m in rx.finditer(text)]
    assert not found, "\n".join(found)


def test_the_guard_catches_what_it_forbids() -> None:
    bad = ['if "notice" in c.id:', 'x = clause.id == "partner-track"',
           'm = re.search(r"each contributor", quotes(c))', 'if "retain" in ev.quote:']
    for line in bad:
        assert any(rx.search(line) for rx, _ in FORBIDDEN), line


def test_every_litigation_termination_says_what_triggers_it_and_what_it_ends() -> None:
    for key, sheet in all_sheets().items():
        for c in sheet.clauses:
            if c.value.patent_termination_on_litigation:
                assert c.value.litigation_trigger and c.value.litigation_terminates, (key, c.id)


def test_every_duty_condition_says_what_kind_of_duty_it_is() -> None:
    """A condition whose id names a notice, attribution, source or flow-down duty records it as a
    value, so review and check find it without reading the id."""
    from licentia.analysis.review.attribution import attribution_code

    for key, sheet in all_sheets().items():
        for c in sheet.clauses:
            if c.kind is ClauseKind.CONDITION and re.search(
                    r"notice|attribution|copy-of|license-copy|source-code", c.id):
                assert attribution_code(c) is not None, (key, c.id)


def test_notice_duties_are_settled_by_a_named_fact() -> None:
    settles = {d for spec in fact_vocabulary().values() for d in spec.settles}
    assert {"retain_notices", "license_copy", "notice_file"} <= settles
