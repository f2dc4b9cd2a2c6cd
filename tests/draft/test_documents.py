# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""draft license / notice / modelcard / reuse and init's plan: LicenseDB texts with their fields
filled (and still identified as exact), attribution duties from term sheets, model-card
metadata that identify resolves, REUSE layouts that `reuse lint` accepts, and writing that never
overwrites."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from licentia.analysis.manifest import parse_manifest
from licentia.catalog.catalog import catalog
from licentia.catalog.licensedb import read_text
from licentia.catalog.template.choices import TEMPLATE_ID, Choices
from licentia.catalog.template.text import render_markdown
from licentia.catalog.terms import sheet_for
from licentia.draft.license import draft_license
from licentia.draft.modelcard import draft_modelcard, merge_into_readme
from licentia.draft.notice import draft_notice
from licentia.draft.output import Document, write_documents
from licentia.draft.repository import plan_repository
from licentia.draft.reuse import copyright_of, reuse_documents
from licentia.errors import InputError
from licentia.identify import Result, identify_file, identify_text
from licentia.identify.index import Index


def lic(ref: str):  # type: ignore[no-untyped-def]
    return catalog().resolve(ref)


@pytest.mark.parametrize(("ref", "line"), [
    ("MIT", "Copyright (c) 2026 Example Labs"),
    ("BSD-3-Clause", "Copyright (c) 2026, Example Labs"),
    ("BSD-2-Clause", "Copyright (c) 2026, Example Labs"),
    ("ISC", "Copyright (c) 2026 Example Labs"),
    ("0BSD", "Copyright (C) 2026 by Example Labs"),
    ("Apache-2.0", "Copyright 2026 Example Labs"),
])
def test_filled_licenses_stay_exact(ref: str, line: str, index: Index) -> None:
    drafted = draft_license(lic(ref), "Example Labs", 2026)
    assert line in drafted.text
    assert "[yyyy]" not in drafted.text and "ORGANIZATION" not in drafted.text
    ident = identify_text(drafted.text, index=index)
    assert ident.result is Result.EXACT, ident.differences
    assert ident.license is not None and ident.license.key == lic(ref).key
    assert not drafted.notes


def test_a_license_without_a_copyright_line_is_verbatim_with_a_note() -> None:
    drafted = draft_license(lic("GPL-3.0-only"), "Example Labs", 2026)
    assert drafted.text.strip() == read_text("gpl-3.0").strip()
    [note] = drafted.notes
    assert "Copyright 2026 Example Labs" in note


def test_licenses_licentia_does_not_carry_are_refused() -> None:
    with pytest.raises(InputError, match="does not carry the text"):
        draft_license(lic("llama3"), "X")
    with pytest.raises(InputError, match="draft custom"):
        draft_license(lic(TEMPLATE_ID), "X")
    with pytest.raises(InputError, match="holder"):
        draft_license(lic("MIT"), "  ")


MANIFEST = """\
project: support-bot
distribution: distributed
commercial: true
components:
  - id: base
    kind: model
    license: llama3.1
  - id: tuned
    kind: model
    license: Apache-2.0
    derived_from: [{component: base, relation: finetune}]
  - id: faces
    kind: dataset
    license: CC-BY-4.0
"""


def test_notice_carries_the_llama_notice_and_built_with_llama() -> None:
    notice = draft_notice(parse_manifest(MANIFEST), "Example Labs", 2026)
    text = notice.text
    assert text.startswith("support-bot\nCopyright 2026 Example Labs\n")
    assert "Built with Llama" in text
    assert ("Llama 3.1 is licensed under the Llama 3.1 Community License, Copyright © Meta "
            "Platforms, Inc. All Rights Reserved.") in text
    for component in ("base (model)", "tuned (model)", "faces (dataset)"):
        assert component in text
    reminders = [str(r) for r in notice.reminders]
    assert any("display “Built with Llama”" in r and "(1.b.i)" in r for r in reminders)
    assert any("“Llama”" in r and "model name" in r for r in reminders)
    assert any(r.startswith("tuned (apache-2.0)") and "NOTICE" in r for r in reminders)


def test_modelcard_uses_the_hub_tag_or_other_with_a_name_identify_resolves(
        tmp_path: Path, index: Index) -> None:
    apache = draft_modelcard(lic("apache-2.0"), sheet_for("apache-2.0"))
    assert apache.metadata == {"license": "apache-2.0"}
    llama = draft_modelcard(lic("llama3.1"), sheet_for("llama-3.1-license-2024"))
    assert llama.metadata == {"license": "llama3.1"}
    assert "military" in llama.section and "Built with Llama" in llama.section
    choices = Choices.build("Example Vision Labs", ["model"], "research", True, ["military"])
    (tmp_path / "LICENSE.md").write_text(render_markdown(choices), encoding="utf-8")
    from licentia.catalog.template.sheet import build_sheet

    block = draft_modelcard(lic(TEMPLATE_ID), build_sheet(choices), "LICENSE.md", "Vis-1")
    assert block.metadata == {"license": "other", "license_name": TEMPLATE_ID,
                              "license_link": "LICENSE.md"}
    assert "Vis-1 is released under" in block.section and "military" in block.section
    (tmp_path / "README.md").write_text(block.text, encoding="utf-8")
    ident = identify_file(tmp_path / "README.md", index)
    assert ident.declared is not None and ident.declared.agrees is True
    assert ident.license is not None and ident.license.key == TEMPLATE_ID


def test_merging_into_a_readme_keeps_its_metadata_and_body() -> None:
    block = draft_modelcard(lic("apache-2.0"), sheet_for("apache-2.0"))
    readme = "---\nlicense: mit\ntags: [vision]\n---\n# My model\n\nIt sees.\n"
    merged = merge_into_readme(readme, block)
    front = yaml.safe_load(merged.split("---\n")[1])
    assert front == {"tags": ["vision"], "license": "apache-2.0"}
    assert "# My model\n\nIt sees.\n" in merged and "## License" in merged
    # a README that has a license section keeps it
    again = merge_into_readme(merged, block)
    assert again.count("## License") == 1
    assert merge_into_readme("Plain text.\n", block).startswith("---\nlicense: apache-2.0\n")


def test_reuse_layout_is_compliant(tmp_path: Path) -> None:
    docs = reuse_documents(lic("MIT"), 'Example "Labs"', 2026)
    assert [d.path for d in docs] == ["REUSE.toml", "LICENSES/MIT.txt"]
    toml = str(docs[0].content)
    assert 'SPDX-License-Identifier = "MIT"' in toml
    assert 'SPDX-FileCopyrightText = "2026 Example \\"Labs\\""' in toml
    assert str(docs[1].content).strip() == read_text("mit").strip()
    write_documents(tmp_path, docs)
    (tmp_path / "train.py").write_text("print('hello')\n", encoding="utf-8")
    reuse = shutil.which("reuse") or str(Path(__import__("sys").executable).parent / "reuse")
    if not Path(reuse).exists():
        pytest.skip("the reuse tool is not installed")
    proc = subprocess.run([reuse, "--root", str(tmp_path), "lint"], capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout


def test_copyright_of_a_license_text() -> None:
    assert copyright_of("MIT License\n\nCopyright (c) 2021 Jane Doe\n\nPermission") == \
        (2021, "Jane Doe")
    assert copyright_of("Copyright [yyyy] [name of copyright owner]") is None


def test_writing_is_all_or_nothing_and_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "NOTICE").write_text("mine\n", encoding="utf-8")
    docs = [Document("LICENSE", "new license\n"), Document("NOTICE", "new notice\n")]
    with pytest.raises(InputError, match="NOTICE; nothing was written"):
        write_documents(tmp_path, docs)
    assert not (tmp_path / "LICENSE").exists()
    assert (tmp_path / "NOTICE").read_text(encoding="utf-8") == "mine\n"
    written = write_documents(tmp_path, docs, force=True)
    assert [p.name for p in written] == ["LICENSE", "NOTICE"]
    assert (tmp_path / "NOTICE").read_text(encoding="utf-8") == "new notice\n"


def test_repository_plan_for_a_drafted_license(tmp_path: Path) -> None:
    choices = Choices.build("Example Vision Labs", ["model", "code"], "research", True,
                            ["military", "deepfake-impersonation"], name="Vis-1")
    plan = plan_repository(tmp_path, "Example Vision Labs", choices=choices, model="Vis-1")
    paths = [d.path for d in plan.documents]
    assert paths == ["LICENSE.md", "NOTICE", "REUSE.toml",
                     "LICENSES/LicenseRef-licentia-rail-1.0.txt", "README.md"]
    by_path = {d.path: d.content for d in plan.documents}
    assert by_path["LICENSE.md"] == by_path["LICENSES/LicenseRef-licentia-rail-1.0.txt"]
    assert "Uses materials of Example Vision Labs" in str(by_path["NOTICE"])
    assert "license_name: licentia-rail-1.0" in str(by_path["README.md"])
