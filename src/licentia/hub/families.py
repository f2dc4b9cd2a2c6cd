# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The family a license belongs to for Hub figures: permissive, copyleft, RAIL, a vendor's AI
license, non-commercial, or unknown; read off the term sheet (RAIL membership is data)."""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib.resources import files

import yaml

from licentia.analysis.profile import profile
from licentia.catalog.catalog import Family as CatalogFamily
from licentia.catalog.catalog import catalog


class Family(StrEnum):
    PERMISSIVE = "permissive"
    COPYLEFT = "copyleft"
    RAIL = "rail"
    VENDOR_AI = "vendor-ai"
    NON_COMMERCIAL = "non-commercial"
    UNKNOWN = "unknown"


@cache
def _rail() -> frozenset[str]:
    raw = (files("licentia.hub") / "data" / "families.yaml").read_text(encoding="utf-8")
    return frozenset(yaml.safe_load(raw)["rail"])


@cache
def family(key: str | None) -> Family:
    """The family of a licentia key (None: no license known)."""
    if key is None:
        return Family.UNKNOWN
    p = profile(key)
    if p.non_commercial is not None:
        return Family.NON_COMMERCIAL
    if key in _rail():
        return Family.RAIL
    if p.copyleft_scope.value != "none" or p.share_alike is not None:
        return Family.COPYLEFT
    lic = catalog().get(key)
    if p.use_restrictions or p.flow_down or (lic is not None and lic.family is
                                             CatalogFamily.AI):
        return Family.VENDOR_AI
    return Family.PERMISSIVE if p.permissive else Family.UNKNOWN
