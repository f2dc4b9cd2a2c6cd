# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""An organization's policy over a check result: its allow / review / deny decisions on every
license in the product (own and inherited), the restrictions they carry and the findings."""

from __future__ import annotations

from dataclasses import replace

from licentia.analysis.check.model import Check
from licentia.analysis.policy import Policy, apply_policy


def with_policy(result: Check, policy: Policy) -> Check:
    licenses: dict[str, list[str]] = {}
    for d in result.obligations:
        for key in (*d.licenses, *(i.license for i in d.inherited)):
            licenses.setdefault(key, []).append(d.component)
    return replace(result, policy=apply_policy(policy, licenses, result.findings))
