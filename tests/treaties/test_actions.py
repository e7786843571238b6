"""The treaty actions: validated against the rules, audited, and the status cache refreshed."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from commonbonds.core.errors import DomainError, NotFoundError, PermissionDeniedError
from commonbonds.core.models import AuditEntry
from commonbonds.treaties import actions, snapshot
from commonbonds.treaties.models import (
    ImplementingLegislation,
    Instrument,
    State,
    TreatyEvent,
)

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def small_world(db):
    """Two states and the Rome Statute with one amendment: enough for the rules."""
    for iso3, iso2, name in (("ALB", "AL", "Albania"), ("USA", "US", "United States of America")):
        State.objects.create(
            iso3=iso3, iso2=iso2, name_en=name, name_fr=name, name_es=name, name_ar=name
        )
    rome = Instrument.objects.create(
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
    Instrument.objects.create(
        slug="amendment_art8_2010",
        name="Amendment to article 8",
        short_name="Art. 8 (2010)",
        depositary_ref="XVIII-10-a",
        adopted_place="Kampala",
        adopted_date=D(2010, 6, 10),
        parent=rome,
        entry_into_force_rule="art121_5",
        open_to="parties_of_parent",
    )


def data(**overrides) -> actions.EventData:
    values = {
        "state": "ALB",
        "instrument": "rome_statute",
        "action": "ratification",
        "date": D(2003, 1, 31),
        "source_url": "https://treaties.un.org/",
    }
    values.update(overrides)
    return actions.EventData(**values)


def test_recording_an_event_writes_the_audit_log_and_refreshes_the_cache(
    small_world, make_user, django_capture_on_commit_callbacks
):
    editor = make_user("editor")
    before = snapshot.current()
    assert before.index.standing("rome_statute", "ALB", D(2010, 1, 1)) is None
    with django_capture_on_commit_callbacks(execute=True):
        event = actions.record_treaty_event(acting_user=editor, data=data(), reason="C.N.1.2003")
    assert event.event_id == "cb-0001"  # staff events get ids of their own
    assert event.edited_by_staff
    entry = AuditEntry.objects.get(action="treaties.event.recorded")
    assert (entry.actor, entry.object_id) == (editor, str(event.pk))
    assert entry.data["reason"] == "C.N.1.2003"
    assert entry.message == "Recorded the treaty event cb-0001 for ALB"
    # The version moved, so the next reader rebuilds: Albania is a party from 1 May 2003.
    assert cache.get(snapshot.VERSION_KEY) != before.version
    after = snapshot.current()
    assert after is not before
    assert after.index.standing("rome_statute", "ALB", D(2003, 5, 1)).status == "party"


def test_a_correction_is_audited_with_what_changed(small_world, make_user):
    editor = make_user("editor")
    event = actions.record_treaty_event(acting_user=editor, data=data())
    actions.record_treaty_event(
        acting_user=editor, data=data(date=D(2003, 2, 1)), event_id=event.event_id
    )
    entry = AuditEntry.objects.get(action="treaties.event.corrected")
    assert entry.changes == {"date": ["2003-01-31", "2003-02-01"]}
    assert TreatyEvent.objects.get(pk=event.pk).date == D(2003, 2, 1)
    assert actions.record_treaty_event(
        acting_user=editor, data=data(retracted=True), event_id=event.event_id
    ).retracted
    assert AuditEntry.objects.filter(action="treaties.event.retracted").count() == 1


def test_an_event_the_rules_do_not_allow_is_refused_and_nothing_is_written(
    small_world, make_user, django_capture_on_commit_callbacks
):
    editor = make_user("editor")
    # The United States never ratified: it cannot withdraw.
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(DomainError) as raised,
    ):
        actions.record_treaty_event(
            acting_user=editor,
            data=data(state="USA", action="withdrawal_notification", date=D(2018, 1, 1)),
        )
    assert raised.value.code == "rule_violation"
    assert "the state was not bound by the instrument on that day" in str(raised.value)
    assert not TreatyEvent.objects.exists() and not AuditEntry.objects.exists()
    assert callbacks == []


def test_an_amendment_before_the_parent_treaty_is_refused(small_world, make_user):
    editor = make_user("editor")
    with pytest.raises(DomainError, match="deposited for the parent treaty"):
        actions.record_treaty_event(
            acting_user=editor,
            data=data(instrument="amendment_art8_2010", date=D(2012, 1, 1)),
        )
    # The same day as the parent deposit is fine (El Salvador, 3 Mar 2016).
    actions.record_treaty_event(acting_user=editor, data=data(date=D(2016, 3, 3)))
    actions.record_treaty_event(
        acting_user=editor, data=data(instrument="amendment_art8_2010", date=D(2016, 3, 3))
    )


def test_a_correction_that_breaks_another_event_is_refused(small_world, make_user):
    editor = make_user("editor")
    deposit = actions.record_treaty_event(acting_user=editor, data=data())
    actions.record_treaty_event(
        acting_user=editor, data=data(action="withdrawal_notification", date=D(2010, 1, 1))
    )
    # Moving the deposit after the notification would leave a withdrawal by a state not bound.
    with pytest.raises(DomainError, match="not bound"):
        actions.record_treaty_event(
            acting_user=editor, data=data(date=D(2011, 1, 1)), event_id=deposit.event_id
        )


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"state": "XYZ"}, 'Unknown state "XYZ"'),
        ({"instrument": "nope"}, 'Unknown instrument "nope"'),
        ({"action": "ratified"}, 'Unknown action "ratified"'),
        ({"known_by": D(2003, 1, 1)}, "Give either the date"),
        ({"date": None}, "Give the date or"),
        ({"source_url": ""}, "Every event cites a source"),
        ({"source_url": "not a url"}, "The source must be a web address"),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(small_world, make_user, overrides, message):
    with pytest.raises(DomainError, match=message) as raised:
        actions.record_treaty_event(acting_user=make_user("editor"), data=data(**overrides))
    assert raised.value.code == "invalid_event"


def test_only_staff_with_the_permission_record_events(small_world, make_user):
    for role in ("focal_point", "delegate", "finance_officer", "accreditation_officer"):
        with pytest.raises(PermissionDeniedError):
            actions.record_treaty_event(acting_user=make_user(role), data=data())
    for role in ("editor", "publisher", "regional_coordinator", "administrator"):
        event = actions.record_treaty_event(acting_user=make_user(role), data=data())
        actions.record_treaty_event(
            acting_user=make_user(role), data=data(retracted=True), event_id=event.event_id
        )


def test_correcting_an_unknown_event_is_a_404(small_world, make_user):
    with pytest.raises(NotFoundError):
        actions.record_treaty_event(acting_user=make_user("editor"), data=data(), event_id="ev-1")


def test_retracted_events_leave_every_status(
    small_world, make_user, django_capture_on_commit_callbacks
):
    editor = make_user("editor")
    with django_capture_on_commit_callbacks(execute=True):
        event = actions.record_treaty_event(acting_user=editor, data=data())
    assert snapshot.current().counts("rome_statute", D(2010, 1, 1)).parties == 1
    with django_capture_on_commit_callbacks(execute=True):
        actions.record_treaty_event(
            acting_user=editor, data=data(retracted=True), event_id=event.event_id
        )
    assert snapshot.current().counts("rome_statute", D(2010, 1, 1)).parties == 0


def test_staff_correct_a_state_name_and_its_source_becomes_staff(small_world, make_user):
    state = State.objects.get(iso3="ALB")
    with pytest.raises(PermissionDeniedError):
        actions.correct_state(acting_user=make_user("editor"), state=state, values={"name_fr": "X"})
    actions.correct_state(
        acting_user=make_user("publisher"), state=state, values={"name_fr": "Albanie"}
    )
    state.refresh_from_db()
    assert (state.name_fr, state.name_fr_source, state.edited_by_staff) == (
        "Albanie",
        "staff",
        True,
    )
    entry = AuditEntry.objects.get(action="treaties.state.corrected")
    assert entry.changes["name_fr"] == ["Albania", "Albanie"]
    with pytest.raises(DomainError):
        actions.correct_state(acting_user=make_user("publisher"), state=state, values={"iso3": "X"})


def test_staff_correct_an_instrument_title(small_world, make_user):
    rome = Instrument.objects.get(slug="rome_statute")
    actions.correct_instrument(
        acting_user=make_user("administrator"),
        instrument=rome,
        values={"title_fr": "Statut de Rome de la Cour pénale internationale"},
    )
    rome.refresh_from_db()
    assert rome.title("fr") == "Statut de Rome de la Cour pénale internationale"
    assert rome.edited_by_staff


def test_implementing_legislation_records_who_reviewed_it(small_world, make_user):
    coordinator = make_user("regional_coordinator")
    state = State.objects.get(iso3="ALB")
    record = actions.review_implementing_legislation(
        acting_user=coordinator, state=state, kind="cooperation", values={}
    )
    assert record.stage == "not_reviewed"
    assert (record.last_reviewed_by, record.last_reviewed_at is not None) == (coordinator, True)
    actions.review_implementing_legislation(
        acting_user=coordinator,
        state=state,
        kind="cooperation",
        values={"stage": "adopted", "tabled_on": D(2020, 1, 1), "adopted_on": D(2021, 1, 1)},
        legislation=record,
    )
    assert ImplementingLegislation.objects.get().stage == "adopted"
    assert AuditEntry.objects.filter(action="treaties.legislation.reviewed").count() == 2
    with pytest.raises(DomainError, match="tabled, then adopted"):
        actions.review_implementing_legislation(
            acting_user=coordinator,
            state=state,
            kind="cooperation",
            values={"tabled_on": D(2022, 1, 1)},
            legislation=record,
        )
    with pytest.raises(PermissionDeniedError):
        actions.review_implementing_legislation(
            acting_user=make_user("finance_officer"), state=state, kind="cooperation", values={}
        )
