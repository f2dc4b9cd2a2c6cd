# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia serve` as the README starts it: the embedded SQLite default, on loopback."""

from __future__ import annotations

import urllib.request


def test_serve_answers_health_and_asks_for_a_login(served: str) -> None:
    with urllib.request.urlopen(f"{served}/healthz", timeout=5) as answer:
        assert answer.status == 200 and answer.read() == b"ok"
        assert answer.headers["server"] is None  # no server banner
    with urllib.request.urlopen(f"{served}/", timeout=5) as answer:  # follows to /login
        assert answer.url.endswith("/login?next=/")
        assert b'name="password"' in answer.read()
