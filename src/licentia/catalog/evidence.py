# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Check that every evidence quote of a term sheet is in the text it claims to quote."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from licentia.catalog import external, licensedb
from licentia.catalog.terms import Sheet
from licentia.errors import LicentiaError
from licentia.normalize import words


def corpus_dir() -> Path | None:
    """The shared development corpus beside the project, if present ($LICENTIA_CORPUS)."""
    explicit = os.environ.get("LICENTIA_CORPUS")
    candidates = [Path(explicit)] if explicit else []
    candidates.append(Path(__file__).resolve().parents[4] / "shared" / "corpus")
    for path in candidates:
        if path.is_dir():
            return path
    return None


@dataclass(frozen=True)
class QuoteProblem:
    license: str
    clause: str
    quote: str
    document: str
    reason: str

    def __str__(self) -> str:
        return (f"{self.license}: clause {self.clause!r}: quote not found in {self.document} "
                f"({self.reason}): {self.quote!r}")


@lru_cache(maxsize=256)
def _words_of(source: str, markers: bool = True) -> tuple[str, ...] | None:
    """Normalized words of a text named 'licensedb:KEY' or 'external:ID' (None when absent)."""
    kind, _, name = source.partition(":")
    if kind == "licensedb":
        return tuple(words(licensedb.read_text(name), markers))
    if kind == "licensedb-rule":
        return tuple(words(licensedb.read_rule_text(name), markers))
    text = external.full_text(name, corpus_dir())
    return tuple(words(text, markers)) if text is not None else None


def quote_in(source: str, quote: str) -> bool | None:
    """Whether `quote` is in the text (None when the text is not available here).

    Checked with list numbering dropped and, failing that, kept: a quote may run across a
    line break where a number ("version\n3 of") looks like numbering.
    """
    hay = _words_of(source)
    if hay is None:
        return None
    if _contains(hay, words(quote)):
        return True
    kept = _words_of(source, False)
    return kept is not None and _contains(kept, words(quote, False))


def _contains(hay: tuple[str, ...], needle: list[str]) -> bool:
    if not needle:
        return False
    n = len(needle)
    first = needle[0]
    return any(w == first and list(hay[i : i + n]) == needle for i, w in enumerate(hay))


def document_source(sheet: Sheet, document: str) -> str:
    """Where the text of `document` ("license" or a document id) of a sheet is read."""
    if document == "license":
        if external.get(sheet.license) is not None:
            return f"external:{sheet.license}"
        return f"licensedb:{sheet.license}"
    doc = next(d for d in sheet.documents if d.id == document)
    if doc.licensedb:
        return f"licensedb:{doc.licensedb}"
    if doc.licensedb_rule:
        return f"licensedb-rule:{doc.licensedb_rule}"
    if doc.external:
        return f"external:{doc.external}"
    raise LicentiaError(f"document {doc.id!r} names no text (licensedb or external)")


def verify_quotes(sheet: Sheet) -> tuple[list[QuoteProblem], list[str]]:
    """Quotes not found in their text, and the documents that could not be checked here."""
    problems: list[QuoteProblem] = []
    unchecked: list[str] = []
    for clause in sheet.clauses:
        for ev in clause.evidence:
            source = document_source(sheet, ev.document)
            found = quote_in(source, ev.quote)
            if found is None:
                # an external text absent here: the quote must at least be one of licentia's
                # own distinctive phrases for it, or it cannot be checked
                name = source.partition(":")[2]
                if not external.phrase_contains(name, ev.quote):
                    unchecked.append(source)
                continue
            if not found:
                problems.append(QuoteProblem(sheet.license, clause.id, ev.quote, source,
                                             "after whitespace, case and quote normalization"))
    return problems, sorted(set(unchecked))
