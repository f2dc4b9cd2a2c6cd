# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Step 1: verify the license (exact version, variant, modified or not, and what that rests on)."""

from __future__ import annotations

from licentia.analysis.findings import Code, Evidence, Finding, Status
from licentia.analysis.matching import Matcher
from licentia.analysis.review.model import (
    MAX_DIFFERENCES_QUOTED,
    Basis,
    ReviewCode,
    Step,
    finding,
    short,
)
from licentia.catalog.catalog import Family
from licentia.identify import Identification, Result


def verify(basis: Basis, m: Matcher, not_assessed: list[str]) -> list[Finding]:
    out: list[Finding] = []
    lic, sheet, ident = basis.license, basis.sheet, basis.identification
    if sheet is not None:
        rests = (f"The analysis rests on licentia's term sheet for {sheet.title}, "
                 f"{sheet.version}, whose quotes are checked against {basis.text_source}.")
    else:
        rests = ""
    if ident is None:
        assert lic is not None
        if basis.family_tag is not None:
            tag = basis.family_tag
            out.append(finding(
                Step.VERIFY, ReviewCode.AMBIGUOUS_LICENSE, Status.GRAY,
                f"The tag {tag.tag!r} names a family of licenses, not one version",
                f"The Hugging Face tag {tag.tag!r} covers {', '.join(tag.family)}; the review "
                f"assumed {lic.key}, the family's default. The variants differ in their use "
                f"restrictions. {rests}",
                actions=["Read the license file shipped with the model and re-run the review "
                         "with that file as LICENSE_REF, to pin the exact variant."],
                question=f"Which member of the {tag.tag} family is the model actually under?"))
        else:
            out.append(finding(
                Step.VERIFY, ReviewCode.LICENSE_IDENTIFIED, Status.CLEAR,
                f"Identified by reference: {lic.name}",
                f"The reference {basis.reference!r} names {lic.key} ({lic.spdx}). No license "
                f"text was read: the version rests on the reference alone. {rests}",
                actions=["Obtain the license file shipped with the model and re-run "
                         "`licentia review <that file> --use-case ...` to confirm the exact "
                         "version and that the text is unmodified."]))
    else:
        out += _verify_identification(basis, ident, rests, m, not_assessed)
    if lic is not None and sheet is None:
        hint = " AI licenses often carry use restrictions." if lic.family is Family.AI else ""
        out.append(finding(
            Step.VERIFY, ReviewCode.NOT_ASSESSED, Status.GRAY,
            f"No term sheet for {lic.name}: terms not analysed",
            f"licentia has no term sheet for {lic.key} yet, so its use restrictions, "
            f"attribution duties and patent terms could not be mapped to the use case.{hint}",
            actions=[f"Have counsel read the full text of {lic.name}"
                     + (f" ({lic.homepage_url})" if lic.homepage_url else "") + "."],
            question=f"What does {lic.name} require and prohibit for this use?"))
    if sheet is not None:
        for doc in sheet.documents:
            evidence = [ev for c in sheet.clauses if c.value.incorporates == doc.id
                        for ev in Evidence.from_clause(sheet, c)]
            where = f" at {doc.url}" if doc.url else ""
            if not doc.held:
                out.append(finding(
                    Step.VERIFY, ReviewCode.INCORPORATED_POLICY, Status.GRAY,
                    f"{doc.title} is part of the license, and licentia does not hold its text",
                    f"{sheet.title} incorporates {doc.title} by reference{where}. licentia has "
                    "no checked copy of it, so its prohibitions are NOT mapped to the use case: "
                    "every restriction below that is not in the license text itself is gray, "
                    "not clear.",
                    evidence,
                    [f"Obtain the current {doc.title}{where} and have counsel read it against "
                     "this use case."],
                    question=f"Does {doc.title} prohibit or condition anything this use case "
                             "does?"))
                continue
            out.append(finding(
                Step.VERIFY, ReviewCode.INCORPORATED_POLICY, Status.CLEAR,
                f"{doc.title} is part of the license",
                f"{sheet.title} incorporates {doc.title} by reference{where}: its prohibitions "
                "bind the use as terms of the license and are mapped in step 2 from the text "
                "licentia knows."
                + (" The publisher may change it at that address." if doc.mutable else ""),
                evidence,
                [f"Check that the current {doc.title}{where} still matches the version this "
                 "review rests on before relying on it."]))
    return out


def _verify_identification(basis: Basis, ident: Identification, rests: str, m: Matcher,
                           not_assessed: list[str]) -> list[Finding]:
    out: list[Finding] = []
    lic = basis.license
    primary = next((mt for mt in ident.matches if lic and mt.key == lic.key), None)
    kind = primary.kind if primary else None
    notes = (" Notes: " + "; ".join(ident.notes) + ".") if ident.notes else ""
    if lic is None:
        out.append(finding(
            Step.VERIFY, Code.UNKNOWN_LICENSE, Status.GRAY,
            f"No license identified in {ident.path}",
            f"licentia could not identify a license in {ident.path} (result: "
            f"{ident.result.value}). Without knowing the license, no term of it could be "
            f"assessed against the use case.{notes}",
            actions=["Have counsel read the file; if it is a known license with heavy edits, "
                     "treat it as a custom license."],
            question=f"What license is {ident.path}, and what does it require and prohibit?"))
        return out
    if ident.result is Result.EXACT:
        if kind == "declared":
            dec = ident.declared
            if dec is not None and dec.agrees:
                basis_words = (f"the model card {ident.path} declares {lic.key}, and its "
                               "license_link file is an exact copy of the reference text")
                actions: list[str] = []
            else:
                basis_words = (f"the model card {ident.path} declares {lic.key} in its "
                               "front matter; no license text was read")
                actions = ["Obtain the license text the model is distributed with and re-run "
                           "the review with it, to confirm the version and that it is "
                           "unmodified."]
        else:
            basis_words = (f"the text of {ident.path} is an exact copy of the reference text "
                           f"of {lic.key} (coverage {ident.coverage:.0f}%)")
            actions = []
        out.append(finding(
            Step.VERIFY, ReviewCode.LICENSE_IDENTIFIED, Status.CLEAR,
            f"Identified: {lic.name}", f"Identification rests on: {basis_words}. {rests}{notes}",
            actions=actions))
    elif ident.result is Result.MODIFIED:
        diffs = ident.differences
        evidence = tuple(
            Evidence(lic.key, d.found or d.reference,
                     f"line {d.line}" + (f", in {short(d.section, 60)}" if d.section else ""),
                     document=f"file:{ident.path}" if d.found else "license")
            for d in diffs[:MAX_DIFFERENCES_QUOTED])
        touched = sorted({tid for d in diffs for tid in m.mentions(d.found)})
        about = (f" The changed wording concerns: {', '.join(touched)}." if touched else "")
        out.append(finding(
            Step.VERIFY, ReviewCode.MODIFIED_LICENSE, Status.GRAY,
            f"Modified text of {lic.name}",
            f"{ident.path} is {lic.key} with {len(diffs)} difference(s) from the reference text "
            f"(coverage {ident.coverage:.0f}%).{about} The review below rests on the reference "
            f"text for the clauses the file keeps; each added or changed clause is an item of "
            f"its own in step 2, quoted from the file, for counsel. {rests}{notes}",
            evidence,
            ["Have counsel read every difference: a modified license is a custom license."],
            question=f"What do the {len(diffs)} change(s) to {lic.name} in {ident.path} mean "
                     "for this use?"))
        not_assessed.append(f"the meaning of the {len(diffs)} change(s) to the license text in "
                            f"{ident.path}")
    elif ident.result is Result.MULTIPLE:
        keys = list(dict.fromkeys(mt.key for mt in ident.matches))
        dec = ident.declared
        mismatch = dec is not None and (dec.agrees is False or (
            dec.resolved is not None and dec.resolved.key != lic.key))
        code = Code.LICENSE_MISMATCH if mismatch else ReviewCode.AMBIGUOUS_LICENSE
        what = ("the model card declares one license but its text or license file holds "
                "another" if mismatch else "the file holds several licenses")
        out.append(finding(
            Step.VERIFY, code, Status.GRAY, f"{ident.path}: {what}",
            f"{ident.path} holds {', '.join(keys)}; this review covers {lic.key} only."
            f"{notes} {rests}",
            actions=["Establish which license governs the model (ask the publisher if the "
                     "card and the file disagree), and review every other license separately."],
            question=f"Which license governs the model: {' or '.join(keys)}?"))
    else:
        out.append(finding(
            Step.VERIFY, ReviewCode.AMBIGUOUS_LICENSE, Status.GRAY,
            f"{ident.path}: only partly identified as {lic.name}",
            f"{ident.path} matches {lic.key} only in part (result {ident.result.value}, "
            f"coverage {ident.coverage:.0f}%).{notes} {rests}",
            actions=["Obtain the complete license text and re-run the review with it."],
            question=f"Is the complete license of the model {lic.name}, and which version?"))
    return out

