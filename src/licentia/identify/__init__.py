# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Identification: which license(s) a text, file or model card holds, and how it differs."""

from licentia.identify.identifier import identify_file, identify_paths, identify_text
from licentia.identify.result import Declared, Failure, Identification, Result

__all__ = [
    "Declared",
    "Failure",
    "Identification",
    "Result",
    "identify_file",
    "identify_paths",
    "identify_text",
]
