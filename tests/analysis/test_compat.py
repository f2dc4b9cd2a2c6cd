# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Pair verdicts the OSADL matrix does not cover (data licenses)."""

from __future__ import annotations

from licentia.analysis.compat import Compat, compatibility


def test_patent_termination_is_no_further_restriction_where_no_patents_are_licensed() -> None:
    # GPL-2.0 licenses patents implicitly and forbids further restrictions: Apache's patent
    # termination is one (the FSF's reading). CC-BY-SA-4.0 licenses no patents at all.
    assert compatibility("gpl-2.0", "apache-2.0").verdict is Compat.NO
    assert compatibility("cc-by-sa-4.0", "apache-2.0").verdict is Compat.YES
