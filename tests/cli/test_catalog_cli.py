# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia licenses`, `explain` and `compare`."""

from __future__ import annotations


def test_licenses_list_ai_family(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia("licenses", "list", "--family", "ai", "--json")
    assert run.code == 0
    ids = {item["id"] for item in run.json()}
    assert {"llama-3.1-license-2024", "llama-3-license-2024", "bigscience-open-rail-m2"} <= ids
    assert "mit" not in ids


def test_licenses_show_by_hf_tag(licentia) -> None:  # type: ignore[no-untyped-def]
    data = licentia("licenses", "show", "openrail++", "--json").json()
    assert data["id"] == "bigscience-open-rail-m2"
    assert "openrail++" in data["hf_tags"]


def test_unknown_reference_suggests(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia("licenses", "show", "Apache-2.1")
    assert run.code == 2
    assert run.stderr.strip() == ("licentia: error: unknown license reference 'Apache-2.1' "
                                  "(did you mean: Apache-2.0, Apache-1.1, Apache-1.0?)")


def test_explain_json_per_contract(licentia) -> None:  # type: ignore[no-untyped-def]
    data = licentia("explain", "llama3.1", "--json").json()
    assert data["license"]["id"] == "llama-3.1-license-2024"
    assert set(data["license"]) == {"id", "name", "spdx", "version", "family"}
    assert {"osi_approved", "fsf_free", "osaid_any_purpose", "commercial_use",
            "copyleft"} <= set(data["facts"])
    kinds = {c["kind"] for c in data["clauses"]}
    assert {"permission", "condition", "use-restriction", "threshold"} <= kinds
    for clause in data["clauses"]:
        assert {"kind", "title", "taxonomy", "value", "artifacts", "flows_down",
                "incorporated_by_reference", "evidence"} <= set(clause)
        assert clause["evidence"] and all(e["quote"] and e["section"] for e in clause["evidence"])
    mau = [c for c in data["clauses"] if c["value"].get("mau_threshold")]
    assert mau and mau[0]["value"]["mau_threshold"] == 700_000_000
    military = [c for c in data["clauses"] if "military" in c["taxonomy"]]
    assert military and military[0]["incorporated_by_reference"] == "llama-3.1-aup"


def test_explain_without_term_sheet_says_so(licentia) -> None:  # type: ignore[no-untyped-def]
    data = licentia("explain", "Beerware", "--json").json()
    assert data["term_sheet"] is False and data["clauses"] == []
    assert "no term sheet" in data["note"]
    human = licentia("explain", "Beerware")
    assert "no term sheet" in human.stdout


def test_explain_rejects_an_expression(licentia) -> None:  # type: ignore[no-untyped-def]
    run = licentia("explain", "MIT OR Apache-2.0")
    assert run.code == 2 and "names 2 licenses" in run.stderr


def test_compare_creativeml_and_openrail_plus_plus(licentia) -> None:  # type: ignore[no-untyped-def]
    data = licentia("compare", "creativeml-openrail-m", "openrail++", "--json").json()
    assert data["a"]["id"] == "stable-diffusion-2022-08-22"
    assert data["b"]["id"] == "bigscience-open-rail-m2"
    assert {"same", "only_a", "only_b", "different", "text_differences"} <= set(data)
    forced = [c for c in data["only_a"] + [p["a"] for p in data["different"]]
              if c["value"].get("forced_update")]
    assert forced, "the forced-update duty of CreativeML must show as absent from OpenRAIL++-M"
    removed = [d for d in data["text_differences"] if d["kind"] == "removed"]
    assert any("latest version of the Model" in d["reference"] for d in removed)


def test_compare_bigscience_and_creativeml_restrictions(licentia) -> None:  # type: ignore[no-untyped-def]
    data = licentia("compare", "bigscience-openrail-m", "creativeml-openrail-m", "--json").json()
    only_bigscience = {t for c in data["only_a"] for t in c["taxonomy"]}
    assert {"ai-disclosure", "deepfake-impersonation"} <= only_bigscience
