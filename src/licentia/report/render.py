# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Jinja2 environment shared by every report and drafted document."""

from __future__ import annotations

import dataclasses
import os
import re
from functools import cache
from typing import Any, TypeVar, cast

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    pass_context,
    select_autoescape,
)
from jinja2.runtime import Context

T = TypeVar("T")

DISCLAIMER = ("This report is legal information, not legal advice. Every statement rests on the "
              "license text quoted with it; have counsel review the gray areas before relying "
              "on it.")


_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")  # how raw HTML opens, in CommonMark


def neutralise_html(text: str) -> str:
    """Markdown with no raw HTML: a `<` that could open a tag, comment or declaration becomes
    `&lt;`, so a `<script>` or `<img onerror>` in a user's value (a project name, a holder, a
    use case) shows as text instead of running. `a < b` is left alone."""
    return _TAG_START.sub("&lt;", text)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: T) -> T:
    """`value` with every string XML can hold (a DOCX report): control characters and lone
    surrogates (a file name that is not UTF-8) become U+FFFD, through dataclasses, tuples,
    lists and dicts; anything else is returned as it is."""
    return cast(T, _xml_safe(value))


def _xml_safe(value: Any) -> Any:
    if type(value) is str:
        return _NOT_XML.sub("\ufffd", value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _xml_safe(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if type(value) in (tuple, list):
        return type(value)(_xml_safe(v) for v in value)
    if type(value) is dict:
        return {_xml_safe(k): _xml_safe(v) for k, v in value.items()}
    return value


def restore_html(text: str) -> str:
    """The values neutralise_html changed, as they were (reading a drafted Markdown back)."""
    return text.replace("&lt;", "<")


@pass_context
def _finalize(context: Context, value: object) -> object:
    """Every value a Markdown template outputs, HTML neutralised."""
    if isinstance(value, str) and (context.name or "").endswith(".md.j2"):
        return neutralise_html(value)
    return value


@cache
def package_environment(package: str, overridable: bool = True) -> Environment:
    """Templates from `package`'s templates/ folder; with `overridable`, a directory named by
    $LICENTIA_TEMPLATES overrides any of them. HTML templates are autoescaped; the values a
    Markdown template outputs have their raw HTML neutralised."""
    loaders: list[BaseLoader] = []
    override = os.environ.get("LICENTIA_TEMPLATES")
    if overridable and override:
        loaders.append(FileSystemLoader(override))
    loaders.append(PackageLoader(package, "templates"))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2"),
                                     default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_finalize,
    )
    env.globals["disclaimer"] = DISCLAIMER
    return env


def environment() -> Environment:
    """The reports' templates."""
    return package_environment("licentia.report")


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
