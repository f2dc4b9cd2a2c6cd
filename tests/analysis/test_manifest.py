# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The `check` manifest: parsing, defaults, and every problem reported at once by file and key."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from licentia.analysis.manifest import (
    Link,
    ManifestError,
    load_manifest,
    parse_manifest,
    upstream_first,
)
from licentia.errors import InputError


def problems(text: str) -> list[str]:
    with pytest.raises(ManifestError) as info:
        parse_manifest(textwrap.dedent(text), "m.yaml")
    return [str(p) for p in info.value.problems]


def test_a_manifest_parses_into_components_with_resolved_licenses() -> None:
    m = parse_manifest(textwrap.dedent("""
        project: demo
        distribution: saas
        commercial: true
        outbound_license: Apache-2.0
        components:
          - {id: base, kind: model, license: llama3.1}
          - id: tuned
            kind: model
            license: MIT OR Apache-2.0
            derived_from: [{component: base, relation: finetune}]
            trained_on: [corpus]
          - {id: corpus, kind: dataset, license: CC-BY-4.0}
          - {id: svc, kind: service, license: AGPL-3.0-only}
    """), "m.yaml")
    by_id = m.by_id()
    assert m.outbound_license == "apache-2.0"
    assert by_id["base"].license.alternatives == (("llama-3.1-license-2024",),)
    assert by_id["tuned"].license.alternatives == (("mit",), ("apache-2.0",))
    # upstream-only components reach the product through what derives from them
    assert by_id["base"].link is Link.NONE and not by_id["base"].link_given
    assert by_id["corpus"].link is Link.NONE
    assert by_id["tuned"].link is Link.STATIC
    assert by_id["svc"].link is Link.NETWORK
    order = [c.id for c in upstream_first(m)]
    assert order.index("base") < order.index("tuned") > order.index("corpus")
    assert by_id["tuned"].line == 8


def test_spdx_and_with_exception() -> None:
    m = parse_manifest(textwrap.dedent("""
        distribution: distributed
        commercial: true
        components:
          - {id: a, kind: code, license: (MIT OR ISC) AND GPL-2.0-only WITH Classpath-exception-2.0}
    """))
    [c] = m.components
    cp = "gpl-2.0 WITH classpath-exception-2.0"  # the license as the exception modifies it
    assert c.license.alternatives == (("mit", cp), ("isc", cp))
    assert c.license.exceptions == ("classpath-exception-2.0",)


def test_every_problem_is_reported_with_its_key() -> None:
    found = problems("""
        distribution: saas
        commercial: true
        components:
          - id: a
            kind: model
            license: Apache-2.1
            derived_from: [{component: b, relation: finetune}]
          - id: b
            kind: model
            license: MIT
            derived_from: [{component: a, relation: finetune}]
          - id: b
            kind: model
            license: MIT
            trained_on: [nothere]
    """)
    text = "\n".join(found)
    assert "components[a].license: unknown license reference 'Apache-2.1' (did you mean: " \
           "Apache-2.0" in text
    assert "components[2].id: duplicate component id 'b' (first at components[1])" in text
    assert "components[b].trained_on[0]: undefined component 'nothere'" in text
    assert "cycle: a -> b -> a" in text


def test_wrong_types_name_the_users_keys() -> None:
    found = problems("""
        distribution: sometimes
        commercial: maybe
        colour: blue
        components:
          - {id: a, kind: modle, license: MIT, link: sideways}
          - {id: b, kind: model}
    """)
    text = "\n".join(found)
    assert "distribution: Input should be 'internal', 'saas' or 'distributed'" in text
    assert "commercial: Input should be a valid boolean" in text
    assert "colour: unknown key" in text
    assert "components[a].kind: Input should be 'model', 'dataset', 'code' or 'service'" in text
    assert "components[a].link:" in text
    assert "components[b].license: required key is missing" in text


def test_error_message_names_file_and_line() -> None:
    with pytest.raises(ManifestError) as info:
        parse_manifest("distribution: saas\ncommercial: true\ncomponents:\n"
                       "  - {id: a, kind: model, license: GPL-3.5}\n", "dir/m.yaml")
    assert str(info.value).startswith("dir/m.yaml:4: components[a].license: unknown license "
                                      "reference 'GPL-3.5'")


def test_wrong_kind_of_reference() -> None:
    found = problems("""
        distribution: saas
        commercial: true
        components:
          - {id: m, kind: model, license: MIT}
          - {id: n, kind: model, license: MIT, trained_on: [m]}
          - {id: d, kind: dataset, license: MIT}
          - {id: o, kind: model, license: MIT, trained_on_outputs_of: [d]}
          - {id: s, kind: model, license: MIT, derived_from: [{component: s, relation: merge}]}
    """)
    text = "\n".join(found)
    assert "trained_on_outputs_of for a model's outputs" in text
    assert "is a dataset, not a model or service" in text
    assert "a component cannot derive from itself" in text


def test_outbound_license_is_an_expression() -> None:
    def outbound(expr: str) -> tuple[str | None, tuple[str, ...], tuple[tuple[str, ...], ...]]:
        m = parse_manifest(textwrap.dedent(f"""
            distribution: saas
            commercial: true
            outbound_license: {expr}
            components:
              - {{id: m, kind: model, license: MIT}}
        """))
        return m.outbound_license, m.outbound_terms, m.outbound_options

    assert outbound("MIT OR Apache-2.0") == ("mit", (), (("mit",), ("apache-2.0",)))
    # within an AND the widest copyleft leads; the others are terms the release carries
    lead, terms, _ = outbound("LicenseRef-scancode-llama-3.1-license-2024 AND GPL-3.0-only")
    assert (lead, terms) == ("gpl-3.0", ("llama-3.1-license-2024",))


@pytest.mark.parametrize(("expr", "message"), [
    ("MIT AND (", "invalid SPDX expression 'MIT AND ('"),
    ("MIT WITH GPL-3.0-only", "'GPL-3.0-only' is a license, not a license exception"),
    ("GPL-2.0-only WITH Foo-exception", "unknown license reference 'Foo-exception'"),
    ("Classpath-exception-2.0", "is a license exception, not a license"),
])
def test_bad_expressions_name_the_key_line_and_problem(expr: str, message: str) -> None:
    with pytest.raises(ManifestError) as info:
        parse_manifest(textwrap.dedent(f"""
            distribution: saas
            commercial: true
            components:
              - {{id: m, kind: model, license: MIT}}
              - {{id: bad, kind: code, license: "{expr}"}}
        """), "m.yaml")
    [problem] = info.value.problems
    assert problem.key == "components[bad].license" and problem.line == 6
    assert message in problem.message
    assert str(info.value).startswith("m.yaml:6: components[bad].license: ")


def test_licenseref_expressions_resolve() -> None:
    m = parse_manifest(textwrap.dedent("""
        distribution: saas
        commercial: true
        components:
          - id: merged
            kind: model
            license: >-
              LicenseRef-scancode-llama-3.1-license-2024 AND
              LicenseRef-scancode-gemma-tou-2025-03-24
    """))
    assert m.components[0].license.alternatives == (
        ("llama-3.1-license-2024", "gemma-tou-2025-03-24"),)


def test_not_yaml_and_not_a_mapping() -> None:
    with pytest.raises(InputError, match=r"m.yaml:2: not valid YAML"):
        parse_manifest("components: [\n  - a\n: b", "m.yaml")
    assert problems("- just\n- a list\n") == ["a manifest must be a mapping with `components`"]
    assert problems("distribution: saas\ncommercial: true\ncomponents: []\n") == [
        "components: List should have at least 1 item after validation, not 0"]


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_manifest(tmp_path / "absent.yaml")


def test_license_file_reference_is_read_relative_to_the_manifest(tmp_path: Path) -> None:
    from licentia.catalog.licensedb import read_text

    (tmp_path / "LICENSE-model.txt").write_text(read_text("apache-2.0"), encoding="utf-8")
    (tmp_path / "m.yaml").write_text(
        "distribution: saas\ncommercial: true\ncomponents:\n"
        "  - {id: m, kind: model, license: LICENSE-model.txt}\n", encoding="utf-8")
    [c] = load_manifest(tmp_path / "m.yaml").components
    assert c.license.alternatives == (("apache-2.0",),)
    assert c.license.identification is not None
