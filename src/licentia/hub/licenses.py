# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A model's declared Hub license (`license:` tag, `license_name`, `license_link`) as licentia
keys, through the catalog's own Hugging Face tag table; what cannot be resolved says why."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from licentia.catalog.catalog import catalog


class Status(StrEnum):
    KNOWN = "known"  # one license licentia knows
    FAMILY = "family"  # a tag naming a family (`openrail`, `cc`): which member is not said
    OTHER_NAMED = "other-named"  # `other` with a name or link licentia does not know
    OTHER_UNNAMED = "other-unnamed"  # `other` without a name or link: no license can be read
    NOT_IN_CATALOG = "not-in-catalog"  # a Hub tag for a license licentia has no text for
    UNKNOWN_TAG = "unknown-tag"  # not a Hub tag nor a license licentia knows
    MISSING = "missing"  # no license declared


@dataclass(frozen=True)
class HubLicense:
    tag: str  # the declared value as written (empty when missing)
    status: Status
    key: str | None = None  # the licentia key, when known
    name: str | None = None  # the license's name, from the tag table or license_name

    @property
    def known(self) -> bool:
        return self.key is not None

    @property
    def label(self) -> str:
        return self.key or self.tag or "(none)"


def _from_name(name: str | None, link: str | None) -> str | None:
    cat = catalog()
    if name:
        lic = cat.lookup(name)
        tag = cat.hf_tag(name)
        if lic is not None:
            return lic.key
        if tag is not None and (tag.key or tag.default):
            return tag.key or tag.default
    if link:
        keys = cat.keys_for_url(link)
        if len(keys) == 1:
            return keys[0]
    return None


@lru_cache(maxsize=4096)
def resolve_hub_license(tag: str | None, name: str | None = None,
                        link: str | None = None) -> HubLicense:
    """The license a card declares. `other` is read through its name or link."""
    tag = (tag or "").strip()
    if not tag or (tag.lower() == "unknown" and not (name or link)):
        return HubLicense(tag, Status.MISSING)  # the Hub's `unknown`: no license stated
    cat = catalog()
    hf = cat.hf_tag(tag)
    if hf is not None and (hf.key or hf.default):
        key = hf.key or hf.default
        return HubLicense(tag, Status.KNOWN, key, cat.licenses[key].name if key else hf.name)
    if hf is not None and hf.family:
        return HubLicense(tag, Status.FAMILY, None, hf.name)
    if hf is not None:
        key = _from_name(name, link)
        if key is not None:
            return HubLicense(tag, Status.KNOWN, key, cat.licenses[key].name)
        if tag.lower() in ("other", "unknown"):
            status = Status.OTHER_NAMED if (name or link) else Status.OTHER_UNNAMED
            return HubLicense(tag, status, None, name or None)
        return HubLicense(tag, Status.NOT_IN_CATALOG, None, hf.name)
    lic = cat.lookup(tag)
    if lic is not None:
        return HubLicense(tag, Status.KNOWN, lic.key, lic.name)
    return HubLicense(tag, Status.UNKNOWN_TAG)
