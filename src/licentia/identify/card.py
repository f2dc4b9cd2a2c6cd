# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A model card's license: what its front matter declares (a Hub tag, a family, `other` with a
name, a `license_link`), checked against the license text in its body or the linked file."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from licentia.catalog.catalog import License, catalog
from licentia.errors import InputError, LicentiaError
from licentia.identify.classify import FULL, classify, shift, vague
from licentia.identify.found import Match
from licentia.identify.modelcard import ModelCard
from licentia.identify.result import Declared, Identification, Result
from licentia.safe_read import problem as problem_of
from licentia.userfile import describe


@dataclass
class _Reading:
    """What the front matter and its license_link say, gathered step by step."""

    resolved: License | None = None
    candidates: tuple[str, ...] = ()
    note: str | None = None
    keys: list[str] = field(default_factory=list)  # every license named (`license: [a, b]`)
    link: Identification | None = None  # the local license_link file, identified
    agrees: bool | None = None
    linked_key: str | None = None  # the license a remote license_link is known to publish
    by_url: bool = False  # the license is known only from where license_link points


def _read_values(card: ModelCard, d: _Reading) -> None:
    cat = catalog()
    for value in card.license:
        tag = cat.hf_tag(value)
        if tag is not None and tag.is_none:
            named = cat.lookup(card.license_name) if card.license_name else None
            d.resolved = d.resolved or named
            if named is None:
                d.note = f"license: {value} ({tag.name})" + (
                    f"; license_name {card.license_name!r} is not a license licentia knows"
                    if card.license_name else "")
            continue
        if tag is not None and tag.family:
            d.candidates = tag.family
            d.resolved = d.resolved or (cat.get(tag.default) if tag.default else None)
            d.note = (f"the tag {value!r} names a family ({', '.join(tag.family)}); the "
                      "version comes from the license text, not the tag")
            continue
        # a card's `license:` is a Hub tag first (`bsl-1.0` is Boost, not the LicenseDB's key)
        lic = (cat.get(tag.key) if tag is not None and tag.key else None) or cat.lookup(value)
        if lic is None:
            d.note = f"license: {value!r} is not a Hugging Face tag or license licentia knows"
        else:
            d.keys.append(lic.key)
        d.resolved = d.resolved or lic


Follow = Callable[[Path], Identification]  # identifies a local license_link file


def _read_link(card: ModelCard, path: Path, follow: Follow, seen: frozenset[Path],
               notes: list[str], d: _Reading) -> None:
    link = card.license_link
    if link and "://" not in link and not link.startswith("mailto:"):
        try:
            target = (path.parent / link.split("#")[0]).resolve()
            if target in seen:
                raise InputError("leads back to a model card already read (a loop); not "
                                 "followed")
            d.link = follow(target)
        except LicentiaError as exc:
            notes.append(f"license_link {describe(link)}: {exc.message}")
        except (OSError, ValueError, RuntimeError) as exc:  # a link loop, a NUL byte
            notes.append(f"license_link {describe(link)}: {problem_of(exc)}")
    elif link:
        _read_remote_link(link, notes, d)
    if d.link is not None and d.link.license is not None:
        linked = d.link.license.key
        d.agrees = linked == d.resolved.key if d.resolved else (linked in d.candidates or None)
        # `license: other` (or a family tag) with a local license_link: the linked file's license
        if d.resolved is None and (linked in d.candidates or not d.candidates):
            d.resolved, d.agrees = d.link.license, True


def _read_remote_link(link: str, notes: list[str], d: _Reading) -> None:
    cat = catalog()
    published = cat.keys_for_url(link)
    if len(published) == 1:
        d.linked_key = published[0]
        notes.append(f"license_link {link!r} is where {d.linked_key} is published (known "
                     "from the LicenseDB; not fetched)")
        if d.resolved is None and (not d.candidates or d.linked_key in d.candidates):
            d.resolved = cat.get(d.linked_key)
            d.by_url = True
        elif d.resolved is not None:
            d.agrees = d.linked_key == d.resolved.key
    elif published:
        notes.append(f"license_link {link!r} is where {', '.join(published)} are "
                     "published: it does not fix the version (not fetched)")
        d.candidates = d.candidates or tuple(published)
    else:
        notes.append(f"license_link {link!r} is remote; licentia does not fetch it")


def identify_card(card: ModelCard, path: Path, body: Identification, follow: Follow,
                  notes: list[str], seen: frozenset[Path] = frozenset()) -> Identification:
    """The license of a model card: the identification of its body (`body`, lines counted
    from the body's start) against what its front matter declares; `follow` identifies a
    local license_link file, `seen` holds the cards already read (a loop is not followed)."""
    # the body's matches, with lines counted in the whole file; a card's prose ("an express
    # patent grant", "commercial use") names no license by itself: only evidence of a named
    # license in its body counts beside what the card declares
    body_matches = tuple(shift(m, card.body_line - 1) for m in body.matches
                         if m.kind in FULL or not vague(m))
    d = _Reading()
    _read_values(card, d)
    _read_link(card, path, follow, seen, notes, d)
    declared = Declared(card.license, card.license_name, card.license_link, d.resolved,
                        d.candidates, d.link, d.agrees, d.note)
    if card.error:
        notes.append(card.error)
    others = [k for k in dict.fromkeys(d.keys) if d.resolved and k != d.resolved.key]
    if others and d.resolved is not None:
        notes.append(f"the card names several licenses ({', '.join([d.resolved.key, *others])})"
                     "; which governs what is not said")
    if body_matches:
        return _from_body(path, body_matches, body.notes, d, others, notes, declared)
    return _from_declaration(card, path, d, others, notes, declared)


def _from_body(path: Path, body_matches: tuple[Match, ...], body_notes: tuple[str, ...],
               d: _Reading, others: list[str], notes: list[str],
               declared: Declared) -> Identification:
    result, primary, conf = classify(list(body_matches))
    lic = catalog().get(primary.key) if primary else None
    if d.resolved is not None and lic is not None and lic.key != d.resolved.key:
        result = Result.MULTIPLE
        notes.append(f"the card declares {d.resolved.key} but its text holds {lic.key}")
    if others and not set(others) <= {m.key for m in body_matches}:
        result = Result.MULTIPLE
    return Identification(str(path), result, lic, conf, primary.coverage if primary else 0.0,
                          body_matches, (*notes, *body_notes), declared)


def _from_declaration(card: ModelCard, path: Path, d: _Reading, others: list[str],
                      notes: list[str], declared: Declared) -> Identification:
    resolved, link = d.resolved, d.link
    if resolved is None:
        result = Result.PARTIAL if d.candidates else Result.NONE
        return Identification(str(path), result, None, 0.0, 0.0, (), tuple(notes), declared)
    decl_match = Match(resolved.key, "declared", "model card front matter", 1,
                       max(1, card.body_line - 1), 100.0, 1.0)
    matches: tuple[Match, ...] = (decl_match, *(replace(decl_match, key=k) for k in others))

    def ident(result: Result, conf: float, ms: tuple[Match, ...], cov: float = 100.0,
              ) -> Identification:
        return Identification(str(path), result, resolved, conf, cov, ms, tuple(notes),
                              declared)

    if others:
        return ident(Result.MULTIPLE, 0.5, matches)
    if d.agrees and link is not None and link.result is not Result.EXACT:
        # the linked file is the license, but not an exact copy of it: never "exact"
        notes.append(f"license_link {card.license_link} is {link.result.value} "
                     f"{resolved.key}; its differences are lines of that file")
        return ident(link.result, link.confidence, (*matches, *link.matches), link.coverage)
    if d.agrees is False and link is not None and link.license is not None:
        notes.append(f"license_link file is {link.license.key}, but the card declares "
                     f"{resolved.key}")
        return ident(Result.MULTIPLE, 0.5, (*matches, *link.matches))
    if d.agrees is False and d.linked_key is not None:
        notes.append(f"license_link points to {d.linked_key}, but the card declares "
                     f"{resolved.key}")
        link_match = Match(d.linked_key, "declared", "model card license_link", 1,
                           max(1, card.body_line - 1), 100.0, 1.0)
        return ident(Result.MULTIPLE, 0.5, (*matches, link_match))
    if d.by_url:  # declared only by an address; the text itself was not read
        return ident(Result.EXACT, 0.9, matches)
    sure = not d.candidates or bool(d.agrees)
    return ident(Result.EXACT if sure else Result.PARTIAL, 1.0 if sure else 0.6, matches)
