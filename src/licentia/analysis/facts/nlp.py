# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The text machinery facts are read with: spaCy's blank English pipeline (tokenizer,
sentencizer, lookup lemmatizer from spacy-lookups-data; nothing is downloaded), phrase matching
on lower-case lemmas, and NegEx-style scope for negation and hedges on spaCy tokens.

Negation triggers are negspacy's English termset plus licentia's own words
(analysis/data/facts.yaml `scope`); a trigger reaches forward (or, for following triggers,
backward) over at most `window` tokens of its own clause, and a termination word or punctuation
ends its reach, as in NegEx.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import yaml

from licentia.datafile import load_yaml
from licentia.errors import DataError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

DATA = "analysis/data/facts.yaml"


@cache
def rules() -> dict[str, Any]:
    """analysis/data/facts.yaml, parsed."""
    raw = (files("licentia.analysis") / "data" / "facts.yaml").read_text(encoding="utf-8")
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as exc:
        raise DataError(f"not valid YAML: {exc}", path=DATA) from exc
    if not isinstance(data, dict):
        raise DataError("must be a mapping", path=DATA)
    return data


@cache
def pipeline() -> Language:
    """spaCy's blank English with a sentencizer and the lookup lemmatizer (no model).

    spaCy is imported here, on first use, not with the module: every `licentia` command
    imports the review package, and only `review` needs spaCy (about a second to import)."""
    spacy = importlib.import_module("spacy")
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    language: Language = nlp
    return language


def lower(text: str) -> str:
    """Lower case with the same character offsets (curly apostrophes straightened)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text).replace(
        "\u2019", "'")


def parse(text: str) -> Doc:
    return pipeline()(lower(text))


def _words(items: Iterable[Any], key: str) -> list[str]:
    """A group's phrases; an item `{verbs: [...], objects: [...]}` stands for every verb
    followed by every object ("remove" + "copyright notice")."""
    out: list[str] = []
    for item in items:
        if isinstance(item, dict) and set(item) == {"verbs", "objects"}:
            verbs, objects = (_words(item[k] or (), key) for k in ("verbs", "objects"))
            out.extend(f"{v} {o}" for v in verbs for o in objects)
        elif isinstance(item, str):
            out.append(item)
        else:  # YAML reads bare no/on as booleans
            raise DataError(f"{key}: {item!r} is not a phrase (quote it) nor "
                            "{verbs: [...], objects: [...]}", path=DATA)
    return out


# determiners, possessives and object pronouns that may stand between two words of a phrase:
# "remove copyright notice" also reads "remove the copyright notice", "remove its copyright
# notice"; "turned off" reads "turned it off"
DETERMINERS = ("a", "an", "the", "its", "their", "our", "his", "her", "your", "this", "these",
                "those", "all", "any", "every", "it", "them")


# negations that govern their whole clause ("Nowhere in the product, its website or its
# documentation is Llama mentioned")
_CLAUSE_WIDE = ("nowhere", "at no point", "not anywhere")

# a number in words may stand there too ("uses twenty photographs"; digits are not matched)
_NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds",
            "dozens", "several", "many", "some", "few", "both")
_OPTIONAL_DETERMINER: dict[str, Any] = {"LOWER": {"IN": [*DETERMINERS, *_NUMBERS]}, "OP": "?"}
# a noun's possessive between a verb and its object ("the library's")
_OWNER: list[dict[str, Any]] = [_OPTIONAL_DETERMINER, {"IS_ALPHA": True},
                                {"LOWER": {"IN": ["'s", "'"]}}]


class Phrases:
    """Phrases matched on lower-case lemmas, with a label per phrase group; between two words of
    a phrase a determiner or possessive may stand that the phrase does not write."""

    def __init__(self, groups: Mapping[str, Iterable[Any]],
                 bridged: Iterable[str] = ()) -> None:
        nlp = pipeline()
        matcher = importlib.import_module("spacy.matcher")
        self.matcher = matcher.Matcher(nlp.vocab)
        # the labels named `bridged` read a verb's object after a bridge too ("removes all
        # comments, including the copyright notice"): their verb/object patterns, matched on
        # the verb joined to the words after the bridge
        self.bridged = matcher.Matcher(nlp.vocab)
        self.bridge_verbs: set[str] = set()
        bridging = set(bridged)
        for label, phrases in groups.items():
            items = list(phrases)
            plain = [p for p in items if not _verbs_objects(p)]
            patterns = [_pattern(doc) for doc in nlp.pipe([lower(p) for p in
                                                           _words(plain, label)])]
            through: list[Pattern] = []
            for item in filter(_verbs_objects, items):
                direct, single = _verb_object_patterns(nlp, item, label)
                patterns += direct
                if label in bridging and single:
                    through += direct
                    self.bridge_verbs.update(single)
            if patterns:
                self.matcher.add(label, _unique(patterns))
            if through:
                self.bridged.add(label, _unique(through))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """(label, start token, end token) of every match, longest first where they overlap;
        a match inside a longer one of the same label is the same words, counted once."""
        hits = [(doc.vocab.strings[m], s, e) for m, s, e in self.matcher(doc)]
        if self.bridge_verbs:
            hits += self._through_bridges(doc)
        found = sorted(set(hits), key=lambda t: (t[1], -(t[2] - t[1]), t[0]))
        return [t for t in found if not any(
            o is not t and o[0] == t[0] and o[1] <= t[1] and t[2] <= o[2]
            and o[2] - o[1] > t[2] - t[1] for o in found)]

    def _through_bridges(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Matches of a verb carried over ", including" to the words after it: the verb and
        those words are matched as one phrase, and a match spans the original words."""
        out = []
        bridges = _bridges()
        for t in doc:
            if t.lower_ not in bridges or t.i < 2 or doc[t.i - 1].text != ",":
                continue
            sent = t.sent
            verb = next((j for j in range(t.i - 2, max(sent.start, t.i - 8) - 1, -1)
                         if doc[j].lemma_ in self.bridge_verbs), None)
            if verb is None:
                continue
            tail = doc[t.i + 1:min(sent.end, t.i + 12)]
            joined = pipeline()(" ".join([doc[verb].text, *(w.text for w in tail)]))
            if len(joined) != len(tail) + 1:
                continue  # tokenized otherwise: offsets would not map back
            out += [(doc.vocab.strings[m], verb, t.i + e) for m, s, e in self.bridged(joined)
                    if s == 0]
        return out


def _unique(patterns: list[Pattern]) -> list[Pattern]:
    """Each pattern once: phrases that differ only in word forms ("is gone" / "are gone",
    "notice" / "notices") give the same lemma pattern."""
    return list({json.dumps(p, sort_keys=True): p for p in patterns if p}.values())


def _verbs_objects(item: Any) -> bool:
    return isinstance(item, dict) and set(item) == {"verbs", "objects"}


Pattern = list[dict[str, Any]]


def _verb_object_patterns(nlp: Language, item: Mapping[str, Any],
                          label: str) -> tuple[list[Pattern], list[str]]:
    """Every verb followed by every object, one pattern per object and verb shape: the
    one-word verbs as one set of lemmas (spaCy's matcher starts every pattern at every word,
    so verbs x objects patterns cost that many times over); the object directly, or as a
    noun's possession ("deletes the library's NOTICE file"). With the one-word verbs' lemmas."""
    verbs = list(nlp.pipe([lower(v) for v in _words(item["verbs"] or (), label)]))
    objects = list(nlp.pipe([lower(o) for o in _words(item["objects"] or (), label)]))
    single = sorted({v[0].lemma_ for v in verbs if len(v) == 1})  # no verb is a determiner
    heads = [(v[-1].lower_ in DETERMINERS, _pattern(v)) for v in verbs if len(v) > 1]
    if single:
        heads.append((False, [{"LEMMA": {"IN": single}}]))
    out: list[Pattern] = []
    # the one-word objects as one set of lemmas too (the same words, a pattern each no more)
    words = sorted({o[0].lemma_ for o in objects if len(o) == 1
                    and o[0].lower_ not in DETERMINERS})
    tails = [(False, [{"LEMMA": {"IN": words}}])] if words else []
    tails += [(obj[0].lower_ in DETERMINERS, _pattern(obj)) for obj in objects
              if len(obj) > 1 or obj[0].lower_ in DETERMINERS]
    for starts_with_determiner, tail in tails:
        for ends_in_determiner, head in heads:
            # as _pattern() joins two words: a determiner may stand between them
            between = [] if ends_in_determiner or starts_with_determiner \
                else [_OPTIONAL_DETERMINER]
            out += [[*head, *between, *tail], [*head, *_OWNER, *tail]]
    return out, single


@cache
def _bridges() -> tuple[str, ...]:
    """Words after a verb's object and a comma that carry the verb on to more objects:
    "removes all comments, including the copyright notice" removes the notice."""
    return tuple(str(b) for b in rules().get("bridges") or ())


def _pattern(phrase: Doc) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for i, tok in enumerate(phrase):
        if i and tok.lower_ not in DETERMINERS and phrase[i - 1].lower_ not in DETERMINERS:
            out.append(_OPTIONAL_DETERMINER)
        out.append({"LEMMA": tok.lemma_})
    return out


@dataclass(frozen=True)
class Scope:
    """What governs a span: the negation trigger and the hedge word reaching it, if any."""

    negated_by: str | None
    hedged_by: str | None


class ScopeReader:
    """NegEx-style negation and hedge scope over spaCy tokens."""

    def __init__(self) -> None:
        data = rules().get("scope") or {}
        termsets = importlib.import_module("negspacy.termsets")
        # negspacy's English termset is clinical ("patient denies pain"); in a product's
        # description "denies each claim" or "declined applications" is a decision, not a negation
        dropped = set(data.get("not_negations") or ())
        ts = {kind: [t for t in terms if t not in dropped]
              for kind, terms in termsets.termset("en").get_patterns().items()}
        self.window = int(data.get("window", 7))
        self.asking = frozenset(str(w) for w in data.get("not_hedges_after") or ())
        self.roles = frozenset(str(w) for w in data.get("roles") or ())
        self.triggers = Phrases({
            "pseudo": [*ts["pseudo_negations"], *_words(data.get("pseudo") or (), "pseudo")],
            "preceding": [*ts["preceding_negations"],
                          *_words(data.get("preceding") or (), "preceding")],
            "following": [*ts["following_negations"],
                          *_words(data.get("following") or (), "following")],
            "termination": [*ts["termination"],
                            *_words(data.get("termination") or (), "termination")],
            "hedge": _words(data.get("hedges") or (), "hedges"),
            "doubt": _words(data.get("doubts") or (), "doubts"),
        })

    def marks(self, doc: Doc) -> dict[str, list[tuple[int, int]]]:
        out: dict[str, list[tuple[int, int]]] = {}
        pseudo = [(s, e) for label, s, e in self.triggers(doc) if label == "pseudo"]
        for label, s, e in self.triggers(doc):
            if label != "pseudo" and any(ps <= s and e <= pe for ps, pe in pseudo):
                continue
            if label == "hedge" and any(t.lower_ in self.asking for t in doc[max(0, s - 3):s]):
                continue  # "how customers may use it", "what the model may do" ask what is allowed
            out.setdefault(label, []).append((s, e))
        return out

    def of(self, doc: Doc, marks: dict[str, list[tuple[int, int]]], start: int,
           end: int) -> Scope:
        sent = doc[start].sent
        stops = {i for s, e in marks.get("termination", ()) for i in range(s, e)}
        stops |= {t.i for t in sent if t.is_punct and t.text not in ("-", "'", '"')}
        stops -= _list_commas(sent)

        def before(label: str) -> str | None:
            best = None
            for s, e in marks.get(label, ()):
                # "no mention of the original model's license or its use restrictions": a
                # negation reaches the items an "or" joins, a little further than alone
                joined = any(doc[i].text in ("or", "nor") for i in range(e, start))
                # "nowhere", "at no point" govern their whole clause, like a sentence adverb
                whole = doc[s:e].text in _CLAUSE_WIDE or (
                    doc[s:e].text == "nothing" and s == sent.start)  # "Nothing on the site says"
                reach = len(sent) if whole else self.window + 5 * joined
                if e > start or s < sent.start or start - e > reach:
                    continue
                if any(i in stops for i in range(e, start)):
                    continue
                best = doc[s:e].text
            return best

        def after(label: str) -> str | None:
            for s, e in marks.get(label, ()):
                if s < end or e > sent.end or s - end > 3:
                    continue
                if any(i in stops for i in range(end, s)):
                    continue
                return doc[s:e].text
            return None

        negated = before("preceding") or after("following")
        if negated and end < sent.end and doc[end].lower_ in self.roles:
            negated = None  # "no loan officer": the officer is denied, not the loan
        doubt = next((doc[s:e].text for s, e in marks.get("doubt", ())
                      if sent.start <= s < sent.end), None)
        return Scope(negated, before("hedge") or _inside(doc, marks, "hedge", start, end)
                     or doubt)


def _list_commas(sent: Span) -> set[int]:
    """Commas that separate the items of an "A, B, or C" list: a negation before the list
    reaches every item ("do not mention Gemma, its use restrictions, or its terms")."""
    out: set[int] = set()
    for t in sent:
        if t.text != ",":
            continue
        for u in sent[t.i + 1 - sent.start:t.i + 6 - sent.start]:
            if u.text in ("or", "nor"):
                out.add(t.i)
                break
            if u.is_punct and u.text != ",":
                break
    return out


def _inside(doc: Doc, marks: dict[str, list[tuple[int, int]]], label: str, start: int,
            end: int) -> str | None:
    for s, e in marks.get(label, ()):
        if start <= s and e <= end:
            return doc[s:e].text
    return None


@cache
def scope_reader() -> ScopeReader:
    return ScopeReader()
