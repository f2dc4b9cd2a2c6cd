# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Explainable matching of a use case's words onto the restriction taxonomy.

Rules are phrases (data/matching.yaml), matched word by word after light stemming, with
alternatives ("(lock|encrypt) files") and gaps ("threaten ... unless": up to a few words, in one
clause) so that one rule covers the many ways a business text words an act; with
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
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache
from importlib.resources import files
from itertools import pairwise
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
_GAPS = {"....": 16, "...": 8, "..": 3}  # words a gap may skip, inside one clause segment
_GAP_MARK = re.compile(r"\.{2,4}")
_ALTERNATIVES = re.compile(r"\(([^()]*\|[^()]*)\)")


class Tier(StrEnum):
    """How much a phrase says: doing the activity (strong) or touching its domain (weak)."""

    STRONG = "strong"
    WEAK = "weak"


# words whose light stem would be that of another word (Snowball keeps such lists too):
# "office" is no "officer", "customs" no "customer", a game's "credits" no loan
# words whose light stem would meet another word's ("policy" is no "police")
_STEM_EXCEPTIONS = {"office": "office", "offices": "office", "customs": "customs",
                    "credits": "credits", "policy": "policy", "policies": "policy"}


def stem(word: str) -> str:
    """A light stem so that "swaps faces" and "swapping face" meet "swap face"."""
    if word in _STEM_EXCEPTIONS:
        return _STEM_EXCEPTIONS[word]
    for suffix in _SUFFIXES:
        if suffix.startswith("ion") and not word[: -len(suffix)].endswith(("t", "s")):
            continue  # -tion/-sion only: "companion" is not "company"
        if suffix == "s" and word.endswith("ss"):
            continue  # "undress", "access": no plural ("undresses" loses its -es)
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
    comma = False  # a comma since the last word kept (", the app": the article is dropped)
    for m in _WORD.finditer(lowered):
        word = m.group()
        gap = lowered[previous_end : m.start()]
        if _HARD_BREAK.search(gap):
            segment += 1
        if word == "t" and gap == "'" and tokens and tokens[-1].text.endswith("n"):
            word = "not"  # doesn't, don't, can't, won't
        previous_end = m.end()
        comma = comma or "," in gap
        if word in _ARTICLES:
            continue
        tokens.append(Token(word, stem(word), m.start(), m.end(), segment, comma))
        comma = False
    return tokens


def _phrase_stems(phrase: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokenize(phrase))


Slot = tuple[int, frozenset[tuple[str, ...]]]  # (words a gap may skip before it, spellings)


def compile_rule(text: str) -> tuple[Slot, ...]:
    """A rule as slots: each slot the stemmed spellings that fill it, with the words a gap
    before it may skip ("...." up to 16, "..." up to 8, ".." up to 3, in one clause segment).

    "(threaten|warn) ... unless" gives ((0, {(threaten,), (warn,)}), (8, {(unless,)})). A
    literal between groups is a slot of one spelling; words that stem to nothing (articles)
    vanish, and the gap before them passes to the next slot.
    """
    slots: list[Slot] = []
    gaps = [0] + [_GAPS[mark] for mark in _GAP_MARK.findall(text)]
    for gap, piece in zip(gaps, _GAP_MARK.split(text), strict=True):
        # a piece alternates literal words and "(a|b)" groups; each is a slot
        at, options = 0, []
        for group in _ALTERNATIVES.finditer(piece):
            options += [[piece[at:group.start()]], group.group(1).split("|")]
            at = group.end()
        options.append([piece[at:]])
        for spellings in options:
            stems = frozenset(t for o in spellings if (t := _phrase_stems(o)))
            if stems:
                slots.append((gap, stems))
                gap = 0
    return tuple(slots)


@dataclass(frozen=True)
class Phrase:
    text: str
    slots: tuple[Slot, ...]
    tier: Tier
    taxonomy: str = ""

    @classmethod
    def plain(cls, text: str, tier: Tier, taxonomy: str = "") -> Phrase | None:
        stems = _phrase_stems(text)
        return cls(text, ((0, frozenset({stems})),), tier, taxonomy) if stems else None


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
        ignore = {Phrase.plain(p, Tier.WEAK) for p in data.get("ignore_examples") or ()}
        ignored = {p.slots for p in ignore if p is not None}
        unknown = set(rules) - set(examples)
        if unknown:
            raise DataError(f"taxonomy: unknown ids {sorted(unknown)}",
                            path="analysis/data/matching.yaml")
        phrases: list[Phrase] = []
        for tid in examples:
            if tid in structured:
                continue
            seen: set[tuple[Slot, ...]] = set()
            spec = rules.get(tid) or {}
            given = [(str(t), tier) for tier in (Tier.STRONG, Tier.WEAK)
                     for t in spec.get(tier.value) or ()]
            for text, tier in given:
                slots = compile_rule(text)
                if slots and slots not in seen:
                    seen.add(slots)
                    phrases.append(Phrase(text, slots, tier, tid))
            for text in examples[tid]:
                example = Phrase.plain(text, Tier.WEAK, tid)
                if example and example.slots not in seen and example.slots not in ignored:
                    seen.add(example.slots)
                    phrases.append(example)
        self.phrases = tuple(phrases)
        self.negations = _words(data, "negations")
        self.hedges = _words(data, "hedges")
        self.scope_enders = _words(data, "scope_enders")
        self.clause_starters = _words(data, "clause_starters")
        self.counter_before = _words(data, "counter_before")
        self.counter_after = _words(data, "counter_after")
        self.counter_void_before = _words(data, "counter_void_before")
        self.pseudo = _plain(_words(data, "pseudo"))
        self.allowing = _plain(_words(data, "allowing") | _words(data, "background"))
        # a genre frames what is near it on either side ("a police-station playset")
        self.past = _plain(_words(data, "past") | _words(data, "framing"))
        self.subordinators = _words(data, "subordinators")
        self.back_office = _words(data, "back_office")
        self.not_countered = _words(data, "not_countered")

    # -- finding phrases -------------------------------------------------------------------

    def _negation(self, tokens: list[Token], i: int) -> str | None:
        """The negation word whose reach covers token i, if any."""
        for j in range(i - 1, max(-1, i - 1 - _NEGATION_REACH), -1):
            after = tokens[j + 1]
            if tokens[j].segment != after.segment:
                return None
            if after.after_comma and (after.text in self.clause_starters
                                      or self._subordinate(tokens, j)):
                return None  # "If a borrower has not paid after a week, the app messages ..."
            word = tokens[j].text
            if word in self.scope_enders or word in self.hedges:
                return None  # "has not decided whether ... the navy": the decision is negated
            if word in self.negations:
                if word == "not" and j + 1 < len(tokens) and tokens[j + 1].text == "only":
                    continue
                return word
        return None

    def _subordinate(self, tokens: list[Token], j: int) -> bool:
        """Whether the clause ending at token j (before a comma) opened with a subordinator
        ("if", "when", "once"): what is negated in it stays in it."""
        k = j
        while k > 0 and tokens[k - 1].segment == tokens[j].segment and not tokens[k].after_comma:
            k -= 1
        return tokens[k].text in self.subordinators

    def _hedged(self, tokens: list[Token], i: int) -> bool:
        """Whether a hedge ("considering", "whether", "might") reaches token i in its clause."""
        for j in range(i - 1, max(-1, i - 1 - _NEGATION_REACH), -1):
            after = tokens[j + 1]
            if tokens[j].segment != after.segment or tokens[j].text in self.scope_enders or (
                    after.after_comma and (after.text in self.clause_starters
                                           or self._subordinate(tokens, j))):
                return False  # "If a borrower has not paid, the app messages ...": it does
            if tokens[j].text in self.hedges:
                return True
        return False

    def _counter(self, tokens: list[Token], i: int, end: int) -> str | None:
        """The defence word whose reach covers token i ("flags posts that contain slurs"): a
        few words back, further over the items of a list ("flags posts with slurs, threats
        or doxxing"), where an "and" ends the reach unless it closes such a list."""
        if _purpose_inside(tokens, i, end):
            return None  # "flag the women ... so that managers can pass them over"
        items = 0
        for j in range(i - 1, max(-1, i - 1 - _COUNTER_REACH - 8), -1):
            after = tokens[j + 1]
            items += after.after_comma or tokens[j].text in ("or", "nor")
            if tokens[j].segment != tokens[i].segment or i - 1 - j >= _COUNTER_REACH + 4 * \
                    min(items, 2) or (tokens[j].text in self.scope_enders and not (
                        tokens[j].text == "and" and items)):
                break
            if tokens[j].text in self.counter_before:
                if j and tokens[j - 1].text in self.counter_void_before:
                    # "violence against a group": the group is the target; a defence word
                    # further back still counts ("flags posts with threats against a group")
                    continue
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
            for first in {spelling[0] for spelling in p.slots[0][1]}:
                by_first.setdefault(first, []).append(p)
        for i, s in enumerate(stems):
            for p in by_first.get(s, ()):
                end = _slots_end(stems, tokens, i, p.slots)
                if end is None:
                    continue
                start, stop = tokens[i].start, tokens[end - 1].end
                counter = None if p.tier is Tier.STRONG and p.taxonomy in self.not_countered \
                    else self._counter(tokens, i, end)
                hits.append(Hit(p.taxonomy, p.text, p.tier, text[start:stop], start, stop, field,
                                self._negation(tokens, i), counter))
        return hits

    def hits(self, text: str, field: str = "description") -> list[Hit]:
        """Every phrase of every taxonomy id in `text`, negated ones included (marked)."""
        tokens = tokenize(text)
        pseudo = self._find(text, tokens, self.pseudo, field)
        found = [h for h in self._find(text, tokens, self.phrases, field)
                 if not any(p.start <= h.start and h.end <= p.end for p in pseudo)]
        allowing = self._find(text, tokens, self.allowing, field)
        found = [self._allowed(h, allowing, tokens) for h in found]
        # what the use case only considers or leaves undecided touches the activity (gray)
        starts = {t.start: k for k, t in enumerate(tokens)}
        found = [replace(h, tier=Tier.WEAK) if h.tier is Tier.STRONG and h.negated_by is None
                 and self._hedged(tokens, starts.get(h.start, 0)) else h for h in found]
        past = self._find(text, tokens, self.past, field)
        found = [self._allowed(h, past, tokens, either_side=True) for h in found]
        # a weak phrase inside a strong one of the same id adds nothing ("medical" in
        # "medical advice")
        strong = [h for h in found if h.tier is Tier.STRONG]
        kept = [h for h in found if h.tier is Tier.STRONG or not any(
            s.taxonomy == h.taxonomy and s.start <= h.start and h.end <= s.end for s in strong)]
        # a word inside a name says who someone is, not what the use does ("Maplewood Credit
        # Union" is no credit decision, "Pixel Forge" forges nothing): a weak one counts for
        # nothing, a strong one only touches the activity (a name can still tell what it does)
        named = [_inside_name(text, tokens, h) or self._owner_of_back_office(text, tokens, h)
                 for h in kept]
        kept = [_touched(h) if name else h for h, name in zip(kept, named, strict=True)
                if h.tier is Tier.STRONG or not name]
        return sorted(kept, key=lambda h: (h.start, h.taxonomy))

    def _owner_of_back_office(self, text: str, tokens: list[Token], hit: Hit) -> bool:
        """Whether the hit names the organisation that owns a back-office function ("the staff
        cafeteria of a defence contractor", "a police department's HR team"): who owns it,
        not what the use does."""
        inside = [k for k, t in enumerate(tokens) if hit.start <= t.start and t.end <= hit.end]
        if not inside:
            return False
        lo, hi = inside[0], inside[-1]

        def office(ks: range) -> bool:
            words = [tokens[k].text for k in ks if 0 <= k < len(tokens)
                     and tokens[k].segment == tokens[lo].segment]
            return any(" ".join(words[a:b]) in self.back_office
                       for a in range(len(words)) for b in range(a + 1, len(words) + 1))

        before = lo >= 2 and tokens[lo - 1].text == "of" and office(range(lo - 3, lo - 1))
        owner = hi + 1 < len(tokens) and tokens[hi + 1].text == "s" and \
            text[tokens[hi + 1].start - 1] in "'\u2019"
        return before or (owner and office(range(hi + 2, hi + 5)))

    @staticmethod
    def _allowed(hit: Hit, allowing: list[Hit], tokens: list[Token],
                 either_side: bool = False) -> Hit:
        """A hit after "say nothing about" / "do not prohibit" is left open to users, one
        after "satire" / "parody" is framed as not what it says, one after "former" / "day
        job at" tells a person's background, and one in a clause set in
        the past ("letters soldiers wrote during the First World War") tells history: it
        touches the activity (weak), it is not negated."""
        segment = {t.start: t.segment for t in tokens}
        for a in allowing:
            near = 0 <= hit.start - a.end <= 60 or (either_side and 0 <= a.start - hit.end <= 60)
            if near and segment.get(a.start) == segment.get(hit.start):
                return _touched(hit)
        return hit

    def mentions(self, text: str) -> dict[str, list[Hit]]:
        """Taxonomy ids a text mentions at all, negated or not (for license wording itself,
        where restrictions are written as negations: "you shall not use it for ...")."""
        out: dict[str, list[Hit]] = {}
        for h in self.hits(text, field="license text"):
            out.setdefault(h.taxonomy, []).append(h)
        return out


def _purpose_inside(tokens: list[Token], i: int, end: int) -> bool:
    """Whether a hit's own words hold a purpose clause ("so that", "in order to"): what it
    says is then what the product is for, whatever a defence word before it acts on."""
    words = [t.text for t in tokens[i:end]]
    return any((a, b) in _PURPOSE for a, b in pairwise(words))


_PURPOSE = {("so", "that"), ("so", "as"), ("in", "order")}


def _slots_end(stems: list[str], tokens: list[Token], i: int,
               slots: tuple[Slot, ...]) -> int | None:
    """Where a rule matched from word i ends: every slot filled in order, each within its
    gap of the one before, all in the clause segment of word i; None when one is missing."""
    segment = tokens[i].segment

    def fill(k: int, at: int) -> int | None:
        if k == len(slots):
            return at
        gap, spellings = slots[k]
        for j in range(at, min(len(stems), at + gap + 1)):
            if tokens[j].segment != segment:
                return None
            for spelling in _longest_first(spellings):
                end = j + len(spelling)
                if tuple(stems[j:end]) == spelling and tokens[end - 1].segment == segment:
                    done = fill(k + 1, end)
                    if done is not None:
                        return done
        return None

    return fill(0, i) if slots[0][0] == 0 else None


@cache
def _longest_first(spellings: frozenset[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """A slot's spellings longest first: "foreign origin" before "foreign", so the words a hit
    reports do not depend on the order a set happens to iterate in."""
    return tuple(sorted(spellings, key=lambda t: (-len(t), t)))


def _touched(hit: Hit) -> Hit:
    """The hit as words that only touch its activity: weak, and neither negated nor countered
    (what frames or names it decides that, not the words around it)."""
    return replace(hit, tier=Tier.WEAK, negated_by=None, countered_by=None)


def _inside_name(text: str, tokens: list[Token], hit: Hit) -> bool:
    """Whether the hit's words are capitalized words of a longer name: a run of capitalized
    words of which at least two are not the first word of their clause (that one may be
    capitalized for its place alone) and some are not the hit's."""
    inside = [k for k, t in enumerate(tokens) if hit.start <= t.start and t.end <= hit.end]

    def capital(k: int) -> bool:  # the "s" of "Children's" belongs to the name
        start = tokens[k].start
        return text[start].isupper() or (
            tokens[k].text == "s" and start > 0 and text[start - 1] in "'\u2019")

    def joined(a: int, b: int) -> bool:  # "Credit Union", "Children's Museum", "Blue-Sky"
        same = tokens[a].segment == tokens[b].segment
        return same and not text[tokens[a].end:tokens[b].start].strip(" '\u2019&-s")

    if not inside or not all(capital(k) for k in inside):
        return False
    lo, hi = inside[0], inside[-1]
    while lo > 0 and capital(lo - 1) and joined(lo - 1, lo):
        lo -= 1
    while hi + 1 < len(tokens) and capital(hi + 1) and joined(hi, hi + 1):
        hi += 1
    def placed(k: int) -> bool:  # not the first word of its clause
        return k > 0 and tokens[k - 1].segment == tokens[k].segment
    named = sum(1 for k in range(lo, hi + 1) if placed(k)) >= 2 or all(
        placed(k) for k in inside)
    return named and hi - lo + 1 > len(inside)


def _plain(texts: Iterable[str]) -> tuple[Phrase, ...]:
    return tuple(p for t in texts if (p := Phrase.plain(t, Tier.WEAK)) is not None)


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
