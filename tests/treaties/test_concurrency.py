"""Two staff members recording events for the same state at the same moment (PostgreSQL).

`record_treaty_events` locks the rows of the states whose histories change, so the second
writer validates against the first one's event. Without that lock both would read the same
history, both pass the rule check, and the state would end up with two pending withdrawal
notifications (checked by removing `select_for_update()` from the State query: this test then
fails with two successes).
"""

from __future__ import annotations

import datetime
import threading
import time

import pytest
from django.db import connection

from commonbonds.core.errors import DomainError
from commonbonds.treaties import actions
from commonbonds.treaties.models import Instrument, State, TreatyEvent

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
D = datetime.date


@pytest.fixture
def albania_party(make_user):
    State.objects.create(
        iso3="ALB",
        iso2="AL",
        name_en="Albania",
        name_fr="Albanie",
        name_es="Albania",
        name_ar="ألبانيا",
    )
    Instrument.objects.create(
        slug="rome_statute",
        name="Rome Statute of the International Criminal Court",
        short_name="Rome Statute",
        depositary_ref="XVIII-10",
        adopted_place="Rome",
        adopted_date=D(1998, 7, 17),
        entry_into_force_rule="rome_statute_art126",
        general_entry_into_force=D(2002, 7, 1),
        open_to="all_states",
    )
    editor = make_user("editor")
    actions.record_treaty_event(
        acting_user=editor,
        data=actions.EventData(
            state="ALB",
            instrument="rome_statute",
            action="ratification",
            date=D(2003, 1, 31),
            source_url="https://treaties.un.org/",
        ),
    )
    return editor


def test_two_withdrawals_recorded_at_once_cannot_both_pass(albania_party, monkeypatch):
    check = actions._check_rules

    def slow_check(*args, **kwargs):
        check(*args, **kwargs)
        time.sleep(0.3)  # widen the window between reading the history and writing

    monkeypatch.setattr(actions, "_check_rules", slow_check)
    barrier = threading.Barrier(2)
    results: list[str] = []

    def record(day: datetime.date) -> None:
        try:
            barrier.wait(timeout=10)
            actions.record_treaty_event(
                acting_user=albania_party,
                data=actions.EventData(
                    state="ALB",
                    instrument="rome_statute",
                    action="withdrawal_notification",
                    date=day,
                    source_url="https://treaties.un.org/",
                ),
            )
            results.append("recorded")
        except DomainError as exc:
            results.append(exc.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=record, args=(D(2016, 1, d),)) for d in (1, 2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results) == ["recorded", "rule_violation"]
    assert TreatyEvent.objects.filter(action="withdrawal_notification").count() == 1
