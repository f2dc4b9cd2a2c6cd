# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Draft a NOTICE file for a release from its components' attribution duties.

The duties are read off the term sheets: notice lines a license dictates word for word (the
Llama, Gemma and Qwen notices), "Built with ..." statements, and the duties a NOTICE file cannot
discharge on its own (a display on a website, a model-name prefix, a copy of the license), which
come back as reminders, each with the clause that imposes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from licentia.analysis.manifest import Component, Manifest, load_manifest
from licentia.catalog.catalog import catalog
from licentia.catalog.template.sheet import generated_sheet
from licentia.catalog.terms import Clause, ClauseKind, Sheet, sheet_for
from licentia.draft.env import document_environment
from licentia.safe_read import is_regular_file, read_any_text
from licentia.userfile import copyright_year, one_line

TEMPLATE_FILE = "NOTICE.txt.j2"


@dataclass(frozen=True)
class Duty:
    """One attribution duty of a component's license, with the clause it comes from."""

    component: str
    license: str
    text: str  # what to do, or the notice line to carry
    quote: str
    section: str

    def __str__(self) -> str:
        return f"{self.component} ({self.license}): {self.text} — “{self.quote}” ({self.section})"


@dataclass(frozen=True)
class ComponentNotice:
    id: str
    kind: str
    name: str | None
    licenses: tuple[str, ...]  # "Name (SPDX)"
    lines: tuple[str, ...]  # notice lines its licenses dictate


@dataclass(frozen=True)
class Notice:
    text: str
    components: tuple[ComponentNotice, ...]
    reminders: tuple[Duty, ...]  # duties the NOTICE file does not discharge


def _sheet(component: Component, key: str) -> Sheet | None:
    ident = component.license.identification
    if ident is not None and ident.license is not None and ident.license.key == key:
        drafted = generated_sheet(read_any_text(Path(ident.path))) \
            if is_regular_file(Path(ident.path)) else None
        if drafted is not None:
            return drafted
    return sheet_for(key)


def _ev(clause: Clause) -> tuple[str, str]:
    ev = clause.evidence[0]
    return ev.quote, ev.section


def duties(component: Component) -> tuple[list[str], list[Duty]]:
    """The notice lines a component's licenses dictate, and the other attribution duties."""
    lines: list[str] = []
    reminders: list[Duty] = []
    for key in component.license.keys:
        sheet = _sheet(component, key)
        if sheet is None:
            reminders.append(Duty(component.id, key, "licentia has no term sheet for this "
                                  "license: read it for attribution duties", "(none)", "-"))
            continue
        for clause in sheet.clauses:
            if clause.kind is not ClauseKind.CONDITION:
                continue
            value = clause.value
            quote, section = _ev(clause)
            if value.attribution_text:
                lines.append(value.attribution_text)
                if not value.notice_file:
                    reminders.append(Duty(component.id, key, "also display “"
                                          f"{value.attribution_text}” where the clause says",
                                          quote, section))
            elif value.notice_file:
                reminders.append(Duty(component.id, key, "copy the attribution notices of the "
                                      "component's own NOTICE file, if it has one, into this "
                                      "NOTICE", quote, section))
            if value.name_prefix:
                reminders.append(Duty(component.id, key, f"begin the name of a derived model "
                                      f"with “{value.name_prefix}”", quote, section))
            if value.license_copy:
                reminders.append(Duty(component.id, key, "ship a copy of the license with the "
                                      "release", quote, section))
    return list(dict.fromkeys(lines)), reminders


def draft_notice(manifest: Manifest, holder: str | None = None,
                 year: int | None = None) -> Notice:
    """The NOTICE text of a release described by a `check` manifest."""
    holder = one_line(holder, "--holder") if holder is not None else None
    year = copyright_year(year) if year is not None else None
    cat = catalog()
    comps: list[ComponentNotice] = []
    reminders: list[Duty] = []
    for component in manifest.components:
        names = []
        for key in component.license.keys:
            lic = cat.get(key)
            names.append(f"{lic.name} ({lic.spdx})" if lic else key)
        if component.license.unknown:
            names.append(f"unknown ({component.license.reference})")
        lines, extra = duties(component)
        reminders.extend(extra)
        comps.append(ComponentNotice(component.id, component.kind.value, component.name,
                                     tuple(names), tuple(lines)))
    text = document_environment().get_template(TEMPLATE_FILE).render(
        project=manifest.project, holder=holder, year=year or date.today().year,
        components=comps, license=None, statement=None)
    return Notice(text, tuple(comps), tuple(dict.fromkeys(reminders)))


def draft_notice_file(path: Path, holder: str | None = None, year: int | None = None) -> Notice:
    return draft_notice(load_manifest(path), holder, year)
