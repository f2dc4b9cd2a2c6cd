# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Scan a repository, a model folder, a Hugging Face snapshot or a cached model id (or, with
`--online`, a model id read from the Hub): every file's license evidence, the model read as one
unit, REUSE lint, a policy, one verdict."""

from __future__ import annotations

from pathlib import Path

from licentia.analysis.findings import Finding, Severity
from licentia.analysis.policy import Decision, Policy, PolicyReport, apply_policy
from licentia.errors import InputError
from licentia.identify.expression import keys as expression_keys
from licentia.safe_read import exists, is_directory, shown
from licentia.scan.findings import finding, verdict
from licentia.scan.hfcache import local_snapshot, looks_like_repo_id
from licentia.scan.model import is_model, scan_model
from licentia.scan.online import Remote
from licentia.scan.result import FORMAT_VERSION, Scan
from licentia.scan.reuse import ReuseLint, lint
from licentia.scan.tree import Progress, TreeScan, scan_tree

__all__ = ["FORMAT_VERSION", "Scan", "needs_hub", "resolve_target", "scan"]


def resolve_target(target: str, revision: str | None = None) -> tuple[Path, str]:
    """(folder, kind) of what the user named: a directory, a snapshot folder, or a model id in
    the local Hugging Face cache (at `revision`: a branch, tag or commit; default main);
    InputError naming it otherwise."""
    path = Path(target)
    if revision is not None and (exists(path) or not looks_like_repo_id(target)):
        raise InputError("--revision applies to a model id (org/name), not a folder",
                         path=shown(target))
    if is_directory(path):
        parts = path.resolve().parts
        snapshot = len(parts) >= 3 and parts[-2] == "snapshots" and \
            parts[-3].startswith(("models--", "datasets--"))
        return path, "snapshot" if snapshot else "directory"
    if exists(path):
        raise InputError("is a file, not a folder: `licentia identify` reads single files",
                         path=shown(path))
    if looks_like_repo_id(target):
        found = local_snapshot(target, revision)
        if found is not None:
            return found, "snapshot"
        at = f" at revision {revision}" if revision else ""
        raise InputError(f"no such folder, and no model by that id{at} in the local Hugging "
                         "Face cache: pass --online to read it from the Hugging Face Hub",
                         path=shown(target))
    raise InputError("no such folder", path=shown(path))


def needs_hub(target: str, revision: str | None = None) -> bool:
    """Whether `target` is a model id only the Hub can give: no folder or file here, and no
    model by that id (at `revision`) in the local Hugging Face cache."""
    return looks_like_repo_id(target) and not exists(Path(target)) and \
        local_snapshot(target, revision) is None


def _reuse_applies(tree: TreeScan) -> bool:
    paths = {f.path for f in tree.files}
    return (tree.root / "REUSE.toml").is_file() or (tree.root / ".reuse").is_dir() or any(
        p.startswith("LICENSES/") for p in paths)


def _reuse_findings(report: ReuseLint) -> list[Finding]:
    if report.error:
        return [finding("reuse-noncompliant", [], severity=Severity.INFO,
                        summary=report.error)]
    if report.compliant:
        return []
    problems = ", ".join(f"{k.replace('_', ' ')}: {n}" for k, n in report.problems().items())
    return [finding("reuse-noncompliant", [], summary=problems or "not compliant")]


def _policy_findings(policy: Policy, licenses: dict[str, list[str]],
                     found: list[Finding]) -> tuple[list[Finding], PolicyReport]:
    report = apply_policy(policy, licenses, found)
    out = []
    for r in report.results:
        if r.decision is Decision.ALLOW:
            continue
        severity = Severity.ERROR if r.decision is Decision.DENY else Severity.WARNING
        out.append(finding("policy", r.components, severity=severity, subject=r.subject,
                           item=r.item, decision=r.decision.value, reason=r.reason))
    return out, report


def scan(target: str | Path, jobs: int = 1, progress: Progress | None = None,
         policy: Policy | None = None, run_reuse: bool | None = None,
         remote: Remote | None = None, revision: str | None = None,
         keep: bool = False) -> Scan:
    """Scan `target`. `run_reuse`: run `reuse lint` (None: when the tree uses REUSE).
    `remote`: the model `target` names as read from the Hub (`scan.online.fetched`);
    `revision`: of a model id in the local cache (a branch, tag or commit); `keep`: keep
    identifications between scans (scan.kept)."""
    root, kind = (remote.folder, "snapshot") if remote else \
        resolve_target(str(target), revision)
    tree = scan_tree(root, jobs, progress, follow_file_links=kind == "snapshot", keep=keep)
    files = {f.path: f for f in tree.files}
    model = scan_model(root, files, remote.weights if remote else (),
                       remote.cards if remote else None) \
        if kind == "snapshot" or is_model(list(files), root) else None
    if model is not None and kind == "directory":
        kind = "model"
    found = list(tree.findings) + (list(model.findings) if model else [])
    reuse = None
    if run_reuse or (run_reuse is None and _reuse_applies(tree)):
        if progress is not None:
            progress("reuse lint", 0, 0)
        reuse = lint(root)
        found += _reuse_findings(reuse)
    report = None
    if policy is not None:
        licenses = tree.licenses()
        if model is not None and model.expression:
            for k in expression_keys(model.expression):
                licenses.setdefault(k, []).append(model.name)
        extra, report = _policy_findings(policy, licenses, found)
        found += extra
    return Scan(str(target), root, kind, tree, model, reuse, report, tuple(found),
                verdict(found), remote)
