# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia's own data files (term sheets, aliases, taxonomy, vocabularies): read as YAML with
libyaml's C parser when PyYAML has it — several times faster than the pure-Python one, which
matters for a command that runs in half a second. User files go through `userfile` instead
(limits, line numbers in errors)."""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Sequence
from typing import Any

import yaml

from licentia import cache as _cache

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_COPY_FORMAT = 1


def load_yaml(text: str | bytes) -> Any:
    """The YAML document in `text` (trusted data shipped with licentia)."""
    return yaml.load(text, Loader=LOADER)


def load_all(name: str, files: Sequence[tuple[str, str]],
             load: Callable[[str, str], Any]) -> list[Any]:
    """`load(text, source)` of each (source, text) of `files`, or the same documents from a JSON
    copy in the cache, named `name` and by a digest of the files' names and texts (and of
    PyYAML's version): even with libyaml's parser, PyYAML's Python constructor takes ~0.5 s
    for the 164 term sheets that a scan, a check or a review reads; json ~20 ms. Documents
    that JSON would not give back as they are (dates, keys other than strings, floats) are
    loaded every time."""
    digest = hashlib.blake2b(yaml.__version__.encode(), digest_size=16)
    for source, text in files:
        digest.update(b"\x00" + source.encode() + b"\x00" + text.encode())
    path = _cache.cache_dir() / f"{name}-v{_COPY_FORMAT}-{digest.hexdigest()}.json"
    raw = _cache.read_verified(path)  # None when missing or damaged
    if raw is not None:
        with contextlib.suppress(ValueError):
            docs = json.loads(raw)
            if isinstance(docs, list) and len(docs) == len(files):
                return docs
    docs = [load(text, source) for source, text in files]
    if _json_exact(docs):
        with contextlib.suppress(OSError):  # a read-only cache only costs a parse next time
            _cache.atomic_write_bytes(path, json.dumps(docs).encode())
            for stale in path.parent.glob(f"{name}-v*.json"):
                if stale != path:  # older texts or format
                    stale.unlink(missing_ok=True)
    return docs


def _json_exact(value: Any) -> bool:
    """Whether JSON gives `value` back as it is: strings, booleans, integers, None, lists and
    mappings with string keys, nothing else."""
    if isinstance(value, dict):
        return all(isinstance(k, str) and _json_exact(v) for k, v in value.items())
    if isinstance(value, list):
        return all(map(_json_exact, value))
    return value is None or isinstance(value, str | bool | int)
