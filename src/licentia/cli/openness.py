# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia openness REF|PATH`: OSI approval and the Open Source AI Definition for a license
(an id, a tag, a license file or model card), or the Model Openness Framework class a release
reaches by its components' licenses (a check manifest)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from licentia.cli._common import fail, print_json
from licentia.errors import LicentiaError

_YES = {True: "yes", False: "no", None: "not known"}


def _license_lines(o: Any) -> list[str]:
    lines = [f"{o.name} ({o.key})  [{o.source}]",
             f"  OSI approved: {_YES[o.osi_approved]}",
             f"  Open Source AI Definition 1.0: {_YES[o.osaid]}"]
    for f in o.failures:
        lines.append(f"    fails: {f.reason}")
        lines += [f"      \u201c{e.quote}\u201d ({e.section})" for e in f.evidence[:2]]
    return lines


def openness(
    ref: Annotated[str, typer.Argument(
        help="A license (id, SPDX id, HF tag, license file, model card), a manifest (YAML) or "
             "a model folder.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """How open a license or a release is: OSI, OSAID 1.0, Model Openness Framework class."""
    from licentia.hub.openness import (
        FORMAT_VERSION,
        license_openness,
        release_openness,
        scan_openness,
    )

    path = Path(ref)
    try:
        release = None
        if path.suffix.lower() in (".yaml", ".yml") and path.is_file():
            from licentia.analysis.manifest import load_manifest

            release = release_openness(load_manifest(path))
        elif path.is_dir():
            from licentia.scan import scan

            release = scan_openness(scan(path))
        if release is not None:
            if as_json:
                print_json(release.to_json())
                return
            lines = [f"{release.project}: Model Openness Framework class "
                     f"{release.mof_class.value} (by the components' licenses)"]
            lines += [f"  {w}" for w in release.why]
            lines += [f"  {c.component} ({c.kind}): {', '.join(x.key for x in c.licenses)} - "
                      f"{'open' if c.open else 'not open' if c.open is False else 'not known'}"
                      for c in release.components]
            for o in release.licenses:
                lines += _license_lines(o)
            sys.stdout.write("\n".join(lines) + "\n")
            return
        from licentia.reference import resolve_reference

        resolved = resolve_reference(ref)
        results = [license_openness(lic.key) for lic in resolved.licenses]
    except LicentiaError as exc:
        fail(str(exc))
    if as_json:
        print_json({"format_version": FORMAT_VERSION, "reference": ref,
                    "licenses": [o.to_json() for o in results]})
    else:
        sys.stdout.write("\n".join(line for o in results for line in _license_lines(o)) + "\n")
