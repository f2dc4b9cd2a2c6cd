# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A scan as an SPDX 3.0.1 JSON-LD document with the AI and Dataset profiles, built with
spdx-python-model (whose serializer refuses a document missing a required property): the model
an `ai_AIPackage` with `hasDeclaredLicense`, its datasets `dataset_DatasetPackage`s it is
`trainedOn`, its base models `ai_AIPackage`s it is `descendantOf`; each package a manifest
describes a `software_Package` (version, purl) with `hasDeclaredLicense`; each file with license
evidence a `software_File` with `hasDeclaredLicense`. A `LicenseRef-` is a custom license
carrying its LicenseDB text, mapped from the expression (`customIdToUri`)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from spdx_python_model import v3_0_1 as spdx

from licentia import __version__
from licentia.identify.expression import keys as expression_keys
from licentia.scan.cyclonedx import license_text
from licentia.scan.expressions import to_spdx
from licentia.scan.result import Scan


class _Builder:
    def __init__(self, scan: Scan) -> None:
        self.ns = (f"https://spdx.org/spdxdocs/licentia-"
                   f"{uuid5(NAMESPACE_URL, scan.identity)}/")
        self.objects = spdx.SHACLObjectSet()
        self.info = spdx.CreationInfo()
        self.info.specVersion = "3.0.1"
        self.info.created = datetime.now(UTC).replace(microsecond=0)
        agent = self.add(spdx.SoftwareAgent, "agent", name=f"licentia {__version__}")
        self.info.createdBy = [agent]
        self.elements: list[Any] = []
        self.licenses: dict[str, Any] = {}
        self.custom: dict[str, Any] = {}
        self.count = 0

    def add(self, cls: Any, local: str, **props: Any) -> Any:
        obj = cls(_id=self.ns + local, creationInfo=self.info, **props)
        self.objects.add(obj)
        return obj

    def element(self, cls: Any, local: str, **props: Any) -> Any:
        obj = self.add(cls, local, **props)
        self.elements.append(obj)
        return obj

    def license(self, keyed: str) -> Any:
        spdx_expr = to_spdx(keyed)
        if spdx_expr in self.licenses:
            return self.licenses[spdx_expr]
        entries = []
        for key in expression_keys(keyed):
            ident = to_spdx(key)
            if ident.startswith("LicenseRef-"):
                entries.append(spdx.DictionaryEntry(key=ident,
                                                    value=self._custom(ident, key).spdxId))
        obj = self.element(spdx.simplelicensing_LicenseExpression,
                           f"license-{len(self.licenses) + 1}",
                           simplelicensing_licenseExpression=spdx_expr)
        if entries:
            obj.simplelicensing_customIdToUri = entries
        self.licenses[spdx_expr] = obj
        return obj

    def _custom(self, ident: str, key: str) -> Any:
        if ident not in self.custom:
            text = license_text(key) or f"licentia identified {key}; its text is not in its data"
            self.custom[ident] = self.element(
                spdx.expandedlicensing_CustomLicense, f"custom-{len(self.custom) + 1}",
                name=ident, simplelicensing_licenseText=text)
        return self.custom[ident]

    def relate(self, source: Any, kind: Any, targets: list[Any]) -> None:
        self.count += 1
        self.element(spdx.Relationship, f"relationship-{self.count}", from_=source,
                     relationshipType=kind, to=targets)


def spdx3_document(scan: Scan) -> spdx.SHACLObjectSet:
    b = _Builder(scan)
    roots: list[Any] = []
    m = scan.model
    if m is not None:
        model = b.element(spdx.ai_AIPackage, "model", name=m.name)
        model.software_primaryPurpose = spdx.software_SoftwarePurpose.model
        if scan.remote is not None:  # read from the Hub (--online): its revision there
            model.software_downloadLocation = scan.remote.url
            model.software_packageVersion = scan.remote.revision
        roots.append(model)
        if m.expression:
            b.relate(model, spdx.RelationshipType.hasDeclaredLicense, [b.license(m.expression)])
        datasets = []
        for n, d in enumerate(m.datasets, 1):
            data = b.element(spdx.dataset_DatasetPackage, f"dataset-{n}", name=d.repo_id)
            data.software_primaryPurpose = spdx.software_SoftwarePurpose.data
            data.dataset_datasetType = [spdx.dataset_DatasetType.noAssertion]
            datasets.append(data)
            if d.expression:
                b.relate(data, spdx.RelationshipType.hasDeclaredLicense,
                         [b.license(d.expression)])
        if datasets:
            b.relate(model, spdx.RelationshipType.trainedOn, datasets)
        for n, base in enumerate(m.bases, 1):
            parent = b.element(spdx.ai_AIPackage, f"base-{n}", name=base.repo_id)
            parent.software_primaryPurpose = spdx.software_SoftwarePurpose.model
            b.relate(model, spdx.RelationshipType.descendantOf, [parent])
            if base.license:
                b.relate(parent, spdx.RelationshipType.hasDeclaredLicense,
                         [b.license(base.license)])
    else:
        package = b.element(spdx.software_Package, "package", name=scan.root.resolve().name)
        roots.append(package)
    packages = []
    for n, pkg in enumerate(scan.tree.packages, 1):
        item = b.element(spdx.software_Package, f"manifest-package-{n}", name=pkg.name,
                         software_packageUrl=pkg.purl, comment=f"described by {pkg.file}")
        if pkg.version:
            item.software_packageVersion = pkg.version
        item.software_primaryPurpose = spdx.software_SoftwarePurpose.library
        packages.append(item)
        if pkg.declared:
            b.relate(item, spdx.RelationshipType.hasDeclaredLicense, [b.license(pkg.declared)])
    if packages:
        b.relate(roots[0], spdx.RelationshipType.contains, packages)
    files = []
    for n, f in enumerate(scan.tree.files, 1):
        item = b.element(spdx.software_File, f"file-{n}", name=f.path)
        files.append(item)
        if f.expression:
            b.relate(item, spdx.RelationshipType.hasDeclaredLicense, [b.license(f.expression)])
    if files:
        b.relate(roots[0], spdx.RelationshipType.contains, files)
    b.add(spdx.SpdxDocument, "document", name=f"licentia scan of {scan.target}",
          rootElement=roots, element=b.elements,
          profileConformance=[spdx.ProfileIdentifierType.core,
                              spdx.ProfileIdentifierType.software,
                              spdx.ProfileIdentifierType.simpleLicensing,
                              spdx.ProfileIdentifierType.expandedLicensing,
                              spdx.ProfileIdentifierType.ai,
                              spdx.ProfileIdentifierType.dataset])
    return b.objects


def spdx3_json(scan: Scan) -> str:
    """SPDX 3.0.1 JSON-LD (the serializer checks every required property)."""
    out = io.BytesIO()
    spdx.JSONLDSerializer().write(spdx3_document(scan), out, indent=2)
    return out.getvalue().decode("utf-8") + "\n"
