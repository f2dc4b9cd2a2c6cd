# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Named facts about a use case, each with the words it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Source(StrEnum):
    DESCRIPTION = "description"  # read from the prose
    FIELD = "field"  # a structured key of the use case (deployment, modification, ...)
    ANSWER = "facts"  # an explicit answer under `facts:` in the use case


@dataclass(frozen=True)
class Fact:
    """One fact: `value` is True / False / a number / a text, or None (unknown); `words` are the
    use case's own words it rests on; `hedged` when the words only say it might be so."""

    name: str
    value: bool | int | str | None
    words: str = ""
    source: Source = Source.DESCRIPTION
    hedged: bool = False
    rule: str = ""
    maybe: bool | None = None  # what a hedged statement would make it
    sweeping: bool = False  # a denial over every place or form ("not ... anywhere")

    @property
    def known(self) -> bool:
        return self.value is not None

    def to_json(self) -> dict[str, object]:
        return {"fact": self.name, "value": self.value, "words": self.words,
                "source": self.source.value, "hedged": self.hedged, "rule": self.rule}


@dataclass(frozen=True)
class Figure:
    """A number the description states: users, revenue or a price (USD), whose, and when."""

    measure: str  # "users" | "revenue" | "price"
    value: int
    owner: str  # "licensee" | "group"
    words: str
    year: int | None = None
    month: int | None = None
    since: bool = False  # "since 2021": true from then on
    whole_year: bool = False  # "throughout 2024", "every month of 2024": true in each month
    hedged: bool = False


@dataclass(frozen=True)
class NamedLicense:
    """A license the description names: its key, the words, and whether the licensee shares its
    own work under it (True), received material under it (False), or the text does not say."""

    key: str
    words: str
    outbound: bool | None
    clause: str = ""  # the words of its sentence before the name (what is shared under it)


@dataclass(frozen=True)
class Facts:
    """Everything read from one use case."""

    facts: dict[str, Fact] = field(default_factory=dict)
    figures: tuple[Figure, ...] = ()
    names: tuple[tuple[str, bool], ...] = ()  # quoted names, and whether a release verb is near
    licenses: tuple[NamedLicense, ...] = ()  # licenses the description names

    def get(self, name: str) -> Fact:
        return self.facts.get(name) or Fact(name, None)

    def described(self, name: str) -> bool:
        """Whether the description itself (not a structured field) says the fact holds,
        without a hedge."""
        f = self.get(name)
        return f.value is True and f.source is not Source.FIELD and not f.hedged

    def suggested(self, name: str) -> bool:
        """Whether the description says the fact holds, or says it might (a hedge, or words
        both ways: "nothing is sold" beside "the appeal brings in donations")."""
        f = self.get(name)
        return self.described(name) or (f.value is None and f.maybe is True
                                         and f.source is not Source.FIELD)

    def value(self, name: str) -> bool | int | str | None:
        return self.get(name).value
