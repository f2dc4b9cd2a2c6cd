# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Draft the license block of a Hugging Face model card: the metadata and a short section.

A license with a Hub tag gets `license: TAG`; any other gets `license: other` with
`license_name` (its catalog key, which `licentia identify` resolves) and `license_link`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from licentia.catalog.catalog import License, catalog
from licentia.catalog.taxonomy import taxonomy
from licentia.catalog.terms import ClauseKind, Sheet
from licentia.draft.env import document_environment
from licentia.errors import InputError
from licentia.userfile import parse_yaml

TEMPLATE_FILE = "modelcard.md.j2"
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
LICENSE_KEYS = ("license", "license_name", "license_link")


@dataclass(frozen=True)
class ModelCardBlock:
    metadata: dict[str, str]
    section: str  # the "## License" section (Markdown)

    @property
    def front_matter(self) -> str:
        return "---\n" + yaml.safe_dump(self.metadata, sort_keys=False, allow_unicode=True) \
            + "---\n"

    @property
    def text(self) -> str:
        return self.front_matter + "\n" + self.section


def hub_tag(lic: License) -> str | None:
    """The Hugging Face tag naming exactly this license, if the Hub has one."""
    cat = catalog()
    for tag in lic.hf_tags:
        info = cat.hf_tag(tag)
        if info is not None and info.key == lic.key:
            return tag
    return None


def _summary(sheet: Sheet | None) -> list[str]:
    if sheet is None:
        return []
    facts = sheet.facts
    out = [{"yes": "Commercial use is allowed.",
            "no": "Commercial use is not allowed.",
            "conditional": "Commercial use is allowed under conditions (see the license)."}[
        facts.commercial_use]]
    partner = next((c for c in sheet.clauses if c.value.partner_track), None)
    if partner is not None:
        out.append("Commercial use is available to approved partners under a separate "
                   "agreement with the licensor.")
    order = list(taxonomy())
    ids = sorted({t for c in sheet.clauses if c.kind is ClauseKind.USE_RESTRICTION
                  for t in c.taxonomy if t != "non-commercial"}, key=order.index)
    if ids:
        more = f" and {len(ids) - 10} more" if len(ids) > 10 else ""
        out.append("Use restrictions, which also bind derivatives and their users: "
                   f"{', '.join(ids[:10])}{more}.")
    for c in sheet.clauses:
        if c.kind is ClauseKind.CONDITION and c.value.attribution_text:
            out.append(f"Attribution: “{c.value.attribution_text.rstrip('.')}”")
    if any(c.kind is ClauseKind.PATENT and c.value.patent_grant for c in sheet.clauses):
        out.append("The license includes an express patent grant.")
    return out


def draft_modelcard(lic: License, sheet: Sheet | None, link: str | None = None,
                    model: str | None = None) -> ModelCardBlock:
    """The model-card license block for `lic` (its term sheet gives the summary)."""
    tag = hub_tag(lic)
    metadata: dict[str, str] = {}
    if tag is not None:
        metadata["license"] = tag
        if link:
            metadata["license_link"] = link
    else:
        metadata["license"] = "other"
        metadata["license_name"] = lic.key
        metadata["license_link"] = link or "LICENSE"
    title = sheet.title if sheet is not None else lic.name
    section = document_environment().get_template(TEMPLATE_FILE).render(
        model=model, title=title, spdx=lic.spdx, link=metadata.get("license_link"),
        summary=_summary(sheet))
    return ModelCardBlock(metadata, section)


def merge_into_readme(readme: str, block: ModelCardBlock, source: Path | None = None) -> str:
    """A README with the block's license metadata set and its license section added if absent.

    Other metadata and the body are kept as they are; front matter that is not valid YAML (or
    not a mapping) is an InputError naming `source`, since merging would lose it.
    """
    m = _FRONT.match(readme)
    data: dict[str, Any] = {}
    body = readme
    if m is not None:
        loaded = parse_yaml(m.group(1) or "", source, line_offset=1,
                            what="the model card front matter") or {}
        if not isinstance(loaded, dict):
            raise InputError("the model card front matter is not a mapping; licentia cannot "
                             "merge the license metadata into it", path=source)
        data = dict(loaded)
        body = readme[m.end():]
    for key in LICENSE_KEYS:
        data.pop(key, None)
    data.update(block.metadata)
    front = "---\n" + yaml.safe_dump(data, sort_keys=False, allow_unicode=True) + "---\n"
    if not re.search(r"^#{1,3}\s+Licen[cs]e\b", body, re.MULTILINE | re.IGNORECASE):
        body = body.rstrip("\n") + ("\n\n" if body.strip() else "\n") + block.section
    return front + body
