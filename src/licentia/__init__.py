# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia: identify, explain, review and check licenses of AI models, datasets and code."""

from licentia.errors import LicentiaError

__version__ = "0.1.0"
__all__ = ["LicentiaError", "__version__"]
