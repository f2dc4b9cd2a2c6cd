# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Jinja2 environments of drafted documents.

The license template is read only from the package: a drafted license is recognized by
regenerating it, so its text must be the released one. The other documents (NOTICE, model card)
may be overridden from $LICENTIA_TEMPLATES, like the reports.
"""

from __future__ import annotations

import os
from functools import cache

from jinja2 import BaseLoader, ChoiceLoader, Environment, FileSystemLoader, PackageLoader


def _environment(loader: BaseLoader) -> Environment:
    return Environment(loader=loader, autoescape=False, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


@cache
def license_environment() -> Environment:
    """Templates of licentia's own license texts (never overridden)."""
    return _environment(PackageLoader("licentia.draft", "templates"))


@cache
def document_environment() -> Environment:
    """Templates of NOTICE files and model cards; $LICENTIA_TEMPLATES overrides any of them."""
    loaders: list[BaseLoader] = []
    override = os.environ.get("LICENTIA_TEMPLATES")
    if override:
        loaders.append(FileSystemLoader(override))
    loaders.append(PackageLoader("licentia.draft", "templates"))
    return _environment(ChoiceLoader(loaders))
