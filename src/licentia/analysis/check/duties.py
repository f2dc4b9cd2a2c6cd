# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The duties on a component's checklist as findings: naming, thresholds, "built with"
notices, source (and relinking) duties, notices; and the license-wide terms that follow the
material (revocation, patent termination)."""

from __future__ import annotations

import re
from functools import cache

from licentia.analysis.check.actions import source_action
from licentia.analysis.check.drafts import Draft, draft, label
from licentia.analysis.check.graph import Graph
from licentia.analysis.check.model import Obligation
from licentia.analysis.findings import Code, Severity
from licentia.analysis.manifest import Component, Link, Manifest
from licentia.analysis.profile import Profile, profile
from licentia.catalog.terms import Clause

_ADVERB = {Link.STATIC: "statically", Link.DYNAMIC: "dynamically"}


def clause_of(p: Profile, clause_id: str) -> Clause | None:
    return _clauses(p.key).get(clause_id)


@cache
def _clauses(key: str) -> dict[str, Clause]:
    sheet = profile(key).sheet
    return {c.id: c for c in sheet.clauses} if sheet is not None else {}


def _folded_name(text: str) -> str:
    return re.sub(r"[\s_.\-]+", "", text.casefold())


def name_begins_with(name: str, prefix: str) -> bool:
    """Does a model name begin with the prefix a naming clause demands? Case and the separator
    a hub allows in names ("Llama-3", "llama_3") do not matter: "Llama 3" is met by both."""
    return _folded_name(name).startswith(_folded_name(prefix))


@cache
def name_prefixes(key: str) -> tuple[str, ...]:
    """The prefixes a license's naming clauses demand of a derivative's name."""
    return tuple(dict.fromkeys(c.value.name_prefix for c in _clauses(key).values()
                               if c.value.name_prefix))


def _naming(c: Component, it: Obligation, clause: Clause | None, comps: list[str],
            gray: str) -> Draft:
    name = label(it.license)
    prefix = clause.value.name_prefix if clause else None
    if prefix and c.name and not name_begins_with(c.name, prefix):
        return draft(Code.NAMING_REQUIREMENT, Severity.ERROR,
                     f"{c.id} is named {c.name!r}; {name} requires its name to begin with "
                     f"{prefix!r}", key=(c.id, it.license), components=comps,
                     evidence=it.evidence, licenses=[it.license],
                     actions=[f"Rename it to begin with {prefix!r}"])
    return draft(Code.NAMING_REQUIREMENT, Severity.INFO if c.name else Severity.WARNING,
                 f"a model built with {name} material that is distributed or made available "
                 f"must have a name beginning with {prefix!r}{gray}",
                 key=(it.license, bool(c.name)), components=comps, evidence=it.evidence,
                 licenses=[it.license],
                 actions=[] if c.name else [f"Give the model a name beginning with {prefix!r} "
                                            "(set `name:` in the manifest)"])


def _threshold(m: Manifest, p: Profile, it: Obligation, clause: Clause,
               comps: list[str]) -> Draft:
    mau, revenue = clause.value.mau_threshold, clause.value.revenue_threshold_usd
    over = (mau is not None and m.monthly_active_users is not None
            and m.monthly_active_users > mau) or \
           (revenue is not None and m.annual_revenue_usd is not None
            and m.annual_revenue_usd > revenue)
    limit = (f"{mau:,} monthly active users" if mau is not None else
             f"USD {revenue:,} annual revenue" if revenue is not None else "a threshold")
    if over:
        return draft(Code.USER_THRESHOLD, Severity.ERROR,
                     f"{label(p.key)}: the product is above {limit}: a separate license from "
                     "the licensor is required", key=(p.key, it.clause, "over"),
                     components=comps, evidence=it.evidence, licenses=[p.key],
                     actions=["Request a license from the licensor before use"])
    return draft(Code.USER_THRESHOLD, Severity.INFO,
                 f"{label(p.key)}: above {limit} a separate license from the licensor is "
                 "required", key=(p.key, it.clause), components=comps, evidence=it.evidence,
                 licenses=[p.key],
                 actions=["Track the figure; the manifest's `monthly_active_users` / "
                          "`annual_revenue_usd` lets check compare it"])


def _source(c: Component, it: Obligation, clause: Clause | None, comps: list[str],
            gray: str) -> Draft:
    name = label(it.license)
    if clause is not None and clause.value.only_when_linked:
        return draft(it.code or Code.SOURCE_DISCLOSURE, Severity.WARNING,
                     f"{name} is linked {_ADVERB[c.link]} into the product: "
                     f"{clause.title[0].lower()}{clause.title[1:]}",
                     key=(it.license, "relink", it.clause), components=comps,
                     evidence=it.evidence, licenses=[it.license],
                     actions=[f"Ship the product's object files (or source) with it so users "
                              f"can relink it with a modified {name}, or link {name} "
                              "dynamically (a shared library)"])
    code = it.code or Code.SOURCE_DISCLOSURE
    msg = (f"{name}: users interacting with these components over a network must be offered "
           f"their Corresponding Source{gray}" if code == Code.NETWORK_COPYLEFT else
           f"{name}: recipients of these components must get their Corresponding Source{gray}")
    return draft(code, Severity.WARNING, msg, key=(it.license, c.id if it.note else "", code),
                 components=comps, evidence=it.evidence, licenses=[it.license],
                 actions=[source_action(code, name)])


def _item(g: Graph, c: Component, it: Obligation, required: str | None) -> Draft | None:
    p = profile(it.license)
    comps = g.origin_components(c, it.license)
    gray = f" ({it.note})" if it.note else ""
    clause = clause_of(p, it.clause)
    if it.code is None or it.code == Code.ASSESSED_BY_CATEGORY:
        return None  # said once per license by the category step
    if it.code == Code.NAMING_REQUIREMENT:
        return _naming(c, it, clause, comps, gray)
    if it.code == Code.USER_THRESHOLD:
        return _threshold(g.manifest, p, it, clause, comps) if clause else None
    if it.code == Code.BUILT_WITH_NOTICE:
        text = clause.value.attribution_text if clause else ""
        return draft(Code.BUILT_WITH_NOTICE, Severity.INFO,
                     f"display {text!r} ({label(it.license)}){gray}",
                     key=(it.license, it.clause), components=comps, evidence=it.evidence,
                     licenses=[it.license],
                     actions=[f"Show {text!r} prominently on a related website, user "
                              "interface, blog post, about page or product documentation"])
    if it.code in (Code.SOURCE_DISCLOSURE, Code.NETWORK_COPYLEFT):
        relink = clause is not None and clause.value.only_when_linked
        if not relink and it.license == required and c.link.combines and not it.note:
            return None  # the combined work's own finding covers it
        return _source(c, it, clause, comps, gray)
    return draft(it.code, Severity.INFO, f"{label(it.license)}{gray}",
                 key=(it.license, bool(gray)), components=comps, evidence=it.evidence,
                 licenses=[it.license], detail=f"{it.title[0].lower()}{it.title[1:]}")


def _license_terms(g: Graph, c: Component, key: str) -> list[Draft]:
    p = profile(key)
    out = []
    if p.revocable is not None:
        out.append(draft(Code.REVOCABLE, Severity.WARNING,
                         f"{label(key)} may be revoked or terminated by the licensor at will",
                         key=(key,), components=g.origin_components(c, key),
                         evidence=p.evidence(p.revocable), licenses=[key],
                         actions=["Keep a fallback (another model or dataset) or negotiate a "
                                  "non-revocable license"]))
    if p.patent_termination is not None and g.exposure[c.id] is not None:
        out.append(draft(Code.PATENT_TERMINATION, Severity.INFO,
                         f"{label(key)}: suing over the licensed material's patents (or IP, as "
                         "written) ends your license", key=(key,),
                         components=g.origin_components(c, key),
                         evidence=p.evidence(p.patent_termination), licenses=[key],
                         duty=False))
    return out


def item_findings(g: Graph, c: Component, items: tuple[Obligation, ...],
                  required: str | None) -> list[Draft]:
    """The findings of a component's checklist; `required` is the license the combined work
    goes under (its own finding covers the source duty of its parts)."""
    out = [d for it in items if (d := _item(g, c, it, required)) is not None]
    for key in g.governing(c.id):
        out += _license_terms(g, c, key)
    return out
