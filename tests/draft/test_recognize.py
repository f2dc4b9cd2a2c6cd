# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The round trip: a drafted license is identified as licentia's template and version (exact or
modified, with the differences), its choices are read back, and its term sheet quotes the draft
itself, so explain and review reason over exactly what it says."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from licentia.analysis.review import review_reference
from licentia.analysis.usecase import UseCase
from licentia.catalog.catalog import Source, catalog
from licentia.catalog.template.choices import TEMPLATE_ID, Choices, Covered, Grant, template_text
from licentia.catalog.template.recognize import MATCH_KIND, parse_choices
from licentia.catalog.template.sheet import build_sheet, generated_sheet
from licentia.catalog.template.text import render_markdown
from licentia.catalog.terms import ClauseKind
from licentia.draft.custom import Format, render
from licentia.identify import Result, identify_text
from licentia.identify.index import Index
from licentia.identify.template import recognize
from licentia.normalize import words
from licentia.reference import resolve_reference

EXAMPLE = Path(__file__).parents[2] / "examples" / "draft" / "vision-foundation-model.yaml"


def vision() -> Choices:
    return Choices.from_file(EXAMPLE)


def contains(text: str, quote: str) -> bool:
    return f" {' '.join(words(quote))} " in f" {' '.join(words(text))} "


GRANTS = [("open", False), ("research", False), ("research", True), ("non-commercial", True)]
RESTRICTIONS = [(), ("military",), ("military", "deepfake-impersonation", "surveillance"),
                ("ai-disclosure", "unsafe-deployment", "output-training")]
COVERED = [("model",), ("code", "data"), ("model", "code", "data", "application")]


@pytest.mark.parametrize(("grant", "restrictions", "covered"), list(itertools.product(
    GRANTS, RESTRICTIONS, COVERED)))
def test_every_choice_is_read_back_exactly(grant: tuple[str, bool], restrictions: tuple[str, ...],
                                           covered: tuple[str, ...]) -> None:
    choices = Choices.build("Acme Research Inc.", covered, grant[0], grant[1], restrictions,
                            year=2025, name="Acme-7B", governing_law="the State of Delaware")
    for fmt in (Format.MD, Format.TXT):
        text = render(choices, fmt)
        assert isinstance(text, str)
        found = recognize(text)
        assert found is not None and found.match is not None
        assert found.choices == choices
        assert found.match.exact and found.match.coverage == 100.0


_NAMES = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1,
                 max_size=40).filter(lambda s: bool(s.strip()))


@settings(max_examples=150, deadline=None)
@example(holder=".", name=None, law=None, restrictions=[])  # a name that is all period
@example(holder="e.", name="s.", law=None, restrictions=[])  # ... or a word's last letter
@given(holder=_NAMES, name=st.none() | _NAMES, law=st.none() | _NAMES,
       restrictions=st.lists(st.sampled_from(sorted(template_text().restrictions)),
                             max_size=4, unique=True))
def test_any_holder_name_and_law_is_read_back(holder: str, name: str | None, law: str | None,
                                              restrictions: list[str]) -> None:
    choices = Choices.build(holder, ["model"], "non-commercial", True, restrictions, year=2024,
                            name=name, governing_law=law)
    text = render_markdown(choices)
    found = recognize(text)
    assert found is not None and found.match is not None
    assert found.choices == choices
    assert found.match.exact, found.match.differences
    build_sheet(choices, text)  # every quoted sentence is found, whatever the names hold


def test_identify_names_the_template_and_its_version(index: Index) -> None:
    text = render_markdown(vision())
    ident = identify_text(text, "LICENSE.md", index=index)
    assert ident.result is Result.EXACT
    assert ident.license is not None and ident.license.key == TEMPLATE_ID
    assert ident.license.source is Source.TEMPLATE
    [m] = ident.matches
    assert m.kind == MATCH_KIND and m.start_line == 1
    assert catalog().lookup("licentia-rail-1.0") == ident.license


def test_a_changed_draft_is_modified_with_the_difference(index: Index) -> None:
    text = render_markdown(vision()).replace(
        "for military purposes, warfare or espionage", "for warfare")
    ident = identify_text(text, index=index)
    assert ident.result is Result.MODIFIED
    assert ident.license is not None and ident.license.key == TEMPLATE_ID
    [diff] = ident.differences
    assert diff.kind.value == "changed" and diff.found == "warfare"
    assert "military purposes" in diff.reference
    assert diff.line == text[: text.index("for warfare")].count("\n") + 1


def test_an_added_clause_is_reported_and_not_taken_for_a_choice(index: Index) -> None:
    text = render_markdown(vision()) + "\n- **Space.** You will not use it in orbit.\n"
    ident = identify_text(text, index=index)
    assert ident.result is Result.MODIFIED
    assert any(d.kind.value == "added" and "orbit" in d.found for d in ident.differences)


def test_text_before_the_draft_is_identified_on_its_own(index: Index) -> None:
    text = "Some words about the release.\n\n" + str(render(vision(), Format.TXT))
    ident = identify_text(text, index=index)
    assert ident.license is not None and ident.license.key == TEMPLATE_ID
    [m] = [m for m in ident.matches if m.kind == MATCH_KIND]
    assert m.start_line == 3 and m.exact


def test_naming_the_template_is_not_being_the_template() -> None:
    assert recognize("This model is under the Responsible AI License (licentia-rail-1.0); see "
                     "LICENSE.md.\nlicense_name: licentia-rail-1.0\n") is None


def test_an_unknown_template_version_is_a_note_not_a_match(index: Index) -> None:
    text = render_markdown(vision()).replace("licentia-rail-1.0", "licentia-rail-9.9")
    found = recognize(text)
    assert found is not None and found.match is None and found.choices is None
    ident = identify_text(text, index=index)
    assert not any(m.kind == MATCH_KIND for m in ident.matches)
    assert any("licentia-rail-9.9" in n for n in ident.notes)


def test_the_sheet_quotes_the_drafted_text_and_lists_exactly_the_choices() -> None:
    choices = vision()
    text = render_markdown(choices)
    sheet = generated_sheet(text)
    assert sheet is not None and sheet == build_sheet(choices)
    for clause in sheet.clauses:
        for ev in clause.evidence:
            assert contains(text, ev.quote), (clause.id, ev.quote)
    restricted = {t for c in sheet.clauses if c.kind is ClauseKind.USE_RESTRICTION
                  for t in c.taxonomy}
    # the chosen restrictions, and the research-only grant's non-commercial limit
    assert restricted == {"military", "deepfake-impersonation", "non-commercial"}
    military = next(c for c in sheet.clauses if "military" in c.taxonomy)
    assert military.flows_down and military.evidence[0].section == "Attachment A (Military use)"
    assert sheet.facts.commercial_use == "no" and not sheet.facts.osaid_any_purpose
    assert any(c.id == "partner-track" for c in sheet.clauses)
    assert any(c.kind is ClauseKind.PATENT and c.value.patent_grant for c in sheet.clauses)
    assert {"trademarks", "reserved-rights", "termination"} <= {c.id for c in sheet.clauses}


def test_an_open_draft_passes_the_osaid_test_only_without_restrictions() -> None:
    free = build_sheet(Choices.build("Acme", ["model"], "open"))
    assert free.facts.osaid_any_purpose and free.facts.commercial_use == "yes"
    assert not any(c.kind is ClauseKind.USE_RESTRICTION for c in free.clauses)
    restricted = build_sheet(Choices.build("Acme", ["model"], "open", False, ["weapons"]))
    assert not restricted.facts.osaid_any_purpose


def test_a_changed_sentence_is_flagged_on_its_clause() -> None:
    text = render_markdown(vision()).replace("for military purposes, warfare or espionage",
                                             "for warfare")
    sheet = generated_sheet(text)
    assert sheet is not None
    military = next(c for c in sheet.clauses if "military" in c.taxonomy)
    assert military.note is not None and "changed" in military.note
    grant = next(c for c in sheet.clauses if c.id == "grant")
    assert grant.note is None


def test_parse_choices_defaults_what_the_text_does_not_say() -> None:
    choices = parse_choices("# Responsible AI License (licentia-rail-1.0)\n")
    assert choices.grant is Grant.OPEN and choices.covered == (Covered.MODEL,)
    assert choices.restrictions == ()


def test_resolve_reference_gives_the_drafted_sheet(tmp_path: Path) -> None:
    path = tmp_path / "LICENSE.md"
    path.write_text(render_markdown(vision()), encoding="utf-8")
    resolved = resolve_reference(str(path))
    assert resolved.license.key == TEMPLATE_ID
    assert resolved.generated_sheet is not None and resolved.sheet is resolved.generated_sheet
    # by id, the template has no packaged sheet: nothing is made up
    assert resolve_reference(TEMPLATE_ID).sheet is None


def _military_use() -> UseCase:
    return UseCase(name="Targeting", description="Battlefield target selection for an army.",
                   commercial=False, activities=("military",))


def test_review_military_use_conflicts_with_a_draft_that_forbids_it(tmp_path: Path) -> None:
    forbids = tmp_path / "forbids.md"
    forbids.write_text(render_markdown(vision()), encoding="utf-8")
    allows = tmp_path / "allows.md"
    allows.write_text(render_markdown(Choices.build(
        "Example Vision Labs", ["model", "code"], "research", True,
        ["deepfake-impersonation"])), encoding="utf-8")
    against = review_reference(str(forbids), _military_use())
    assert against.verdict.value == "conflict"
    [finding] = [f for f in against.findings if f.code == "military"]
    assert finding.status.value == "conflict"
    assert any("military purposes" in e.quote for e in finding.evidence)
    assert any(contains(forbids.read_text(encoding="utf-8"), e.quote)
               for e in finding.evidence)
    other = review_reference(str(allows), _military_use())
    assert other.verdict.value != "conflict"
    assert not any(f.code == "military" and f.status.value == "conflict"
                   for f in other.findings)
