# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identification on real reference texts from the installed LicenseDB."""

from __future__ import annotations

import re
import textwrap

import pytest

from licentia.catalog.catalog import Family, Source, catalog
from licentia.catalog.evidence import corpus_dir
from licentia.catalog.licensedb import read_text
from licentia.identify import Result, identify_text
from licentia.identify.index import Index
from licentia.normalize import SPDX_TAG

AI_KEYS = sorted(
    lic.key for lic in catalog().list(Family.AI) if lic.source is Source.LICENSEDB
)

VARIANT_GROUPS = [
    ["bigscience-rail-1.0", "bigscience-open-rail-m", "stable-diffusion-2022-08-22",
     "bigscience-open-rail-m2", "bigcode-open-rail-m-v1"],
    ["llama-2-license-2023", "llama-3.1-license-2024", "llama-3.2-license-2024",
     "llama-3.3-license-2024", "llama-4-cla-2025"],
    ["gemma-tou-2024-04-01", "gemma-tou-2025-03-24"],
    ["cc-by-nc-4.0", "cc-by-nc-sa-4.0", "cc-by-nc-nd-4.0"],
    ["gpl-2.0", "gpl-3.0", "agpl-3.0"],
]
VARIANTS = sorted({k for group in VARIANT_GROUPS for k in group})


def rewrap(text: str, width: int = 60) -> str:
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(textwrap.fill(" ".join(p.split()), width, break_long_words=False,
                                      break_on_hyphens=False) for p in paragraphs)


def smart_quotes(text: str) -> str:
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
            opening = not opening
        elif ch == "'":
            out.append("\u2019")
        else:
            out.append(ch)
    return "".join(out)


def markdown(text: str) -> str:
    lines = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            lines.append("")
        elif len(stripped) < 60 and stripped.upper() == stripped:
            lines.append(f"## {stripped}")
        else:
            first, _, rest = stripped.partition(" ")
            lines.append(f"- **{first}** {rest}")
    return "# LICENSE\n\n" + "\n".join(lines)


def test_ai_licenses_are_known() -> None:
    assert len(AI_KEYS) >= 20
    for key in ["bigscience-rail-1.0", "llama-3.1-license-2024", "gemma-tou-2025-03-24"]:
        assert key in AI_KEYS


@pytest.mark.parametrize("key", AI_KEYS)
def test_every_ai_license_identifies_as_itself_exactly(index: Index, key: str) -> None:
    r = identify_text(read_text(key), index=index)
    assert r.result is Result.EXACT, (r.result, [str(d) for d in r.differences][:3])
    assert r.license is not None and r.license.key == key
    assert r.coverage == 100.0 and r.confidence == 1.0


@pytest.mark.parametrize("key", VARIANTS)
@pytest.mark.parametrize("perturb", [rewrap, smart_quotes, markdown,
                                     lambda t: t.replace("\n", "\r\n")],
                         ids=["rewrap", "smart-quotes", "markdown", "crlf"])
def test_variants_stay_exact_when_reformatted(index: Index, key: str, perturb) -> None:  # type: ignore[no-untyped-def]
    text = "Copyright (c) 2024 Example Labs\n\n" + perturb(read_text(key))
    r = identify_text(text, index=index)
    assert r.license is not None and r.license.key == key
    assert r.result is Result.EXACT, [str(d) for d in r.differences][:3]


@pytest.mark.parametrize("group", VARIANT_GROUPS, ids=lambda g: g[0])
def test_variants_never_confuse(index: Index, group: list[str]) -> None:
    for key in group:
        r = identify_text(read_text(key), index=index)
        assert r.license is not None and r.license.key == key
        assert len({m.key for m in r.matches}) == 1


def test_apache_with_and_without_appendix(index: Index) -> None:
    text = read_text("apache-2.0")
    full = identify_text(text, index=index)
    assert full.result is Result.EXACT and full.license and full.license.key == "apache-2.0"
    assert not full.matches[0].optional_absent
    bare = identify_text(text[: text.index("APPENDIX")], index=index)
    assert bare.result is Result.EXACT and bare.license and bare.license.key == "apache-2.0"
    assert bare.matches[0].optional_absent == (
        "APPENDIX: How to apply the Apache License to your work",)
    assert any("optional part absent" in n for n in bare.notes)


def test_rail_with_an_added_restriction_is_modified_and_names_it(index: Index) -> None:
    rail = read_text("bigscience-open-rail-m")
    cut = rail.index("(m) To generate")
    clause = "(m) For any military purpose, including weapons development and warfare;\n"
    r = identify_text(rail[:cut] + clause + rail[cut:], index=index)
    assert r.result is Result.MODIFIED
    assert r.license is not None and r.license.key == "bigscience-open-rail-m"
    [diff] = r.differences
    assert diff.kind.value == "added"
    assert "military purpose" in diff.found
    line = (rail[:cut] + clause).count("\n")
    assert diff.line == line


def test_rail_with_a_removed_restriction_is_modified(index: Index) -> None:
    rail = read_text("bigscience-open-rail-m")
    item = "(l) To provide medical advice and medical results interpretation;"
    assert item in rail
    r = identify_text(rail.replace(item, ""), index=index)
    assert r.result is Result.MODIFIED
    assert r.license is not None and r.license.key == "bigscience-open-rail-m"
    [diff] = r.differences
    assert diff.kind.value == "removed"
    assert "medical advice and medical results" in diff.reference


def test_llama_with_an_extra_clause_is_modified(index: Index) -> None:
    text = read_text("llama-3.1-license-2024")
    extra = "\n8. Additional Restriction. You will not use the Llama Materials to build weapons.\n"
    r = identify_text(text + extra, index=index)
    assert r.result is Result.MODIFIED
    assert r.license is not None and r.license.key == "llama-3.1-license-2024"
    assert any("build weapons" in d.found and d.kind.value == "added" for d in r.differences)


def test_changed_threshold_is_a_change(index: Index) -> None:
    text = read_text("llama-3.2-license-2024").replace("700 million", "100 million")
    r = identify_text(text, index=index)
    assert r.result is Result.MODIFIED
    [diff] = r.differences
    assert (diff.kind.value, diff.reference, diff.found) == ("changed", "700", "100")
    assert diff.section is not None and "Additional Commercial Terms" in diff.section


def test_several_licenses_in_one_file(index: Index) -> None:
    apache, mit = read_text("apache-2.0"), read_text("mit")
    text = apache + "\n\nvendor/fastjson is licensed as follows:\n\nCopyright (c) 2019 V\n\n" + mit
    r = identify_text(text, index=index)
    assert r.result is Result.MULTIPLE
    assert [m.key for m in r.matches] == ["apache-2.0", "mit"]
    first, second = r.matches
    assert first.start_line <= 3 and first.end_line < second.start_line
    assert second.end_line >= text.count("\n") - 1


def test_source_header_notice_and_spdx_tag(index: Index) -> None:
    text = (
        f"# {SPDX_TAG}: MIT OR Apache-2.0\n"
        "#\n# Licensed under the Apache License, Version 2.0 (the \"License\");\n"
        "# you may not use this file except in compliance with the License.\n"
        "# You may obtain a copy of the License at\n#\n"
        "#     http://www.apache.org/licenses/LICENSE-2.0\n#\n"
        "# Unless required by applicable law or agreed to in writing, software\n"
        "# distributed under the License is distributed on an \"AS IS\" BASIS,\n"
        "# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.\n"
        "# See the License for the specific language governing permissions and\n"
        "# limitations under the License.\n\nimport os\n\nprint(os.getcwd())\n"
    )
    r = identify_text(text, index=index)
    kinds = {(m.key, m.kind) for m in r.matches}
    assert ("apache-2.0", "notice") in kinds
    assert ("apache-2.0", "spdx-id") in kinds and ("mit", "spdx-id") in kinds
    assert r.result is Result.MULTIPLE


def test_unknown_spdx_id_is_a_note(index: Index) -> None:
    r = identify_text(f"// {SPDX_TAG}: Not-A-License-1.0\nint main;\n", index=index)
    # a tag licentia cannot read is the LicenseDB's unknown-spdx: never "no license", never exact
    assert r.result is Result.PARTIAL and r.expression == "unknown-spdx"
    assert any("Not-A-License-1.0" in n for n in r.notes)


def test_prose_is_none(index: Index) -> None:
    r = identify_text("This repository holds the training scripts for our model. Run make "
                      "to build it and read the docs for the details of each step.", index=index)
    assert r.result is Result.NONE and r.license is None and not r.matches


def test_a_fragment_is_partial(index: Index) -> None:
    text = read_text("gpl-3.0")
    r = identify_text(text[: len(text) // 3], index=index)
    assert r.result is Result.PARTIAL
    assert r.license is not None and r.license.key == "gpl-3.0"
    assert 20 < r.coverage < 80


def test_llama_3_april_2024_known_by_fingerprint(index: Index) -> None:
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("the development corpus is not beside the project")
    text = (corpus / "ai-reference/meta-llama-models__llama3__LICENSE").read_text(encoding="utf-8")
    full = identify_text(text, index=index)
    assert (full.result, full.license.key if full.license else None) == (
        Result.EXACT, "llama-3-license-2024")
    license_only = text[: text.index("Meta Llama 3 Acceptable Use Policy")]
    bare = identify_text(license_only, index=index)
    assert bare.result is Result.EXACT
    assert bare.license and bare.license.key == "llama-3-license-2024"
    changed = identify_text(license_only.replace("700 million", "7 million"), index=index)
    assert changed.result is Result.MODIFIED
    assert changed.license and changed.license.key == "llama-3-license-2024"
    assert any("7" in d.found for d in changed.differences)
    # Llama 3.1's text is not taken for Llama 3, nor the reverse
    other = identify_text(read_text("llama-3.1-license-2024"), index=index)
    assert other.license and other.license.key == "llama-3.1-license-2024"


def test_bsd_with_the_holder_named_is_exact(index: Index) -> None:
    text = read_text("bsd-new").replace("the ORGANIZATION", "Example Labs")
    r = identify_text("Copyright (c) 2021, Example Labs\nAll rights reserved.\n\n" + text,
                      index=index)
    assert r.result is Result.EXACT and r.license and r.license.key == "bsd-new"


def test_gpl_header_notice(index: Index) -> None:
    text = (
        "/*\n * This program is free software; you can redistribute it and/or modify\n"
        " * it under the terms of the GNU General Public License as published by\n"
        " * the Free Software Foundation; either version 2 of the License, or\n"
        " * (at your option) any later version.\n *\n"
        " * This program is distributed in the hope that it will be useful,\n"
        " * but WITHOUT ANY WARRANTY; without even the implied warranty of\n"
        " * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the\n"
        " * GNU General Public License for more details.\n */\nint x;\n"
    )
    r = identify_text(text, index=index)
    assert r.license is not None and r.license.key == "gpl-2.0-plus"
    assert r.matches[0].kind == "notice" and r.matches[0].start_line == 2
