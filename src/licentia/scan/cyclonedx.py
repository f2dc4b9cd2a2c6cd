# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A scan as a CycloneDX 1.6 JSON BOM / AI-BOM, built with cyclonedx-python-lib: the scanned
tree as the BOM's subject, each package a manifest describes as a `library` component (name,
version, purl, its declared license), each file with license evidence as a `file` component,
a model as a `machine-learning-model` component (with `modelCard`), its datasets as `data`
components and its base models as `pedigree.ancestors`.

Licenses are SPDX ids when SPDX has them, expressions as expressions, and any other license as
its `LicenseRef-` name with the LicenseDB text attached. cyclonedx-python-lib has no model card
yet: `modelCard` is added to the serialized JSON (the 1.6 schema's shape), and the whole
document is validated against the 1.6 schema by the library's validator in the tests.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from licentia import __version__
from licentia.catalog.catalog import Source, catalog
from licentia.catalog.licensedb import read_text
from licentia.errors import LicentiaError
from licentia.identify.expression import keys as expression_keys
from licentia.scan.expressions import to_spdx
from licentia.scan.result import Scan

MODEL_REF = "model"


@cache
def license_text(key: str) -> str | None:
    lic = catalog().get(key)
    if lic is None or lic.source is not Source.LICENSEDB:
        return None
    try:
        return read_text(key).strip("\n") + "\n"
    except LicentiaError:
        return None


def licenses(expression: str, declared: bool = False) -> list[Any]:
    """CycloneDX licenses for a LicenseDB expression: one SPDX id, one named LicenseRef with
    its text, or an SPDX expression; `declared`: as the package declares it (a manifest)."""
    from cyclonedx.model import AttachedText, XsUri
    from cyclonedx.model.license import (
        DisjunctiveLicense,
        LicenseAcknowledgement,
        LicenseExpression,
    )
    from cyclonedx.spdx import is_supported_id

    if not expression:
        return []
    ack = LicenseAcknowledgement.DECLARED if declared else None
    spdx = to_spdx(expression)
    keys = expression_keys(expression)
    if len(keys) > 1 or " " in spdx:
        return [LicenseExpression(spdx, acknowledgement=ack)]
    if is_supported_id(spdx):
        return [DisjunctiveLicense(id=spdx, acknowledgement=ack)]
    text = license_text(keys[0]) if keys else None
    lic = catalog().get(keys[0]) if keys else None
    return [DisjunctiveLicense(name=spdx, text=AttachedText(content=text) if text else None,
                               url=XsUri(lic.urls[0]) if lic is not None and lic.urls else None,
                               acknowledgement=ack)]


def _packages(scan: Scan) -> Iterable[Any]:
    """The packages the manifests describe, with the licenses they declare."""
    from cyclonedx.model import Property
    from cyclonedx.model.component import Component, ComponentType
    from packageurl import PackageURL

    for p in scan.tree.packages:
        group, _, name = p.name.rpartition("/") if p.ecosystem == "npm" else ("", "", p.name)
        yield Component(name=name, group=group or None, version=p.version,
                        type=ComponentType.LIBRARY, bom_ref=f"package:{p.file}",
                        purl=PackageURL.from_string(p.purl),
                        licenses=licenses(p.declared, declared=True),
                        properties=[Property(name="licentia:manifest", value=p.file)])


def _files(scan: Scan) -> Iterable[Any]:
    from cyclonedx.model.component import Component, ComponentType

    for f in scan.tree.files:
        if not f.expression:
            continue
        yield Component(name=f.path, type=ComponentType.FILE, bom_ref=f"file:{f.path}",
                        licenses=licenses(f.expression))


def _model_components(scan: Scan) -> tuple[Any, list[Any], dict[str, Any]]:
    """The model component, its dataset components, and its modelCard (JSON)."""
    from cyclonedx.model import ExternalReference, ExternalReferenceType, Property, XsUri
    from cyclonedx.model.component import Component, ComponentType, Pedigree

    m = scan.model
    assert m is not None
    ancestors = [Component(name=b.repo_id, type=ComponentType.MACHINE_LEARNING_MODEL,
                           bom_ref=f"base:{b.repo_id}",
                           licenses=licenses(b.license) if b.license else None)
                 for b in m.bases]
    datasets = [Component(name=d.repo_id, type=ComponentType.DATA,
                          bom_ref=f"dataset:{d.repo_id}",
                          licenses=licenses(d.expression) if d.expression else None)
                for d in m.datasets]
    properties = [Property(name="licentia:finding", value=f"{f.code}: {f.message}")
                  for f in m.findings[:50]]
    properties += [Property(name="licentia:weights", value=f"{w.path} ({w.format})")
                   for w in m.weights[:50]]
    where = scan.remote  # read from the Hub (--online): its revision and address there
    model = Component(name=m.name, type=ComponentType.MACHINE_LEARNING_MODEL,
                      bom_ref=MODEL_REF, licenses=licenses(m.expression),
                      pedigree=Pedigree(ancestors=ancestors) if ancestors else None,
                      properties=properties, version=where.revision if where else None,
                      external_references=[ExternalReference(
                          type=ExternalReferenceType.DISTRIBUTION, url=XsUri(where.url),
                          comment="the model's revision on the Hugging Face Hub")]
                      if where else None)
    model_card: dict[str, Any] = {"bom-ref": "model-card"}
    parameters: dict[str, Any] = {}
    if datasets:
        parameters["datasets"] = [{"ref": d.bom_ref.value} for d in datasets]
    if parameters:
        model_card["modelParameters"] = parameters
    return model, datasets, model_card


def cyclonedx_document(scan: Scan) -> dict[str, Any]:
    """The BOM as a JSON-ready mapping (CycloneDX 1.6)."""
    from cyclonedx.model.bom import Bom
    from cyclonedx.model.component import Component, ComponentType
    from cyclonedx.output.json import JsonV1Dot6

    bom = Bom()
    bom.serial_number = uuid5(NAMESPACE_URL, f"licentia-scan:{scan.identity}")
    subject_license = scan.model.expression if scan.model else ""
    if not subject_license:
        subject_license = " AND ".join(dict.fromkeys(d.expression for d in
                                                      scan.tree.declarations if d.expression))
    bom.metadata.component = Component(
        name=scan.target, type=ComponentType.APPLICATION, bom_ref="subject",
        licenses=licenses(subject_license) if subject_license else None)
    model_card: dict[str, Any] | None = None
    parts: list[Any] = []
    if scan.model is not None:
        model, datasets, model_card = _model_components(scan)
        parts += [model, *datasets]
        bom.register_dependency(model, datasets)
    parts += list(_packages(scan))
    parts += list(_files(scan))
    for c in parts:
        bom.components.add(c)
    bom.register_dependency(bom.metadata.component, parts)
    data: dict[str, Any] = json.loads(JsonV1Dot6(bom).output_as_string())
    data.setdefault("metadata", {})["tools"] = {"components": [
        {"type": "application", "name": "licentia", "version": __version__}]}
    if model_card is not None:
        for comp in data.get("components", []):
            if comp.get("bom-ref") == MODEL_REF:
                comp["modelCard"] = model_card
    return data


def cyclonedx_json(scan: Scan) -> str:
    return json.dumps(cyclonedx_document(scan), indent=2, ensure_ascii=False) + "\n"
