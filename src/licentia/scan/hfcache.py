# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Models and datasets in the local Hugging Face cache (`HF_HUB_CACHE`): a repository id to its
snapshot folder, found by huggingface_hub with `local_files_only` - never the network."""

from __future__ import annotations

import os
import re
from pathlib import Path

_REPO_ID = re.compile(r"^[\w.-]{1,96}/[\w.-]{1,96}$")


def looks_like_repo_id(text: str) -> bool:
    return bool(_REPO_ID.match(text)) and ".." not in text


def local_snapshot(repo_id: str, revision: str | None = None,
                   repo_type: str | None = None) -> Path | None:
    """The cached snapshot folder of `repo_id` (a model unless `repo_type` says "dataset"; its
    `main` revision unless given), or None."""
    if not looks_like_repo_id(repo_id):
        return None
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
    from huggingface_hub import snapshot_download
    from huggingface_hub.errors import HfHubHTTPError, LocalEntryNotFoundError

    try:
        # the cache as set now (huggingface_hub reads HF_HUB_CACHE once, at import)
        cache = os.environ.get("HF_HUB_CACHE") or (
            os.path.join(os.environ["HF_HOME"], "hub") if os.environ.get("HF_HOME") else None)
        folder = snapshot_download(repo_id, revision=revision, local_files_only=True,
                                   cache_dir=cache, repo_type=repo_type)
    except (LocalEntryNotFoundError, HfHubHTTPError, OSError, ValueError):
        return None
    path = Path(folder)
    return path if path.is_dir() else None
