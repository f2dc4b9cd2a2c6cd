# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia init DIR`: a repository's licensing files (LICENSE, NOTICE, REUSE, model card)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from licentia.analysis.choose import choose
from licentia.analysis.goals import Goals
from licentia.catalog.catalog import catalog
from licentia.catalog.template.choices import TEMPLATE_ID, Choices
from licentia.cli._common import fail, naming, out, print_json
from licentia.cli.explain import single_license
from licentia.draft.output import write_documents
from licentia.draft.repository import plan_repository
from licentia.errors import InputError
from licentia.report.provenance import provenance
from licentia.safe_read import exists, is_directory


def init(
    directory: Annotated[Path, typer.Argument(help="The repository (created if missing).",
                                              metavar="DIR", file_okay=False)],
    holder: Annotated[str, typer.Option("--holder", help="Copyright holder / licensor.")],
    license_ref: Annotated[str | None, typer.Option(
        "--license", help="The license (SPDX id, LicenseDB key, HF tag).")] = None,
    goals_file: Annotated[Path | None, typer.Option(
        "--goals", help="Take the license `licentia choose` ranks first for these goals.",
        dir_okay=False)] = None,
    year: Annotated[int | None, typer.Option("--year", help="Copyright year.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="The model's name.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing files.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Set up LICENSE, NOTICE, REUSE.toml + LICENSES/, and the model-card license block.

    Never overwrites an existing file without --force (exit 2, nothing written)."""
    if (license_ref is None) == (goals_file is None):
        fail("init: give exactly one of --license REF and --goals FILE.yaml")
    if exists(directory) and not is_directory(directory):
        raise InputError("exists and is not a directory", path=directory)
    choices = None
    lic = None
    chosen_note = None
    if goals_file is not None:
        with naming(goals_file):
            result = choose(Goals.from_file(goals_file))
        if result.contradictory:
            first = next(u for u in result.unmet_goals if u.contradiction)
            raise InputError(f"contradictory goals {' + '.join(first.goals)}: {first.reason}",
                             path=goals_file)
        top = result.recommendations[0]
        chosen_note = f"license chosen by `licentia choose`: {top.name} ({top.key})"
        if top.key == TEMPLATE_ID:
            tpl = top.template
            assert tpl is not None
            choices = Choices.build(holder, [c.value for c in tpl.covered], tpl.grant.value,
                                    tpl.partner_track, tpl.restrictions, year=year, name=model)
        else:
            lic = catalog().get(top.key)
    else:
        assert license_ref is not None
        lic = single_license(license_ref).license
    plan = plan_repository(directory, holder, lic, choices, year, model)
    written = write_documents(directory, plan.documents, force)
    notes = [n for n in (chosen_note, *plan.notes) if n]
    if as_json:
        print_json({"directory": str(directory), "license": plan.license.to_json(),
                    "written": [str(p) for p in written], "notes": notes,
                    "provenance": provenance([goals_file, license_ref]).to_json()})
        return
    for path, doc in zip(written, plan.documents, strict=True):
        out.print(f"wrote {path}  ({doc.description})", markup=False)
    for note in notes:
        out.print(f"note: {note}", markup=False)

