# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identify the license(s) of a text, a file or a model card."""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from licentia.catalog.catalog import catalog
from licentia.errors import LicentiaError
from licentia.identify.card import identify_card
from licentia.identify.classify import FULL, classify
from licentia.identify.context import introducing, is_hint, without_hints
from licentia.identify.expression import combine, to_spdx
from licentia.identify.expression import keys as expr_keys
from licentia.identify.index import Index, RefInfo, get_index, license_like
from licentia.identify.matchable import Exactly, left_to_align
from licentia.identify.matcher import (
    MIN_LEFTOVER_TOKENS,
    Difference,
    DiffKind,
    Match,
    match,
    reference_text,
    verbatim_table,
)
from licentia.identify.modelcard import parse_model_card
from licentia.identify.partof import PART_OF, added_to
from licentia.identify.reader import read_text_file
from licentia.identify.result import Failure, Identification, Result
from licentia.identify.rulematch import find_rules
from licentia.identify.rules import RuleIndex, get_rules
from licentia.identify.spdxtags import UNKNOWN_SPDX, spdx_matches
from licentia.identify.statement import around, split
from licentia.identify.template import recognize as recognize_template
from licentia.identify.variants import guard, names_another
from licentia.normalize import SPDX_TAG, mask, rule_tokens, spdx_identifiers, tokenize
from licentia.workers import die_with_parent

NOTICE_MIN_COVERAGE = 90.0  # a text or notice found by alignment that covers this much stands
NOTICE_FLOOR = 80.0  # a notice found by alignment covering less is not there
EXCEPTION_GAP = 2  # lines between a license and the exception that modifies it
OR_GAP = 4  # "A or B", "either A, or B at your option": a choice between adjacent findings


def _off_read_tags(found: list[Match], spdx: list[Match]) -> list[Match]:
    """The alignments that are not a notice on a line whose SPDX tag was read: the tag's
    parser reads that line (ScanCode matches nothing over the words of a tag it read: an
    unknown id followed by "The author added a static linking exception" is unknown-spdx)."""
    read = {m.start_line for m in spdx}
    return [m for m in found if m.kind in FULL or m.start_line != m.end_line
            or m.start_line not in read]


def _lines(ms: Iterable[Match]) -> set[int]:
    return {n for m in ms for n in range(m.start_line, m.end_line + 1)}


def _rule_matches(rules: RuleIndex, text: str) -> list[Match]:
    """Every rule found word for word in `text`, as a match; findings next to each other join:
    "A or B" is a choice (OR), a license then its exception is the license WITH it."""
    out: list[Match] = []
    for hit in find_rules(rules, text):
        a, b = hit.lines
        rule = rules.rules[hit.rule]
        keys = expr_keys(rule.expression)
        expression = rule.expression
        between = hit.between
        prev = out[-1] if out and between is not None else None
        if prev is not None and between is not None and len(between) <= OR_GAP and \
                "or" in between and "and" not in between and not _is_exception(keys) and \
                "intro" not in (prev.kind, rule.kind) and not is_hint(rule.kind, keys) and \
                not is_hint(prev.kind, expr_keys(prev.license_expression)):
            expression = f"({prev.license_expression}) OR ({rule.expression})"
            out[-1] = replace(prev, expression=expression)
        # an intro that names its license ("... is willing to license this specification
        # to you only upon ...": proprietary) states it; only one of an unknown license
        # introduces what follows (ScanCode's is_unknown_intro)
        kind = "notice" if rule.kind == "intro" and \
            not any("unknown" in k for k in keys) else rule.kind
        out.append(Match(keys[0], kind, rule.source, a, b, 100.0, 1.0,
                         span=(hit.start, hit.end),
                         expression=expression if expression != keys[0] else "",
                         chars=hit.chars))
    return out


def _is_exception(keys: list[str]) -> bool:
    cat = catalog()
    return bool(keys) and all((lic := cat.get(k)) is not None and lic.is_exception for k in keys)


def _join_exceptions(found: list[Match]) -> list[Match]:
    """An exception found on the lines right after a license (or among them) is that license
    WITH the exception ("... GPL version 2 ... designates this file as subject to the
    Classpath exception"); never joined to an SPDX tag, which states its own expression."""
    out = list(found)
    for n, m in enumerate(out):
        keys = expr_keys(m.license_expression)
        if m.kind == "spdx-id" or len(keys) != 1 or not _is_exception(keys):
            continue
        # an SPDX tag says its whole expression: an exception quoted near it is not part of it
        prior = [k for k in range(n) if out[k].end_line >= m.start_line - EXCEPTION_GAP
                 and out[k].kind != "spdx-id"
                 and len(expr_keys(out[k].license_expression)) == 1
                 and not _is_exception(expr_keys(out[k].license_expression))]
        if not prior:
            continue
        k = prior[-1]
        joined = f"{out[k].license_expression} WITH {keys[0]}"
        out[k] = replace(out[k], expression=joined)
        out[n] = replace(m, expression=joined)
    return out


def _quoted_in(text_match: Match, line: int) -> bool:
    """Whether an SPDX tag at `line` is part of a full license text found around it: an
    example in the text's how-to-apply part, as the reference text itself holds one (CAL-1.0,
    SHL-2.1). A tag the reference lacks is the file's own, wherever the text starts."""
    if text_match.kind not in _QUOTING_KINDS or \
            not text_match.start_line <= line <= text_match.end_line:
        return False
    if text_match.kind != "text":
        return True  # a fingerprint or licentia's own template: no reference text to read
    info = RefInfo(text_match.key, text_match.kind, text_match.source)
    try:
        return bool(spdx_identifiers(reference_text(info).text))
    except (OSError, LicentiaError):
        return True


_QUOTING_KINDS = {"text", "fingerprint", "template"}


def _overlaps(x: Match, y: Match) -> bool:
    return x.start_line <= y.end_line and y.start_line <= x.end_line


def _acceptable(rules: RuleIndex, m: Match, text: str) -> bool:
    """Whether a match found by alignment is there: a notice or reference rule covers most
    of itself and says its license's name and version, and any rule keeps its conditions."""
    if not m.source.endswith(".RULE"):
        return True
    if m.kind not in FULL and names_another(m):
        return False  # another license's notice (a text's other version is named: guard)
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
    nearly all of its lines and words, and every line where it differs from its reference (a
    notice of other terms set into a license text); nothing of the reference is missing."""
    whole = [r for r in inside if r.kind in {"text", "notice"}]
    if not whole or any(d.kind is DiffKind.REMOVED for d in m.differences):
        return False
    lines = text.split("\n")  # as the tokenizer counts lines (a form feed is no line break)
    span = {n for n in range(m.start_line, m.end_line + 1)
            if n <= len(lines) and mask(lines[n - 1]).strip()}  # a line it reads
    covered = _lines(whole) & span
    if len(covered) < 0.9 * len(span) or _word_share(whole, m, text) < 0.9:
        return False
    return all(d.line in covered for d in m.differences)


def _merge(rules: RuleIndex, found: list[Match], ruled: list[Match],
           text: str) -> list[Match]:
    """Word-for-word evidence first, approximate alignment for the rest.

    A license text or notice found by alignment stands when it is exact or covers nearly all of
    its reference (the rules found inside it are parts of it); it gives way to one rule found
    word for word over most of its lines and words (an approximate "BSD variant" over a
    BSD-or-GPL notice is that notice), and, when it covers less of its reference, to rules
    found word for word that name other licenses and hold most of its words (words, not
    lines: a one-line GPL notice holding "GPL" and "NO WARRANTY" found word for word is
    still a GPL notice). An approximate one most of whose matched words are other licenses'
    texts or notices found word for word is theirs, and so is one that leaves them no legal
    word to explain (ScanCode's test before it aligns: `matchable`).
    """
    kept: list[Match] = []
    exactly = None if all(m.exact for m in found) else Exactly(text, [
        x.chars for x in [*ruled, *(m for m in found if m.exact)] if x.chars is not None])
    for m in found:
        if not _acceptable(rules, m, text) or split(m, text) or around(m, found):
            continue  # too little of a short text to say it is there, or not one statement
        if exactly is not None and not m.exact and (
                not exactly.leave_legal_words(m) or exactly.explain(m)):
            continue  # the findings made word for word say all it says
        inside = [r for r in ruled if _overlaps(m, r)]
        if any(r.start_line <= m.start_line and m.end_line <= r.end_line
               and r.end_line - r.start_line > m.end_line - m.start_line for r in inside):
            continue  # a text inside a longer notice found word for word is part of it
        if (m.exact and m.kind in FULL) or not inside:
            kept.append(m)
            continue
        span = set(range(m.start_line, m.end_line + 1))
        cover = [r for r in inside if len(_lines([r]) & span) >= 0.8 * len(span)
                 and _word_share([r], m, text) >= PART_OF]
        if cover and not (m.differences and m.kind in FULL and any(
                m.key in expr_keys(r.license_expression) for r in cover)):
            continue  # what a rule says word for word; a text that differs says how
        if _explained(m, inside, text):
            continue  # texts and notices found word for word, its differences among them
        if m.coverage >= NOTICE_MIN_COVERAGE:
            kept.append(m)
            continue
        keys = {k for r in inside for k in expr_keys(r.license_expression)}
        others = [r for r in inside if m.key not in expr_keys(r.license_expression)]
        if (m.kind not in FULL or m.key not in keys) and _word_share(others, m, text) >= 0.6:
            continue
        kept.append(m)
    hits = _beside(kept, ruled, text)
    others = [m for m in kept if _matched_by_others(m, hits, text)]
    if not others:
        return kept + hits
    kept = [m for m in kept if m not in others]
    return kept + _beside(kept, ruled, text)


def _word_share(hits: list[Match], m: Match, text: str) -> float:
    """The share of an aligned match's words that rules found word for word hold (1 when
    the match has no character range: it is judged by its lines alone)."""
    if m.chars is None:
        return 1.0
    words, starts = rule_tokens(text[m.chars[0] : m.chars[1]])
    held = [r.chars for r in hits if r.chars is not None]
    if not words:
        return 1.0
    at = [m.chars[0] + a for a in starts]
    return sum(1 for c in at if any(a <= c < b for a, b in held)) / len(words)


def _beside(kept: list[Match], ruled: list[Match], text: str) -> list[Match]:
    """The rules found word for word that are no part of an aligned text kept."""
    return [r for r in ruled
            if not any(_overlaps(m, r) and not added_to(m, r, text) for m in kept)]


def _matched_by_others(m: Match, hits: list[Match], text: str) -> bool:
    """Whether most of the words an approximate alignment matched to its reference are words
    of texts or notices of other licenses found word for word (a BSD variant's alignment
    over a BSD text found as a rule, "This code is in the public domain" taken for a
    public-domain disclaimer): they are those rules' evidence, not its own."""
    if m.exact or m.chars is None:
        return False
    others = [r.chars for r in hits if r.kind in {"text", "notice"} and r.chars is not None
              and m.key not in expr_keys(r.license_expression)
              and r.chars[0] < m.chars[1] and m.chars[0] < r.chars[1]]
    if not others:
        return False
    words, starts = rule_tokens(text[m.chars[0] : m.chars[1]])
    matched = [(m.chars[0] + a, m.chars[0] + a + len(w))
               for w, a in zip(words, starts, strict=True)]
    matched = [c for c in matched if not any(d.holds(c) for d in m.differences)]
    inside = sum(1 for c in matched if any(a <= c[0] and c[1] <= b for a, b in others))
    return bool(matched) and 2 * inside > len(matched)


def _with_added_terms(index: Index, found: list[Match], text: str) -> list[Match]:
    """A license text found word for word as a rule, beside license-like prose that no match
    explains: that prose is added to the license (never dropped, never `exact`)."""
    texts = [m for m in found if m.kind in FULL]
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
    spdx, spdx_notes = spdx_matches(text, rx)
    all_notes += spdx_notes
    spdx = [m for m in spdx if not any(_quoted_in(t, m.start_line) for t in found)]
    ruled = _rule_matches(rx, text)
    # an SPDX tag line is read by its own parser, not by the rules; but a tag rule that is
    # the whole tag reads an id SPDX lacks as the LicenseDB does ("(GPL-2.0+ OR BSD)")
    tag_lines = {line for line, _ in spdx_identifiers(text)}
    unread = {m.start_line for m in spdx if m.key == UNKNOWN_SPDX}
    whole = [r for r in ruled if r.start_line in unread and r.kind == "tag" and r.chars
             and SPDX_TAG.lower() in text[r.chars[0] : r.chars[1]].lower()]
    spdx = [m for m in spdx if m.start_line not in {r.start_line for r in whole}]
    ruled = [r for r in ruled if r.start_line not in tag_lines or r in whole]
    found = _off_read_tags(found, spdx)
    merged = _merge(rx, found, ruled, text)
    kept = {id(m) for m in merged}
    blanked = left_to_align(text, [m for m in found if id(m) not in kept], merged)
    if blanked is not None:  # once more where dropped alignments leave legal words
        again = _off_read_tags(match(ix, blanked, accept=accept), spdx)
        merged = _merge(rx, [m for m in found if id(m) in kept] + again, ruled, text)
    found = introducing(without_hints(sorted(merged + spdx,
                                             key=lambda m: (m.start_line, m.kind))), text)
    found = _join_exceptions(_with_added_terms(ix, found, text))
    found, variant_notes = guard(ix, found, text)
    all_notes += variant_notes
    result, primary, conf = classify(found)
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
        body = identify_text(tf.text[card.body_offset :], str(path), index)
        reached = seen

        def follow(target: Path) -> Identification:
            return identify_file(target, index, reached)

        ident = identify_card(card, path, body, follow, notes, seen)
        expression = combine(m.license_expression for m in ident.matches)
        return replace(ident, expression=expression, spdx_expression=to_spdx(expression))
    return identify_text(tf.text, str(path), index, notes)


_CHUNK = 16
# below this, a second process has nothing to share: forked after warm_up, the workers start
# at once (measured: 2 processes save wall time from 32 files on, for 3-10% more CPU)
PARALLEL_MIN_FILES = 2 * _CHUNK


Reader = Callable[[Path], Identification | Failure]


def _identify_one(path: Path, index: Index | None = None,
                  read: Reader | None = None) -> Identification | Failure:
    if read is not None:
        return read(path)
    try:
        return identify_file(path, index)
    except LicentiaError as exc:
        return Failure(str(path), exc.message)


def _identify_chunk(items: list[tuple[Path, Reader | None]]) -> list[Identification | Failure]:
    return [_identify_one(p, None, read) for p, read in items]


def warm_up(index: Index | None = None) -> None:
    """Load what every identification needs (index, catalog, verbatim table) once."""
    ix = index if index is not None else get_index()
    catalog()
    get_rules()
    verbatim_table(ix)
    ix.warm_up()


def identify_paths(
    paths: Iterable[Path], index: Index | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
    jobs: int = 1, readers: Sequence[Reader] = (),
) -> list[Identification | Failure]:
    """Identify each path, in order; an unreadable one becomes a Failure and the others go on.
    `readers`: how the first paths are identified instead (a module-level function: it goes
    to the workers by name), one each.

    With `jobs` > 1 and many files, the work is shared by that many processes (forked after
    the index is loaded, so each starts at once).
    """
    items = list(paths)
    total = len(items)
    how: list[Reader | None] = [*readers, *[None] * (total - len(readers))]
    if jobs <= 1 or total < PARALLEL_MIN_FILES or "fork" not in mp.get_all_start_methods():
        out: list[Identification | Failure] = []
        for n, (path, read) in enumerate(zip(items, how, strict=True)):
            if progress:
                progress(n, total, path)
            out.append(_identify_one(path, index, read))
        return out
    warm_up(index)  # before forking: the workers share what is loaded
    pairs = list(zip(items, how, strict=True))
    chunks = [pairs[i : i + _CHUNK] for i in range(0, total, _CHUNK)]
    results: list[Identification | Failure] = []
    with ProcessPoolExecutor(max_workers=jobs, mp_context=mp.get_context("fork"),
                             initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
        for chunk_result in pool.map(_identify_chunk, chunks):
            results.extend(chunk_result)
            if progress:
                progress(len(results), total, items[len(results) - 1])
    return results
