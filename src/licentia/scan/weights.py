# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What weight files say of themselves: GGUF header metadata (`general.license`,
`general.base_model.*`) read with the `gguf` package, and the safetensors `__metadata__`
read with `safetensors` (the header only; no tensor is loaded). A truncated or foreign file is
a result with its reason, never an exception.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

WEIGHT_SUFFIXES = frozenset({".gguf", ".safetensors", ".bin", ".pt", ".pth", ".ckpt", ".onnx",
                             ".h5", ".msgpack", ".tflite", ".mlmodel", ".pb", ".keras"})
MODEL_SUFFIXES = frozenset({".gguf", ".safetensors"})  # formats only models come in
_SAFETENSORS_LICENSE_KEYS = ("license", "modelspec.license", "license_name")


@dataclass(frozen=True)
class WeightsInfo:
    """One weight file: its format, the license it declares, the models it names as bases."""

    path: str
    format: str  # gguf | safetensors | other
    license: str | None = None
    license_name: str | None = None
    license_link: str | None = None
    name: str | None = None
    base_models: tuple[dict[str, str], ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    error: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "format": self.format, "license": self.license,
                "license_name": self.license_name, "license_link": self.license_link,
                "name": self.name, "base_models": list(self.base_models),
                "metadata": self.metadata, "error": self.error}


def is_weights(rel: str) -> bool:
    return Path(rel).suffix.lower() in WEIGHT_SUFFIXES


def _gguf_value(fields: Any, key: str) -> str | None:
    f = fields.get(key)
    if f is None:
        return None
    value = f.contents()
    return str(value) if value is not None else None


_GGUF_ERRORS = (ValueError, OSError, KeyError, IndexError, TypeError, AssertionError,
                MemoryError, OverflowError)


def _gguf_info(reader: Any, rel: str) -> WeightsInfo:
    fields = reader.fields
    count = int(_gguf_value(fields, "general.base_model.count") or 0)
    bases = []
    for i in range(min(count, 64)):
        base = {part: v for part in ("name", "organization", "version", "repo_url", "url")
                if (v := _gguf_value(fields, f"general.base_model.{i}.{part}"))}
        bases.append(base)
    return WeightsInfo(rel, "gguf", _gguf_value(fields, "general.license"),
                       _gguf_value(fields, "general.license.name"),
                       _gguf_value(fields, "general.license.link"),
                       _gguf_value(fields, "general.name"), tuple(bases))


def read_gguf(path: Path, rel: str) -> WeightsInfo:
    import gguf  # numpy-backed; imported only when a GGUF file is there

    try:
        return _gguf_info(gguf.GGUFReader(path), rel)
    except _GGUF_ERRORS as exc:
        return WeightsInfo(rel, "gguf", error=f"not a readable GGUF file ({short(exc)})")


def read_gguf_head(path: Path, rel: str, available: int) -> WeightsInfo | None:
    """The metadata of a GGUF file of which `path` holds the first `available` bytes (the rest
    zeros: a sparse file of the file's size, for a file read remotely by ranges); None when
    its header does not end within them (more bytes are needed)."""
    import gguf

    try:
        reader = gguf.GGUFReader(path)
        # the header is read in order: it lies in the real bytes iff it ends within them
        return _gguf_info(reader, rel) if reader.data_offset <= available else None
    except _GGUF_ERRORS:
        return None


def safetensors_info(rel: str, metadata: dict[str, str] | None) -> WeightsInfo:
    """A safetensors file's `__metadata__` (read from the file, or by huggingface_hub from the
    Hub) as what the weights say of themselves."""
    meta = {str(k): str(v) for k, v in (metadata or {}).items()}
    lic = next((meta[k] for k in _SAFETENSORS_LICENSE_KEYS if meta.get(k)), None)
    return WeightsInfo(rel, "safetensors", lic, meta.get("license_name"),
                       meta.get("license_link") or meta.get("modelspec.license_link"),
                       meta.get("modelspec.title") or meta.get("name"), (),
                       {k: v[:200] for k, v in list(meta.items())[:32]})


def read_safetensors(path: Path, rel: str) -> WeightsInfo:
    from safetensors import SafetensorError, safe_open

    try:
        with safe_open(str(path), framework="numpy") as fh:
            meta = dict(fh.metadata() or {})
    except (SafetensorError, OSError, ValueError) as exc:
        return WeightsInfo(rel, "safetensors",
                           error=f"not a readable safetensors file ({short(exc)})")
    return safetensors_info(rel, meta)


def read_weights(path: Path, rel: str) -> WeightsInfo:
    suffix = path.suffix.lower()
    if suffix == ".gguf":
        return read_gguf(path, rel)
    if suffix == ".safetensors":
        return read_safetensors(path, rel)
    return WeightsInfo(rel, suffix.lstrip(".") or "other")


def short(exc: BaseException) -> str:
    """An error's message on one line, at most 160 characters."""
    return " ".join(str(exc).split())[:160] or type(exc).__name__
