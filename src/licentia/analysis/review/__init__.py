# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Review one license against one intended use, in the specialist's five steps.

0. read the use case into named facts, with the words they rest on (analysis/facts);
1. verify the license (exact version, variant, modified or not, and what that rests on):
   `verify`;
2. weigh every use restriction, eligibility clause, threshold, commercial and output term
   against the facts: `restrictions`, `thresholds`, `output_terms` (`decide` weighs a clause's
   deciding facts, `activities` what the use involves);
3. list the attribution, notice and flow-down duties this use triggers: `attribution`,
   `flow_down`;
4. assess the patent grant and what ends it: `patent`;
5. document and escalate: a risk matrix, the gray areas with the question to ask counsel, and
   the overall verdict: `escalate`.

Every finding quotes the term sheet (whose quotes are checked against the license text), never
invented words. Where the use case leaves a deciding fact open, the finding is `gray` and
carries the question that would settle it; licentia never turns an open question into a silent
`clear`. The package is pure: it returns a `Review` value and never prints or exits.
"""

from __future__ import annotations

from dataclasses import replace

from licentia.analysis.facts import against, read_facts
from licentia.analysis.findings import Finding, Severity, Status
from licentia.analysis.matching import Matcher, matcher
from licentia.analysis.review.activities import involvement
from licentia.analysis.review.attribution import attribution
from licentia.analysis.review.escalate import escalations, risk
from licentia.analysis.review.flowdown import flow_down, output_terms, trained_derivatives
from licentia.analysis.review.model import (
    FORMAT_VERSION,
    STEP_TITLES,
    Basis,
    Escalation,
    Level,
    Review,
    ReviewCode,
    Risk,
    Step,
    Verdict,
    verdict_of,
)
from licentia.analysis.review.patent import patent
from licentia.analysis.review.restrictions import restrictions
from licentia.analysis.review.thresholds import thresholds
from licentia.analysis.review.verify import verify
from licentia.analysis.usecase import UseCase
from licentia.catalog.catalog import catalog
from licentia.catalog.terms import sheet_for
from licentia.errors import InputError
from licentia.reference import resolve_reference

__all__ = ["FORMAT_VERSION", "STEP_TITLES", "Basis", "Escalation", "Level", "Review",
           "ReviewCode", "Risk", "Step", "Verdict", "basis_for", "review", "review_reference"]


def basis_for(ref: str) -> Basis:
    """Resolve a LICENSE_REF (id, tag, license file or model card) for review.

    An unidentified file is not an error here: step 1 reports it as a finding for counsel and
    the review says what it could not assess.
    """
    resolved = resolve_reference(ref, allow_unidentified=True)
    ident = resolved.identification
    if ident is None and len(resolved.licenses) > 1:
        keys = ", ".join(lic.key for lic in resolved.licenses)
        raise InputError(f"names {len(resolved.licenses)} licenses ({keys}); review them one "
                         "at a time", key=ref)
    if ident is not None:
        lic = ident.license or (resolved.licenses[0] if resolved.licenses else None)
    else:
        lic = resolved.license
    tag = None
    cat = catalog()
    if ident is None and cat.lookup(ref) is None:
        hf = cat.hf_tag(ref)
        if hf is not None and hf.family:
            tag = hf
    # a license licentia drafted: the term sheet built from the text itself (resolved.sheet)
    sheet = resolved.generated_sheet or (sheet_for(lic.key) if lic else None)
    return Basis(ref, lic, sheet, ident, tag)


def review_reference(ref: str, use_case: UseCase) -> Review:
    """Review the license a reference names against a use case."""
    return review(basis_for(ref), use_case)


def review(basis: Basis, use_case: UseCase, rules: Matcher | None = None) -> Review:
    """The five steps over an identified license and a validated use case."""
    m = rules or matcher()
    facts = read_facts(use_case)
    if basis.sheet is not None:
        facts = against(facts, basis.sheet.license)
    involved = involvement(use_case, m, facts)
    not_assessed: list[str] = []
    findings = verify(basis, m, not_assessed)
    if basis.sheet is not None:
        sheet = basis.sheet
        findings += restrictions(basis, sheet, use_case, facts, m, involved)
        findings += thresholds(sheet, use_case, facts)
        findings += trained_derivatives(sheet, use_case)
        findings += output_terms(sheet, use_case)
        findings += attribution(sheet, use_case, facts)
        findings += flow_down(sheet, use_case, facts)
        findings += patent(sheet, use_case, facts)
        key = basis.sheet.license
        not_assessed.append(f"conditions other than use, attribution, notice, copyleft and "
                            f"patent terms (e.g. indemnity, termination, governing law): see "
                            f"`licentia explain {key}`")
    else:
        not_assessed += ["use restrictions", "attribution and notice duties", "patent grant"]
    if basis.family_tag is not None and basis.sheet is not None:
        findings = _family(basis, use_case, findings, m)
    risks = tuple(risk(f) for f in findings)
    return Review(use_case, basis, verdict_of(findings), tuple(findings), risks,
                  tuple(escalations(findings, basis)), tuple(not_assessed), facts)


def _family(basis: Basis, use_case: UseCase, findings: list[Finding],
            m: Matcher) -> list[Finding]:
    """A tag naming a family: review under every member; when they all give the same verdict,
    which member it is does not matter for this use (the finding says so, clear)."""
    assert basis.family_tag is not None
    verdict = verdict_of(f for f in findings if f.code != ReviewCode.AMBIGUOUS_LICENSE)
    others = []
    for key in basis.family_tag.family:
        sheet = sheet_for(key)
        if sheet is None or basis.sheet is None or key == basis.sheet.license:
            continue
        other = review(Basis(basis.reference, catalog().get(key), sheet), use_case, m)
        others.append(other.verdict)
    if any(v is not verdict for v in others):
        return findings
    return [replace(f, status=Status.CLEAR, severity=Severity.INFO,
                    message=f.message + f" Every member of the family gives the same verdict "
                    f"for this use ({verdict.value}).",
                    extra={k: v for k, v in f.extra.items() if k != "question"})
            if f.code == ReviewCode.AMBIGUOUS_LICENSE else f for f in findings]
