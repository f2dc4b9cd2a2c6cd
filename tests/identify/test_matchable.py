# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""An approximate alignment stands only where the findings made word for word leave legal
words (ScanCode's legalese) to explain."""

from __future__ import annotations

from licentia.catalog.licensedb import legalese, read_rule_text, read_text
from licentia.identify import identify_text
from licentia.identify.expression import keys as expr_keys
from licentia.identify.found import Difference, DiffKind, Match
from licentia.identify.index import Index
from licentia.identify.matchable import RUN_BREAK_LINES, Exactly
from licentia.identify.rules import get_rules


def _one_line(rule: str) -> str:
    return " ".join(read_rule_text(rule).split())


def _aligned(text: str, first: str, last: str, *diffs: Difference) -> Match:
    a, b = text.index(first), text.index(last) + len(last)
    return Match("x", "notice", "x.RULE", 1, 1, 90.0, 0.9, differences=diffs, chars=(a, b))


def test_legalese_is_scancodes_list() -> None:
    words = legalese()
    assert {"warranty", "hereby", "distribute"} <= words
    assert "copyright" not in words and "the" not in words


def test_a_run_of_legal_words_all_held_leaves_nothing() -> None:
    text = "Permission is hereby granted.\n" + "code\n" * RUN_BREAK_LINES + \
        "No warranty.\n"
    held = (0, text.index("\n"))
    m = _aligned(text, "Permission", "granted")
    assert not Exactly(text, [held]).leave_legal_words(m)
    # a legal word left in the same run (fewer lines without one between): it may explain it
    near = text.replace("code\n" * RUN_BREAK_LINES, "code\n" * (RUN_BREAK_LINES - 1))
    assert Exactly(near, [held]).leave_legal_words(_aligned(near, "Permission", "granted"))
    assert Exactly(text, []).leave_legal_words(m)


def test_a_partial_alignment_whose_words_are_all_held_is_explained() -> None:
    text = "Intro words. The authors disclaim all warranty. Permission is hereby granted."
    held = [(text.index("The"), text.index("warranty.") + 9),
            (text.index("Permission"), len(text))]
    removed = Difference(DiffKind.REMOVED, "In legalese", "", 1)
    assert Exactly(text, held).explain(_aligned(text, "The", "granted", removed))
    # all of its reference there: the text the rules found in parts
    assert not Exactly(text, held).explain(_aligned(text, "The", "granted"))
    # a word matched that no exact finding holds: it says more
    assert not Exactly(text, held).explain(_aligned(text, "Intro", "granted", removed))


def test_rules_that_hold_every_legal_word_stand(index: Index) -> None:
    """A notice the rules found word for word in two parts, with a copyright line between,
    is those two findings, not an approximate third rule spanning both (ScanCode aligns
    nothing where no legal word is left)."""
    text = f"{_one_line('proprietary_30.RULE')}\nCopyright (C) 2003 Example Corp.\n\n" \
        f"{_one_line('other-permissive_66.RULE')}\n"
    r = identify_text(text, index=index, rules=get_rules())
    assert r.expression == "proprietary-license AND other-permissive", r.matches
    assert all(m.exact for m in r.matches)


def test_a_disclaimer_and_terms_found_word_for_word_are_no_partial_text(index: Index) -> None:
    text = "Copyright (C) 1998 Example Author.\n\n" \
        f"{_one_line('warranty-disclaimer_28.RULE')} {_one_line('ijg_8.RULE')}\n"
    r = identify_text(text, index=index, rules=get_rules())
    assert r.expression == "warranty-disclaimer AND ijg", r.matches
    assert all(m.exact for m in r.matches)


def test_a_variant_a_composite_alignment_took_is_aligned_again_alone(index: Index) -> None:
    """A package's list of BSD texts, one of them a variant no rule has word for word: the
    whole list aligns best with a long composite license, which the texts found word for word
    explain and the merge drops; its legal words left are aligned once more without the texts
    kept, and the variant is found (not its warranty disclaimer alone)."""
    parts = ["bsd-original_42.RULE", "bsd-new_76.RULE", "bsd-new_19.RULE", "bsd-new_77.RULE",
             "bsd-simplified_54.RULE", "bsd-simplified_27.RULE", "bsd-simplified_8.RULE",
             "bsd-simplified_52.RULE", "bsd-simplified_22.RULE", "bsd-unchanged",
             "isc_14.RULE", "isc_9.RULE", "bsd-credit"]
    text = "\n    --\n\n".join(
        f"    Copyright (c) 200{n % 10} Person {n}\n    All rights reserved.\n\n"
        + (read_rule_text(p) if p.endswith(".RULE") else read_text(p))
        for n, p in enumerate(parts))
    r = identify_text(text, index=index, rules=get_rules())
    assert "bsd-unchanged" in expr_keys(r.expression), r.matches
    assert "warranty-disclaimer" not in expr_keys(r.expression)
