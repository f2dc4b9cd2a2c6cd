# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Licenses a use case's description names, and whether they are terms the licensee shares its
own work under.

"It published the improved dataset on its website under CC BY 4.0" names the terms the work is
shared under; "a speech dataset licensed under CC BY-SA 4.0" names the terms material was
received under. Names are resolved by the catalog (SPDX ids, LicenseDB keys and names, Hugging
Face tags), never guessed; which verb governs a name is read from the verb's form (analysis/data/
facts.yaml `named_licenses`). Against the license under review, sharing under another license
settles facts of its own (`against`): the work is shared under other terms, and the reviewed
license and, where the other license is an open one, its use restrictions are not passed on.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING, Any

from licentia.analysis.facts.model import Fact, Facts, NamedLicense, Source
from licentia.analysis.facts.nlp import DETERMINERS, rules
from licentia.catalog.catalog import Family, catalog

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_LONGEST = 6  # words in a license's name ("FLUX.1 [dev] Non-Commercial License")


@cache
def _spec() -> dict[str, frozenset[str]]:
    data: dict[str, Any] = rules().get("named_licenses") or {}
    return {k: frozenset(str(w) for w in data.get(k) or ()) for k in (
        "share_verbs", "subjects", "active_before", "passive_before", "relative", "suffixes",
        "own_subjects", "other_work", "material")}


def named_licenses(doc: Doc, text: str, names: Sequence[str] = ()) -> tuple[NamedLicense, ...]:
    """Every license named after "under" or before "license" / "licence" ("an MIT LICENSE
    file"), with the governing verb's reading; `names` are the names the description gives its
    own products and models."""
    out: list[NamedLicense] = []
    taken: set[int] = set()
    for sent in doc.sents:
        for t in sent:
            if t.i in taken:
                continue
            span = None
            if t.lower_ == "under":
                span = _after(doc, text, t.i + 1, sent.end)
            elif t.lower_ in ("license", "licence"):
                span = _before(doc, text, t.i, sent.start)
            if span is None:
                continue
            (start, end), key = span
            taken.update(range(start, end))
            anchor = t.i if t.lower_ == "under" else start
            out.append(NamedLicense(key, text[doc[start].idx:doc[end - 1].idx
                                              + len(doc[end - 1].text)],
                                    _outbound(doc, text, sent, anchor, names),
                                    text[sent.start_char:doc[start].idx]))
    return tuple(out)


def _after(doc: Doc, text: str, start: int, stop: int) -> tuple[tuple[int, int], str] | None:
    while start < stop and doc[start].lower_ in DETERMINERS:
        start += 1
    for end in range(min(stop, start + _LONGEST), start, -1):
        if (key := _lookup(doc, text, start, end)) is not None:
            return (start, end), key
    return None


def _before(doc: Doc, text: str, at: int, stop: int) -> tuple[tuple[int, int], str] | None:
    for start in range(max(stop, at - _LONGEST + 1), at):
        for end in (at + 1, at):  # "MIT License", or "MIT" before "license file"
            if doc[start].lower_ not in DETERMINERS and \
                    (key := _lookup(doc, text, start, end)) is not None:
                return (start, end), key
    return None


def _lookup(doc: Doc, text: str, start: int, end: int) -> str | None:
    """The license doc[start:end] names; "Apache-2.0 license" names Apache-2.0."""
    first, last = doc[start], doc[end - 1]
    if first.is_punct or last.is_punct or first.like_num or first.is_stop:
        return None
    lic = catalog().lookup(text[first.idx:last.idx + len(last.text)])
    if lic is None and end - start > 1 and last.lower_ in ("license", "licence"):
        lic = catalog().lookup(text[first.idx:doc[end - 2].idx + len(doc[end - 2].text)])
    return lic.key if lic is not None and not lic.is_deprecated else None


def _outbound(doc: Doc, text: str, sent: Span, anchor: int,
              names: Sequence[str]) -> bool | None:
    """Whether the verb nearest before the name shares the licensee's work under it: an active
    form ("publish", "publishes", "publishing", "it published", "has released") does; a
    participle after a noun or a relative pronoun describes something received ("a dataset
    licensed under", "which is released under"); a bare passive says neither."""
    spec = _spec()
    for i in range(anchor - 1, max(sent.start, anchor - 15) - 1, -1):
        t = doc[i]
        if t.text in (";", ".") or t.lower_ in spec["relative"]:
            return False if t.lower_ in spec["relative"] else None
        if t.lemma_ not in spec["share_verbs"]:
            continue
        prev = doc[i - 1] if i > sent.start else None
        if t.lower_ in (t.lemma_, t.lemma_ + "s", t.lemma_ + "es") \
                or t.lower_.endswith(tuple(spec["suffixes"])):
            return True  # "publish", "publishes", "publishing"
        if prev is None:
            return True  # "Published under ..." opening a sentence
        if prev.lower_ in spec["passive_before"]:
            before = doc[i - 2] if i - 2 >= sent.start else None
            if before is not None and before.lower_ in spec["relative"]:
                return False
            return _own(doc, text, sent.start, i - 1, names)
        # after a subject it is active ("It published", "Kestrel published"); after a noun
        # a participle: "a speech dataset licensed under"
        return prev.lower_ in spec["subjects"] or prev.lower_ in spec["active_before"] \
            or text[prev.idx:prev.idx + 1].isupper()
    return None


def _own(doc: Doc, text: str, start: int, end: int, names: Sequence[str]) -> bool | None:
    """Whether a passive's subject is the licensee's own work: a name it gave ("Wren-3B is
    released ...") or words that make it its own ("the fine-tuned weights", "its model")."""
    subject = doc[start:end]
    if any(t.lower_ in _spec()["own_subjects"] for t in subject) or any(
            name and name in text[subject.start_char:subject.end_char] for name in names):
        return True
    return None


def _other_work(clause: str) -> bool:
    """Whether what a clause shares is the licensee's own code or app, not a model or data
    ("our training code is released on GitHub under Apache-2.0")."""
    words = set(clause.rsplit(";", 1)[-1].lower().replace(",", " ").split())
    spec = _spec()
    return bool(words & spec["other_work"]) and not words & spec["material"]


def _same(one: str, other: str) -> bool:
    """The same license or the same family of versions (keys alike up to their first digit:
    gemma-tou-2024-04-01 and gemma-tou-2025-03-24; not cc-by-4.0 and cc-by-sa-4.0)."""
    def stem(key: str) -> str:
        return next((key[:i] for i, c in enumerate(key) if c.isdigit()), key)
    return one == other or stem(one) == stem(other)


def against(facts: Facts, key: str) -> Facts:
    """The facts, with what sharing under licenses other than `key` settles: the work is
    shared under other terms; the reviewed license is not passed on; nor, where the other
    license is an open one (it carries no use restrictions), the use restrictions. A fact the
    description states otherwise becomes a question; fields and answers stand. Sharing under
    the reviewed license itself only settles that the terms are not other ones."""
    cat = catalog()
    reviewed = cat.get(key)
    model = reviewed is not None and reviewed.family is Family.AI
    shared = [n for n in facts.licenses if n.outbound and not (model and _other_work(n.clause))]
    others = [n for n in shared if not _same(n.key, key)]
    if not others:
        if shared and "shared_under_other_terms" not in facts.facts:
            # "publishes the translations under CC BY-SA 4.0": the same terms
            words = "; ".join(dict.fromkeys(n.words for n in shared))
            return replace(facts, facts={**facts.facts, "shared_under_other_terms": Fact(
                "shared_under_other_terms", False, words, rule=f"shared under {key} itself")})
        return facts
    words = "; ".join(dict.fromkeys(n.words for n in others))
    rule = f"shared under {', '.join(dict.fromkeys(n.key for n in others))}, not {key}"
    found = dict(facts.facts)
    settled = {"shared_under_other_terms": True, "license_passed_on": False}
    if all((lic := cat.get(n.key)) is not None and lic.family in (Family.OSS, Family.DATA)
           for n in others):
        settled["use_restrictions_passed_on"] = False
    for name, value in settled.items():
        old = found.get(name)
        if old is None or old.value is None:
            found[name] = Fact(name, value, words, rule=rule)
        elif old.value is not value and old.source is Source.DESCRIPTION:
            found[name] = Fact(name, None, f"{old.words}; {words}", hedged=True,
                               rule=f"{old.rule}; but {rule}")
    return replace(facts, facts=found)


__all__ = ["against", "named_licenses"]
