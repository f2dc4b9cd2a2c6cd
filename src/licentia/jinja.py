# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The one Jinja2 environment factory, shared by reports and drafted documents."""

from __future__ import annotations

import os
import re
from functools import cache

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

_TAG_START = re.compile(r"<(?=[A-Za-z/!?])")  # how raw HTML opens, in CommonMark


def neutralise_html(text: str) -> str:
    """Markdown with no raw HTML: a `<` that could open a tag, comment or declaration becomes
    `&lt;`, so a `<script>` or `<img onerror>` in a user's value (a project name, a holder, a
    use case) shows as text instead of running. `a < b` is left alone."""
    return _TAG_START.sub("&lt;", text)


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
    return env
