# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Facts of the open source and data license term sheets, read from the packaged sheets."""

from __future__ import annotations

import pytest

from licentia.catalog.catalog import catalog
from licentia.catalog.terms import Clause, ClauseKind, CopyleftScope, Sheet, sheet_for

OSS_DATA = [
    "Apache-2.0",
    "MIT",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "ISC",
    "0BSD",
    "Unlicense",
    "CC0-1.0",
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "AGPL-3.0-only",
    "MPL-2.0",
    "EPL-2.0",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-NC-ND-4.0",
    "ODC-By-1.0",
    "ODbL-1.0",
    "CDLA-Permissive-2.0",
    "CDLA-Sharing-1.0",
]
CC = [
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-ND-4.0",
    "CC-BY-NC-ND-4.0",
]
NC = {"CC-BY-NC-4.0", "CC-BY-NC-SA-4.0", "CC-BY-NC-ND-4.0"}
ND = {"CC-BY-ND-4.0", "CC-BY-NC-ND-4.0"}
SHARE_ALIKE = {"CC-BY-SA-4.0", "CC-BY-NC-SA-4.0", "ODbL-1.0", "CDLA-Sharing-1.0"}
GPL_FAMILY = [
    "GPL-2.0-only",
    "GPL-2.0-or-later",
    "GPL-3.0-only",
    "GPL-3.0-or-later",
    "LGPL-2.1-only",
    "LGPL-3.0-only",
    "AGPL-3.0-only",
]


def sheet(spdx: str) -> Sheet:
    lic = catalog().lookup(spdx)
    assert lic is not None, spdx
    found = sheet_for(lic.key)
    assert found is not None, f"no term sheet for {spdx} ({lic.key})"
    return found


def clause(s: Sheet, clause_id: str) -> Clause:
    for c in s.clauses:
        if c.id == clause_id:
            return c
    raise AssertionError(f"{s.license}: no clause {clause_id!r}")


def quotes(c: Clause) -> str:
    return " ".join(ev.quote for ev in c.evidence)


@pytest.mark.parametrize("spdx", OSS_DATA)
def test_every_license_has_a_sheet_with_a_grant(spdx: str) -> None:
    s = sheet(spdx)
    assert s.family in {"oss", "data"}
    assert any(c.kind is ClauseKind.PERMISSION for c in s.clauses)


def test_gpl3_copyleft_triggers_on_conveying_not_network_use() -> None:
    gpl = sheet("GPL-3.0-only")
    copyleft = [c for c in gpl.clauses if c.kind is ClauseKind.COPYLEFT]
    assert copyleft and {c.value.trigger for c in copyleft} == {"distribution"}
    assert clause(gpl, "conveying").value.hosted_is_distribution is False
    assert "Mere interaction with a user through a computer network" in quotes(
        clause(gpl, "conveying")
    )


def test_agpl3_section_13_reaches_network_use() -> None:
    agpl = sheet("AGPL-3.0-only")
    network = [c for c in agpl.clauses if c.value.trigger == "network-use"]
    assert len(network) == 1
    c = network[0]
    assert c.kind is ClauseKind.COPYLEFT
    assert c.value.copyleft_scope is CopyleftScope.NETWORK
    assert any(ev.section == "13" for ev in c.evidence)
    assert "Remote Network Interaction" in quotes(c)
    # the ordinary copyleft still triggers on conveying
    assert clause(agpl, "copyleft").value.trigger == "distribution"


@pytest.mark.parametrize(
    "spdx", ["GPL-2.0-only", "GPL-3.0-only", "LGPL-2.1-only", "LGPL-3.0-only", "MPL-2.0", "EPL-2.0"]
)
def test_only_agpl_has_a_network_use_trigger(spdx: str) -> None:
    assert all(c.value.trigger != "network-use" for c in sheet(spdx).clauses)


def test_apache_patent_grant_terminates_on_patent_litigation() -> None:
    apache = sheet("Apache-2.0")
    patent = clause(apache, "patent-grant")
    assert patent.kind is ClauseKind.PATENT
    assert patent.value.patent_grant is True
    assert patent.value.patent_termination_on_litigation is True
    assert "If You institute patent litigation" in quotes(patent)
    assert all(ev.section == "3" for ev in patent.evidence)


def test_apache_notice_file_and_state_changes() -> None:
    apache = sheet("Apache-2.0")
    assert clause(apache, "notice-file").value.notice_file is True
    changes = clause(apache, "state-changes")
    assert changes.value.state_changes is True and changes.evidence[0].section == "4(b)"
    assert apache.facts.copyleft is CopyleftScope.NONE


@pytest.mark.parametrize("spdx", ["GPL-3.0-only", "MPL-2.0", "EPL-2.0", "LGPL-3.0-only"])
def test_express_patent_grants(spdx: str) -> None:
    patents = [c for c in sheet(spdx).clauses if c.kind is ClauseKind.PATENT]
    assert patents and all(c.value.patent_grant for c in patents)


@pytest.mark.parametrize(
    ("spdx", "scope"),
    [
        ("Apache-2.0", "none"),
        ("MIT", "none"),
        ("BSD-2-Clause", "none"),
        ("BSD-3-Clause", "none"),
        ("ISC", "none"),
        ("0BSD", "none"),
        ("Unlicense", "none"),
        ("CC0-1.0", "none"),
        ("GPL-2.0-only", "work"),
        ("GPL-2.0-or-later", "work"),
        ("GPL-3.0-only", "work"),
        ("GPL-3.0-or-later", "work"),
        ("LGPL-2.1-only", "library"),
        ("LGPL-3.0-only", "library"),
        ("AGPL-3.0-only", "network"),
        ("MPL-2.0", "file"),
        ("EPL-2.0", "file"),
        ("CC-BY-4.0", "none"),
        ("CC-BY-SA-4.0", "work"),
        ("CC-BY-NC-4.0", "none"),
        ("CC-BY-NC-SA-4.0", "work"),
        ("CC-BY-ND-4.0", "none"),
        ("CC-BY-NC-ND-4.0", "none"),
        ("ODC-By-1.0", "none"),
        ("ODbL-1.0", "work"),
        ("CDLA-Permissive-2.0", "none"),
        ("CDLA-Sharing-1.0", "work"),
    ],
)
def test_copyleft_scope(spdx: str, scope: str) -> None:
    s = sheet(spdx)
    assert s.facts.copyleft == CopyleftScope(scope)
    copyleft = [c for c in s.clauses if c.kind is ClauseKind.COPYLEFT]
    if scope == "none":
        assert not copyleft
    else:
        assert copyleft
        assert {c.value.copyleft_scope for c in copyleft} == {CopyleftScope(scope)}
        assert all(c.flows_down for c in copyleft)


@pytest.mark.parametrize("spdx", sorted(SHARE_ALIKE))
def test_share_alike(spdx: str) -> None:
    s = sheet(spdx)
    assert any(c.value.share_alike for c in s.clauses)


@pytest.mark.parametrize("spdx", CC)
def test_non_commercial_flags(spdx: str) -> None:
    s = sheet(spdx)
    nc_clauses = [c for c in s.clauses if c.value.non_commercial]
    restrictions = [c for c in s.clauses if c.kind is ClauseKind.USE_RESTRICTION]
    if spdx in NC:
        assert s.facts.commercial_use == "no"
        assert s.facts.osaid_any_purpose is False
        assert nc_clauses and nc_clauses[0].kind is ClauseKind.LIMITATION
        assert (
            "NonCommercial means not primarily intended for or directed towards commercial "
            "advantage or monetary compensation" in quotes(nc_clauses[0])
        )
        assert restrictions and all(c.taxonomy == ("non-commercial",) for c in restrictions)
    else:
        assert s.facts.commercial_use == "yes"
        assert not nc_clauses and not restrictions


@pytest.mark.parametrize("spdx", CC)
def test_no_derivatives_flags(spdx: str) -> None:
    s = sheet(spdx)
    nd_clauses = [c for c in s.clauses if c.value.no_derivatives]
    if spdx in ND:
        assert nd_clauses and "Adapted Material" in quotes(nd_clauses[0])
        assert s.facts.osaid_any_purpose is False and s.facts.fsf_free is False
    else:
        assert not nd_clauses


@pytest.mark.parametrize("spdx", [*CC, "CC0-1.0"])
def test_cc_licenses_grant_no_patents(spdx: str) -> None:
    s = sheet(spdx)
    assert not any(c.value.patent_grant for c in s.clauses)
    no_patent = [c for c in s.clauses if c.value.patent_grant is False]
    assert no_patent and no_patent[0].kind is ClauseKind.LIMITATION
    if spdx != "CC0-1.0":
        assert "Patent and trademark rights are not licensed under this Public License" in quotes(
            no_patent[0]
        )


@pytest.mark.parametrize(
    ("spdx", "osi", "fsf"),
    [
        ("Apache-2.0", True, True),
        ("MIT", True, True),
        ("GPL-3.0-only", True, True),
        ("AGPL-3.0-only", True, True),
        ("MPL-2.0", True, True),
        ("EPL-2.0", True, True),
        ("CC0-1.0", False, True),
        ("CC-BY-4.0", False, True),
        ("CC-BY-SA-4.0", False, True),
        ("CC-BY-NC-4.0", False, False),
        ("CC-BY-ND-4.0", False, False),
        ("CDLA-Permissive-2.0", False, False),
    ],
)
def test_osi_and_fsf_facts(spdx: str, osi: bool, fsf: bool) -> None:
    facts = sheet(spdx).facts
    assert (facts.osi_approved, facts.fsf_free) == (osi, fsf)


@pytest.mark.parametrize("spdx", GPL_FAMILY)
def test_gpl_family_forbids_further_restrictions(spdx: str) -> None:
    c = clause(sheet(spdx), "no-further-restrictions")
    assert c.kind is ClauseKind.CONDITION and c.flows_down
    assert "You may not impose any further restrictions" in quotes(c)


def test_gpl3_termination_has_a_cure_period_and_gpl2_does_not() -> None:
    assert "prior to 30 days after your receipt of the notice" in quotes(
        clause(sheet("GPL-3.0-only"), "termination")
    )
    assert "reinstated" not in quotes(clause(sheet("GPL-2.0-only"), "termination"))


def test_cc_termination_reinstates_automatically() -> None:
    c = clause(sheet("CC-BY-4.0"), "termination")
    assert c.kind is ClauseKind.TERMINATION
    assert "cured within 30 days of Your discovery of the violation" in quotes(c)


@pytest.mark.parametrize(
    ("spdx", "expected"),
    [
        ("MPL-2.0", "GPL-2.0-or-later"),
        ("MPL-2.0", "LGPL-2.1-only"),
        ("MPL-2.0", "AGPL-3.0-only"),
        ("EPL-2.0", "GPL-2.0-only"),
        ("GPL-3.0-only", "AGPL-3.0-only"),
        ("AGPL-3.0-only", "GPL-3.0-only"),
        ("CC-BY-SA-4.0", "GPL-3.0-only"),
        ("GPL-2.0-or-later", "GPL-3.0-only"),
    ],
)
def test_compatibility_statements(spdx: str, expected: str) -> None:
    compatible = {x for c in sheet(spdx).clauses for x in (c.value.compatible_with or ())}
    assert expected in compatible


@pytest.mark.parametrize("spdx", ["Apache-2.0", "GPL-2.0-only", "MIT", "CC-BY-4.0"])
def test_no_compatibility_statement_in_the_text(spdx: str) -> None:
    assert not any(c.value.compatible_with for c in sheet(spdx).clauses)


@pytest.mark.parametrize("spdx", ["GPL-2.0-or-later", "GPL-3.0-or-later"])
def test_or_later_variants_quote_their_own_notice(spdx: str) -> None:
    c = clause(sheet(spdx), "or-later")
    assert "any later version" in quotes(c)
    assert not any(c.id == "or-later" for c in sheet(spdx.replace("or-later", "only")).clauses)


@pytest.mark.parametrize("spdx", ["CDLA-Permissive-2.0", "CDLA-Sharing-1.0"])
def test_cdla_results_are_unrestricted(spdx: str) -> None:
    results = clause(sheet(spdx), "results")
    assert results.value.output_use == "unrestricted"


def test_odbl_share_alike_reaches_produced_works() -> None:
    odbl = sheet("ODbL-1.0")
    produced = clause(odbl, "produced-works")
    assert produced.value.share_alike and "Produced Work" in quotes(produced)
    assert clause(odbl, "produced-work-notice").artifacts == ("outputs",)
