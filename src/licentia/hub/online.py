# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`--online`: model metadata from the Hugging Face Hub API (huggingface_hub's
`HfApi.list_models`, with the card data and tags expanded) written as a Parquet dump in the
cache directory, which is then ingested like any other dump. The API object is a parameter
(`licentia.hfhub.hub_api` in the CLI): tests pass a fake one; nothing here runs without being
asked."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from licentia.cache import cache_dir
from licentia.errors import InputError
from licentia.hfhub import card_data, network_errors, reason
from licentia.hub.read import COLUMNS

# what list_models returns per model: the card (license, license_name, license_link,
# base_model, base_model_relation) and the tags (`license:x`, `base_model:finetune:org/x`)
EXPAND = ["cardData", "tags", "pipeline_tag", "downloads", "likes", "createdAt"]


@dataclass(frozen=True)
class Query:
    """Which models to list (huggingface_hub's list_models arguments)."""

    author: str | None = None
    search: str | None = None
    filter: str | None = None
    limit: int | None = None

    def label(self) -> str:
        given = {k: v for k, v in vars(self).items() if v is not None}
        return "hf-api:" + (",".join(f"{k}={v}" for k, v in sorted(given.items())) or "all")


def _text(value: Any) -> str | None:
    """A card value as dump text: lists as JSON (as the Hub's own dumps write them)."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, list | tuple):
        return json.dumps([str(v) for v in value])
    return str(value)


def row(info: Any) -> dict[str, str | None]:
    """One model's dump row from a list_models record."""
    card = card_data(info)
    tags = [str(t) for t in getattr(info, "tags", None) or ()]
    lic = card.get("license") or [t.removeprefix("license:") for t in tags
                                  if t.startswith("license:")]
    base = card.get("base_model") or [t for t in tags if t.startswith("base_model:")]
    created = getattr(info, "created_at", None)
    return {
        "id": str(getattr(info, "id", "") or getattr(info, "modelId", "")),
        "license": _text(lic[0] if isinstance(lic, list) and len(lic) == 1 else lic),
        "license_name": _text(card.get("license_name")),
        "license_link": _text(card.get("license_link")),
        "base_model": _text(base),
        "base_model_relation": _text(card.get("base_model_relation")),
        "pipeline_tag": _text(getattr(info, "pipeline_tag", None)),
        "downloads": _text(getattr(info, "downloads", None)),
        "likes": _text(getattr(info, "likes", None)),
        "created_at": created.isoformat() if isinstance(created, datetime) else _text(created),
    }


def _unreachable(exc: BaseException) -> InputError:
    return InputError(f"--online: cannot list models from the Hugging Face Hub ({reason(exc)}); "
                      "work offline with a dump file instead")


def _records(api: Any, query: Query) -> Iterable[Any]:
    return api.list_models(author=query.author, search=query.search, filter=query.filter,  # type: ignore[no-any-return]
                           limit=query.limit, expand=EXPAND)


def fetch(api: Any, query: Query, directory: Path | None = None) -> Path:
    """List the models and write them as a Parquet dump; its path. InputError (one line) when
    the Hub cannot be reached or lists nothing."""
    try:
        rows = [row(info) for info in _records(api, query)]
    except network_errors() as exc:
        raise _unreachable(exc) from exc
    if not rows:
        raise InputError(f"--online: the Hub lists no models for {query.label()}")
    table = pa.table({c: pa.array([r[c] for r in rows], pa.string()) for c in COLUMNS})
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    digest = hashlib.blake2b(query.label().encode(), digest_size=8).hexdigest()
    where = (directory or cache_dir()) / "hub" / "online"
    where.mkdir(parents=True, exist_ok=True)
    path = where / f"models-{digest}-{stamp}.parquet"
    pq.write_table(table, str(path))
    return path

