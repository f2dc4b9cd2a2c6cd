# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`bench/identify --dev`: licentia and ScanCode on real files with expected results, one run.

The set is ../shared/corpus/detect-dev (each file beside a `.yml` listing the expected ScanCode
license expressions). A file is right when the set of license keys reported equals the set
expected; precision and recall count keys over all files. ScanCode runs in its own virtual
environment (see `scancode_exe`), never in licentia's.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEV_SET = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "detect-dev"
SCANCODE_VENV = Path(__file__).resolve().parents[1] / "build" / "scancode-venv"
# ScanCode 32.x breaks with pluggy 1.6 ("TypeError: ... PluginManager"): pinned below it
SCANCODE_REQUIREMENTS = ["scancode-toolkit-mini==32.5.0", "pluggy<1.6"]
TARGET_ACCURACY = 0.90
TARGET_PRECISION = 0.97
TARGET_RATIO = 30.0


def log(msg: str) -> None:
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def scancode_exe(venv: Path = SCANCODE_VENV) -> Path:
    """ScanCode's executable in its own venv, created on first use (licentia's venv pins
    versions ScanCode's scanner does not run with)."""
    exe = venv / "bin" / "scancode"
    if exe.exists():
        return exe
    log(f"creating ScanCode's own venv {venv} ({', '.join(SCANCODE_REQUIREMENTS)})")
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    *SCANCODE_REQUIREMENTS], check=True)
    return exe


@dataclass
class DevFile:
    rel: str
    path: Path
    expected: frozenset[str]
    expressions: tuple[str, ...] = ()


@dataclass
class Scored:
    got: dict[str, frozenset[str]] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)


def _keys(expressions: list[str], renamed: dict[str, str]) -> frozenset[str]:
    from license_expression import Licensing

    licensing = Licensing()
    keys: set[str] = set()
    for expr in expressions:
        if not expr:
            continue
        try:
            parsed = licensing.parse(expr)
        except Exception:
            keys.add(expr)
            continue
        if parsed is not None:
            keys.update(str(k) for k in licensing.license_keys(parsed))
    return frozenset(renamed.get(k, k) for k in keys)


def scancode_keys(entry: dict[str, Any], renamed: dict[str, str]) -> frozenset[str]:
    """The license keys ScanCode found in one file: its detections' matches and its license
    clues (matches too weak to make a detection, still licenses found)."""
    exprs = [m.get("license_expression") or "" for d in entry.get("license_detections") or []
             for m in d.get("matches") or []]
    exprs += [m.get("license_expression") or "" for m in entry.get("license_clues") or []]
    return _keys(exprs, renamed)


def renamed_keys() -> dict[str, str]:
    """Deprecated LicenseDB keys replaced by exactly one other key."""
    from licentia.catalog.licensedb import read_entries

    return {e.key: e.replaced_by[0] for e in read_entries()
            if e.is_deprecated and len(e.replaced_by) == 1}


def load_dev(root: Path, renamed: dict[str, str]) -> list[DevFile]:
    import yaml

    files = []
    for yml in sorted(root.rglob("*.yml")):
        target = yml.with_suffix("")
        if not target.is_file():
            continue
        data = yaml.safe_load(yml.read_text(encoding="utf-8")) or {}
        exprs = [str(e) for e in data.get("license_expressions") or []]
        files.append(DevFile(str(target.relative_to(root)), target, _keys(exprs, renamed),
                             tuple(exprs)))
    return files


def run_licentia(files: list[DevFile], renamed: dict[str, str]) -> tuple[Scored, float, float]:
    from licentia.identify import Failure, identify_paths
    from licentia.identify.identifier import warm_up
    from licentia.identify.index import get_index

    index = get_index()
    warm_up(index)
    scored = Scored()
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    results = identify_paths([f.path for f in files], index, jobs=1)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    for f, r in zip(files, results, strict=True):
        if isinstance(r, Failure):
            scored.errors[f.rel] = r.message
            scored.got[f.rel] = frozenset()
            continue
        keys = getattr(r, "license_keys", None)
        if keys is None:  # older results: the keys of the matches
            keys = {m.key for m in r.matches}
        scored.got[f.rel] = frozenset(renamed.get(k, k) for k in keys)
    return scored, wall, cpu


def run_licentia_cli(files: list[DevFile], renamed: dict[str, str], jobs: int,
                     run_child: Callable[..., Any]) -> tuple[Scored, dict[str, Any]]:
    """`licentia identify --json -j N FILE...` over the set, as a user runs it (start-up,
    index load and JSON included): the throughput compared with ScanCode's."""
    exe = Path(sys.executable).parent / "licentia"
    c = run_child([str(exe), "identify", "--json", "-j", str(jobs), *(str(f.path) for f in files)])
    if c.returncode not in (0, 2) or not c.stdout:
        raise SystemExit(f"licentia identify failed ({c.returncode}): "
                         f"{c.stderr.decode('utf-8', 'replace')[-1500:]}")
    scored = Scored()
    by_path = {str(f.path): f.rel for f in files}
    for entry in json.loads(c.stdout):
        rel = by_path.get(entry["path"], entry["path"])
        if entry.get("error"):
            scored.errors[rel] = entry["error"]
        exprs = [entry["expression"]] if entry.get("expression") else \
            [m.get("id") or "" for m in entry.get("matches") or []]
        scored.got[rel] = _keys(exprs, renamed)
    return scored, {"wall_s": c.wall, "cpu_s": c.cpu, "processes": jobs,
                    "peak_rss_mb_largest_process": c.maxrss_mb}


def run_scancode(files: list[DevFile], renamed: dict[str, str], processes: int,
                 run_child: Callable[..., Any]) -> tuple[Scored, dict[str, Any]]:
    exe = scancode_exe()
    work = Path(tempfile.mkdtemp(prefix="licentia-bench-dev-"))
    try:
        target = work / "set"
        for f in files:  # the files only: ScanCode must not read the expectations
            dest = target / f.rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f.path, dest)
        probe = work / "probe"
        probe.mkdir()
        (probe / "p.txt").write_text("Licensed under the MIT License.\n", encoding="utf-8")
        log("ScanCode: startup probe (one 1-line file)")
        pc = run_child([str(exe), "-l", "--json", str(work / "probe.json"), "-n",
                        str(processes), "--quiet", str(probe)])
        log(f"ScanCode: scanning {len(files)} files with -n {processes}")
        out = work / "scancode.json"
        c = run_child([str(exe), "-l", "--json", str(out), "-n", str(processes), "--quiet",
                       str(target)])
        if not out.exists():
            raise SystemExit(f"scancode failed ({c.returncode}): "
                             f"{c.stderr.decode('utf-8', 'replace')[-1500:]}")
        data = json.loads(out.read_text(encoding="utf-8"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    scored = Scored()
    for entry in data.get("files", []):
        if entry.get("type") != "file":
            continue
        rel = str(Path(entry["path"]).relative_to("set"))
        scored.got[rel] = scancode_keys(entry, renamed)
        if entry.get("scan_errors"):
            scored.errors[rel] = "; ".join(entry["scan_errors"])
    info = {"wall_s": c.wall, "cpu_s": c.cpu, "startup_s": pc.wall, "processes": processes,
            "peak_rss_mb_largest_process": c.maxrss_mb, "exe": str(exe)}
    return scored, info


def score(files: list[DevFile], scored: Scored) -> dict[str, Any]:
    right = tp = n_got = n_exp = missed = 0
    wrong = []
    for f in files:
        got = scored.got.get(f.rel, frozenset())
        right += got == f.expected
        tp += len(got & f.expected)
        n_got += len(got)
        n_exp += len(f.expected)
        missed += bool(f.expected) and not got
        if got != f.expected:
            wrong.append({"file": f.rel, "expected": sorted(f.expected), "got": sorted(got)})
    return {"files": len(files), "right": right, "accuracy": right / len(files),
            "precision": tp / n_got if n_got else 1.0, "recall": tp / n_exp if n_exp else 1.0,
            "missed_entirely": missed, "errors": len(scored.errors), "wrong": wrong}


def main(argv: list[str], run_child: Callable[..., Any]) -> int:
    ap = argparse.ArgumentParser(prog="bench/identify --dev",
                                 description="licentia and ScanCode on the detect-dev set.")
    ap.add_argument("--dev", action="store_true")
    ap.add_argument("--root", type=Path, default=DEV_SET, help="the dev set folder")
    ap.add_argument("--no-scancode", action="store_true", help="licentia only")
    ap.add_argument("--scancode-processes", type=int, default=2, metavar="N",
                    help="ScanCode's -n, and licentia's CLI -j (the same for both)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    ap.add_argument("--json-out", type=Path, metavar="FILE")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong file")
    args = ap.parse_args(argv)
    if not args.root.is_dir():
        print(f"bench: error: {args.root}: the dev set is absent", file=sys.stderr)
        return 2
    renamed = renamed_keys()
    files = load_dev(args.root.resolve(), renamed)
    if args.limit:
        files = files[: args.limit]
    log(f"licentia: identifying {len(files)} files")
    lic, wall, cpu = run_licentia(files, renamed)
    summary: dict[str, Any] = {"licentia": {**score(files, lic), "wall_s": wall, "cpu_s": cpu,
                                            "files_per_s": len(files) / wall}}
    log(f"licentia CLI: identify --json -j {args.scancode_processes} over the same files")
    cli, cli_info = run_licentia_cli(files, renamed, args.scancode_processes, run_child)
    summary["licentia_cli"] = {**score(files, cli), **cli_info,
                               "files_per_s": len(files) / cli_info["wall_s"],
                               "load_1min": os.getloadavg()[0]}
    if not args.no_scancode:
        load0 = os.getloadavg()[0]
        sc, info = run_scancode(files, renamed, args.scancode_processes, run_child)
        adj = info["wall_s"] - info["startup_s"]
        summary["scancode"] = {**score(files, sc), **info,
                               "files_per_s": len(files) / info["wall_s"],
                               "files_per_s_minus_startup": len(files) / adj if adj > 0 else None}
        summary["scancode"]["load_1min"] = (load0, os.getloadavg()[0])
        summary["ratio_files_per_s"] = summary["licentia"]["files_per_s"] / \
            summary["scancode"]["files_per_s"]
        summary["ratio_cli_files_per_s"] = summary["licentia_cli"]["files_per_s"] / \
            summary["scancode"]["files_per_s"]
        summary["ratio_cli_per_cpu_s"] = (len(files) / summary["licentia_cli"]["cpu_s"]) / \
            (len(files) / summary["scancode"]["cpu_s"])
        summary["ratio_minus_startup"] = (
            summary["licentia"]["files_per_s"] / summary["scancode"]["files_per_s_minus_startup"]
            if summary["scancode"]["files_per_s_minus_startup"] else None)
    if args.json_out:
        args.json_out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print_summary(summary, args.verbose)
    return 0


def print_summary(s: dict[str, Any], verbose: bool) -> None:
    print(f"detect-dev: {s['licentia']['files']} files; right = the set of license keys "
          "equals the expected set")
    for tool in ("licentia", "licentia_cli", "scancode"):
        if tool not in s:
            continue
        t = s[tool]
        print(f"  {tool:<12} right {t['right']}/{t['files']} ({100 * t['accuracy']:.1f}%)  "
              f"precision {100 * t['precision']:.1f}%  recall {100 * t['recall']:.1f}%  "
              f"missed entirely {t['missed_entirely']}  errors {t['errors']}  "
              f"{t['files_per_s']:.1f} files/s ({t['wall_s']:.1f} s wall)")
    if "scancode" in s:
        adj = s["ratio_minus_startup"]
        print(f"  throughput licentia/ScanCode: {s['ratio_files_per_s']:.1f}x raw (API, one "
              "process), " + (f"{adj:.1f}x with ScanCode's startup subtracted" if adj else "n/a"))
        print(f"  throughput licentia CLI/ScanCode (same processes, start-up included): "
              f"{s['ratio_cli_files_per_s']:.1f}x wall, {s['ratio_cli_per_cpu_s']:.1f}x per "
              f"CPU-second; load {s['licentia_cli']['load_1min']:.1f} during licentia, "
              f"{s['scancode']['load_1min'][0]:.1f}-{s['scancode']['load_1min'][1]:.1f} "
              "during ScanCode (2 CPUs)")
    lic = s["licentia"]
    print("Targets:")
    print(f"  {'PASS' if lic['accuracy'] >= TARGET_ACCURACY else 'FAIL'}  files right >= 90%")
    print(f"  {'PASS' if lic['precision'] >= TARGET_PRECISION else 'FAIL'}  precision >= 97%")
    if "scancode" in s:
        ok = s["ratio_cli_files_per_s"] >= TARGET_RATIO
        print(f"  {'PASS' if ok else 'FAIL'}  throughput >= 30x ScanCode (CLI, wall, same run)")
    if verbose:
        for tool in ("licentia", "scancode"):
            if tool in s:
                print(f"\n{tool} wrong ({len(s[tool]['wrong'])}):")
                for w in s[tool]["wrong"]:
                    print(f"  {w['file']}: expected {' '.join(w['expected']) or '-'}; "
                          f"got {' '.join(w['got']) or '-'}")

