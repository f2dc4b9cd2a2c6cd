# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia scan PATH`: every license in a repository, a model folder, a Hugging Face snapshot
or a cached model id, whether its parts agree, and one verdict (exit 1 on conflict)."""

from __future__ import annotations

import contextlib
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from licentia.cli._common import EXIT_FINDING, EXIT_OK, err, fail, print_json
from licentia.settings import project_settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from licentia.analysis.policy import Policy
    from licentia.scan import Scan


class ScanFormat(StrEnum):
    TEXT = "text"
    MD = "md"
    HTML = "html"
    SARIF = "sarif"
    CYCLONEDX = "cyclonedx"
    SPDX = "spdx"
    SPDX3 = "spdx3"


def _render(result: object, fmt: ScanFormat) -> str:
    from licentia.report import scan as report
    from licentia.scan import Scan

    assert isinstance(result, Scan)
    if fmt is ScanFormat.MD:
        return report.to_markdown(result)
    if fmt is ScanFormat.HTML:
        return report.to_html(result)
    if fmt is ScanFormat.SARIF:
        return json.dumps(report.to_sarif(result), indent=2, ensure_ascii=False) + "\n"
    if fmt is ScanFormat.CYCLONEDX:
        from licentia.scan.cyclonedx import cyclonedx_json

        return cyclonedx_json(result)
    if fmt is ScanFormat.SPDX:
        from licentia.scan.spdx import spdx_json

        return spdx_json(result)
    if fmt is ScanFormat.SPDX3:
        from licentia.scan.spdx3 import spdx3_json

        return spdx3_json(result)
    return report.to_text(result)


def scan(
    path: Annotated[str, typer.Argument(
        metavar="PATH", help="A folder, a model folder, a Hugging Face snapshot folder, or a "
        "model id (org/name) in the local Hugging Face cache, or on the Hub with --online.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON document.")] = False,
    fmt: Annotated[ScanFormat | None, typer.Option(
        "--format", "-f",
        help="text, md, html, sarif, cyclonedx (1.6), spdx (2.3) or spdx3 (3.0.1 JSON-LD).",
        case_sensitive=False)] = None,
    dest: Annotated[Path | None, typer.Option(
        "--out", "-o", help="Write the report to this file (default: stdout).",
        dir_okay=False)] = None,
    force: Annotated[bool, typer.Option(
        "--force", help="Overwrite the --out file if it exists.")] = False,
    jobs: Annotated[int, typer.Option(
        "--jobs", "-j", min=0, help="Processes for many files (0: one per CPU).")] = 0,
    policy: Annotated[Path | None, typer.Option(
        "--policy", help="An allow / review / deny policy (YAML).")] = None,
    reuse: Annotated[bool | None, typer.Option(
        "--reuse/--no-reuse", help="Run `reuse lint` (default: when the tree uses REUSE).",
        show_default=False)] = None,
    online: Annotated[bool, typer.Option(
        "--online", help="Read a model id the local Hugging Face cache lacks from the Hugging "
        "Face Hub: its card, license files and weight metadata (no weights downloaded).")
    ] = False,
    revision: Annotated[str | None, typer.Option(
        "--revision", metavar="REV", help="A model id's revision: branch, tag or commit "
        "(default: main).")] = None,
    keep: Annotated[bool, typer.Option(
        "--cache/--no-cache", help="Keep each file's identification in the cache directory "
        "and reuse it when the file is unchanged (a second scan reads only what changed).")
    ] = True,
) -> None:
    """Scan a repository or a model: every license found, what disagrees, one verdict.

    Each file's license evidence (texts, headers, SPDX tags, REUSE annotations, package
    manifests); a model's card, license files and weight metadata read as one unit; the
    verdict ok | review | conflict (exit 1 on conflict)."""
    from licentia.analysis.policy import load_policy
    from licentia.scan.findings import Verdict

    if as_json and fmt is not None:
        fail("--json and --format are alternatives: give one")
    settings = project_settings()  # [tool.licentia] in pyproject.toml: what flags leave unsaid
    fmt = fmt or ScanFormat(settings.format_for("scan") or ScanFormat.TEXT.value)
    if policy is None:
        policy = settings.policy
    rules = load_policy(policy) if policy is not None else None
    result = _scan_and_write(path, online, revision, jobs, rules, reuse, keep,
                             lambda scanned: _output(scanned, fmt, as_json, dest, force),
                             show=err.is_terminal and not as_json)
    raise typer.Exit(EXIT_FINDING if result.verdict is Verdict.CONFLICT else EXIT_OK)


def _scan_and_write(path: str, online: bool, revision: str | None, jobs: int,
                    rules: Policy | None, reuse: bool | None, keep: bool,
                    write: Callable[[Scan], None], show: bool) -> Scan:
    """Scan `path` (with a progress bar when `show`) and `write` the result, while a model
    read from the Hub (`--online`) still has its folder."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from licentia.scan import needs_hub
    from licentia.scan import scan as run_scan

    with contextlib.ExitStack() as stack:
        bar = stack.enter_context(Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err,
            transient=True, disable=not show))
        task = bar.add_task("scanning", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total or None)

        remote = None
        if online and needs_hub(path, revision):
            from licentia import hfhub
            from licentia.scan.online import fetched

            remote = stack.enter_context(fetched(path, hfhub.hub_api(), hfhub.hub_fs(),
                                                 progress, revision))
        result = run_scan(path, jobs=jobs or os.cpu_count() or 1, progress=progress,
                          policy=rules, run_reuse=reuse, remote=remote, revision=revision,
                          keep=keep)
        bar.stop()
        write(result)
    return result


def _output(result: Scan, fmt: ScanFormat, as_json: bool, dest: Path | None,
            force: bool) -> None:
    from licentia.atomic_write import write_file

    if as_json:
        from licentia.report.scan import to_json

        if dest is not None:
            write_file(dest, json.dumps(to_json(result), indent=2, ensure_ascii=False) + "\n",
                       force)
            err.print(f"wrote {dest}", markup=False)
        else:
            print_json(to_json(result))
    else:
        text = _render(result, fmt)
        if dest is not None:
            write_file(dest, text, force)
            err.print(f"wrote {dest}", markup=False)
        else:
            sys.stdout.write(text)
