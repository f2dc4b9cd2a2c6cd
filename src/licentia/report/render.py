# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The reports' Jinja2 environment, and making values safe for the formats they go to."""

from __future__ import annotations

import dataclasses
import re
from typing import Any, TypeVar, cast

from jinja2 import Environment

from licentia.jinja import neutralise_html, package_environment

__all__ = ["DISCLAIMER", "environment", "neutralise_html", "render", "xml_safe"]

T = TypeVar("T")

DISCLAIMER = ("This report is legal information, not legal advice. Every statement rests on the "
              "license text quoted with it; have counsel review the gray areas before relying "
              "on it.")


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: T) -> T:
    """`value` with every string XML can hold (a DOCX report): control characters and lone
    surrogates (a file name that is not UTF-8) become U+FFFD, through dataclasses, tuples,
    lists and dicts; anything else is returned as it is."""
    return cast(T, _xml_safe(value))


def _xml_safe(value: Any) -> Any:
    if type(value) is str:
        return _NOT_XML.sub("\ufffd", value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _xml_safe(getattr(value, f.name))
                   for f in dataclasses.fields(value) if f.init}
        return dataclasses.replace(value, **changes)
    if type(value) in (tuple, list):
        return type(value)(_xml_safe(v) for v in value)
    if type(value) is dict:
        return {_xml_safe(k): _xml_safe(v) for k, v in value.items()}
    return value


def environment() -> Environment:
    """The reports' templates."""
    env = package_environment("licentia.report")
    env.globals["disclaimer"] = DISCLAIMER
    return env


def render(template: str, **context: object) -> str:
    return environment().get_template(template).render(**context)
