# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""An adversarial corpus, generated here (nothing hostile is checked in), run against every
command that reads that kind of input: the exit code, one stderr line without a traceback,
time and memory bounds (a forked child with resource limits), and the files on disk before and
after. Each class is a mechanism: FIFOs and devices, impossible names, hostile YAML (depth,
aliases, duplicate keys, size), model-card link loops, huge numbers, DOCX bombs, writes that
must not happen, strict types, usage errors, raw HTML in Markdown."""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from forkrun import HUNG, Outcome, run_cli, snapshot

from licentia.cli import app
from licentia.cli._common import run
from licentia.identify.index import Index
from licentia.limits import MAX_YAML_BYTES

USE_CASE = "name: Support bot\ndescription: Answers customer questions.\ncommercial: true\n"
MANIFEST = ("project: p\ndistribution: saas\ncommercial: true\ncomponents:\n"
            "  - id: lib\n    kind: code\n    license: {license}\n")
LONG_EXPRESSION = " OR ".join(["MIT", "Apache-2.0", "BSD-3-Clause", "ISC"] * 20)  # 315+ chars


@pytest.fixture(scope="module", autouse=True)
def _warm(index: Index, tmp_path_factory: pytest.TempPathFactory) -> None:
    """Run each command once in this process, so every forked run starts with what they load
    (index, catalog, term sheets, templates) and takes a fraction of a second."""
    tmp = tmp_path_factory.mktemp("warm")
    _base_files(tmp)
    (tmp / "g.yaml").write_text("artifact: weights\n")
    here = Path.cwd()
    os.chdir(tmp)
    try:
        for args in (["review", "MIT", "-u", "uc.yaml"], ["check", "ok-manifest.yaml"],
                     ["choose", "--goals", "g.yaml"], ["identify", "uc.yaml"],
                     ["draft", "custom", "--holder", "A", "--artifacts", "model", "--grant",
                      "open"], ["draft", "license", "MIT", "--holder", "A"],
                     ["review", "MIT", "-u", "uc.yaml", "--format", "docx", "--out", "r.docx"]):
            with contextlib.suppress(SystemExit):
                run(app, args)
    finally:
        os.chdir(here)


# -- hostile YAML bodies: each refused by the one bounded reader, whatever the schema ---------

def _deep(levels: int = 2000) -> str:
    return "".join("  " * i + "a:\n" for i in range(levels))


def _laughs(levels: int = 9, fan: int = 10) -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * fan) + "]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * fan) + "]" for i in range(1, levels)]
    return "\n".join(lines) + "\n"


YAML_BODIES: dict[str, tuple[Callable[[], str], str]] = {
    "deep": (_deep, "nested deeper than"),
    "deep-flow": (lambda: "a: " + "[" * 5000 + "]" * 5000 + "\n", r"(nesting depth|nested deeper)"),
    "billion-laughs": (_laughs, "through its aliases"),
    "recursive-alias": (lambda: "a: &a [1, *a]\n", "alias refers to the mapping or list"),
    "duplicate-key": (lambda: "name: a\nname: b\n", "key 'name' is given twice"),
    "oversize": (lambda: ("# " + "x" * 77 + "\n") * (MAX_YAML_BYTES // 80 + 10),
                 "over licentia's limit"),
}

# the commands that read a user's YAML file, with the file's place in their arguments
YAML_READERS: dict[str, Callable[[str], list[str]]] = {
    "review-use-case": lambda p: ["review", "MIT", "--use-case", p],
    "check-manifest": lambda p: ["check", p],
    "check-policy": lambda p: ["check", "ok-manifest.yaml", "--policy", p],
    "choose-goals": lambda p: ["choose", "--goals", p],
    "init-goals": lambda p: ["init", "repo", "--goals", p, "--holder", "Acme"],
    "draft-custom-choices": lambda p: ["draft", "custom", "--choices", p],
    "draft-notice-manifest": lambda p: ["draft", "notice", p],
}


def _base_files(tmp: Path) -> None:
    (tmp / "uc.yaml").write_text(USE_CASE)
    (tmp / "ok-manifest.yaml").write_text(MANIFEST.format(license="MIT"))


def _assert_one_line(run: Outcome, *needles: str) -> str:
    assert run.code != HUNG, f"hung ({run.seconds:.0f} s)"
    lines = run.error_lines
    assert len(lines) == 1, f"expected one stderr line, got {len(lines)}:\n{run.stderr[:2000]}"
    [line] = lines
    assert line.startswith("licentia: error: "), line
    assert "Traceback" not in run.stderr and "internal error" not in line, line
    assert len(line) < 1000, f"a {len(line)}-character line"
    for needle in needles:
        assert re.search(needle, line), f"{needle!r} not in {line!r}"
    return line


@pytest.mark.parametrize("body", sorted(YAML_BODIES))
@pytest.mark.parametrize("reader", sorted(YAML_READERS))
def test_hostile_yaml_is_one_line_naming_the_file(tmp_path: Path, reader: str, body: str) -> None:
    _base_files(tmp_path)
    make, problem = YAML_BODIES[body]
    (tmp_path / "hostile.yaml").write_text(make())
    before = snapshot(tmp_path)
    run = run_cli(YAML_READERS[reader]("hostile.yaml"), tmp_path)
    assert run.code == 2, run.stderr[:2000]
    _assert_one_line(run, "hostile.yaml", problem)
    assert snapshot(tmp_path) == before
    assert run.seconds < 60


# -- things that are not regular files, and names that cannot be files --------------------------

def _fifo(tmp: Path) -> str:
    os.mkfifo(tmp / "pipe")
    return "pipe"


NOT_FILES: dict[str, tuple[Callable[[Path], str], str]] = {
    "fifo": (_fifo, r"named pipe \(FIFO\)"),
    "device": (lambda tmp: "/dev/zero", "is a device"),
    "directory": (lambda tmp: (tmp / "adir").mkdir() or "adir", "directory"),
}


@pytest.mark.parametrize("kind", sorted(NOT_FILES))
@pytest.mark.parametrize("reader", sorted(YAML_READERS))
def test_user_files_that_are_not_regular_files_never_block(tmp_path: Path, reader: str,
                                                           kind: str) -> None:
    _base_files(tmp_path)
    make, problem = NOT_FILES[kind]
    name = make(tmp_path)
    before = snapshot(tmp_path)
    run = run_cli(YAML_READERS[reader](name), tmp_path, timeout=60)
    assert run.code == 2, run.stderr
    _assert_one_line(run, re.escape(name), problem)
    assert snapshot(tmp_path) == before


# commands that take a license reference (an id, an expression, or a file)
REF_READERS: dict[str, Callable[[Path, str], list[str]]] = {
    "identify": lambda tmp, ref: ["identify", ref],
    "review": lambda tmp, ref: ["review", ref, "--use-case", "uc.yaml"],
    "explain": lambda tmp, ref: ["explain", ref],
    "compare": lambda tmp, ref: ["compare", ref, "MIT"],
    "draft-license": lambda tmp, ref: ["draft", "license", ref, "--holder", "Acme"],
    "draft-modelcard": lambda tmp, ref: ["draft", "modelcard", ref],
    "init": lambda tmp, ref: ["init", "repo", "--license", ref, "--holder", "Acme"],
    "check-component": lambda tmp, ref: _in_file(tmp, "m.yaml", MANIFEST.format(
        license=_yaml_string(ref)), ["check", "m.yaml"]),
    "choose-upstream": lambda tmp, ref: _in_file(
        tmp, "g.yaml", f"upstream: [{_yaml_string(ref)}]\n", ["choose", "--goals", "g.yaml"]),
}


def _yaml_string(text: str) -> str:
    return '"' + text.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'


def _in_file(tmp: Path, name: str, text: str, args: list[str]) -> list[str]:
    (tmp / name).write_text(text)
    return args


def _loop(tmp: Path) -> str:
    (tmp / "loop-a").symlink_to(tmp / "loop-b")
    (tmp / "loop-b").symlink_to(tmp / "loop-a")
    return "./loop-a"


HOSTILE_REFS: dict[str, tuple[Callable[[Path], str], str]] = {
    "fifo": (lambda tmp: "./" + _fifo(tmp), ""),
    "device": (lambda tmp: "/dev/zero", ""),
    "name-too-long": (lambda tmp: "./" + "x" * 300 + ".txt", ""),
    "symlink-loop": (_loop, ""),
}


@pytest.mark.parametrize("ref", sorted(HOSTILE_REFS))
@pytest.mark.parametrize("reader", sorted(REF_READERS))
def test_hostile_license_references_are_one_line(tmp_path: Path, reader: str, ref: str) -> None:
    _base_files(tmp_path)
    text = HOSTILE_REFS[ref][0](tmp_path)
    args = REF_READERS[reader](tmp_path, text)
    before = snapshot(tmp_path)
    run = run_cli(args, tmp_path, timeout=60)
    assert run.code == 2, run.stderr
    _assert_one_line(run)
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("reader", sorted(REF_READERS))
def test_a_long_valid_expression_is_never_a_traceback(tmp_path: Path, reader: str) -> None:
    _base_files(tmp_path)
    run = run_cli(REF_READERS[reader](tmp_path, LONG_EXPRESSION), tmp_path)
    assert run.code in {0, 1, 2}, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    if run.code == 2:
        _assert_one_line(run)


def test_a_nul_byte_in_a_reference_is_one_line(tmp_path: Path) -> None:
    _base_files(tmp_path)
    for args in (REF_READERS["check-component"](tmp_path, "./a\0b"),
                 REF_READERS["choose-upstream"](tmp_path, "./a\0b")):
        run = run_cli(args, tmp_path)
        assert run.code == 2
        _assert_one_line(run)


def test_a_reference_over_the_limit_is_refused_at_once(tmp_path: Path) -> None:
    _base_files(tmp_path)
    huge = " AND ".join(["MIT"] * 5000)
    run = run_cli(["review", huge, "--use-case", "uc.yaml"], tmp_path)
    assert run.code == 2
    _assert_one_line(run, "over licentia's limit", "LICENTIA_MAX_REFERENCE_CHARS")


# -- model cards: front matter and license_link ---------------------------------------------------

CARD = "---\nlicense: mit\nlicense_link: {link}\n---\n# A model\n"


@pytest.mark.parametrize("link, note", [
    ("README.md", "a loop"),
    ("../other/README.md", "a loop"),
    ("../loop-a", "too many levels of symbolic links"),
    ('"a\\0b"', "NUL byte"),
    ("../pipe", r"named pipe \(FIFO\)"),
])
def test_card_links_that_loop_or_cannot_be_read_are_notes(tmp_path: Path, link: str,
                                                          note: str) -> None:
    _base_files(tmp_path)
    _fifo(tmp_path)
    _loop(tmp_path)
    for name in ("card", "other"):
        (tmp_path / name).mkdir()
    (tmp_path / "card" / "README.md").write_text(CARD.format(link=link))
    (tmp_path / "other" / "README.md").write_text(CARD.format(link="../card/README.md"))
    run = run_cli(["identify", "card/README.md", "--json"], tmp_path, timeout=60)
    assert run.code == 0, run.stderr
    assert re.search(note, run.stdout), run.stdout
    review = run_cli(["review", "card/README.md", "--use-case", "uc.yaml"], tmp_path)
    assert review.code in {0, 1} and review.stderr == "", review.stderr


@pytest.mark.parametrize("body", ["deep", "billion-laughs", "duplicate-key"])
def test_hostile_card_front_matter(tmp_path: Path, body: str) -> None:
    _base_files(tmp_path)
    make, problem = YAML_BODIES[body]
    (tmp_path / "README.md").write_text("---\n" + make() + "---\n# Model\n")
    run = run_cli(["identify", "README.md"], tmp_path)
    assert run.code == 0 and re.search(problem, run.stdout), run.stdout + run.stderr
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "README.md").write_text("---\n" + make() + "---\n# Model\n")
    before = snapshot(tmp_path)
    init = run_cli(["init", "repo", "--license", "MIT", "--holder", "Acme"], tmp_path)
    assert init.code == 2
    _assert_one_line(init, "README.md", problem)
    assert snapshot(tmp_path) == before


# -- numbers, types, names ------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["9" * 400, '"' + "9" * 400 + 'M"', "1e400", "-5", "true"])
def test_counts_are_bounded_whole_numbers(tmp_path: Path, value: str) -> None:
    (tmp_path / "uc.yaml").write_text(USE_CASE + f"monthly_active_users: {value}\n")
    run = run_cli(["review", "llama3.1", "--use-case", "uc.yaml"], tmp_path)
    assert run.code == 2
    _assert_one_line(run, "uc.yaml", "monthly_active_users")


CHOICES = "holder: Acme\nartifacts: model\ngrant: research\n"


@pytest.mark.parametrize("extra, problem", [
    ("partner_track: maybe\n", "partner_track: expected true or false, not 'maybe'"),
    ("year: true\n", "year"),
    ("year: -5\n", "year"),
    ("name: [a, b]\n", "name: expected a text value, not a list of 2 item"),
])
def test_choices_values_are_strictly_typed(tmp_path: Path, extra: str, problem: str) -> None:
    (tmp_path / "c.yaml").write_text(CHOICES + extra)
    run = run_cli(["draft", "custom", "--choices", "c.yaml"], tmp_path)
    assert run.code == 2
    _assert_one_line(run, "c.yaml", problem)


def test_a_quoted_no_is_no_and_a_list_is_not_a_holder(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(CHOICES + "partner_track: 'no'\n")
    run = run_cli(["draft", "custom", "--choices", "c.yaml"], tmp_path)
    assert run.code == 0 and "--partner-track" not in run.stderr, run.stderr
    assert "approved partners" not in run.stdout.lower()
    (tmp_path / "c.yaml").write_text("holder: [a, b]\nartifacts: model\ngrant: open\n")
    listed = run_cli(["draft", "custom", "--choices", "c.yaml"], tmp_path)
    assert listed.code == 2 and "['a', 'b']" not in listed.stdout
    _assert_one_line(listed, "holder: expected a text value")


HOLDER_COMMANDS: dict[str, list[str]] = {
    "draft-license": ["draft", "license", "MIT"],
    "draft-custom": ["draft", "custom", "--artifacts", "model", "--grant", "open"],
    "draft-notice": ["draft", "notice", "ok-manifest.yaml"],
    "draft-reuse": ["draft", "reuse", ".", "--license", "MIT"],
    "init": ["init", "repo", "--license", "MIT"],
}


@pytest.mark.parametrize("holder, year, problem", [
    ("Acme\nEvil = 1", None, "--holder: must be one line"),
    ("Acme", "-5", r"--year: -5 is not a plausible copyright year"),
    ("Acme", "1" * 20, "--year: a 20-digit number is not a plausible"),
])
@pytest.mark.parametrize("command", sorted(HOLDER_COMMANDS))
def test_holders_and_years_are_checked_before_anything_is_written(
        tmp_path: Path, command: str, holder: str, year: str | None, problem: str) -> None:
    _base_files(tmp_path)
    args = [*HOLDER_COMMANDS[command], "--holder", holder]
    if year is not None:
        args += ["--year", year]
    before = snapshot(tmp_path)
    run = run_cli(args, tmp_path)
    assert run.code == 2
    key, what = problem.split(": ", 1)
    _assert_one_line(run, f"{key.lstrip('-')}: {what}")  # `holder` in choices, `--holder` as a flag
    assert snapshot(tmp_path) == before


# -- writes: never over a file without --force, never through a link, all or nothing ---------

@dataclass
class WriteCase:
    setup: Callable[[Path], None]
    args: list[str]
    problem: str
    after: Callable[[Path], None] = field(default=lambda tmp: None)


def _existing(tmp: Path) -> None:
    (tmp / "keep.md").write_text("precious")


def _links(tmp: Path) -> None:
    (tmp / "precious.txt").write_text("precious")
    (tmp / "report.md").symlink_to(tmp / "precious.txt")
    (tmp / "dangling.txt").symlink_to(tmp / "created-through-the-link.txt")


def _licenses_is_a_file(tmp: Path) -> None:
    (tmp / "repo").mkdir()
    (tmp / "repo" / "LICENSES").write_text("a file where the folder goes")


WRITES: dict[str, WriteCase] = {
    "review-out-existing": WriteCase(_existing, ["review", "MIT", "-u", "uc.yaml", "--format",
                                                 "md", "--out", "keep.md"],
                                     r"would overwrite 1 existing file\(s\).*--force"),
    "review-out-link": WriteCase(_links, ["review", "MIT", "-u", "uc.yaml", "--format", "md",
                                          "--out", "report.md", "--force"], "symbolic link"),
    "draft-out-dangling-link": WriteCase(_links, ["draft", "license", "MIT", "--holder", "A",
                                                  "--out", "dangling.txt", "--force"],
                                         "symbolic link"),
    "draft-reuse-licenses-file": WriteCase(_licenses_is_a_file, ["draft", "reuse", "repo",
                                                                 "--license", "MIT", "--holder",
                                                                 "A"], "is in the way"),
    "init-licenses-file": WriteCase(_licenses_is_a_file, ["init", "repo", "--license", "MIT",
                                                          "--holder", "A", "--force"],
                                    "is in the way"),
    "draft-out-directory": WriteCase(lambda tmp: (tmp / "d").mkdir(), ["draft", "license", "MIT",
                                     "--holder", "A", "--out", "d"], "is a directory"),
}


@pytest.mark.parametrize("case", sorted(WRITES))
def test_nothing_is_written_that_should_not_be(tmp_path: Path, case: str) -> None:
    _base_files(tmp_path)
    spec = WRITES[case]
    spec.setup(tmp_path)
    before = snapshot(tmp_path)
    run = run_cli(spec.args, tmp_path)
    assert run.code == 2
    _assert_one_line(run, spec.problem)
    assert snapshot(tmp_path) == before


def test_force_replaces_whole_files_and_leaves_no_temporaries(tmp_path: Path) -> None:
    _base_files(tmp_path)
    (tmp_path / "keep.txt").write_text("old")
    run = run_cli(["draft", "license", "MIT", "--holder", "Acme", "--out", "keep.txt",
                   "--force"], tmp_path)
    assert run.code == 0, run.stderr
    assert "Copyright (c)" in (tmp_path / "keep.txt").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt", "ok-manifest.yaml",
                                                          "uc.yaml"]


# -- usage errors: one line, not Click's box ----------------------------------------------------

@pytest.mark.parametrize("args, problem", [
    (["check"], "Missing argument"),
    (["frobnicate"], "No such command 'frobnicate'"),
    (["choose", "--goals", "adir"], "is a directory"),
    (["review", "MIT", "-u", "uc.yaml", "--format", "md", "--out", "adir"], "is a directory"),
    (["check", "adir"], "adir: is a directory"),
    (["identify", "--jobs", "-3", "uc.yaml"], "--jobs"),
])
def test_usage_errors_are_one_line(tmp_path: Path, args: list[str], problem: str) -> None:
    _base_files(tmp_path)
    (tmp_path / "adir").mkdir()
    run = run_cli(args, tmp_path)
    assert run.code == 2
    _assert_one_line(run, problem)


# -- outputs: raw HTML neutralised in Markdown; names DOCX and encodings cannot hold ----------

SCRIPT = "<script>alert(1)</script>"


def test_markdown_outputs_carry_no_raw_html(tmp_path: Path) -> None:
    (tmp_path / "uc.yaml").write_text(f'name: "{SCRIPT}"\ndescription: "<img src=x '
                                      'onerror=alert(1)>"\ncommercial: true\n')
    (tmp_path / "m.yaml").write_text(MANIFEST.format(license="MIT").replace(
        "project: p", f'project: "{SCRIPT}"'))
    outputs = [
        run_cli(["review", "MIT", "-u", "uc.yaml", "--format", "md"], tmp_path).stdout,
        run_cli(["check", "m.yaml", "--format", "md"], tmp_path).stdout,
        run_cli(["draft", "custom", "--holder", SCRIPT, "--artifacts", "model", "--grant",
                 "open"], tmp_path).stdout,
    ]
    init = run_cli(["init", "repo", "--license", "MIT", "--holder", "Acme", "--model", SCRIPT],
                   tmp_path)
    assert init.code == 0, init.stderr
    outputs.append((tmp_path / "repo" / "README.md").read_text())
    for text in outputs:
        assert "alert(1)" in text
        assert not re.search(r"<(script|img)", text, re.IGNORECASE), text[:500]


def test_reports_for_names_docx_and_encodings_cannot_hold(tmp_path: Path) -> None:
    (tmp_path / "uc.yaml").write_text(f'name: "{"N" * 240}"\ndescription: "a\\x01b"\n'
                                      "commercial: true\n")
    lic = tmp_path / os.fsdecode(b"LICENSE-\xff.txt")
    lic.write_text("Permission is hereby granted, free of charge, to any person obtaining a "
                   "copy of this software\n")
    for fmt in ("md", "html", "docx"):
        run = run_cli(["review", lic.name, "-u", "uc.yaml", "--format", fmt, "--out",
                       os.fsdecode(b"report-\xfe.") + fmt], tmp_path)
        assert run.code in {0, 1}, run.stderr
        assert "internal error" not in run.stderr
        written = tmp_path / (os.fsdecode(b"report-\xfe.") + fmt)
        assert written.stat().st_size > 1000
    json_run = run_cli(["review", lic.name, "-u", "uc.yaml", "--json"], tmp_path)
    assert json_run.code in {0, 1} and "internal error" not in json_run.stderr


# -- resources ----------------------------------------------------------------------------------

def test_a_docx_bomb_is_not_inflated(tmp_path: Path) -> None:
    xml = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>' + b"<w:p/>" * (
        200 * 1024 * 1024 // 6) + b"</w:body></w:document>"
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    del xml
    assert (tmp_path / "bomb.docx").stat().st_size < 2 * 1024 * 1024
    run = run_cli(["identify", "bomb.docx"], tmp_path, memory=512 * 1024 * 1024)
    assert run.code == 0, run.stderr
    assert "not-text" in run.stdout and "LICENTIA_MAX_DOCX_BYTES" in run.stdout
    assert run.seconds < 30


def test_thousands_of_unknown_licenses_are_reported_quickly(tmp_path: Path) -> None:
    components = "".join(f"  - id: c{i}\n    kind: code\n    license: Zorblax-{i}.{i % 7}\n"
                         for i in range(2000))
    (tmp_path / "m.yaml").write_text("project: p\ndistribution: saas\ncommercial: true\n"
                                     "components:\n" + components)
    run = run_cli(["check", "m.yaml"], tmp_path, timeout=120)
    assert run.code == 2 and run.seconds < 60, (run.code, run.seconds)
    _assert_one_line(run, "m.yaml", "Zorblax-0.0")


# -- texts in other encodings and odd tags --------------------------------------------------------

def test_latin1_license_and_readme_are_read_not_refused(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    mit = run_cli(["draft", "license", "MIT", "--holder", "José Müller"], tmp_path).stdout
    (repo / "LICENSE").write_bytes(mit.encode("latin-1"))
    reuse = run_cli(["draft", "reuse", "repo"], tmp_path)
    assert reuse.code == 0, reuse.stderr
    assert "José Müller" in (repo / "REUSE.toml").read_text(encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (other / "README.md").write_bytes("# Modèle\n\nUn modèle réglé.\n".encode("latin-1"))
    init = run_cli(["init", "other", "--license", "MIT", "--holder", "Acme", "--force"],
                   tmp_path)
    assert init.code == 0, init.stderr
    assert "Un modèle réglé." in (other / "README.md").read_text(encoding="utf-8")


TAG = "SPDX-" + "License-Identifier"  # spelt apart: `reuse lint` reads this file


@pytest.mark.parametrize("tag", ["( )", "()", "( AND MIT", "MIT WITH WITH X", "MIT AND ("])
def test_odd_spdx_tags_are_notes(tmp_path: Path, tag: str) -> None:
    (tmp_path / "main.py").write_text(f"# {TAG}: {tag}\nprint(1)\n")
    run = run_cli(["identify", "main.py"], tmp_path)
    assert run.code == 0 and run.stderr == "", run.stderr
    assert "not a valid expression" in run.stdout
    ref = run_cli(["explain", tag], tmp_path)
    assert ref.code == 2
    _assert_one_line(ref)
