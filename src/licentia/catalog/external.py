# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Licenses and policies users meet that the LicenseDB lacks (e.g. the April 2024 Llama 3 license).

licentia never carries their text: it knows them by short distinctive phrases and by a
fingerprint (hashes of overlapping word windows of the normalized text), enough to recognize a
copy, say whether it is verbatim, and locate what differs. The full text is read only from a
corpus a developer points to, for checking term-sheet quotes.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

import numpy as np
import numpy.typing as npt

from licentia.datafile import load_yaml
from licentia.normalize import words

SHINGLE = 6


@dataclass(frozen=True)
class Fingerprint:
    words: int
    sha256: str
    shingles: frozenset[int]
    # a part distributed with the text in some copies (e.g. an appended policy): neither
    # required nor an addition
    appendix_label: str | None = None
    appendix_sha256: str | None = None
    appendix_shingles: frozenset[int] = frozenset()


@dataclass(frozen=True)
class External:
    id: str
    kind: str  # "license" | "policy"
    name: str
    short_name: str
    spdx: str
    owner: str
    category: str
    family: str
    homepage_url: str | None
    corpus_file: str | None
    phrases: tuple[str, ...]
    fingerprint: Fingerprint | None


def shingle_hashes(ws: Sequence[str]) -> npt.NDArray[np.uint32]:
    """One 32-bit hash per window of SHINGLE consecutive words."""
    out = np.empty(max(0, len(ws) - SHINGLE + 1), dtype=np.uint32)
    for i in range(len(out)):
        digest = hashlib.blake2b(" ".join(ws[i : i + SHINGLE]).encode(), digest_size=4).digest()
        out[i] = int.from_bytes(digest, "little")
    return out


def text_sha256(ws: Sequence[str]) -> str:
    return hashlib.sha256(" ".join(ws).encode()).hexdigest()


def _b64(hashes: npt.NDArray[np.uint32]) -> str:
    return base64.b64encode(np.unique(hashes).astype("<u4").tobytes()).decode()


def _unb64(data: str) -> frozenset[int]:
    return frozenset(int(x) for x in np.frombuffer(base64.b64decode(data), dtype="<u4"))


def make_fingerprint(text: str, appendix: str | None = None) -> dict[str, object]:
    """The fingerprint of a text, as stored in external.yaml (see tools/fingerprint.py).

    `appendix` is the first line of a part that some copies append (kept apart).
    """
    body, extra = text, ""
    if appendix and appendix in text:
        cut = text.index(appendix)
        body, extra = text[:cut], text[cut:]
    ws = words(body)
    fp: dict[str, object] = {"words": len(ws), "sha256": text_sha256(ws),
                             "shingles": _b64(shingle_hashes(ws))}
    if extra:
        all_ws = words(text)
        fp.update({"appendix_label": appendix, "appendix_sha256": text_sha256(all_ws),
                   "appendix_shingles": _b64(shingle_hashes(all_ws[len(ws) - SHINGLE + 1 :]))})
    return fp


@cache
def all_external() -> dict[str, External]:
    raw = (files("licentia.catalog") / "data" / "external.yaml").read_text(encoding="utf-8")
    out: dict[str, External] = {}
    for item in load_yaml(raw)["documents"]:
        fp = item.get("fingerprint")
        fingerprint = None
        if fp:
            fingerprint = Fingerprint(
                int(fp["words"]), str(fp["sha256"]), _unb64(fp["shingles"]),
                fp.get("appendix_label"), fp.get("appendix_sha256"),
                _unb64(fp["appendix_shingles"]) if fp.get("appendix_shingles") else frozenset())
        out[item["id"]] = External(
            id=item["id"], kind=item.get("kind", "license"), name=item["name"],
            short_name=item.get("short_name", item["name"]),
            spdx=item.get("spdx", f"LicenseRef-licentia-{item['id']}"),
            owner=item.get("owner", ""), category=item.get("category", "Proprietary Free"),
            family=item.get("family", "ai"), homepage_url=item.get("homepage_url"),
            corpus_file=item.get("corpus_file"), phrases=tuple(item.get("phrases", ())),
            fingerprint=fingerprint,
        )
    return out


def get(doc_id: str) -> External | None:
    return all_external().get(doc_id)


def full_text(doc_id: str, corpus: Path | None) -> str | None:
    """The document's full text from the development corpus, or None when not available."""
    doc = get(doc_id)
    if doc is None or doc.corpus_file is None or corpus is None:
        return None
    path = corpus / doc.corpus_file
    return path.read_text(encoding="utf-8") if path.is_file() else None


def phrase_contains(doc_id: str, quote: str) -> bool:
    """Whether `quote` lies within one of licentia's own distinctive phrases for the document."""
    doc = get(doc_id)
    if doc is None:
        return False
    q = " ".join(words(quote))
    return any(q in " ".join(words(p)) for p in doc.phrases)
