# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Renderers for `check`: JSON (the contract's keys plus `format_version`), terminal text,
Markdown, HTML and SARIF 2.1.0. Pure functions: a Check in, a string or a dict out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from licentia import __version__
from licentia.analysis.check import TITLES, Check, ComponentDuties, Outbound
from licentia.analysis.findings import Code, Evidence, Finding, Severity
from licentia.analysis.policy import PolicyReport
from licentia.catalog.terms import sheet_for
from licentia.report.provenance import Provenance, provenance
from licentia.report.render import DISCLAIMER, render

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_VERSION = "2.1.0"
SHOWN = 8  # components named before "and N more" in text and Markdown

_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SUMMARY = {
    "ok": "OK: nothing to do as offered",
    "obligations": "OBLIGATIONS: allowed, with duties to perform",
    "conflict": "CONFLICT: the combination, as described, breaks a license",
}


# --- JSON ---------------------------------------------------------------------------------------


def _evidence(ev: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [e.to_json() for e in ev]


def finding_json(f: Finding) -> dict[str, Any]:
    return {"code": f.code, "severity": f.severity.value, "title": f.title,
            "components": list(f.components), "message": f.message,
            "evidence": _evidence(f.evidence), "actions": list(f.actions),
            "licenses": list(f.extra.get("licenses", [])),
            "triggered": bool(f.extra.get("triggered", True))}


def _duties_json(d: ComponentDuties) -> dict[str, Any]:
    return {"component": d.component, "kind": d.kind.value, "link": d.link.value,
            "exposure": d.exposure.value if d.exposure else None,
            "licenses": list(d.licenses),
            "inherited": [{"license": i.license, "from": i.origin, "via": i.via}
                          for i in d.inherited],
            "checklist": [{"code": o.code, "license": o.license, "clause": o.clause,
                           "title": o.title, "note": o.note} for o in d.items],
            "notes": list(d.notes)}


def _outbound_json(o: Outbound) -> dict[str, Any]:
    return {"declared": o.declared, "leading": o.leading, "allowed": list(o.allowed),
            "allowed_if_distributed": (list(o.allowed_if_distributed)
                                       if o.allowed_if_distributed is not None else None),
            "required_terms": [{"license": t.license, "clause": t.clause, "title": t.title,
                                "taxonomy": list(t.taxonomy), "evidence": _evidence(t.evidence)}
                               for t in o.required_terms],
            "keeps_own_license": list(o.keeps_own_license),
            "chosen": o.chosen,
            "options": [{"option": name, "verdict": verdict} for name, verdict in o.options]}

_ALONE = {"ok": "nothing to do", "obligations": "allowed, with duties",
          "conflict": "a conflict"}


def headline(check: Check) -> str:
    """The verdict line: the combination's verdict, and the policy's when one was applied — a
    failed policy is what the exit code reports, so it leads."""
    summary = _SUMMARY[check.verdict.value]
    policy = check.policy
    if policy is None or policy.verdict.value == "pass":
        return summary + ("; policy passed" if policy is not None else "")
    alone = _ALONE[check.verdict.value]
    if policy.verdict.value == "fail":
        return f"POLICY FAILED: the policy denies part of this combination (by the licenses " \
               f"alone: {alone})"
    return f"{summary}; POLICY REVIEW: the policy asks for a review of part of it"


def check_provenance(check: Check) -> Provenance:
    """What the check rests on: the manifest, the policy file, every component's license file
    (when one is given as a file) and the term sheets of the licenses named."""
    m = check.manifest
    keys = [k for c in m.components for option in c.license.alternatives for k in option]
    keys += [m.outbound_license] if m.outbound_license else []
    files = [c.license.reference for c in m.components]
    return provenance([m.path, check.policy.path if check.policy else None, *files],
                      [sheet_for(k) for k in dict.fromkeys(keys)])


def _policy_json(p: PolicyReport) -> dict[str, Any]:
    return {"file": p.path, "verdict": p.verdict.value,
            "results": [{"subject": r.subject, "item": r.item, "decision": r.decision.value,
                         "components": list(r.components), "reason": r.reason}
                        for r in p.results]}


def to_json(check: Check) -> dict[str, Any]:
    """The `check --json` document (cli-contract.md: verdict, findings, obligations,
    outbound; plus format_version and context)."""
    m = check.manifest
    counts = {s.value: sum(1 for f in check.findings if f.severity is s) for s in Severity}
    data: dict[str, Any] = {
        "format_version": check.format_version,
        "manifest": m.path, "project": m.project, "distribution": m.distribution.value,
        "commercial": m.commercial,
        "verdict": check.verdict.value,
        "summary": {"components": len(m.components), **counts},
        "findings": [finding_json(f) for f in check.findings],
        "obligations": [_duties_json(d) for d in check.obligations],
        # the quotes behind every checklist item, once each ("license#clause")
        "clauses": {f"{o.license}#{o.clause}": _evidence(o.evidence)
                    for d in check.obligations for o in d.items},
        "outbound": _outbound_json(check.outbound),
        "architecture": [{"action": a.action, "components": list(a.components),
                          "condition": a.condition, "avoids": list(a.avoids),
                          "evidence": _evidence(a.evidence)} for a in check.architecture],
    }
    if check.policy is not None:
        data["policy"] = _policy_json(check.policy)
    data["headline"] = headline(check)
    data["provenance"] = check_provenance(check).to_json()
    return data


# --- text and Markdown ----------------------------------------------------------------------------


def _names(items: Iterable[str], limit: int = SHOWN) -> str:
    items = list(items)
    shown = ", ".join(items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _where(ev: Evidence) -> str:
    doc = "" if ev.document == "license" else f", {ev.document}"
    return f"{ev.license} {ev.section}{doc}"


def to_text(check: Check) -> str:
    """A terminal summary: the verdict, what is wrong and what to do, the outbound license."""
    m = check.manifest
    lines = [f"{m.project}: {len(m.components)} components, {m.distribution.value}, "
             f"{'commercial' if m.commercial else 'non-commercial'}",
             f"verdict: {headline(check)}", ""]
    for f in check.findings:
        if f.severity is Severity.INFO and f.extra.get("triggered", True) \
                and not f.extra.get("duty"):
            continue
        mark = f.severity.value.upper() if f.extra.get("triggered", True) else "NOTE"
        lines.append(f"{mark} [{f.code}] {f.message}")
        lines.append(f"    components: {_names(f.components)}")
        for ev in f.evidence[:2]:
            lines.append(f"    \u201c{ev.quote}\u201d ({_where(ev)})")
        lines += [f"    -> {a}" for a in f.actions]
    notes = [f"{d.component}: {n}" for d in check.obligations for n in d.notes]
    if notes:
        lines += ["", "notes:"] + [f"  {n}" for n in notes[:SHOWN]] + (
            [f"  ... and {len(notes) - SHOWN} more (--json lists them)"]
            if len(notes) > SHOWN else [])
    o = check.outbound
    lines.append("")
    if o.leading:
        lines.append(f"the work must go under: {o.leading}")
    if o.declared:
        lines.append(f"declared outbound license: {check.manifest.outbound_reference}")
    if o.chosen:
        lines.append(f"  option chosen: {o.chosen} ("
                     + "; ".join(f"{name}: {verdict}" for name, verdict in o.options) + ")")
    lines.append(f"outbound licenses allowed: {_names(o.allowed, 12) or 'none'}")
    if o.allowed_if_distributed is not None and o.allowed_if_distributed != o.allowed:
        lines.append(f"  if distributed: {_names(o.allowed_if_distributed, 12) or 'none'}")
    for t in o.required_terms:
        lines.append(f"  must carry: {t.title}")
    for a in check.architecture:
        lines += ["", f"ARCHITECTURE: {a.action}", f"    when: {a.condition}"]
    if check.policy is not None:
        lines += ["", f"policy ({check.policy.path}): {check.policy.verdict.value}"]
        for r in check.policy.results:
            if r.decision.value != "allow":
                lines.append(f"  {r.decision.value.upper()} {r.subject} {r.item}: {r.reason} "
                             f"({_names(r.components, 5)})")
    lines += ["", *check_provenance(check).lines(), DISCLAIMER]
    return "\n".join(lines) + "\n"


def _context(check: Check) -> dict[str, Any]:
    return {"check": check, "m": check.manifest, "summary": headline(check),
            "provenance": check_provenance(check),
            "verdict": check.verdict.value, "names": _names, "where": _where,
            "duties": [d for d in check.obligations if d.items],
            "errors": [f for f in check.findings if f.severity is Severity.ERROR],
            "warnings": [f for f in check.findings if f.severity is Severity.WARNING],
            "infos": [f for f in check.findings if f.severity is Severity.INFO]}


def to_markdown(check: Check) -> str:
    return render("check.md.j2", **_context(check))


def to_html(check: Check) -> str:
    return render("check.html.j2", **_context(check))


# --- SARIF ----------------------------------------------------------------------------------------


def _rule_name(code: str) -> str:
    return "".join(part.capitalize() for part in code.split("-"))


def _rules(check: Check) -> list[dict[str, Any]]:
    codes = [c.value for c in Code]
    codes += [f.code for f in check.findings if f.code not in codes]
    rules = [{"id": code, "name": _rule_name(code),
              "shortDescription": {"text": TITLES.get(code, code)},
              "properties": {"tags": ["license"]}} for code in codes]
    if check.policy is not None:
        for subject in ("license", "restriction", "finding"):
            rules.append({"id": f"policy/{subject}", "name": f"Policy{subject.capitalize()}",
                          "shortDescription": {"text": f"Organization policy on a {subject}"},
                          "properties": {"tags": ["license", "policy"]}})
    return rules


def _location(check: Check, components: Iterable[str]) -> dict[str, Any]:
    m = check.manifest
    by_id = {c.id: c for c in m.components}
    line = next((by_id[c].line for c in components if c in by_id and by_id[c].line), None)
    uri = PurePath(m.path).as_posix() if m.path else "manifest.yaml"
    loc: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri},
                                                "region": {"startLine": line or 1}}}
    names = list(components)[:20]
    if names:
        loc["logicalLocations"] = [{"name": c, "kind": "module"} for c in names]
    return loc


def _fingerprint(*parts: object) -> str:
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:32]


def to_sarif(check: Check) -> dict[str, Any]:
    """SARIF 2.1.0: one rule per finding code, one result per finding, located in the
    manifest at the first component it names."""
    rules = _rules(check)
    index = {r["id"]: i for i, r in enumerate(rules)}
    results: list[dict[str, Any]] = []
    for f in check.findings:
        triggered = f.extra.get("triggered", True)
        text = f.message + ("" if not f.actions else " Actions: " + " ".join(f.actions))
        results.append({
            "ruleId": f.code, "ruleIndex": index[f.code],
            "level": _LEVEL[f.severity] if triggered else "none",
            "message": {"text": text},
            "locations": [_location(check, f.components)],
            "partialFingerprints": {"licentiaFinding/v1": _fingerprint(
                f.code, f.severity.value, f.message, *f.components[:50])},
            "properties": {"components": list(f.components),
                           "licenses": list(f.extra.get("licenses", [])),
                           "triggered": triggered, "evidence": _evidence(f.evidence),
                           "actions": list(f.actions)},
        })
    if check.policy is not None:
        for r in check.policy.results:
            if r.decision.value == "allow":
                continue
            rid = f"policy/{r.subject}"
            results.append({
                "ruleId": rid, "ruleIndex": index[rid],
                "level": "error" if r.decision.value == "deny" else "warning",
                "message": {"text": f"{r.subject} {r.item}: {r.decision.value} ({r.reason})"},
                "locations": [_location(check, r.components)],
                "partialFingerprints": {"licentiaPolicy/v1": _fingerprint(
                    r.subject, r.item, r.decision.value)},
                "properties": {"components": list(r.components)},
            })
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {"name": "licentia", "version": __version__,
                                "semanticVersion": __version__, "rules": rules}},
            "results": results,
            "columnKind": "unicodeCodePoints",
            "properties": {"verdict": check.verdict.value,
                           "formatVersion": check.format_version,
                           "provenance": check_provenance(check).to_json()},
        }],
    }
