# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Step 3: the attribution, notice, naming and copyleft duties this use triggers."""

from __future__ import annotations

from licentia.analysis.facts import Facts
from licentia.analysis.findings import Code, Evidence, Finding, Status
from licentia.analysis.profile import known, profile, reaches_hosting
from licentia.analysis.review.decide import decide, questions, settled_by
from licentia.analysis.review.model import Step, finding
from licentia.analysis.usecase import Deployment, UseCase
from licentia.catalog.terms import Artifact, Clause, ClauseKind, Decision, Sheet


def attribution_code(c: Clause) -> Code | None:
    """The kind of duty a clause is, from the values its term sheet records."""
    v = c.value
    if c.kind is ClauseKind.COPYLEFT:
        if v.trigger == "network-use":
            return Code.NETWORK_COPYLEFT
        return Code.SHARE_ALIKE
    if c.kind is not ClauseKind.CONDITION:
        return None
    if v.name_prefix:
        return Code.NAMING_REQUIREMENT
    if v.display_notice:
        return Code.BUILT_WITH_NOTICE
    if v.state_changes:
        return Code.STATE_CHANGES
    if v.notice_file or v.license_copy or v.retain_notices or v.attribution_text:
        return Code.ATTRIBUTION
    if v.share_alike:
        return Code.SHARE_ALIKE
    if v.source_disclosure:
        return Code.SOURCE_DISCLOSURE
    return None


def _hosted_is_distribution(sheet: Sheet) -> bool:
    return any(c.value.hosted_is_distribution for c in sheet.clauses)


def reaches_others(c: Clause, sheet: Sheet, uc: UseCase,
             facts: Facts) -> tuple[bool | None, str]:
    """Whether the use makes the licensed material available the way the clause says."""
    if uc.deployment is Deployment.INTERNAL and facts.described("derivative_distributed"):
        made = facts.get("derivative_distributed").words
        return True, f"a product made with it reaches others ({made})"
    if facts.described("copies_shipped"):
        # the description's words, whatever the deployment field says ("hosted for most
        # customers; two banks get it to run on premises")
        shipped = facts.get("copies_shipped").words
        return True, f"copies leave your organization ({shipped})"
    if facts.described("shares_material"):
        shared = facts.get("shares_material").words
        return True, f"the material itself reaches others ({shared})"
    if uc.deployment is None:
        return None, "the use case does not say how the product is deployed"
    if uc.ships_copies:
        return True, f"the product is {uc.deployment.value}: copies leave your organization"
    if uc.deployment is Deployment.INTERNAL:
        return False, "internal use only: nothing is distributed or made available"
    return _hosting(c, sheet)


def _hosting(c: Clause, sheet: Sheet) -> tuple[bool, str]:
    """Whether a hosted service triggers the clause: the rule check uses too (profile)."""
    if known(sheet.license):
        p = profile(sheet.license)
        if p.sheet == sheet:
            return reaches_hosting(p, c)
    if c.value.made_available is False:
        return False, "the clause excludes hosted services"
    if c.value.made_available or c.value.hosted_is_distribution \
            or Artifact.SERVICES in c.artifacts or _hosted_is_distribution(sheet):
        return True, "the clause or the license makes a hosted service count"
    return False, ("a hosted service is not distribution under this license; it applies once "
                   "you ship copies")


def _decided(sheet: Sheet, c: Clause, decision: Decision, code: Code, facts: Facts,
             applies: bool | None, why: str) -> Finding:
    """A duty with deciding facts (its sheet's, or those that settle its kind): broken when the
    facts say it is not met, open when they hedge, met or a to-do otherwise."""
    decided = decide(decision, facts, c)
    action = _attribution_action(code, c)
    because = decided.because()
    question: str | None = None
    if decided.status is Status.CONFLICT and applies:
        status = Status.CONFLICT
        rationale = f"Required for this use ({why}), and the use case says it is not met: " \
            f"{because}."
    elif decided.status is Status.CONFLICT or (decided.status is Status.GRAY):
        status = Status.GRAY
        rationale = f"Applies ({why}); whether it is met is not settled: {because or why}."
        question = " ".join(questions(decided)) or f"Is this duty met ({c.title})?"
    elif decided.to_do or not decided.failed:
        status, rationale = Status.CLEAR, f"Required for this use: {why}."
    else:
        status, rationale = Status.CLEAR, f"Required for this use ({why}); the use case " \
            f"says it is met or not engaged: {because}."
    return finding(Step.ATTRIBUTION, code, status, c.title, rationale,
                   Evidence.from_clause(sheet, c), [action], clause=c.id, applies=applies,
                   facts=[r.to_json() for r in decided.readings], question=question)


def _applies(code: Code, c: Clause, sheet: Sheet, uc: UseCase,
             facts: Facts) -> tuple[bool | None, str]:
    trigger = c.value.trigger
    derived_only = set(c.artifacts) and set(c.artifacts) <= {Artifact.DERIVATIVES,
                                                              Artifact.OUTPUTS}
    if code is Code.NAMING_REQUIREMENT or (derived_only and code is not Code.ATTRIBUTION):
        # the description's "we fine-tuned it" counts even where `modification` says none
        makes = facts.described("work_modified") or uc.modifies or bool(
            uc.outputs_train_other_models and Artifact.OUTPUTS in c.artifacts)
        if not makes:
            if uc.modifies is None and uc.outputs_train_other_models is None:
                return None, "the use case does not say whether you create a model from it " \
                    "(modification, outputs_train_other_models)"
            return False, "you create no derived model (no modification, outputs not used " \
                "to train models)"
    if code is Code.STATE_CHANGES:
        modifies, how = _modifies(uc, facts)
        if modifies is None:
            return None, "the use case does not say whether the work is modified"
        if not modifies:
            return False, "the work is not modified"
        reaches, why = reaches_others(c, sheet, uc, facts)
        modified = f"the work is modified ({how}) and "
        return reaches, modified + why if reaches else why
    if code is Code.NETWORK_COPYLEFT:
        if uc.deployment is None:
            return None, "the use case does not say how the product is deployed"
        changed = facts.get("work_modified")
        if changed.value is None:
            return None, "the use case does not say whether the work is modified"
        if not changed.value:
            return False, "the work is not modified"
        how = f" ({changed.words})" if changed.words else ""
        if uc.deployment is Deployment.INTERNAL:
            # the section speaks of "all users interacting with it remotely": whether staff
            # using an internal service are such users is for counsel, not a silent clear
            return None, f"a modified version{how} used inside the organization: whether " \
                "staff or contractors who reach it over a network are users it must offer " \
                "the source to is disputed"
        return True, f"users interact with a modified version over a network{how}"
    if trigger == "use":
        return True, "the duty applies to any use"
    if trigger == "modification":
        modifies, how = _modifies(uc, facts)
        if modifies is None:
            return None, "the use case does not say whether the work is modified"
        return modifies, f"modified ({how})" if modifies else "not modified"
    return reaches_others(c, sheet, uc, facts)


def _modifies(uc: UseCase, facts: Facts) -> tuple[bool | None, str]:
    """Whether the licensed work is changed: the use case's `modification`, else what its
    description says (the `work_modified` fact: code changed, files patched). `modification`
    describes a model: changes to code or data the description states count even where it
    reads `none`."""
    changed = facts.get("work_modified")
    if changed.value is True:
        return True, changed.words
    if uc.modifies is not None:
        return uc.modifies, str(uc.modification)
    if isinstance(changed.value, bool):
        return changed.value, changed.words
    return None, ""


def _attribution_action(code: Code, c: Clause) -> str:
    v = c.value
    if code is Code.NAMING_REQUIREMENT:
        return (f"Begin the name of every model you create or improve with it, and distribute "
                f"or make available, with \u201c{v.name_prefix}\u201d.")
    if code is Code.BUILT_WITH_NOTICE:
        shown = v.attribution_text or c.title
        return (f"Display \u201c{shown}\u201d prominently (website, user interface, blog post, "
                "about page or product documentation).")
    if code is Code.STATE_CHANGES:
        return "Mark every file you modify with a prominent notice that you changed it."
    if code is Code.SHARE_ALIKE:
        return f"License the work that includes it under the same terms ({c.title})."
    if code is Code.NETWORK_COPYLEFT:
        return ("Offer users who interact with your modified version over a network its "
                "Corresponding Source.")
    if code is Code.SOURCE_DISCLOSURE:
        return "Provide the Corresponding Source with the object code you distribute."
    if v.notice_file and v.attribution_text:
        return (f"Ship a text file named \u201cNotice\u201d with every copy, containing: "
                f"\u201c{v.attribution_text}\u201d.")
    if v.notice_file:
        return ("If the upstream work has a NOTICE file, include its attribution notices in "
                "what you distribute.")
    if v.license_copy:
        return "Give every recipient a copy of the license text (e.g. a LICENSE file shipped " \
            "with the model or the product)."
    if v.retain_notices:
        return f"Keep the notices the license requires, as it says: {c.title}."
    return f"Comply: {c.title}."


def attribution(sheet: Sheet, uc: UseCase, facts: Facts) -> list[Finding]:
    out: list[Finding] = []
    for c in sheet.clauses:
        code = attribution_code(c)
        if code is None:
            continue
        applies, why = _applies(code, c, sheet, uc, facts)
        # the sheet's own deciding facts whenever the duty may apply; the facts that settle
        # its kind of duty (facts.yaml `settles`) once it does
        decided_by = c.decided_by or (settled_by(c) if applies else None)
        if applies is not False and decided_by is not None:
            out.append(_decided(sheet, c, decided_by, code, facts, applies, why))
            continue
        if applies is None:
            status, actions = Status.GRAY, [_attribution_action(code, c)]
            rationale = f"Applies depending on facts the use case leaves open: {why}."
            question: str | None = f"Does the use trigger this duty ({c.title})? {why}."
        elif applies:
            status, actions = Status.CLEAR, [_attribution_action(code, c)]
            rationale, question = f"Required for this use: {why}.", None
        else:
            status, actions = Status.CLEAR, []
            rationale, question = f"Not triggered by this use: {why}.", None
        out.append(finding(Step.ATTRIBUTION, code, status, c.title, rationale,
                            Evidence.from_clause(sheet, c), actions, clause=c.id,
                            applies=applies, question=question))
    if not out:
        out.append(finding(Step.ATTRIBUTION, Code.ATTRIBUTION, Status.CLEAR,
                            "No attribution or notice duty",
                            f"licentia's term sheet for {sheet.title} records no attribution, "
                            "notice or copyleft condition.", applies=False))
    return out

