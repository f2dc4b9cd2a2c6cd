# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""`scan org/name --online`: a model the local cache lacks, read from the Hub through fakes of
huggingface_hub's HfApi and HfFileSystem (never the network) that serve real files: the card
and license files fetched, the weights' metadata read by ranges (never the weights), and the
result the same as scanning the same files as a local snapshot."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path
from typing import Any

import httpx2
import pytest
from huggingface_hub.errors import (
    GatedRepoError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from licentia import hfhub
from licentia.catalog.licensedb import read_text
from licentia.errors import InputError
from licentia.scan import needs_hub, scan
from licentia.scan.online import GGUF_STEPS, fetched, read_remote, wanted
from licentia.scan.spdx import spdx_json

from .fixtures import REPO, SHA, FakeHub, cache_model, card, hub_model_files, write_gguf

HTTPError = hfhub.network_errors()[-1]  # the Hub client's transport error


def test_model_is_read_from_the_hub_without_its_weights(tmp_path: Path, hub: Path) -> None:
    files = hub_model_files(tmp_path)
    fake = FakeHub(files)
    assert needs_hub(REPO)
    with fetched(REPO, fake, fake) as remote:
        folder = remote.folder
        result = scan(REPO, remote=remote, run_reuse=False)
        spdx = json.loads(spdx_json(result))  # rendered while the files are there
    assert not folder.exists()  # the temporary folder is gone
    assert remote.revision == SHA and set(remote.fetched) == {"README.md", "LICENSE",
                                                              "USE_POLICY.md"}
    # weights: headers only, by ranges (the first MiB; the long header in a second range)
    assert fake.reads["model.Q4.gguf"] <= GGUF_STEPS[0] < len(files["model.Q4.gguf"])
    assert GGUF_STEPS[0] < fake.reads["long.Q8.gguf"] <= GGUF_STEPS[1]
    assert "config.json" not in fake.reads and "pytorch_model.bin" not in fake.reads
    assert fake.options["model.Q4.gguf"] == {"cache_type": "none"}  # no read-ahead
    assert sorted(fake.headers) == ["lora/adapter.safetensors", "model.safetensors"]
    m = result.model
    assert m is not None and m.name == REPO and result.kind == "snapshot"
    assert m.expression == "llama-3.1-license-2024"
    weights = {w.path: w for w in m.weights}
    assert weights["model.Q4.gguf"].license == weights["long.Q8.gguf"].license == "llama3.1"
    assert weights["model.safetensors"].license == "llama3.1"
    assert weights["pytorch_model.bin"].format == "bin"
    # the adapter's metadata says MIT: the parts disagree, as in a local snapshot
    disagree = [f for f in result.findings if f.code == "model-parts-disagree"]
    assert [f.components[0] for f in disagree] == [
        "the license in lora/adapter.safetensors's metadata (mit)"]
    data = result.to_json()
    assert data["root"] == f"https://huggingface.co/{REPO}/tree/{SHA}"
    assert data["online"]["revision"] == SHA
    assert {"path": "config.json", "reason": "not needed: neither the model card, a "
            "license-like file nor weights"} in data["online"]["not_fetched"]
    # the SPDX file checksums are those of the files fetched
    sha1 = {f["fileName"]: f["checksums"][0]["checksumValue"] for f in spdx["files"]}
    assert sha1["./LICENSE"] == hashlib.sha1(files["LICENSE"]).hexdigest()
    assert spdx["packages"][0]["downloadLocation"] == data["root"]
    assert spdx["packages"][0]["versionInfo"] == SHA


def test_boms_of_a_hub_model_name_its_revision(tmp_path: Path, hub: Path) -> None:
    from cyclonedx.schema import SchemaVersion
    from cyclonedx.validation.json import JsonStrictValidator
    from spdx_python_model import v3_0_1 as spdx3

    from licentia.scan.cyclonedx import cyclonedx_json
    from licentia.scan.spdx3 import spdx3_json

    fake = FakeHub({"README.md": card("mit").encode(), "LICENSE": read_text("mit").encode()})
    with fetched(REPO, fake, fake) as remote:
        result = scan(REPO, remote=remote, run_reuse=False)
        cdx, text3 = cyclonedx_json(result), spdx3_json(result)
    assert JsonStrictValidator(SchemaVersion.V1_6).validate_str(cdx) is None
    [model] = [c for c in json.loads(cdx)["components"]
               if c["type"] == "machine-learning-model"]
    assert model["version"] == SHA
    assert model["externalReferences"][0]["url"] == f"https://huggingface.co/{REPO}/tree/{SHA}"
    spdx3.JSONLDDeserializer().read(io.BytesIO(text3.encode()), spdx3.SHACLObjectSet())
    [ai] = [o for o in json.loads(text3)["@graph"] if o["type"] == "ai_AIPackage"]
    assert ai["software_packageVersion"] == SHA
    assert ai["software_downloadLocation"].endswith(f"/tree/{SHA}")


def test_the_same_model_scanned_locally_gives_the_same_model_report(tmp_path: Path,
                                                                    hub: Path) -> None:
    files = hub_model_files(tmp_path)
    fake = FakeHub(files)
    with fetched(REPO, fake, fake) as remote:
        online = scan(REPO, remote=remote, run_reuse=False)
    cache_model(hub, REPO, dict(files), revision=SHA)
    assert not needs_hub(REPO)
    local = scan(REPO, run_reuse=False)
    assert online.model is not None and local.model is not None
    assert online.model.to_json() == local.model.to_json()
    assert [f.code for f in online.findings] == [f.code for f in local.findings]
    assert online.verdict is local.verdict


def test_a_gguf_header_longer_than_the_last_step_is_reported(tmp_path: Path, hub: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             ) -> None:
    from licentia.scan import online

    monkeypatch.setattr(online, "GGUF_STEPS", (1 << 16, 1 << 18))
    long = write_gguf(tmp_path / "long.gguf", "mit", description="x" * 600_000)
    fake = FakeHub({"README.md": card("mit").encode(), "long.gguf": long.read_bytes()})
    remote = read_remote(REPO, fake, fake, tmp_path / "scratch")
    [weights] = remote.weights
    assert (weights.error or "").startswith("GGUF header longer than")
    assert fake.reads["long.gguf"] == 1 << 18  # and no more


def _response(status: int) -> httpx2.Response:
    return httpx2.Response(status, request=httpx2.Request(
        "GET", f"https://huggingface.co/api/models/{REPO}"))


@pytest.mark.parametrize(("error", "message"), [
    (HTTPError("[Errno -3] Temporary failure in name resolution"),
     "cannot read the model from the Hugging Face Hub ([Errno -3] Temporary failure"),
    (ConnectionError("Network is unreachable"), "(Network is unreachable)"),
    (RepositoryNotFoundError("404 Client Error", response=_response(404)),
     "no model by that id on the Hugging Face Hub"),
    (GatedRepoError("403 Client Error", response=_response(403)),
     "gated on the Hugging Face Hub: accept its conditions"),
    (RevisionNotFoundError("404 Client Error", response=_response(404)),
     "no revision main on the Hugging Face Hub"),
])
def test_hub_problems_are_one_line(error: BaseException, message: str, tmp_path: Path) -> None:
    with pytest.raises(InputError) as got:
        read_remote(REPO, FakeHub({}, error), FakeHub({}), tmp_path)
    text = str(got.value)
    assert text.startswith(f"{REPO}: ") and message in text and "\n" not in text


def test_lineage_is_judged_with_the_hub_card_data_of_bases_and_datasets(tmp_path: Path,
                                                                        hub: Path) -> None:
    # a fine-tune of a Llama 3.1 model relicensed Apache-2.0, trained on NC data
    readme = card("apache-2.0", base_model="meta-llama/Llama-3.1-8B",
                  base_model_relation="finetune",
                  datasets=["acme/chat-nc", "acme/unlisted", "acme/local-data"])
    fake = FakeHub({"README.md": readme.encode(),
                    "LICENSE": read_text("apache-2.0").encode()},
                   cards={"model:meta-llama/Llama-3.1-8B": {"license": "llama3.1",
                                                            "extra_gated_prompt": "..."},
                          "dataset:acme/chat-nc": {"license": "cc-by-nc-4.0"}})
    cache_model(hub, "acme/local-data", {"README.md": card("cc0-1.0")}, kind="datasets")
    with fetched(REPO, fake, fake) as remote:
        assert sorted(remote.cards) == ["dataset:acme/chat-nc", "model:meta-llama/Llama-3.1-8B"]
        result = scan(REPO, remote=remote, run_reuse=False)
    # the local copy is read as without --online, and the Hub not asked about it
    assert "dataset:acme/local-data" not in fake.asked
    assert ("dataset:acme/unlisted", "not read from the Hub (404 Client Error: Repository "
            "Not Found)") in remote.not_fetched
    m = result.model
    assert m is not None
    [base] = m.bases
    assert base.license == "llama-3.1-license-2024"
    assert base.to_json()["source"] == "Hugging Face Hub (its card data)"
    data = {d.repo_id: d for d in m.datasets}
    assert data["acme/chat-nc"].expression == "cc-by-nc-4.0"
    assert data["acme/chat-nc"].source == "Hugging Face Hub (its card data)"
    assert data["acme/local-data"].expression == "cc0-1.0"
    assert data["acme/unlisted"].expression == ""
    codes = {f.code for f in result.findings}
    assert "base-license-unknown" not in codes
    # check's rules: Llama 3.1 does not allow relicensing; NC data in a commercial release
    assert {"relicense-not-allowed", "non-commercial"} <= codes, codes
    assert result.verdict.value == "conflict"


def test_files_wanted_are_the_card_and_license_like_files_inside_the_folder() -> None:
    for rel in ("README.md", "LICENSE", "LICENSE-MIT.txt", "licence.md", "COPYING", "NOTICE",
                "USE_POLICY.md", "LICENSES/Apache-2.0.txt", "tokenizer/LICENSE"):
        assert wanted(rel), rel
    for rel in ("config.json", "docs/README.md", "../LICENSE", "/etc/LICENSE", "a/../../NOTICE",
                "model.safetensors"):
        assert not wanted(rel), rel


def test_a_revision_is_read_locally_or_asked_of_the_hub(tmp_path: Path, hub: Path) -> None:
    fake = FakeHub({"README.md": card("mit").encode()})
    asked: list[str | None] = []
    model_info = fake.model_info

    def spy(repo_id: str, files_metadata: bool = False, revision: str | None = None) -> Any:
        asked.append(revision)
        return model_info(repo_id, files_metadata, revision)

    fake.model_info = spy  # type: ignore[method-assign]
    with fetched(REPO, fake, fake, revision="v1.0") as remote:
        assert asked == ["v1.0"] and remote.revision == SHA  # the commit the tag names
    cache_model(hub, REPO, {"README.md": card("mit")}, revision=SHA)
    assert scan(REPO, revision=SHA, run_reuse=False).root.name == SHA
    assert needs_hub(REPO, "v2.0") and not needs_hub(REPO, SHA)
    with pytest.raises(InputError, match=r"no model by that id at revision v2\.0 in the local "
                       r"Hugging Face cache: pass --online"):
        scan(REPO, revision="v2.0")
    with pytest.raises(InputError, match="--revision applies to a model id"):
        scan(tmp_path, revision="main")
