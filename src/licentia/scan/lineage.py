# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A model's lineage judged by check's rules: the model derived from its base models (the
card's `base_model_relation`) and trained on its datasets (their licenses as the local caches
give them, or the Hub with `--online`), published (distributed) under the license its card declares.
One rule set: the manifest is built and checked exactly as `licentia check` would.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import yaml

from licentia.analysis.check import check
from licentia.analysis.findings import Finding, Severity
from licentia.analysis.manifest import parse_manifest
from licentia.errors import LicentiaError
from licentia.scan.datasets import Dataset
from licentia.scan.expressions import to_spdx
from licentia.scan.findings import finding

# Hub `base_model_relation` values -> check's relations (the Hub's default is a fine-tune)
RELATIONS = {"finetune": "finetune", "adapter": "adapter", "merge": "merge",
             "quantized": "quantize", "quantize": "quantize", "distill": "distill"}


@dataclass(frozen=True)
class Base:
    """A base model the card names; its license when its card is in the local cache (or, with
    `--online`, its card data on the Hub)."""

    repo_id: str
    license: str | None  # LicenseDB key
    snapshot: str | None
    source: str | None = None  # where the license was read

    def to_json(self) -> dict[str, Any]:
        return {"id": self.repo_id, "license": self.license,
                "spdx": to_spdx(self.license) if self.license else None,
                "source": self.source if self.license else None}


def lineage_manifest(name: str, expression: str, relation: str | None,
                     bases: tuple[Base, ...], datasets: tuple[Dataset, ...] = ()) -> str:
    """The check manifest (YAML) of a model published under `expression`, derived from the
    bases whose licenses are known and trained on the datasets whose licenses are."""
    rel = RELATIONS.get((relation or "finetune").lower(), "finetune")
    known = [b for b in bases if b.license]
    data = [d for d in datasets if d.expression]
    components: list[dict[str, Any]] = [
        {"id": f"base-{n}", "kind": "model", "license": b.license, "name": b.repo_id}
        for n, b in enumerate(known, 1)]
    components += [{"id": f"dataset-{n}", "kind": "dataset", "license": to_spdx(d.expression),
                    "name": d.repo_id} for n, d in enumerate(data, 1)]
    model: dict[str, Any] = {"id": "model", "kind": "model", "license": to_spdx(expression),
                             "name": name.rpartition("/")[2] or name,
                             "derived_from": [{"component": f"base-{n}", "relation": rel}
                                              for n in range(1, len(known) + 1)]}
    if data:
        model["trained_on"] = [f"dataset-{n}" for n in range(1, len(data) + 1)]
    components.append(model)
    return yaml.safe_dump({"project": name, "distribution": "distributed", "commercial": True,
                           "outbound_license": to_spdx(expression),
                           "components": components}, sort_keys=False)


def lineage_findings(name: str, expression: str, relation: str | None,
                     bases: tuple[Base, ...], datasets: tuple[Dataset, ...] = ()) -> list[Finding]:
    """check's findings on the model, its known bases and the datasets it was trained on whose
    licenses are known (component ids become repo ids); a base whose license is not known
    locally is said so."""
    out: list[Finding] = []
    unknown = [b.repo_id for b in bases if not b.license]
    if unknown:
        out.append(finding("base-license-unknown", unknown, severity=Severity.WARNING))
    data = [d for d in datasets if d.expression]
    if len(unknown) == len(bases) and not data:
        return out
    text = lineage_manifest(name, expression, relation, bases, datasets)
    try:
        result = check(parse_manifest(text, f"lineage of {name}"))
    except LicentiaError as exc:
        out.append(finding("base-license-unknown", [b.repo_id for b in bases],
                           severity=Severity.WARNING, problem=exc.message))
        return out
    ids = {f"base-{n}": b.repo_id for n, b in enumerate([b for b in bases if b.license], 1)}
    ids.update({f"dataset-{n}": d.repo_id for n, d in enumerate(data, 1)})
    ids["model"] = name
    for f in result.findings:
        out.append(replace(f, components=tuple(ids.get(c, c) for c in f.components),
                           message=_rename(f.message, ids)))
    return out


def _rename(message: str, ids: dict[str, str]) -> str:
    for cid, repo in sorted(ids.items(), key=lambda kv: -len(kv[0])):
        message = message.replace(f"{cid} ", f"{repo} ").replace(f"{cid}'", f"{repo}'")
    return message
