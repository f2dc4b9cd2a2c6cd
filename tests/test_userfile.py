# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The bounded YAML reader of users' files: size, depth, aliases, unique keys, one-line errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from licentia.errors import InputError
from licentia.limits import MAX_YAML_DEPTH
from licentia.userfile import describe, load_user_yaml, parse_yaml


def _laughs(levels: int, fan: int = 10) -> str:
    lines = ["l0: &l0 [" + ", ".join(["lol"] * fan) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * fan) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("text, message", [
    ("a:\n" + "".join("  " * i + "  b:\n" for i in range(2000)),
     rf"f.yaml: YAML refused \(line {MAX_YAML_DEPTH + 1}\): nested deeper than "
     rf"{MAX_YAML_DEPTH} levels \(LICENTIA_MAX_YAML_DEPTH raises the limit\)"),
    ("[" * 5000 + "]" * 5000, r"f.yaml: (not valid YAML|YAML refused) \(line 1\)"),
    (_laughs(9), r"f.yaml: YAML refused \(line \d+\): expands to more than [\d,]+ values "
                 r"through its aliases \(LICENTIA_MAX_YAML_NODES"),
    ("a: &a [1, *a]\n", r"YAML refused \(line 1\): an alias refers to the mapping or list"),
    ("name: x\ncommercial: true\nname: y\n",
     r"f.yaml: YAML refused \(line 3\): key 'name' is given twice in one mapping \(first at "
     r"line 1\)"),
    ("a: [1, 2\n", r"f.yaml: not valid YAML \(line 2\)"),
])
def test_hostile_yaml_is_one_line(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        parse_yaml(text, "f.yaml")
    assert "\n" not in str(info.value) and len(str(info.value)) < 300


def test_merge_keys_and_shared_anchors_still_work() -> None:
    assert parse_yaml("base: &b {x: 1}\nc:\n  <<: *b\n  x: 2\n") == {"base": {"x": 1},
                                                                     "c": {"x": 2}}
    assert parse_yaml(_laughs(3)) is not None  # 1,110 values: fine


def test_front_matter_lines_count_from_the_offset() -> None:
    with pytest.raises(InputError, match=r"card front matter is not valid YAML \(line 5\)"):
        parse_yaml("a: 1\nb: [\n", line_offset=2, what="card front matter")


def test_files_are_capped_and_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import licentia.userfile as userfile

    monkeypatch.setattr(userfile, "MAX_YAML_BYTES", 1000)
    big = tmp_path / "use.yaml"
    big.write_text("a: 1\n" * 1000)
    with pytest.raises(InputError, match=r"use.yaml: the use-case file is 4.9 KiB, over "
                       r"licentia's limit of 1000 bytes \(set LICENTIA_MAX_YAML_BYTES"):
        load_user_yaml(big, "use-case file")


def test_describe_never_quotes_a_huge_value() -> None:
    assert describe("x" * 10_000).endswith("... (10000 characters)")
    assert describe(10**400) == "a 401-digit number"
    assert describe(list(range(10**5))) == "a list of 100000 item(s)"
    assert describe("no") == "'no'"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:-[]{}&*!|>'\"#,?\n \t\x00é1")), max_size=200))
def test_any_text_gives_data_or_one_input_error(text: str) -> None:
    try:
        parse_yaml(text, "f.yaml")
    except InputError as exc:
        assert str(exc).startswith("f.yaml") and "\n" not in str(exc)


_scalars = st.none() | st.booleans() | st.integers() | st.text(max_size=20)
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=30)


@settings(max_examples=200, deadline=None)
@given(_values)
def test_what_yaml_dumps_reads_back_the_same(value: object) -> None:
    assert parse_yaml(yaml.safe_dump(value)) == value
