# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Explainable matching of a use case's words onto the restriction taxonomy.

Rules are phrases (data/matching.yaml), matched word by word after light stemming, with
negation ("not for medical diagnosis"), counter-use ("detects deepfakes") and set phrases that
only contain a restricted word ("military-grade") taken into account. What decides a clause
beyond the activity (consent, labelling, human review, ...) is read as named facts
(analysis/facts) and weighed against the term sheet's `decided_by`.
Every hit records the words that matched and the rule that fired, so a reviewer can see why a
restriction was raised, and why a negated one was not. There is no statistical model here: a
wrong conclusion can always be traced to a phrase and fixed in the data.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from importlib.resources import files
from typing import Any

import yaml

from licentia.catalog.taxonomy import taxonomy
from licentia.datafile import load_yaml
from licentia.errors import DataError

_WORD = re.compile(r"[a-z0-9]+")
_ARTICLES = frozenset({"a", "an", "the"})
_HARD_BREAK = re.compile(r"[.;:!?()\[\]\n]")
_SUFFIXES = ("ings", "ing", "ions", "ion", "ers", "er", "ies", "ied", "es", "ed", "is", "s",
             "e", "y")
_NEGATION_REACH = 14
_COUNTER_REACH = 6


class Tier(StrEnum):
    """How much a phrase says: doing the activity (strong) or touching its domain (weak)."""

    STRONG = "strong"
    WEAK = "weak"


def stem(word: str) -> str:
    """A light stem so that "swaps faces" and "swapping face" meet "swap face"."""
    for suffix in _SUFFIXES:
        if suffix.startswith("ion") and not word[: -len(suffix)].endswith(("t", "s")):
            continue  # -tion/-sion only: "companion" is not "company"
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            if suffix in ("ing", "ings", "ed", "er", "ers") and len(word) > 4 \
                    and word[-1] == word[-2] and word[-1] not in "aeiouls":
                word = word[:-1]  # swapping -> swapp -> swap
            break
    return word


@dataclass(frozen=True)
class Token:
    text: str  # lower case
    stem: str
    start: int  # character offsets in the original text
    end: int
    segment: int  # clauses separated by . ; : ! ? ( ) and line breaks
    after_comma: bool


def tokenize(text: str) -> list[Token]:
    """Words of `text` with offsets and clause segments; articles dropped, n't read as not."""
    # lower case character by character, so that offsets stay those of the original text
    lowered = "".join(low if len(low := c.lower()) == 1 else c for c in text).replace(
        "\u2019", "'")
    tokens: list[Token] = []
    segment = 0
    previous_end = 0
    for m in _WORD.finditer(lowered):
        word = m.group()
        gap = lowered[previous_end : m.start()]
        if _HARD_BREAK.search(gap):
            segment += 1
        if word == "t" and gap == "'" and tokens and tokens[-1].text.endswith("n"):
            word = "not"  # doesn't, don't, can't, won't
        previous_end = m.end()
        if word in _ARTICLES:
            continue
        tokens.append(Token(word, stem(word), m.start(), m.end(), segment, "," in gap))
    return tokens


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokenize(phrase))


@dataclass(frozen=True)
class Phrase:
    text: str
    stems: tuple[str, ...]
    tier: Tier
    taxonomy: str = ""


@dataclass(frozen=True)
class Hit:
    """One phrase found in the use case's words."""

    taxonomy: str
    phrase: str
    tier: Tier
    words: str  # the use case's own words
    start: int
    end: int
    field: str = "description"
    negated_by: str | None = None
    countered_by: str | None = None

    @property
    def counts(self) -> bool:
        """Whether the hit says the use involves the activity (a negated one does not)."""
        return self.negated_by is None

    @property
    def rule(self) -> str:
        if not self.taxonomy:  # a qualifier's phrase, not a restriction's
            return f"phrase {self.phrase!r}" + (
                f", negated by {self.negated_by!r}" if self.negated_by else "")
        if self.negated_by:
            return f"{self.tier.value} phrase {self.phrase!r}, negated by {self.negated_by!r}"
        if self.countered_by:
            return (f"{self.tier.value} phrase {self.phrase!r}, used against the activity "
                    f"({self.countered_by!r})")
        return f"{self.tier.value} phrase {self.phrase!r} of {self.taxonomy}"


class Matcher:
    """Phrase rules for every taxonomy id, with negation and qualifier handling."""

    def __init__(self, data: Mapping[str, Any], examples: Mapping[str, Iterable[str]]) -> None:
        rules = data.get("taxonomy") or {}
        structured = set(data.get("structured_only") or ())
        ignore = {_phrase_stems(p) for p in data.get("ignore_examples") or ()}
        unknown = set(rules) - set(examples)
        if unknown:
            raise DataError(f"taxonomy: unknown ids {sorted(unknown)}",
                            path="analysis/data/matching.yaml")
        phrases: list[Phrase] = []
        for tid in examples:
            if tid in structured:
                continue
            seen: set[tuple[str, ...]] = set()
            spec = rules.get(tid) or {}
            for tier in (Tier.STRONG, Tier.WEAK):
                for text in spec.get(tier.value) or ():
                    stems = _phrase_stems(str(text))
                    if stems and stems not in seen:
                        seen.add(stems)
                        phrases.append(Phrase(str(text), stems, tier, tid))
            for text in examples[tid]:
                stems = _phrase_stems(text)
                if stems and stems not in seen and stems not in ignore:
                    seen.add(stems)
                    phrases.append(Phrase(text, stems, Tier.WEAK, tid))
        self.phrases = tuple(phrases)
        self.negations = _words(data, "negations")
        self.scope_enders = _words(data, "scope_enders")
        self.clause_starters = _words(data, "clause_starters")
        self.counter_before = _words(data, "counter_before")
        self.counter_after = _words(data, "counter_after")
        self.counter_void_before = _words(data, "counter_void_before")
        self.pseudo = tuple(Phrase(p, _phrase_stems(p), Tier.WEAK)
                            for p in _words(data, "pseudo"))
        self.allowing = tuple(Phrase(p, _phrase_stems(p), Tier.WEAK)
                              for p in _words(data, "allowing"))

    # -- finding phrases -------------------------------------------------------------------

    def _negation(self, tokens: list[Token], i: int) -> str | None:
        """The negation word whose reach covers token i, if any."""
        for j in range(i - 1, max(-1, i - 1 - _NEGATION_REACH), -1):
            after = tokens[j + 1]
            if tokens[j].segment != after.segment:
                return None
            if after.after_comma and after.text in self.clause_starters:
                return None
            word = tokens[j].text
            if word in self.scope_enders:
                return None
            if word in self.negations:
                if word == "not" and j + 1 < len(tokens) and tokens[j + 1].text == "only":
                    continue
                return word
        return None

    def _counter(self, tokens: list[Token], i: int, end: int) -> str | None:
        for j in range(i - 1, max(-1, i - 1 - _COUNTER_REACH), -1):
            if tokens[j].segment != tokens[i].segment or tokens[j].text in self.scope_enders:
                break
            if tokens[j].text in self.counter_before:
                if j and tokens[j - 1].text in self.counter_void_before:
                    return None  # "violence against a group": the group is the target
                return tokens[j].text
        if end < len(tokens) and tokens[end].segment == tokens[i].segment \
                and tokens[end].text in self.counter_after:
            return tokens[end].text
        return None

    def _find(self, text: str, tokens: list[Token], candidates: Iterable[Phrase],
              field: str) -> list[Hit]:
        stems = [t.stem for t in tokens]
        hits: list[Hit] = []
        by_first: dict[str, list[Phrase]] = {}
        for p in candidates:
            by_first.setdefault(p.stems[0], []).append(p)
        for i, s in enumerate(stems):
            for p in by_first.get(s, ()):
                n = len(p.stems)
                if tuple(stems[i : i + n]) != p.stems:
                    continue
                start, end = tokens[i].start, tokens[i + n - 1].end
                hits.append(Hit(p.taxonomy, p.text, p.tier, text[start:end], start, end, field,
                                self._negation(tokens, i), self._counter(tokens, i, i + n)))
        return hits

    def hits(self, text: str, field: str = "description") -> list[Hit]:
        """Every phrase of every taxonomy id in `text`, negated ones included (marked)."""
        tokens = tokenize(text)
        pseudo = self._find(text, tokens, self.pseudo, field)
        found = [h for h in self._find(text, tokens, self.phrases, field)
                 if not any(p.start <= h.start and h.end <= p.end for p in pseudo)]
        allowing = self._find(text, tokens, self.allowing, field)
        found = [self._allowed(h, allowing, tokens) for h in found]
        # a weak phrase inside a strong one of the same id adds nothing ("medical" in
        # "medical advice")
        strong = [h for h in found if h.tier is Tier.STRONG]
        kept = [h for h in found if h.tier is Tier.STRONG or not any(
            s.taxonomy == h.taxonomy and s.start <= h.start and h.end <= s.end for s in strong)]
        return sorted(kept, key=lambda h: (h.start, h.taxonomy))

    @staticmethod
    def _allowed(hit: Hit, allowing: list[Hit], tokens: list[Token]) -> Hit:
        """A hit after "say nothing about" / "do not prohibit" is left open to users: it
        touches the activity (weak), it is not negated."""
        segment = {t.start: t.segment for t in tokens}
        for a in allowing:
            near = 0 <= hit.start - a.end <= 60
            if near and segment.get(a.start) == segment.get(hit.start):
                return Hit(hit.taxonomy, hit.phrase, Tier.WEAK, hit.words, hit.start, hit.end,
                           hit.field)
        return hit

    def mentions(self, text: str) -> dict[str, list[Hit]]:
        """Taxonomy ids a text mentions at all, negated or not (for license wording itself,
        where restrictions are written as negations: "you shall not use it for ...")."""
        out: dict[str, list[Hit]] = {}
        for h in self.hits(text, field="license text"):
            out.setdefault(h.taxonomy, []).append(h)
        return out


def _words(data: Mapping[str, Any], key: str) -> frozenset[str]:
    items = data.get(key) or ()
    # YAML reads a bare `no` or `on` as a boolean: demand strings, or a word silently vanishes
    bad = [item for item in items if not isinstance(item, str)]
    if bad:
        raise DataError(f"{key}: not words: {bad} (quote them)",
                        path="analysis/data/matching.yaml")
    return frozenset(items)


@cache
def matcher() -> Matcher:
    """The matcher over the package's phrase data and the shared taxonomy."""
    raw = (files("licentia.analysis") / "data" / "matching.yaml").read_text(encoding="utf-8")
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as exc:
        raise DataError(f"not valid YAML: {exc}", path="analysis/data/matching.yaml") from exc
    return Matcher(data, {tid: entry.examples for tid, entry in taxonomy().items()})
