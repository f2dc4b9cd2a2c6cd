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
import re
import time
from collections.abc import Callable, Iterable, Sequence, Sized
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import repeat
from pathlib import Path
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from licentia import arraystore
from licentia import cache as _cache
from licentia.arraystore import Strings, pack_strings
from licentia.catalog import licensedb
from licentia.identify.rules import front_matter, rule_kind
from licentia.normalize import raw_words, tokenize

FORMAT = 19  # bump when the normalizer or the index layout changes
MIN_NOTICE_TOKENS = 12
COMMON_SHARE = 0.05  # of the references: a bigram in more is common (see _postings)
MIN_POSTED = 20  # bigrams a reference is posted under at least, common ones if need be
SHORTLIST = 16  # times the limit: references of each ranking scored in full (see candidates)
PER_KEY = 3  # references of one license among the best candidates of a ranking
_DIGEST = 16  # bytes of the digests of verbatim texts
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


_KINDS = ("text", "notice", "reference")
_STRING_COLUMNS = ("vocab", "keys", "sources", "expressions")


class _Refs(Sequence[RefInfo]):
    """The references' metadata, stored as columns; each RefInfo is made when first asked for
    (18,000 at every start would cost a warm command tens of milliseconds)."""

    def __init__(self, arrays: dict[str, npt.NDArray[Any]], keys: Strings) -> None:
        self._key = arrays["ref_key"]
        self._kind = arrays["ref_kind"]
        self._coverage = arrays["ref_coverage"]
        self._keys = keys
        self._sources = _strings(arrays, "sources")
        self._expressions = _strings(arrays, "expressions")
        self._made: dict[int, RefInfo] = {}

    def __len__(self) -> int:
        return len(self._key)

    @overload
    def __getitem__(self, i: int) -> RefInfo: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[RefInfo]: ...
    def __getitem__(self, i: int | slice) -> RefInfo | Sequence[RefInfo]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        info = self._made.get(i)
        if info is not None:
            return info
        n = len(self._key)
        if not -n <= i < n:
            raise IndexError(i)
        i = int(i) % n
        info = self._made.get(i)
        if info is None:
            info = self._made[i] = RefInfo(
                self._keys[int(self._key[i])], _KINDS[int(self._kind[i])], self._sources[i],
                self._expressions[i], int(self._coverage[i]))
        return info


def _strings(arrays: dict[str, npt.NDArray[Any]], name: str) -> Strings:
    return Strings(arrays[f"{name}_blob"], arrays[f"{name}_offsets"])


class Index:
    """Token ids of every reference, and bigram postings for candidate retrieval."""

    ARRAYS = ("tokens", "offsets", "bg_keys", "bg_ptr", "bg_refs", "bg_idf", "ref_weight",
              "posted_weight", "rest_ptr", "rest_cm", "cm_pos",
              "raw_digests", "raw_refs", "token_digests", "ref_key", "ref_kind",
              "ref_coverage", "own_text",
              *(f"{c}_{part}" for c in _STRING_COLUMNS for part in ("blob", "offsets")))

    def __init__(self, arrays: dict[str, npt.NDArray[Any]]) -> None:
        self.arrays = arrays
        self.tokens: npt.NDArray[np.int32] = arrays["tokens"]
        self.offsets: npt.NDArray[np.int64] = arrays["offsets"]
        self.bg_keys: npt.NDArray[np.int64] = arrays["bg_keys"]
        self.bg_ptr: npt.NDArray[np.int64] = arrays["bg_ptr"]
        self.bg_refs: npt.NDArray[np.int32] = arrays["bg_refs"]
        self.bg_idf: npt.NDArray[np.float32] = arrays["bg_idf"]
        self.ref_weight: npt.NDArray[np.float32] = arrays["ref_weight"]
        self.posted_weight: npt.NDArray[np.float32] = arrays["posted_weight"]
        # each reference's common bigrams it is not posted under, by their number among the
        # common bigrams (cm_pos: their positions in bg_keys)
        self.rest_ptr: npt.NDArray[np.int64] = arrays["rest_ptr"]
        self.rest_cm: npt.NDArray[np.uint16] = arrays["rest_cm"]  # in cm_pos
        self.cm_pos: npt.NDArray[np.int64] = arrays["cm_pos"]  # the common bigrams in bg_keys
        # digest of each reference's token ids (int32), for verbatim copies
        self.token_digests: npt.NDArray[np.uint8] = arrays["token_digests"]
        self.keys = _strings(arrays, "keys")
        self.refs = _Refs(arrays, self.keys)
        n = len(self.refs)
        if len(self.offsets) != n + 1 or int(self.offsets[-1]) != len(self.tokens) or \
                int(self.bg_ptr[-1]) != len(self.bg_refs) or len(self.bg_idf) != len(self.bg_keys) \
                or len(self.ref_weight) != n or self.token_digests.shape != (n, _DIGEST) \
                or len(self.posted_weight) != n or len(self.rest_ptr) != n + 1 \
                or int(self.rest_ptr[-1]) != len(self.rest_cm) or not len(self.cm_pos):
            raise ValueError("index arrays disagree with each other")
        self.lengths = np.diff(self.offsets).astype(np.float32)

    @cached_property
    def vocab(self) -> list[str]:
        return _strings(self.arrays, "vocab").all()

    @cached_property
    def word_ids(self) -> dict[str, int]:
        return dict(zip(self.vocab, range(len(self.vocab)), strict=True))

    @cached_property
    def by_key(self) -> dict[str, int]:
        """A license key -> the reference that is its own text."""
        own = self.arrays["own_text"].tolist()
        return {k: r for k, r in zip(self.keys.all(), own, strict=True) if r >= 0}

    @cached_property
    def verbatim(self) -> dict[bytes, int]:
        """Digest of a license text's raw words -> its reference: verbatim copies in O(1)."""
        digests = self.arrays["raw_digests"].tobytes()
        table: dict[bytes, int] = {}
        for n, r in enumerate(self.arrays["raw_refs"].tolist()):
            table.setdefault(digests[n * _DIGEST : (n + 1) * _DIGEST], r)
        return table

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
        words_list = [""] * len(vocab)
        for w, i in vocab.items():
            words_list[i] = w
        digests = b"".join(token_digest(c) for c in chunks)
        arrays: dict[str, npt.NDArray[Any]] = {
            "tokens": tokens, "offsets": offsets, **_postings(chunks),
            "raw_digests": np.frombuffer(b"".join(raw_digests), dtype=np.uint8),
            "raw_refs": np.array(raw_refs, dtype=np.int32),
            "token_digests": np.frombuffer(digests, np.uint8).reshape(len(chunks), _DIGEST),
            **_ref_columns(refs)}
        for name, strings in (("vocab", words_list),
                              ("sources", [r.source for r in refs]),
                              ("expressions", [r.expression for r in refs])):
            arrays[f"{name}_blob"], arrays[f"{name}_offsets"] = pack_strings(strings)
        return cls(arrays)

    # -- persistence ------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        arraystore.save(path, {name: self.arrays[name] for name in self.ARRAYS})

    @classmethod
    def load(cls, path: Path) -> Index:
        """The index saved at `path`; ValueError when it is missing or damaged."""
        arrays = arraystore.load(path, cls.ARRAYS)
        if arrays is None:
            raise ValueError(f"{path}: no index, or a damaged one")
        return cls(arrays)

    # -- queries ----------------------------------------------------------------------------
    def ref_ids(self, r: int) -> npt.NDArray[np.int32]:
        return self.tokens[self.offsets[r] : self.offsets[r + 1]]

    def encode(self, words: Iterable[str]) -> npt.NDArray[np.int32]:
        """Token ids; words unknown to every reference get ids no reference has (-1)."""
        count = len(words) if isinstance(words, Sized) else -1  # (made in one piece)
        return np.fromiter(map(self.word_ids.get, words, repeat(-1)), np.int32, count=count)

    def query_bigrams(self, ids: npt.NDArray[np.int32]) -> npt.NDArray[Any]:
        """The positions in `bg_keys` of the query's bigrams known to some reference, ascending."""
        if len(ids) < 2 or not len(self.bg_keys):
            return np.zeros(0, np.int64)
        bg = bigrams(ids)[(ids[:-1] >= 0) & (ids[1:] >= 0)]
        bg.sort()  # unique (np.unique costs twice as much)
        bg = bg[np.concatenate(([True], bg[1:] != bg[:-1]))] if len(bg) else bg
        pos = np.minimum(np.searchsorted(self.bg_keys, bg), len(self.bg_keys) - 1)
        out: npt.NDArray[Any] = pos[self.bg_keys[pos] == bg]
        return out

    def posted_scores(self, pos: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """For every reference: the weight of the bigrams at `pos` it is posted under."""
        starts = self.bg_ptr[pos]
        counts = self.bg_ptr[pos + 1] - starts
        ends = np.cumsum(counts)
        if not len(ends) or not ends[-1]:
            return np.zeros(len(self.refs))
        # each bigram's postings are one slice: joined, they are the references to count
        rows = self.bg_refs[np.arange(ends[-1]) + np.repeat(starts - (ends - counts), counts)]
        # as the platform's integers and doubles: bincount converts others first, at a cost
        weights = np.repeat(self.bg_idf[pos].astype(np.float64), counts)
        return np.bincount(rows.astype(np.intp), weights=weights, minlength=len(self.refs))

    def common_weights(self, pos: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """The weight of each common bigram (see rest_cm) in the query, zero for the others."""
        at = np.minimum(np.searchsorted(self.cm_pos, pos), len(self.cm_pos) - 1)
        held = self.cm_pos[at] == pos
        weight = np.zeros(len(self.cm_pos))
        weight[at[held]] = self.bg_idf[pos[held]]
        return weight

    def scores(self, pos: npt.NDArray[Any], refs: npt.NDArray[Any],
               posted: npt.NDArray[Any], weight: npt.NDArray[Any] | None = None,
               ) -> npt.NDArray[Any]:
        """The weight of all the bigrams at `pos` each of `refs` holds: what it is posted under
        (`posted`, see posted_scores) and its common bigrams it is not posted under (`weight`:
        common_weights(pos), if made already). A reference's score does not depend on the
        others asked for with it."""
        if weight is None:
            weight = self.common_weights(pos)
        cols = np.flatnonzero(weight)
        if not len(cols) or not len(refs):
            out: npt.NDArray[Any] = posted[refs]
            return out
        if self.exact_sums:  # a product, in whatever order BLAS adds: the same sums
            product: npt.NDArray[Any] = self._rest_matrix[refs][:, cols] @ weight[cols]
            return posted[refs] + product  # type: ignore[no-any-return]
        # added one by one in the order of the common bigrams, as a sum over each reference's
        # rest_cm would be (adding the zeros of bigrams it lacks changes no sum)
        rest = self._rest_matrix[refs[:, None], cols] * weight[cols]
        return posted[refs] + np.cumsum(rest, axis=1)[:, -1]  # type: ignore[no-any-return]

    def warm_up(self) -> None:
        """Make what every query reads (a process forked after this shares it)."""
        _ = self._rest_matrix, self.exact_sums, self.word_ids

    @cached_property
    def exact_sums(self) -> bool:
        """Whether every sum of bigram weights is exact as a double, whatever the order of
        addition: each weight (a float32) is a multiple of the smallest one's unit in the last
        place, a power of two, and no reference's total comes near 2**53 of those units.
        (Today's LicenseDB: weights of 0.42 or more, multiples of 2**-25; totals below 52,000,
        far below 2**28.)"""
        if not len(self.bg_idf):
            return True
        _, exponent = np.frexp(self.bg_idf.astype(np.float64))
        unit = float(np.ldexp(1.0, int(exponent.min()) - 24))  # float32: 24 significant bits
        return bool(float(self.ref_weight.max()) * 2 < 2.0**53 * unit)

    @cached_property
    def _rest_matrix(self) -> npt.NDArray[np.bool_]:
        """For each reference and common bigram: whether the reference holds it and is not
        posted under it (rest_cm as a table; made once, ~10 MB)."""
        table = np.zeros((len(self.refs), len(self.cm_pos)), dtype=bool)
        table[np.repeat(np.arange(len(self.refs)), np.diff(self.rest_ptr)), self.rest_cm] = True
        return table

    def shares(self, ids: npt.NDArray[np.int32],
               refs: npt.NDArray[Any]) -> npt.NDArray[Any]:
        """For each of `refs`: the weight of its bigrams the query contains, as a share of the
        reference's own."""
        pos = self.query_bigrams(ids)
        refs = np.asarray(refs, dtype=np.int64)
        score = self.scores(pos, refs, self.posted_scores(pos))
        out: npt.NDArray[Any] = score / np.maximum(self.ref_weight[refs], 1e-9)
        return out

    def candidates(self, ids: npt.NDArray[np.int32], limit: int) -> list[tuple[int, float]]:
        """References whose rare bigrams the query contains most, best first: (ref, share)."""
        pos = self.query_bigrams(ids)
        posted = self.posted_scores(pos)
        short = self._shortlist(posted, limit * SHORTLIST)
        if not len(short):
            return []
        weight = self.common_weights(pos)
        score = self.scores(pos, short, posted, weight)
        share = score / np.maximum(self.ref_weight[short], 1e-9)
        # the alignment score to expect: the words of the reference found, less half of those
        # missing. Of many near-identical notices the longest one the query holds explains the
        # most of it; short ones wholly inside it (share 1.0) would crowd it out of `share`
        expected = self.lengths[short] * (1.5 * share - 0.5)
        # the most complete references, and the ones that explain most of the query: a short
        # notice is wholly inside a full license text, and both must be considered
        keys = self.arrays["ref_key"][short]
        listed, shares = short.tolist(), share.tolist()
        picked: dict[int, float] = {}
        for values in (expected, score, share):
            for i in _top_diverse(values, keys, limit):
                picked.setdefault(listed[i], shares[i])
        # each license found among them is also aligned with its own text
        own_text, ref_key = self.arrays["own_text"], self.arrays["ref_key"]
        own = [int(own_text[k]) for k in dict.fromkeys(int(ref_key[r]) for r in picked)
               if own_text[k] >= 0 and int(own_text[k]) not in picked]
        if not own:
            return list(picked.items())
        # a shortlisted one's share as found, the others' made (the same sums: exact_sums)
        ids = np.array(own, dtype=np.int64)
        at = np.minimum(np.searchsorted(short, ids), len(short) - 1)
        held = short[at] == ids
        own_share = np.where(held, share[at], 0.0)
        if not held.all():
            rest = ids[~held]
            own_share[~held] = self.scores(pos, rest, posted, weight) / self.ref_weight[rest]
        return [*picked.items(), *((r, s) for r, s in zip(own, own_share.tolist(), strict=True)
                                   if s > 0)]

    def _shortlist(self, posted: npt.NDArray[Any], size: int) -> npt.NDArray[Any]:
        """The references worth scoring in full, ascending: the best `size` of each ranking
        of candidates by what each is posted under (its share of that for the whole
        reference's share, the weight found for its score)."""
        found = np.flatnonzero(posted > 0)  # (on a mask: four times quicker)
        if len(found) <= size:
            return found
        score = posted[found]
        share = score / np.maximum(self.posted_weight[found], 1e-9)
        chosen = np.zeros(len(found), dtype=bool)  # (np.unique of the lists costs 4x more)
        for v in (share, score, self.lengths[found] * (1.5 * share - 0.5)):
            chosen[np.argpartition(-v, size)[:size]] = True
        out: npt.NDArray[Any] = found[chosen]
        return out


def _top_diverse(values: npt.NDArray[Any], keys: npt.NDArray[Any], limit: int) -> list[int]:
    """The positions of the `limit` best values (see _top), at most PER_KEY of them for one
    license: its many near-identical rules must not crowd every other license out."""
    out: list[int] = []
    seen: dict[int, int] = {}
    for i in _top(values, limit * 8):
        key = int(keys[i])
        if seen.get(key, 0) >= PER_KEY:
            continue
        seen[key] = seen.get(key, 0) + 1
        out.append(i)
        if len(out) >= limit:
            break
    return out


def _postings(chunks: list[npt.NDArray[np.int32]]) -> dict[str, npt.NDArray[Any]]:
    """Bigram -> the references posted under it, with each bigram's rarity (idf); each
    reference's total weight, the weight it is posted under, and its bigrams it is not.

    A reference is posted under each of its bigrams held by at most COMMON_SHARE of all
    references, and under its rarest bigrams up to MIN_POSTED of them: a common bigram ("of
    the" is in 15,000 references) keeps only the references that have few others, so that a
    notice made only of common phrases (the GPL's "This program is free software...") is
    still found, while a query no longer reads 15,000 postings for it. The common bigrams a
    reference is not posted under still count in its score once it is shortlisted."""
    pairs_b: list[npt.NDArray[np.int64]] = []
    pairs_r: list[npt.NDArray[np.int32]] = []
    for r, ids in enumerate(chunks):
        bg = np.unique(bigrams(ids))
        pairs_b.append(bg)
        pairs_r.append(np.full(len(bg), r, dtype=np.int32))
    all_b = np.concatenate(pairs_b) if pairs_b else np.zeros(0, np.int64)
    all_r = np.concatenate(pairs_r) if pairs_r else np.zeros(0, np.int32)
    bg_keys, inverse, df = np.unique(all_b, return_inverse=True, return_counts=True)
    n_refs = len(chunks)
    bg_idf = np.log((n_refs + 1) / df).astype(np.float32)
    posted = _posted(all_r, df[inverse], COMMON_SHARE * n_refs)
    # each bigram's postings in order of reference: one slice per bigram
    order = np.lexsort((all_r[posted], inverse[posted]))
    bg_ptr = np.zeros(len(bg_keys) + 1, dtype=np.int64)
    np.cumsum(np.bincount(inverse[posted], minlength=len(bg_keys)), out=bg_ptr[1:])
    rest_ptr = np.zeros(n_refs + 1, dtype=np.int64)
    np.cumsum(np.bincount(all_r[~posted], minlength=n_refs), out=rest_ptr[1:])
    weight = bg_idf[inverse].astype(np.float64)
    return {"bg_keys": bg_keys, "bg_ptr": bg_ptr, "bg_refs": all_r[posted][order],
            "bg_idf": bg_idf,
            "ref_weight": np.bincount(all_r, weight, n_refs).astype(np.float32),
            "posted_weight": np.bincount(all_r[posted], weight[posted], n_refs).astype(np.float32),
            "rest_ptr": rest_ptr, **_rest(inverse[~posted], len(bg_keys))}


def _rest(rest: npt.NDArray[Any], n_bigrams: int) -> dict[str, npt.NDArray[Any]]:
    """The bigrams references are not posted under (positions in bg_keys), numbered among
    those common bigrams: two bytes each."""
    cm_pos = np.unique(rest)
    if len(cm_pos) > np.iinfo(np.uint16).max:
        raise ValueError(f"{len(cm_pos)} common bigrams: more than their numbers hold")
    number = np.zeros(n_bigrams, dtype=np.uint16)
    number[cm_pos] = np.arange(len(cm_pos))
    # one entry at least, so that a query may look its bigrams up
    return {"rest_cm": number[rest], "cm_pos": cm_pos if len(cm_pos) else np.zeros(1, np.int64)}


def _posted(refs: npt.NDArray[np.int32], df: npt.NDArray[Any],
            common: float) -> npt.NDArray[np.bool_]:
    """Which (bigram, reference) pairs are posted: the bigram is not common, or it is among
    the reference's MIN_POSTED rarest (`refs` ascending, as the pairs are made)."""
    order = np.lexsort((df, refs))  # by reference, rarest first (stable: by bigram on ties)
    first = np.searchsorted(refs[order], refs[order])
    rank = np.empty(len(refs), dtype=np.int64)
    rank[order] = np.arange(len(refs)) - first
    return (df <= common) | (rank < MIN_POSTED)


def _ref_columns(refs: list[RefInfo]) -> dict[str, npt.NDArray[Any]]:
    """What each reference is, as columns; and each license's own text."""
    key_ids: dict[str, int] = {}
    ref_key = np.array([key_ids.setdefault(r.key, len(key_ids)) for r in refs], np.int32)
    own = np.full(len(key_ids), -1, dtype=np.int32)
    for i, r in enumerate(refs):
        if not r.is_rule and own[ref_key[i]] < 0:
            own[ref_key[i]] = i
    blob, offsets = pack_strings(key_ids)
    return {"ref_key": ref_key,
            "ref_kind": np.array([_KINDS.index(r.kind) for r in refs], np.int8),
            "ref_coverage": np.array([r.minimum_coverage for r in refs], np.int16),
            "own_text": own, "keys_blob": blob, "keys_offsets": offsets}


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



def token_digest(ids: npt.NDArray[Any]) -> bytes:
    """Digest of a sequence of token ids (as int32: a query's and a reference's agree)."""
    return hashlib.blake2b(np.ascontiguousarray(ids, dtype=np.int32).tobytes(),
                           digest_size=_DIGEST).digest()


def raw_digest(text: str) -> bytes:
    """Digest of a text's raw words (see normalize.raw_words)."""
    return hashlib.blake2b(b"\x00".join(raw_words(text)), digest_size=_DIGEST).digest()


def _top(values: npt.NDArray[Any], limit: int) -> list[int]:
    """Positions of the `limit` largest values, largest first; of equal values, the first."""
    if len(values) > limit:
        # every value tied with the limit-th is a contender: the order decides, not the sort
        cut = np.partition(values, len(values) - limit)[len(values) - limit]
        part = np.flatnonzero(values >= cut)
    else:
        part = np.arange(len(values))
    order: list[int] = part[np.lexsort((part, -values[part]))][:limit].tolist()
    return order


def bigrams(ids: npt.NDArray[np.int32]) -> npt.NDArray[np.int64]:
    a = ids.astype(np.int64)
    return (a[:-1] << _SHIFT) | (a[1:] & ((1 << _SHIFT) - 1))


def index_path() -> Path:
    """The index's store (a directory of arrays) in the cache."""
    return _cache.cache_dir() / f"index-v{FORMAT}-licensedb-{licensedb.version()}"


@cache
def get_index(progress: Progress | None = None) -> Index:
    """The index, loaded from the cache or built (and cached) on first use."""
    path = index_path()
    arrays = arraystore.load(path, Index.ARRAYS)
    if arrays is not None:
        try:
            return Index(arrays)
        except (ValueError, KeyError, IndexError):
            arraystore.remove(path)  # a damaged cache is rebuilt, never trusted
    started = time.perf_counter()
    index = Index.build(progress)
    index.build_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    with contextlib.suppress(OSError):  # a read-only cache only costs a rebuild next time
        index.save(path)
        arraystore.remove_others(path, "index-v*")
    return index
