# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Use-case text -> named facts (true / false / unknown, numbers) with the words they rest on."""

from licentia.analysis.facts.model import Fact, Facts, Figure, Source
from licentia.analysis.facts.read import describe, read_facts

__all__ = ["Fact", "Facts", "Figure", "Source", "describe", "read_facts"]
