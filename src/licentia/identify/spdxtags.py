# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""SPDX-License-Identifier tags read as ScanCode reads them: their expressions in LicenseDB
keys, ids SPDX lacks read through the LicenseDB's ids and rules, unreadable tags unknown."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from license_expression import ExpressionError, Licensing, get_spdx_licensing

from licentia.catalog.catalog import catalog
from licentia.identify.expression import keys as expr_keys
from licentia.identify.expression import parse as parse_expression
from licentia.identify.found import Match
from licentia.identify.rules import RuleIndex
from licentia.normalize import SPDX_TAG, rule_tokens, spdx_identifiers


@cache
def spdx_licensing() -> Licensing:
    """license-expression's SPDX licensing (building it takes ~40 ms: once per process)."""
    return get_spdx_licensing()


UNKNOWN_SPDX = "unknown-spdx"  # the LicenseDB's key for an SPDX tag licentia cannot read


def spdx_matches(text: str, rules: RuleIndex) -> tuple[list[Match], list[str]]:
    """Matches for SPDX license identifier tags, and notes on ids licentia doesn't know.

    An id that is not SPDX's nor the LicenseDB's is read as ScanCode reads it: as the license
    of the rule that is exactly its words ("BSD" is bsd-new); failing that, and for a tag that
    is no valid expression, the LicenseDB's `unknown-spdx`."""
    matches: list[Match] = []
    notes: list[str] = []
    tags = spdx_identifiers(text)
    if not tags:
        return matches, notes
    licensing = spdx_licensing()
    cat = catalog()
    unknown = UNKNOWN_SPDX if cat.get(UNKNOWN_SPDX) is not None else None
    for line, tagged in tags:
        expr = _clean_tag(tagged)
        source = f"{SPDX_TAG}: {expr}"
        try:
            parsed = parse_expression(licensing, _ids_joined(expr))
        except ExpressionError as exc:
            notes.append(f"line {line}: SPDX-License-Identifier {expr!r} is not a valid "
                         f"expression: {exc}")
            parsed, listed = _as_list(licensing, _ids_joined(expr))
            if unknown and not listed:  # a tag nobody can read: no coverage, never `exact`
                matches.append(Match(unknown, "spdx-id", source, line, line, 0.0, 0.0))
            if parsed is None:
                continue
            notes.append(f"line {line}: read as {parsed}")
        if parsed is None:
            continue
        known: list[tuple[str, str]] = []
        for symbol in licensing.license_symbols(parsed, decompose=True):
            lic = cat.lookup(str(symbol.key))
            meant = lic.key if lic is not None else _rule_for_id(rules, str(symbol.key))
            if lic is not None and lic.is_deprecated and len(lic.replaced_by) == 1:
                meant = lic.replaced_by[0]  # eCos-2.0: gpl-2.0-plus WITH ecos-exception-2.0
            if lic is None:
                notes.append(f"line {line}: unknown SPDX license id {symbol.key!r}"
                             + (f", read as {meant}" if meant else ""))
            meant = meant or unknown
            if meant:
                known.append((str(symbol.key), meant if len(expr_keys(meant)) == 1
                              else f"({meant})"))
        keyed = _rekey(str(parsed), dict(known))
        for key in dict.fromkeys(k for _, m in known for k in expr_keys(m)):
            read = 0.0 if key == unknown else 100.0
            matches.append(Match(key, "spdx-id", source, line, line, read, read / 100,
                                 expression=keyed))
    return matches, notes


# what ScanCode strips from both ends of a tag's expression (match_spdx_lid.clean_text)
_TAG_PUNCTUATION = "!\"#$%&'*,-./:;<=>?@[\\]^_`{|}~ \t"


def _clean_tag(expr: str) -> str:
    """A tag's expression without the punctuation around it (`comments 'SPDX-License-
    Identifier: X'` ends in a quote, a sentence in a full stop), a lone parenthesis dropped."""
    expr = " ".join(expr.split()).lstrip(_TAG_PUNCTUATION + ")+").rstrip(_TAG_PUNCTUATION + "(")
    if expr.count("(") == 1 and ")" not in expr:
        expr = expr.replace("(", " ")
    elif expr.count(")") == 1 and "(" not in expr:
        expr = expr.replace(")", " ")
    return " ".join(expr.split())


def _ids_joined(expr: str) -> str:
    """An expression with the LicenseDB's ids of several words ("GPL 2.0+") as one id."""
    spaced = _spaced_ids()
    if not spaced.pattern or " " not in expr:
        return expr
    return spaced.sub(lambda m: f"LicenseRef-scancode-{_SPACED[m.group().casefold()]}", expr)


_SPACED: dict[str, str] = {}  # an id of several words (folded) -> its key


@cache
def _spaced_ids() -> re.Pattern[str]:
    """The LicenseDB's other SPDX ids made of several words ("GPL 2.0+"), as one pattern."""
    for lic in catalog().licenses.values():
        for name in lic.other_spdx:
            if " " in name.strip():
                _SPACED.setdefault(" ".join(name.split()).casefold(), lic.key)
    if not _SPACED:
        return re.compile("")
    alternatives = "|".join(re.escape(n) for n in sorted(_SPACED, key=len, reverse=True))
    return re.compile(rf"(?<![\w.+-])(?:{alternatives})(?![\w.+-])", re.IGNORECASE)


_OPERATOR_WORDS = frozenset({"and", "or", "with"})


def _as_list(licensing: Licensing, expr: str) -> tuple[Any, bool]:
    """An invalid expression read as ScanCode reads one: a bare list of ids ("GPL-2.0+
    BSD-3-Clause", U-Boot's style) is a choice of them (True: fully read); with operators
    or parentheses out of place, all of its ids (False: it stays unknown-spdx too)."""
    words = expr.replace("(", " ").replace(")", " ").split()
    ids = [w for w in words if w.casefold() not in _OPERATOR_WORDS]
    if not ids:
        return None, False
    operators = len(ids) < len(words) or "(" in expr or ")" in expr
    try:
        return parse_expression(licensing, (" AND " if operators else " OR ").join(ids)), \
            not operators
    except ExpressionError:
        return None, False


def _rule_for_id(rules: RuleIndex, spdx_id: str) -> str | None:
    """The expression of the LicenseDB rules that are exactly the words of an id, when they
    agree on one."""
    words, _ = rule_tokens(spdx_id)
    if not words:
        return None
    exprs = {rules.rules[r].expression for r, a, b in rules.exact(rules.encode(words))
             if a == 0 and b == len(words) and rules.rules[r].kind != "false-positive"}
    return exprs.pop() if len(exprs) == 1 else None


def _rekey(expression: str, mapping: dict[str, str]) -> str:
    """An SPDX expression with its ids replaced by LicenseDB keys (in one pass: an id may be
    several words, a key may look like another id)."""
    if not mapping:
        return expression
    ids = sorted(mapping, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.+-])(?:" + "|".join(re.escape(i) for i in ids)
                         + r")(?![\w.+-])")
    return pattern.sub(lambda m: mapping[m.group()], expression)
