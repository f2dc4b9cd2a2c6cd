# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia draft license|custom|notice|modelcard|reuse`: the documents of a release.

Each writes the file(s) it names (stdout when no `--out`), lists what it wrote, and never
overwrites an existing file without `--force` (exit 2 instead, nothing written).
"""

from __future__ import annotations

import shlex
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from licentia.catalog.catalog import License
from licentia.catalog.template.choices import Choices
from licentia.catalog.template.recognize import MATCH_KIND
from licentia.catalog.template.sheet import generated_sheet
from licentia.cli._common import err, fail, out, print_json
from licentia.cli.explain import single_license
from licentia.draft import DRAFT_DISCLAIMER
from licentia.draft.custom import Format, render
from licentia.draft.license import draft_license
from licentia.draft.modelcard import draft_modelcard
from licentia.draft.notice import draft_notice_file
from licentia.draft.output import Document, write_documents
from licentia.draft.reuse import KeptFile, copyright_of, find_license_file, reuse_documents
from licentia.errors import InputError
from licentia.identify import identify_file
from licentia.report.provenance import provenance
from licentia.safe_read import is_directory, read_any_text

app = typer.Typer(help="Draft the license documents of a release.", no_args_is_help=True)

Out = Annotated[Path | None, typer.Option("--out", help="Write to this file (default: stdout).",
                                          dir_okay=False)]
Force = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
Json = Annotated[bool, typer.Option("--json", help="Print JSON.")]
Year = Annotated[int | None, typer.Option("--year", help="Copyright year (default: this year).")]


def emit(kind: str, docs: list[Document], out_path: Path | None, force: bool, as_json: bool,
         notes: Sequence[str] = (), base: Path | None = None,
         sources: Sequence[str | Path | None] = ()) -> None:
    """Write the documents (or print the single one), then list what was written; the JSON
    document carries the provenance of the inputs (`sources`) they were drafted from."""
    stamp = provenance(sources).to_json()
    if out_path is None and base is None:
        [doc] = docs
        if isinstance(doc.content, bytes):
            fail(f"{kind}: binary output needs a file: give --out FILE")
        if as_json:
            print_json({"kind": kind, "written": [], "content": doc.content,
                        "notes": list(notes), "provenance": stamp})
        else:
            sys.stdout.write(doc.content)
            for note in notes:
                err.print(f"note: {note}", markup=False)
        return
    if out_path is not None:
        docs = [Document(out_path.name, d.content, d.description) for d in docs]
        base = out_path.parent
    assert base is not None
    written = write_documents(base, docs, force)
    if as_json:
        print_json({"kind": kind, "written": [str(p) for p in written], "notes": list(notes),
                    "provenance": stamp})
        return
    for path, doc in zip(written, docs, strict=True):
        what = f"  ({escape(doc.description)})" if doc.description else ""
        out.print(f"wrote {escape(str(path))}{what}")
    for note in notes:
        out.print(f"note: {escape(note)}")


@app.command("license")
def license_(
    ref: Annotated[str, typer.Argument(help="The license: SPDX id, LicenseDB key or HF tag.",
                                      metavar="LICENSE_REF")],
    holder: Annotated[str, typer.Option("--holder", help="Copyright holder.")],
    year: Year = None, out_path: Out = None, force: Force = False, as_json: Json = False,
) -> None:
    """The LicenseDB's canonical text with its fields filled (copyright line, Apache appendix)."""
    lic = single_license(ref).license
    drafted = draft_license(lic, holder, year)
    emit("license", [Document("LICENSE", drafted.text, f"the text of {lic.spdx}")], out_path,
         force, as_json, list(drafted.notes), sources=[ref])


def _csv(value: str | None) -> list[str] | None:
    return None if value is None else [v for v in value.split(",")]


@app.command("custom")
def custom(
    holder: Annotated[str | None, typer.Option("--holder", help="The licensor.")] = None,
    artifacts: Annotated[str | None, typer.Option(
        "--artifacts", help="What it covers: model,code,data,application.")] = None,
    grant: Annotated[str | None, typer.Option(
        "--grant", help="open | research | non-commercial.")] = None,
    partner_track: Annotated[bool | None, typer.Option(
        "--partner-track/--no-partner-track",
        help="Commercial use for approved partners under a separate agreement.")] = None,
    restrict: Annotated[str | None, typer.Option(
        "--restrict", help="Use restrictions: taxonomy ids, comma-separated.")] = None,
    name: Annotated[str | None, typer.Option("--name", help="The released materials' name.")]
    = None,
    governing_law: Annotated[str | None, typer.Option(
        "--governing-law", help="e.g. 'the State of New York' (default: a placeholder).")]
    = None,
    choices_file: Annotated[Path | None, typer.Option(
        "--choices", help="A YAML file of these choices (flags override it).",
        dir_okay=False)] = None,
    year: Year = None, out_path: Out = None,
    fmt: Annotated[Format | None, typer.Option(
        "--format", help="md | txt | docx (default: from --out, else md).")] = None,
    force: Force = False, as_json: Json = False,
) -> None:
    """A RAIL-style license from licentia's own template (licentia-rail-1.0)."""
    overrides: dict[str, Any] = {
        "holder": holder, "artifacts": _csv(artifacts), "grant": grant,
        "partner_track": partner_track, "restrict": _csv(restrict), "name": name,
        "governing_law": governing_law, "year": year}
    if choices_file is not None:
        choices = Choices.from_file(choices_file, **overrides)
    else:
        missing = [f"--{k}" for k in ("holder", "artifacts", "grant") if overrides[k] is None]
        if missing:
            fail(f"draft custom: give {', '.join(missing)} (or --choices FILE.yaml)")
        choices = Choices.build(holder or "", overrides["artifacts"] or [], grant or "",
                                bool(partner_track), overrides["restrict"] or [], year=year,
                                name=name, governing_law=governing_law)
    if fmt is None:
        suffix = out_path.suffix.lower().lstrip(".") if out_path else ""
        fmt = Format(suffix) if suffix in {f.value for f in Format} else Format.MD
    content = render(choices, fmt)
    command = choices.command() + f" --format {fmt.value}"
    if out_path is not None:
        command += f" --out {shlex.quote(str(out_path))}" + (" --force" if force else "")
    notes = [f"drafted from licentia's template (licentia-rail-1.0): {command}",
             DRAFT_DISCLAIMER]
    emit("custom", [Document(f"LICENSE.{fmt.value}", content, "licentia-rail-1.0, "
                             f"{fmt.value.upper()}")], out_path, force, as_json, notes,
         sources=[choices_file])


@app.command("notice")
def notice(
    manifest: Annotated[Path, typer.Argument(help="The release's manifest (as for `check`).",
                                             metavar="MANIFEST", dir_okay=False)],
    holder: Annotated[str | None, typer.Option("--holder", help="The release's copyright "
                                               "holder.")] = None,
    year: Year = None, out_path: Out = None, force: Force = False, as_json: Json = False,
) -> None:
    """A NOTICE file from the components' attribution duties (notices, "Built with ...")."""
    drafted = draft_notice_file(manifest, holder, year)
    reminders = [f"not discharged by NOTICE: {r}" for r in drafted.reminders]
    emit("notice", [Document("NOTICE", drafted.text, "attribution notices")], out_path, force,
         as_json, reminders, sources=[manifest])


@app.command("modelcard")
def modelcard(
    ref: Annotated[str, typer.Argument(help="The license (id, tag, or a license file).",
                                      metavar="LICENSE_REF")],
    link: Annotated[str | None, typer.Option(
        "--link", help="license_link (default: the file given, else LICENSE).")] = None,
    model: Annotated[str | None, typer.Option("--model", help="The model's name.")] = None,
    out_path: Out = None, force: Force = False, as_json: Json = False,
) -> None:
    """The license block of a Hugging Face model card (metadata and a short section)."""
    resolved = single_license(ref)
    if link is None and resolved.identification is not None:
        link = ref
    block = draft_modelcard(resolved.license, resolved.sheet, link, model)
    emit("modelcard", [Document("README.md", block.text, "model-card license block")],
         out_path, force, as_json, sources=[ref])


def _license_of_directory(directory: Path) -> tuple[License, str | None, str]:
    """The license of a directory's LICENSE file, its text if drafted by licentia, the text."""
    found = find_license_file(directory)
    if found is None:
        raise InputError("no LICENSE file: give --license REF", path=directory)
    ident = identify_file(found)
    if ident.license is None:
        raise InputError(f"no license identified in it ({ident.result.value}); give --license",
                         path=found)
    text = read_any_text(found)
    drafted = any(m.kind == MATCH_KIND for m in ident.matches) and \
        generated_sheet(text) is not None
    return ident.license, text if drafted else None, text


@app.command("reuse")
def reuse(
    directory: Annotated[Path, typer.Argument(help="The repository.", file_okay=False,
                                                   metavar="DIR")],
    license_ref: Annotated[str | None, typer.Option(
        "--license", help="The license (default: identified from DIR's LICENSE file).")] = None,
    holder: Annotated[str | None, typer.Option(
        "--holder", help="Copyright holder (default: from DIR's LICENSE file).")] = None,
    year: Year = None, force: Force = False, as_json: Json = False,
) -> None:
    """REUSE.toml and LICENSES/<SPDX>.txt for a repository (REUSE Specification 3.x)."""
    if not is_directory(directory):
        raise InputError("not a directory", path=directory)
    own_text: str | None = None
    license_text = ""
    if license_ref is not None:
        resolved = single_license(license_ref)
        lic = resolved.license
        if resolved.generated_sheet is not None:
            own_text = read_any_text(Path(license_ref))
    else:
        lic, own_text, license_text = _license_of_directory(directory)
    found = copyright_of(own_text or license_text)
    if holder is None:
        if found is None:
            fail(f"{directory}: no copyright line found in the license: give --holder")
        holder = found[1]
    if year is None and found is not None:
        year = found[0]
    kept, others, notes = _kept_files(directory, lic)
    present = frozenset(f"LICENSES/{p.name}" for p in (directory / "LICENSES").glob("*.txt")) \
        if is_directory(directory / "LICENSES") else frozenset()
    docs = reuse_documents(lic, holder, year or date.today().year, own_text, kept, others,
                           present)
    emit("reuse", docs, None, force, as_json, notes=notes, base=directory,
         sources=[license_ref, find_license_file(directory) if license_ref is None else None])


def _kept_files(directory: Path, lic: License) -> tuple[list[KeptFile], list[License], list[str]]:
    """The files whose own text states another license (scanned as `licentia scan` does):
    each keeps it in an annotation of its own, and its license text goes into LICENSES/."""
    from licentia.catalog.catalog import Source, catalog
    from licentia.identify.expression import keys as expression_keys
    from licentia.scan.expressions import to_spdx
    from licentia.scan.tree import scan_tree, stated_apart, tagged_licenses

    kept: list[KeptFile] = []
    others: dict[str, License] = {}
    notes: list[str] = []
    cat = catalog()
    tree = scan_tree(directory)

    def add(key: str, where: str) -> None:
        other = cat.get(key)
        if other is None or other.key == lic.key or key in others:
            return
        if other.source in {Source.TEMPLATE, Source.LICENTIA}:
            notes.append(f"{where}: put the text of {other.spdx} in LICENSES/{other.spdx}.txt "
                         "(licentia does not carry it)")
            return
        others[key] = other

    for key in tagged_licenses(tree):
        add(key, "an SPDX tag")
    for f in stated_apart(tree, lic.key):
        try:
            found = copyright_of(read_any_text(directory / f.path))
        except InputError:
            found = None
        holder = f"{found[0]} {found[1]}" if found else "NOASSERTION"
        if found is None:
            notes.append(f"{f.path}: no copyright line in the file (NOASSERTION written)")
        kept.append(KeptFile(f.path, to_spdx(f.untagged_statement), holder))
        for key in expression_keys(f.untagged_statement):
            add(key, f.path)
    if kept:
        notes.append(f"{len(kept)} file(s) state their own license and keep it: "
                     + ", ".join(f"{k.path} ({k.spdx_expression})" for k in kept[:10])
                     + (" ..." if len(kept) > 10 else ""))
    return kept, list(others.values()), notes
