# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Jinja2 environment of drafted documents (NOTICE, model card): $LICENTIA_TEMPLATES may
override any of them, like the reports. licentia's own license template is the catalog's, and
never overridden (`licentia.catalog.template.text`)."""

from __future__ import annotations

from jinja2 import Environment

from licentia.jinja import package_environment


def document_environment() -> Environment:
    """Templates of NOTICE files and model cards; $LICENTIA_TEMPLATES overrides any of them."""
    return package_environment("licentia.draft")
