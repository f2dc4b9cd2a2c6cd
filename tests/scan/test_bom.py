# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The BOMs of a scan, validated by the libraries' own validators (CycloneDX 1.6 JSON schema,
spdx-tools' SPDX 2.3 validation)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from cyclonedx.schema import SchemaVersion
from cyclonedx.validation.json import JsonStrictValidator
from spdx_tools.spdx.parser.json import json_parser
from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

from licentia.catalog.licensedb import read_text
from licentia.scan import scan
from licentia.scan.cyclonedx import cyclonedx_json
from licentia.scan.spdx import spdx_json

from .fixtures import cache_model, card, make_repo, write, write_gguf


def _model(root: Path) -> Path:
    write(root, "README.md", card("llama3.1", base_model="meta-llama/Llama-3.1-8B",
                                  datasets=["acme/chat-data"]))
    write(root, "LICENSE", read_text("llama-3.1-license-2024"))
    write_gguf(root / "model.Q4.gguf", "llama3.1")
    return root


def test_cyclonedx_ai_bom_is_valid_1_6(tmp_path: Path, hub: Path) -> None:
    cache_model(hub, "meta-llama/Llama-3.1-8B", {"README.md": card("llama3.1")})
    text = cyclonedx_json(scan(_model(tmp_path / "m"), run_reuse=False))
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    bom = json.loads(text)
    assert bom["specVersion"] == "1.6"
    model = next(c for c in bom["components"] if c["type"] == "machine-learning-model")
    assert model["modelCard"]["modelParameters"]["datasets"] == [{"ref": "dataset:acme/chat-data"}]
    [ancestor] = model["pedigree"]["ancestors"]
    assert ancestor["name"] == "meta-llama/Llama-3.1-8B"
    # a license SPDX lacks is its LicenseRef with the text, never a bare Hub tag
    lic = model["licenses"][0]["license"]
    assert lic["name"] == "LicenseRef-scancode-llama-3.1-license-2024"
    assert lic["text"]["content"].startswith("LLAMA 3.1 COMMUNITY LICENSE")
    ids = {c["licenses"][0].get("license", {}).get("id") for c in bom["components"]
           if c.get("licenses")}
    assert not ids & {"llama3.1", "other"}
    assert any(c["type"] == "data" and c["name"] == "acme/chat-data" for c in bom["components"])


def test_cyclonedx_of_a_repository_uses_spdx_ids_and_expressions(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    # REUSE-IgnoreStart
    write(root, "dual.py", "# SPDX-License-Identifier: MIT OR Apache-2.0\nx = 1\n")
    # REUSE-IgnoreEnd
    text = cyclonedx_json(scan(root, run_reuse=False))
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    files = {c["name"]: c["licenses"] for c in json.loads(text)["components"]}
    assert files["vendor/legacy.c"] == [{"license": {"id": "GPL-2.0-only"}}]
    assert files["dual.py"] == [{"expression": "MIT OR Apache-2.0"}]
    assert "notes.txt" not in files


def test_spdx_2_3_document_is_valid(tmp_path: Path) -> None:
    for root in (make_repo(tmp_path / "repo"), _model(tmp_path / "m")):
        text = spdx_json(scan(root, run_reuse=False))
        path = tmp_path / "doc.spdx.json"
        path.write_text(text, encoding="utf-8")
        document = json_parser.parse_from_file(str(path))
        assert validate_full_spdx_document(document) == []
        data = json.loads(text)
        assert data["spdxVersion"] == "SPDX-2.3"
        by_name = {f["fileName"]: f for f in data["files"]}
        if "vendor/legacy.c" in str(by_name):
            assert by_name["./vendor/legacy.c"]["licenseInfoInFiles"] == ["GPL-2.0-only"]
        else:
            refs = {e["licenseId"] for e in data["hasExtractedLicensingInfos"]}
            assert "LicenseRef-scancode-llama-3.1-license-2024" in refs


def test_spdx_3_ai_and_dataset_profiles(tmp_path: Path, hub: Path) -> None:
    from spdx_python_model import v3_0_1 as spdx3

    from licentia.scan.spdx3 import spdx3_json

    cache_model(hub, "meta-llama/Llama-3.1-8B", {"README.md": card("llama3.1")})
    text = spdx3_json(scan(_model(tmp_path / "m"), run_reuse=False))
    objects = spdx3.SHACLObjectSet()
    spdx3.JSONLDDeserializer().read(io.BytesIO(text.encode()), objects)  # reads back
    graph = json.loads(text)["@graph"]
    by_id = {o.get("spdxId"): o for o in graph}
    model = next(o for o in graph if o["type"] == "ai_AIPackage" and o["name"] == "m")
    relations = {(o["relationshipType"], by_id[o["to"][0]]["type"])
                 for o in graph if o["type"] == "Relationship" and o["from"] == model["spdxId"]}
    assert {("trainedOn", "dataset_DatasetPackage"), ("descendantOf", "ai_AIPackage"),
            ("hasDeclaredLicense", "simplelicensing_LicenseExpression")} <= relations
    [expression] = [o for o in graph if o["type"] == "simplelicensing_LicenseExpression"
                    and "llama" in o["simplelicensing_licenseExpression"]]
    [custom] = expression["simplelicensing_customIdToUri"]
    assert by_id[custom["value"]]["simplelicensing_licenseText"].startswith("LLAMA 3.1")
    base_license = [o for o in graph if o["type"] == "Relationship"
                    and by_id[o["from"]].get("name") == "meta-llama/Llama-3.1-8B"]
    assert base_license and base_license[0]["relationshipType"] == "hasDeclaredLicense"


def test_packages_of_the_manifests_are_components_of_every_bom(tmp_path: Path) -> None:
    from spdx_python_model import v3_0_1 as spdx3

    from licentia.scan.spdx3 import spdx3_json

    root = make_repo(tmp_path / "repo")  # pyproject: demo 1.0, Apache-2.0
    write(root, "web/package.json", json.dumps({"name": "@acme/widget", "version": "2.1.0",
                                                "license": "MIT OR ISC"}))
    write(root, "native/Cargo.toml", '[package]\nname = "fastbits"\nversion = "0.3.1"\n'
          'license = "MIT/Apache-2.0"\n')
    write(root, "tools/Cargo.toml", "[workspace]\nmembers = []\n")  # names no package
    result = scan(root, run_reuse=False)
    purls = {p.purl: p for p in result.tree.packages}
    assert set(purls) == {"pkg:pypi/demo@1.0", "pkg:npm/%40acme/widget@2.1.0",
                          "pkg:cargo/fastbits@0.3.1"}

    text = cyclonedx_json(result)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    libs = {c["purl"]: c for c in json.loads(text)["components"] if c["type"] == "library"}
    assert libs["pkg:pypi/demo@1.0"]["licenses"] == [
        {"license": {"id": "Apache-2.0", "acknowledgement": "declared"}}]
    widget = libs["pkg:npm/%40acme/widget@2.1.0"]
    assert (widget["group"], widget["name"], widget["version"]) == ("@acme", "widget", "2.1.0")
    assert widget["licenses"] == [{"expression": "MIT OR ISC", "acknowledgement": "declared"}]

    spdx2 = json.loads(spdx_json(result))
    by_purl = {r["referenceLocator"]: p for p in spdx2["packages"]
               for r in p.get("externalRefs", [])}
    assert by_purl["pkg:cargo/fastbits@0.3.1"]["versionInfo"] == "0.3.1"
    assert by_purl["pkg:pypi/demo@1.0"]["licenseDeclared"] == "Apache-2.0"

    text3 = spdx3_json(result)
    spdx3.JSONLDDeserializer().read(io.BytesIO(text3.encode()), spdx3.SHACLObjectSet())
    graph = json.loads(text3)["@graph"]
    pkg = next(o for o in graph if o.get("software_packageUrl") == "pkg:pypi/demo@1.0")
    assert pkg["software_packageVersion"] == "1.0"
    declared = [o for o in graph if o["type"] == "Relationship" and o["from"] == pkg["spdxId"]]
    assert [d["relationshipType"] for d in declared] == ["hasDeclaredLicense"]


def test_dataset_licenses_come_from_the_local_caches(tmp_path: Path, hub: Path) -> None:
    from licentia.scan.spdx3 import spdx3_json

    root = tmp_path / "m"
    write(root, "README.md", card("apache-2.0", datasets=["acme/chat-data", "acme/prepared",
                                                         "acme/absent"]))
    write(root, "LICENSE", read_text("apache-2.0"))
    # a dataset repo huggingface_hub downloaded; one the datasets library prepared
    cache_model(hub, "acme/chat-data", {"README.md": card("cc-by-nc-4.0")}, kind="datasets")
    write(tmp_path / "hf-datasets", "acme___prepared/default/0.0.0/0a1b2c/dataset_info.json",
          json.dumps({"description": "", "license": "cc-by-sa-4.0", "features": {}}))
    result = scan(root, run_reuse=False)
    assert result.model is not None
    got = {d.repo_id: d for d in result.model.datasets}
    assert got["acme/chat-data"].expression == "cc-by-nc-4.0"
    assert got["acme/chat-data"].source and got["acme/chat-data"].source.endswith("README.md")
    assert got["acme/prepared"].expression == "cc-by-sa-4.0"
    assert got["acme/absent"].expression == "" and got["acme/absent"].source is None

    text = cyclonedx_json(result)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(text) is None
    data = {c["name"]: c.get("licenses") for c in json.loads(text)["components"]
            if c["type"] == "data"}
    assert data["acme/chat-data"] == [{"license": {"id": "CC-BY-NC-4.0"}}]
    assert data["acme/absent"] is None

    graph = json.loads(spdx3_json(result))["@graph"]
    by_id = {o.get("spdxId"): o for o in graph}
    declared = {by_id[o["from"]]["name"]: by_id[o["to"][0]]["simplelicensing_licenseExpression"]
                for o in graph if o["type"] == "Relationship"
                and o["relationshipType"] == "hasDeclaredLicense"
                and by_id[o["from"]]["type"] == "dataset_DatasetPackage"}
    assert declared == {"acme/chat-data": "CC-BY-NC-4.0", "acme/prepared": "CC-BY-SA-4.0"}


def test_spdx_2_3_lineage_datasets_and_base_models(tmp_path: Path, hub: Path) -> None:
    cache_model(hub, "meta-llama/Llama-3.1-8B", {"README.md": card("llama3.1")})
    cache_model(hub, "acme/chat-data", {"README.md": card("cc-by-nc-4.0")}, kind="datasets")
    root = _model(tmp_path / "m")
    write(root, "README.md", card("llama3.1", base_model="meta-llama/Llama-3.1-8B",
                                  datasets=["acme/chat-data", "acme/absent"]))
    text = spdx_json(scan(root, run_reuse=False))
    path = tmp_path / "doc.spdx.json"
    path.write_text(text, encoding="utf-8")
    assert validate_full_spdx_document(json_parser.parse_from_file(str(path))) == []
    data = json.loads(text)
    by_name = {p["name"]: p for p in data["packages"]}
    chat, absent = by_name["acme/chat-data"], by_name["acme/absent"]
    assert chat["licenseDeclared"] == "CC-BY-NC-4.0" and chat["primaryPackagePurpose"] == "OTHER"
    assert absent["licenseDeclared"] == "NOASSERTION"
    assert "'cc-by-nc-4.0'" in chat["comment"] and "not known locally" in absent["comment"]
    base = by_name["meta-llama/Llama-3.1-8B"]
    assert base["licenseDeclared"] == "LicenseRef-scancode-llama-3.1-license-2024"
    model = by_name["m"]["SPDXID"]
    related = {(r["relationshipType"], r["relatedSpdxElement"]): r.get("comment")
               for r in data["relationships"] if r["spdxElementId"] == model}
    assert ("DESCENDANT_OF", base["SPDXID"]) in related
    for dataset in (chat, absent):
        comment = related[("DEPENDS_ON", dataset["SPDXID"])]
        assert comment is not None and comment.startswith("trained on")
