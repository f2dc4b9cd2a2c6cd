# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""One file's license evidence: what identify found in it (or in its `.license` sidecar) and
what annotations say of it, combined as the REUSE precedence says, into one expression.

The file's own evidence is never replaced silently: an annotation that overrides or adds to a
file whose text names another license is kept as a conflict of sources for the tree to report.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from licentia.identify import Identification, Result
from licentia.identify.expression import keys as expression_keys
from licentia.identify.rulematch import VAGUE_KEYS
from licentia.scan.annotations import Annotation, Precedence
from licentia.scan.expressions import combine, read_expression, to_spdx
from licentia.scan.walker import Kind

# evidence that names no particular license ("see LICENSE", "free software"): a file holding
# only this has evidence of *a* license, not of which
UNSTATED = frozenset(VAGUE_KEYS) - {"warranty-disclaimer", "generic-cla", "proprietary-license",
                                    "commercial-license"}
NOT_LICENSES = frozenset({"warranty-disclaimer", "generic-cla"})
STRONG = frozenset({"text", "notice", "fingerprint", "template", "variant"})  # states a license
TAG = "spdx-id"  # an SPDX-License-Identifier tag: what REUSE reads


class Status(StrEnum):
    """Where a file's license comes from."""

    OWN = "own"  # its text (or its .license sidecar) names its license
    ANNOTATED = "annotated"  # only an annotation (REUSE.toml, dep5) does
    UNSTATED = "unstated"  # it refers to a license without naming which
    NONE = "none"  # no license evidence at all
    ERROR = "error"  # it could not be read


@dataclass(frozen=True)
class Item:
    """One piece of evidence: its kind (an identify match kind, or `reuse-toml`, `dep5`,
    `sidecar`), the license expression it gives, where it is."""

    kind: str
    expression: str
    source: str  # the file it is in (the file itself, its sidecar, the annotation file)
    start_line: int = 0
    end_line: int = 0
    coverage: float = 100.0

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "expression": self.expression,
                "spdx_expression": to_spdx(self.expression), "source": self.source,
                "start_line": self.start_line or None, "end_line": self.end_line or None,
                "coverage": self.coverage}


@dataclass(frozen=True)
class FileResult:
    path: str
    kind: Kind
    size: int
    status: Status
    expression: str = ""  # the file's license expression (LicenseDB keys)
    result: Result | None = None  # identify's result for its text (None when not read)
    evidence: tuple[Item, ...] = ()
    license_text: bool = False  # it holds a full license text
    # licenses the file's own text or notice states that REUSE would not see under its
    # annotation: an annotation papering over them
    overridden: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    error: str | None = None
    reuse_expression: str = ""  # what REUSE reads of the file (its tags, its annotation)
    # every LicenseDB key found in the file's own text (or its sidecar), as ScanCode lists a
    # file's detections: mentions beside a tag, disclaimers and CLAs included
    found: tuple[str, ...] = ()

    @property
    def spdx_expression(self) -> str:
        return to_spdx(self.expression)

    @property
    def untagged_statement(self) -> str:
        """The license the file's own text or notice states when no SPDX tag (what REUSE
        reads) states it: "" when it has tags or states nothing itself."""
        own = [e for e in self.evidence if e.source == self.path]
        if any(e.kind == TAG for e in own):
            return ""
        return combine(e.expression for e in own if e.kind in STRONG)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(expression_keys(self.expression)) if self.expression else ()

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path, "kind": self.kind.value, "size": self.size,
            "status": self.status.value, "result": self.result.value if self.result else None,
            "expression": self.expression or None,
            "spdx_expression": self.spdx_expression or None,
            "license_text": self.license_text,
            "evidence": [e.to_json() for e in self.evidence],
            "overridden": list(self.overridden), "notes": list(self.notes), "error": self.error,
            "reuse_expression": to_spdx(self.reuse_expression) or None,
            "found": list(self.found),
        }


def own_items(ident: Identification, source: str, kind: str | None = None) -> list[Item]:
    """identify's matches as evidence items (their expressions; rules that name no license
    other than a disclaimer are left out)."""
    items = []
    for m in ident.matches:
        expr = m.license_expression
        if not expr or set(expression_keys(expr)) <= NOT_LICENSES:
            continue
        items.append(Item(kind or m.kind, expr, source, m.start_line, m.end_line,
                          round(m.coverage, 1)))
    return items


def annotation_item(a: Annotation) -> tuple[Item, str | None]:
    got = read_expression(a.expression)
    return Item(a.source.value, got.expression, a.file), got.problem


def _of(items: list[Item]) -> str:
    return combine(i.expression for i in items)


def _keys(expression: str) -> set[str]:
    return set(expression_keys(expression)) if expression else set()


@dataclass(frozen=True)
class _Own:
    """A file's own evidence by weight: SPDX tags (what REUSE reads), license texts and
    notices (what the file states), mentions (references, tags, clues)."""

    tags: list[Item]
    strong: list[Item]
    weak: list[Item]

    @property
    def stated(self) -> str:
        """What the file itself says of its license: its SPDX tags and the texts and notices
        in it; without tags, its mentions too (references, tags, clues: as ScanCode counts
        them). Beside a tag, a mention is not the file's license (a README naming a tool's
        GPL is not GPL)."""
        if self.tags:
            return _of(self.tags + self.strong)
        return _of(self.strong + self.weak)

    @property
    def states(self) -> bool:
        """Whether the file states a license (a tag, a text or a notice), not only mentions
        one."""
        return bool(self.tags or self.strong)


def _combine(own: _Own, ann: str, precedence: Precedence) -> tuple[str, str]:
    """(the file's expression, what REUSE reads of it)."""
    tags = _of(own.tags)
    if not ann:
        return own.stated, tags
    statement = own.stated if own.states else ""
    if precedence is Precedence.OVERRIDE:
        kept = [i for i in own.tags + own.strong if not _keys(i.expression) <= _keys(ann)]
        return combine([ann, _of(kept)]), ann
    if precedence is Precedence.AGGREGATE:
        return combine([statement, ann]), combine([tags, ann])
    return statement or ann, tags or ann


def file_result(path: str, kind: Kind, size: int, ident: Identification | None,
                own_source: str, annotations: tuple[Annotation, ...],
                error: str | None = None) -> tuple[FileResult, list[tuple[str, str]]]:
    """Combine a file's own identification (of its text or its sidecar) with the annotations
    that cover it; also return problems with the annotations' expressions."""
    items = own_items(ident, own_source, "sidecar" if own_source != path else None) \
        if ident is not None else []
    own = _Own([i for i in items if i.kind in {TAG, "sidecar"}],
               [i for i in items if i.kind in STRONG],
               [i for i in items if i.kind not in STRONG | {TAG, "sidecar"}])
    problems: list[tuple[str, str]] = []
    annotated: list[Item] = []
    precedence = Precedence.CLOSEST
    for a in annotations:
        item, problem = annotation_item(a)
        if problem:
            problems.append((a.file, problem))
        if item.expression:
            annotated.append(item)
            if a.source.value == "reuse-toml":
                precedence = a.precedence
    ann = _of(annotated)
    expression, reuse_view = _combine(own, ann, precedence)
    seen = _keys(reuse_view)
    # what the file states and REUSE would not report, once an annotation is what REUSE reads
    applied = bool(ann) and (precedence is not Precedence.CLOSEST or not own.tags)
    hidden = tuple(dict.fromkeys(
        k for i in own.tags + own.strong for k in expression_keys(i.expression)
        if k not in seen and k not in UNSTATED and k not in NOT_LICENSES)) if applied else ()
    keys = _keys(expression)
    if error:
        status = Status.ERROR
    elif not keys:
        status = Status.NONE
    elif keys <= UNSTATED:
        status = Status.UNSTATED
    elif own.states or (own.weak and not ann):
        status = Status.OWN
    else:
        status = Status.ANNOTATED
    license_text = ident is not None and any(
        m.kind in {"text", "fingerprint", "template"} and m.coverage >= 80 for m in ident.matches)
    notes = ident.notes if ident is not None else ()
    return FileResult(path, kind, size, status, expression, ident.result if ident else None,
                      tuple(items + annotated), license_text, hidden, tuple(notes), error,
                      reuse_view, found_keys(ident)), problems


def found_keys(ident: Identification | None) -> tuple[str, ...]:
    """Every license key identify found (what it reports of the file), sorted."""
    return tuple(sorted(set(ident.license_keys))) if ident is not None else ()
