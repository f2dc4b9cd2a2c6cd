# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""License expressions as a repository writes them (REUSE annotations, manifests, model cards,
GGUF headers) read into LicenseDB keys, and a tree's expressions combined (`license-expression`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from license_expression import ExpressionError

from licentia.catalog.catalog import catalog
from licentia.identify.expression import combine, parse, to_spdx
from licentia.identify.spdxtags import spdx_licensing

__all__ = ["Read", "combine", "read_expression", "to_spdx"]


@dataclass(frozen=True)
class Read:
    """An expression as written, in LicenseDB keys; `problem` when it names something licentia
    does not know or does not parse (then `expression` holds the licenses that were known)."""

    written: str
    expression: str
    problem: str | None = None


def read_expression(written: str) -> Read:
    """`MIT OR Apache-2.0` -> `mit OR apache-2.0`; an HF tag or a license name works too."""
    text = written.strip()
    if not text:
        return Read(written, "", "empty license value")
    cat = catalog()
    single = cat.lookup(text)
    if single is None and (tag := cat.hf_tag(text)) is not None and tag.key:
        single = cat.get(tag.key)
    if single is not None:
        return Read(written, single.key)
    licensing = spdx_licensing()
    try:
        parsed = parse(licensing, text)
    except ExpressionError as exc:
        return Read(written, "", f"{text!r} is not a license licentia knows nor a valid "
                                 f"SPDX expression ({exc})")
    if parsed is None:
        return Read(written, "", "empty license value")
    mapping: dict[str, str] = {}
    unknown: list[str] = []
    for symbol in licensing.license_symbols(parsed, decompose=True):
        lic = cat.lookup(str(symbol.key))
        if lic is None:
            unknown.append(str(symbol.key))
        else:
            mapping[str(symbol.key)] = lic.key
    tokens = str(parsed).replace("(", " ( ").replace(")", " ) ").split()
    keyed = " ".join(mapping.get(t, t) for t in tokens).replace("( ", "(").replace(" )", ")")
    if unknown:
        return Read(written, keyed, f"unknown license id {', '.join(map(repr, unknown))}")
    return Read(written, keyed)


def all_of(expressions: Iterable[str]) -> str:
    """The conjunction of several expressions, deduplicated."""
    return combine(expressions)
