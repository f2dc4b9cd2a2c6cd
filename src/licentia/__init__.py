# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""licentia: identify, explain, review and check licenses of AI models, datasets and code.

The Python API (`licentia.api`, documented in docs/api.md) is importable from here:
`licentia.identify(path)`, `licentia.explain(ref)`, `licentia.review(ref, use_case)`,
`licentia.check(manifest)`, `licentia.choose(goals)`, `licentia.draft(choices)`,
`licentia.scan(path)`. Each is
imported on first use, so `import licentia` stays light (no index, no language pipeline).
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

from licentia.errors import InputError, LicentiaError

if TYPE_CHECKING:
    from licentia.api import (
        Check,
        Choice,
        Choices,
        Explanation,
        Goals,
        Identification,
        Manifest,
        Review,
        Scan,
        UseCase,
        check,
        choose,
        draft,
        explain,
        identify,
        identify_text,
        review,
        scan,
    )

__version__ = "0.1.0"

__all__ = [
    "Check",
    "Choice",
    "Choices",
    "Explanation",
    "Goals",
    "Identification",
    "InputError",
    "LicentiaError",
    "Manifest",
    "Review",
    "Scan",
    "UseCase",
    "__version__",
    "check",
    "choose",
    "draft",
    "explain",
    "identify",
    "identify_text",
    "review",
    "scan",
]
_API = frozenset(__all__) - {"InputError", "LicentiaError", "__version__"}


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module("licentia.api"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'licentia' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Package(types.ModuleType):
    """`licentia.identify`, `licentia.draft` and `licentia.scan` are both API functions and
    subpackages. Python
    binds a subpackage to its parent's attribute when it is first imported, which would turn
    `licentia.identify(path)` into a module; the API names keep their functions instead
    (`import licentia.identify.matcher` and `from licentia.identify import ...` still work:
    they read `sys.modules`)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _API and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
