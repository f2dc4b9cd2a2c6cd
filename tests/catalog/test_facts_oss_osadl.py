# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Facts of the term sheets written for the licenses of the OSADL matrix, read from the packaged
sheets: copyleft scope, conversions the text allows, duties beyond keeping notices, patents,
hosting. (Every quote is checked against the LicenseDB text by test_terms.py.)"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from licentia.catalog.catalog import catalog
from licentia.catalog.terms import (
    ClauseKind,
    CopyleftScope,
    Sheet,
    all_sheets,
    parse_sheet,
    sheet_for,
)
from licentia.errors import DataError

# copyleft scope of each license's term sheet, by SPDX id; the rest of the OSADL licenses
# written for issue 11 have none
FILE = ["APSL-2.0", "CDDL-1.0", "CDDL-1.1", "CPL-1.0", "EPL-1.0", "IPL-1.0", "MPL-1.1",
        "MPL-2.0-no-copyleft-exception", "MS-PL", "MS-RL"]
LIBRARY = ["LGPL-2.0-only", "LGPL-2.0-or-later", "LGPL-2.1-or-later", "LGPL-3.0-or-later"]
WORK = ["GPL-1.0-only", "GPL-1.0-or-later", "OSL-3.0", "Sleepycat"]
NETWORK = ["AGPL-3.0-or-later"]
NONE = ["AFL-2.0", "AFL-2.1", "AFL-3.0", "Apache-1.0", "Apache-1.1", "Artistic-1.0",
        "Artistic-1.0-Perl", "Artistic-2.0", "Bitstream-Vera", "blessing", "BlueOak-1.0.0",
        "BSD-1-Clause", "BSD-2-Clause-Patent", "BSD-3-Clause-Open-MPI", "BSD-4-Clause",
        "BSD-4-Clause-UC", "BSD-4.3TAHOE", "BSD-Source-Code", "BSL-1.0", "bzip2-1.0.6",
        "CC-BY-2.5", "CC-BY-3.0", "curl", "ECL-1.0", "ECL-2.0", "EFL-2.0", "FSFAP", "FSFUL",
        "FSFULLR", "FSFULLRWD", "FTL", "HPND", "IBM-pibs", "ICU", "IJG", "ImageMagick",
        "Info-ZIP", "JasPer-2.0", "Libpng", "libpng-2.0", "libtiff",
        "LicenseRef-scancode-bsla-no-advert", "LicenseRef-scancode-info-zip-2003-05",
        "LicenseRef-scancode-ppp", "Minpack", "MirOS", "MIT-0", "MIT-CMU", "NBPL-1.0", "NCSA",
        "NTP", "OGC-1.0", "OLDAP-2.8", "OpenSSL", "PHP-3.01", "PostgreSQL", "PSF-2.0",
        "Python-2.0", "Qhull", "RSA-MD", "SGI-B-2.0", "SMLNJ", "Spencer-86", "SSH-OpenSSH",
        "SSH-short", "SunPro", "TCL", "TCP-wrappers", "Unicode-3.0", "Unicode-DFS-2015",
        "Unicode-DFS-2016", "UPL-1.0", "W3C", "W3C-19980720", "W3C-20150513", "WTFPL", "X11",
        "XFree86-1.1", "Zlib", "zlib-acknowledgement", "ZPL-2.0"]
SCOPE = {**dict.fromkeys(FILE, "file"), **dict.fromkeys(LIBRARY, "library"),
         **dict.fromkeys(WORK, "work"), **dict.fromkeys(NETWORK, "network"),
         **dict.fromkeys(NONE, "none")}
# licenses the text lets the material go under
CONVERSIONS = {
    "LGPL-2.0-or-later": {"LGPL-2.1-only", "LGPL-3.0-only", "GPL-2.0-only", "GPL-3.0-only"},
    "LGPL-2.1-or-later": {"LGPL-3.0-only", "GPL-2.0-only", "GPL-3.0-or-later"},
    "LGPL-3.0-or-later": {"LGPL-3.0-only", "GPL-3.0-only", "GPL-3.0-or-later"},
    "AGPL-3.0-or-later": {"AGPL-3.0-only", "GPL-3.0-only"},
    "GPL-1.0-or-later": {"GPL-2.0-only", "GPL-3.0-or-later"},
    "EPL-1.0": {"EPL-2.0"},
    "CPL-1.0": {"EPL-1.0", "EPL-2.0"},
    "MPL-1.1": {"MPL-2.0"},
    "CDDL-1.0": {"CDDL-1.1"},
}
NO_CONVERSION = ["IPL-1.0", "CDDL-1.1", "MS-RL", "OSL-3.0", "Sleepycat", "GPL-1.0-only",
                 "MPL-2.0-no-copyleft-exception"]
# the duties beyond keeping notices each license imposes
EXTRA = {
    "Apache-1.0": {"advertising", "product-name"},
    "Apache-1.1": {"documentation-acknowledgement", "product-name"},
    "Bitstream-Vera": {"product-name"},
    "BSD-4-Clause": {"advertising"},
    "BSD-4.3TAHOE": {"advertising"},
    "FTL": {"documentation-acknowledgement"},
    "IJG": {"documentation-acknowledgement"},
    "LicenseRef-scancode-bsla-no-advert": {"documentation-acknowledgement"},
    "Minpack": {"documentation-acknowledgement"},
    "OpenSSL": {"advertising", "product-name"},
    "PHP-3.01": {"product-name"},
    "PSF-2.0": {"change-summary"},
    "Python-2.0": {"change-summary"},
    "XFree86-1.1": {"documentation-acknowledgement"},
    "zlib-acknowledgement": {"documentation-acknowledgement"},
}
PATENT_TERMINATION = ["AFL-2.0", "AFL-2.1", "AFL-3.0", "APSL-2.0", "Artistic-2.0", "CDDL-1.0",
                      "CDDL-1.1", "CPL-1.0", "ECL-2.0", "EPL-1.0", "IPL-1.0", "MPL-1.1",
                      "MS-PL", "MS-RL", "OSL-3.0"]
NO_PATENT_TERMINATION = ["BlueOak-1.0.0", "BSD-2-Clause-Patent", "ImageMagick", "UPL-1.0",
                         "MIT-0", "Zlib", "BSL-1.0"]
# "distribution" that counts network use or hosting by the license's own definition
HOSTING = ["APSL-2.0", "OSL-3.0"]


def sheet(spdx: str) -> Sheet:
    lic = catalog().lookup(spdx)
    assert lic is not None, spdx
    found = sheet_for(lic.key)
    assert found is not None, f"no term sheet for {spdx} ({lic.key})"
    return found


def named(s: Sheet) -> set[str]:
    return {t for c in s.clauses for t in c.value.compatible_with or ()}


@pytest.mark.parametrize(("spdx", "scope"), sorted(SCOPE.items()))
def test_copyleft_scope(spdx: str, scope: str) -> None:
    s = sheet(spdx)
    assert s.family in ("oss", "data")
    assert s.facts.copyleft is CopyleftScope(scope)
    copyleft = [c for c in s.clauses if c.kind is ClauseKind.COPYLEFT]
    assert bool(copyleft) is (scope != "none")
    assert all(c.value.copyleft_scope is CopyleftScope(scope) and c.flows_down
               and c.value.trigger in ("distribution", "network-use") for c in copyleft)
    assert any(c.kind is ClauseKind.PERMISSION for c in s.clauses)


@pytest.mark.parametrize(("spdx", "targets"), sorted(CONVERSIONS.items()))
def test_conversions_the_text_allows(spdx: str, targets: set[str]) -> None:
    assert targets <= named(sheet(spdx))


@pytest.mark.parametrize("spdx", NO_CONVERSION)
def test_no_conversion_without_a_clause_for_it(spdx: str) -> None:
    assert not named(sheet(spdx))


@pytest.mark.parametrize("spdx", sorted(SCOPE))
def test_duties_beyond_notices(spdx: str) -> None:
    kinds = {c.value.extra_requirement for c in sheet(spdx).clauses} - {None}
    assert kinds == EXTRA.get(spdx, set())
    assert all(c.kind is ClauseKind.CONDITION for c in sheet(spdx).clauses
               if c.value.extra_requirement)


@pytest.mark.parametrize("spdx", PATENT_TERMINATION)
def test_patent_retaliation(spdx: str) -> None:
    assert any(c.value.patent_termination_on_litigation for c in sheet(spdx).clauses)


@pytest.mark.parametrize("spdx", NO_PATENT_TERMINATION)
def test_no_patent_retaliation(spdx: str) -> None:
    assert not any(c.value.patent_termination_on_litigation for c in sheet(spdx).clauses)


@pytest.mark.parametrize("spdx", HOSTING)
def test_hosting_counts_as_distribution_where_the_text_says_so(spdx: str) -> None:
    hosting = [c for c in sheet(spdx).clauses if c.value.hosted_is_distribution]
    assert hosting and hosting[0].kind is ClauseKind.DEFINITION


def test_openssl_forbids_relicensing_and_gpl_family_forbids_further_restrictions() -> None:
    assert any(c.value.relicensable is False for c in sheet("OpenSSL").clauses)
    for spdx in ("GPL-1.0-only", "LGPL-2.0-only", "MPL-1.1", "CDDL-1.0", "APSL-2.0"):
        assert any(c.id == "no-further-restrictions" for c in sheet(spdx).clauses), spdx


def test_bsd_4_clause_uc_carries_the_rescission_not_the_advertising_clause() -> None:
    s = sheet("BSD-4-Clause-UC")
    assert not any(c.value.extra_requirement for c in s.clauses)
    assert any("no longer required to include the acknowledgement" in e.quote
               for c in s.clauses for e in c.evidence)


def test_mit0_needs_no_notice_and_zlib_only_in_source() -> None:
    assert not [c for c in sheet("MIT-0").clauses if c.kind is ClauseKind.CONDITION]
    notice = next(c for c in sheet("Zlib").clauses if c.id == "notice")
    assert "from any source distribution" in notice.evidence[0].quote


def test_x11_and_icu_are_distinct_sheets() -> None:
    # the LicenseDB key x11 is SPDX ICU; SPDX X11 is x11-xconsortium
    assert sheet("ICU").license == "x11" and sheet("X11").license == "x11-xconsortium"


BAD = """
license: mit
title: MIT
version: "1"
family: oss
facts: {osi_approved: true, fsf_free: true, osaid_any_purpose: true,
        commercial_use: "yes", copyleft: none}
"""


def test_extra_requirement_is_validated() -> None:
    bad = BAD + """clauses:
  - id: ads
    kind: condition
    title: x
    value: {extra_requirement: billboard}
    evidence: [{quote: "Permission is hereby granted", section: "1"}]
"""
    with pytest.raises(DataError, match=r"clauses\[ads\]\.value\.extra_requirement"):
        parse_sheet(bad, "terms/mit.yaml")


def test_a_licensedb_rule_document_name_is_validated() -> None:
    bad = BAD + """documents:
  - {id: full, title: x, licensedb_rule: ../../etc/passwd}
clauses:
  - id: grant
    kind: permission
    title: x
    evidence: [{quote: "Permission is hereby granted", section: "1"}]
"""
    with pytest.raises(DataError, match=r"documents\[full\]\.licensedb_rule"):
        parse_sheet(bad, "terms/mit.yaml")


def _spdx_list() -> dict[str, dict[str, object]] | None:
    """The SPDX License List data as the `reuse` tool ships it (a development dependency);
    located, never imported (reuse is GPL)."""
    spec = importlib.util.find_spec("reuse")
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent / "resources" / "licenses.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return {lic["licenseId"]: lic for lic in data["licenses"]}


def test_osi_and_fsf_facts_agree_with_the_spdx_license_list() -> None:
    listed = _spdx_list()
    if listed is None:
        pytest.skip("the SPDX License List (shipped with reuse) is not installed")
    wrong = []
    for key, s in all_sheets().items():
        lic = catalog().get(key)
        entry = next((listed[i] for i in (lic.spdx, *lic.other_spdx) if i in listed), None) \
            if lic is not None and s.family != "ai" else None
        if entry is None:
            continue
        expected = (bool(entry.get("isOsiApproved")), bool(entry.get("isFsfLibre")))
        if (s.facts.osi_approved, s.facts.fsf_free) != expected:
            wrong.append((key, expected))
    assert not wrong


# beyond the OSADL matrix: licenses the Hugging Face Hub offers as tags, and the OFL
@pytest.mark.parametrize(("spdx", "scope", "nc", "nd", "sa"), [
    ("OFL-1.1", "file", False, False, False),
    ("CC-BY-SA-3.0", "work", False, False, True),
    ("CC-BY-NC-3.0", "none", True, False, False),
    ("CC-BY-NC-SA-3.0", "work", True, False, True),
    ("CC-BY-NC-ND-3.0", "none", True, True, False),
])
def test_hub_and_font_licenses(spdx: str, scope: str, nc: bool, nd: bool, sa: bool) -> None:
    s = sheet(spdx)
    assert s.facts.copyleft is CopyleftScope(scope)
    assert any(c.value.non_commercial for c in s.clauses) is nc
    assert (s.facts.commercial_use == "no") is nc and s.facts.osaid_any_purpose is not nc
    assert any(c.value.no_derivatives for c in s.clauses) is nd
    assert any(c.value.share_alike for c in s.clauses) is sa


def test_cc_by_sa_3_adaptations_may_move_to_a_later_version() -> None:
    assert named(sheet("CC-BY-SA-3.0")) == {"CC-BY-SA-4.0"}
    assert named(sheet("CC-BY-NC-SA-3.0")) == {"CC-BY-NC-SA-4.0"}


def test_ofl_fonts_never_go_under_another_license_but_documents_are_free() -> None:
    s = sheet("OFL-1.1")
    assert any(c.value.relicensable is False for c in s.clauses)
    assert any(c.value.output_use == "unrestricted" for c in s.clauses)
    assert {c.value.extra_requirement for c in s.clauses} >= {"product-name"}


def test_clear_bsd_grants_no_patents_and_cdla_1_leaves_results_free() -> None:
    assert any(c.value.patent_grant is False for c in sheet("BSD-3-Clause-Clear").clauses)
    cdla = sheet("CDLA-Permissive-1.0")
    assert any(c.value.output_use == "unrestricted" for c in cdla.clauses)
    assert named(cdla) == {"CDLA-Permissive-2.0"}
    assert cdla.family == "data"


@pytest.mark.parametrize(("spdx", "nc", "sa"), [
    ("CC-BY-2.0", False, False), ("CC-BY-NC-2.0", True, False), ("CC-BY-NC-SA-2.0", True, True),
])
def test_cc_2_0_hub_licenses(spdx: str, nc: bool, sa: bool) -> None:
    s = sheet(spdx)
    assert s.family == "data" and (s.facts.commercial_use == "no") is nc
    assert any(c.value.non_commercial for c in s.clauses) is nc
    assert any(c.value.share_alike for c in s.clauses) is sa


def test_pddl_is_a_dedication_without_conditions() -> None:
    s = sheet("PDDL-1.0")
    assert not [c for c in s.clauses if c.kind is ClauseKind.CONDITION]
    assert any(c.value.patent_grant is False for c in s.clauses)


def test_etalab_asks_only_attribution() -> None:
    s = sheet("etalab-2.0")
    conditions = {c.id for c in s.clauses if c.kind is ClauseKind.CONDITION}
    assert "attribution" in conditions and s.facts.commercial_use == "yes"
    assert s.facts.copyleft is CopyleftScope.NONE
