# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from licentia.catalog.licensedb import read_text
from licentia.scan import scan
from licentia.scan.findings import Verdict

from .fixtures import cache_model, card, write, write_gguf, write_safetensors

LINEAGE = (Path(__file__).resolve().parents[3] / "shared" / "corpus" / "hf-lineage"
           / "gabtos-open-source-ai-discovery" / "derived_license_base_join.csv")


def _codes(result):  # type: ignore[no-untyped-def]
    return {f.code for f in result.findings}


def test_a_consistent_model_folder_is_one_unit(tmp_path: Path) -> None:
    root = tmp_path / "model"
    write(root, "README.md", card("llama3.1"))
    write(root, "LICENSE", read_text("llama-3.1-license-2024"))
    write_gguf(root / "model.Q4.gguf", "llama3.1",
               [{"name": "Llama 3.1 8B", "organization": "Meta Llama"}])
    write_safetensors(root / "model.safetensors", {"format": "pt"})
    result = scan(root, run_reuse=False)
    m = result.model
    assert result.kind == "model" and m is not None
    assert m.expression == "llama-3.1-license-2024"
    gguf = next(w for w in m.weights if w.format == "gguf")
    assert gguf.license == "llama3.1" and gguf.base_models[0]["name"] == "Llama 3.1 8B"
    assert "model-parts-disagree" not in _codes(result)
    assert "weights-without-license" not in _codes(result)


def test_card_license_file_and_weights_that_disagree(tmp_path: Path) -> None:
    root = tmp_path / "model"
    write(root, "README.md", card("apache-2.0"))
    write(root, "LICENSE", read_text("llama-3.1-license-2024"))
    write_safetensors(root / "model.safetensors", {"license": "mit"})
    result = scan(root, run_reuse=False)
    disagree = [f for f in result.findings if f.code == "model-parts-disagree"]
    assert {c for f in disagree for c in f.components} >= {"LICENSE", "README.md"}
    assert any("model.safetensors" in f.message and "mit" in f.message for f in disagree)
    assert result.verdict is Verdict.CONFLICT


def test_other_without_name_and_weights_without_license(tmp_path: Path) -> None:
    named = tmp_path / "other"
    write(named, "README.md", card("other"))
    write_safetensors(named / "model.safetensors", None)
    result = scan(named, run_reuse=False)
    assert {"license-name-missing", "weights-without-license"} <= _codes(result)
    assert result.verdict is Verdict.CONFLICT


def test_broken_card_and_truncated_weights_are_reported(tmp_path: Path) -> None:
    root = tmp_path / "broken"
    write(root, "README.md", "---\nlicense: [mit\n---\n# x\n")
    gguf = write_gguf(root / "m.gguf", "mit")
    gguf.write_bytes(gguf.read_bytes()[:40])
    st = write_safetensors(root / "m.safetensors", {"license": "mit"})
    st.write_bytes(st.read_bytes()[:12])
    result = scan(root, run_reuse=False)
    assert result.model is not None
    problems = [f.message for f in result.findings if f.code == "model-card-problem"]
    assert any("m.gguf" in p and "GGUF" in p for p in problems)
    assert any("m.safetensors" in p and "safetensors" in p for p in problems)
    assert any("README.md" in p and "front matter" in p for p in problems)
    assert "weights-without-license" in _codes(result)  # nothing readable says a license


def test_a_cached_model_id_and_its_lineage(hub: Path) -> None:
    cache_model(hub, "meta-llama/Llama-3.1-8B", {"README.md": card("llama3.1"),
                                                  "LICENSE": read_text("llama-3.1-license-2024")})
    snapshot = cache_model(hub, "acme/chat-tuned", {
        "README.md": card("mit", base_model="meta-llama/Llama-3.1-8B",
                          base_model_relation="finetune"),
        "model.safetensors": b"",  # replaced below by a real file
    })
    write_safetensors((snapshot / "model.safetensors").resolve(), {"format": "pt"})
    result = scan("acme/chat-tuned", run_reuse=False)
    assert result.kind == "snapshot" and result.model is not None
    assert result.model.name == "acme/chat-tuned"
    assert result.model.bases[0].license == "llama-3.1-license-2024"
    errors = {f.code for f in result.findings if f.severity.value == "error"}
    assert errors & {"relicense-not-allowed", "naming-requirement", "license-mismatch",
                     "incompatible"}
    assert result.verdict is Verdict.CONFLICT


def test_a_model_id_not_in_the_cache_is_a_clear_error(hub: Path) -> None:
    from licentia.errors import InputError

    with pytest.raises(InputError, match="local Hugging Face cache"):
        scan("nobody/nothing")


RESTRICTIVE_BASES = {"llama2", "llama3", "llama3.1", "cc-by-nc-4.0"}


@pytest.mark.skipif(not LINEAGE.exists(), reason="../shared corpus absent")
def test_real_hub_edges_relicensing_a_restricted_base(hub: Path) -> None:
    """Real child -> base pairs from the Hub: a child published as apache-2.0 or mit on a
    Llama or NonCommercial base is never an all-clear."""
    with LINEAGE.open(encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["license"] in {"apache-2.0", "mit"}
                and r["base_model_license_in_sample"] in RESTRICTIVE_BASES]
    assert len(rows) >= 5
    for n, row in enumerate(rows[:8]):
        base, child = row["base_model"].strip(), f"test/child-{n}"
        cache_model(hub, base, {"README.md": card(row["base_model_license_in_sample"])})
        cache_model(hub, child, {"README.md": card(row["license"], base_model=base)})
        result = scan(child, run_reuse=False)
        assert result.verdict is Verdict.CONFLICT, (row, [f.message for f in result.findings])


def test_datasets_with_local_licenses_are_judged_by_checks_rules(tmp_path: Path,
                                                                 hub: Path) -> None:
    root = tmp_path / "model"
    write(root, "README.md", card("apache-2.0", datasets=["acme/nc-data", "acme/not-here"]))
    write(root, "LICENSE", read_text("apache-2.0"))
    cache_model(hub, "acme/nc-data", {"README.md": card("cc-by-nc-4.0")}, kind="datasets")
    result = scan(root, run_reuse=False)
    assert result.verdict is Verdict.CONFLICT
    [nc] = [f for f in result.findings if f.code == "non-commercial"]
    assert "acme/nc-data" in nc.components
    assert not any("acme/not-here" in f.components for f in result.findings)

    write(root, "README.md", card("apache-2.0", datasets=["acme/permissive"]))
    cache_model(hub, "acme/permissive", {"README.md": card("cc0-1.0")}, kind="datasets")
    assert scan(root, run_reuse=False).verdict is not Verdict.CONFLICT
