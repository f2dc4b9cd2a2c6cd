# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Python API: a curated `__all__`, a light `import licentia`, typed results, and the
examples of docs/api.md and of the API's docstrings run as doctests."""

from __future__ import annotations

import doctest
import subprocess
import sys
from pathlib import Path

import pytest

import licentia
import licentia.api
import licentia.catalog.template.choices
import licentia.report.words

ROOT = Path(__file__).resolve().parents[1]
API = ["identify", "identify_text", "explain", "review", "check", "choose", "draft", "scan"]


def test_all_is_curated_and_every_name_resolves() -> None:
    assert set(API) <= set(licentia.__all__)
    assert len(licentia.__all__) == len(set(licentia.__all__))
    for name in licentia.__all__:
        assert getattr(licentia, name) is not None, name
        assert name in dir(licentia)
    assert set(licentia.api.__all__) <= set(licentia.__all__) | {"Explanation"}


def test_import_licentia_is_light() -> None:
    code = ("import sys, licentia; "
            "print(' '.join(sorted(m for m in sys.modules if m.startswith(('licentia', "
            "'numpy', 'spacy', 'pydantic', 'yaml')))))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True).stdout.split()
    assert set(loaded) <= {"licentia", "licentia.errors", "licentia.suggest"}, loaded


def test_identify_and_draft_stay_functions_after_their_subpackages_load() -> None:
    import licentia.draft.custom
    import licentia.identify.matcher
    import licentia.scan.walker

    assert callable(licentia.identify) and callable(licentia.draft) and callable(licentia.scan)
    assert licentia.identify is licentia.api.identify
    assert licentia.draft is licentia.api.draft
    assert licentia.scan is licentia.api.scan


def test_results_are_typed_values() -> None:
    found = licentia.identify(ROOT / "LICENSE")
    assert isinstance(found, licentia.Identification)
    assert found.license is not None and found.license.key == "apache-2.0"
    with pytest.raises(licentia.InputError, match="no-such-file"):
        licentia.identify(ROOT / "no-such-file")


def test_a_bad_mapping_is_one_input_error_naming_the_key() -> None:
    with pytest.raises(licentia.InputError, match="deployment"):
        licentia.review("MIT", {"name": "x", "description": "y", "commercial": True,
                                "deployment": "cloud"})


def _failures(result: doctest.TestResults) -> int:
    assert result.attempted > 0
    return result.failed


def test_the_api_page_examples_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples name files of the repository
    flags = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
    result = doctest.testfile(str(ROOT / "docs" / "api.md"), module_relative=False,
                              optionflags=flags, verbose=False)
    assert result.attempted >= 10
    assert _failures(result) == 0


@pytest.mark.parametrize("module", [licentia.api, licentia.report.words,
                                    licentia.catalog.template.choices],
                         ids=lambda m: m.__name__)
def test_docstring_examples_run(module: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert _failures(doctest.testmod(module, optionflags=doctest.ELLIPSIS)) == 0  # type: ignore[arg-type]
