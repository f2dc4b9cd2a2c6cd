# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The one Jinja2 environment factory, shared by reports and drafted documents.

Jinja2 itself is imported when the first environment is made, not with this module: identifying
a file imports the template recognizer (which reads drafted texts back with `restore_html`) but
renders nothing, and a single-file `licentia identify` should not pay for Jinja's import."""

from __future__ import annotations

import os
import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jinja2 import Environment
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


def _finalize(context: Context, value: object) -> object:
    """Every value a Markdown template outputs, HTML neutralised (a Jinja context function:
    `package_environment` marks it so)."""
    if isinstance(value, str) and (context.name or "").endswith(".md.j2"):
        return neutralise_html(value)
    return value


@cache
def package_environment(package: str, overridable: bool = True) -> Environment:
    """Templates from `package`'s templates/ folder; with `overridable`, a directory named by
    $LICENTIA_TEMPLATES overrides any of them. HTML templates are autoescaped; the values a
    Markdown template outputs have their raw HTML neutralised."""
    import jinja2  # third-party, deferred: see the module docstring

    loaders: list[jinja2.BaseLoader] = []
    override = os.environ.get("LICENTIA_TEMPLATES")
    if overridable and override:
        loaders.append(jinja2.FileSystemLoader(override))
    loaders.append(jinja2.PackageLoader(package, "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2"),
                                            default_for_string=False),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=jinja2.pass_context(_finalize),
    )
    return env
