# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The LicenseDB's rules (notices, references, tags, intros, clues, false positives), indexed
for word-for-word matching.

ScanCode ships ~36,000 `.RULE` files beside the license texts: each is a piece of text that
means a license expression ("Licensed under the MIT license", "GPLv2+", "This file is
distributed under the same terms as Perl itself"), with flags saying what kind of evidence it
is. They are read once, tokenized in rule token space (normalize.rule_text_tokens) and cached.

Exact occurrences are found with rolling hashes: each token has a random 64-bit value, a window
of the query hashes to sum(value[t_i] * B**i); windows are compared to each rule's hash only
where the query's first four tokens are some rule's first four (or, for rules shorter than
four tokens, where a window of that length is a rule).
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Sequence
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
from licentia.normalize import MARKUP_WORDS, rule_text_tokens

FORMAT = 4
PREFIX = 4  # tokens of the prefix every rule of this length or more is looked up by
_B = np.uint64(0x9E3779B97F4A7C15)  # odd: invertible modulo 2**64
_SEED = 20261130

KINDS = ("text", "notice", "reference", "tag", "intro", "clue", "false-positive")
_FLAG_KIND = {"is_license_text": "text", "is_license_notice": "notice",
              "is_license_reference": "reference", "is_license_tag": "tag",
              "is_license_intro": "intro", "is_license_clue": "clue",
              "is_false_positive": "false-positive"}


@dataclass(frozen=True, slots=True)
class Rule:
    """What one rule means and how it may be matched."""

    expression: str  # LicenseDB keys; "" for a false positive
    kind: str
    source: str  # the .RULE file name
    relevance: int
    minimum_coverage: int
    continuous: bool
    length: int


def front_matter(raw: str) -> tuple[dict[str, str], str]:
    """The flat `key: value` pairs of a rule's front matter (lists skipped), and its text."""
    if not raw.startswith("---"):
        return {}, raw
    head, _, body = raw[3:].partition("\n---")
    meta: dict[str, str] = {}
    last = ""
    for line in head.splitlines():
        if line[:1].isalpha() and ":" in line:
            k, _, v = line.partition(":")
            last = k.strip()
            meta[last] = v.strip()
        elif line[:1] == " " and last and meta.get(last) and not line.lstrip().startswith("- "):
            meta[last] += " " + line.strip()  # a value folded over several lines
    return meta, body[body.find("\n") + 1 :] if "\n" in body else ""


def rule_kind(meta: dict[str, str]) -> str | None:
    """What kind of evidence a rule is, from its front matter's flags."""
    return next((k for f, k in _FLAG_KIND.items() if meta.get(f) == "yes"), None)


def _read_rules() -> list[tuple[Rule, list[str], list[tuple[int, int]]]]:
    out = []
    for item in sorted(licensedb.rules_dir().iterdir(), key=lambda t: t.name):
        if not item.name.endswith(".RULE"):
            continue
        meta, text = front_matter(item.read_text(encoding="utf-8"))
        if meta.get("is_deprecated") == "yes":
            continue
        kind = rule_kind(meta)
        expr = meta.get("license_expression", "")
        if kind is None or (not expr and kind != "false-positive"):
            continue
        words, required = rule_text_tokens(text)
        if not words:
            continue
        rule = Rule(expr, kind, item.name, int(meta.get("relevance") or 100),
                    int(meta.get("minimum_coverage") or 0), meta.get("is_continuous") == "yes",
                    len(words))
        out.append((rule, words, required))
    return out


class Rules(Sequence[Rule]):
    """The rules' metadata, stored as columns; each made a Rule when first asked for (35,000
    at every start would cost a warm command a quarter of a second)."""

    def __init__(self, arrays: dict[str, npt.NDArray[Any]]) -> None:
        self._expressions = Strings(arrays["expressions_blob"], arrays["expressions_offsets"])
        self.sources = Strings(arrays["sources_blob"], arrays["sources_offsets"])
        self._kind = arrays["kind"]
        self._numbers = arrays["numbers"]  # relevance, minimum coverage, continuous, length
        self._made: dict[int, Rule] = {}

    def __len__(self) -> int:
        return len(self._kind)

    @overload
    def __getitem__(self, i: int) -> Rule: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Rule]: ...
    def __getitem__(self, i: int | slice) -> Rule | Sequence[Rule]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if not -n <= i < n:
            raise IndexError(i)
        i = int(i) % n
        rule = self._made.get(i)
        if rule is None:
            relevance, coverage, continuous, length = self._numbers[i].tolist()
            rule = self._made[i] = Rule(self._expressions[i], KINDS[int(self._kind[i])],
                                        self.sources[i], relevance, coverage,
                                        bool(continuous), length)
        return rule

    @staticmethod
    def columns(rules: list[Rule]) -> dict[str, npt.NDArray[Any]]:
        """The arrays `Rules` reads."""
        out: dict[str, npt.NDArray[Any]] = {
            "kind": np.array([KINDS.index(r.kind) for r in rules], dtype=np.int8),
            "numbers": np.array([[r.relevance, r.minimum_coverage, int(r.continuous), r.length]
                                 for r in rules], dtype=np.int32).reshape(-1, 4)}
        for name, strings in (("expressions", [r.expression for r in rules]),
                              ("sources", [r.source for r in rules])):
            out[f"{name}_blob"], out[f"{name}_offsets"] = pack_strings(strings)
        return out


class RuleIndex:
    """Token ids and hashes of every rule."""

    ARRAYS = ("tokens", "offsets", "values", "full", "req_ptr", "req", "prefix_keys",
              "prefix_rules", "short_keys", "short_rules", "vocab_blob", "vocab_offsets",
              "kind", "numbers", "expressions_blob", "expressions_offsets", "sources_blob",
              "sources_offsets")

    def __init__(self, arrays: dict[str, npt.NDArray[Any]]) -> None:
        self.arrays = arrays
        self.rules = Rules(arrays)
        self.tokens = arrays["tokens"]
        self.offsets = arrays["offsets"]
        self.values = arrays["values"]  # random 64-bit value of each token id
        self.full = arrays["full"]  # each rule's hash
        self.req_ptr = arrays["req_ptr"]  # rule r's required phrases: req[req_ptr[r]:req_ptr[r+1]]
        self.req = arrays["req"]  # (start, end) token ranges
        self.prefix_keys = arrays["prefix_keys"]  # sorted prefix hashes of rules >= PREFIX long
        self.prefix_rules = arrays["prefix_rules"]
        self.short_keys = arrays["short_keys"]  # sorted full hashes of rules < PREFIX long
        self.short_rules = arrays["short_rules"]
        n = len(self.rules)
        if len(self.offsets) != n + 1 or int(self.offsets[-1]) != len(self.tokens) or \
                len(self.full) != n or len(self.req_ptr) != n + 1 or len(self.rules.sources) != n:
            raise ValueError("rule index arrays disagree with each other")
        self.lengths = np.diff(self.offsets).astype(np.int64)

    @cached_property
    def vocab(self) -> list[str]:
        return Strings(self.arrays["vocab_blob"], self.arrays["vocab_offsets"]).all()

    @cached_property
    def word_ids(self) -> dict[str, int]:
        return dict(zip(self.vocab, range(len(self.vocab)), strict=True))

    @cached_property
    def by_source(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self.rules.sources.all())}

    @classmethod
    def build(cls) -> RuleIndex:
        read = _read_rules()
        vocab: dict[str, int] = {}
        chunks, req_ptr, req = [], [0], []
        for _, words, required in read:
            chunks.append(np.fromiter((vocab.setdefault(w, len(vocab)) for w in words),
                                      np.int64, count=len(words)))
            req.extend(required)
            req_ptr.append(len(req))
        rng = np.random.default_rng(_SEED)
        values = rng.integers(1, 2**63, size=len(vocab), dtype=np.int64).astype(np.uint64)
        values |= np.uint64(1)
        full = np.array([_hash(values[c]) for c in chunks], dtype=np.uint64)
        long_ = [i for i, c in enumerate(chunks) if len(c) >= PREFIX]
        short = [i for i, c in enumerate(chunks) if len(c) < PREFIX]
        pkeys = np.array([_hash(values[chunks[i][:PREFIX]]) for i in long_], dtype=np.uint64)
        order = np.argsort(pkeys, kind="stable")
        skeys = full[short]
        sorder = np.argsort(skeys, kind="stable")
        lengths = np.array([len(c) for c in chunks], dtype=np.int64)
        offsets = np.zeros(len(chunks) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        words = [""] * len(vocab)
        for w, i in vocab.items():
            words[i] = w
        vocab_blob, vocab_offsets = pack_strings(words)
        arrays: dict[str, npt.NDArray[Any]] = {
            # 18,000 distinct words: two bytes a token keeps the cache small and quick to read
            "tokens": np.concatenate(chunks).astype(np.uint16 if len(vocab) < 2**16
                                                    else np.int32), "offsets": offsets,
            "values": values, "full": full,
            "req_ptr": np.array(req_ptr, dtype=np.int64),
            "req": np.array(req, dtype=np.int32).reshape(-1, 2),
            "prefix_keys": pkeys[order], "prefix_rules": np.array(long_, np.int32)[order],
            "short_keys": skeys[sorder], "short_rules": np.array(short, np.int32)[sorder],
            "vocab_blob": vocab_blob, "vocab_offsets": vocab_offsets,
            **Rules.columns([r for r, _, _ in read]),
        }
        return cls(arrays)

    def save(self, path: Path) -> None:
        arraystore.save(path, {name: self.arrays[name] for name in self.ARRAYS})

    # -- queries ----------------------------------------------------------------------------
    @cached_property
    def frequency(self) -> npt.NDArray[np.int64]:
        """How often each word id occurs in all rules (a rare word says more)."""
        return np.bincount(self.tokens.astype(np.int64), minlength=len(self.vocab))

    def rule_ids(self, r: int) -> npt.NDArray[Any]:
        return self.tokens[self.offsets[r] : self.offsets[r + 1]]

    def required(self, r: int) -> npt.NDArray[np.int32]:
        return self.req[self.req_ptr[r] : self.req_ptr[r + 1]]

    def required_phrases(self, r: int) -> list[list[str]]:
        """The words of each `{{required phrase}}` of rule r."""
        ids = self.rule_ids(r)
        return [[self.vocab[i] for i in ids[a:b].tolist()] for a, b in self.required(r).tolist()]

    def encode(self, words: list[str]) -> npt.NDArray[np.int64]:
        return np.fromiter(map(self.word_ids.get, words, repeat(-1)), np.int64,
                           count=len(words))

    @cached_property
    def _ids_or_markup(self) -> dict[str, int]:
        return {**self.word_ids, **dict.fromkeys(MARKUP_WORDS, _MARKUP)}

    def encode_without_markup(self, words: list[str]
                              ) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.bool_]]:
        """encode(the words that are no MARKUP_WORDS), and which words those are (rules are
        made without markup words: a query drops them too)."""
        ids = np.fromiter(map(self._ids_or_markup.get, words, repeat(-1)), np.int64,
                          count=len(words))
        keep = ids != _MARKUP
        return ids[keep], keep

    @cached_property
    def _starts(self) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
        """Where a rule may start: the token ids that are a rule of one token, and a filter of
        the first two tokens of the longer rules (by a hash of the pair: a set bit may be a
        collision, a clear one never misses a rule)."""
        starts = self.offsets[:-1]
        single = np.zeros(max(1, len(self.vocab)), dtype=bool)
        single[self.tokens[starts[self.lengths == 1]].astype(np.int64)] = True
        two = starts[self.lengths >= 2]
        pairs = np.zeros(1 << _PAIR_BITS, dtype=bool)
        pairs[_pair_hash(self.tokens[two].astype(np.int64),
                         self.tokens[two + 1].astype(np.int64))] = True
        return single, pairs

    def exact(self, ids: npt.NDArray[np.int64]) -> list[tuple[int, int, int]]:
        """Every (rule, start, end) whose tokens occur word for word in the query.

        Windows are hashed only where a rule can start (its first token, or its first two): a
        rule found anywhere starts at such a place, so the hits are those of every window."""
        n = len(ids)
        if not n:
            return []
        single, pairs = self._starts
        known = ids >= 0
        safe = np.maximum(ids, 0)
        one = np.flatnonzero(known & single[safe])
        two = np.flatnonzero(known[:-1] & known[1:] & pairs[_pair_hash(safe[:-1], safe[1:])])
        hits: list[tuple[int, int, int]] = []
        if not len(one) and not len(two):
            return hits
        vals = np.where(known, self.values[safe], np.uint64(0))
        powers = _powers(n + 1)
        with np.errstate(over="ignore"):
            prefix = np.zeros(n + 1, dtype=np.uint64)
            np.cumsum(vals * powers[:n], out=prefix[1:])
            inv = _inverse_powers(n + 1)
            for k in range(1, PREFIX):  # rules shorter than the prefix: whole windows
                at = one if k == 1 else two[two <= n - k]
                if len(at):
                    win = (prefix[at + k] - prefix[at]) * inv[at]
                    hits.extend(self._lookup(win, at, ids, k))
            at = two[two <= n - PREFIX]
            if len(at):
                win = (prefix[at + PREFIX] - prefix[at]) * inv[at]
                found, rules = _pairs(win, self.prefix_keys, self.prefix_rules)
                pos = at[found]
                ends = pos + self.lengths[rules]
                ok = ends <= n
                pos, rules, ends = pos[ok], rules[ok], ends[ok]
                got = (prefix[ends] - prefix[pos]) * inv[pos]
                same = got == self.full[rules]
                for p, r, e in zip(pos[same].tolist(), rules[same].tolist(),
                                   ends[same].tolist(), strict=True):
                    if np.array_equal(ids[p:e], self.rule_ids(r)):
                        hits.append((r, p, e))
        return hits

    def _lookup(self, win: npt.NDArray[np.uint64], at: npt.NDArray[np.int64],
                ids: npt.NDArray[np.int64], k: int) -> list[tuple[int, int, int]]:
        """The rules of k tokens whose hash is that of a window; `at`: where each starts."""
        found, rules = _pairs(win, self.short_keys, self.short_rules)
        out = []
        for p, r in zip(at[found].tolist(), rules.tolist(), strict=True):
            if self.lengths[r] == k and np.array_equal(ids[p : p + k], self.rule_ids(r)):
                out.append((r, p, p + k))
        return out


_MARKUP = -2  # encode_without_markup's id for a markup word (-1: a word no rule has)
_PAIR_BITS = 20  # 35,000 rules set at most 35,000 of 2**20 bits: few windows hashed in vain


def _pair_hash(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    return ((a * 0x9E3779B1) ^ b) & ((1 << _PAIR_BITS) - 1)


def _pairs(win: npt.NDArray[np.uint64], keys: npt.NDArray[np.uint64],
           rules: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """(query position, rule) for every window whose hash is a key."""
    if not len(keys):
        return np.zeros(0, np.int64), np.zeros(0, np.int64)
    lo = np.searchsorted(keys, win, side="left")
    hi = np.searchsorted(keys, win, side="right")
    counts = hi - lo
    pos = np.flatnonzero(counts)
    if not len(pos):
        return pos, pos
    c = counts[pos]
    starts = lo[pos]
    shift = np.repeat(starts - np.concatenate(([0], np.cumsum(c)[:-1])), c)
    rows = np.arange(int(c.sum()), dtype=np.int64) + shift
    return np.repeat(pos, c), rules[rows].astype(np.int64)


def _hash(vals: npt.NDArray[np.uint64]) -> int:
    with np.errstate(over="ignore"):
        return int((vals * _powers(len(vals))[: len(vals)]).sum(dtype=np.uint64))


@cache
def _geometric(base: int, n: int) -> npt.NDArray[np.uint64]:
    """base**0 .. base**(n-1) modulo 2**64."""
    out = np.full(n, base, dtype=np.uint64)
    out[0] = 1
    with np.errstate(over="ignore"):
        return np.cumprod(out, dtype=np.uint64)


def _table_size(n: int) -> int:
    return max(1024, 1 << (n - 1).bit_length())


def _powers(n: int) -> npt.NDArray[np.uint64]:
    return _geometric(int(_B), _table_size(n))[:n]


_B_INV = pow(int(_B), -1, 2**64)


def _inverse_powers(n: int) -> npt.NDArray[np.uint64]:
    return _geometric(_B_INV, _table_size(n))[:n]


def rules_path() -> Path:
    """The rule index's store (a directory of arrays) in the cache."""
    return _cache.cache_dir() / f"rules-v{FORMAT}-licensedb-{licensedb.version()}"


@cache
def get_rules() -> RuleIndex:
    """The rule index, loaded from the cache or built (and cached) on first use."""
    path = rules_path()
    arrays = arraystore.load(path, RuleIndex.ARRAYS)
    if arrays is not None:
        try:
            return RuleIndex(arrays)
        except (ValueError, KeyError, IndexError):
            arraystore.remove(path)  # a damaged cache is rebuilt, never trusted
    started = time.perf_counter()
    index = RuleIndex.build()
    index.build_seconds = time.perf_counter() - started  # type: ignore[attr-defined]
    with contextlib.suppress(OSError):
        index.save(path)
        arraystore.remove_others(path, "rules-v*")
    return index
