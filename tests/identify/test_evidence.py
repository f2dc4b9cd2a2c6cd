# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Short real-world evidence found through the LicenseDB's rules: references in comments of
many languages, tags, notices, dual licensing, exceptions, or-later, license plus code, and
false positives."""

from __future__ import annotations

import pytest

from licentia.catalog.licensedb import read_rule_text, read_text
from licentia.identify import Result, identify_text
from licentia.identify.index import Index
from licentia.identify.matcher import DiffKind
from licentia.identify.rules import RuleIndex, get_rules
from licentia.normalize import SPDX_TAG


@pytest.fixture(scope="module")
def rules() -> RuleIndex:
    return get_rules()


@pytest.mark.parametrize(("text", "expression"), [
    ("# Copyright (c) 2020 Jane Doe. Distributed under the BSD 3-Clause license.\n"
     "import os\n", "bsd-new"),
    ('"""A tiny event loop: a 0BSD-licensed rewrite."""\nimport os\n', "bsd-zero"),
    ("name: thing\nlicense: mit. See https://example.org/LICENSE for details.\n", "mit"),
    ("/* This file is GPLv2 as found in COPYING. */\nint x;\n", "gpl-2.0"),
    ('{"name": "x", "license": "MIT License"}\n', "mit"),
    ("/*\n * Licensed under the MIT License.\n */\nint main(void) { return 0; }\n", "mit"),
    ("// Licensed under the Apache License, Version 2.0\nconst x = 1;\n", "apache-2.0"),
    ("<!-- This page is licensed under the MIT license. -->\n<p>hi</p>\n", "mit"),
    ("-- Released under the Apache License 2.0\nSELECT 1;\n", "apache-2.0"),
    (";; This program is free software; you can redistribute it and/or modify\n"
     ";; it under the terms of the GNU General Public License as published by\n"
     ";; the Free Software Foundation; either version 2, or (at your option)\n"
     ";; any later version.\n(defun f () 1)\n", "gpl-2.0-plus"),
], ids=["python", "docstring", "yaml", "c-comment", "json", "c-block", "js", "html", "sql",
        "lisp-or-later"])
def test_references_in_comments_of_many_languages(text: str, expression: str,
                                                  index: Index, rules: RuleIndex) -> None:
    r = identify_text(text, index=index, rules=rules)
    assert r.expression == expression, r.matches
    assert r.license is not None and r.license.key == expression


def test_or_later_is_its_own_license(index: Index, rules: RuleIndex) -> None:
    only = identify_text("# This file is licensed under GPLv2.\n", index=index, rules=rules)
    later = identify_text("# This file is licensed under GPLv2+.\n", index=index, rules=rules)
    assert only.expression == "gpl-2.0"
    assert later.expression == "gpl-2.0-plus"
    assert later.spdx_expression == "GPL-2.0-or-later"


def test_dual_licensing_is_a_choice(index: Index, rules: RuleIndex) -> None:
    text = ("This file is dual licensed under the terms of the Apache License, Version 2.0, "
            "and the BSD\nLicense. See the LICENSE file in the root of this repository for "
            "complete details.\n")
    r = identify_text(text, index=index, rules=rules)
    assert r.expression == "bsd-new OR apache-2.0"
    assert r.spdx_expression == "BSD-3-Clause OR Apache-2.0"
    either = identify_text("Licensed under either of Apache License, Version 2.0 or MIT "
                           "license at your option.\n", index=index, rules=rules)
    assert either.expression == "apache-2.0 OR mit"


def test_spdx_tag_keeps_its_expression(index: Index, rules: RuleIndex) -> None:
    r = identify_text(f"// {SPDX_TAG}: MIT OR Apache-2.0\nfn main() {{}}\n", index=index,
                      rules=rules)
    assert r.expression == "mit OR apache-2.0"
    assert r.spdx_expression == "MIT OR Apache-2.0"


def test_an_exception_after_a_license_is_with(index: Index, rules: RuleIndex) -> None:
    text = ("/*\n * This code is free software; you can redistribute it and/or modify it\n"
            " * under the terms of the GNU General Public License version 2 only, as\n"
            " * published by the Free Software Foundation.  Oracle designates this\n"
            ' * particular file as subject to the "Classpath" exception as provided\n'
            " * by Oracle in the LICENSE file that accompanied this code.\n */\n")
    r = identify_text(text, index=index, rules=rules)
    assert r.expression == "gpl-2.0 WITH classpath-exception-2.0"
    assert r.spdx_expression == "GPL-2.0-only WITH Classpath-exception-2.0"


def test_a_header_tag_above_a_quoted_license_is_the_files_own(index: Index,
                                                              rules: RuleIndex) -> None:
    """A full license text quoted below a file's SPDX header does not swallow the header, even
    when the text's alignment starts on the tag's line: the reference holds no tag."""
    r = identify_text(f"# {SPDX_TAG}: Apache-2.0\n" + read_text("upl-1.0"), index=index,
                      rules=rules)
    assert r.expression == "apache-2.0 AND upl-1.0"
    kinds = {m.key: m.kind for m in r.matches}
    assert kinds == {"apache-2.0": "spdx-id", "upl-1.0": "text"}


@pytest.mark.parametrize("key", ["cal-1.0", "shl-2.1"])
def test_a_tag_the_license_text_itself_quotes_is_text(index: Index, rules: RuleIndex,
                                                      key: str) -> None:
    """CAL-1.0 and SHL-2.1 show how to tag a file: those tags are the text's, not the file's."""
    r = identify_text(read_text(key), index=index, rules=rules)
    assert r.expression == key
    assert all(m.kind != "spdx-id" for m in r.matches)


def test_an_spdx_tag_is_never_joined_with_an_exception(index: Index, rules: RuleIndex) -> None:
    """The tag states its whole expression: an exception's text quoted below it is another
    finding, not `Apache-2.0 WITH` it."""
    r = identify_text(f"# {SPDX_TAG}: Apache-2.0\n\n" + read_text("autoconf-exception-3.0"),
                      index=index, rules=rules)
    assert "WITH" not in r.expression
    assert r.expression == "apache-2.0 AND autoconf-exception-3.0"


def test_license_plus_code_is_not_a_modification(index: Index, rules: RuleIndex) -> None:
    code = "\n".join(f"def f{n}(x):\n    return x * {n} + len(str(x))\n" for n in range(40))
    r = identify_text(read_text("mit") + "\n\n" + code, index=index, rules=rules)
    assert r.result is Result.EXACT and r.license is not None and r.license.key == "mit"
    assert not r.differences


ADDED_TERMS = """
Additional terms. If the Licensee's annual gross revenue exceeds ten million US dollars, the
Licensee must obtain a separate commercial license from the copyright holder before any further
use, copying, modification or distribution of the Software. The Software may not be used for
the design, development or production of weapons of any kind. The copyright holder may revoke
the permissions granted in this license at any time and for any reason by written notice to the
Licensee, after which the Licensee shall cease all use of the Software and destroy all copies.
The Licensee shall not remove or alter these additional terms, which apply to every copy and
every substantial portion of the Software and prevail over the permission notice above in case
of conflict. Any use of the Software in breach of these terms terminates the license at once.
These terms are governed by the laws of the State of Delaware and any dispute shall be decided
exclusively by its courts, and the Licensee consents to their jurisdiction for all purposes.
"""


@pytest.mark.parametrize("where", ["after", "before"])
def test_added_license_prose_is_never_dropped(where: str, index: Index,
                                              rules: RuleIndex) -> None:
    mit = read_text("mit")
    text = mit + ADDED_TERMS if where == "after" else ADDED_TERMS + mit
    r = identify_text(text, index=index, rules=rules)
    assert r.result is not Result.EXACT and r.confidence < 1.0
    added = [d for d in r.differences if d.kind is DiffKind.ADDED]
    assert added and any("weapons" in d.found for d in added)


def test_apache_without_its_appendix_is_exact(index: Index, rules: RuleIndex) -> None:
    text = read_text("apache-2.0")
    body = text[: text.index("APPENDIX: How to apply")]
    alone = identify_text(body, index=index, rules=rules)
    assert alone.result is Result.EXACT and alone.license is not None
    assert alone.license.key == "apache-2.0"
    assert alone.matches[0].optional_absent
    code = "\n".join(f"def handler_{n}(event, context):\n    total = sum(event['items'][{n}:])"
                     f"\n    return {{'status': {200 + n}, 'total': total}}\n" for n in range(20))
    with_code = identify_text(body + "\n\n" + code, index=index, rules=rules)
    assert with_code.result is Result.EXACT, with_code.differences


@pytest.mark.parametrize("text", [
    "def get_license(pkg):\n    license = pkg.metadata.get('license')\n"
    "    if license is None:\n        return 'unknown'\n    return license\n",
    "LICENSE_FILE = 'LICENSE'\nwith open(LICENSE_FILE) as fh:\n    print(fh.read())\n",
])
def test_the_word_license_in_code_is_no_license(text: str, index: Index,
                                                 rules: RuleIndex) -> None:
    r = identify_text(text, index=index, rules=rules)
    assert r.result is Result.NONE and not r.expression


def test_a_list_of_license_names_is_not_the_files_license(index: Index,
                                                          rules: RuleIndex) -> None:
    names = ["MIT", "Apache-2.0", "GPL-2.0", "GPL-3.0", "LGPL-2.1", "BSD-3-Clause", "MPL-2.0",
             "EPL-2.0", "ISC", "Zlib", "AGPL-3.0", "CC0-1.0"]
    text = "{\n" + ",\n".join(f'  "{n}"' for n in names) + "\n}\n"
    r = identify_text(text, index=index, rules=rules)
    assert r.result is Result.NONE, r.expression


OTHER_TERMS = ("Portions of this software are licensed under the GNU Lesser General Public "
               "License, version 2.1.")


@pytest.mark.parametrize("key", ["bsd-new", "mit"])
def test_a_notice_set_into_a_license_text_is_found(key: str, index: Index,
                                                   rules: RuleIndex) -> None:
    """A notice of other terms inside a license text is words the text adds to its
    reference: found, not taken for part of the text."""
    paras = read_text(key).split("\n\n")
    half = len(paras) // 2
    text = "\n\n".join([*paras[:half], OTHER_TERMS, *paras[half:]])
    r = identify_text(text, index=index, rules=rules)
    assert set(r.license_keys) == {key, "lgpl-2.1"}, r.matches
    added = [d for d in r.differences if d.kind is DiffKind.ADDED]
    assert len(added) == 1 and added[0].chars is not None
    a, b = added[0].chars
    assert " ".join(text[a:b].split()) == added[0].found == OTHER_TERMS.rstrip(".")


def test_an_intro_added_before_a_text_introduces_it(index: Index, rules: RuleIndex) -> None:
    text = "This software is released under the following license:\n\n" + read_text("bsd-new")
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == ("bsd-new",), r.matches


def test_every_rule_is_found_where_it_stands(rules: RuleIndex) -> None:
    """Windows are hashed only where a rule can start: a rule of any length, set among other
    rules' words and unknown words, is found at its place (the start filter never misses)."""
    import numpy as np

    sample = list(range(0, len(rules.rules), 37))
    parts: list[np.ndarray] = []
    placed = []
    at = 0
    for r in sample:
        ids = rules.rule_ids(r).astype(np.int64)
        parts += [ids, np.array([-1], dtype=np.int64)]
        placed.append((r, at, at + len(ids)))
        at += len(ids) + 1
    hits = set(rules.exact(np.concatenate(parts)))
    lengths = {len(rules.rule_ids(r)) for r in sample}
    assert {1, 2, 3, 4} <= lengths  # every way of finding a rule is tried
    assert [p for p in placed if p not in hits] == []


def test_markup_words_are_dropped_as_the_rules_were_made(rules: RuleIndex) -> None:
    """A query's markup words ("a", "br", "amp") are skipped, as they were in the rules;
    its other words keep their ids, unknown ones -1."""
    from licentia.normalize import MARKUP_WORDS, rule_tokens

    text = "<p>Licensed under the MIT license &amp; a zzqx clause<br> GPLv2+</p>"
    words, _ = rule_tokens(text)
    every = ["p", *words[:4], "amp", "a", *words[4:], "br", "p"]
    ids, keep = rules.encode_without_markup(every)
    assert ids.tolist() == rules.encode(words).tolist()
    assert [w for w, k in zip(every, keep.tolist(), strict=True) if k] == words
    assert -1 in ids.tolist() and not MARKUP_WORDS & set(words)


def test_a_rule_at_the_edge_of_added_words_is_found() -> None:
    """An alignment may take a common word at the border of words it adds ("This" of
    "This program can be distributed under the terms of the GNU GPL" as the first word of a
    BSD text further down): the rule found there is still the text's addition."""
    from licentia.identify.found import Difference, Match
    from licentia.identify.partof import added_to as _added_to

    text = "This program can be distributed under the terms of the GNU GPL.\nSee COPYING.\n"
    hit = Match("gpl-1.0-plus", "reference", "gpl_87.RULE", 1, 1, 100.0, 1.0, span=(0, 13),
                chars=(0, text.index(".")))
    after = text.index("program")
    bsd = Match("bsd-simplified", "text", "x.RULE", 1, 40, 100.0, 0.9, differences=(
        Difference(DiffKind.ADDED, "", text[after:], 1, chars=(after, len(text) - 1)),))
    assert _added_to(bsd, hit, text)
    # two words outside what was added: the alignment matched them, they are its own
    later = text.index("can")
    bsd2 = Match("bsd-simplified", "text", "x.RULE", 1, 40, 100.0, 0.9, differences=(
        Difference(DiffKind.ADDED, "", text[later:], 1, chars=(later, len(text) - 1)),))
    assert not _added_to(bsd2, hit, text)


@pytest.mark.parametrize(("rule", "key"), [
    ("free-unknown-package_1.RULE", "free-unknown"),
    ("free-unknown_14.RULE", "free-unknown"),
    ("unknown-license-reference_416.RULE", "unknown-license-reference"),
])
def test_a_clue_that_a_license_stated_elsewhere_applies_is_found(
        rule: str, key: str, index: Index, rules: RuleIndex) -> None:
    """"Distributed under the same license as the package", "see LICENSE": the file is
    licensed, under terms stated elsewhere (as ScanCode reports such clues)."""
    text = "# Messages of the example tool\n# " + " ".join(read_rule_text(rule).split()) + \
        "\nmsgid \"Open\"\nmsgstr \"Offen\"\n"
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == (key,), r.matches
    assert r.matches[0].kind == "clue" and r.matches[0].start_line == 2


@pytest.mark.parametrize("rule", ["proprietary-license_272.RULE",
                                  "license-clue_warranty-disclaimer_2.RULE"])
def test_other_vague_clues_are_hints_not_findings(rule: str, index: Index,
                                                  rules: RuleIndex) -> None:
    """"Commercial Use", "Disclaimer of Warranty": words of ordinary prose, no license. In a
    file that states a license they speak of its terms: found (as ScanCode's clues)."""
    words = " ".join(read_rule_text(rule).replace("{{", "").replace("}}", "").split())
    text = f"# Notes\n\nSee the section {words} of the handbook before you start.\n"
    r = identify_text(text, index=index, rules=rules)
    assert r.result is Result.NONE, r.matches
    stated = read_rule_text("gpl-2.0_debian2.RULE").strip() + "\n\n" + text
    r = identify_text(stated, index=index, rules=rules)
    assert set(r.license_keys) == {"gpl-2.0", rules.rules[rules.by_source[rule]].expression}


def test_a_text_whose_words_the_reference_does_not_say_is_found(index: Index,
                                                                 rules: RuleIndex) -> None:
    """OpenSSH's licence quotes a 3-clause BSD text; a copy that kept the advertising clause
    is a 4-clause BSD text: the alignment matches most of its words to OpenSSH's and has the
    clause as words it adds, so more than a tenth of the rule's words are not the
    reference's and the rule is found beside OpenSSH's licence."""
    uc = read_text("bsd-original-uc")
    clause = next(p for p in uc.split("\n\n") if "All advertising" in p).strip().strip('"')
    text = read_text("openssh")
    at = text.index("     * 3. Neither the name of the University")
    text = text[:at] + "     " + clause + "\n" + text[at:].replace("3. Neither", "4. Neither", 1)
    r = identify_text(text, index=index, rules=rules)
    assert set(r.license_keys) == {"openssh", "bsd-original-uc"}, r.matches


def test_a_rule_most_of_whose_words_the_reference_says_is_part_of_it() -> None:
    """A tenth or less of a notice's words differing from the reference ("4-clause" where the
    reference says "3-clause") leaves the notice part of the aligned text; more than a tenth
    does not; a bare name, or a notice crossing the aligned text's last line, is judged by
    the other rules only."""
    from licentia.identify.found import Difference, Match
    from licentia.identify.partof import added_to as _added_to

    text = "Part of it is under a 4-clause BSD license, held by the University of California\n"
    hit = Match("bsd-original-uc", "notice", "bsd-original-uc_5.RULE", 1, 1, 100.0, 1.0,
                span=(4, 15), chars=(text.index("under"), len(text) - 1))
    four = text.index("4")

    def aligned(found: str, last_line: int = 9) -> Match:
        diff = Difference(DiffKind.CHANGED, "3", found, 1, chars=(four, four + len(found)))
        return Match("openssh", "text", "openssh.LICENSE", 1, last_line, 99.0, 0.99,
                     differences=(diff,))

    assert not _added_to(aligned("4"), hit, text)  # 1 word of 11
    assert _added_to(aligned("4-clause"), hit, text)  # 2 words of 11
    assert not _added_to(aligned("4-clause", last_line=0), hit, text)
    name = Match("bsd-new", "reference", "bsd-new_292.RULE", 1, 1, 100.0, 1.0, span=(10, 12),
                 chars=hit.chars)
    assert not _added_to(aligned("4-clause"), name, text)


def test_a_notice_an_alignment_only_touches_is_no_part_of_it() -> None:
    """A notice found word for word whose first word an approximate text's alignment took at
    its end (a tenth of its words or fewer) is no part of that text; one inside it is."""
    from licentia.identify.found import Match
    from licentia.identify.partof import added_to as _added_to

    text = ("Neither the name of the author may be used to endorse products.\nThis file is also "
            "available under the GNU General Public License version 2 or later, at your choice.\n")
    start = text.index("This")
    hit = Match("gpl-2.0-plus", "notice", "gpl-2.0-plus_x.RULE", 2, 2, 100.0, 1.0,
                chars=(start, len(text) - 1))

    def aligned(key: str, end: int) -> Match:
        return Match(key, "text", f"{key}.LICENSE", 1, 2, 95.0, 0.95, chars=(0, end))

    assert _added_to(aligned("bsd-new", start + len("This")), hit, text)  # 1 word of 18
    # a text of the notice's own license that matched all its words: part of it
    assert not _added_to(aligned("gpl-2.0-plus", len(text)), hit, text)
    assert _added_to(aligned("gpl-2.0-plus", start + len("This")), hit, text)


def test_an_alignment_whose_words_another_rule_says_is_no_finding(index: Index,
                                                                   rules: RuleIndex) -> None:
    """"This code is in the public domain and has no copyright", found word for word, also
    aligns with two thirds of a public-domain disclaimer ("This code is hereby placed in the
    public domain ..."): the words that alignment matched are the rule's, so the disclaimer
    is not reported beside it."""
    said = " ".join(read_rule_text("public-domain_7.RULE").replace("{{", "").replace("}}", "")
                    .split())
    text = f"/*\n**  This lexer has 4 states.\n**\n**  {said}\n*/\n"
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == ("public-domain",), r.matches


def test_a_notice_is_one_statement_not_words_spread_over_a_header(index: Index,
                                                                  rules: RuleIndex) -> None:
    """"Released under the terms of the GNU General Public license", then a driver's
    description and a list of versions ("Version 2.0.0 ..."): the words of a GPL-3.0-or-later
    notice are all there, but split by more words than the notice has. That is no such
    notice; the statement found word for word is the file's license."""
    said = " ".join(read_rule_text("gpl_9.RULE").replace("{{", "").replace("}}", "").split())
    text = ("/*\n\tscanner.c (c) 2003 Example Devices Ltd.\n\t\t" + said + "\n\n"
            "\tscanner.c is a low-level driver for the Example\n\t\t\"FLATBED\" USB scanner\n\n"
            "\tWritten by: Jane Roe     (dev@example.com)\n*/\n\n/*\n"
            "   Version 1.0.0 is the first driver, without source\n"
            "   Version 2.0.0 is the first to have source released\n"
            "   Version 2.0.1 fixes the version string\n*/\n")
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == ("gpl-1.0-plus",), r.matches


@pytest.mark.parametrize(("named", "found"), [
    ("the GNU General Public License,", {"gfdl-1.1"}),
    ("the\n`GNU General Public License <http://www.gnu.org/copyleft/gpl.html>`,",
     {"gfdl-1.1", "gpl-1.0-plus"}),
    ("the [GNU General Public\nLicense](http://www.gnu.org/copyleft/gpl.html),",
     {"gfdl-1.1", "gpl-1.0-plus"}),
], ids=["as-the-reference", "with-its-address", "as-a-markdown-link"])
def test_a_rule_saying_more_than_the_reference_stands_apart(named: str, found: set[str],
                                                            index: Index,
                                                            rules: RuleIndex) -> None:
    """The GFDL recommends "the GNU General Public License" for examples of code: as its
    reference says it, the name is part of the text; with the GPL's address after it (which
    the alignment skips as an address in angle brackets, or as a Markdown link's target),
    the rule naming the GPL with its address says more than the reference and is found
    beside the GFDL."""
    text = read_text("gfdl-1.1").replace("the GNU General Public License,", named)
    r = identify_text(text, index=index, rules=rules)
    assert set(r.license_keys) == found, r.matches


def test_a_copyright_line_never_sets_a_rule_apart(index: Index, rules: RuleIndex) -> None:
    """An older Free Software Foundation address in the GFDL's copyright line matches a rule
    for that address; a copyright line says who holds the text, not other terms, so the
    words it has beyond the reference do not set the rule apart from the text (its first
    sections, so that no rule of the whole text is found word for word)."""
    text = read_text("gfdl-1.1").replace(
        "Inc.\n     51 Franklin St, Fifth Floor, Boston, MA  02110-1301  USA",
        "Inc. 59 Temple Place, Suite 330, Boston, MA 02111-1307 USA")
    text = text[: text.index("4. MODIFICATIONS")]
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == ("gfdl-1.1",), r.matches


def test_an_intro_before_terms_nobody_knows_says_a_license_is_there(index: Index,
                                                                     rules: RuleIndex) -> None:
    """Beside a license found elsewhere, an intro ("... is licensed under the following
    terms:") followed by terms no reference holds says that some license is there
    (unknown-license-reference); the same intro followed, past a comment mark, by a notice
    found introduces that notice and is no finding of its own."""
    intro = "The frobnicator library is licensed under the following terms:"
    own = ("Holders of a blue card may frobnicate this widget on Tuesdays, and on no "
           "other day, for as long as the moon is full.")
    mit = "/*\n * Licensed under the MIT License.\n */\nint x;\n"
    r = identify_text(f"{mit}\n{intro}\n\n{own}\n", index=index, rules=rules)
    assert set(r.license_keys) == {"mit", "unknown-license-reference"}, r.matches
    r = identify_text(f"{intro}\n\n{mit}", index=index, rules=rules)
    assert r.license_keys == ("mit",), r.matches


def test_of_equally_long_rules_the_one_with_rarer_words_wins(index: Index,
                                                             rules: RuleIndex) -> None:
    """"GNU General Public License v3.0": two rules of four words overlap, "GNU General
    Public License" (any GPL) and "General Public License v3" (GPL-3.0); "v3" is rarer in
    the rules than "GNU", and says which GPL."""
    r = identify_text("GNU General Public License v3.0\n", index=index, rules=rules)
    assert r.license_keys == ("gpl-3.0",), r.matches


def test_a_notice_holding_small_rules_is_judged_by_words_not_lines(index: Index,
                                                                   rules: RuleIndex) -> None:
    """A GPL notice written into a string with a literal "\\n" ("(GPL)\\nand comes with NO
    WARRANTY") is no longer the rule word for word: it aligns with most of it. The rules
    found inside ("... General Public License (GPL)", "NO WARRANTY") share its one line but
    hold only half of its words: the notice stands, and they are parts of it."""
    said = " ".join(read_rule_text("gpl_65.RULE").replace("{{", "").replace("}}", "").split())
    text = '  description="' + said.replace(") and", ")\\nand") + '."\n'
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == ("gpl-1.0-plus",), r.matches


def test_an_intro_that_names_its_license_states_it(index: Index, rules: RuleIndex) -> None:
    """Sun's specification licenses open with "... is willing to license this specification
    to you only upon the condition ...", an intro the LicenseDB gives a license
    (proprietary-license): it states that license, as a notice does. Only an intro of an
    unknown license ("released under the following license:") introduces what follows."""
    said = " ".join(read_rule_text("license-intro_56.RULE").split())
    text = f'SUN MICROSYSTEMS, INC. ("SUN") IS {said}\n\n' + read_text("sun-jsr-spec-04-2006")
    r = identify_text(text, index=index, rules=rules)
    assert set(r.license_keys) == {"sun-jsr-spec-04-2006", "proprietary-license"}, r.matches


def test_a_debian_copyright_file_puts_its_files_under_the_licenses_it_names(
        index: Index, rules: RuleIndex) -> None:
    """A machine-readable Debian copyright file names a license in each stanza, between the
    files and their copyright holders: the files are under those licenses, however many.
    The same names one after another are a list of licenses, and put nothing under them."""
    names = ["MIT", "Apache-2.0", "GPL-2.0", "GPL-3.0", "LGPL-2.1", "BSD-3-Clause", "MPL-2.0",
             "EPL-2.0", "ISC", "Zlib", "AGPL-3.0", "CC0-1.0"]
    text = "".join(f"Files: thirdparty/lib{k}/*\nCopyright: 2001-2019 The lib{k} authors "
                   f"and contributors, all of them\nLicense: {name}\n\n"
                   for k, name in enumerate(names))
    alone = {k for stanza in text.split("\n\n") if stanza.strip()
             for k in identify_text(stanza + "\n", index=index, rules=rules).license_keys}
    assert len(alone) == len(names), alone
    r = identify_text(text, index=index, rules=rules)
    assert set(r.license_keys) == alone, r.license_keys
    listed = identify_text("".join(f"License: {n}\n" for n in names), index=index, rules=rules)
    assert listed.result is Result.NONE, listed.expression


def test_two_notices_sharing_a_sentence_are_both_found(index: Index, rules: RuleIndex) -> None:
    """A notice of a program's parts whose last sentence begins a longer notice of its terms
    (Eclipse OpenJ9's LICENSE): the longer one does not swallow the other, which names
    licenses it does not (as ScanCode keeps two matches overlapping a little)."""
    parts = read_rule_text(
        "epl-2.0_or_apache-2.0_or_gpl-2.0_with_openjdk-exception_and_others3.RULE").strip()
    terms = read_rule_text("epl-2.0_or_apache-2.0_4.RULE").strip()
    shared = parts.split("\n\n")[-1]
    assert terms.startswith(shared)
    r = identify_text(parts + terms[len(shared) :], index=index, rules=rules)
    assert {"unicode", "mit", "zlib", "openjdk-exception"} <= set(r.license_keys), r.expression
    assert "epl-1.0" not in r.license_keys  # "Eclipse Public License" is part of the notice


def test_names_in_a_file_stating_licenses_are_no_list(index: Index, rules: RuleIndex) -> None:
    """A distribution's copyright file states licenses in notices and names many more for its
    parts: those names put the parts under their licenses. Alone, they are a list."""
    names = ["MIT", "Apache-2.0", "GPL-2.0", "GPL-3.0", "LGPL-2.1", "BSD-3-Clause", "MPL-2.0",
             "EPL-2.0", "ISC", "Zlib", "AGPL-3.0", "CC0-1.0"]
    listed = "".join(f"License: {n}\n" for n in names)
    notices = "\n\n".join(read_rule_text(f"{k}.RULE") for k in ("gpl-2.0_debian2", "gpl_74"))
    r = identify_text(notices + "\n\n" + listed, index=index, rules=rules)
    assert len(set(r.license_keys)) > len(names), r.license_keys
    alone = identify_text(listed, index=index, rules=rules)
    assert alone.result is Result.NONE, alone.expression


def test_a_tag_rule_reads_an_id_spdx_lacks(index: Index, rules: RuleIndex) -> None:
    """"BSD" is no SPDX id; the LicenseDB has a rule for the whole tag (seen in Linux) that
    reads it as BSD-3-Clause: the rule reads it, not unknown-spdx. A tag without such a
    rule still says an id is unknown."""
    tagged = read_rule_text("gpl-2.0-plus_or_bsd-new_22.RULE").strip().lstrip("* ")
    r = identify_text(f"/*\n * {tagged}\n */\n", index=index, rules=rules)
    assert r.expression == "gpl-2.0-plus OR bsd-new", r.matches
    other = identify_text(f"/*\n * {SPDX_TAG}: (GPL-2.0+ OR NOSUCH)\n */\n", index=index,
                          rules=rules)
    assert "unknown-spdx" in other.license_keys


def test_long_classifiers_in_a_list_are_names_too(index: Index, rules: RuleIndex) -> None:
    """A list of Python classifiers names licenses; its long ones ("License :: OSI Approved ::
    Common Development and Distribution License 1.0 (CDDL-1.0)") are names like the rest."""
    names = ["MIT", "Apache-2.0", "GPL-2.0", "GPL-3.0", "LGPL-2.1", "BSD-3-Clause", "MPL-2.0",
             "EPL-2.0", "ISC", "Zlib", "AGPL-3.0", "CC0-1.0"]
    long = [" ".join(read_rule_text(f"{r}.RULE").split())
            for r in ("pypi_cddl-1.0", "pypi_cea_cnrs_inria_logiciel_libre_license_version_2_1")]
    text = "".join(f"License :: {n}\n" for n in names) + "".join(f"{c}\n" for c in long)
    r = identify_text(text, index=index, rules=rules)
    assert r.result is Result.NONE, r.expression


def test_an_intro_before_an_aside_still_says_a_license_is_there(index: Index,
                                                                 rules: RuleIndex) -> None:
    """"Some files might be distributed under other compatible licenses (e.g. a public domain
    dedication)": the bracketed example is no terms the intro introduces; other licenses
    are there (unknown-license-reference, as ScanCode reports it)."""
    intro = " ".join(read_rule_text("unknown-license-reference_255.RULE").split())
    example = " ".join(read_rule_text("public-domain_256.RULE").split())
    text = (f"# Some files of the library might be {intro}\n# (e.g. a {example}), but it is "
            "considered as a whole under one license.\n")
    keys = set(identify_text(text, index=index, rules=rules).license_keys)
    assert {"unknown-license-reference", "public-domain"} <= keys, keys


def test_a_heading_in_place_of_other_words_of_the_reference_is_found(index: Index,
                                                                     rules: RuleIndex) -> None:
    """A GFDL text whose header (version, copyright, verbatim copies) a document's own title
    block replaces, ending in the license's name as a heading: the alignment has the name
    among words changed from the reference's, which do not say it; the name is found (as
    ScanCode reads a bare GFDL name: this version or later) beside the text. A reworded
    name in their place is the text's own."""
    text = read_text("gfdl-1.1")
    body = text[text.index("0. PREAMBLE"):]
    title = ("The GNU Free Documentation License 1.1 for the Example handbook\n"
             "Last revised: June 2001 by the handbook team\n\n")
    r = identify_text(title + "GNU Free Documentation License\n\n" + body, index=index,
                      rules=rules)
    assert set(r.license_keys) == {"gfdl-1.1", "gfdl-1.1-plus"}, r.matches
    r = identify_text(title + body, index=index, rules=rules)
    assert set(r.license_keys) == {"gfdl-1.1"}, r.matches


def test_a_notice_holding_a_smaller_one_with_words_between_is_found(index: Index,
                                                                    rules: RuleIndex) -> None:
    """A notice under a "License Agreement." heading (a LicenseDB rule holds both) with a
    project's title and copyright set between the heading and the terms: the alignment
    holding the whole notice holds the terms, a notice of their own found whole; the
    larger finding stands for both, the words between included, and the heading is no
    intro of a license nobody knows."""
    said = read_rule_text("lgpl-2.1_and_apache-2.0.RULE").replace("{{", "").replace("}}", "")
    heading, terms = said.strip().split("\n", 1)
    assert heading == "License Agreement."
    text = (f"/**\n * {heading}\n *\n * Example Widgets 2.3 - drawing helpers for forms\n *\n"
            f" * Copyright (C) 2019 Example Corp.\n *\n{terms}\n")
    r = identify_text(text, index=index, rules=rules)
    assert r.license_keys == ("lgpl-2.1",), r.matches


def test_a_notice_around_another_finding_is_no_statement(rules: RuleIndex) -> None:
    """The matcher aligns the words other findings left: a GPL notice's first sentence may
    end one file's header and its last words the next one's, with that header's own notice
    found between. Words on both sides of another finding are no notice; a license text
    around one is still a text."""
    from licentia.identify.found import Match
    from licentia.identify.identifier import _merge

    inner = " ".join(read_rule_text("gpl-3.0-plus_332.RULE").replace("{{", "")
                     .replace("}}", "").split())
    text = ("You should have received a copy of the GNU General Public License\nalong with\n"
            f"{inner}\nIf not, see <http://www.gnu.org/licenses/>.\n")
    at = text.index(inner)
    found = Match("gpl-3.0-plus", "notice", "gpl-3.0-plus_332.RULE", 3, 3, 100.0, 1.0,
                  chars=(at, at + len(inner)))

    def outer(kind: str) -> Match:
        return Match("gpl-1.0-plus", kind, "gpl-1.0-plus_35.RULE", 1, 4, 100.0, 1.0,
                     chars=(0, len(text) - 1))

    kept = _merge(rules, [outer("notice"), found], [], text)
    assert [m.key for m in kept] == ["gpl-3.0-plus"], kept
    kept = _merge(rules, [outer("text"), found], [], text)
    assert sorted(m.key for m in kept) == ["gpl-1.0-plus", "gpl-3.0-plus"], kept


def test_a_notice_on_a_tag_line_read_is_the_tags(index: Index, rules: RuleIndex) -> None:
    """A tag whose expression is no valid one ("LGPL-2.1+ The author added a static linking
    exception, see License.txt") is unknown-spdx, though a LicenseDB notice has its words:
    the tag's parser reads its line (ScanCode matches nothing over a tag it read)."""
    notice = " ".join(read_rule_text("lgpl-2.1-plus_with_other-copyleft_1.RULE").split())
    r = identify_text(f"/*\n * {SPDX_TAG}: {notice}\n */\n#include <stdio.h>\n", index=index,
                      rules=rules)
    assert r.expression == "unknown-spdx", r.matches
