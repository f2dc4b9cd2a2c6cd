# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
from __future__ import annotations

import os
from pathlib import Path

import pytest

from licentia.catalog.licensedb import read_text
from licentia.scan import scan
from licentia.scan.evidence import Status
from licentia.scan.findings import Verdict

from .fixtures import make_repo, write

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "detect-dev"


def _files(result):  # type: ignore[no-untyped-def]
    return {f.path: f for f in result.tree.files}


def test_inventory_identifies_every_file_and_honours_ignores(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    os.mkfifo(root / "pipe")
    os.symlink("loop", root / "loop")
    result = scan(root, run_reuse=False)
    files = _files(result)
    assert files["src/demo/app.py"].expression == "apache-2.0"
    assert files["src/demo/app.py"].status is Status.OWN
    assert files["vendor/tiny.js"].expression == "mit"
    assert files["vendor/legacy.c"].expression == "gpl-2.0"
    assert files["LICENSE"].license_text and files["LICENSE"].expression == "apache-2.0"
    # a .license sidecar speaks for its binary file
    assert files["icon.png"].expression == "cc0-1.0"
    assert "icon.png.license" not in files
    assert files["logo.png"].kind.value == "binary" and files["logo.png"].status is Status.NONE
    # .gitignore'd files and VCS folders are not listed; a FIFO and a link loop are skipped
    assert not {"build/generated.py", "debug.log", ".git/config"} & set(files)
    assert result.tree.ignored == 2
    skipped = {s.path: s.reason for s in result.tree.skipped}
    assert "FIFO" in skipped["pipe"] and "symbolic link" in skipped["loop"]
    codes = {f.code: f for f in result.findings}
    assert set(codes["no-license-evidence"].components) == {"docs/guide.md", "notes.txt",
                                                            "logo.png", ".gitignore"}
    assert set(codes["not-scanned"].components) == {"pipe", "loop"}
    assert result.verdict is Verdict.REVIEW
    assert [d.expression for d in result.tree.declarations] == ["apache-2.0"]


def test_annotations_cover_files_without_evidence(tmp_path: Path) -> None:
    # REUSE-IgnoreStart
    toml = ('version = 1\n[[annotations]]\n'
            'path = ["docs/**", "notes.txt", "logo.png", ".gitignore"]\n'
            'SPDX-FileCopyrightText = "2026 Example Labs"\n'
            'SPDX-License-Identifier = "Apache-2.0"\n')
    # REUSE-IgnoreEnd
    result = scan(make_repo(tmp_path / "repo", toml), run_reuse=False)
    files = _files(result)
    assert files["docs/guide.md"].status is Status.ANNOTATED
    assert files["docs/guide.md"].expression == "apache-2.0"
    assert files["vendor/legacy.c"].expression == "gpl-2.0"
    assert "no-license-evidence" not in {f.code for f in result.findings}
    assert result.verdict is Verdict.OK


@pytest.mark.parametrize("precedence", ["aggregate", "closest", "override"])
def test_a_blanket_annotation_never_hides_a_third_party_license(tmp_path: Path,
                                                                precedence: str) -> None:
    """The `draft reuse` bug of issue 13: `path = "**"` over vendored GPL and MIT files."""
    # REUSE-IgnoreStart
    toml = (f'version = 1\n[[annotations]]\npath = "**"\nprecedence = "{precedence}"\n'
            'SPDX-FileCopyrightText = "2026 Example Labs"\n'
            'SPDX-License-Identifier = "Apache-2.0"\n')
    # REUSE-IgnoreEnd
    result = scan(make_repo(tmp_path / "repo", toml), run_reuse=False)
    files = _files(result)
    for path, key in (("vendor/legacy.c", "gpl-2.0"), ("vendor/tiny.js", "mit")):
        assert key in files[path].keys  # the file's own license stays in its expression
        assert files[path].overridden == (key,)
    hidden = {c for f in result.findings if f.code == "annotation-overrides"
              for c in f.components}
    # override also replaces what a .license sidecar says (icon.png's CC0-1.0)
    expected = {"vendor/legacy.c", "vendor/tiny.js"} | ({"icon.png"} if precedence ==
                                                          "override" else set())
    assert hidden == expected
    assert result.verdict is Verdict.CONFLICT


def test_manifests_declare_and_disagree(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    write(root, "web/package.json", '{"name": "web", "license": "MIT"}')
    write(root, "web/LICENSE", (root / "LICENSE").read_text())
    write(root, "crate/Cargo.toml", '[package]\nname = "c"\nlicense = "MIT OR Apache-2.0"\n')
    write(root, "py2/setup.cfg", "[metadata]\nname = x\nlicense = BSD-3-Clause\n"
          "classifiers =\n    License :: OSI Approved :: MIT License\n")
    write(root, "bad/package.json", "{not json")
    result = scan(root, run_reuse=False)
    declared = {(d.file, d.key): d.expression for d in result.tree.declarations}
    assert declared[("web/package.json", "license")] == "mit"
    assert declared[("crate/Cargo.toml", "package.license")] == "mit OR apache-2.0"
    assert declared[("py2/setup.cfg", "metadata.license")] == "bsd-new"
    assert declared[("py2/setup.cfg", "metadata.classifiers")] == "mit"
    mismatch = [f for f in result.findings if f.code == "license-mismatch"]
    assert len(mismatch) == 1 and "web/package.json" in mismatch[0].components
    problems = [f for f in result.findings if f.code == "manifest-problem"]
    assert problems and "bad/package.json" in problems[0].message
    assert "not valid JSON" in problems[0].message


def test_mentions_count_unless_the_file_states_its_license_by_a_tag(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    # REUSE-IgnoreStart
    write(root, "tool.py", "# SPDX-License-Identifier: MIT\n# runs reuse, which is GPL-3.0\n")
    # REUSE-IgnoreEnd
    write(root, "mixed.txt", (root / "vendor" / "tiny.js").read_text()
          + "\nParts are under the GNU General Public License version 2.\n")
    write(root, "orphan.license", "Licensed under the MIT license.\n")
    files = _files(scan(root, run_reuse=False))
    assert files["tool.py"].expression == "mit"  # the tag states it; GPL is only mentioned
    # ...yet both are licenses found in it, as ScanCode lists a file's detections
    assert "mit" in files["tool.py"].found
    assert any(k.startswith("gpl-3.0") for k in files["tool.py"].found)
    assert {"mit", "gpl-2.0"} <= set(files["mixed.txt"].keys)  # no tag: every license found
    assert files["orphan.license"].expression == "mit"  # a .license file without its file


def test_unreadable_and_odd_files_are_reported_and_the_scan_goes_on(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    write(root, "latin1.txt", "Copyright (c) 2001 J\xf6rg\nLicensed under the MIT license.\n"
          .encode("cp1252"))
    secret = write(root, "secret.py", "x = 1\n")
    secret.chmod(0)
    try:
        result = scan(root, run_reuse=False)
    finally:
        secret.chmod(0o644)
    files = _files(result)
    assert files["latin1.txt"].expression == "mit"
    if os.geteuid() != 0:  # root reads anything
        assert "secret.py" in {s.path for s in result.tree.skipped}


def test_path_that_is_not_a_folder_is_one_clear_error(tmp_path: Path) -> None:
    from licentia.errors import InputError

    with pytest.raises(InputError, match="no such folder"):
        scan(tmp_path / "missing")
    write(tmp_path, "f.txt", "x")
    with pytest.raises(InputError, match="is a file"):
        scan(tmp_path / "f.txt")


def test_a_1_gib_file_and_a_stray_bin_neither_stall_nor_make_a_model(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    with open(root / "big.dat", "wb") as fh:
        fh.truncate(1 << 30)  # 1 GiB (sparse): only its first bytes are read
    write(root, "data/blob.bin", bytes(range(256)))
    result = scan(root, run_reuse=False)
    files = _files(result)
    assert files["big.dat"].kind.value == "binary" and files["big.dat"].size == 1 << 30
    assert result.kind == "directory" and result.model is None


@pytest.mark.skipif(not (DEV / "lic1").is_dir(), reason="../shared corpus absent")
def test_a_disclaimer_is_a_license_found_but_not_the_files_license(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    # config.guess: a GPL-2.0+ notice with the autoconf exception, then a separate disclaimer
    write(root, "config.guess", (DEV / "lic1" / "config.guess-gpl2.txt").read_text())
    f = _files(scan(root, run_reuse=False))["config.guess"]
    assert {"gpl-2.0-plus", "autoconf-simple-exception-2.0", "warranty-disclaimer"} <= \
        set(f.found)
    assert "warranty-disclaimer" not in f.keys and "gpl-2.0-plus" in f.keys


def test_copies_are_identified_once_each_under_its_own_path(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    tree = importlib.import_module("licentia.scan.tree")
    root = make_repo(tmp_path / "repo")
    legacy = (root / "vendor" / "legacy.c").read_text()
    write(root, "third_party/a/legacy.c", legacy)
    write(root, "third_party/b/legacy.c", legacy)
    # two cards with the same words, each pointing at the LICENSE beside it
    card = "---\nlicense: other\nlicense_name: custom\nlicense_link: LICENSE\n---\n# Model\n"
    write(root, "models/m1/README.md", card)
    write(root, "models/m1/LICENSE", read_text("mit"))
    write(root, "models/m2/README.md", card)
    write(root, "models/m2/LICENSE", read_text("bsd-new"))
    asked: list[Path] = []
    real = tree.identify_paths

    def counting(paths, **kw):  # type: ignore[no-untyped-def]
        asked.extend(paths)
        return real(paths, **kw)

    monkeypatch.setattr(tree, "identify_paths", counting)
    files = _files(scan(root, run_reuse=False))
    names = [p.relative_to(root).as_posix() for p in asked]
    copies = ["third_party/a/legacy.c", "third_party/b/legacy.c", "vendor/legacy.c"]
    assert sum(c in names for c in copies) == 1  # the first one in the walk
    assert {files[c].expression for c in copies} == {files["vendor/legacy.c"].expression}
    assert "gpl-2.0" in files["vendor/legacy.c"].keys
    assert [f.path for f in files.values() if f.path in copies] == copies  # own paths
    # a card is read with the files it points at: never taken for a copy
    assert {"models/m1/README.md", "models/m2/README.md"} <= set(names)
    assert "mit" in files["models/m1/README.md"].keys
    assert "bsd-new" in files["models/m2/README.md"].keys


def test_a_binary_is_read_as_its_strings_weights_are_not(tmp_path: Path) -> None:
    from .fixtures import gpl2_notice, write_gguf

    root = make_repo(tmp_path / "repo")
    # a compiled library with a GPL-2.0 notice among its strings, in ASCII and in UTF-16LE
    notice = gpl2_notice().encode("ascii")
    write(root, "lib/libold.so", b"\x7fELF\x02\x01\x01" + bytes(40) + notice + bytes(16))
    write(root, "lib/old.dll", b"MZ\x90\x00" + bytes(60) + gpl2_notice().encode("utf-16-le"))
    write_gguf(root / "model.gguf", "mit")  # weights: their metadata is the model's business
    files = _files(scan(root, run_reuse=False))
    for rel in ("lib/libold.so", "lib/old.dll"):
        assert files[rel].kind.value == "binary"
        assert "gpl-2.0" in files[rel].keys, rel
        assert any("printable strings" in n for n in files[rel].notes)
    assert files["logo.png"].status is Status.NONE  # no strings that say anything
    assert files["model.gguf"].result is None  # not read as strings


@pytest.mark.skipif(not (DEV / "lic1").is_dir(), reason="../shared corpus absent")
def test_a_text_padded_with_a_nul_byte_is_still_read(tmp_path: Path) -> None:
    root = make_repo(tmp_path / "repo")
    # an RTF file whose editor ended it with a NUL byte
    write(root, "EULA.rtf", (DEV / "lic1" / "gpl_eula.rtf").read_bytes())
    f = _files(scan(root, run_reuse=False))["EULA.rtf"]
    assert f.kind.value == "binary" and "gpl-2.0-plus" in f.keys


def test_a_pdf_is_read_as_a_document_not_as_strings(tmp_path: Path) -> None:
    from pdfdoc import pdf_document

    root = make_repo(tmp_path / "repo")
    write(root, "docs/LICENSE.pdf", pdf_document(read_text("bsd-new").splitlines()))
    files = _files(scan(root, run_reuse=False))
    assert files["docs/LICENSE.pdf"].keys == ("bsd-new",)
    assert "text read from a PDF document" in files["docs/LICENSE.pdf"].notes


def test_a_compressed_archive_is_not_read_as_strings(tmp_path: Path) -> None:
    """A jar's deflated classes hold chance runs of letters ("/gpl"): not evidence. The scan
    says the members were not read."""
    import zipfile

    root = make_repo(tmp_path / "repo")
    with zipfile.ZipFile(root / "lib.jar", "w", zipfile.ZIP_DEFLATED) as jar:
        jar.writestr("org/example/Gpl.class", bytes(range(256)) * 40)
        jar.writestr("LICENSE", read_text("gpl-2.0"))
    f = _files(scan(root, run_reuse=False))["lib.jar"]
    assert f.kind.value == "binary" and f.keys == ()
    assert any("members were not read" in n for n in f.notes), f.notes
