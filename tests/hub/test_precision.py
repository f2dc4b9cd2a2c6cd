# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Lineage precision on 100 real Hub edges labelled by hand from the license terms
(tests/hub/data/lineage-precision.yaml). An edge is flagged when lineage gives the child an
error finding that comes through that base model. Target: precision >= 93%."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import yaml

from licentia.analysis.findings import Severity
from licentia.hub.ingest import ingest
from licentia.hub.lineage import lineage

LABELS = Path(__file__).parent / "data" / "lineage-precision.yaml"


def test_lineage_precision_on_hand_labelled_edges(corpus: Callable[..., Path]) -> None:
    edges = yaml.safe_load(LABELS.read_text(encoding="utf-8"))["edges"]
    assert len(edges) == 100 and all(e["reason"] for e in edges)
    r = lineage(ingest([corpus("hf-lineage"), corpus("hf-adoption", "gabtos-lab-authors")]))
    flagged = {(f.model, f.parent) for f in r.findings if f.severity is Severity.ERROR}
    tp = fp = fn = 0
    wrong = []
    for e in edges:
        got = (e["child"], e["parent"]) in flagged
        want = e["expected"] == "conflict"
        tp += got and want
        fp += got and not want
        fn += want and not got
        if got != want:
            wrong.append(f"{e['child']} <- {e['parent']}: expected {e['expected']}")
    precision = tp / (tp + fp)
    recall = tp / (tp + fn)
    print(f"\nlineage on 100 hand-labelled edges: precision {precision:.1%} ({tp}/{tp + fp}), "
          f"recall {recall:.1%} ({tp}/{tp + fn})")
    assert precision >= 0.93, wrong
    assert recall >= 0.85, wrong
