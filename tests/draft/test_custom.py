# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""draft custom: licentia's own template text, the choices it takes (and refuses), its formats,
and that it copies no sentence of any license it sits beside."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document

from licentia.catalog.licensedb import iter_license_files, split_front_matter
from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.template import blocks
from licentia.catalog.template.choices import TEMPLATE_ID, Choices, Covered, Grant, template_text
from licentia.catalog.template.text import render_markdown
from licentia.draft.custom import Format, render
from licentia.errors import InputError
from licentia.normalize import words

EXAMPLE = Path(__file__).parents[2] / "examples" / "draft" / "vision-foundation-model.yaml"


def vision() -> Choices:
    return Choices.build("Example Vision Labs", ["model", "code"], "research", True,
                         ["military", "deepfake-impersonation"], year=2026)


def test_the_seed_choices_file_gives_the_seed_choices() -> None:
    choices = Choices.from_file(EXAMPLE)
    assert choices.grant is Grant.RESEARCH and choices.partner_track
    assert choices.covered == (Covered.MODEL, Covered.CODE)
    assert choices.restrictions == ("military", "deepfake-impersonation")
    assert choices.name == "Example Vision Foundation Model"


def test_the_document_states_the_template_version_and_the_choices() -> None:
    text = render_markdown(vision())
    assert f"# Responsible AI License ({TEMPLATE_ID})" in text
    assert f"**Template:** {TEMPLATE_ID}" in text
    assert "**Licensor:** Example Vision Labs" in text
    assert "solely for Research Purposes" in text
    assert "commercial partners" in text
    assert "**Military use.** You will not use" in text
    assert "**Deepfakes and impersonation.**" in text
    assert "**Surveillance.**" not in text
    # IP protection and the governing-law placeholder are always there
    for phrase in ("grants no right to use the names, trademarks", "keeps every right",
                   "every right it grants You ends automatically",
                   "[jurisdiction to be completed by the Licensor]"):
        assert phrase in text


def test_every_taxonomy_id_has_a_paragraph_or_a_reason() -> None:
    text = template_text()
    assert set(text.restrictions) | set(text.not_restrictions) == set(taxonomy())
    titles = [r.title for r in text.restrictions.values()]
    assert len(set(titles)) == len(titles)


def test_an_open_grant_without_restrictions_has_no_attachment() -> None:
    text = render_markdown(Choices.build("Acme", ["code"], "open"))
    assert "Attachment A" not in text
    assert "including commercial purposes" in text
    assert "sets no use-based restrictions" in text


def test_bad_choices_are_all_reported_with_the_closest_id() -> None:
    with pytest.raises(InputError) as exc:
        Choices.build("", ["modle"], "opne", False, ["militray", "deepfake"])
    message = str(exc.value)
    assert "holder:" in message
    assert "'modle' (did you mean 'model'?)" in message
    assert "'opne' (did you mean 'open'?)" in message
    assert "'militray' (did you mean 'military'?)" in message
    assert "'deepfake' (did you mean 'deepfake-impersonation'?)" in message


def test_a_partner_track_needs_a_grant_that_excludes_commercial_use() -> None:
    with pytest.raises(InputError, match="partner-track"):
        Choices.build("Acme", ["model"], "open", True)


def test_grant_limits_are_not_restrictions() -> None:
    with pytest.raises(InputError, match="--grant research or --grant non-commercial"):
        Choices.build("Acme", ["model"], "open", False, ["non-commercial"])


def test_txt_has_the_same_words_without_markup() -> None:
    md = render(vision(), Format.MD)
    txt = render(vision(), Format.TXT)
    assert isinstance(md, str) and isinstance(txt, str)
    assert "**" not in txt and "\n#" not in txt
    assert words(md) == words(txt)


def test_docx_opens_with_python_docx() -> None:
    data = render(vision(), Format.DOCX)
    assert isinstance(data, bytes)
    doc = Document(io.BytesIO(data))
    texts = [p.text for p in doc.paragraphs]
    assert texts[0] == f"Responsible AI License ({TEMPLATE_ID})"
    assert any(t.startswith("Military use. You will not use") for t in texts)
    assert doc.core_properties.subject == TEMPLATE_ID
    bold = [r.text for p in doc.paragraphs for r in p.runs if r.bold]
    assert "Military use." in bold


def test_blocks_and_sentences() -> None:
    parsed = blocks.parse("# T\n\nOne. Two.\nThree.\n\n- **A.** Item one.\n")
    assert [b.kind.value for b in parsed] == ["heading", "paragraph", "item"]
    assert blocks.sentences(parsed[1].plain) == ["One.", "Two.", "Three."]
    assert parsed[2].lead == "A" and parsed[2].body == "Item one."
    assert blocks.sentences("Uses J. Smith Labs. Done.", ("J. Smith Labs",)) == \
        ["Uses J. Smith Labs.", "Done."]


WINDOW = 12  # words in a row: longer than any stock legal phrase the texts share


def test_the_template_copies_no_sentence_of_any_license_in_the_licensedb() -> None:
    every = Choices.build("Acme", [c.value for c in Covered], "research", True,
                          list(template_text().restrictions))
    ours = words(render_markdown(every)) + words(render_markdown(
        Choices.build("Acme", ["model"], "non-commercial", False)))
    ours += words(render_markdown(Choices.build("Acme", ["model"], "open")))
    mine = {" ".join(ours[i : i + WINDOW]) for i in range(len(ours) - WINDOW + 1)}
    copied = {}
    for name, raw in iter_license_files():
        theirs = words(split_front_matter(raw, name)[1])
        shared = mine & {" ".join(theirs[i : i + WINDOW])
                         for i in range(len(theirs) - WINDOW + 1)}
        if shared:
            copied[name] = sorted(shared)[:2]
    assert not copied, f"{WINDOW} words in a row shared with: {copied}"
