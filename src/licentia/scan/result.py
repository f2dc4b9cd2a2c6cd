# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What `scan` returns: the tree, the model read as one unit (when PATH is one), REUSE lint's
report, the policy's decisions, every finding and one verdict - as values and contract JSON."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from licentia.analysis.findings import Finding
from licentia.analysis.policy import PolicyReport
from licentia.scan.expressions import to_spdx
from licentia.scan.findings import Verdict, finding_json
from licentia.scan.model import ModelScan
from licentia.scan.online import Remote
from licentia.scan.reuse import ReuseLint
from licentia.scan.tree import TreeScan

FORMAT_VERSION = 1


@dataclass(frozen=True)
class Scan:
    target: str  # what the user named (a path or a model id)
    root: Path
    kind: str  # directory | model | snapshot
    tree: TreeScan
    model: ModelScan | None
    reuse: ReuseLint | None
    policy: PolicyReport | None
    findings: tuple[Finding, ...]
    verdict: Verdict
    remote: Remote | None = None  # the model as read from the Hub (--online)

    @property
    def location(self) -> str:
        """Where the scanned files are: the folder, or the model's revision on the Hub."""
        return self.remote.url if self.remote else str(self.root)

    @property
    def identity(self) -> str:
        """What the BOMs' document ids are derived from: the resolved folder, or the model's
        revision on the Hub (not the temporary folder it was read into)."""
        return self.remote.url if self.remote else str(self.root.resolve())

    def summary(self) -> dict[str, Any]:
        t = self.tree
        kinds: dict[str, int] = {}
        for f in t.files:
            kinds[f.kind.value] = kinds.get(f.kind.value, 0) + 1
        return {"files": len(t.files), "by_kind": kinds, "by_status": dict(t.by_status()),
                "skipped": len(t.skipped), "ignored": t.ignored,
                "licenses": len(t.licenses()),
                "findings": {s: sum(f.severity.value == s for f in self.findings)
                             for s in ("error", "warning", "info")}}

    def licenses_json(self) -> list[dict[str, Any]]:
        return [{"license": k, "spdx": to_spdx(k), "files": len(paths),
                 "examples": paths[:5]} for k, paths in self.tree.licenses().items()]

    def to_json(self) -> dict[str, Any]:
        t = self.tree
        return {
            "format_version": FORMAT_VERSION,
            "target": self.target, "root": self.location, "kind": self.kind,
            "online": self.remote.to_json() if self.remote else None,
            "verdict": self.verdict.value,
            "summary": self.summary(),
            "expressions": [{"expression": e, "spdx_expression": to_spdx(e), "files": n}
                            for e, n in t.expressions().most_common()],
            "licenses": self.licenses_json(),
            "without_evidence": [f.path for f in t.files if f.status.value == "none"],
            "declared": [d.to_json() for d in t.declarations],
            "packages": [p.to_json() for p in t.packages],
            "findings": [finding_json(f) for f in self.findings],
            "model": self.model.to_json() if self.model else None,
            "reuse": self.reuse.to_json() if self.reuse else None,
            "policy": _policy_json(self.policy) if self.policy else None,
            "files": [f.to_json() for f in t.files],
            "skipped": [{"path": s.path, "reason": s.reason} for s in t.skipped],
        }


def _policy_json(report: PolicyReport) -> dict[str, Any]:
    return {"path": report.path, "verdict": report.verdict.value,
            "results": [{"subject": r.subject, "item": r.item, "decision": r.decision.value,
                         "components": list(r.components), "reason": r.reason}
                        for r in report.results]}
