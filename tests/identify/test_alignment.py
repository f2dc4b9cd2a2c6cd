# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Approximate alignment against every LicenseDB rule: the rule that explains the most of a
notice wins over fragments of it, compound notices keep their expression, a license text
never yields to a near variant that says the opposite, and SPDX tags with ids SPDX lacks."""

from __future__ import annotations

import textwrap

import pytest

from licentia.catalog.licensedb import read_rule_text, read_text
from licentia.identify import identify_text
from licentia.identify.index import Index
from licentia.identify.matcher import DiffKind
from licentia.identify.rules import RuleIndex, get_rules
from licentia.normalize import SPDX_TAG


@pytest.fixture(scope="module")
def rules() -> RuleIndex:
    return get_rules()


GPL_HEADER = """# Copyright 2019-2024, Example Widgets LLC
#
# This file is part of Frobnicator.
#
# Frobnicator is free software: you can redistribute it and/or modify
# it under the terms of the GNU General Public License as published by
# the Free Software Foundation, either version 2 of the License, or
# (at your option) any later version.
#
# Frobnicator is distributed in the hope that it will be useful,
# but WITHOUT ANY WARRANTY; without even the implied warranty of
# MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
# GNU General Public License for more details.
#
# You should have received a copy of the GNU General Public License
# along with Frobnicator.  If not, see <http://www.gnu.org/licenses/>.
#

import os
"""


def test_a_whole_notice_is_one_license_not_its_fragments(index: Index,
                                                         rules: RuleIndex) -> None:
    # its last sentence alone is also a notice for "GPL, any version": part of this one
    r = identify_text(GPL_HEADER, index=index, rules=rules)
    assert r.expression == "gpl-2.0-plus", [(m.key, m.source) for m in r.matches]


MPL_TRI = """/* ***** BEGIN LICENSE BLOCK *****
 * Version: MPL 1.1/GPL 2.0/LGPL 2.1
 *
 * The contents of this file are subject to the Mozilla Public License Version
 * 1.1 (the "License"); you may not use this file except in compliance with
 * the License. You may obtain a copy of the License at
 * http://www.mozilla.org/MPL/
 *
 * Software distributed under the License is distributed on an "AS IS" basis,
 * WITHOUT WARRANTY OF ANY KIND, either express or implied. See the License
 * for the specific language governing rights and limitations under the
 * License.
 *
 * The Original Code is the Example Widget Toolkit.
 *
 * The Initial Developer of the Original Code is
 * Example Widgets LLC.
 * Portions created by the Initial Developer are Copyright (C) 2004
 * the Initial Developer. All Rights Reserved.
 *
 * Contributor(s):
 *   Jane Doe <jane@example.org>
 *
 * Alternatively, the contents of this file may be used under the terms of
 * either the GNU General Public License Version 2 or later (the "GPL"), or
 * the GNU Lesser General Public License Version 2.1 or later (the "LGPL"),
 * in which case the provisions of the GPL or the LGPL are applicable instead
 * of those above. If you wish to allow use of your version of this file only
 * under the terms of either the GPL or the LGPL, and not to allow others to
 * use your version of this file under the terms of the MPL, indicate your
 * decision by deleting the provisions above and replace them with the notice
 * and other provisions required by the GPL or the LGPL. If you do not delete
 * the provisions above, a recipient may use your version of this file under
 * the terms of any one of the MPL, the GPL or the LGPL.
 *
 * ***** END LICENSE BLOCK ***** */
int widget;
"""


def test_a_compound_notice_keeps_its_expression(index: Index, rules: RuleIndex) -> None:
    r = identify_text(MPL_TRI, index=index, rules=rules)
    assert set(r.license_keys) == {"mpl-1.1", "gpl-2.0-plus", "lgpl-2.1-plus"}, r.expression
    assert " OR " in r.expression and " AND " not in r.expression


BSD_3 = """Copyright (c) 2007 Jane Doe <jane@example.org>
All rights reserved.

Redistribution and use in source and binary forms, with or without
modification, are permitted provided that the following conditions
are met:
1. Redistributions of source code must retain the above copyright
   notice, this list of conditions and the following disclaimer.
2. Redistributions in binary form must reproduce the above copyright
   notice, this list of conditions and the following disclaimer in the
   documentation and/or other materials provided with the distribution.
3. The name of the author may not be used to endorse or promote products
   derived from this software without specific prior written permission.

THIS SOFTWARE IS PROVIDED BY THE AUTHOR ``AS IS'' AND ANY EXPRESS OR
IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY DIRECT, INDIRECT,
INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
(INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
"""


def test_may_not_endorse_is_bsd_3_clause_and_may_endorse_is_not(index: Index,
                                                                 rules: RuleIndex) -> None:
    # one word apart: the license the LicenseDB has for "may be used to endorse" is not the
    # closest text of "may not be used to endorse", whatever its own text's bonus
    r = identify_text(BSD_3, index=index, rules=rules)
    assert r.expression == "bsd-new", [(m.key, m.source) for m in r.matches]
    allowed = identify_text(BSD_3.replace("may not be used", "may be used"), index=index,
                            rules=rules)
    assert allowed.expression == "bsd-endorsement-allowed", allowed.matches


def test_a_deprecated_spdx_id_is_what_replaced_it(index: Index, rules: RuleIndex) -> None:
    r = identify_text(f"/* {SPDX_TAG}: eCos-2.0 */\nint x;\n", index=index, rules=rules)
    assert r.expression == "gpl-2.0-plus WITH ecos-exception-2.0"
    assert r.spdx_expression == "GPL-2.0-or-later WITH eCos-exception-2.0"


def test_an_spdx_id_nobody_knows_is_unknown_spdx(index: Index, rules: RuleIndex) -> None:
    r = identify_text(f"# {SPDX_TAG}: MIT OR Frobnicator-9.9\n", index=index, rules=rules)
    assert r.expression == "mit OR unknown-spdx"  # never the id as if it were a license key
    assert any("Frobnicator-9.9" in n for n in r.notes)
    bad = identify_text(f"# {SPDX_TAG}: MIT OR OR Apache-2.0\n", index=index, rules=rules)
    assert set(bad.license_keys) == {"unknown-spdx", "mit", "apache-2.0"}
    assert any("not a valid expression" in n for n in bad.notes)


@pytest.mark.parametrize(("tag", "expression"), [
    ("comments 'SPDX_TAG: LicenseRef-Proprietary-HERE'", "here-proprietary"),
    ("/* SPDX_TAG: (MIT OR Apache-2.0 */", "mit OR apache-2.0"),
    ("SPDX_TAG: GPL 2.0+ BSD-3-Clause", "gpl-2.0-plus OR bsd-new"),
], ids=["quoted", "lone-parenthesis", "list-of-ids"])
def test_a_tag_is_read_as_scancode_reads_it(tag: str, expression: str, index: Index,
                                            rules: RuleIndex) -> None:
    """Punctuation around a tag's expression is not part of it, a lone parenthesis is a slip,
    an id of several words the LicenseDB knows ("GPL 2.0+") is one id, and a bare list of
    ids is a choice of them (U-Boot's style): none of these is an unreadable tag."""
    r = identify_text(tag.replace("SPDX_TAG", SPDX_TAG) + "\n", index=index, rules=rules)
    assert r.expression == expression, (r.matches, r.notes)


FILLER = ("The widgets are built with make, and the parts are sent to the people who asked "
          "for them by post, once a week, after a careful look at each of them. ") * 5


@pytest.mark.parametrize("key", ["bsd-new", "mit", "zlib"])
def test_a_text_whose_first_words_stand_far_above_is_aligned_from_them(
        key: str, index: Index, rules: RuleIndex) -> None:
    """A license's first words also in a table of contents far above it: the text is aligned
    from its own first words, not reported without them (one word differs, so it is aligned,
    not found verbatim)."""
    text = read_text(key)
    toc = f"Contents\n\n1. {' '.join(text.split()[:3])}\n2. How to build the widgets\n\n"
    r = identify_text(toc + FILLER + "\n\n" + text.replace(" the ", " our ", 1),
                      index=index, rules=rules)
    (m,) = [m for m in r.matches if m.key == key]
    assert [(d.kind, d.reference) for d in m.differences] == [(DiffKind.CHANGED, "the")]


NAVIGATION = " ".join(f'<li><a href="/guide/{k}.html">Section {k} of the developer guide</a></li>'
                      for k in range(40))


def test_a_title_far_above_a_text_is_no_part_of_it(index: Index, rules: RuleIndex) -> None:
    """A web page's <title> holds the license's title, its navigation hundreds of words stand
    between that and the text: the text is aligned without the title (which says a license
    is there, as ScanCode's intro does), not with the navigation as words added to it."""
    text = read_rule_text("android-sdk-preview-2015_1.RULE").strip()
    title, body = text.split("\n\n", 1)
    page = (f"<html><head><title>{title} | Example</title></head>\n<body>\n"
            f"<ul>{NAVIGATION}</ul>\n<p>\n{body}\n</p></body></html>\n")
    r = identify_text(page, index=index, rules=rules)
    (m,) = [m for m in r.matches if m.key == "android-sdk-preview-2015"]
    assert m.start_line == 5 and not [d for d in m.differences if d.kind is DiffKind.ADDED]


def test_a_version_wrapped_to_the_next_line_is_that_version(index: Index,
                                                            rules: RuleIndex) -> None:
    """"... Mozilla Public License Version\\n * 1.1 (the "License")": the number is MPL's
    version (not list numbering), and a notice of another version is no match for it."""
    words = " ".join(read_rule_text("mpl-1.0_22.RULE").replace("{{", "").replace("}}", "")
                     .split())
    head, tail = words.split(" Version 1.0 ")
    lines = [*textwrap.wrap(head + " Version", 70), *textwrap.wrap("1.1 " + tail, 70)]
    text = "/*\n" + "\n".join(f" * {line}" for line in lines) + "\n */\n"
    assert identify_text(text, index=index, rules=rules).expression == "mpl-1.1"


def test_a_notice_naming_another_license_is_that_ones(index: Index, rules: RuleIndex) -> None:
    """The PfTijah Public License notice is MPL-1.1's with its name in place of Mozilla's: an
    MPL-1.1 notice (naming Mozilla) is no changed PfTijah notice."""
    notice = read_rule_text("pftijah-1.1_1.RULE").replace("{{", "").replace("}}", "")
    mozilla = notice.replace("http://dbappl.cs.utwente.nl/Legal/PfTijah-1.1.html",
                             "http://www.mozilla.org/MPL/").replace("PfTijah", "Mozilla")
    keys = set(identify_text(mozilla, index=index, rules=rules).license_keys)
    assert "mpl-1.1" in keys and "pftijah-1.1" not in keys, keys


# short LicenseDB texts, each found alone as its own license
MANY = ["abrms", "abstyles", "ac3filter", "adobe-postscript", "adobe-utopia", "adrian", "adsl",
        "aes-128-3.0", "afmparse", "agpl-2.0", "amd-historical", "amlogic-linux-firmware",
        "antlr-pd", "anu-license", "any-osi-perl-modules", "apafml", "apple-attribution",
        "apple-attribution-1997", "apple-mpeg-4", "apple-sscl", "arm-cortex-mx",
        "autosar-proprietary", "baekmuk-fonts", "barr-tex", "bcrypt-solar-designer",
        "biopython", "blas-2017", "bloomberg-blpapi", "bola11", "borceux",
        "boutell-libgd-2021", "brent-corkum", "bruno-podetti", "bsd-1988", "bsd-artwork",
        "bsd-credit", "bytemark", "capec-tou", "carnegie-mellon", "chris-maunder"]


def test_every_text_of_a_long_notices_file_is_found(index: Index, rules: RuleIndex) -> None:
    """A distribution's third-party notices hold dozens of licenses, each a little changed
    (so aligned, not found verbatim): every one is found, not only the first 32."""
    assert len(MANY) > 32
    text = "\n\n----\n\n".join(f"Part {n}:\n\n" + read_text(k).replace(" the ", " our ", 1)
                               for n, k in enumerate(MANY))
    assert set(identify_text(text, index=index, rules=rules).license_keys) == set(MANY)


def test_a_short_text_among_many_is_its_own_license(index: Index, rules: RuleIndex) -> None:
    """The JSON license is MIT's text and "used for Good, not Evil": among dozens of licenses
    the candidates of the whole text miss it, and its words align as a changed MIT text; the
    candidates of those words alone find it."""
    permissive = ["mit", "json", "isc", "bsd-new", "bsd-simplified", "zlib", "x11"]
    keys = [*MANY[:20], *permissive, *MANY[20:]]
    text = "\n\n----\n\n".join(f"Part {n}:\n\n" + read_text(k).replace(" the ", " our ", 1)
                               for n, k in enumerate(keys))
    assert set(identify_text(text, index=index, rules=rules).license_keys) == set(keys)


def test_a_rival_whose_reference_reaches_past_the_pick_is_aligned_with_more_words(
        index: Index) -> None:
    """MIT's text found where the X Consortium license names Daniel Veillard in its last
    clause ("Except as contained in this notice, the name of ... shall not be used ..."):
    no candidate for the words picked explains them better, but one aligned with as many
    words more as its reference had left unmatched holds the pick and the clause, and is
    taken (ScanCode aligns with the whole run of text)."""
    import numpy as np

    from licentia.identify import matcher
    from licentia.normalize import tokenize

    veillard = read_text("x11-xconsortium-veillard").replace(
        "COPYRIGHT HOLDER", "DANIEL VEILLARD").replace("the copyright holder", "Daniel Veillard")
    text = read_text("gpl-2.0") + "\n\n" + veillard
    qtok = tokenize(text)
    ids = index.encode(qtok.words)
    remaining = np.arange(len(qtok), dtype=np.int64)
    sub = matcher.as_chars(ids, len(index.word_ids))
    mit = next(r for r, info in enumerate(index.refs) if info.source == "mit_1.RULE")
    aligned = matcher._ranked(index, [(mit, 1.0)], sub, ids)
    a = aligned.first()
    m = matcher._match_of(index, a, aligned, remaining, ids, qtok, text)
    assert m.key == "mit" and not m.exact
    closer = matcher._closer(index, (a, m), sub, aligned, remaining, ids, qtok, text, None)
    _, rival = matcher._nearby_rival(index, closer, sub, aligned, remaining, ids, qtok, text,
                                     None)
    assert rival.key == "x11-xconsortium-veillard", rival
    assert rival.start_line == m.start_line and rival.end_line > m.end_line
