# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""An uploaded `licentia scan --json` result as a run: its verdict and findings as the scan
gave them, and the obligations of every license it found, read from the term sheets (not from
the upload): what each license puts on the scanned files when they are distributed as they are
(the same checklist `check` gives an unmodified component that is shipped)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from licentia.analysis.check import checklist
from licentia.analysis.manifest import Distribution
from licentia.catalog.catalog import catalog
from licentia.errors import InputError
from licentia.registry.analyse import Analysis, Duty, FoundItem, clause_of, duty_of
from licentia.registry.storage import MAX_UPLOAD_BYTES
from licentia.registry.vocab import RunKind
from licentia.safe_read import read_utf8

REQUIRED = ("format_version", "verdict", "licenses", "findings", "files")
VERDICTS = frozenset({"ok", "review", "conflict"})
FINDING_TEXTS = ("code", "severity", "title", "message")


def _load(path: Path, shown: str) -> dict[str, Any]:
    try:
        data = json.loads(read_utf8(path, MAX_UPLOAD_BYTES, "scan result"))
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON ({exc.msg} at line {exc.lineno})", path=shown) from exc
    if not isinstance(data, dict) or any(k not in data for k in REQUIRED):
        missing = [k for k in REQUIRED if not isinstance(data, dict) or k not in data]
        raise InputError("not a `licentia scan --json` result (no "
                         + ", ".join(f"`{k}`" for k in missing) + ")", path=shown)
    if data["verdict"] not in VERDICTS:
        raise InputError(f"verdict {data['verdict']!r} is none of ok, review, conflict",
                         path=shown)
    if not isinstance(data["findings"], list) or not isinstance(data["licenses"], list):
        raise InputError("`findings` and `licenses` must be lists", path=shown)
    return data


def _finding(item: Any, shown: str, n: int) -> FoundItem:
    if not isinstance(item, dict) or not all(isinstance(item.get(k), str)
                                             for k in FINDING_TEXTS):
        raise InputError(f"finding {n + 1} lacks one of " + ", ".join(FINDING_TEXTS),
                         path=shown)
    evidence = [{k: str(e.get(k, "")) for k in ("quote", "section", "license")}
                for e in item.get("evidence") or [] if isinstance(e, dict)]
    return FoundItem(item["code"][:80], item["severity"][:20], item["title"],
                     item["message"], evidence)


def license_keys(data: dict[str, Any]) -> list[str]:
    """The licenses the scan found that the catalog knows (others have no terms to read)."""
    keys = [e.get("license") for e in data["licenses"] if isinstance(e, dict)]
    return [k for k in dict.fromkeys(keys) if isinstance(k, str) and catalog().get(k)]


def _duties(key: str) -> list[Duty]:
    found = []
    for item in checklist(key, "derivative", Distribution.DISTRIBUTED, False, True):
        clause = clause_of(key, item.clause)
        if clause is None:  # assessed by LicenseDB category: no clause to quote
            continue
        evidence = [{"quote": e.quote, "section": e.section} for e in item.evidence]
        found.append(duty_of(key, clause, item.code.value if item.code else "obligation",
                             evidence))
    return found


def scan_document(path: Path, shown: str) -> Analysis:
    """The run of an uploaded scan result; InputError (one line naming the upload) when it is
    not one."""
    data = _load(path, shown)
    findings = [_finding(f, shown, n) for n, f in enumerate(data["findings"])]
    keys = license_keys(data)
    duties: dict[tuple[str, str], Duty] = {}
    for key in keys:
        for duty in _duties(key):
            duties.setdefault((key, duty.clause), duty)
    return Analysis(RunKind.SCAN, keys[0] if len(keys) == 1 else None, data["verdict"], data,
                    findings, list(duties.values()))
