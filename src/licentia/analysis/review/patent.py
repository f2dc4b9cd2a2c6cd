# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Step 4: the patent grant, its scope and what ends it."""

from __future__ import annotations

from licentia.analysis.facts import Facts
from licentia.analysis.facts.read import describe
from licentia.analysis.findings import Code, Evidence, Finding, Status
from licentia.analysis.review.model import ReviewCode, Step, finding
from licentia.analysis.usecase import UseCase
from licentia.catalog.terms import ClauseKind, Sheet


def patent(sheet: Sheet, uc: UseCase, facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    patents = [c for c in sheet.clauses if c.kind is ClauseKind.PATENT]
    granted = [c for c in patents if c.value.patent_grant]
    refused = [c for c in patents if c.value.patent_grant is False]
    if granted:
        c = granted[0]
        who = (", by each contributor for the patent claims its own contributions "
               "necessarily infringe" if c.value.patent_grantor == "contributors" else "")
        mod = (" Your own changes carry no patent license from anyone else; patents of third "
               "parties are never covered." if uc.modifies else
               " Patents of third parties are never covered.")
        limited = sheet.facts.commercial_use == "no" or any(
            x.value.research_only or x.value.non_commercial for x in sheet.clauses)
        if limited and uc.commercial:
            out.append(finding(
                Step.PATENT, ReviewCode.PATENT_GRANT, Status.GRAY, c.title,
                f"An express patent license is granted{who}, but only within the "
                "license's scope, which is non-commercial or research use: this use is "
                "commercial, so the patent license does not cover it.",
                Evidence.from_clause(sheet, c),
                ["Obtain a commercial license (patents included) from the licensor before "
                 "commercial use."],
                question="Does a separate license from the licensor cover the patents this "
                         "commercial use practises?"))
        else:
            out.append(finding(
                Step.PATENT, ReviewCode.PATENT_GRANT, Status.CLEAR, c.title,
                f"An express patent license is granted{who}. For this use "
                f"({'commercial' if uc.commercial else 'non-commercial'}, "
                f"{uc.deployment.value if uc.deployment else 'deployment not stated'}) it "
                f"covers making, using and offering the licensed material as licensed.{mod}",
                Evidence.from_clause(sheet, c)))
    elif refused:
        c = refused[0]
        out.append(finding(
            Step.PATENT, ReviewCode.PATENT_GRANT, Status.CLEAR, c.title,
            "The license grants no patent rights. If the product could practise the "
            "licensor's patents, this license does not cover it.",
            Evidence.from_clause(sheet, c),
            ["If patents matter for this product, clear them separately (ask counsel whether "
             "a patent license is needed)."]))
    else:
        ip_grant = [c for c in sheet.clauses if c.kind is ClauseKind.PERMISSION
                    and c.value.ip_grant]
        if ip_grant:
            c = ip_grant[0]
            rationale = ("No express patent license: the grant covers the licensor's "
                         "\u201cintellectual property\u201d without naming patents; whether "
                         "it includes a patent license is a matter of interpretation.")
            evidence = Evidence.from_clause(sheet, c)
        else:
            rationale = ("No express patent grant (licentia's term sheet records none); any "
                         "patent license would be implied, and its scope is uncertain.")
            evidence = ()
        out.append(finding(
            Step.PATENT, ReviewCode.PATENT_GRANT, Status.CLEAR, "No express patent grant",
            rationale, evidence,
            ["If patents matter for this product, ask counsel whether the grant is enough."]))
    out += _termination(sheet, facts)
    return out


def _termination(sheet: Sheet, facts: Facts) -> list[Finding]:
    """What suing over the licensed material ends, and whether the use case says it sues."""
    terminating = [c for c in sheet.clauses if c.value.patent_termination_on_litigation
                   or c.value.litigation_trigger]
    if not terminating:
        return []
    c = terminating[0]
    trigger = c.value.litigation_trigger or "ip"
    ends = c.value.litigation_terminates or "all"
    suit = ("patent litigation" if trigger == "patent" else
            "litigation over intellectual property")
    lost = ("your patent license under it" if ends == "patent-license" else
            "every right the license gives you")
    rule = (f"If your organization starts {suit} claiming that the licensed material (or, "
            f"where the clause says so, its outputs) infringes, you lose {lost} from the date "
            "it is filed.")
    sues = facts.get("sues_over_licensed_material")
    status, question = Status.CLEAR, None
    if sues.value is True:
        # every right gone is a use without a license; a patent license gone is a risk to weigh
        status = Status.CONFLICT if ends != "patent-license" else Status.GRAY
        rule = f"The use case says {describe(sues)}. {rule}"
        question = (f"Has the suit ended {lost}, and does the product still need it?"
                    if status is Status.GRAY else None)
    elif sues.hedged:
        status = Status.GRAY
        rule = f"The use case may be heading there: {describe(sues)}. {rule}"
        question = "Will your organization bring the claim, and against what?"
    return [finding(
        Step.PATENT, Code.PATENT_TERMINATION, status,
        "Suing over the licensed material ends rights", rule,
        [ev for t in terminating for ev in Evidence.from_clause(sheet, t)],
        [f"Before asserting patents or other IP in this area, have counsel weigh losing "
         f"{lost}."], question=question)]

