# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Resolve a LICENSE_REF as users write it: an id, an SPDX expression, an HF tag, or a file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from license_expression import ExpressionError

from licentia.catalog.catalog import License, catalog
from licentia.catalog.template.recognize import MATCH_KIND
from licentia.catalog.template.sheet import generated_sheet
from licentia.catalog.terms import Sheet, sheet_for
from licentia.errors import InputError, UnknownLicenseError
from licentia.identify import Identification, identify_file
from licentia.identify.expression import parse as parse_expression
from licentia.identify.reader import read_text_file
from licentia.identify.spdxtags import spdx_licensing
from licentia.limits import MAX_REFERENCE_CHARS
from licentia.safe_read import exists, is_regular_file, shown


@dataclass(frozen=True)
class Resolved:
    """What a reference names: its licenses, and, for a file, how it was identified."""

    reference: str
    licenses: tuple[License, ...]
    expression: str | None = None  # an SPDX expression naming several licenses
    identification: Identification | None = None  # when the reference is a file
    # a term sheet built for this very text (a license licentia drafted), not a packaged one
    generated_sheet: Sheet | None = None

    @property
    def license(self) -> License:
        """The single license (the first, for an expression)."""
        return self.licenses[0]

    @property
    def sheet(self) -> Sheet | None:
        """The term sheet to reason over: the text's own, else the packaged one."""
        return self.generated_sheet or sheet_for(self.license.key)


def _is_expression(ref: str) -> bool:
    return any(op in f" {ref.lower()} " for op in (" or ", " and ", " with ")) or "(" in ref


def _looks_like_path(ref: str) -> bool:
    if "/" in ref or "\\" in ref:
        return True
    if ref.startswith("LicenseRef-") or _is_expression(ref):
        return False  # `LicenseRef-a AND LicenseRef-b` names licenses, not a LICENSE* file
    return Path(ref).suffix.lower() in {".md", ".txt", ".yaml"} \
        or Path(ref).name.upper().startswith(("LICENSE", "LICENCE", "COPYING", "README"))


def check_role(name: str, lic: License, after_with: bool) -> None:
    """A license where WITH takes an exception (or the reverse) is an error: read as written,
    `MIT WITH GPL-3.0-only` would silently drop the GPL."""
    if after_with and not lic.is_exception:
        raise InputError(f"{name!r} is a license, not a license exception: WITH takes an "
                         "exception (e.g. Classpath-exception-2.0); to combine two licenses use "
                         "AND or OR")
    if not after_with and lic.is_exception:
        raise InputError(f"{name!r} is a license exception, not a license: write it after WITH "
                         f"(`GPL-2.0-only WITH {name}`)")


def resolve_reference(ref: str, base: Path | None = None, *,
                      allow_unidentified: bool = False) -> Resolved:
    """Resolve a reference; raise UnknownLicenseError (with suggestions) or InputError.

    With `allow_unidentified`, a readable file in which no license is found is returned with
    no licenses and its identification (review reports it as a finding, not an error).
    """
    cat = catalog()
    text = ref.strip()
    if not text:
        raise UnknownLicenseError(ref)
    if len(text) > MAX_REFERENCE_CHARS:
        raise InputError(f"a license reference of {len(text):,} characters, over licentia's "
                         f"limit of {MAX_REFERENCE_CHARS:,} (set LICENTIA_MAX_REFERENCE_CHARS "
                         "to raise it)")
    lic = cat.lookup(text)
    if lic is not None:
        return Resolved(ref, (lic,))
    path = (base / text) if base is not None and not Path(text).is_absolute() else Path(text)
    if is_regular_file(path) or (_looks_like_path(text) and not cat.hf_tag(text)):
        if not exists(path):
            raise InputError("no such file (nor a license reference licentia knows)",
                             path=shown(path))
        ident = identify_file(path)
        keys = list(dict.fromkeys(m.key for m in ident.matches))
        found = tuple(lic for k in keys if (lic := cat.get(k)) is not None)
        if not found:
            if allow_unidentified:
                return Resolved(ref, (), identification=ident)
            raise InputError(f"no license identified in the file ({ident.result.value})",
                             path=shown(path))
        # a license drafted from licentia's template: reason over the terms the draft states
        # (the file itself, or the file a model card's license_link points at)
        drafted = None
        link = ident.declared.link if ident.declared else None
        for source in (ident, link):
            if source is not None and any(m.kind == MATCH_KIND and m.key == found[0].key
                                          for m in source.matches):
                drafted = generated_sheet(read_text_file(Path(source.path)).text or "")
                break
        return Resolved(ref, found, identification=ident, generated_sheet=drafted)
    if _is_expression(text):
        licensing = spdx_licensing()
        try:
            parsed = parse_expression(licensing, text)
        except ExpressionError as exc:
            raise UnknownLicenseError(ref, detail=f"invalid SPDX expression {ref!r}: {exc}") \
                from exc
        members = []
        for symbol in licensing.license_symbols(parsed, decompose=False):
            parts = [(symbol.license_symbol, False), (symbol.exception_symbol, True)] \
                if hasattr(symbol, "exception_symbol") else [(symbol, False)]
            for part, after_with in parts:
                member = cat.lookup(str(part.key))
                if member is None:
                    raise UnknownLicenseError(str(part.key), cat.suggest(str(part.key)))
                check_role(str(part.key), member, after_with)
                members.append(member)
        return Resolved(ref, tuple(dict.fromkeys(members)), expression=str(parsed))
    return Resolved(ref, (cat.resolve(text),))
