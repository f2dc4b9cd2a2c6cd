# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia check MANIFEST`: what a combination of models, datasets and code may do, must do,
and may be licensed under. Exit 1 on a conflict or a policy violation."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from licentia.analysis.check import check as run_check
from licentia.analysis.manifest import load_manifest
from licentia.analysis.policy import load_policy
from licentia.cli._common import EXIT_FINDING, EXIT_OK, fail, out, print_json
from licentia.errors import LicentiaError
from licentia.report.check import to_html, to_json, to_markdown, to_sarif, to_text
from licentia.report.words import wrap_text
from licentia.settings import project_settings


class Format(StrEnum):
    MD = "md"
    HTML = "html"
    SARIF = "sarif"


def check(
    manifest: Annotated[Path, typer.Argument(help="The manifest (YAML) of the product.",
                                             metavar="MANIFEST")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    fmt: Annotated[Format | None, typer.Option("--format", help="Report format.")] = None,
    policy: Annotated[Path | None, typer.Option(
        "--policy", help="An allow / review / deny policy (YAML).")] = None,
) -> None:
    """Check the licenses of a combination: conflicts, obligations, outbound license."""
    if as_json and fmt is not None:
        fail("--json and --format are exclusive: choose one")
    settings = project_settings()  # [tool.licentia] in pyproject.toml: what flags leave unsaid
    if policy is None:
        policy = settings.policy
    default = settings.format_for("check")
    if fmt is None and not as_json and default is not None:
        fmt = Format(default)
    try:
        rules = load_policy(policy) if policy is not None else None
        result = run_check(load_manifest(manifest), rules)
    except LicentiaError as exc:
        fail(str(exc))
    if as_json:
        print_json(to_json(result))
    elif fmt is Format.SARIF:
        sys.stdout.write(json.dumps(to_sarif(result), indent=2, ensure_ascii=False) + "\n")
    elif fmt is Format.MD:
        sys.stdout.write(to_markdown(result))
    elif fmt is Format.HTML:
        sys.stdout.write(to_html(result))
    else:
        sys.stdout.write(wrap_text(to_text(result), out.width))
    raise typer.Exit(EXIT_FINDING if result.blocking else EXIT_OK)
