# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""A scan as an SPDX 2.3 JSON document, built and validated with spdx-tools: one package for
the scanned tree (its declared license, the licenses found in its files) containing one package
per package manifest (name, version, purl, declared license), one file entry per file (SHA-1,
the licenses found in it), every `LicenseRef-` with its LicenseDB text.

A model's lineage is in it too, as far as SPDX 2.3 can say it. Each base model the card names
is a package the model is `DESCENDANT_OF` (a 2.3 relationship type). Each dataset the card
names is a package (purpose `OTHER`: 2.3 has no data purpose) with the license read from the
local caches; SPDX 2.3 has no training relationship (SPDX 3's `trainedOn`), so the model
`DEPENDS_ON` the dataset, with a relationship comment saying it was trained on it: a consumer
walking dependencies for licenses then meets the dataset's license, which is what matters for
compliance (`OTHER` would be skipped by most tools)."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from uuid import NAMESPACE_URL, uuid5

from licentia import __version__
from licentia.errors import LicentiaError
from licentia.identify.expression import keys as expression_keys
from licentia.scan.cyclonedx import license_text
from licentia.scan.expressions import to_spdx
from licentia.scan.model import ModelScan
from licentia.scan.result import Scan

_CHUNK = 1 << 20


def _sha1(path: Any) -> str:
    digest = hashlib.sha1(usedforsecurity=False)
    try:
        with open(path, "rb") as fh:
            while chunk := fh.read(_CHUNK):
                digest.update(chunk)
    except OSError:
        pass  # unreadable since the scan: the digest of what was read
    return digest.hexdigest()


def _spdx_id(n: int) -> str:
    return f"SPDXRef-File-{n}"


def spdx_document(scan: Scan) -> Any:
    """The spdx-tools Document of a scan."""
    from spdx_tools.common.spdx_licensing import spdx_licensing
    from spdx_tools.spdx.model import (
        Actor,
        ActorType,
        CreationInfo,
        Document,
        ExtractedLicensingInfo,
        Package,
        PackageVerificationCode,
        Relationship,
        RelationshipType,
        SpdxNoAssertion,
        SpdxNone,
    )

    refs: dict[str, str] = {}  # LicenseRef id -> LicenseDB key

    def expression(keyed: str) -> Any:
        if not keyed:
            return SpdxNone()
        spdx = to_spdx(keyed)
        for key in expression_keys(keyed):
            ident = to_spdx(key)
            if ident.startswith("LicenseRef-"):
                refs[ident] = key
        return spdx_licensing.parse(spdx)

    created = datetime.now(UTC).replace(microsecond=0)
    info = CreationInfo(
        "SPDX-2.3", "SPDXRef-DOCUMENT", f"licentia scan of {scan.target}",
        f"https://spdx.org/spdxdocs/licentia-{uuid5(NAMESPACE_URL, scan.identity)}",
        [Actor(ActorType.TOOL, f"licentia-{__version__}")], created)
    files = _files(scan, expression)
    declared = scan.model.expression if scan.model else " AND ".join(dict.fromkeys(
        d.expression for d in scan.tree.declarations if d.expression))
    code = hashlib.sha1("".join(sorted(f.checksums[0].value for f in files)).encode(),
                        usedforsecurity=False).hexdigest()
    found_keys = sorted({k for f in scan.tree.files for k in f.keys})
    package = Package(
        "SPDXRef-Package", scan.model.name if scan.model else scan.root.resolve().name,
        scan.remote.url if scan.remote else SpdxNoAssertion(),
        version=scan.remote.revision if scan.remote else None, files_analyzed=bool(files),
        verification_code=PackageVerificationCode(code) if files else None,
        license_concluded=SpdxNoAssertion(),
        license_declared=expression(declared) if declared else SpdxNoAssertion(),
        license_info_from_files=[expression(k) for k in found_keys] or [SpdxNone()],
        copyright_text=SpdxNoAssertion(),
        comment=f"licentia scan verdict: {scan.verdict.value}")
    relationships = [Relationship("SPDXRef-DOCUMENT", RelationshipType.DESCRIBES,
                                  "SPDXRef-Package")]
    relationships += [Relationship("SPDXRef-Package", RelationshipType.CONTAINS, f.spdx_id)
                      for f in files]
    packages, related = _manifest_packages(scan, expression)
    packages.insert(0, package)
    relationships += related
    if scan.model is not None:
        more, related = _lineage(scan.model, expression)
        packages += more
        relationships += related
    extracted = []
    for ident, key in sorted(refs.items()):
        text = license_text(key)
        extracted.append(ExtractedLicensingInfo(
            ident, text or f"licentia identified {key}; its text is not in licentia's data",
            key))
    return Document(info, packages, files, relationships=relationships,
                    extracted_licensing_info=extracted)


def _files(scan: Scan, expression: Callable[[str], Any]) -> list[Any]:
    """One file entry per file: its SHA-1 and the licenses found in it."""
    from spdx_tools.spdx.model import Checksum, ChecksumAlgorithm, File, SpdxNoAssertion

    files = []
    for n, f in enumerate(scan.tree.files, 1):
        found = expression(f.expression) if f.expression else SpdxNoAssertion()
        files.append(File(f"./{f.path}", _spdx_id(n),
                          [Checksum(ChecksumAlgorithm.SHA1, _sha1(scan.root / f.path))],
                          license_concluded=SpdxNoAssertion(), license_info_in_file=[found],
                          copyright_text=SpdxNoAssertion()))
    return files


def _manifest_packages(scan: Scan,
                       expression: Callable[[str], Any]) -> tuple[list[Any], list[Any]]:
    """The package each manifest describes (purl, declared license), contained in the tree's."""
    from spdx_tools.spdx.model import (
        ExternalPackageRef,
        ExternalPackageRefCategory,
        Package,
        Relationship,
        RelationshipType,
        SpdxNoAssertion,
    )

    packages: list[Any] = []
    relationships: list[Any] = []
    for n, p in enumerate(scan.tree.packages, 1):
        packages.append(Package(
            f"SPDXRef-Package-{n}", p.name, SpdxNoAssertion(), version=p.version,
            files_analyzed=False, license_concluded=SpdxNoAssertion(),
            license_declared=expression(p.declared) if p.declared else SpdxNoAssertion(),
            copyright_text=SpdxNoAssertion(), comment=f"described by {p.file}",
            external_references=[ExternalPackageRef(ExternalPackageRefCategory.PACKAGE_MANAGER,
                                                    "purl", p.purl)]))
        relationships.append(Relationship("SPDXRef-Package", RelationshipType.CONTAINS,
                                          f"SPDXRef-Package-{n}"))
    return packages, relationships


def _lineage(model: ModelScan, expression: Callable[[str], Any]) -> tuple[list[Any], list[Any]]:
    """The packages of the model's base models and datasets, and how the model relates to them
    (`SPDXRef-Package` is the model)."""
    from spdx_tools.spdx.model import (
        Package,
        PackagePurpose,
        Relationship,
        RelationshipType,
        SpdxNoAssertion,
    )

    packages: list[Any] = []
    relationships: list[Any] = []

    def declared(keyed: str | None) -> Any:
        return expression(keyed) if keyed else SpdxNoAssertion()

    for n, base in enumerate(model.bases, 1):
        ident = f"SPDXRef-BaseModel-{n}"
        where = base.source if base.license else None
        packages.append(Package(
            ident, base.repo_id, SpdxNoAssertion(), files_analyzed=False,
            license_concluded=SpdxNoAssertion(), license_declared=declared(base.license),
            copyright_text=SpdxNoAssertion(),
            comment="a base model the model card names (base_model)"
            + (f"; license read from {where}" if where else "; license not known locally")))
        relationships.append(Relationship("SPDXRef-Package", RelationshipType.DESCENDANT_OF,
                                          ident))
    for n, data in enumerate(model.datasets, 1):
        ident = f"SPDXRef-Dataset-{n}"
        said = (f"; license {data.written!r} read from {data.source}" if data.written
                else "; license not known locally")
        packages.append(Package(
            ident, data.repo_id, SpdxNoAssertion(), files_analyzed=False,
            primary_package_purpose=PackagePurpose.OTHER,
            license_concluded=SpdxNoAssertion(), license_declared=declared(data.expression),
            copyright_text=SpdxNoAssertion(),
            comment=f"a dataset the model card names (datasets){said}"))
        relationships.append(Relationship(
            "SPDXRef-Package", RelationshipType.DEPENDS_ON, ident,
            comment="trained on: the model card lists this dataset (SPDX 3 trainedOn; "
            "SPDX 2.3 has no training relationship)"))
    return packages, relationships


def validate(document: Any) -> list[str]:
    """spdx-tools' validation messages of a document ([] when valid)."""
    from spdx_tools.spdx.validation.document_validator import validate_full_spdx_document

    return [m.validation_message for m in validate_full_spdx_document(document)]


def spdx_json(scan: Scan) -> str:
    """SPDX 2.3 JSON; LicentiaError when spdx-tools finds the document invalid."""
    from spdx_tools.spdx.writer.json.json_writer import write_document_to_stream

    document = spdx_document(scan)
    problems = validate(document)
    if problems:
        raise LicentiaError(f"the SPDX document is not valid: {problems[0]}")
    stream = io.StringIO()
    write_document_to_stream(document, stream, validate=False)
    return stream.getvalue() + "\n"
