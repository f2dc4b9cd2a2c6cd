# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The candidate index over the LicenseDB reference texts and license notices.

Built once, lazily, and cached on disk (rebuilt when the LicenseDB or the index format changes).
Retrieval scores each reference by how much of its rare-bigram weight the query contains; the
matcher then aligns only the best few candidates.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import re
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from licentia import cache as _cache
from licentia.catalog import licensedb
from licentia.identify.rules import front_matter, rule_kind
from licentia.normalize import raw_words, tokenize

FORMAT = 16  # bump when the normalizer or the index layout changes
MIN_NOTICE_TOKENS = 12
PER_KEY = 3  # references of one license among the best candidates of a ranking
_SHIFT = 24  # bigram id = first << 24 | second; the vocabulary stays far below 2**24
_KEY = re.compile(r"[\w.+-]+")
_OPERATORS = {"and", "or", "with"}

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True)
class RefInfo:
    """One indexed reference: a license's full text or one of ScanCode's rules for it."""

    key: str  # the (first) license the reference means
    kind: str  # "text" (a .LICENSE text or a rule that is a whole license text) | "notice" |
    # "reference" (a rule long enough to be aligned)
    source: str  # the LicenseDB file the tokens come from
    expression: str = ""  # the rule's license expression, when it names more than `key`
    minimum_coverage: int = 0  # percent of the rule that must be found for it to count

    @property
    def is_rule(self) -> bool:
        return self.source.endswith(".RULE")


_ALIGNED_KINDS = {"text", "notice", "reference"}  # rules worth an approximate alignment


def _iter_references(progress: Progress | None) -> Iterable[tuple[RefInfo, str]]:
    files = list(licensedb.iter_license_files())
    keys = set()
    for n, (name, raw) in enumerate(files):
        meta, text = licensedb.split_front_matter(raw, name)
        if progress and n % 200 == 0:
            progress("license texts", n, len(files))
        if not meta.get("key") or str(meta.get("is_deprecated")).lower() in {"yes", "true"}:
            continue
        keys.add(meta["key"])
        if text.strip():
            yield RefInfo(str(meta["key"]), "text", name), text
    rules = sorted(licensedb.rules_dir().iterdir(), key=lambda t: t.name)
    for n, item in enumerate(rules):
        if progress and n % 2000 == 0:
            progress("rules", n, len(rules))
        if not item.name.endswith(".RULE"):
            continue
        meta, text = front_matter(item.read_text(encoding="utf-8"))
        kind = rule_kind(meta)
        expr = meta.get("license_expression", "")
        named = [k for k in _KEY.findall(expr) if k.lower() not in _OPERATORS]
        if kind not in _ALIGNED_KINDS or meta.get("is_deprecated") == "yes" or not named \
                or any(k not in keys for k in named):
            continue
        yield RefInfo(named[0], kind, item.name, expr if expr != named[0] else "",
                      int(meta.get("minimum_coverage") or 0)), text


class Index:
    """Token ids of every reference, and bigram postings for candidate retrieval."""

    def __init__(
        self,
        vocab: list[str],
        refs: list[RefInfo],
        tokens: npt.NDArray[np.int32],
        offsets: npt.NDArray[np.int64],
        bg_keys: npt.NDArray[np.int64],
        bg_ptr: npt.NDArray[np.int64],
        bg_refs: npt.NDArray[np.int32],
        bg_idf: npt.NDArray[np.float32],
        ref_weight: npt.NDArray[np.float32],
        raw_digests: npt.NDArray[np.uint8],
        raw_refs: npt.NDArray[np.int32],
    ) -> None:
        self.vocab = vocab
        self.word_ids = {w: i for i, w in enumerate(vocab)}
        self.refs = refs
        self.tokens = tokens
        self.offsets = offsets
        self.bg_keys = bg_keys
        self.bg_ptr = bg_ptr
        self.bg_refs = bg_refs
        self.bg_idf = bg_idf
        self.ref_weight = ref_weight
        self.raw_digests = raw_digests
        self.raw_refs = raw_refs
        # digest of a license text's raw words -> its reference: verbatim copies in O(1)
        self.verbatim: dict[bytes, int] = {}
        for n, r in enumerate(raw_refs.tolist()):
            self.verbatim.setdefault(raw_digests[n * _DIGEST : (n + 1) * _DIGEST].tobytes(), r)
        self.lengths = np.diff(offsets).astype(np.float32)
        self.by_key: dict[str, int] = {}
        for i, ref in enumerate(refs):
            if not ref.is_rule:
                self.by_key.setdefault(ref.key, i)

    # -- building ---------------------------------------------------------------------------
    @classmethod
    def build(cls, progress: Progress | None = None) -> Index:
        vocab: dict[str, int] = {}
        refs: list[RefInfo] = []
        chunks: list[npt.NDArray[np.int32]] = []
        raw_digests: list[bytes] = []
        raw_refs: list[int] = []
        for info, text in _iter_references(progress):
            words = tokenize(text).words
            if info.is_rule and len(words) < MIN_NOTICE_TOKENS:
                continue
            if not info.is_rule:
                raw_digests.append(raw_digest(text))
                raw_refs.append(len(refs))
            ids = np.fromiter((vocab.setdefault(w, len(vocab)) for w in words), np.int32,
                              count=len(words))
            refs.append(info)
            chunks.append(ids)
        lengths = np.array([len(c) for c in chunks], dtype=np.int64)
        offsets = np.zeros(len(chunks) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        tokens = np.concatenate(chunks) if chunks else np.zeros(0, np.int32)

        pairs_b: list[npt.NDArray[np.int64]] = []
        pairs_r: list[npt.NDArray[np.int32]] = []
        for r, ids in enumerate(chunks):
            bg = np.unique(bigrams(ids))
            pairs_b.append(bg)
            pairs_r.append(np.full(len(bg), r, dtype=np.int32))
        all_b = np.concatenate(pairs_b)
        all_r = np.concatenate(pairs_r)
        order = np.argsort(all_b, kind="stable")
        all_b, all_r = all_b[order], all_r[order]
        # common bigrams ("of the") stay, with a weight near zero: a notice made only of
        # common phrases (the GPL's "This program is free software...") must still be found
        bg_keys, df = np.unique(all_b, return_counts=True)
        n_refs = len(refs)
        bg_idf = np.log((n_refs + 1) / df).astype(np.float32)
        bg_refs = all_r
        bg_ptr = np.zeros(len(bg_keys) + 1, dtype=np.int64)
        np.cumsum(df, out=bg_ptr[1:])
        ref_weight = np.bincount(bg_refs, weights=np.repeat(bg_idf, df),
                                 minlength=n_refs).astype(np.float32)
        words_list = [""] * len(vocab)
        for w, i in vocab.items():
            words_list[i] = w
        return cls(words_list, refs, tokens, offsets, bg_keys, bg_ptr, bg_refs, bg_idf,
                   ref_weight, np.frombuffer(b"".join(raw_digests), dtype=np.uint8),
                   np.array(raw_refs, dtype=np.int32))

    # -- persistence ------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        buf = io.BytesIO()
        meta = {"vocab": self.vocab,
                "refs": [[r.key, r.kind, r.source, r.expression, r.minimum_coverage]
                         for r in self.refs]}
        np.savez(buf, meta=np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
                 tokens=self.tokens, offsets=self.offsets, bg_keys=self.bg_keys,
                 bg_ptr=self.bg_ptr, bg_refs=self.bg_refs, bg_idf=self.bg_idf,
                 ref_weight=self.ref_weight, raw_digests=self.raw_digests,
                 raw_refs=self.raw_refs)
        _cache.atomic_write_bytes(path, buf.getvalue())

    @classmethod
    def load(cls, path: Path) -> Index:
        """The index saved at `path`; ValueError when the file is missing or damaged."""
        raw = _cache.read_verified(path)
        if raw is None:
            raise ValueError(f"{path}: no index, or a damaged one")
        with np.load(io.BytesIO(raw)) as data:
            meta = json.loads(data["meta"].tobytes())
            return cls(meta["vocab"], [RefInfo(*r) for r in meta["refs"]], data["tokens"],
                       data["offsets"], data["bg_keys"], data["bg_ptr"], data["bg_refs"],
                       data["bg_idf"], data["ref_weight"], data["raw_digests"],
                       data["raw_refs"])

    # -- queries ----------------------------------------------------------------------------
    def ref_ids(self, r: int) -> npt.NDArray[np.int32]:
        return self.tokens[self.offsets[r] : self.offsets[r + 1]]

    def encode(self, words: Iterable[str]) -> npt.NDArray[np.int32]:
        """Token ids; words unknown to every reference get ids no reference has (-1)."""
        get = self.word_ids.get
        return np.array([get(w, -1) for w in words], dtype=np.int32)

    def shares(self, ids: npt.NDArray[np.int32]) -> tuple[npt.NDArray[Any], npt.NDArray[Any]]:
        """For every reference: the weight of its rare bigrams the query contains, and that
        weight's share of the reference's own."""
        zeros = np.zeros(len(self.refs))
        if len(ids) < 2:
            return zeros, zeros
        bg = bigrams(ids)
        bg = np.unique(bg[(ids[:-1] >= 0) & (ids[1:] >= 0)])
        if not len(bg) or not len(self.bg_keys):
            return zeros, zeros
        pos = np.minimum(np.searchsorted(self.bg_keys, bg), len(self.bg_keys) - 1)
        pos = pos[self.bg_keys[pos] == bg]
        if not len(pos):
            return zeros, zeros
        starts = self.bg_ptr[pos]
        counts = self.bg_ptr[pos + 1] - starts
        total = int(counts.sum())
        shift = np.repeat(starts - np.concatenate(([0], np.cumsum(counts)[:-1])), counts)
        rows = np.arange(total, dtype=np.int64) + shift
        weights = np.repeat(self.bg_idf[pos], counts)
        score = np.bincount(self.bg_refs[rows], weights=weights, minlength=len(self.refs))
        return score, score / np.maximum(self.ref_weight, 1e-9)

    def candidates(self, ids: npt.NDArray[np.int32], limit: int) -> list[tuple[int, float]]:
        """References whose rare bigrams the query contains most, best first: (ref, share)."""
        score, share = self.shares(ids)
        if not score.any():
            return []
        # the alignment score to expect: the words of the reference found, less half of those
        # missing. Of many near-identical notices the longest one the query holds explains the
        # most of it; short ones wholly inside it (share 1.0) would crowd it out of `share`
        expected = self.lengths * (1.5 * share - 0.5)
        # the most complete references, and the ones that explain most of the query: a short
        # notice is wholly inside a full license text, and both must be considered
        picked = dict.fromkeys([*self._top_diverse(expected, limit),
                                *self._top_diverse(score, limit),
                                *self._top_diverse(share, limit)])
        # each license found among them is also aligned with its own text
        own = [self.by_key[k] for k in dict.fromkeys(self.refs[r].key for r in picked)
               if k in self.by_key]
        picked.update(dict.fromkeys(own))
        return [(r, float(share[r])) for r in picked if share[r] > 0]

    def _top_diverse(self, values: npt.NDArray[Any], limit: int) -> list[int]:
        """The `limit` best references, at most PER_KEY of them for one license: its many
        near-identical rules must not crowd every other license out."""
        out: list[int] = []
        seen: dict[str, int] = {}
        for r in _top(values, limit * 8):
            key = self.refs[r].key
            if seen.get(key, 0) >= PER_KEY:
                continue
            seen[key] = seen.get(key, 0) + 1
            out.append(r)
            if len(out) >= limit:
                break
        return out


_DIGEST = 16
LICENSE_LIKE_SHARE = 0.75  # of a run's word pairs found in license references
DISTINCT_SHARE = 0.3  # of a run's words that differ from each other


def license_like(index: Index, ids: npt.NDArray[np.int32]) -> bool:
    """Whether a run of words reads like license terms: most of its word pairs occur in some
    license reference ("may not use", "for any purpose"), as code and ordinary prose do not."""
    if len(ids) < 2 or len(set(ids.tolist())) < DISTINCT_SHARE * len(ids):
        return False  # repetitive: code or a table, not sentences
    bg = bigrams(ids)[(ids[:-1] >= 0) & (ids[1:] >= 0)]
    if not len(bg) or not len(index.bg_keys):
        return False
    pos = np.minimum(np.searchsorted(index.bg_keys, bg), len(index.bg_keys) - 1)
    return int((index.bg_keys[pos] == bg).sum()) >= LICENSE_LIKE_SHARE * (len(ids) - 1)



def raw_digest(text: str) -> bytes:
    """Digest of a text's raw words (see normalize.raw_words)."""
    return hashlib.blake2b(b"\x00".join(raw_words(text)), digest_size=_DIGEST).digest()


def _top(values: npt.NDArray[Any], limit: int) -> list[int]:
    """Indices of the `limit` largest values, largest first."""
    if len(values) > limit:
        part = np.argpartition(-values, limit)[:limit]
    else:
        part = np.arange(len(values))
    return [int(i) for i in part[np.argsort(-values[part], kind="stable")]]


def bigrams(ids: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
    a = ids.astype(np.int64)
    return (a[:-1] << _SHIFT) | (a[1:] & ((1 << _SHIFT) - 1))


def index_path() -> Path:
    return _cache.cache_dir() / f"index-v{FORMAT}-licensedb-{licensedb.version()}.npz"


@cache
def get_index(progress: Progress | None = None) -> Index:
    """The index, loaded from the cache or built (and cached) on first use."""
    path = index_path()
    if path.exists():
        try:
            return Index.load(path)
        except (OSError, ValueError, KeyError, TypeError, zipfile.BadZipFile):
            path.unlink(missing_ok=True)  # a damaged cache is rebuilt, never trusted
    started = time.perf_counter()
    index = Index.build(progress)
    index.build_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    with contextlib.suppress(OSError):  # a read-only cache only costs a rebuild next time
        index.save(path)
        for stale in path.parent.glob("index-v*.npz"):
            if stale != path:  # built for another LicenseDB or an older format
                stale.unlink(missing_ok=True)
    return index
