# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The licenses of the datasets a model card names, read from the local Hugging Face caches
(never the network): the dataset's card in the hub cache (`HF_HUB_CACHE`, a dataset repo
downloaded by huggingface_hub or `datasets`), else the `license` the `datasets` library wrote in
the `dataset_info.json` of a prepared copy (`HF_DATASETS_CACHE`); with `--online`, last, the
card data the Hub gave (read by `scan.online`).
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from licentia.errors import LicentiaError
from licentia.safe_read import read_any_text
from licentia.scan.expressions import read_expression, to_spdx
from licentia.scan.hfcache import local_snapshot

_NAME = re.compile(r"^(?:[\w.-]{1,96}/)?[\w.-]{1,96}$")
_INFO = "dataset_info.json"
_INFO_DEPTH = 4  # <config>/<version>/<hash>/dataset_info.json
_MAX_INFO_BYTES = 16 << 20


@dataclass(frozen=True)
class Dataset:
    """A dataset a model names: its license (LicenseDB expression, "" when not known), as
    written, and where it was read (None when no local copy says)."""

    repo_id: str
    expression: str = ""
    written: str | None = None
    source: str | None = None
    problem: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.repo_id, "license": self.expression or None,
                "spdx": to_spdx(self.expression) or None, "written": self.written,
                "source": self.source, "problem": self.problem}


def datasets_cache() -> Path:
    """The `datasets` library's cache folder, as it would choose it."""
    if os.environ.get("HF_DATASETS_CACHE"):
        return Path(os.environ["HF_DATASETS_CACHE"])
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "huggingface")
    return Path(home) / "datasets"


def local_dataset(repo_id: str, read_card: Any, hub_card: Path | None = None) -> Dataset:
    """A dataset's license from the local caches, else from the card the Hub gave (`hub_card`,
    `--online`); `read_card(path)` reads a card's resolved license and how it is written (the
    model card reader: dataset cards share its fields)."""
    if not _NAME.match(repo_id) or ".." in repo_id:
        return Dataset(repo_id, problem="not a dataset id")
    snapshot = local_snapshot(repo_id, repo_type="dataset") if "/" in repo_id else None
    card = snapshot / "README.md" if snapshot is not None else None
    if card is not None and card.is_file():
        expression, written = read_card(card)
        if expression or written:
            return Dataset(repo_id, expression, written, str(card))
    found = _from_info(repo_id)
    if (found.expression or found.written) or hub_card is None:
        return found
    expression, written = read_card(hub_card)
    return Dataset(repo_id, expression, written, "Hugging Face Hub (its card data)") \
        if expression or written else found


def _from_info(repo_id: str) -> Dataset:
    folder = datasets_cache() / repo_id.replace("/", "___")
    if not folder.is_dir():
        return Dataset(repo_id)
    infos = sorted(p for p in folder.rglob(_INFO)
                   if len(p.relative_to(folder).parts) <= _INFO_DEPTH)
    for info in infos:
        try:
            data = json.loads(read_any_text(info, _MAX_INFO_BYTES, "dataset_info.json"))
        except (LicentiaError, json.JSONDecodeError) as exc:
            message = exc.message if isinstance(exc, LicentiaError) else f"not valid JSON: {exc}"
            return Dataset(repo_id, source=str(info), problem=message)
        written = data.get("license") if isinstance(data, dict) else None
        if isinstance(written, str) and written.strip():
            got = read_expression(written)
            return Dataset(repo_id, got.expression, " ".join(written.split())[:200], str(info),
                           got.problem)
    return Dataset(repo_id, source=str(infos[0]) if infos else None)
