# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Reading the files users hand to licentia (use cases, manifests, goals, policies, choices,
model-card front matter): every way one can fail becomes one InputError naming the file.

The YAML reader is bounded: file size, nesting depth and alias expansion ("billion laughs") are
capped (licentia.limits), a key given twice in one mapping is an error (YAML says keys are
unique; PyYAML silently keeps the last), and no message ever quotes a whole value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from licentia.errors import InputError, yaml_problem
from licentia.limits import MAX_YAML_BYTES, MAX_YAML_DEPTH, MAX_YAML_NODES
from licentia.safe_read import read_utf8, shown

_SHOWN_VALUE = 60  # characters of a value quoted in a message


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user file: where (its key, the line) and what."""

    key: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.key}: {self.message}" if self.key else self.message


class ProblemsError(InputError):
    """A user file that cannot be used; carries every problem found, not just the first, and
    names the file and the first problem's line."""

    def __init__(self, problems: Iterable[Problem], path: Path | str | None = None) -> None:
        self.problems = tuple(problems)
        first, rest = self.problems[0], self.problems[1:]
        message = str(first)
        if rest:
            message += f" (and {len(rest)} more: " + "; ".join(str(p) for p in rest[:4])
            message += "; ..." if len(rest) > 4 else ""
            message += ")"
        where = f"{path}:{first.line}" if path is not None and first.line else path
        super().__init__(message, path=where)


def describe(value: object) -> str:
    """A value as a message quotes it: its repr, clipped (never the whole of a huge value)."""
    if isinstance(value, list | tuple | dict | set):
        kind = {list: "a list", tuple: "a list", dict: "a mapping", set: "a set"}[type(value)]
        return f"{kind} of {len(value)} item(s)"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 10**18:
        return f"a {len(str(abs(value)))}-digit number"
    text = repr(value) if not isinstance(value, str) or len(value) <= _SHOWN_VALUE \
        else repr(value[:_SHOWN_VALUE]) + f"... ({len(value)} characters)"
    return text if len(text) <= 2 * _SHOWN_VALUE else text[: 2 * _SHOWN_VALUE] + "..."


class _Problem(Exception):
    """A limit or rule of the bounded loader, at a line of the file."""

    def __init__(self, line: int | None, problem: str):
        super().__init__(problem)
        self.line = line
        self.problem = problem


def _line(node: Node) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line + 1 if mark is not None else None


try:  # libyaml parses a 10,000-component manifest several times faster
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Base = yaml.SafeLoader


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than the limit, from the event stream (the parser keeps a stack;
    only composing recurses, so this runs before anything can overflow)."""
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                mark = event.start_mark
                raise _Problem(mark.line + 1 if mark else None, f"nested deeper than "
                               f"{MAX_YAML_DEPTH} levels (LICENTIA_MAX_YAML_DEPTH raises the "
                               "limit)")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


class _BoundedLoader(_Base):  # type: ignore[misc]
    """PyYAML's safe loader that refuses a key given twice in one mapping."""

    def construct_mapping(self, node: Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: dict[str, int | None] = {}
            for key_node, _ in node.value:
                if not isinstance(key_node, ScalarNode) or key_node.tag.endswith(":merge"):
                    continue
                if key_node.value in seen:
                    raise _Problem(_line(key_node), f"key {describe(key_node.value)} is given "
                                   f"twice in one mapping (first at line {seen[key_node.value]})")
                seen[key_node.value] = _line(key_node)
        mapping: dict[Any, Any] = super().construct_mapping(node, deep=deep)
        return mapping


def _check_expansion(root: Node) -> None:
    """Refuse a graph whose aliases expand past the node or depth limits, or loop."""
    sizes: dict[int, tuple[int, int]] = {}
    busy: set[int] = set()

    def walk(node: Node) -> tuple[int, int]:  # (expanded nodes, expanded depth)
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in busy:
            raise _Problem(_line(node), "an alias refers to the mapping or list that holds it")
        children: list[Node] = []
        if isinstance(node, SequenceNode):
            children = list(node.value)
        elif isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        busy.add(key)
        total, depth = 1, 0
        for child in children:
            n, d = walk(child)
            total, depth = total + n, max(depth, d)
            if total > MAX_YAML_NODES:
                raise _Problem(_line(node), f"expands to more than {MAX_YAML_NODES:,} values "
                               "through its aliases (LICENTIA_MAX_YAML_NODES raises the limit)")
        busy.discard(key)
        if depth + 1 > MAX_YAML_DEPTH:
            raise _Problem(_line(node), f"nested deeper than {MAX_YAML_DEPTH} levels through "
                           "its aliases (LICENTIA_MAX_YAML_DEPTH raises the limit)")
        sizes[key] = (total, depth + 1)
        return sizes[key]

    walk(root)


@dataclass(frozen=True)
class YamlDocument:
    """A YAML document's data, and its node tree (for the lines of its keys and items)."""

    data: Any
    node: Node | None


def yaml_document(text: str, source: Path | str | None = None, line_offset: int = 0,
                  what: str = "", line_in_path: bool = False) -> YamlDocument:
    """One YAML document, bounded; InputError "not valid YAML (line N): ..." naming `source`
    (the line counted from `line_offset`; with `line_in_path`, "source:N: not valid YAML")."""

    def refuse(head: str, line: int | None, problem: str) -> InputError:
        where = shown(source) if source is not None else None
        if line_in_path and where and line:
            return InputError(f"{head}: {problem}", path=f"{where}:{line}")
        return InputError(f"{head}{f' (line {line})' if line else ''}: {problem}", path=where)

    invalid = f"{what} is not valid YAML" if what else "not valid YAML"
    loader = None
    try:
        _check_depth(text)
        loader = _BoundedLoader(text)
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None, None)
        _check_expansion(node)
        return YamlDocument(loader.construct_document(node), node)
    except _Problem as exc:
        line = exc.line + line_offset if exc.line is not None else None
        raise refuse(f"{what} refused" if what else "YAML refused", line, exc.problem) \
            from None
    except yaml.YAMLError as exc:
        raise refuse(invalid, *yaml_problem(exc, line_offset)) from exc
    except RecursionError:  # a guard above failed: still one line, never a traceback
        raise refuse(invalid, None, "nested too deeply") from None
    finally:
        if loader is not None:
            loader.dispose()


def parse_yaml(text: str, source: Path | str | None = None, line_offset: int = 0,
               what: str = "") -> Any:
    """The data of one YAML document (see yaml_document)."""
    return yaml_document(text, source, line_offset, what).data


def read_user_text(path: Path, what: str = "file") -> str:
    """The file's text; InputError when it is missing, not a regular file, unreadable, larger
    than the YAML limit or not UTF-8."""
    return read_utf8(path, MAX_YAML_BYTES, what, "LICENTIA_MAX_YAML_BYTES")


def load_user_yaml(path: Path, what: str = "file") -> Any:
    """The file's YAML data; InputError for anything read_user_text refuses, or bad YAML."""
    return parse_yaml(read_user_text(path, what), path)


# -- strict values at the user boundary: what a key must hold, or one InputError naming it ----

_NOT_IN_A_LINE = {"Cc", "Zl", "Zp", "Cs"}  # controls, line/paragraph separators, surrogates
_TRUE = {"true", "yes", "on"}
_FALSE = {"false", "no", "off"}


def as_bool(value: object, key: str, source: Path | str | None = None) -> bool:
    """true/false (YAML's yes/no too, even quoted: `'no'` is false, never a truthy string)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise InputError(f"expected true or false, not {describe(value)}", path=_where(source),
                     key=key)


def as_text(value: object, key: str, source: Path | str | None = None) -> str:
    """A single text value (a number is taken as its digits); a list, mapping or true/false is
    an InputError, never its Python repr."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise InputError(f"expected a text value, not {describe(value)}", path=_where(source),
                     key=key)


def as_int(value: object, key: str, low: int, high: int,
           source: Path | str | None = None) -> int:
    """A whole number from `low` to `high` (true/false is not a number)."""
    if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
        return value
    raise InputError(f"expected a whole number from {low} to {high}, not {describe(value)}",
                     path=_where(source), key=key)


def as_text_list(value: object, key: str, source: Path | str | None = None) -> list[str]:
    """A list of text values, or one text of comma-separated values."""
    if value is None:
        return []
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [as_text(v, key, source) for v in value]
    raise InputError(f"expected a list, not {describe(value)}", path=_where(source), key=key)


def one_line(value: str, key: str, max_chars: int = 200,
             source: Path | str | None = None) -> str:
    """A name that goes into a document's header (a copyright holder): one line of at most
    `max_chars`, runs of spaces collapsed; a newline or other control character is an error
    (it would break a copyright line or a REUSE.toml)."""
    if any(unicodedata.category(c) in _NOT_IN_A_LINE for c in value):
        raise InputError("must be one line of text (it holds a newline or another control "
                         "character)", path=_where(source), key=key)
    clean = " ".join(value.split())
    if len(clean) > max_chars:
        raise InputError(f"at most {max_chars} characters, not {len(clean):,}",
                         path=_where(source), key=key)
    return clean


FIRST_YEAR, LAST_YEAR = 1970, 9999


def copyright_year(value: object, key: str = "--year",
                   source: Path | str | None = None) -> int:
    """A plausible copyright year (a negative or 20-digit year is a typo)."""
    if isinstance(value, int) and not isinstance(value, bool) and \
            FIRST_YEAR <= value <= LAST_YEAR:
        return value
    raise InputError(f"{describe(value)} is not a plausible copyright year ({FIRST_YEAR}-"
                     f"{LAST_YEAR})", path=_where(source), key=key)


def _where(source: Path | str | None) -> str | None:
    return shown(source) if source is not None else None
