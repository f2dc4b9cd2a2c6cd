# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Numbers in every written form ("$1.3M", "USD 4.2 million", "1.1 billion", "eight hundred
million", "SEK 240,000"), what they count (users, revenue), whose they are (the licensee's or
its group's) and when (the sentence's month and year, "since 2021").

Tokens come from spaCy (`like_num`, `is_currency`); which measure and owner a number has is read
from the words near it (analysis/data/facts.yaml `figures`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from licentia.analysis.facts.model import Figure
from licentia.analysis.facts.nlp import Phrases, rules

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
          "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
          "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
          "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
          "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "a": 1}
_SCALES = {"hundred": 100, "thousand": 1_000, "k": 1_000, "lakh": 100_000,
           "lakhs": 100_000, "crore": 10_000_000, "crores": 10_000_000, "million": 1_000_000,
           "m": 1_000_000, "mn": 1_000_000, "mio": 1_000_000, "billion": 1_000_000_000,
           "bn": 1_000_000_000, "b": 1_000_000_000}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"))}
_NOT_A_FIGURE_AFTER = {"-", "%", "percent", "gb", "tb", "mb", "x", "parameter", "parameters",
                       "weights", "bit", "items", "item", "words", "years", "year", "weeks",
                       "days", "hours", "tokens", "images", "articles", "questions", "staff",
                       "employees", "engineers", "lawyers", "tickets",
                       "topics", "applications", "profiles", "books", "businesses", "companies",
                       "pages", "stories", "answers", "notes", "examples", "photos", "labels"}


def _number(tok_text: str) -> float | None:
    text = tok_text.replace(",", "").replace("_", "")
    try:
        return float(text)
    except ValueError:
        pass
    # "1.2bn", "700m", "3k": a number and its scale written as one word
    digits = text.rstrip("abcdefghijklmnopqrstuvwxyz")
    scale = _SCALES.get(text[len(digits):]) if digits and digits != text else None
    if scale is not None:
        try:
            return float(digits) * scale
        except ValueError:
            return None
    return _UNITS.get(tok_text)


def _run(doc: Doc, i: int) -> tuple[float, int] | None:
    """The value of the number starting at token i, and the token after it."""
    first = _number(doc[i].text)
    if first is None or (doc[i].text == "a" and (i + 1 >= len(doc)
                                                  or doc[i + 1].text not in _SCALES)):
        return None
    total, current, j = 0.0, first, i + 1
    while j < len(doc):
        word = doc[j].text.rstrip(".")
        if word in _SCALES and not (word in ("b", "m", "k") and j + 1 < len(doc)
                                    and doc[j + 1].text == "-"):
            scale = _SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
        elif word in _UNITS and word != "a" and (
                doc[j - 1].text != "and" or doc[j - 2].text.rstrip(".") in _SCALES):
            # "seven hundred and forty million"; not the range "two and three million"
            current += _UNITS[word]
        elif word == "and" and j + 1 < len(doc) and doc[j + 1].text in _UNITS:
            pass
        else:
            break
        j += 1
    return total + current, j


@cache
def _cues() -> tuple[Phrases, Mapping[str, float]]:
    spec = rules().get("figures") or {}
    groups = {k: spec.get(k) or () for k in ("users", "revenue", "not_revenue", "price",
                                             "group", "monthly")}
    rates = {str(k): float(v) for k, v in (spec.get("currencies") or {}).items()}
    return Phrases(groups), rates


@cache
def _qualified() -> Mapping[str, float]:
    """The rate a word naming whose currency gives the next ("US dollars", "Canadian dollars")."""
    spec = rules().get("figures") or {}
    rates = _cues()[1]
    return {str(w): rates[str(c)] for w, c in (spec.get("currency_qualifiers") or {}).items()}


def _currency(doc: Doc, start: int, end: int, rates: Mapping[str, float]) -> float | None:
    if start > 0 and doc[start - 1].text in rates:
        return rates[doc[start - 1].text]
    if end < len(doc) and doc[end].text in rates:
        return rates[doc[end].text]
    if end + 1 < len(doc) and doc[end].text in _qualified() and doc[end + 1].text in rates:
        return _qualified()[doc[end].text]  # "4.2 million US dollars"
    return None


def _date(sent: Span, near: int) -> tuple[int | None, int | None, bool, bool]:
    """The year (month, "since", whole year) of the sentence nearest to token `near`."""
    years = [t for t in sent if t.like_num and len(t.text) == 4 and t.text.isdigit()
             and 1990 <= int(t.text) <= 2100]
    if not years:
        return None, None, False, False
    # the nearest year, not one across "and" or a comma that belongs to another figure ("600
    # million in June 2024 and passed 750 million in March 2025")
    def distance(y: Token) -> int:
        lo, hi = sorted((y.i, near))
        crosses = any(sent.doc[k].text in _CLAUSE_JOINS for k in range(lo + 1, hi))
        return abs(y.i - near) + (20 if crosses else 0)
    t = min(years, key=distance)
    before = doc_text(sent, t.i - 1) if t.i > sent.start else ""
    # "since 2021", "since March 2021", "since early 2022", "since the end of 2021"
    lead = [doc_text(sent, i) for i in range(max(sent.start, t.i - 4), t.i)]
    since = "since" in lead and all(w in _SINCE_QUALIFIERS or w in _MONTHS
                                    for w in lead[lead.index("since") + 1:])
    whole = any(tuple(w.lower() for w in lead[len(lead) - len(q):]) == q for q in _WHOLE_YEAR)
    return int(t.text), _MONTHS.get(before), since, whole


# words between a figure and a year that make the year another figure's
_CLAUSE_JOINS = {"and", ",", ";", "but", "while", "whereas"}


# words between "since" and a year that keep it a start ("since early 2022")
_SINCE_QUALIFIERS = {"early", "mid", "mid-", "late", "the", "start", "beginning", "end", "middle",
                     "of", "spring", "summer", "autumn", "fall", "winter", "-"}


# words right before a year that make a figure hold in each of its months ("throughout 2024")
_WHOLE_YEAR = {("throughout",), ("all", "of"), ("all", "through"), ("every", "month", "of"),
               ("each", "month", "of"), ("every", "month", "in"), ("each", "month", "in"),
               ("all", "year", "in"), ("the", "whole", "of"), ("all", "across")}


def doc_text(sent: Span, i: int) -> str:
    return str(sent.doc[i].text)


def figures(doc: Doc, original: str, group_names: Iterable[str],
            hedged: set[int]) -> list[Figure]:
    """Every users, revenue or price figure of the description."""
    phrases, rates = _cues()
    cues = phrases(doc)
    names = {n.lower() for n in group_names}
    out: list[Figure] = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        glued = not tok.like_num and tok.text[:1].isdigit() and _number(tok.text) is not None
        if glued and tok.text.endswith("b") and not (i > 0 and doc[i - 1].is_currency):
            glued = False  # "70B", "8b": a model's size, not a figure
        run = _run(doc, i) if (tok.like_num or tok.text in _UNITS or glued) else None
        if run is None:
            i += 1
            continue
        value, end = run
        sent = tok.sent
        i = end
        before = doc[tok.i - 1]
        if tok.i - 1 > sent.start and original[before.idx:before.idx + 1].isupper() \
                and before.is_alpha and before.text not in rates:
            continue  # "Llama 3.3", "Gemma 3": a product's version, not a figure
        if end < len(doc) and doc[end].text in _NOT_A_FIGURE_AFTER:
            continue
        if doc[end - 1].like_num and len(doc[end - 1].text) == 4 and value >= 1900 \
                and value <= 2100 and end - tok.i == 1:
            continue  # a year
        rate = _currency(doc, tok.i, end, rates)
        measure = _measure(cues, tok.i, end, sent, money=rate is not None)
        if measure is None:
            continue
        if measure == "revenue":
            value *= rate or 1.0
            if _near(cues, "monthly", tok.i, end, sent, reach=5):
                value *= 12
        owner = "group" if (_group_cue(cues, sent)
                            or any(n in sent.text for n in names)) else "licensee"
        year, month, since, whole = _date(sent, tok.i)
        last = doc[end] if rate and end < len(doc) and doc[end].text in rates else doc[end - 1]
        first = tok.idx - (1 if rate and tok.i > 0 and doc[tok.i - 1].text in rates else 0)
        words = original[first:last.idx + len(last.text)]
        out.append(Figure(measure, int(value), owner, words.strip(), year, month, since,
                          whole, tok.i in hedged))
    return out


def _near(cues: list[tuple[str, int, int]], label: str, start: int, end: int, sent: Span,
          reach: int) -> bool:
    return any(lab == label and sent.start <= s < sent.end and (
        0 <= start - e <= reach or 0 <= s - end <= reach) for lab, s, e in cues)


_DENIALS = {"no", "not", "without", "never", "none"}


def _group_cue(cues: list[tuple[str, int, int]], sent: Span) -> bool:
    """A group word in the sentence that is not denied ("we have no parent or group companies"
    says the figures are the licensee's own)."""
    doc = sent.doc
    return any(lab == "group" and sent.start <= s < sent.end
               and not any(t.lower_ in _DENIALS for t in doc[max(sent.start, s - 4):s])
               for lab, s, _e in cues)


def _measure(cues: list[tuple[str, int, int]], start: int, end: int, sent: Span,
             money: bool) -> str | None:
    """users / revenue / price by the nearest cue in the sentence (not_revenue cancels money;
    a sum something sells or is paid for is a price: "sell for 15 euros")."""
    best: tuple[int, str] | None = None
    for label, s, e in cues:
        if label not in ("users", "revenue", "not_revenue", "price") \
                or not (sent.start <= s < sent.end):
            continue
        distance = start - e if e <= start else s - end
        if distance < 0 or distance > 12:
            continue
        if best is None or distance < best[0]:
            best = (distance, label)
    if best is None:
        return None
    label = best[1]
    if money:
        return label if label in ("revenue", "price") else None
    return "users" if label == "users" else None


def group_names(doc: Doc, original: str, spec: Mapping[str, Any]) -> list[str]:
    """Names of the licensee's parent or affiliates: capitalised words after a group cue
    ("a subsidiary of Orbis Holdings", "held by Halcyon Media Group")."""
    names = []
    for t in doc:
        if t.text in ("of", "by") and t.i > 0 and doc[t.i - 1].lemma_ in (
                "subsidiary", "own", "hold", "acquire", "affiliate", "parent"):
            nxt = t.i + 1
            if nxt < len(doc):
                word = original[doc[nxt].idx:doc[nxt].idx + len(doc[nxt].text)]
                if word[:1].isupper():
                    names.append(word)
    return names
