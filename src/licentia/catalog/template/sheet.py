# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The term sheet of a license drafted from licentia's template, built from the drafter's choices.

Every evidence quote is a sentence of the drafted text itself (found in it by the sentence's
opening words), so `explain` and `review` of a draft cite the draft, not a generic summary.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from licentia.catalog.template import blocks
from licentia.catalog.template.choices import TEMPLATE_ID, Choices, Covered, Grant
from licentia.catalog.template.recognize import find_draft
from licentia.catalog.template.text import render_markdown
from licentia.catalog.terms import (
    Artifact,
    Clause,
    ClauseKind,
    CopyleftScope,
    Evidence,
    Facts,
    Sheet,
    Value,
)
from licentia.errors import DataError
from licentia.normalize import words

_ARTIFACT = {Covered.MODEL: Artifact.WEIGHTS, Covered.CODE: Artifact.CODE,
             Covered.DATA: Artifact.DATA, Covered.APPLICATION: Artifact.SERVICES}


@dataclass(frozen=True)
class Sentence:
    text: str
    section: str
    line: int


@dataclass(frozen=True)
class _Spec:
    id: str
    kind: ClauseKind
    title: str
    anchors: tuple[str, ...]  # opening words of the sentences quoted
    when: Callable[[Choices], bool] = lambda c: True
    value: Callable[[Choices], dict[str, Any]] = lambda c: {}
    flows_down: bool = False
    outputs: bool = False  # binds outputs too
    note: str | None = None
    taxonomy: tuple[str, ...] = field(default=())


def _limited(c: Choices) -> bool:
    return c.grant is not Grant.OPEN


def _purpose(c: Choices) -> str:
    return "Research Purposes" if c.grant is Grant.RESEARCH else "Non-Commercial Purposes"


_GRANT = ("On the terms of this License, the Licensor grants You a worldwide, "
          "royalty-free, non-exclusive license to use")
_SPECS: tuple[_Spec, ...] = (
    _Spec("def-licensed-materials", ClauseKind.DEFINITION,
          "Licensed Materials: what this license covers", ('"Licensed Materials" means',)),
    _Spec("def-derivative", ClauseKind.DEFINITION,
          "Derivative: modified versions and works based on them, including fine-tuned, merged, "
          "quantized or distilled models and models trained on Output to imitate them",
          ('"Derivative" means',)),
    _Spec("def-distribute", ClauseKind.DEFINITION,
          "Distribute includes offering access as a hosted service or through an API",
          ('"Distribute" means',), value=lambda c: {"hosted_is_distribution": True}),
    _Spec("def-research", ClauseKind.DEFINITION,
          "Research Purposes: research, teaching and evaluation without commercial advantage",
          ('"Research Purposes" means',), when=lambda c: c.grant is Grant.RESEARCH,
          value=lambda c: {"research_only": True, "non_commercial": True}),
    _Spec("def-non-commercial", ClauseKind.DEFINITION,
          "Non-Commercial Purposes: no revenue, commercial advantage or monetary benefit",
          ('"Non-Commercial Purposes" means',), when=lambda c: c.grant is Grant.NON_COMMERCIAL,
          value=lambda c: {"non_commercial": True}),
    _Spec("grant", ClauseKind.PERMISSION,
          "Worldwide, royalty-free license to use, copy, modify and distribute, for any purpose "
          "including commercial use, except the prohibited uses",
          (_GRANT,), when=lambda c: not _limited(c),
          value=lambda c: {"commercial_use": True}),
    _Spec("grant", ClauseKind.PERMISSION,
          "Worldwide, royalty-free license to use, copy, modify and distribute, for the limited "
          "purposes only", (_GRANT,), when=_limited,
          value=lambda c: {"commercial_use": False, "non_commercial": True,
                           "research_only": c.grant is Grant.RESEARCH}),
    _Spec("no-commercial-use", ClauseKind.LIMITATION,
          "No use in products or services offered for a fee, supported by advertising or "
          "otherwise earning revenue",
          ("This License grants no right to use the Licensed Materials, a Derivative or Output",),
          when=_limited, value=lambda c: {"commercial_use": False, "non_commercial": True},
          flows_down=True, outputs=True),
    _Spec("non-commercial-use", ClauseKind.USE_RESTRICTION,
          "Use limited to the grant's non-commercial purposes",
          (_GRANT, "This License grants no right to use the Licensed Materials, a Derivative"),
          when=_limited, value=lambda c: {"non_commercial": True}, flows_down=True,
          outputs=True, taxonomy=("non-commercial",)),
    _Spec("non-transferable", ClauseKind.LIMITATION, "The license cannot be transferred",
          ("This license cannot be transferred",)),
    _Spec("partner-track", ClauseKind.PERMISSION,
          "Commercial use only for partners the Licensor approves, under a separate signed "
          "agreement", ("The Licensor may allow commercial use", "That agreement, and not this"),
          when=lambda c: c.partner_track, value=lambda c: {"partner_track": True},
          note="This License itself grants no commercial use: a commercial user needs the "
               "Licensor's separate written partner agreement."),
    _Spec("patent", ClauseKind.PATENT,
          "Patent license from the Licensor, ended by a patent suit over the Licensed Materials",
          ("On the terms of this License, the Licensor grants You a worldwide, "
           "royalty-free, non-exclusive license under the patent claims",
           "If You start a lawsuit or other legal proceeding claiming"),
          value=lambda c: {"patent_grant": True, "patent_termination_on_litigation": True,
                           "litigation_trigger": "patent",
                           "litigation_terminates": "patent-license"}),
    _Spec("license-copy", ClauseKind.CONDITION, "Give every recipient a copy of this License",
          ("You give every recipient a copy of this License",),
          value=lambda c: {"license_copy": True, "trigger": "distribution"}, flows_down=True),
    _Spec("retain-notices", ClauseKind.CONDITION,
          "Keep copyright, attribution and license notices intact",
          ("You keep intact every copyright notice",),
          value=lambda c: {"retain_notices": True, "trigger": "distribution"}, flows_down=True),
    _Spec("state-changes", ClauseKind.CONDITION, "Mark every changed file as changed",
          ("You mark each file You have changed",),
          value=lambda c: {"state_changes": True, "trigger": "distribution"}),
    _Spec("purpose-flow-down", ClauseKind.CONDITION,
          "Distribute only for the limited purposes, and bind every recipient to them",
          ("You Distribute them solely for",), when=_limited,
          value=lambda c: {"trigger": "distribution", "non_commercial": True}, flows_down=True),
    _Spec("restrictions-flow-down", ClauseKind.CONDITION,
          "Make Attachment A an enforceable part of every downstream agreement and tell "
          "recipients", ("You make the use restrictions of Attachment A an enforceable part",),
          when=lambda c: bool(c.restrictions), value=lambda c: {"trigger": "distribution"},
          flows_down=True),
    _Spec("attribution", ClauseKind.CONDITION,
          "Credit the Licensor in the documentation or about page of products, services and "
          "publications that use the Licensed Materials",
          ("You credit the Licensor by stating",),
          value=lambda c: {"trigger": "distribution", "attribution_text":
                           f"Uses materials of {c.holder} licensed under the Responsible AI "
                           f"License ({TEMPLATE_ID})."},
          flows_down=True),
    _Spec("own-terms", ClauseKind.PERMISSION,
          "Your own modifications may carry your own terms, if they keep sections 2, 4 and 5",
          ("You may license Your own modifications",), value=lambda c: {"relicensable": True}),
    _Spec("use-based-restrictions", ClauseKind.CONDITION,
          "Attachment A binds every use, every Derivative and every later recipient; users must "
          "be made to comply",
          ("You will not use the Licensed Materials, any Derivative or any Output",
           "You will require every person or organization",
           "These restrictions apply to every Derivative"),
          when=lambda c: bool(c.restrictions), value=lambda c: {"trigger": "use"},
          flows_down=True, outputs=True),
    _Spec("output", ClauseKind.PERMISSION,
          "The Licensor claims no rights in Output; you are responsible for it",
          ("The Licensor claims no rights in the Output",),
          value=lambda c: {"output_use": "no-claim"}, outputs=True),
    _Spec("trademarks", ClauseKind.LIMITATION, "No right to the Licensor's names or trademarks",
          ("This License grants no right to use the names, trademarks",)),
    _Spec("reserved-rights", ClauseKind.LIMITATION,
          "Every right not expressly granted is reserved; nothing passes by implication",
          ("The Licensor keeps every right in the Licensed Materials",)),
    _Spec("termination", ClauseKind.TERMINATION,
          "Any breach ends every right automatically, without notice",
          ("If You breach any term of this License",
           "When Your rights end, You must stop using")),
    _Spec("warranty-disclaimer", ClauseKind.LIMITATION, "No warranty of any kind",
          ("The Licensor provides the Licensed Materials as they are",)),
    _Spec("liability", ClauseKind.LIMITATION, "No liability of the Licensor for damages",
          ("To the fullest extent the law allows",)),
)


def sentences_of(markdown: str, protect: tuple[str, ...] = ()) -> list[Sentence]:
    """Every sentence of a drafted text with its section ("2", "1 (Model)", "Attachment A (X)")."""
    out: list[Sentence] = []
    section = ""
    for block in blocks.parse(markdown):
        if block.kind is blocks.BlockKind.HEADING:
            head = blocks.strip_inline(block.text)
            number = head.split(".", 1)[0]
            section = number if number.isdigit() else head.split(":", 1)[0]
            continue
        where = section
        body = block.body
        if block.lead:
            where = f"{section} ({block.lead})"
        elif body.startswith('"') and '" ' in body:
            where = f"{section} ({body[1:body.index(chr(34), 1)]})"
        elif body.startswith("Commercial partners."):
            where, body = f"{section} (Commercial partners)", body[len("Commercial partners."):]
        for sentence in blocks.sentences(body, protect):
            out.append(Sentence(sentence, where, block.line))
    return out


def _find(all_sentences: list[Sentence], anchor: str) -> Sentence | None:
    return next((s for s in all_sentences if s.text.startswith(anchor)), None)


def _contains(hay: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(hay[i : i + n] == needle for i in range(len(hay) - n + 1)) if n else False


def build_sheet(choices: Choices, text: str | None = None) -> Sheet:
    """The term sheet of the license drafted from `choices`.

    `text` is the drafted file as found: a quote of the template that it does not contain (the
    file was changed there) is kept, with a note on its clause saying so.
    """
    markdown = render_markdown(choices)
    protect = tuple(p for p in (choices.holder, choices.name, choices.governing_law) if p)
    found = sentences_of(markdown, protect)
    hay = words(text) if text is not None else None
    covered = [_ARTIFACT[c] for c in choices.covered]
    clauses: list[Clause] = []

    def evidence(anchors: tuple[str, ...], spec_id: str) -> tuple[tuple[Evidence, ...], bool]:
        evs: list[Evidence] = []
        changed = False
        for anchor in anchors:
            s = _find(found, anchor)
            if s is None:
                raise DataError(f"no sentence of {TEMPLATE_ID} opens with {anchor!r}",
                                path="draft/sheet.py", key=spec_id)
            evs.append(Evidence(quote=s.text, section=s.section))
            if hay is not None and not _contains(hay, words(s.text)):
                changed = True
        return tuple(evs), changed

    changed_note = ("This copy of the license does not contain the template's sentence quoted "
                    "here: it was changed (see `licentia identify` for the differences).")
    for spec in _SPECS:
        if not spec.when(choices):
            continue
        evs, changed = evidence(spec.anchors, spec.id)
        arts = [*covered, Artifact.DERIVATIVES] + ([Artifact.OUTPUTS] if spec.outputs else [])
        if spec.kind is ClauseKind.DEFINITION:
            arts = []
        clauses.append(Clause(
            id=spec.id, kind=spec.kind, title=spec.title, value=Value(**spec.value(choices)),
            artifacts=tuple(dict.fromkeys(arts)), flows_down=spec.flows_down,
            taxonomy=spec.taxonomy, evidence=evs,
            note=changed_note if changed else spec.note,
        ))
    for restriction in choices.restriction_paragraphs:
        evs, changed = evidence((restriction.sentence,), restriction.id)
        clauses.append(Clause(
            id=f"restriction-{restriction.id}", kind=ClauseKind.USE_RESTRICTION,
            title=restriction.title, value=Value(trigger="use"),
            artifacts=tuple(dict.fromkeys([*covered, Artifact.DERIVATIVES, Artifact.OUTPUTS])),
            flows_down=True, taxonomy=(restriction.id,), evidence=evs,
            note=changed_note if changed else None,
        ))
    definitions: list[Clause] = []
    for cov in choices.covered:
        anchor = f'"{cov.value.capitalize()}" means'
        evs, changed = evidence((anchor,), f"def-{cov.value}")
        definitions.append(Clause(
            id=f"def-{cov.value}", kind=ClauseKind.DEFINITION,
            title=f"{cov.value.capitalize()}: covered by this license", evidence=evs,
            artifacts=(_ARTIFACT[cov],), note=changed_note if changed else None))
    open_any_purpose = choices.grant is Grant.OPEN and not choices.restrictions
    facts = Facts(osi_approved=False, fsf_free=False, osaid_any_purpose=open_any_purpose,
                  commercial_use="yes" if choices.grant is Grant.OPEN else "no",
                  copyleft=CopyleftScope.NONE)
    title = f"Responsible AI License of {choices.holder} ({TEMPLATE_ID})"
    notes = (f"Drafted with licentia from its template {TEMPLATE_ID}; the clauses are built from "
             f"the choices the text states ({choices.command()}).")
    return Sheet(license=TEMPLATE_ID, title=title, version=TEMPLATE_ID, family="ai", facts=facts,
                 clauses=(*definitions, *clauses), notes=notes)


def generated_sheet(text: str) -> Sheet | None:
    """The term sheet of a drafted license found in `text` (None when there is none)."""
    found = find_draft(text)
    if found is None or found.choices is None:
        return None
    return build_sheet(found.choices, found.region)
