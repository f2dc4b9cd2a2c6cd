# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Use-case text -> named facts (true / false / unknown, numbers) with the words they rest on."""

from licentia.analysis.facts.model import Fact, Facts, Figure, NamedLicense, Source
from licentia.analysis.facts.named import against
from licentia.analysis.facts.read import describe, read_facts

__all__ = ["Fact", "Facts", "Figure", "NamedLicense", "Source", "against", "describe",
           "read_facts"]
