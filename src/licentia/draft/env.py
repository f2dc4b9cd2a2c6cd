# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The Jinja2 environments of drafted documents.

The license template is read only from the package: a drafted license is recognized by
regenerating it, so its text must be the released one. The other documents (NOTICE, model card)
may be overridden from $LICENTIA_TEMPLATES, like the reports.
"""

from __future__ import annotations

from jinja2 import Environment

from licentia.report.render import package_environment


def license_environment() -> Environment:
    """Templates of licentia's own license texts (never overridden)."""
    return package_environment("licentia.draft", overridable=False)


def document_environment() -> Environment:
    """Templates of NOTICE files and model cards; $LICENTIA_TEMPLATES overrides any of them."""
    return package_environment("licentia.draft")
