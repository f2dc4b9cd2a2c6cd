# SPDX-FileCopyrightText: 2026 The licentia authors
# SPDX-License-Identifier: Apache-2.0
"""Records, optimistic locking, agreements near their dates or limits, lineage."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from licentia.errors import InputError
from licentia.registry import lineage, records
from licentia.registry.accounts import add_user
from licentia.registry.errors import Refused, StaleWrite
from licentia.registry.models import (
    Agreement,
    Asset,
    AuditEntry,
    Obligation,
    ObligationStatus,
    User,
)
from licentia.registry.vocab import (
    AgreementKind,
    AgreementStatus,
    AssetKind,
    Relation,
    Role,
    StatusValue,
    Trigger,
)


@pytest.fixture
def editor(factory: sessionmaker[Session]) -> User:
    with factory() as s, s.begin():
        return add_user(s, "ed", Role.EDITOR, "long enough pw")


def test_a_stale_write_is_refused_and_the_first_edit_kept(
        factory: sessionmaker[Session], editor: User) -> None:
    with factory() as s, s.begin():
        asset = records.add_asset(s, editor, "base-model", AssetKind.MODEL)
        asset_id = asset.id
    assert asset.version == 1
    # two people open version 1; the first saves, the second is refused
    with factory() as s, s.begin():
        records.update(s, editor, records.get(s, Asset, asset_id), 1, revision="abc123")
    with factory() as s, s.begin(), pytest.raises(StaleWrite, match=(
            r"assets .* changed by someone else .*version 1; it is now at version 2")):
        records.update(s, editor, records.get(s, Asset, asset_id), 1, revision="def456")
    with factory() as s:
        saved = records.get(s, Asset, asset_id)
        assert (saved.revision, saved.version) == ("abc123", 2)


def test_a_write_racing_another_between_read_and_flush_is_refused(
        factory: sessionmaker[Session], editor: User) -> None:
    with factory() as s, s.begin():
        asset_id = records.add_asset(s, editor, "m", AssetKind.MODEL).id
    first, second = factory(), factory()
    with first.begin(), second.begin():
        a = records.get(first, Asset, asset_id)
        b = records.get(second, Asset, asset_id)
        records.update(first, editor, a, 1, revision="first")
        first.commit()
        with pytest.raises(StaleWrite):
            records.update(second, editor, b, 1, revision="second")
    with factory() as s:
        assert records.get(s, Asset, asset_id).revision == "first"


def test_upcoming_lists_expiries_renewals_and_thresholds_near_the_limit(
        factory: sessionmaker[Session], editor: User) -> None:
    today = date(2026, 11, 30)
    with factory() as s, s.begin():
        records.add_agreement(s, editor, "soon", AgreementKind.COMMERCIAL,
                              expires_on=date(2026, 12, 20))
        records.add_agreement(s, editor, "later", AgreementKind.COMMERCIAL,
                              expires_on=date(2028, 1, 1))
        records.add_agreement(s, editor, "busy", AgreementKind.LICENSE,
                              threshold_limit=700_000_000, threshold_current=650_000_000)
        records.add_agreement(s, editor, "quiet", AgreementKind.LICENSE,
                              threshold_limit=700_000_000, threshold_current=1_000)
        records.add_agreement(s, editor, "gone", AgreementKind.LICENSE,
                              status=AgreementStatus.EXPIRED, expires_on=date(2026, 12, 1))
    with factory() as s:
        assert [a.title for a in records.upcoming(s, 90, today)] == ["soon", "busy"]


def test_agreement_dates_and_supersession(factory: sessionmaker[Session], editor: User) -> None:
    with factory() as s, s.begin(), pytest.raises(InputError, match="expires_on: the expiry"):
        records.add_agreement(s, editor, "x", AgreementKind.DATA_USE,
                              effective_on=date(2026, 1, 2), expires_on=date(2026, 1, 1))
    with factory() as s, s.begin():
        old = records.add_agreement(s, editor, "v1", AgreementKind.COMMERCIAL)
        new = records.add_agreement(s, editor, "v2", AgreementKind.COMMERCIAL,
                                    supersedes_id=old.id)
        assert old.status is AgreementStatus.SUPERSEDED and new.supersedes_id == old.id
    with factory() as s:
        actions = s.scalars(sa.select(AuditEntry.action).order_by(AuditEntry.id)).all()
        assert actions[-2:] == ["agreement.superseded", "agreement.create"]
        assert s.scalar(sa.select(sa.func.count(Agreement.id))) == 2


def test_a_use_case_is_validated_like_a_use_case_file(
        factory: sessionmaker[Session], editor: User) -> None:
    with factory() as s, s.begin(), pytest.raises(InputError, match="deployment"):
        records.add_use_case(s, editor, {"name": "x", "description": "y", "commercial": True,
                                         "deployment": "cloudy"})


def test_lineage_reopens_settled_statuses_and_carries_obligations(
        factory: sessionmaker[Session], editor: User) -> None:
    with factory() as s, s.begin():
        base = records.add_asset(s, editor, "base", AssetKind.MODEL)
        data = records.add_asset(s, editor, "corpus", AssetKind.DATASET)
        tuned = records.add_asset(s, editor, "tuned", AssetKind.MODEL)
        uc = records.add_use_case(s, editor, {"name": "bot", "description": "a chatbot",
                                              "commercial": True}, asset=tuned)
        own = Obligation(asset_id=tuned.id, code="attribution", title="keep notices",
                         trigger=Trigger.DISTRIBUTION)
        inherited = Obligation(asset_id=base.id, code="built-with-notice", title="Built with",
                               trigger=Trigger.DISTRIBUTION)
        data_duty = Obligation(asset_id=data.id, code="attribution", title="credit the corpus",
                               trigger=Trigger.DISTRIBUTION)
        s.add_all([own, inherited, data_duty])
        s.flush()
        s.add(ObligationStatus(use_case_id=uc.id, obligation_id=own.id,
                               status=StatusValue.FULFILLED, evidence="NOTICE shipped"))
        lineage.add_edge(s, editor, base, tuned, Relation.FINETUNE)
        lineage.add_edge(s, editor, data, tuned, Relation.TRAINED_ON)
        with pytest.raises(Refused, match="cycle"):
            lineage.add_edge(s, editor, tuned, base, Relation.DISTILL)
        titles = [o.title for o in lineage.obligations_of(s, tuned)]
        assert sorted(titles) == ["Built with", "keep notices"]  # not the corpus's own credit
        assert [st.asset.name for st in lineage.ancestors(s, tuned)] == ["base", "corpus"]
    with factory() as s:
        status = s.scalars(sa.select(ObligationStatus)).one()
        assert (status.status, status.reopened) == (StatusValue.OPEN, True)
        assert "status.reopen" in s.scalars(sa.select(AuditEntry.action)).all()
