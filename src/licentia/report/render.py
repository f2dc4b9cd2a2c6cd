# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Jinja2 environment shared by every report and drafted document."""

from __future__ import annotations

import os
from functools import cache

from jinja2 import (
    BaseLoader,
    ChoiceLoader,
    Environment,
    FileSystemLoader,
    PackageLoader,
    select_autoescape,
)

DISCLAIMER = ("This report is legal information, not legal advice. Every statement rests on the "
              "license text quoted with it; have counsel review the gray areas before relying "
              "on it.")


@cache
def package_environment(package: str, overridable: bool = True) -> Environment:
    """Templates from `package`'s templates/ folder; with `overridable`, a directory named by
    $LICENTIA_TEMPLATES overrides any of them. HTML templates are autoescaped."""
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
    )
    env.globals["disclaimer"] = DISCLAIMER
    return env


def environment() -> Environment:
    """The reports' templates."""
    return package_environment("licentia.report")


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
