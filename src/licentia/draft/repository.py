# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Set up a repository's licensing files (`licentia init`), like GitHub's license templates
plus REUSE, NOTICE and the model-card license block: the documents to write, as values."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from licentia.catalog.catalog import License, catalog
from licentia.catalog.template.choices import TEMPLATE_ID, Choices
from licentia.catalog.template.sheet import build_sheet
from licentia.catalog.template.text import render_markdown
from licentia.catalog.terms import Sheet, sheet_for
from licentia.draft.env import document_environment
from licentia.draft.license import draft_license
from licentia.draft.modelcard import draft_modelcard, hub_tag, merge_into_readme
from licentia.draft.notice import TEMPLATE_FILE as NOTICE_TEMPLATE
from licentia.draft.output import Document
from licentia.draft.reuse import reuse_documents
from licentia.safe_read import is_regular_file, read_any_text

README = "README.md"


@dataclass(frozen=True)
class Plan:
    """What `init` writes, and notes for the user."""

    license: License
    documents: tuple[Document, ...]
    notes: tuple[str, ...] = ()


def plan_repository(directory: Path, holder: str, lic: License | None = None,
                    choices: Choices | None = None, year: int | None = None,
                    model: str | None = None) -> Plan:
    """The files of a repository under `lic` (or a license drafted from `choices`)."""
    year = year if year is not None else date.today().year
    notes: list[str] = []
    sheet: Sheet | None
    if choices is not None:
        lic = catalog().get(TEMPLATE_ID)
        assert lic is not None, "the template is in the catalog (catalog/data/external.yaml)"
        license_text = render_markdown(choices)
        license_name = "LICENSE.md"
        sheet = build_sheet(choices)
        own_text: str | None = license_text
        statement = next((c.value.attribution_text for c in sheet.clauses
                          if c.value.attribution_text), None)
    else:
        assert lic is not None
        drafted = draft_license(lic, holder, year)
        license_text, license_name, own_text = drafted.text, "LICENSE", None
        notes.extend(drafted.notes)
        sheet = sheet_for(lic.key)
        statement = None
    name = model or directory.resolve().name
    notice = document_environment().get_template(NOTICE_TEMPLATE).render(
        project=name, holder=holder, year=year, components=[], statement=statement,
        license=f"Licensed under the {sheet.title if sheet else lic.name} ({lic.spdx}); see "
                f"{license_name}.")
    card = draft_modelcard(lic, sheet, link=None if hub_tag(lic) else license_name,
                           model=model)
    readme = directory / README
    if is_regular_file(readme):
        card_text = merge_into_readme(read_any_text(readme, what="README"), card, readme)
        readme_note = "model-card license metadata and section merged into the existing README"
    else:
        card_text = card.text
        readme_note = "model card with the license metadata and section"
    docs = [
        Document(license_name, license_text, f"the license ({lic.spdx})"),
        Document("NOTICE", notice, "copyright and license notice"),
        *reuse_documents(lic, holder, year, own_text),
        Document(README, card_text, readme_note),
    ]
    return Plan(lic, tuple(docs), tuple(notes))

