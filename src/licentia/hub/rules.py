# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""check's rules applied to one model and the licenses reaching it from upstream. A model is
checked as a manifest: itself (published on the Hub: distributed; commercial unless its own
license forbids it) deriving from one component per upstream license. Models with the same
licenses in play share one evaluation (`Situation`), so a million-model tree costs as many
check runs as it has distinct situations; ids stand in as placeholders until a finding is
given to a model."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from licentia.analysis.check import check
from licentia.analysis.check.duties import name_begins_with, name_prefixes
from licentia.analysis.findings import Code, Evidence, Severity
from licentia.analysis.manifest import (
    Component,
    Derivation,
    Distribution,
    Kind,
    LicenseRef,
    Link,
    Manifest,
    Relation,
)
from licentia.analysis.profile import profile

MODEL = "\u27e8model\u27e9"  # the model's id in a shared evaluation
NAME = "\u27e8name\u27e9"  # the model's name where it does not meet a naming clause
# check's findings about the lineage kept for the Hub: conflicts and warnings, and the naming
# and "Built with" duties (the others - notices, patent terms - are the model's own license's)
_KEPT_DUTIES = frozenset({Code.NAMING_REQUIREMENT, Code.BUILT_WITH_NOTICE})


def upstream_id(key: str) -> str:
    return f"\u27e8{key}\u27e9"


@dataclass(frozen=True)
class Situation:
    """What decides a model's findings: its own license, the licenses upstream (each with
    whether it reaches the model only through outputs, by distillation), and the naming
    prefixes its name meets."""

    license: str
    upstream: tuple[tuple[str, bool], ...]
    named: tuple[str, ...] = ()


@dataclass(frozen=True)
class RuleFinding:
    """A check finding in placeholder terms: `upstream` names the licenses it concerns."""

    code: str
    severity: Severity
    message: str
    upstream: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    actions: tuple[str, ...]


def situation(license: str, upstream: dict[str, bool], name: str) -> Situation:
    """The situation of a model named `name` under `license` with these upstream licenses."""
    prefixes = {p for k in upstream for p in name_prefixes(k)} | set(name_prefixes(license))
    named = tuple(sorted(p for p in prefixes if name_begins_with(name, p)))
    return Situation(license, tuple(sorted(upstream.items())), named)


def synthetic_name(s: Situation) -> str:
    """A name meeting exactly the prefixes the model's real name meets."""
    return f"{max(s.named, key=len)} {NAME}" if s.named else NAME


def _manifest(s: Situation) -> Manifest:
    comps = [Component(id=upstream_id(k), kind=Kind.MODEL, license=LicenseRef(k, ((k,),)),
                       link=Link.NONE) for k, _ in s.upstream]
    derived = tuple(Derivation(upstream_id(k), Relation.DISTILL if distilled
                               else Relation.FINETUNE) for k, distilled in s.upstream)
    comps.append(Component(id=MODEL, kind=Kind.MODEL,
                           license=LicenseRef(s.license, ((s.license,),)), link=Link.STATIC,
                           name=synthetic_name(s), derived_from=derived))
    commercial = profile(s.license).non_commercial is None
    return Manifest(project=MODEL, distribution=Distribution.DISTRIBUTED,
                    commercial=commercial, components=tuple(comps))


@lru_cache(maxsize=65536)
def evaluate(s: Situation) -> tuple[RuleFinding, ...]:
    """check's findings for a situation that concern the lineage."""
    ups = {upstream_id(k): k for k, _ in s.upstream}
    out: list[RuleFinding] = []
    for f in check(_manifest(s)).findings:
        concerned = tuple(ups[c] for c in f.components if c in ups)
        if not concerned and MODEL in f.components:  # a term of its own license it inherits
            keys = {k for k, _ in s.upstream}
            concerned = tuple(k for k in f.extra.get("licenses", ()) if k in keys)
        if not concerned:
            continue  # the model's own license's duties
        if f.severity is Severity.INFO and f.code not in _KEPT_DUTIES:
            continue
        out.append(RuleFinding(f.code, f.severity, f.message, concerned, f.evidence,
                               f.actions))
    return tuple(out)
