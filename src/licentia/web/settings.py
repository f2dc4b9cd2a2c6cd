# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""How one workbench runs: its registry, where uploads are kept, the key that signs session
cookies, and the limits on what a request may carry."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from licentia.registry.location import data_dir
from licentia.registry.storage import MAX_UPLOAD_BYTES

SESSION_SECONDS = 8 * 3600


@dataclass(frozen=True)
class Settings:
    db_url: str | None
    storage: Path
    secret_key: str
    max_upload_bytes: int = MAX_UPLOAD_BYTES
    secure_cookies: bool = False  # set behind HTTPS; loopback HTTP needs it off
    session_seconds: int = SESSION_SECONDS

    @classmethod
    def default(cls, db_url: str | None = None, storage: Path | None = None) -> Settings:
        """Uploads and the signing key in the data directory (the key is made once, private to
        the user, so sessions survive a restart); $LICENTIA_SECRET_KEY overrides it."""
        base = data_dir()
        return cls(db_url, storage or base / "uploads",
                   os.environ.get("LICENTIA_SECRET_KEY") or _secret_key(base / "secret_key"),
                   secure_cookies=os.environ.get("LICENTIA_SECURE_COOKIES") == "1")


def _secret_key(path: Path) -> str:
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    key = secrets.token_urlsafe(48)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(key + "\n")
    return key
