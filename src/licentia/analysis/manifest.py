# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The `check` manifest: a product's components (models, datasets, code, services), how they
derive from and join one another, and how the product is offered. Validated at the boundary:
every problem is reported at once, named by file and key (`components[tuned].license`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from licentia.analysis.profile import SCOPE_RANK, profile, with_exception
from licentia.catalog.catalog import catalog
from licentia.errors import InputError, LicentiaError
from licentia.identify import Identification
from licentia.identify.expression import parse as parse_expression
from licentia.identify.spdxtags import spdx_licensing
from licentia.reference import check_role, resolve_reference
from licentia.suggest import hint
from licentia.userfile import Problem, ProblemsError, read_user_text, yaml_document

MAX_ALTERNATIVES = 16  # options of an SPDX expression kept after expanding it
# references that say "no license known": a result (an `unknown-license` finding), not an error
UNKNOWN_REFERENCES = frozenset({"noassertion", "unknown", "other", "none", "unlicensed"})


class Kind(StrEnum):
    MODEL = "model"
    DATASET = "dataset"
    CODE = "code"
    SERVICE = "service"


class Relation(StrEnum):
    """How a component derives from another (`derived_from`)."""

    FINETUNE = "finetune"
    ADAPTER = "adapter"
    MERGE = "merge"
    QUANTIZE = "quantize"
    DISTILL = "distill"  # trained on the other's outputs: a derivative if its license says so
    ADAPT = "adapt"  # any other modification (a cleaned dataset, patched code)


class Link(StrEnum):
    """How a component joins the product."""

    STATIC = "static"
    DYNAMIC = "dynamic"
    NETWORK = "network"  # a separate program reached over the network
    AGGREGATE = "aggregate"  # a separate program shipped alongside (pipes, command line)
    NONE = "none"  # not part of the product (only upstream of something that is)

    @property
    def combines(self) -> bool:
        """Does it form one program with the product (a combined work)?"""
        return self in (Link.STATIC, Link.DYNAMIC)


class Distribution(StrEnum):
    INTERNAL = "internal"
    SAAS = "saas"
    DISTRIBUTED = "distributed"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Distribution.INTERNAL: 0, Distribution.SAAS: 1, Distribution.DISTRIBUTED: 2}


# a manifest's problems are user-file problems like any other
ManifestError = ProblemsError


@dataclass(frozen=True)
class LicenseRef:
    """A component's resolved license reference: the options it offers (an SPDX OR), each a set
    of licenses that apply together (an AND); empty when the reference says "unknown"."""

    reference: str
    alternatives: tuple[tuple[str, ...], ...]
    exceptions: tuple[str, ...] = ()
    identification: Identification | None = None

    @property
    def unknown(self) -> bool:
        return not self.alternatives

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(k for alt in self.alternatives for k in alt))


@dataclass(frozen=True)
class Derivation:
    component: str
    relation: Relation


@dataclass(frozen=True)
class Component:
    id: str
    kind: Kind
    license: LicenseRef
    link: Link
    link_given: bool = True
    name: str | None = None  # the published name (for naming requirements)
    derived_from: tuple[Derivation, ...] = ()
    trained_on: tuple[str, ...] = ()
    trained_on_outputs_of: tuple[str, ...] = ()
    modified: bool = False
    additional_terms: tuple[str, ...] = ()  # licenses whose terms its own license carries
    line: int | None = None

    @property
    def derived(self) -> bool:
        return bool(self.derived_from) or self.modified


@dataclass(frozen=True)
class Manifest:
    project: str
    distribution: Distribution
    commercial: bool
    components: tuple[Component, ...]
    outbound_license: str | None = None  # catalog key: the license the work goes under
    outbound_reference: str | None = None
    outbound_terms: tuple[str, ...] = ()
    # the options of an outbound expression (an SPDX OR), each a set of licenses the release
    # carries together (an AND); check picks the option that works and says which
    outbound_options: tuple[tuple[str, ...], ...] = ()
    monthly_active_users: int | None = None
    annual_revenue_usd: int | None = None
    path: str | None = None
    lines: dict[str, int] = field(default_factory=dict, compare=False)

    def by_id(self) -> dict[str, Component]:
        return {c.id: c for c in self.components}


# --- the raw file, validated by pydantic -------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _RawDerivation(_Strict):
    component: str
    relation: Relation


class _RawComponent(_Strict):
    id: Annotated[str, Field(min_length=1)]
    kind: Kind
    license: Annotated[str, Field(min_length=1)]
    name: str | None = None
    description: str | None = None
    link: Link | None = None
    derived_from: tuple[_RawDerivation, ...] = ()
    trained_on: tuple[str, ...] = ()
    trained_on_outputs_of: tuple[str, ...] = ()
    modified: bool = False
    adapted: bool = False  # the same fact in the words of datasets and media: changed by you
    additional_terms: tuple[str, ...] = ()


class _RawManifest(_Strict):
    project: str | None = None
    description: str | None = None
    distribution: Distribution
    commercial: bool
    outbound_license: str | None = None
    outbound_terms: tuple[str, ...] = ()
    monthly_active_users: Annotated[int, Field(ge=0)] | None = None
    annual_revenue_usd: Annotated[int, Field(ge=0)] | None = None
    components: Annotated[list[_RawComponent], Field(min_length=1)]


def _key(loc: tuple[int | str, ...], data: Any) -> str:
    """A pydantic location as the user's keys: components[tuned].derived_from[0].relation."""
    parts: list[str] = []
    node = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list):
            node = node[step] if step < len(node) else None
            label = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{label if isinstance(label, str) and label else step}]")
        else:
            parts.append(f".{step}" if parts else str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return "".join(parts)


def _message(err: Any) -> str:
    if err["type"] == "extra_forbidden":
        return "unknown key"
    if err["type"] == "missing":
        return "required key is missing"
    return str(err["msg"])


def _parse_yaml(text: str, source: str) -> tuple[Any, dict[str, int], dict[str, int]]:
    """The data, the line of each component (by id, and by index as "#3") and of each
    top-level key."""
    document = yaml_document(text, source, line_in_path=True)  # bounded: depth, aliases, keys
    data, node = document.data, document.node
    lines: dict[str, int] = {}
    top: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            top[str(key_node.value)] = key_node.start_mark.line + 1
            if key_node.value == "components" and isinstance(value_node, yaml.SequenceNode):
                for index, item in enumerate(value_node.value):
                    lines[f"#{index}"] = item.start_mark.line + 1
                    if isinstance(item, yaml.MappingNode):
                        for k, v in item.value:
                            if k.value == "id" and isinstance(v, yaml.ScalarNode):
                                lines.setdefault(str(v.value), item.start_mark.line + 1)
    return data, lines, top


class _Resolver:
    """License references, resolved once each (a manifest repeats the same few thousands of
    times)."""

    def __init__(self, base: Path | None) -> None:
        self.base = base
        self.cache: dict[str, LicenseRef | LicentiaError] = {}

    def __call__(self, ref: str) -> LicenseRef:
        hit = self.cache.get(ref)
        if hit is None:
            try:
                hit = self._resolve(ref)
            except LicentiaError as exc:
                hit = exc
            self.cache[ref] = hit
        if isinstance(hit, LicentiaError):
            raise hit
        return hit

    def _resolve(self, ref: str) -> LicenseRef:
        if ref.strip().lower() in UNKNOWN_REFERENCES:
            return LicenseRef(ref, ())
        resolved = resolve_reference(ref, base=self.base)
        if resolved.expression is None:
            keys = tuple(lic.key for lic in resolved.licenses if not lic.is_exception)
            excs = tuple(lic.key for lic in resolved.licenses if lic.is_exception)
            if not keys and excs and resolved.identification is None:
                raise InputError(f"{ref!r} is a license exception, not a license: write it "
                                 f"after the license it modifies (`GPL-2.0-only WITH {ref}`)")
            if len(keys) == 1 and len(excs) == 1:  # a file holding a license and its exception
                return LicenseRef(ref, ((with_exception(keys[0], excs[0]),),), excs,
                                  resolved.identification)
            # a file holding several licenses: all of them apply
            return LicenseRef(ref, (keys,) if keys else (), excs, resolved.identification)
        licensing = spdx_licensing()
        parsed = parse_expression(licensing, resolved.expression)
        exceptions: list[str] = []
        alternatives = _dnf(parsed, licensing, exceptions)
        return LicenseRef(ref, tuple(alternatives[:MAX_ALTERNATIVES]),
                          tuple(dict.fromkeys(exceptions)))


def resolve_license(ref: str, base: Path | None = None) -> LicenseRef:
    """A license reference as a manifest reads it (an id, an SPDX expression with AND, OR and
    WITH, a LicenseRef, a file); LicentiaError when it names nothing licentia knows."""
    return _Resolver(base)(ref)


def _symbol_key(symbol: Any, exception: bool = False) -> str:
    """The catalog key of an expression's symbol; a license where an exception belongs (or
    the reverse) is an error, never silently dropped."""
    lic = catalog().lookup(str(symbol.key))
    if lic is None:  # pragma: no cover - resolve_reference checked every symbol
        raise InputError(f"unknown license {symbol.key!r}")
    check_role(str(symbol.key), lic, exception)
    return lic.key


def _dnf(node: Any, licensing: Any, exceptions: list[str]) -> list[tuple[str, ...]]:
    """An SPDX expression as OR-of-ANDs: the options a user may choose among."""
    if isinstance(node, licensing.OR):
        out: list[tuple[str, ...]] = []
        for arg in node.args:
            out += _dnf(arg, licensing, exceptions)
        return list(dict.fromkeys(out))
    if isinstance(node, licensing.AND):
        combos: list[tuple[str, ...]] = [()]
        for arg in node.args:
            combos = [tuple(dict.fromkeys(a + b)) for a in combos
                      for b in _dnf(arg, licensing, exceptions)][:MAX_ALTERNATIVES]
        return combos
    if hasattr(node, "license_symbol"):  # LICENSE WITH EXCEPTION
        exception = _symbol_key(node.exception_symbol, exception=True)
        exceptions.append(exception)
        return [(with_exception(_symbol_key(node.license_symbol), exception),)]
    return [(_symbol_key(node),)]


def parse_manifest(text: str, source: str = "manifest.yaml",
                   base: Path | None = None) -> Manifest:
    """Parse and validate a manifest; ManifestError lists every problem found."""
    data, lines, top = _parse_yaml(text, source)
    if not isinstance(data, dict):
        raise ManifestError([Problem("", "a manifest must be a mapping with `components`")],
                            source)
    try:
        raw = _RawManifest.model_validate(data)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            key = _key(err["loc"], data)
            line = _line_of(key, lines, top)
            problems.append(Problem(key, _message(err), line))
        problems.sort(key=lambda p: p.line or 1 << 30)
        raise ManifestError(problems, source) from exc
    return _build(raw, source, base, lines, top)


def _line_of(key: str, lines: dict[str, int], top: dict[str, int]) -> int | None:
    if key.startswith("components[") and "]" in key:
        label = key[len("components["):key.index("]")]
        return lines.get(f"#{label}") if label.isdigit() else lines.get(label)
    return top.get(key.split(".")[0].split("[")[0])


def load_manifest(path: Path) -> Manifest:
    """Read a manifest file; license files it names are read relative to it."""
    return parse_manifest(read_user_text(path), str(path), path.parent)


def _build(raw: _RawManifest, source: str, base: Path | None, lines: dict[str, int],
           top: dict[str, int]) -> Manifest:
    problems: list[Problem] = []
    resolve = _Resolver(base)
    first_at: dict[str, int] = {}
    for index, rc in enumerate(raw.components):
        if rc.id in first_at:
            problems.append(Problem(f"components[{index}].id",
                                    f"duplicate component id {rc.id!r} (first at "
                                    f"components[{first_at[rc.id]}])",
                                    lines.get(f"#{index}")))
        else:
            first_at[rc.id] = index
    kinds = {rc.id: rc.kind for rc in raw.components}
    referenced: set[str] = set()
    for index, rc in enumerate(raw.components):
        where = f"components[{rc.id}]"
        line = lines.get(f"#{index}")
        targets = [(f"{where}.derived_from[{i}].component", d.component)
                   for i, d in enumerate(rc.derived_from)]
        targets += [(f"{where}.trained_on[{i}]", t) for i, t in enumerate(rc.trained_on)]
        targets += [(f"{where}.trained_on_outputs_of[{i}]", t)
                    for i, t in enumerate(rc.trained_on_outputs_of)]
        for key, target in targets:
            referenced.add(target)
            if target not in kinds:
                hint = _close(target, kinds)
                problems.append(Problem(key, f"undefined component {target!r}{hint}", line))
            elif target == rc.id:
                problems.append(Problem(key, "a component cannot derive from itself", line))
        for i, t in enumerate(rc.trained_on):
            if kinds.get(t) in (Kind.MODEL, Kind.SERVICE):
                problems.append(Problem(f"{where}.trained_on[{i}]",
                                        f"{t!r} is a {kinds[t].value}: name the data it was "
                                        "trained on, or use trained_on_outputs_of for a model's "
                                        "outputs", line))
        for i, t in enumerate(rc.trained_on_outputs_of):
            if kinds.get(t) in (Kind.DATASET, Kind.CODE):
                problems.append(Problem(f"{where}.trained_on_outputs_of[{i}]",
                                        f"{t!r} is a {kinds[t].value}, not a model or service: "
                                        "use trained_on", line))
    problems += _cycles(raw, lines)
    components: list[Component] = []
    for index, rc in enumerate(raw.components):
        where = f"components[{rc.id}]"
        line = lines.get(f"#{index}")
        ref = _resolved(resolve, rc.license, f"{where}.license", line, problems)
        extra = tuple(k for i, r in enumerate(rc.additional_terms)
                      if (k := _single(resolve, r, f"{where}.additional_terms[{i}]", line,
                                       problems)))
        if ref is None:
            continue
        link = rc.link or _default_link(rc, referenced)
        components.append(Component(
            id=rc.id, kind=rc.kind, license=ref, link=link, link_given=rc.link is not None,
            name=rc.name, derived_from=tuple(Derivation(d.component, d.relation)
                                             for d in rc.derived_from),
            trained_on=tuple(rc.trained_on), trained_on_outputs_of=tuple(rc.trained_on_outputs_of),
            modified=rc.modified or rc.adapted, additional_terms=extra, line=line))
    options: tuple[tuple[str, ...], ...] = ()
    if raw.outbound_license is not None:
        found = _resolved(resolve, raw.outbound_license, "outbound_license",
                          top.get("outbound_license"), problems)
        if found is not None and found.unknown:
            problems.append(Problem("outbound_license", f"{raw.outbound_license!r} names no "
                                    "license", top.get("outbound_license")))
        elif found is not None:
            options = tuple(tuple(sorted(alt, key=_lead_rank)) for alt in found.alternatives)
    outbound_terms = tuple(k for i, r in enumerate(raw.outbound_terms)
                           if (k := _single(resolve, r, f"outbound_terms[{i}]",
                                            top.get("outbound_terms"), problems)))
    if problems:
        raise ManifestError(sorted(problems, key=lambda p: p.line or 1 << 30), source)
    return Manifest(
        project=raw.project or Path(source).stem, distribution=raw.distribution,
        commercial=raw.commercial, components=tuple(components),
        outbound_license=options[0][0] if options else None,
        outbound_reference=raw.outbound_license,
        outbound_terms=tuple(dict.fromkeys((*options[0][1:], *outbound_terms)))
        if options else outbound_terms, outbound_options=options,
        monthly_active_users=raw.monthly_active_users,
        annual_revenue_usd=raw.annual_revenue_usd, path=source, lines=top)


def _lead_rank(key: str) -> int:
    """Within an AND, the license with the widest copyleft leads the work; the others are
    terms it carries beside it."""
    return -SCOPE_RANK[profile(key).copyleft_scope]


def _default_link(rc: _RawComponent, referenced: set[str]) -> Link:
    """Upstream-only components reach the product through what derives from them."""
    if rc.id in referenced:
        return Link.NONE
    return Link.NETWORK if rc.kind is Kind.SERVICE else Link.STATIC


def _close(name: str, known: dict[str, Any]) -> str:
    return hint(name, known)


def _resolved(resolve: _Resolver, ref: str, key: str, line: int | None,
              problems: list[Problem]) -> LicenseRef | None:
    try:
        return resolve(ref)
    except LicentiaError as exc:
        problems.append(Problem(key, str(exc), line))
        return None


def _single(resolve: _Resolver, ref: str, key: str, line: int | None,
            problems: list[Problem]) -> str | None:
    found = _resolved(resolve, ref, key, line, problems)
    if found is None:
        return None
    if found.unknown or len(found.alternatives) != 1 or len(found.alternatives[0]) != 1:
        problems.append(Problem(key, f"{ref!r} must name exactly one license", line))
        return None
    return found.alternatives[0][0]


def _cycles(raw: _RawManifest, lines: dict[str, int]) -> list[Problem]:
    """Every cycle through derived_from / trained_on / trained_on_outputs_of, once each."""
    edges: dict[str, list[str]] = {}
    for rc in raw.components:
        ups = [d.component for d in rc.derived_from] + [*rc.trained_on,
                                                         *rc.trained_on_outputs_of]
        edges.setdefault(rc.id, []).extend(u for u in ups if u != rc.id)
    state: dict[str, int] = {}  # 1 = on the stack, 2 = done
    problems: list[Problem] = []
    for root in edges:
        if state.get(root):
            continue
        stack: list[tuple[str, int]] = [(root, 0)]
        path: list[str] = []
        while stack:
            node, i = stack.pop()
            if i == 0:
                state[node] = 1
                path.append(node)
            ups = edges.get(node, [])
            if i < len(ups):
                stack.append((node, i + 1))
                nxt = ups[i]
                if state.get(nxt) == 1:
                    cycle = [*path[path.index(nxt):], nxt]
                    problems.append(Problem(f"components[{nxt}].derived_from",
                                            "cycle: " + " -> ".join(cycle), lines.get(nxt)))
                elif not state.get(nxt) and nxt in edges:
                    stack.append((nxt, 0))
            else:
                state[node] = 2
                path.pop()
    return problems


def upstream_first(manifest: Manifest) -> list[Component]:
    """The components in an order where each comes after everything it derives from."""
    comps = manifest.by_id()
    indegree = {cid: 0 for cid in comps}
    downstream: dict[str, list[str]] = {cid: [] for cid in comps}
    for c in manifest.components:
        for up in {d.component for d in c.derived_from} | set(c.trained_on) \
                | set(c.trained_on_outputs_of):
            indegree[c.id] += 1
            downstream[up].append(c.id)
    ready = [cid for cid, n in indegree.items() if n == 0]
    order: list[Component] = []
    while ready:
        cid = ready.pop()
        order.append(comps[cid])
        for nxt in downstream[cid]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                ready.append(nxt)
    return order
