# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The catalog: every name a license goes by, Hugging Face tags, families, suggestions."""

from __future__ import annotations

import csv

import pytest

from licentia.catalog.catalog import Family, Source, catalog
from licentia.catalog.evidence import corpus_dir
from licentia.errors import UnknownLicenseError

REQUIRED_TAGS = ["apache-2.0", "openrail", "openrail++", "creativeml-openrail-m",
                 "bigscience-openrail-m", "bigscience-bloom-rail-1.0", "bigcode-openrail-m",
                 "llama2", "llama3", "llama3.1", "llama3.2", "llama3.3", "llama4", "gemma",
                 "openmdw-1.0", "other", "unknown"]


@pytest.mark.parametrize("tag", REQUIRED_TAGS)
def test_required_hf_tags_are_known(tag: str) -> None:
    assert catalog().hf_tag(tag) is not None


@pytest.mark.parametrize(("ref", "key"), [
    ("Apache-2.0", "apache-2.0"), ("apache-2.0", "apache-2.0"), ("GPL-2.0+", "gpl-2.0-plus"),
    ("GPL-3.0-or-later", "gpl-3.0-plus"), ("GPLv3", "gpl-3.0"), ("BSD-3-Clause", "bsd-new"),
    ("LicenseRef-scancode-llama-3.1-license-2024", "llama-3.1-license-2024"),
    ("llama3", "llama-3-license-2024"), ("openrail++", "bigscience-open-rail-m2"),
    ("creativeml-openrail-m", "stable-diffusion-2022-08-22"), ("OpenRAIL-M",
                                                               "bigscience-open-rail-m"),
    ("CC-BY-NC-ND-4.0", "cc-by-nc-nd-4.0"), ("open-mdw", "openmdw-1.0"),
])
def test_names_resolve(ref: str, key: str) -> None:
    lic = catalog().lookup(ref)
    assert lic is not None and lic.key == key


def test_families() -> None:
    cat = catalog()
    assert cat.get("llama-3.1-license-2024").family is Family.AI  # type: ignore[union-attr]
    assert cat.get("cc-by-sa-4.0").family is Family.DATA  # type: ignore[union-attr]
    assert cat.get("mit").family is Family.OSS  # type: ignore[union-attr]
    llama3 = cat.get("llama-3-license-2024")
    assert llama3 is not None and llama3.source is Source.LICENTIA


def test_unknown_reference_and_family_tag() -> None:
    with pytest.raises(UnknownLicenseError, match=r"did you mean: Apache-2\.0"):
        catalog().resolve("Apache-2.1")
    with pytest.raises(UnknownLicenseError, match="names a family"):
        catalog().resolve("openrail")
    assert catalog().resolve("gemma").key == "gemma-tou-2025-03-24"


def test_every_official_hf_tag_resolves() -> None:
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("the development corpus is not beside the project")
    with (corpus / "hf" / "license-tags.csv").open(newline="", encoding="utf-8") as fh:
        tags = [row["tag"] for row in csv.DictReader(fh)]
    assert len(tags) >= 80
    missing = [t for t in tags if catalog().hf_tag(t) is None]
    assert not missing


def test_license_tags_declared_on_the_hub_resolve() -> None:
    """Real model cards' `license:` values (Hub metadata) are all known (junk aside)."""
    corpus = corpus_dir()
    if corpus is None:
        pytest.skip("the development corpus is not beside the project")
    path = corpus / "hf-lineage" / "gabtos-open-source-ai-discovery" / "hf_models_open_analyzed.csv"
    if not path.exists():
        pytest.skip("hf-lineage data absent")
    seen: set[str] = set()
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        cols = [k for k in reader.fieldnames or [] if "license" in k.lower()]
        for row in reader:
            seen.update(v.strip() for k in cols if (v := row.get(k) or "").strip())
    cat = catalog()
    unknown = sorted(t for t in seen if cat.lookup(t) is None and cat.hf_tag(t) is None
                     and t[:1].isalnum())
    assert not unknown


@pytest.mark.parametrize(("ref", "key"), [
    ("BSL-1.0", "boost-1.0"), ("bsl-1.0", "bsl-1.0"),  # SPDX Boost; LicenseDB key Business Source
    ("X11", "x11-xconsortium"), ("x11", "x11"), ("ICU", "x11"),
    ("OpenSSL", "openssl-ssleay"), ("openssl", "openssl"),
    ("MIT", "mit"), ("gpl-2.0", "gpl-2.0"), ("GPL-2.0-or-later", "gpl-2.0-plus"),
])
def test_an_spdx_id_spelled_as_spdx_spells_it_names_the_spdx_license(ref: str, key: str) -> None:
    # where an SPDX id equals another license's LicenseDB key but for case, the SPDX spelling
    # names the SPDX license and the lower-case spelling the LicenseDB key
    lic = catalog().lookup(ref)
    assert lic is not None and lic.key == key
