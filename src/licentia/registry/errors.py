# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""The registry's refusals, under licentia's one root error."""

from __future__ import annotations

from licentia.errors import LicentiaError


class NotFound(LicentiaError):
    """No record with that id."""


class Refused(LicentiaError):
    """A rule of the registry forbids the change (e.g. approving one's own request)."""


class StaleWrite(LicentiaError):
    """Someone changed the record since it was read: the write is refused, nothing is lost."""

    def __init__(self, entity: str, record_id: int, read: int, now: int | None) -> None:
        where = f"{entity} {record_id}"
        then = f"you edited version {read}"
        current = f"; it is now at version {now}" if now is not None else ""
        super().__init__(f"{where} was changed by someone else since you opened it ({then}"
                         f"{current}): reload it and apply your change again")
        self.read_version = read
        self.current_version = now


class Busy(LicentiaError):
    """The registry stayed busy with other writes: nothing was saved, try again."""
