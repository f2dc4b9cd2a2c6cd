# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Write src/licentia/analysis/data/adoption.yaml, the adoption figures `licentia choose` cites,
from the public data in ../shared/corpus/hf-adoption through `licentia hub adoption`'s own
computation: run `python tools/adoption_figures.py` after the data changes."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from licentia.catalog.catalog import catalog
from licentia.hub.adoption import adoption
from licentia.hub.licenses import resolve_hub_license

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "corpus" / "hf-adoption"
OUT = ROOT / "src" / "licentia" / "analysis" / "data" / "adoption.yaml"
TOP = 12

HEADER = """\
# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
#
# License adoption figures `licentia choose` cites, computed by `licentia hub adoption`
# (tools/adoption_figures.py) from public data; do not edit by hand.
"""


def figures() -> dict[str, object]:
    general = DATA / "open-future-foundation" / "output" / "general"
    snap = sorted(general.glob("*_*_*.csv"), key=lambda p: p.name[6:10] + p.name[3:5])
    latest = [p for p in snap if not p.name.endswith("_categories.csv")][-1]
    a = adoption([latest, DATA / "liagent"])
    [(day, _)] = a.snapshots["general"]
    hub = {}
    rows = sorted(((tag, n, d) for tag, n, d in day.rows), key=lambda r: -r[1])
    total_n = sum(n for _, n, _ in rows)
    total_d = sum(d for _, _, d in rows)
    for rank, (tag, n, d) in enumerate(rows[:TOP], start=1):
        key = resolve_hub_license(tag).key
        if key is None:
            continue
        hub[key] = {"tag": tag, "rank": rank, "repos": n,
                    "repo_share": round(n / total_n, 4), "download_share": round(d / total_d, 4)}
    projects = sum(a.project_licenses.values())
    gh = {}
    for rank, (spdx, n) in enumerate(list(a.project_licenses.items())[:TOP], start=1):
        if spdx == "NOASSERTION":
            continue
        lic = catalog().lookup(spdx)
        if lic is not None:
            gh[lic.key] = {"spdx": spdx, "rank": rank, "projects": n,
                           "share": round(n / projects, 4)}
    return {
        "hub": {"source": "Open Future Foundation, AI-model-licensing, counts of Hugging Face Hub "
                          "model repositories by declared license (CC0-1.0)",
                "date": day.day.isoformat(), "licensed_repos": total_n, "licenses": hub},
        "github": {"source": "LiAgent (Hidden Licensing Risks in the LLMware Ecosystem), GitHub "
                             "projects that use Hugging Face models, with the license GitHub "
                             "reports for each (MIT)",
                   "date": "2025-01", "projects": projects, "licenses": gh},
    }


def main() -> int:
    if not DATA.exists():
        print(f"no data at {DATA}", file=sys.stderr)
        return 2
    OUT.write_text(HEADER + yaml.safe_dump(figures(), sort_keys=False, width=100),
                   encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
