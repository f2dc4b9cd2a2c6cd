# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""License adoption: shares of models and of downloads by license and family, by task and over
time, from model dumps; the same over dated license-count snapshots; and the licenses of GitHub
projects against the licenses of the models they use. Every figure carries its source and the
date of its data."""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from licentia.catalog.catalog import catalog
from licentia.hub import plots
from licentia.hub.families import family
from licentia.hub.ingest import Dump, dump_files, ingest
from licentia.hub.licenses import Status, resolve_hub_license
from licentia.hub.sources import (
    Projects,
    Snapshot,
    projects_of,
    read_map,
    read_snapshot,
    snapshot_day,
)
from licentia.report.provenance import provenance

FORMAT_VERSION = 1
NONE = "none"  # no license declared
TOP_LICENSES = 15
TOP_TASKS = 8


@dataclass(frozen=True)
class Share:
    label: str
    models: int
    downloads: int
    model_share: float
    download_share: float


@dataclass(frozen=True)
class Table:
    """Shares over one population, largest first, with where the counts come from."""

    title: str
    source: str
    as_of: str | None
    models: int
    downloads: int
    shares: tuple[Share, ...]


@dataclass
class Adoption:
    dump: Dump | None
    tables: list[Table] = field(default_factory=list)
    by_task: dict[str, Table] = field(default_factory=dict)
    over_time: dict[str, dict[str, float]] = field(default_factory=dict)  # period -> family %
    snapshots: dict[str, list[tuple[Snapshot, Table]]] = field(default_factory=dict)
    projects: dict[str, dict[str, int]] = field(default_factory=dict)  # project fam -> model fam
    projects_source: str | None = None
    project_licenses: dict[str, int] = field(default_factory=dict)  # own license -> projects
    inputs: tuple[str, ...] = ()  # every file read


def family_of(tag: str | None, name: str | None = None, link: str | None = None) -> str:
    lic = resolve_hub_license(tag, name, link)
    if lic.status is Status.MISSING or (lic.tag or "").lower() == "unknown":
        return NONE
    if lic.status is Status.FAMILY:  # a family tag: known when all its members agree
        tag_info = catalog().hf_tag(lic.tag)
        members = {family(k).value for k in (tag_info.family if tag_info else ())}
        return members.pop() if len(members) == 1 else family(None).value
    return family(lic.key).value


def _table(title: str, source: str, as_of: str | None,
           counts: dict[str, tuple[int, int]], top: int | None = None) -> Table:
    models = sum(n for n, _ in counts.values())
    downloads = sum(d for _, d in counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[0]))
    if top is not None and len(ranked) > top:
        rest = ranked[top:]
        ranked = [*ranked[:top], ("(other licenses)", (sum(n for _, (n, _) in rest),
                                                       sum(d for _, (_, d) in rest)))]
    shares = tuple(Share(k, n, d, n / models if models else 0.0,
                         d / downloads if downloads else 0.0) for k, (n, d) in ranked)
    return Table(title, source, as_of, models, downloads, shares)


def _add(acc: dict[str, tuple[int, int]], key: str, n: int, d: int) -> None:
    old = acc.get(key, (0, 0))
    acc[key] = (old[0] + n, old[1] + d)


def _from_dump(a: Adoption, dump: Dump) -> None:
    with dump.connect() as con:
        rows = con.execute(
            "SELECT license, license_name, license_link, pipeline_tag, "
            "CAST(year(created_at) AS VARCHAR), count(*), coalesce(sum(downloads), 0) "
            "FROM models GROUP BY ALL").fetchall()
        latest = con.execute("SELECT CAST(max(created_at) AS VARCHAR) FROM models").fetchone()
    as_of = latest[0] if latest else None
    folders = sorted({Path(s).parent.name for s in dump.sources})
    source = f"model dump of {len(dump.sources)} files in {', '.join(folders[:4])}"
    by_license: dict[str, tuple[int, int]] = {}
    by_family: dict[str, tuple[int, int]] = {}
    by_task: dict[str, dict[str, tuple[int, int]]] = defaultdict(dict)
    by_year: dict[str, Counter[str]] = defaultdict(Counter)
    for tag, name, link, task, year, n, d in rows:
        fam = family_of(tag, name, link)
        _add(by_license, (tag or NONE).lower(), n, d)
        _add(by_family, fam, n, d)
        if task:
            _add(by_task[task], fam, n, d)
        if year:
            by_year[year][fam] += n
    a.tables.append(_table("Licenses declared", source, as_of, by_license, TOP_LICENSES))
    a.tables.append(_table("License families", source, as_of, by_family))
    tasks = sorted(by_task, key=lambda t: -sum(n for n, _ in by_task[t].values()))[:TOP_TASKS]
    a.by_task = {t: _table(f"License families: {t}", source, as_of, by_task[t]) for t in tasks}
    for year in sorted(by_year):
        total = sum(by_year[year].values())
        a.over_time[year] = {f: n / total for f, n in sorted(by_year[year].items())}


def _from_snapshots(a: Adoption, snaps: Sequence[Snapshot]) -> None:
    for s in sorted(snaps, key=lambda s: (s.series, s.day)):
        fams: dict[str, tuple[int, int]] = {}
        for tag, n, d in s.rows:
            _add(fams, family_of(tag), n, d)
        src = f"license-count snapshot {Path(s.path).parent.name}/{Path(s.path).name}"
        a.snapshots.setdefault(s.series, []).append(
            (s, _table(f"License families on {s.day.isoformat()} ({s.series})", src,
                       s.day.isoformat(), fams)))


def _project_family(spdx: str) -> str:
    lic = catalog().lookup(spdx) if spdx and spdx != "NOASSERTION" else None
    return family(lic.key).value if lic is not None else "unknown"


def _from_projects(a: Adoption, p: Projects, dump: Dump | None) -> None:
    """Projects by their own license; links (project, model) by the project's license family
    and the model's."""
    a.projects_source = ", ".join(Path(x).name for x in p.paths)
    a.project_licenses = dict(Counter(p.licenses.values()).most_common())
    if dump is None:
        return
    with dump.connect() as con:
        fam = {m: family_of(t, n, k) for m, t, n, k in con.execute(
            "SELECT id, license, license_name, license_link FROM models").fetchall()}
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for repo, models in p.models.items():
        own = p.licenses.get(repo)
        if own is None:
            continue
        pf = _project_family(own)
        for m in models:
            if m in fam:
                table[pf][fam[m]] += 1
    a.projects = {k: dict(v) for k, v in sorted(table.items())}


def adoption(paths: Sequence[Path]) -> Adoption:
    """Adoption figures from dumps, snapshots and project maps (any mix, files or folders)."""
    snaps: list[Snapshot] = []
    maps: list[tuple[Path, dict[str, object]]] = []
    rest: list[Path] = []
    for f in dump_files(paths):
        day = snapshot_day(f)
        data = read_map(f) if f.suffix.lower() == ".json" else None
        if day is not None:
            snaps.append(read_snapshot(f, day))
        elif data is not None:
            maps.append((f, data))
        else:
            rest.append(f)
    dump = ingest(rest) if rest else None
    a = Adoption(dump, inputs=(*(dump.sources if dump else ()), *(s.path for s in snaps),
                               *(str(p) for p, _ in maps)))
    if dump is not None:
        _from_dump(a, dump)
    _from_snapshots(a, snaps)
    projects = projects_of(maps)
    if projects is not None:
        _from_projects(a, projects, dump)
    return a


def _share_json(t: Table) -> dict[str, object]:
    return {"title": t.title, "source": t.source, "as_of": t.as_of, "models": t.models,
            "downloads": t.downloads,
            "shares": [{"label": s.label, "models": s.models, "downloads": s.downloads,
                        "model_share": round(s.model_share, 4),
                        "download_share": round(s.download_share, 4)} for s in t.shares]}


def to_json(a: Adoption) -> dict[str, object]:
    return {
        "format_version": FORMAT_VERSION,
        "dump": None if a.dump is None else {
            "sources": list(a.dump.sources), "models": a.dump.models,
            "problems": [p.to_json() for p in a.dump.problems]},
        "tables": [_share_json(t) for t in a.tables],
        "by_task": {k: _share_json(t) for k, t in a.by_task.items()},
        "over_time": {k: {f: round(v, 4) for f, v in fams.items()}
                      for k, fams in a.over_time.items()},
        "snapshots": {series: [_share_json(t) for _, t in items]
                      for series, items in a.snapshots.items()},
        "projects": {"source": a.projects_source, "links": a.projects,
                     "licenses": a.project_licenses},
        "provenance": provenance(a.inputs).to_json(),
    }


def _lines(t: Table, limit: int = 12) -> list[str]:
    out = [f"{t.title} - {t.models:,} models, {t.downloads:,} downloads "
           f"(source: {t.source}; data as of {t.as_of or 'unknown'})"]
    out += [f"  {s.label:28} {s.models:>8,} {s.model_share:7.1%} of models  "
            f"{s.download_share:7.1%} of downloads" for s in t.shares[:limit]]
    return out


def to_text(a: Adoption) -> str:
    lines: list[str] = []
    for t in a.tables:
        lines += [*_lines(t), ""]
    if a.by_task:
        lines.append("License families by task (share of models):")
        for task, t in a.by_task.items():
            lines.append(f"  {task:24} " + ", ".join(
                f"{s.label} {s.model_share:.0%}" for s in t.shares[:4]))
        lines.append("")
    if a.over_time:
        lines.append("License families by year created (share of models):")
        for year, fams in a.over_time.items():
            lines.append(f"  {year} " + ", ".join(
                f"{f} {v:.0%}" for f, v in sorted(fams.items(), key=lambda x: -x[1])[:5]))
        lines.append("")
    for series, items in a.snapshots.items():
        lines.append(f"Snapshots ({series}): licensed repositories by family")
        for snap, t in items:
            lines.append(f"  {snap.day.isoformat()} ({t.models:,} repos) " + ", ".join(
                f"{s.label} {s.model_share:.1%}" for s in t.shares[:5]))
        lines.append("")
    if a.projects:
        lines.append(f"GitHub projects by their own license family -> license family of the "
                     f"models they use (links; source: {a.projects_source}):")
        for pf, row in a.projects.items():
            total = sum(row.values())
            lines.append(f"  {pf:14} {total:>7,} links: " + ", ".join(
                f"{k} {v / total:.0%}" for k, v in sorted(row.items(), key=lambda x: -x[1])[:5]))
    return "\n".join(lines).rstrip() + "\n"


def _figures(a: Adoption, fmt: str) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    fams = next((t for t in a.tables if t.title == "License families"), None)
    if fams is not None:
        cite = f"{fams.source}, as of {fams.as_of}"
        out["families-models"] = plots.bars(
            [s.label for s in fams.shares], [100 * s.model_share for s in fams.shares],
            f"Share of models by license family\n({cite})", "% of models", fmt)
        out["families-downloads"] = plots.bars(
            [s.label for s in fams.shares], [100 * s.download_share for s in fams.shares],
            f"Share of downloads by license family\n({cite})", "% of downloads", fmt)
    if a.over_time:
        names = sorted({f for v in a.over_time.values() for f in v})
        out["families-by-year"] = plots.lines(
            list(a.over_time), {f: [100 * a.over_time[y].get(f, 0.0) for y in a.over_time]
                                for f in names},
            "Share of models by license family, by year created", "% of models", fmt)
    for series, items in a.snapshots.items():
        names = sorted({s.label for _, t in items for s in t.shares})
        out[f"snapshots-{series}"] = plots.lines(
            [snap.day.isoformat() for snap, _ in items],
            {f: [100 * next((s.model_share for s in t.shares if s.label == f), 0.0)
                 for _, t in items] for f in names},
            f"Licensed repositories by family ({series} snapshots)", "% of repositories", fmt)
    return out


def charts(a: Adoption) -> dict[str, bytes]:
    """Every chart as PNG and SVG, and an HTML page showing them with the tables."""
    files: dict[str, bytes] = {}
    pngs = _figures(a, "png")
    for name, data in pngs.items():
        files[f"{name}.png"] = data
    for name, data in _figures(a, "svg").items():
        files[f"{name}.svg"] = data
    body = "".join(f'<p><img alt="{html.escape(n)}" src="{html.escape(n)}.png"></p>'
                   for n in pngs)
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>licentia hub adoption"
            "</title></head><body style='font-family:sans-serif;max-width:60em;margin:auto'>"
            f"<h1>License adoption</h1>{body}<pre>{html.escape(to_text(a))}</pre>"
            "</body></html>\n")
    files["adoption.html"] = page.encode()
    return files
