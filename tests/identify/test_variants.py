# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Variant safety over every restricting family of the LicenseDB: a restrictive license's text,
however cut, is never reported as a modified lighter sibling; a restricting term or another
version put into a lighter text names the restrictive variant."""

from __future__ import annotations

import re

import pytest

from licentia.catalog.licensedb import read_entries, read_text
from licentia.identify import Result, identify_text
from licentia.identify.index import Index

FAMILIES = re.compile(r"^(cc-by(-nc)?(-nd)?(-sa)?-[1-4]\.0(-igo)?|a?gpl-[1-3]\.0(-plus)?|"
                      r"lgpl-[2-3]\.[01](-plus)?|.*rail.*|llama.*|gemma.*|stability.*|"
                      r"nvidia.*)$")
RESTRICTIVE = re.compile(r"-nc|-nd|-sa|rail|llama|gemma|stability|nvidia")
KEYS = sorted(e.key for e in read_entries()
              if not e.is_deprecated and FAMILIES.match(e.key) and read_text(e.key).strip())


def _paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]


def test_every_family_is_covered() -> None:
    prefixes = {"cc-by-nc-sa", "cc-by-nd", "gpl-3.0", "lgpl-2.1", "agpl-3.0", "llama",
                "gemma", "rail"}
    assert all(any(p in k for k in KEYS) for p in prefixes), KEYS


@pytest.mark.parametrize("key", [k for k in KEYS if RESTRICTIVE.search(k)])
def test_a_cut_restrictive_text_is_never_a_lighter_license(key: str, index: Index) -> None:
    paragraphs = _paragraphs(read_text(key))
    if len(paragraphs) < 4:
        pytest.skip("too short to cut")
    for cut in (paragraphs[:-1], paragraphs[1:]):
        r = identify_text("\n\n".join(cut), index=index)
        found = {k for m in r.matches for k in (m.key, *m.ambiguous_with)}
        assert key in found, (key, r.result, [m.key for m in r.matches])
        if r.result is Result.MODIFIED:
            assert r.license is not None and r.license.key == key


@pytest.mark.parametrize(("lighter", "restrictive", "old", "new"), [
    ("cc-by-4.0", "cc-by-nc-4.0", r"in whole or\s+in part; and",
     "in whole or in part, for NonCommercial purposes only; and"),
    ("cc-by-3.0", "cc-by-nc-3.0", r"to Reproduce the Work,",
     "to Reproduce the Work for NonCommercial purposes only,"),
    ("gpl-2.0", "gpl-3.0", r"Version 2, June 1991", "Version 3, June 1991"),
])
def test_a_restricting_term_names_the_restrictive_variant(lighter: str, restrictive: str,
                                                          old: str, new: str,
                                                          index: Index) -> None:
    text, n = re.subn(old, new, read_text(lighter), count=1)
    assert n == 1
    r = identify_text(text, index=index)
    keys = {m.key for m in r.matches}
    assert restrictive in keys and r.result is Result.MULTIPLE, (r.result, keys)
    assert any(restrictive in note for note in r.notes)
