# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""What the product must impose on its users and recipients (a step 3 duty, beside notices),
and the terms that bind outputs and models trained on them (step 2)."""

from __future__ import annotations

from licentia.analysis.facts import Facts
from licentia.analysis.findings import Code, Evidence, Finding, Status
from licentia.analysis.review.attribution import reaches_others
from licentia.analysis.review.decide import decide, questions
from licentia.analysis.review.model import Step, finding
from licentia.analysis.usecase import UseCase
from licentia.catalog.terms import Artifact, Clause, ClauseKind, Sheet


def flow_down(sheet: Sheet, uc: UseCase, facts: Facts) -> list[Finding]:
    """What the product must impose on its own users, derivatives and recipients: a duty of
    step 3, like the notices the license makes it keep."""
    if not any(c.kind is ClauseKind.USE_RESTRICTION for c in sheet.clauses):
        return []
    # a flow-down the license sets on distribution binds a hosted service only where the
    # license counts hosting as distribution (Falcon's does not; the RAIL licenses' do)
    clauses = [c for c in sheet.clauses if c.value.flow_down
               and c.kind in (ClauseKind.CONDITION, ClauseKind.USE_RESTRICTION)
               and (c.value.trigger != "distribution" or reaches_others(c, sheet, uc, facts)[0]
                    is not False)]
    out: list[Finding] = []
    if clauses:
        evidence = [ev for c in clauses for ev in Evidence.from_clause(sheet, c)]
        modes = {m for c in clauses for m in c.value.flow_down or ()}
        actions = []
        if "enforceable-provision" in modes:
            actions.append("Include the license's use restrictions as an enforceable provision "
                           "of your own terms with users and recipients (terms of service, "
                           "EULA, or the license of a derivative).")
        if "notice" in modes:
            actions.append("Tell recipients that the model (and any derivative) is subject to "
                           "the use restrictions.")
        if "users-comply" in modes:
            actions.append("Make your users comply: an acceptable-use policy in your terms, "
                           "and enforcement (monitoring, suspension) when they break it.")
        if uc.modifies:
            actions.append("License your modified model under terms that carry the same use "
                           "restrictions.")
        if uc.serves_others is None:
            status, rationale = Status.GRAY, (
                "The license makes you impose its use restrictions on those you let use the "
                "model; the use case does not say (deployment) whether anyone outside your "
                "organization will.")
            question: str | None = "Will people outside your organization use the model or " \
                "the product, or receive it?"
        elif uc.serves_others:
            status, rationale, question = _passed_on(clauses, facts, uc)
        else:
            status, question = Status.CLEAR, None
            rationale = ("Internal use: the restrictions bind your own staff; pass them on "
                         "if the model or product ever leaves the organization.")
        out.append(finding(
            Step.ATTRIBUTION, Code.USE_RESTRICTIONS_FLOW_DOWN, status,
            "Flow-down: impose the use restrictions on users and recipients", rationale,
            evidence, actions, clauses=[c.id for c in clauses], question=question,
            clause=next((c.id for c in clauses if c.decided_by is not None
                         and c.kind is ClauseKind.CONDITION), None)))
    return out


def trained_derivatives(sheet: Sheet, uc: UseCase) -> list[Finding]:
    """Step 2: a model trained on the outputs that the license may count as a Derivative."""
    out: list[Finding] = []
    derivative_defs = [c for c in sheet.clauses if c.kind is ClauseKind.DEFINITION
                       and {Artifact.DERIVATIVES, Artifact.OUTPUTS} <= set(c.artifacts)]
    if uc.outputs_train_other_models and derivative_defs:
        clause = derivative_defs[0]
        out.append(finding(
            Step.RESTRICTIONS, Code.USE_RESTRICTIONS_FLOW_DOWN, Status.GRAY,
            "A model trained on the outputs may be a Derivative of the Model",
            "The use case trains other models on the outputs; under this license a model "
            "trained on the Model's output to perform like it is a Derivative, so the use "
            "restrictions and their flow-down would follow it.",
            Evidence.from_clause(sheet, clause),
            ["If the trained model is a Derivative, license it with the same use "
             "restrictions."], clause=clause.id,
            matched=[{"field": "outputs_train_other_models", "words": "true",
                      "rule": "outputs train other models"}],
            question="Is the model trained on the outputs meant to perform similarly to the "
                     "licensed model (which would make it a Derivative under the license)?"))
    return out


def _passed_on(clauses: list[Clause], facts: Facts,
               uc: UseCase) -> tuple[Status, str, str | None]:
    """Whether the product's terms carry the restrictions on, as the facts say (the deciding
    facts the term sheet gives its flow-down condition)."""
    reaches = (f"The product reaches others ({uc.deployment}): the license's use restrictions "
               "must bind them too")
    decisive = next((c for c in clauses if c.decided_by is not None
                     and c.kind is ClauseKind.CONDITION), None)
    if decisive is None or decisive.decided_by is None:
        return Status.CLEAR, reaches + ".", None
    decided = decide(decisive.decided_by, facts, decisive)
    if decided.status is Status.CONFLICT:
        return (Status.CONFLICT, f"{reaches}, and the use case says its terms do not carry "
                f"them: {decided.because()}.", None)
    if decided.status is Status.GRAY:
        return (Status.GRAY, f"{reaches}; whether its terms carry them is not settled: "
                f"{decided.because()}.", " ".join(questions(decided)) or None)
    return Status.CLEAR, reaches + ".", None


def output_terms(sheet: Sheet, uc: UseCase) -> list[Finding]:
    out = []
    for clause in sheet.clauses:
        if clause.kind is ClauseKind.USE_RESTRICTION or clause.value.output_use != "restricted":
            continue
        out.append(finding(
            Step.RESTRICTIONS, Code.OUTPUT_USE_RESTRICTION, Status.CLEAR, clause.title,
            "The license's terms also bind what is done with the outputs"
            + (" (the use case trains other models on them)"
               if uc.outputs_train_other_models else "") + ".",
            Evidence.from_clause(sheet, clause),
            ["Apply the license's restrictions to how outputs are used, including by your "
             "users."], clause=clause.id))
    return out

