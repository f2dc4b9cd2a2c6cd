# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The bounds licentia puts on what users hand it, each raisable by an environment variable
(README, "Limits"): no input can make it hang, exhaust memory or overflow the stack."""

from __future__ import annotations

import os


def _setting(name: str, default: int) -> int:
    """The positive integer in $name, else `default` (a malformed value is ignored)."""
    raw = os.environ.get(name, "").strip().replace("_", "")
    return int(raw) if raw.isdigit() and 0 < int(raw) < 1 << 62 else default


# text read from one file for identification; a longer file is examined in part
MAX_TEXT_BYTES = _setting("LICENTIA_MAX_TEXT_BYTES", 4 * 1024 * 1024)
# a DOCX's members, inflated: a small zip can hold gigabytes of XML
MAX_DOCX_BYTES = _setting("LICENTIA_MAX_DOCX_BYTES", 4 * MAX_TEXT_BYTES)
# a PDF file read for its text (its streams are compressed: the text is far smaller)
MAX_PDF_BYTES = _setting("LICENTIA_MAX_PDF_BYTES", 4 * MAX_TEXT_BYTES)
# a user's YAML file (use case, manifest, goals, choices, policy, model-card front matter)
MAX_YAML_BYTES = _setting("LICENTIA_MAX_YAML_BYTES", 4 * 1024 * 1024)
# nesting of mappings and lists in a YAML file
MAX_YAML_DEPTH = _setting("LICENTIA_MAX_YAML_DEPTH", 64)
# values in a YAML file once aliases are expanded (the "billion laughs" defence)
MAX_YAML_NODES = _setting("LICENTIA_MAX_YAML_NODES", 200_000)
# characters of one license reference or SPDX expression
MAX_REFERENCE_CHARS = _setting("LICENTIA_MAX_REFERENCE_CHARS", 4096)
# a count of users or dollars (a 400-digit number is a typo and overflows floating point)
MAX_COUNT = 10**15
