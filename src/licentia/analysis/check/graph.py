# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The product as a graph: each component's own licenses (the option chosen of an SPDX OR),
those it inherits from what it derives from (a path is as strong as its weakest step; outputs
make a derivative only where the license says so; training data is a gray area), how it is
offered, and which components form the combined work."""

from __future__ import annotations

from dataclasses import dataclass

from licentia.analysis.check.model import Inherited, Via
from licentia.analysis.manifest import (
    Component,
    Distribution,
    Kind,
    Link,
    Manifest,
    Relation,
    upstream_first,
)
from licentia.analysis.profile import SCOPE_RANK, profile

VIA_RANK = {"data": 0, "outputs": 1, "derivative": 2}


@dataclass(frozen=True)
class Graph:
    """Read-only facts every later step uses."""

    manifest: Manifest
    comps: dict[str, Component]
    own: dict[str, tuple[str, ...]]
    inherited: dict[str, dict[str, Inherited]]
    exposure: dict[str, Distribution | None]  # None: not part of the product
    members: tuple[Component, ...]  # the combined work: linked (static/dynamic) into it
    feeds_product: frozenset[str]  # upstream of something in the product
    governs: dict[str, dict[str, Via]]

    def governing(self, cid: str) -> dict[str, Via]:
        """Every license binding a component, own ones as derivative-strength."""
        return self.governs[cid]

    def origin_components(self, c: Component, key: str) -> list[str]:
        """The component, and the one it inherited `key` from."""
        inh = self.inherited[c.id].get(key)
        return [c.id] + ([inh.origin] if inh else [])

    def embedded(self, cid: str, key: str) -> bool:
        """Is this copyleft part compiled into the product's own binary (statically linked),
        so that releasing the product under another license would relicense it?"""
        return self.comps[cid].link is Link.STATIC and key in self.own[cid] \
            and profile(key).copyleft_scope.value != "none"


def _governing(own: tuple[str, ...], inherited: dict[str, Inherited]) -> dict[str, Via]:
    out: dict[str, Via] = {k: "derivative" for k in own}
    for k, inh in inherited.items():
        if k not in out or VIA_RANK[inh.via] > VIA_RANK[out[k]]:
            out[k] = inh.via
    return out


def penalty(key: str) -> int:
    """How much a license burdens a product (to pick among the options of an SPDX OR)."""
    p = profile(key)
    score = SCOPE_RANK[p.copyleft_scope]
    score += 6 * bool(p.non_commercial) + 6 * bool(p.no_derivatives)
    score += 3 * bool(p.flow_down) + 3 * (not p.relicensable) + 2 * bool(p.use_restrictions)
    return score


def choose(c: Component, outbound: str | None) -> tuple[str, ...]:
    """The option of an SPDX OR that burdens the product least (the outbound license first)."""
    alts = c.license.alternatives
    if len(alts) <= 1:
        return alts[0] if alts else ()
    return min(alts, key=lambda alt: (-(outbound in alt), sum(penalty(k) for k in alt)))


def exposure_of(c: Component, product: Distribution) -> Distribution | None:
    """How a component is offered: not at all (only upstream), or as the product is - but a
    service reached over the network is hosted, not conveyed. A separate program (network,
    aggregate) shipped with a distributed product is conveyed too: it keeps its own license and
    duties, it just does not join the combined work."""
    if c.link is Link.NONE:
        return None
    if c.link is Link.NETWORK and c.kind is Kind.SERVICE and product is Distribution.DISTRIBUTED:
        return Distribution.SAAS
    return product


def _take_from(got: dict[str, Inherited], own: dict[str, tuple[str, ...]],
               inherited: dict[str, dict[str, Inherited]], c: Component, up: str,
               outputs: bool, via: Via) -> None:
    """What `c` inherits from `up`: a path is as strong as its weakest step; outputs make a
    derivative only where the license says so."""
    sources: list[tuple[str, str, Via]] = [(k, up, "derivative") for k in own[up]]
    sources += [(i.license, i.origin, i.via) for i in inherited[up].values()]
    for key, origin, inner in sources:
        if key in own[c.id]:
            continue
        step: Via = via
        if outputs and profile(key).outputs_are_derivatives is None:
            step = "outputs"
        strength: Via = step if VIA_RANK[step] <= VIA_RANK[inner] else inner
        old = got.get(key)
        if old is None or VIA_RANK[strength] > VIA_RANK[old.via]:
            got[key] = Inherited(key, origin, strength)


def build_graph(m: Manifest) -> Graph:
    own: dict[str, tuple[str, ...]] = {}
    inherited: dict[str, dict[str, Inherited]] = {}
    exposure: dict[str, Distribution | None] = {}
    for c in upstream_first(m):
        own[c.id] = choose(c, m.outbound_license)
        exposure[c.id] = exposure_of(c, m.distribution)
        got: dict[str, Inherited] = {}
        for d in c.derived_from:
            _take_from(got, own, inherited, c, d.component, d.relation is Relation.DISTILL,
                       "derivative")
        for up in c.trained_on_outputs_of:
            _take_from(got, own, inherited, c, up, True, "derivative")
        for up in c.trained_on:
            _take_from(got, own, inherited, c, up, False, "data")
        inherited[c.id] = got
    feeds = frozenset(i.origin for cid, inh in inherited.items() if exposure[cid] is not None
                      for i in inh.values())
    members = tuple(c for c in m.components if c.link.combines and exposure[c.id])
    governs = {cid: _governing(own[cid], inherited[cid]) for cid in own}
    return Graph(m, m.by_id(), own, inherited, exposure, members, feeds, governs)
