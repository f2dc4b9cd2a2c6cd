# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`licentia identify`: contract JSON, model cards, and bad input that never tracebacks."""

from __future__ import annotations

from pathlib import Path

from licentia.catalog.licensedb import read_text

CONTRACT_KEYS = {"path", "result", "license", "confidence", "coverage", "matches", "differences"}


def test_json_per_contract(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "LICENSE").write_text(read_text("llama-3.1-license-2024"), encoding="utf-8")
    run = licentia("identify", "LICENSE", "--json")
    assert run.code == 0, run.stderr
    [item] = run.json()
    assert set(item) >= CONTRACT_KEYS
    assert item["result"] == "exact"
    assert item["license"] == {"id": "llama-3.1-license-2024",
                               "spdx": "LicenseRef-scancode-llama-3.1-license-2024",
                               "name": "Llama 3.1 Community License Agreement 2024"}
    assert item["coverage"] == 100.0 and item["confidence"] == 1.0
    [m] = item["matches"]
    assert {"id", "spdx", "start_line", "end_line", "coverage"} <= set(m)
    assert m["start_line"] >= 1 and m["end_line"] > 40


def test_modified_text_reports_the_difference(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = read_text("llama-3.3-license-2024").replace("700 million", "1 billion")
    (tmp_path / "LICENSE").write_text(text, encoding="utf-8")
    [item] = licentia("identify", "LICENSE", "--json").json()
    assert item["result"] == "modified"
    assert item["license"]["id"] == "llama-3.3-license-2024"
    [diff] = item["differences"]
    assert diff["kind"] == "changed" and diff["reference"] == "700 million"
    assert diff["found"] == "1 billion"
    assert diff["line"] == text[: text.index("1 billion")].count("\n") + 1
    human = licentia("identify", "LICENSE")
    assert "modified" in human.stdout and "1 billion" in human.stdout


def test_model_card_and_its_license_link(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "LICENSE").write_text(read_text("llama-3.2-license-2024"), encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "---\nlicense: llama3.1\nlicense_link: LICENSE\n---\n# My model\n", encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    declared = item["declared"]
    assert declared["license"] == ["llama3.1"]
    assert declared["resolved"]["id"] == "llama-3.1-license-2024"
    assert declared["link"]["license"]["id"] == "llama-3.2-license-2024"
    assert declared["agrees"] is False
    assert item["result"] == "multiple"


def test_model_card_other_with_license_name(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "README.md").write_text(
        "---\nlicense: other\nlicense_name: deepseek-la-1.0\nlicense_link: "
        "https://example.com/LICENSE\n---\n# Card\n", encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert item["declared"]["license_name"] == "deepseek-la-1.0"
    assert item["license"]["id"] == "deepseek-la-1.0"
    assert any("remote" in n for n in item["notes"])


def test_family_tag_without_version_is_partial(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "README.md").write_text("---\nlicense: openrail\n---\n# Card\n", encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert item["result"] == "partial"
    assert "stable-diffusion-2022-08-22" in item["declared"]["candidates"]


def test_bad_inputs_are_reported_and_the_rest_still_identified(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "MIT").write_text(read_text("mit"), encoding="utf-8")
    (tmp_path / "empty").write_bytes(b"")
    (tmp_path / "binary").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "latin1").write_bytes(read_text("isc").encode("cp1252") + b"\xe9t\xe9")
    (tmp_path / "card.md").write_text("---\nlicense: [unclosed\n---\n# Card\n", encoding="utf-8")
    (tmp_path / "adir").mkdir()
    run = licentia("identify", "MIT", "empty", "binary", "latin1", "card.md", "adir", "missing",
                   "--json")
    assert run.code == 2
    assert "Traceback" not in run.stderr
    errors = run.stderr.strip().splitlines()
    assert errors == ["licentia: error: adir: is a directory, not a file",
                      "licentia: error: missing: no such file"]
    by_path = {item["path"]: item for item in run.json()}
    assert by_path["MIT"]["result"] == "exact"
    assert by_path["empty"]["result"] == "none"
    assert by_path["binary"]["result"] == "not-text"
    assert by_path["latin1"]["result"] == "modified" or by_path["latin1"]["license"]["id"] == "isc"
    assert any("Windows-1252" in n for n in by_path["latin1"]["notes"])
    assert any("not valid YAML" in n for n in by_path["card.md"]["notes"])
    assert by_path["missing"]["error"] == "no such file"


def test_large_file_is_read_in_part(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        fh.write(read_text("apache-2.0"))
        line = "lorem ipsum dolor sit amet " * 4 + "\n"
        fh.write(line * (50 * 1024 * 1024 // len(line)))
    run = licentia("identify", "big.txt", "--json")
    assert run.code == 0, run.stderr
    [item] = run.json()
    assert item["license"]["id"] == "apache-2.0"
    assert any("only the first" in n for n in item["notes"])


def test_a_drafted_docx_license_round_trips(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    run = licentia("draft", "custom", "--holder", "Example Vision Labs", "--artifacts",
                   "model,code", "--grant", "research", "--restrict",
                   "military,deepfake-impersonation", "--format", "docx", "--out", "L.docx")
    assert run.code == 0, run.stderr
    [item] = licentia("identify", "L.docx", "--json").json()
    assert item["result"] == "exact"
    assert item["license"]["id"] == "licentia-rail-1.0"


def test_model_card_remote_license_link_known_from_the_licensedb(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    card = tmp_path / "README.md"
    llama3 = "https://github.com/meta-llama/llama-models/blob/main/models/llama3/LICENSE"
    card.write_text(f"---\nlicense: other\nlicense_link: {llama3}\n---\n# Card\n",
                    encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert (item["result"], item["license"]["id"]) == ("exact", "llama-3-license-2024")
    assert item["confidence"] < 1.0 and any("not fetched" in n for n in item["notes"])
    card.write_text(f"---\nlicense: llama3.1\nlicense_link: {llama3}\n---\n# Card\n",
                    encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert item["result"] == "multiple" and item["declared"]["agrees"] is False
    card.write_text("---\nlicense: other\nlicense_link: https://ai.google.dev/gemma/terms\n---\n",
                    encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert item["result"] == "partial"
    assert set(item["declared"]["candidates"]) == {"gemma-tou-2024-04-01", "gemma-tou-2025-03-24"}


def test_model_card_with_a_list_of_licenses_keeps_every_one(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "README.md").write_text(
        "---\nlicense: [apache-2.0, llama3.1]\n---\n# Merged model\n", encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert item["result"] == "multiple"
    assert {m["id"] for m in item["matches"]} == {"apache-2.0", "llama-3.1-license-2024"}
    assert "apache-2.0" in item["expression"] and "llama-3.1-license-2024" in item["expression"]


def test_card_other_is_its_license_link_never_exact_when_changed(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = read_text("llama-3.1-license-2024").replace("700 million", "900 million")
    (tmp_path / "LICENSE").write_text(text, encoding="utf-8")
    for tag in ("other", "llama3.1"):
        (tmp_path / "README.md").write_text(
            f"---\nlicense: {tag}\nlicense_link: LICENSE\n---\n# Card\n", encoding="utf-8")
        [item] = licentia("identify", "README.md", "--json").json()
        assert item["license"]["id"] == "llama-3.1-license-2024", tag
        assert item["result"] == "modified", tag
        assert any("900" in (d["found"] or "") for d in item["differences"]), tag


def test_model_card_license_is_a_hub_tag_first(licentia, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # the Hub's `bsl-1.0` is the Boost Software License; the LicenseDB key `bsl-1.0` is another
    (tmp_path / "README.md").write_text("---\nlicense: bsl-1.0\n---\n# Card\n", encoding="utf-8")
    [item] = licentia("identify", "README.md", "--json").json()
    assert item["license"]["id"] == "boost-1.0"
