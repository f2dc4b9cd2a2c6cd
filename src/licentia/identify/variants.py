# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Variant safety: a restricting term or another version in the text is never a "modified"
lighter license.

The aligner picks the reference that covers the text best. When the text departs from it by a
restricting term (restricting.yaml: NonCommercial, NoDerivatives, research only, use
restrictions...) or by a version number, coverage alone must not decide: the reference of the
same family that carries that term (or version) is named beside it, and the result is
`multiple`; when no reference carries it, the term stays a listed difference of a `modified`
license.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache
from importlib.resources import files

import numpy as np

from licentia.catalog.catalog import catalog
from licentia.datafile import load_yaml
from licentia.identify.index import Index
from licentia.identify.matcher import DiffKind, Match
from licentia.normalize import tokenize

_VERSION = re.compile(r"^\d+(?:\.\d+)*$")


@cache
def restricting_terms() -> tuple[tuple[str, ...], ...]:
    raw = (files("licentia.identify") / "restricting.yaml").read_text(encoding="utf-8")
    return tuple(tuple(tokenize(t).words) for t in load_yaml(raw)["terms"])


def _contains(words: tuple[str, ...] | list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1))


def decisive_phrases(m: Match) -> list[tuple[str, ...]]:
    """Restricting terms and version numbers the text has where the reference has not."""
    out: list[tuple[str, ...]] = []
    for d in m.differences:
        if d.kind is DiffKind.REMOVED or not d.found:
            continue
        found = tokenize(d.found).words
        ref = tokenize(d.reference).words if d.reference else ()
        for term in restricting_terms():
            if _contains(found, term) and not _contains(ref, term) and term not in out:
                out.append(term)
        own = re.findall(r"\d+", m.key)  # the license's own version: "gpl-2.0" -> 2, 0
        if ref and any(w in own for w in ref if _VERSION.match(w)):
            versions = [w for w in found if _VERSION.match(w) and w not in ref]
            out.extend((v,) for v in versions if (v,) not in out)
    return out


def names_another(m: Match) -> bool:
    """Whether a match's text puts another number in place of the version its license's key
    names ("Mozilla Public License Version 1.1" aligned with an MPL-1.0 notice), or another
    license's name in place of its own ("Mozilla" where a PfTijah notice says "PfTijah"):
    another license's notice, whatever else it shares."""
    own = re.findall(r"\d+", m.key)
    name = name_words(m.key)
    for d in m.differences:
        if d.kind is not DiffKind.CHANGED:
            continue
        ref, found = tokenize(d.reference).words, tokenize(d.found).words
        versions = [w for w in ref if _VERSION.match(w)]
        if any(w in own for w in versions) and \
                any(w not in versions for w in found if _VERSION.match(w)):
            return True
        if name & set(ref) and not name & set(found) and \
                (_all_name_words() - name) & set(found):
            return True
    return False


NAME_COMMON = 20  # a word in the names of this many licenses names none ("public", "license")


@cache
def _name_counts() -> Counter[str]:
    return Counter(w for lic in catalog().licenses.values()
                   for w in set(tokenize(f"{lic.name} {lic.short_name}").words))


@cache
def name_words(key: str) -> frozenset[str]:
    """The words of a license's names that name it: no number, no word of many licenses'
    names, no word of two letters ("PfTijah", "Mozilla")."""
    lic = catalog().get(key)
    if lic is None:
        return frozenset()
    return frozenset(w for w in tokenize(f"{lic.name} {lic.short_name}").words
                     if len(w) > 2 and not w.isdigit() and _name_counts()[w] < NAME_COMMON)


@cache
def _all_name_words() -> frozenset[str]:
    return frozenset(w for key in catalog().licenses for w in name_words(key))


def variant_for(index: Index, m: Match, text_ids: np.ndarray,
                phrases: list[tuple[str, ...]]) -> str | None:
    """The closest reference text (other than m's) that carries every decisive phrase."""
    family = m.key.split("-")[0]
    versions = [p[0] for p in phrases if len(p) == 1 and _VERSION.match(p[0])]
    # the licenses' own texts of the family, the closest to the text first
    family_texts = [r for r, info in enumerate(index.refs) if info.kind == "text"
                    and not info.is_rule and info.key != m.key
                    and info.key.split("-")[0] == family]
    share = dict(zip(family_texts, index.shares(text_ids, np.array(family_texts, np.int64)),
                     strict=True))
    for r in sorted(family_texts, key=lambda r: -share[r]):
        info = index.refs[r]
        if any(v not in re.findall(r"\d+", info.key) for v in versions):
            continue  # another version is a license whose key says so
        words = [index.vocab[i] for i in index.ref_ids(r).tolist()]
        if all(_contains(words, p) for p in phrases):
            return info.key
    return None


def guard(index: Index, found: list[Match], text: str) -> tuple[list[Match], list[str]]:
    """The matches with every lighter-variant risk resolved, and notes saying how."""
    notes: list[str] = []
    out = list(found)
    for m in found:
        if m.kind != "text" or m.exact:
            continue
        phrases = decisive_phrases(m)
        if not phrases:
            continue
        shown = ", ".join(" ".join(p) for p in phrases)
        ids = index.encode(tokenize(text).words)
        variant = variant_for(index, m, ids, phrases)
        if variant is None:
            notes.append(f"{m.key}: the text adds {shown!r}, which {m.key} does not have "
                         "(listed as a difference; no reference carries it)")
            continue
        notes.append(f"{m.key}: the text has {shown!r}, which {m.key} does not and {variant} "
                     f"does: it may be {variant}, not a modified {m.key}")
        twin = replace(m, key=variant, kind="variant", source=f"{variant}.LICENSE", differences=(),
                       coverage=0.0, ambiguous_with=(m.key,), expression="")
        rivals = tuple(dict.fromkeys((*m.ambiguous_with, variant)))
        out[out.index(m)] = replace(m, ambiguous_with=rivals)
        out.append(twin)
    return out, notes
