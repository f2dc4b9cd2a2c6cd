# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identify the license(s) of a text, a file or a model card."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache
from pathlib import Path

from license_expression import ExpressionError, Licensing, get_spdx_licensing

from licentia.catalog.catalog import catalog
from licentia.errors import InputError, LicentiaError
from licentia.identify.expression import combine, to_spdx
from licentia.identify.expression import keys as expr_keys
from licentia.identify.expression import parse as parse_expression
from licentia.identify.index import Index, get_index, license_like
from licentia.identify.matcher import (
    MIN_LEFTOVER_TOKENS,
    Difference,
    DiffKind,
    Match,
    match,
    verbatim_table,
)
from licentia.identify.modelcard import ModelCard, parse_model_card
from licentia.identify.reader import read_text_file
from licentia.identify.result import Declared, Failure, Identification, Result
from licentia.identify.rulematch import VAGUE_KEYS, find_rules
from licentia.identify.rules import RuleIndex, get_rules
from licentia.identify.template import recognize as recognize_template
from licentia.identify.variants import guard
from licentia.normalize import SPDX_TAG, rule_tokens, spdx_identifiers, tokenize
from licentia.safe_read import problem as problem_of
from licentia.userfile import describe
from licentia.workers import die_with_parent

MODIFIED_MIN_COVERAGE = 80.0
NOTICE_MIN_COVERAGE = 90.0  # a text or notice found by alignment that covers this much stands
NOTICE_FLOOR = 80.0  # a notice found by alignment covering less is not there
EXCEPTION_GAP = 2  # lines between a license and the exception that modifies it
OR_GAP = 4  # "A or B", "either A, or B at your option": a choice between adjacent findings
AMBIGUITY_PENALTY = 0.85


@cache
def spdx_licensing() -> Licensing:
    """license-expression's SPDX licensing (building it takes ~40 ms: once per process)."""
    return get_spdx_licensing()


def _spdx_matches(text: str) -> tuple[list[Match], list[str]]:
    """Matches for SPDX license identifier tags, and notes on ids licentia doesn't know."""
    matches: list[Match] = []
    notes: list[str] = []
    tags = spdx_identifiers(text)
    if not tags:
        return matches, notes
    licensing = spdx_licensing()
    cat = catalog()
    for line, expr in tags:
        try:
            parsed = parse_expression(licensing, expr)
        except ExpressionError as exc:
            notes.append(f"line {line}: SPDX-License-Identifier {expr!r} is not a valid "
                         f"expression: {exc}")
            continue
        if parsed is None:
            continue
        known = []
        for symbol in licensing.license_symbols(parsed, decompose=True):
            lic = cat.lookup(str(symbol.key))
            if lic is None:
                notes.append(f"line {line}: unknown SPDX license id {symbol.key!r}")
                continue
            known.append((str(symbol.key), lic.key))
        keyed = _rekey(str(parsed), dict(known))
        for _, key in known:
            matches.append(Match(key, "spdx-id", f"{SPDX_TAG}: {expr}", line, line, 100.0, 1.0,
                                 expression=keyed))
    return matches, notes


def _rekey(expression: str, mapping: dict[str, str]) -> str:
    """An SPDX expression with its ids replaced by LicenseDB keys."""
    tokens = expression.replace("(", " ( ").replace(")", " ) ").split()
    return " ".join(mapping.get(t, t) for t in tokens).replace("( ", "(").replace(" )", ")")


_FULL = {"text", "fingerprint", "template"}


def _lines(ms: Iterable[Match]) -> set[int]:
    return {n for m in ms for n in range(m.start_line, m.end_line + 1)}


def _rule_matches(rules: RuleIndex, text: str) -> list[Match]:
    """Every rule found word for word in `text`, as a match; findings next to each other join:
    "A or B" is a choice (OR), a license then its exception is the license WITH it."""
    out: list[Match] = []
    for hit in find_rules(rules, text):
        a, b = hit.lines
        rule = rules.rules[hit.rule]
        if rule.kind == "clue" and all(k in _VAGUE_KEYS for k in expr_keys(rule.expression)):
            continue  # a hint for a human reader ("commercial use"), not evidence of a license
        keys = expr_keys(rule.expression)
        expression = rule.expression
        between = hit.between
        prev = out[-1] if out and between is not None else None
        if prev is not None and between is not None and len(between) <= OR_GAP and \
                "or" in between and "and" not in between and not _is_exception(keys):
            expression = f"({prev.license_expression}) OR ({rule.expression})"
            out[-1] = replace(prev, expression=expression)
        out.append(Match(keys[0], rule.kind, rule.source, a, b, 100.0, 1.0,
                         span=(hit.start, hit.end),
                         expression=expression if expression != keys[0] else ""))
    return out


def _is_exception(keys: list[str]) -> bool:
    cat = catalog()
    return bool(keys) and all((lic := cat.get(k)) is not None and lic.is_exception for k in keys)


def _join_exceptions(found: list[Match]) -> list[Match]:
    """An exception found on the lines right after a license (or among them) is that license
    WITH the exception ("... GPL version 2 ... designates this file as subject to the
    Classpath exception")."""
    out = list(found)
    for n, m in enumerate(out):
        keys = expr_keys(m.license_expression)
        if len(keys) != 1 or not _is_exception(keys):
            continue
        prior = [k for k in range(n) if out[k].end_line >= m.start_line - EXCEPTION_GAP
                 and len(expr_keys(out[k].license_expression)) == 1
                 and not _is_exception(expr_keys(out[k].license_expression))]
        if not prior:
            continue
        k = prior[-1]
        joined = f"{out[k].license_expression} WITH {keys[0]}"
        out[k] = replace(out[k], expression=joined)
        out[n] = replace(m, expression=joined)
    return out


_VAGUE_KEYS = VAGUE_KEYS


def _vague(m: Match) -> bool:
    """Evidence that names no particular license (the LicenseDB's unknown and generic keys)."""
    return all(k in _VAGUE_KEYS for k in expr_keys(m.license_expression))


def _overlaps(x: Match, y: Match) -> bool:
    return x.start_line <= y.end_line and y.start_line <= x.end_line


def _acceptable(rules: RuleIndex, m: Match, text: str) -> bool:
    """Whether a match found by alignment is there: a notice or reference rule covers most
    of itself, and any rule keeps its conditions."""
    if not m.source.endswith(".RULE"):
        return True
    return (m.kind == "text" or m.coverage >= NOTICE_FLOOR) and _as_meant(rules, m, text)


def _as_meant(rules: RuleIndex, m: Match, text: str) -> bool:
    """Whether a notice found by alignment keeps what its rule requires: every required phrase
    word for word, its minimum coverage, and no gap when the rule must be continuous."""
    r = rules.by_source.get(m.source)
    if r is None:
        return True
    rule = rules.rules[r]
    if m.coverage < rule.minimum_coverage or (rule.continuous and not m.exact):
        return False
    phrases = rules.required_phrases(r)
    if not phrases:
        return True
    lines = text.split("\n")  # as the tokenizer counts lines (a form feed is no line break)
    words, _ = rule_tokens("\n".join(lines[m.start_line - 1 : m.end_line]))
    joined = " " + " ".join(words) + " "
    return all(f" {' '.join(p)} " in joined for p in phrases)


def _explained(m: Match, inside: list[Match], text: str) -> bool:
    """Whether texts and notices found word for word explain an aligned match: they cover
    nearly all of its lines, and every line where it differs from its reference (a notice of
    other terms set into a license text); nothing of the reference is missing."""
    whole = [r for r in inside if r.kind in {"text", "notice"}]
    if not whole or any(d.kind is DiffKind.REMOVED for d in m.differences):
        return False
    lines = text.split("\n")  # as the tokenizer counts lines (a form feed is no line break)
    span = {n for n in range(m.start_line, m.end_line + 1)
            if n <= len(lines) and lines[n - 1].strip()}
    covered = _lines(whole) & span
    if len(covered) < 0.9 * len(span):
        return False
    return all(d.line in covered for d in m.differences)


def _merge(rules: RuleIndex, found: list[Match], ruled: list[Match],
           text: str) -> list[Match]:
    """Word-for-word evidence first, approximate alignment for the rest.

    A license text or notice found by alignment stands when it is exact or covers nearly all of
    its reference (the rules found inside it are parts of it); it gives way to one rule found
    word for word over most of its lines (an approximate "BSD variant" over a BSD-or-GPL notice
    is that notice), and, when it covers less of its reference, to rules found word for word
    over most of its lines that name other licenses.
    """
    kept: list[Match] = []
    for m in found:
        if not _acceptable(rules, m, text):
            continue  # too little of a short text to say it is there
        inside = [r for r in ruled if _overlaps(m, r)]
        if any(r.start_line <= m.start_line and m.end_line <= r.end_line
               and r.end_line - r.start_line > m.end_line - m.start_line for r in inside):
            continue  # a text inside a longer notice found word for word is part of it
        if (m.exact and m.kind in _FULL) or not inside:
            kept.append(m)
            continue
        span = set(range(m.start_line, m.end_line + 1))
        cover = [r for r in inside if len(_lines([r]) & span) >= 0.8 * len(span)]
        if cover and not (m.differences and m.kind in _FULL and any(
                m.key in expr_keys(r.license_expression) for r in cover)):
            continue  # what a rule says word for word; a text that differs says how
        if _explained(m, inside, text):
            continue  # texts and notices found word for word, its differences among them
        if m.coverage >= NOTICE_MIN_COVERAGE:
            kept.append(m)
            continue
        keys = {k for r in inside for k in expr_keys(r.license_expression)}
        if (m.kind not in _FULL or m.key not in keys) and \
                len(_lines(inside) & span) >= 0.6 * len(span):
            continue
        kept.append(m)
    ruled = [r for r in ruled if not any(_overlaps(m, r) for m in kept)]
    return kept + ruled


def _with_added_terms(index: Index, found: list[Match], text: str) -> list[Match]:
    """A license text found word for word as a rule, beside license-like prose that no match
    explains: that prose is added to the license (never dropped, never `exact`)."""
    texts = [m for m in found if m.kind in _FULL]
    if len(texts) != 1:
        return found
    lines = text.split("\n")  # as the tokenizer counts lines (a form feed is no line break)
    covered = _lines(found)
    runs: list[list[int]] = []
    for n in range(1, len(lines) + 1):
        if n in covered or not lines[n - 1].strip():
            if runs and runs[-1] and n in covered:
                runs.append([])
            continue
        if not runs:
            runs.append([])
        runs[-1].append(n)
    diffs = []
    for run in runs:
        chunk = "\n".join(lines[n - 1] for n in run)
        ids = index.encode(tokenize(chunk).words)
        if len(ids) >= MIN_LEFTOVER_TOKENS and license_like(index, ids):
            diffs.append(Difference(DiffKind.ADDED, "", " ".join(chunk.split()), run[0],
                                    "beside the license text", len(ids)))
    if not diffs:
        return found
    m = texts[0]
    diffs = sorted([*m.differences, *diffs], key=lambda d: d.line)
    return [replace(x, differences=tuple(diffs)) if x is m else x for x in found]


def _classify(matches: list[Match]) -> tuple[Result, Match | None, float]:
    if not matches:
        return Result.NONE, None, 0.0
    primary = max(matches, key=lambda m: (m.kind in {"text", "fingerprint", "template"},
                                          m.span[1] - m.span[0], m.coverage))
    keys = {m.key for m in matches}

    def confidence(m: Match) -> float:
        base = 1.0 if m.exact else min(m.similarity, 0.99)
        return base * (AMBIGUITY_PENALTY if m.ambiguous_with else 1.0)

    conf = min(confidence(m) for m in matches)
    if len(keys) > 1:
        return Result.MULTIPLE, primary, conf
    if all(m.exact for m in matches):
        return Result.EXACT, primary, conf
    if primary.coverage >= MODIFIED_MIN_COVERAGE:
        return Result.MODIFIED, primary, conf
    return Result.PARTIAL, primary, conf


def identify_text(text: str, path: str = "<text>", index: Index | None = None,
                  notes: Iterable[str] = (), rules: RuleIndex | None = None) -> Identification:
    """Identify every license in `text`."""
    ix = index if index is not None else get_index()
    rx = rules if rules is not None else get_rules()
    all_notes = list(notes)
    if not text.strip():
        return Identification(path, Result.NONE, notes=tuple(all_notes) or ("no text",))
    drafted = recognize_template(text)

    def accept(m: Match) -> bool:
        return _acceptable(rx, m, text)

    if drafted is not None and drafted.match is not None:
        # drafted from licentia's own template: the index looks only at what precedes it
        head = text[: drafted.start]
        found = [*(match(ix, head, accept=accept) if head.strip() else []), drafted.match]
    else:
        found = match(ix, text, accept=accept)
    if drafted is not None:
        all_notes += drafted.notes
    spdx, spdx_notes = _spdx_matches(text)
    all_notes += spdx_notes
    # a tag quoted inside a full license text (an example in its how-to-apply part) is text
    spans = [(m.start_line, m.end_line) for m in found
             if m.kind in {"text", "fingerprint", "template"}]
    spdx = [m for m in spdx if not any(a <= m.start_line <= b for a, b in spans)]
    ruled = _rule_matches(rx, text)
    # an SPDX tag line is read by its own parser, not by the rules
    tag_lines = {line for line, _ in spdx_identifiers(text)}
    ruled = [r for r in ruled if r.start_line not in tag_lines]
    found = sorted(_merge(rx, found, ruled, text) + spdx, key=lambda m: (m.start_line, m.kind))
    found = _join_exceptions(_with_added_terms(ix, found, text))
    found, variant_notes = guard(ix, found, text)
    all_notes += variant_notes
    result, primary, conf = _classify(found)
    for m in found:
        if m.optional_absent:
            all_notes.append(f"{m.key}: optional part absent: {', '.join(m.optional_absent)}")
        if m.ambiguous_with and not m.exact:
            all_notes.append(f"{m.key}: nearly as close to {', '.join(m.ambiguous_with)}")
    cat = catalog()
    expression = combine(m.license_expression for m in found)
    return Identification(
        path=path, result=result, license=cat.get(primary.key) if primary else None,
        confidence=conf, coverage=primary.coverage if primary else 0.0, matches=tuple(found),
        notes=tuple(all_notes), expression=expression, spdx_expression=to_spdx(expression),
    )


def _identify_card(card: ModelCard, text: str, path: Path, index: Index | None,
                   notes: list[str], seen: frozenset[Path] = frozenset()) -> Identification:
    cat = catalog()
    body = identify_text(text[card.body_offset :], str(path), index)
    # the body's matches, with lines counted in the whole file
    shift = card.body_line - 1
    # a card's prose ("an express patent grant", "commercial use") names no license by itself:
    # only evidence of a named license in its body counts beside what the card declares
    body_matches = tuple(_shift(m, shift) for m in body.matches
                         if m.kind in _FULL or not _vague(m))
    resolved = None
    candidates: tuple[str, ...] = ()
    dec_note = None
    declared_keys: list[str] = []  # every license the card names (`license: [a, b]`)
    for value in card.license:
        tag = cat.hf_tag(value)
        if tag is not None and tag.is_none:
            named = cat.lookup(card.license_name) if card.license_name else None
            resolved = resolved or named
            if named is None:
                dec_note = f"license: {value} ({tag.name})" + (
                    f"; license_name {card.license_name!r} is not a license licentia knows"
                    if card.license_name else "")
            continue
        if tag is not None and tag.family:
            candidates = tag.family
            resolved = resolved or (cat.get(tag.default) if tag.default else None)
            dec_note = (f"the tag {value!r} names a family ({', '.join(tag.family)}); the "
                        "version comes from the license text, not the tag")
            continue
        # a card's `license:` is a Hub tag first (`bsl-1.0` is Boost, not the LicenseDB's key)
        lic = (cat.get(tag.key) if tag is not None and tag.key else None) or cat.lookup(value)
        if lic is None:
            dec_note = f"license: {value!r} is not a Hugging Face tag or license licentia knows"
        else:
            declared_keys.append(lic.key)
        resolved = resolved or lic
    link_result: Identification | None = None
    agrees: bool | None = None
    linked_key: str | None = None  # the license a remote license_link is known to publish
    by_url = False  # the license is known only from where license_link points
    link = card.license_link
    if link and "://" not in link and not link.startswith("mailto:"):
        try:
            target = (path.parent / link.split("#")[0]).resolve()
            if target in seen:
                raise InputError("leads back to a model card already read (a loop); not "
                                 "followed")
            link_result = identify_file(target, index, seen)
        except LicentiaError as exc:
            notes.append(f"license_link {describe(link)}: {exc.message}")
        except (OSError, ValueError, RuntimeError) as exc:  # a link loop, a NUL byte
            notes.append(f"license_link {describe(link)}: {problem_of(exc)}")
    elif link:
        published = cat.keys_for_url(link)
        if len(published) == 1:
            linked_key = published[0]
            notes.append(f"license_link {link!r} is where {linked_key} is published (known "
                         "from the LicenseDB; not fetched)")
            if resolved is None and (not candidates or linked_key in candidates):
                resolved = cat.get(linked_key)
                by_url = True
            elif resolved is not None:
                agrees = linked_key == resolved.key
        elif published:
            notes.append(f"license_link {link!r} is where {', '.join(published)} are "
                         "published: it does not fix the version (not fetched)")
            candidates = candidates or tuple(published)
        else:
            notes.append(f"license_link {link!r} is remote; licentia does not fetch it")
    if link_result is not None and link_result.license is not None:
        linked = link_result.license.key
        agrees = linked == resolved.key if resolved else (linked in candidates or None)
        # `license: other` (or a family tag) with a local license_link: the linked file's license
        if resolved is None and (linked in candidates or not candidates):
            resolved, agrees = link_result.license, True
    declared = Declared(card.license, card.license_name, card.license_link, resolved, candidates,
                        link_result, agrees, dec_note)
    if card.error:
        notes.append(card.error)
    others = [k for k in dict.fromkeys(declared_keys) if resolved and k != resolved.key]
    if others and resolved is not None:
        notes.append(f"the card names several licenses ({', '.join([resolved.key, *others])})"
                     "; which governs what is not said")
    if body_matches:
        result, primary, conf = _classify(list(body_matches))
        lic = cat.get(primary.key) if primary else None
        if resolved is not None and lic is not None and lic.key != resolved.key:
            result = Result.MULTIPLE
            notes.append(f"the card declares {resolved.key} but its text holds {lic.key}")
        if others and not set(others) <= {m.key for m in body_matches}:
            result = Result.MULTIPLE
        return Identification(str(path), result, lic, conf,
                              primary.coverage if primary else 0.0, body_matches,
                              (*notes, *body.notes), declared)
    if resolved is None:
        result = Result.PARTIAL if candidates else Result.NONE
        return Identification(str(path), result, None, 0.0, 0.0, (), tuple(notes), declared)
    decl_match = Match(resolved.key, "declared", "model card front matter", 1,
                       max(1, card.body_line - 1), 100.0, 1.0)
    matches: tuple[Match, ...] = (decl_match, *(replace(decl_match, key=k) for k in others))
    if others:
        return Identification(str(path), Result.MULTIPLE, resolved, 0.5, 100.0, matches,
                              tuple(notes), declared)
    if agrees and link_result is not None and link_result.result is not Result.EXACT:
        # the linked file is the license, but not an exact copy of it: never "exact"
        notes.append(f"license_link {card.license_link} is {link_result.result.value} "
                     f"{resolved.key}; its differences are lines of that file")
        return Identification(str(path), link_result.result, resolved, link_result.confidence,
                              link_result.coverage, (*matches, *link_result.matches),
                              tuple(notes), declared)
    if agrees is False and link_result is not None and link_result.license is not None:
        notes.append(f"license_link file is {link_result.license.key}, but the card declares "
                     f"{resolved.key}")
        return Identification(str(path), Result.MULTIPLE, resolved, 0.5, 100.0,
                              (*matches, *link_result.matches), tuple(notes), declared)
    if agrees is False and linked_key is not None:
        notes.append(f"license_link points to {linked_key}, but the card declares "
                     f"{resolved.key}")
        link_match = Match(linked_key, "declared", "model card license_link", 1,
                           max(1, card.body_line - 1), 100.0, 1.0)
        return Identification(str(path), Result.MULTIPLE, resolved, 0.5, 100.0,
                              (*matches, link_match), tuple(notes), declared)
    if by_url:  # declared only by an address; the text itself was not read
        return Identification(str(path), Result.EXACT, resolved, 0.9, 100.0, matches,
                              tuple(notes), declared)
    confidence = 1.0 if not candidates or agrees else 0.6
    result = Result.EXACT if not candidates or agrees else Result.PARTIAL
    return Identification(str(path), result, resolved, confidence, 100.0, matches,
                          tuple(notes), declared)


def _shift(m: Match, lines: int) -> Match:
    if not lines:
        return m
    return Match(m.key, m.kind, m.source, m.start_line + lines, m.end_line + lines, m.coverage,
                 m.similarity, tuple(type(d)(d.kind, d.reference, d.found, d.line + lines,
                                             d.section, d.tokens) for d in m.differences),
                 m.optional_absent, m.ambiguous_with, m.span, m.expression)


def identify_file(path: Path, index: Index | None = None,
                  seen: frozenset[Path] = frozenset()) -> Identification:
    """Identify one file; raise InputError when it cannot be read at all. `seen`: the model
    cards already read on the way here (a license_link loop is not followed)."""
    tf = read_text_file(path)
    if tf.text is None:
        return Identification(str(path), Result.NOT_TEXT, notes=tf.notes)
    notes = list(tf.notes)
    card = parse_model_card(tf.text)
    if card is not None and (card.license or card.error):
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            seen = seen | {path.resolve()}
        ident = _identify_card(card, tf.text, path, index, notes, seen)
        expression = combine(m.license_expression for m in ident.matches)
        return replace(ident, expression=expression, spdx_expression=to_spdx(expression))
    return identify_text(tf.text, str(path), index, notes)


PARALLEL_MIN_FILES = 1000  # below this, starting worker processes costs more than it saves
_CHUNK = 16


def _identify_one(path: Path, index: Index | None = None) -> Identification | Failure:
    try:
        return identify_file(path, index)
    except LicentiaError as exc:
        return Failure(str(path), exc.message)


def _identify_chunk(paths: list[Path]) -> list[Identification | Failure]:
    return [_identify_one(p) for p in paths]


def warm_up(index: Index | None = None) -> None:
    """Load what every identification needs (index, catalog, verbatim table) once."""
    ix = index if index is not None else get_index()
    catalog()
    get_rules()
    verbatim_table(ix)


def identify_paths(
    paths: Iterable[Path], index: Index | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
    jobs: int = 1,
) -> list[Identification | Failure]:
    """Identify each path, in order; an unreadable one becomes a Failure and the others go on.

    With `jobs` > 1 and many files, the work is shared by that many processes (forked after
    the index is loaded, so each starts at once).
    """
    items = list(paths)
    total = len(items)
    if jobs <= 1 or total < PARALLEL_MIN_FILES or "fork" not in mp.get_all_start_methods():
        out: list[Identification | Failure] = []
        for n, path in enumerate(items):
            if progress:
                progress(n, total, path)
            out.append(_identify_one(path, index))
        return out
    warm_up(index)  # before forking: the workers share what is loaded
    chunks = [items[i : i + _CHUNK] for i in range(0, total, _CHUNK)]
    results: list[Identification | Failure] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork"),
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        for chunk_result in pool.map(_identify_chunk, chunks):
            results.extend(chunk_result)
            if progress:
                progress(len(results), total, items[len(results) - 1])
    return results
