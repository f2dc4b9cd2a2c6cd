# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Whether a notice found by alignment is one statement.

A notice says its terms in one run of words. The matcher aligns a reference with the words
of a text that other findings left, and may take a notice's words from places a statement
does not join: split by a run of other words, or around another finding.
"""

from __future__ import annotations

from licentia.identify.classify import FULL
from licentia.identify.found import DiffKind, Match
from licentia.normalize import rule_tokens


def split(m: Match, text: str) -> bool:
    """Whether a notice found by alignment is split by words the text puts inside it: a run
    of them (added, or in place of the reference's) longer than the notice's words found
    ("Released under the terms of the GNU GPL", a driver's description, "Version 2.0.0" is
    no GPL-3.0-or-later notice). A notice is one statement; a text may hold other words."""
    if m.kind in FULL or m.chars is None:
        return False
    a, b = m.chars
    inside = [d.chars for d in m.differences
              if d.kind is not DiffKind.REMOVED and d.chars is not None
              and a < d.chars[0] and d.chars[1] < b]
    if not inside:
        return False
    words, starts = rule_tokens(text[a:b])
    at = [(a + s, a + s + len(w)) for w, s in zip(words, starts, strict=True)]
    matched = sum(1 for c in at if not any(d.holds(c) for d in m.differences))
    return any(sum(1 for c in at if d[0] <= c[0] and c[1] <= d[1]) > matched for d in inside)


def around(m: Match, found: list[Match]) -> bool:
    """Whether a notice found by alignment lies around another text or notice found: the
    matcher aligns the words other findings left, so a notice's first words may come from
    the end of one statement and its last from another beyond a third ("You should have
    received a copy of the GNU General Public License along with" closing one file's
    header, "If not, see <http://www.gnu.org/licenses/>." closing the next one's). A notice
    is one statement: words on both sides of another finding are none. (A whole license
    text may hold another's notice: that one is set into it.)"""
    if m.kind in FULL or m.chars is None:
        return False
    return any(x is not m and x.chars is not None and m.chars[0] < x.chars[0]
               and x.chars[1] < m.chars[1] for x in found)
