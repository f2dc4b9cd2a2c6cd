# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Scan a directory: list its files, identify each (its text or its `.license` sidecar), apply
the annotations that cover it, read the package manifests, and sum it up per tree: the
licenses found and where, files without evidence, what disagrees.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from licentia.analysis.findings import Finding
from licentia.identify import Failure, Identification, Result, identify_paths
from licentia.identify.expression import keys as expression_keys
from licentia.scan.annotations import Annotations, Source, read_annotations
from licentia.scan.evidence import (
    NOT_LICENSES,
    TAG,
    UNSTATED,
    FileResult,
    Status,
    file_result,
)
from licentia.scan.findings import finding
from licentia.scan.identical import finish_once, plan_once
from licentia.scan.kept import Kept
from licentia.scan.manifests import MANIFEST_NAMES, Declaration, Package, read_manifest
from licentia.scan.strings import identify_strings
from licentia.scan.walker import Inventory, Kind, Listed, Skipped, walk
from licentia.scan.weights import is_weights

Progress = Callable[[str, int, int], None]
SIDECAR = ".license"
_LICENSE_NAMES = ("LICENSE", "LICENCE", "COPYING", "UNLICENSE")


def _is_metadata(rel: str) -> bool:
    """REUSE's own files, which carry no license of their own (the specification exempts them;
    a `.license` file is one when it is a sidecar)."""
    name = rel.rpartition("/")[2]
    return name == "REUSE.toml" or rel.startswith(".reuse/") or rel.endswith(SIDECAR)


def is_license_file(rel: str) -> bool:
    """A file named as a license is (LICENSE, COPYING.txt, LICENSE-MIT, LICENSES/MIT.txt)."""
    name = rel.rpartition("/")[2].upper()
    return name.startswith(_LICENSE_NAMES) or rel.startswith("LICENSES/")


@dataclass(frozen=True)
class TreeScan:
    root: Path
    files: tuple[FileResult, ...]
    skipped: tuple[Skipped, ...]
    ignored: int
    declarations: tuple[Declaration, ...]
    findings: tuple[Finding, ...]
    packages: tuple[Package, ...] = ()  # the packages the manifests describe

    def licenses(self) -> dict[str, list[str]]:
        """Each license key found and the files it is found in."""
        out: dict[str, list[str]] = {}
        for f in self.files:
            for k in f.keys:
                out.setdefault(k, []).append(f.path)
        return dict(sorted(out.items()))

    def expressions(self) -> Counter[str]:
        return Counter(f.expression for f in self.files if f.expression)

    def by_status(self) -> Counter[str]:
        return Counter(f.status.value for f in self.files)


def _identify(root: Path, targets: list[tuple[Listed, str]], binaries: list[Listed],
              jobs: int, progress: Progress | None,
              kept: Kept | None) -> dict[str, Identification | Failure]:
    """Identify each (file, path to read) - the file's text or its sidecar - and each binary
    as its strings, in one pool (binaries first: a PDF takes long); identical contents once,
    contents `kept` from an earlier scan not again."""
    texts = plan_once([root / read for _, read in targets],
                      [listed.size if read == listed.path else _size(root / read)
                       for listed, read in targets], kept, "text")
    strings = plan_once([root / f.path for f in binaries], [f.size for f in binaries], kept,
                        "strings")
    todo = strings.todo + texts.todo
    total = len(todo)

    def tick(n: int, _total: int, _path: Path) -> None:
        if progress is not None:
            progress("identifying", n, total)

    found = identify_paths(todo, progress=tick, jobs=jobs,
                           readers=[identify_strings] * len(strings.todo))
    split = len(strings.todo)
    out = {listed.path: result for (listed, _), result in
           zip(targets, finish_once(texts, found[split:]), strict=True)}
    out.update((f.path, result) for f, result in
               zip(binaries, finish_once(strings, found[:split]), strict=True))
    return out


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1


def _file_results(inv: Inventory, notes: Annotations, jobs: int, progress: Progress | None,
                  kept: Kept | None) -> tuple[list[FileResult], list[tuple[str, str]]]:
    names = {f.path for f in inv.files}
    # `X.license` speaks for X when X is there; alone it is a file like any other
    sidecars = {f.path for f in inv.files
                if f.path.endswith(SIDECAR) and f.path[: -len(SIDECAR)] in names}
    listed = [f for f in inv.files if not _is_metadata(f.path) or
              (f.path.endswith(SIDECAR) and f.path not in sidecars)]
    targets: list[tuple[Listed, str]] = []
    for f in listed:
        if f.path + SIDECAR in sidecars:
            targets.append((f, f.path + SIDECAR))
        elif f.kind is Kind.TEXT:
            targets.append((f, f.path))
    # a binary without a sidecar is read as its strings (weights: the model reader reads them)
    binaries = [f for f in listed if f.kind is Kind.BINARY and f.path + SIDECAR not in sidecars
                and not is_weights(f.path)]
    idents = _identify(inv.root, targets, binaries, jobs, progress, kept)
    if kept is not None:
        kept.save()
    results: list[FileResult] = []
    problems: list[tuple[str, str]] = []
    for f in listed:
        got = idents.get(f.path)
        source = f.path + SIDECAR if f.path + SIDECAR in sidecars else f.path
        error = got.message if isinstance(got, Failure) else None
        ident = got if isinstance(got, Identification) else None
        # REUSE annotations do not cover the license texts in LICENSES/ (the specification)
        covering = () if f.path.startswith("LICENSES/") else notes.for_file(f.path)
        result, bad = file_result(f.path, f.kind, f.size, ident, source, covering, error)
        results.append(result)
        problems += bad
    return results, list(dict.fromkeys(problems))


def _manifests(inv: Inventory) -> tuple[list[Package], list[Declaration],
                                        list[tuple[str, str]]]:
    packages: list[Package] = []
    found: list[Declaration] = []
    problems: list[tuple[str, str]] = []
    for f in inv.files:
        if f.path.rpartition("/")[2] in MANIFEST_NAMES:
            package, got, problem = read_manifest(inv.root / f.path, f.path)
            found += got
            if package is not None:
                packages.append(package)
            if problem:
                problems.append((f.path, problem))
    return packages, found, problems


def _mismatches(files: list[FileResult], declarations: list[Declaration]) -> list[Finding]:
    """A manifest's declared license against the license files beside it."""
    out: list[Finding] = []
    by_folder: dict[str, list[FileResult]] = {}
    for f in files:
        if f.license_text and is_license_file(f.path):
            by_folder.setdefault(f.path.rpartition("/")[0], []).append(f)
    for d in declarations:
        if not d.expression or d.key.endswith("classifiers"):
            continue
        folder = d.file.rpartition("/")[0]
        texts = by_folder.get(folder, [])
        if folder == "":
            texts = texts + [f for f in files if f.license_text and f.path.startswith("LICENSES/")]
        if not texts:
            continue
        in_files = {k for f in texts for k in f.keys}
        declared = set(expression_keys(d.expression))
        if declared.isdisjoint(in_files):
            names = ", ".join(sorted(f.path for f in texts))
            out.append(finding("license-mismatch", [d.file, *sorted(f.path for f in texts)],
                               what=f"{d.file} ({d.key}) declares {d.written}, but the license "
                               f"file(s) beside it ({names}) hold "
                               f"{' AND '.join(sorted(in_files))}"))
    return out


def _overrides(files: list[FileResult]) -> list[Finding]:
    """Files whose own license an annotation would replace or add another license to."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for f in files:
        if not f.overridden:
            continue
        ann = [e for e in f.evidence if e.kind in {s.value for s in Source}]
        key = (ann[0].source if ann else "?", " AND ".join(
            dict.fromkeys(e.expression for e in ann)), " AND ".join(f.overridden))
        groups.setdefault(key, []).append(f.path)
    return [finding("annotation-overrides", paths, source=src, annotated=annotated, own=own)
            for (src, annotated, own), paths in sorted(groups.items())]


def _tree_findings(results: list[FileResult], inv: Inventory, declarations: list[Declaration],
                   problems: dict[str, list[tuple[str, str]]]) -> list[Finding]:
    found: list[Finding] = []
    found += _overrides(results)
    without = [f.path for f in results if f.status is Status.NONE and f.kind is not Kind.EMPTY]
    if without:
        found.append(finding("no-license-evidence", without))
    unstated = [f.path for f in results if f.status is Status.UNSTATED]
    unknown_decl = [d.file for d in declarations if d.problem and not d.key.endswith("classifiers")]
    if unstated or unknown_decl:
        found.append(finding("unknown-license", list(dict.fromkeys(unstated + unknown_decl))))
    for f in results:
        if f.license_text and f.result is Result.MODIFIED:
            found.append(finding("modified-license", [f.path], path=f.path,
                                 license=f.spdx_expression or f.expression))
    found += _mismatches(results, declarations)
    not_read = [s.path for s in inv.skipped] + [f.path for f in results if f.error]
    if not_read:
        found.append(finding("not-scanned", not_read))
    for kind, items in problems.items():
        for file, problem in items:
            found.append(finding(kind, [file], file=file, problem=problem))
    return found


def scan_tree(root: Path, jobs: int = 1, progress: Progress | None = None,
              follow_file_links: bool = False, keep: bool = False) -> TreeScan:
    """Scan the directory `root` (its files, annotations, manifests). `keep`: keep the
    identifications in the cache directory, and reuse those of an earlier scan (scan.kept)."""
    inv = walk(root, (lambda n: progress("listing", n, 0)) if progress is not None else None,
               follow_file_links)
    tomls = [f.path for f in inv.files if f.path.rpartition("/")[2] == "REUSE.toml"]
    notes = read_annotations(root, tomls)
    results, expr_problems = _file_results(inv, notes, jobs, progress,
                                           Kept.open() if keep else None)
    packages, declarations, manifest_problems = _manifests(inv)
    problems = {"annotation-problem": [*notes.problems, *expr_problems],
                "manifest-problem": manifest_problems}
    findings = _tree_findings(results, inv, declarations, problems)
    return TreeScan(root, tuple(results), inv.skipped, inv.ignored, tuple(declarations),
                    tuple(findings), tuple(packages))



def stated_apart(tree: TreeScan, project: str) -> list[FileResult]:
    """The files whose own text or notice states licenses other than `project` (a LicenseDB
    key) where no SPDX tag says so: what a REUSE annotation must name file by file."""
    out = []
    for f in tree.files:
        keys = set(expression_keys(f.untagged_statement)) - UNSTATED - NOT_LICENSES
        if keys and keys != {project}:
            out.append(f)
    return out


def tagged_licenses(tree: TreeScan) -> list[str]:
    """Every license the tree's SPDX tags and `.license` sidecars name (REUSE needs each one's
    text in LICENSES/)."""
    found: dict[str, None] = {}
    for f in tree.files:
        for e in f.evidence:
            if e.kind in {TAG, "sidecar"}:
                found.update(dict.fromkeys(expression_keys(e.expression)))
    return [k for k in found if k not in UNSTATED and k not in NOT_LICENSES]
