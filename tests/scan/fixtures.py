# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Fixture trees written in tmp_path: a repository (own code, vendored MIT and GPL files, SPDX
headers, REUSE.toml, a pyproject) and model folders (card, LICENSE, tiny GGUF and safetensors
written by those packages), and a fake Hub serving a model's files for `--online` (HfApi's
and HfFileSystem's calls licentia makes, never the network). License texts come from the
installed LicenseDB, never the repo."""

from __future__ import annotations

import io
import json
import os
import struct
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import httpx2
import numpy as np
from huggingface_hub.errors import NotASafetensorsRepoError, RepositoryNotFoundError

from licentia.catalog.licensedb import read_rule_text, read_text

# REUSE-IgnoreStart
HEADER = "# SPDX-FileCopyrightText: 2026 Example Labs\n# SPDX-License-Identifier: {}\n"
# REUSE-IgnoreEnd


def gpl2_notice() -> str:
    """A GPL-2.0 header as projects write them (a LicenseDB notice rule, markers removed)."""
    return read_rule_text("gpl-2.0_10.RULE").replace("{{", "").replace("}}", "")


def comment(text: str, mark: str = " * ") -> str:
    return "/*\n" + "".join(f"{mark}{line}".rstrip() + "\n" for line in text.splitlines()) + " */\n"


def write(root: Path, rel: str, text: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def make_repo(root: Path, reuse_toml: str | None = None) -> Path:
    """A small repository: Apache-2.0 own code, a vendored MIT file, a GPL-2.0 header file."""
    write(root, "LICENSE", read_text("apache-2.0"))
    write(root, "pyproject.toml", '[project]\nname = "demo"\nversion = "1.0"\n'
          'license = "Apache-2.0"\n')
    write(root, "src/demo/app.py", HEADER.format("Apache-2.0") + "print('hello')\n")
    write(root, "src/demo/util.py", HEADER.format("Apache-2.0") + "X = 1\n")
    write(root, "vendor/tiny.js", comment("Copyright (c) 2019 Jane Roe\n" + read_text("mit"))
          + "export const tiny = 1;\n")
    write(root, "vendor/legacy.c", comment("Copyright (C) 2001 John Doe\n" + gpl2_notice())
          + "int legacy(void) { return 0; }\n")
    write(root, "docs/guide.md", "# Guide\n\nHow to use demo.\n")
    write(root, "notes.txt", "Remember to water the plants.\n")
    write(root, "logo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    write(root, "icon.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(32))
    # REUSE-IgnoreStart
    write(root, "icon.png.license", "SPDX-FileCopyrightText: 2026 Example Labs\n"
          "SPDX-License-Identifier: CC0-1.0\n")
    # REUSE-IgnoreEnd
    write(root, ".gitignore", "build/\n*.log\n")
    write(root, "build/generated.py", "x = 1\n")
    write(root, "debug.log", "log\n")
    write(root, ".git/config", "[core]\n")
    if reuse_toml is not None:
        write(root, "REUSE.toml", reuse_toml)
    return root


def write_gguf(path: Path, license_tag: str | None,
               bases: list[dict[str, str]] | None = None, shape: tuple[int, int] = (2, 2),
               description: str | None = None) -> Path:
    """A GGUF file written by `gguf`; `shape`: its one tensor's (a large one makes a file
    much longer than its header); `description`: a long one makes a long header."""
    import gguf

    path.parent.mkdir(parents=True, exist_ok=True)
    w = gguf.GGUFWriter(str(path), "llama")
    w.add_name("Tiny")
    if description:
        w.add_description(description)
    if license_tag:
        w.add_license(license_tag)
    if bases:
        w.add_base_model_count(len(bases))
        for i, b in enumerate(bases):
            w.add_base_model_name(i, b["name"])
            w.add_base_model_organization(i, b["organization"])
    w.add_tensor("t", np.zeros(shape, dtype=np.float32))
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return path


def write_safetensors(path: Path, metadata: dict[str, str] | None) -> Path:
    from safetensors.numpy import save_file

    path.parent.mkdir(parents=True, exist_ok=True)
    save_file({"t": np.zeros((2, 2), dtype=np.float32)}, str(path), metadata=metadata)
    return path


def card(license_tag: str, **fields: object) -> str:
    lines = ["---", f"license: {license_tag}"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}:")
            lines += [f"- {v}" for v in value]
        else:
            lines.append(f"{key}: {value}")
    return "\n".join([*lines, "---", "", "# A model", "", "Weights for a demo.", ""])


def cache_model(hub: Path, repo_id: str, files: dict[str, str | bytes],
                revision: str = "0123456789abcdef0123456789abcdef01234567",
                kind: str = "models") -> Path:
    """A model (or, with kind "datasets", a dataset) in a Hugging Face cache laid out as
    huggingface_hub lays it (blobs, snapshot links, refs/main)."""
    repo = hub / (f"{kind}--" + repo_id.replace("/", "--"))
    snapshot = repo / "snapshots" / revision
    if snapshot.exists():
        return snapshot
    for n, (rel, content) in enumerate(files.items()):
        blob = write(repo, f"blobs/{n:040x}", content)
        link = snapshot / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(os.path.relpath(blob, link.parent), link)
    write(repo, "refs/main", revision)
    return snapshot


REPO = "acme/llama-tuned"  # the model on the fake Hub
SHA = "89abcdef0123456789abcdef0123456789abcdef"


class Reader(io.BytesIO):
    """A remote file: counts the bytes read from it."""

    def __init__(self, data: bytes, reads: dict[str, int], rel: str) -> None:
        super().__init__(data)
        self.reads, self.rel = reads, rel

    def read(self, size: int | None = -1) -> bytes:
        chunk = super().read(size)
        self.reads[self.rel] = self.reads.get(self.rel, 0) + len(chunk)
        return chunk


class FakeHub:
    """One repository on a fake Hub: HfApi's and HfFileSystem's calls licentia makes."""

    endpoint = "https://huggingface.co"

    def __init__(self, files: dict[str, bytes], error: BaseException | None = None,
                 cards: dict[str, dict[str, Any]] | None = None) -> None:
        self.files, self.error = files, error
        self.cards = cards or {}  # other repositories' card data: "model:id" / "dataset:id"
        self.reads: dict[str, int] = {}  # bytes read per file through open()
        self.headers: list[str] = []  # safetensors headers parsed
        self.asked: list[str] = []  # other repositories asked about
        self.options: dict[str, dict[str, Any]] = {}  # open()'s options per file

    def model_info(self, repo_id: str, files_metadata: bool = False,
                   revision: str | None = None) -> Any:
        if self.error is not None:
            raise self.error
        if repo_id != REPO:
            return self._other(f"model:{repo_id}")
        assert files_metadata and revision in (None, "main", SHA, "v1.0")
        return SimpleNamespace(sha=SHA, siblings=[SimpleNamespace(rfilename=r, size=len(d))
                                                  for r, d in self.files.items()])

    def dataset_info(self, repo_id: str) -> Any:
        return self._other(f"dataset:{repo_id}")

    def _other(self, key: str) -> Any:
        self.asked.append(key)
        if key not in self.cards:
            raise RepositoryNotFoundError("404 Client Error: Repository Not Found",
                                          response=httpx2.Response(404, request=httpx2.Request(
                                              "GET", "https://huggingface.co/api/x")))
        return SimpleNamespace(card_data=SimpleNamespace(to_dict=lambda: self.cards[key]))

    def open(self, path: str, mode: str = "rb", revision: str | None = None,
             **options: Any) -> Reader:
        assert mode == "rb" and revision == SHA and path.startswith(REPO + "/")
        rel = path[len(REPO) + 1:]
        self.options[rel] = options
        return Reader(self.files[rel], self.reads, rel)

    def parse_safetensors_file_metadata(self, repo_id: str, filename: str,
                                        revision: str | None = None) -> Any:
        """As huggingface_hub does: the header's length, then the JSON header alone."""
        assert revision == SHA
        self.headers.append(filename)
        data = self.files[filename]
        (length,) = struct.unpack("<Q", data[:8])
        header = json.loads(data[8:8 + length])
        return SimpleNamespace(metadata=header.get("__metadata__", {}))

    def get_safetensors_metadata(self, repo_id: str, revision: str | None = None) -> Any:
        if "model.safetensors" not in self.files:
            raise NotASafetensorsRepoError(f"{repo_id} is not a safetensors repo")
        meta = self.parse_safetensors_file_metadata(repo_id, "model.safetensors", revision)
        return SimpleNamespace(files_metadata={"model.safetensors": meta})


def hub_model_files(tmp_path: Path) -> dict[str, bytes]:
    """A model's files as the Hub would serve them (weights written by gguf / safetensors)."""
    big = write_gguf(tmp_path / "w" / "big.gguf", "llama3.1", shape=(700, 700))
    long = write_gguf(tmp_path / "w" / "long.gguf", "llama3.1",
                      description="a long header " * 150_000)  # ~2 MiB of metadata
    tensors = write_safetensors(tmp_path / "w" / "model.safetensors", {"license": "llama3.1"})
    adapter = write_safetensors(tmp_path / "w" / "adapter.safetensors", {"license": "mit"})
    return {
        "README.md": card("llama3.1", base_model="meta-llama/Llama-3.1-8B").encode(),
        "LICENSE": read_text("llama-3.1-license-2024").encode(),
        "USE_POLICY.md": b"# Llama 3.1 Acceptable Use Policy\n\nDo not misuse it.\n",
        "config.json": b'{"model_type": "llama"}\n',
        "model.Q4.gguf": big.read_bytes(),
        "long.Q8.gguf": long.read_bytes(),
        "model.safetensors": tensors.read_bytes(),
        "lora/adapter.safetensors": adapter.read_bytes(),
        "pytorch_model.bin": b"\x80\x02" + bytes(64),
    }
