# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A model folder or Hugging Face snapshot read as one unit: its card (huggingface_hub's card
classes, identified by identify), its LICENSE / USE_POLICY / NOTICE files, the metadata of its
weights, and whether they agree. Its lineage (`base_model`, `base_model_relation`) is judged by
check's rules when the base models' licenses are known: locally (the Hugging Face cache), or
with `--online` from their card data on the Hub (read by `scan.online`, never here).
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from licentia.analysis.findings import Finding
from licentia.errors import LicentiaError
from licentia.identify import Identification, identify_file
from licentia.identify.expression import keys as expression_keys
from licentia.safe_read import read_any_text
from licentia.scan.datasets import Dataset, local_dataset
from licentia.scan.evidence import FileResult
from licentia.scan.expressions import combine, read_expression, to_spdx
from licentia.scan.findings import finding
from licentia.scan.hfcache import local_snapshot
from licentia.scan.lineage import Base, lineage_findings
from licentia.scan.weights import MODEL_SUFFIXES, WeightsInfo, is_weights, read_weights

CARD_NAMES = ("README.md", "readme.md", "MODEL_CARD.md", "MODELCARD.md")
POLICY_NAMES = ("USE_POLICY", "ACCEPTABLE_USE_POLICY", "AUP")
NOTICE_NAMES = ("NOTICE",)
_LICENSE_NAMES = ("LICENSE", "LICENCE", "COPYING")


@dataclass(frozen=True)
class Card:
    path: str
    license: tuple[str, ...] = ()
    license_name: str | None = None
    license_link: str | None = None
    base_model: tuple[str, ...] = ()
    base_model_relation: str | None = None
    datasets: tuple[str, ...] = ()
    model_name: str | None = None
    resolved: str | None = None  # the license identify resolves the card to (LicenseDB key)
    candidates: tuple[str, ...] = ()  # a family tag's members
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "license": list(self.license),
                "license_name": self.license_name, "license_link": self.license_link,
                "base_model": list(self.base_model),
                "base_model_relation": self.base_model_relation,
                "datasets": list(self.datasets), "model_name": self.model_name,
                "resolved": self.resolved, "candidates": list(self.candidates),
                "error": self.error}


@dataclass(frozen=True)
class ModelScan:
    name: str
    card: Card | None
    license_files: tuple[tuple[str, str], ...]  # (path, expression)
    policies: tuple[str, ...]
    notices: tuple[str, ...]
    weights: tuple[WeightsInfo, ...]
    expression: str  # the model's license (LicenseDB keys), "" when nothing says
    bases: tuple[Base, ...]
    findings: tuple[Finding, ...]
    datasets: tuple[Dataset, ...] = ()  # the card's datasets, licenses from the local caches

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "card": self.card.to_json() if self.card else None,
                "license_files": [{"path": p, "expression": e or None,
                                   "spdx_expression": to_spdx(e) or None}
                                  for p, e in self.license_files],
                "use_policies": list(self.policies), "notices": list(self.notices),
                "weights": [w.to_json() for w in self.weights],
                "expression": self.expression or None,
                "spdx_expression": to_spdx(self.expression) or None,
                "base_models": [b.to_json() for b in self.bases],
                "datasets": [d.to_json() for d in self.datasets]}


def _strings(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list):
        return tuple(str(v) for v in value if v is not None)
    return ()


def read_card(path: Path, rel: str) -> Card:
    """The card's fields (huggingface_hub's ModelCardData) and identify's resolution."""
    from huggingface_hub import ModelCard

    try:
        text = read_any_text(path, what="model card")
    except LicentiaError as exc:
        return Card(rel, error=exc.message)
    try:
        data = ModelCard(text, ignore_metadata_errors=True).data
    except Exception as exc:
        return Card(rel, error=f"model card front matter not readable: "
                               f"{' '.join(str(exc).split())[:160]}")
    ident: Identification | None = None
    with contextlib.suppress(LicentiaError):
        ident = identify_file(path)
    dec = ident.declared if ident is not None else None
    def field(name: str) -> object:
        return getattr(data, name, None)

    return Card(rel, _strings(field("license")), _opt(field("license_name")),
                _opt(field("license_link")), _strings(field("base_model")),
                _opt(field("base_model_relation")), _strings(field("datasets")),
                _opt(field("model_name")),
                dec.resolved.key if dec is not None and dec.resolved else None,
                dec.candidates if dec is not None else ())


def _opt(value: object) -> str | None:
    return str(value) if isinstance(value, str | int | float) and str(value).strip() else None


def is_model(files: list[str], root: Path) -> bool:
    """A folder with GGUF or safetensors weights, other weights beside a `config.json`, or a
    model card declaring a license or a base model (a stray `.bin` in a code repository does
    not make it a model)."""
    if any(Path(f).suffix.lower() in MODEL_SUFFIXES for f in files):
        return True
    if "config.json" in files and any(is_weights(f) for f in files):
        return True
    card = next((root / n for n in CARD_NAMES if n in files), None)
    if card is None:
        return False
    head = card.read_text("utf-8", errors="replace")[:4096] if card.is_file() else ""
    return head.startswith("---") and any(k in head for k in ("license:", "base_model:",
                                                              "pipeline_tag:"))


def _top(rel: str, names: tuple[str, ...]) -> bool:
    return "/" not in rel and rel.upper().startswith(names)


def _model_name(root: Path, card: Card | None) -> str:
    if card is not None and card.model_name:
        return card.model_name
    parts = root.resolve().parts
    if len(parts) >= 3 and parts[-2] == "snapshots" and parts[-3].startswith("models--"):
        return parts[-3][len("models--"):].replace("--", "/")
    return root.resolve().name


def _disagree(what: str, keys: set[str], card_keys: set[str], card: str) -> Finding | None:
    if not keys or not card_keys or not keys.isdisjoint(card_keys):
        return None
    return finding("model-parts-disagree", [what, card],
                   what=f"{card} declares {' / '.join(sorted(card_keys))}, but {what} is "
                   f"{' AND '.join(sorted(keys))}")


def _card_findings(card: Card) -> list[Finding]:
    out: list[Finding] = []
    if card.error:
        out.append(finding("model-card-problem", [card.path], file=card.path,
                           problem=card.error))
    if "other" in card.license and not card.license_name:
        out.append(finding("license-name-missing", [card.path], path=card.path))
    return out


def scan_model(root: Path, files: dict[str, FileResult],
               remote_weights: tuple[WeightsInfo, ...] = (),
               hub_cards: Mapping[str, Path] | None = None) -> ModelScan:
    """The model in `root`, from the tree's file results (`files`, by path). With `--online`:
    `remote_weights`, the metadata of weights read on the Hub (not in `root`); `hub_cards`,
    the cards of base models and datasets the local caches lack, as the Hub gave them
    (`model:org/name` / `dataset:org/name` -> a card file)."""
    cards = hub_cards or {}
    rels = sorted(files)
    card_rel = next((n for n in CARD_NAMES if n in files), None)
    card = read_card(root / card_rel, card_rel) if card_rel else None
    findings: list[Finding] = _card_findings(card) if card else []
    license_files = tuple((r, files[r].expression) for r in rels
                          if _top(r, _LICENSE_NAMES) and files[r].license_text)
    license_files = license_files or tuple((r, files[r].expression) for r in rels
                                           if _top(r, _LICENSE_NAMES))
    policies = tuple(r for r in rels if _top(r, POLICY_NAMES))
    notices = tuple(r for r in rels if _top(r, NOTICE_NAMES))
    weights = tuple(read_weights(root / r, r) for r in rels if is_weights(r)) + remote_weights
    for w in weights:
        if w.error:
            findings.append(finding("model-card-problem", [w.path], file=w.path,
                                    problem=w.error))
    card_keys = ({card.resolved} if card and card.resolved else set()) | set(
        card.candidates if card else ())
    card_path = card.path if card else ""
    for path, expr in license_files:
        keys = set(expression_keys(expr)) if expr else set()
        if (f := _disagree(path, keys, card_keys, card_path)) is not None:
            findings.append(f)
    weight_keys: set[str] = set()
    for w in weights:
        if not w.license:
            continue
        got = read_expression(w.license)
        keys = set(expression_keys(got.expression)) if got.expression else set()
        weight_keys |= keys
        if (f := _disagree(f"the license in {w.path}'s metadata ({w.license})", keys,
                           card_keys, card_path)) is not None:
            findings.append(f)
    expression = card.resolved if card and card.resolved else combine(
        e for _, e in license_files)
    if not expression and weight_keys:
        expression = combine(sorted(weight_keys))
    if weights and not expression:
        findings.append(finding("weights-without-license", [w.path for w in weights]))
    name = _model_name(root, card)
    bases = tuple(_base(b, cards.get(f"model:{b}")) for b in (card.base_model if card else ()))
    datasets = tuple(local_dataset(d, _card_license, cards.get(f"dataset:{d}"))
                     for d in (card.datasets if card else ()))
    if card is not None and expression and (bases or any(d.expression for d in datasets)):
        findings += lineage_findings(name, expression, card.base_model_relation, bases,
                                     datasets)
    return ModelScan(name, card, license_files, policies, notices, weights, expression, bases,
                     tuple(findings), datasets)


def _card_license(path: Path) -> tuple[str, str | None]:
    """A (dataset) card's resolved license and its `license` as written."""
    got = read_card(path, str(path))
    return got.resolved or "", ", ".join(got.license) or None


def _base(repo_id: str, hub_card: Path | None = None) -> Base:
    """A base model: its license from its card in the local Hugging Face cache, else from the
    card the Hub gave (`hub_card`, `--online`), when there."""
    snapshot = local_snapshot(repo_id)
    card = next((snapshot / n for n in CARD_NAMES if (snapshot / n).is_file()), None) \
        if snapshot is not None else None
    if card is not None:
        got = read_card(card, str(card))
        return Base(repo_id, got.resolved, str(snapshot), "local Hugging Face cache")
    if hub_card is not None:
        got = read_card(hub_card, str(hub_card))
        return Base(repo_id, got.resolved, None, "Hugging Face Hub (its card data)")
    return Base(repo_id, None, str(snapshot) if snapshot is not None else None)
