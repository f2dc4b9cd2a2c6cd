# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Term sheets: schema, taxonomy, and every evidence quote against its reference text."""

from __future__ import annotations

from pathlib import Path

import pytest

from licentia.catalog import taxonomy, terms
from licentia.catalog.catalog import catalog
from licentia.catalog.evidence import corpus_dir, verify_quotes
from licentia.errors import DataError

SHEETS = terms.all_sheets()


def test_sheets_load_and_name_known_licenses() -> None:
    assert SHEETS, "no term sheets found"
    cat = catalog()
    for key in SHEETS:
        assert cat.get(key) is not None, f"term sheet for unknown license key {key!r}"


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_every_quote_is_in_the_reference_text(key: str) -> None:
    problems, unchecked = verify_quotes(SHEETS[key])
    assert not problems, "\n".join(str(p) for p in problems)
    if unchecked and corpus_dir() is None:
        pytest.skip(f"texts not available here: {', '.join(unchecked)}")
    assert not unchecked, f"quotes could not be checked against {unchecked}"


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_use_restrictions_map_to_taxonomy(key: str) -> None:
    known = taxonomy.taxonomy()
    for clause in SHEETS[key].clauses:
        if clause.kind is terms.ClauseKind.USE_RESTRICTION:
            assert clause.taxonomy and set(clause.taxonomy) <= set(known), clause.id


@pytest.mark.parametrize("key", sorted(SHEETS))
def test_osaid_fails_with_any_use_restriction(key: str) -> None:
    sheet = SHEETS[key]
    restricted = any(c.kind is terms.ClauseKind.USE_RESTRICTION for c in sheet.clauses)
    if restricted:
        assert sheet.facts.osaid_any_purpose is False, key


def test_schema_error_names_file_and_key() -> None:
    bad = """
license: mit
title: MIT
version: "1"
family: oss
facts: {osi_approved: true, fsf_free: true, osaid_any_purpose: true,
        commercial_use: yes, copyleft: none}
clauses:
  - id: grant
    kind: permision
    title: x
    evidence: [{quote: "Permission is hereby granted", section: "1"}]
"""
    with pytest.raises(DataError) as err:
        terms.parse_sheet(bad, "terms/mit.yaml")
    assert "terms/mit.yaml" in str(err.value)
    assert "clauses[grant].kind" in str(err.value)


def test_use_restriction_without_taxonomy_is_an_error() -> None:
    bad = """
license: mit
title: MIT
version: "1"
family: oss
facts: {osi_approved: true, fsf_free: true, osaid_any_purpose: true,
        commercial_use: "yes", copyleft: none}
clauses:
  - id: no-war
    kind: use-restriction
    title: x
    evidence: [{quote: "Permission is hereby granted", section: "1"}]
"""
    with pytest.raises(DataError, match=r"clauses\[no-war\]\.taxonomy"):
        terms.parse_sheet(bad, "terms/mit.yaml")


def test_failing_quote_names_license_clause_and_quote() -> None:
    sheet = terms.parse_sheet("""
license: mit
title: MIT
version: "1"
family: oss
facts: {osi_approved: true, fsf_free: true, osaid_any_purpose: true,
        commercial_use: "yes", copyleft: none}
clauses:
  - id: grant
    kind: permission
    title: x
    evidence: [{quote: "Permission is hereby withheld from everyone", section: "1"}]
""", "terms/mit.yaml")
    problems, _ = verify_quotes(sheet)
    assert len(problems) == 1
    text = str(problems[0])
    assert "mit" in text and "grant" in text and "Permission is hereby withheld" in text


@pytest.mark.parametrize("key", ["gemma-pup-2024-02-21", "llama-4-license-2025"])
def test_policies_incorporated_by_reference_explain_on_their_own(key: str) -> None:
    sheet = terms.sheet_for(key)
    assert sheet is not None and sheet.license == key
    restrictions = [c for c in sheet.clauses if c.kind is terms.ClauseKind.USE_RESTRICTION]
    assert len(restrictions) >= 10
    assert all(e.document == "license" for c in sheet.clauses for e in c.evidence)
    problems, unchecked = verify_quotes(sheet)
    assert not problems and not unchecked, [str(p) for p in problems]


@pytest.mark.parametrize("key", sorted(terms.exception_sheets()))
def test_every_exception_quote_is_in_the_exception_text(key: str) -> None:
    sheet = terms.exception_sheets()[key]
    lic = catalog().get(key)
    assert lic is not None and lic.is_exception, f"{key} is not a LicenseDB exception"
    problems, unchecked = verify_quotes(sheet)
    assert not problems, "\n".join(str(p) for p in problems)
    assert not unchecked


def test_sheets_from_the_json_copy_are_the_parsed_ones(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The sheets' YAML is parsed once; later commands read a JSON copy of the documents."""
    monkeypatch.setenv("LICENTIA_CACHE_DIR", str(tmp_path))
    parsed = {s.license: s for s in (terms.parse_sheet(t, src)
                                     for src, t in terms._sheet_files("terms"))}
    terms.all_sheets.cache_clear()
    try:
        assert terms.all_sheets() == parsed  # (parsed, and the copy written)
        assert list(tmp_path.glob("sheets-terms-v*.json"))
        monkeypatch.setattr(terms, "load_yaml", lambda *_: pytest.fail("parsed again"))
        terms.all_sheets.cache_clear()
        assert terms.all_sheets() == parsed
    finally:
        terms.all_sheets.cache_clear()
