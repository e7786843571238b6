"""Properties that hold for any history, valid or not."""

from __future__ import annotations

import datetime

from hypothesis import given
from hypothesis import strategies as st

from commonbonds.treaties.engine import (
    Action,
    Event,
    EventIndex,
    Instrument,
    Rule,
    Standing,
    Status,
    check_events,
    count,
    standing,
    standings,
)

D = datetime.date
A = Action

ROME = Instrument("rome_statute", Rule.ROME_STATUTE_ART126, None, D(2002, 7, 1))
APIC = Instrument("apic", Rule.APIC_ART35, None, D(2004, 7, 22))
AMEND = Instrument("amend", Rule.ART121_5, "rome_statute")
ART124 = Instrument("art124", Rule.ART121_4, "rome_statute")
INSTRUMENTS = {i.slug: i for i in (ROME, APIC, AMEND, ART124)}

STATES = ("AAA", "BBB", "CCC", "DDD")
FIRST, LAST = D(1998, 7, 17), D(2032, 12, 31)

# Weighted towards the actions that make histories interesting.
ACTIONS = (
    [A.SIGNATURE] * 3
    + [A.RATIFICATION] * 3
    + [A.ACCESSION] * 2
    + [A.WITHDRAWAL_NOTIFICATION] * 2
    + [A.WITHDRAWAL_REVOKED] * 2
    + [A.ACCESSION_WITHDRAWN] * 2
    + list(Action)
)

days = st.dates(min_value=FIRST, max_value=LAST)
# Concentrated around the Rome threshold, year ends and leap days.
tricky_days = st.sampled_from(
    [
        D(2002, 4, 11),
        D(2002, 4, 12),
        D(2002, 7, 1),
        D(2004, 6, 22),
        D(2012, 4, 2),
        D(2024, 2, 29),
        D(2025, 2, 28),
        D(2003, 1, 31),
        D(2016, 12, 31),
    ]
)


@st.composite
def histories(draw, instrument: str, prefix: str, max_size: int = 10) -> list[Event]:
    n = draw(st.integers(min_value=0, max_value=max_size))
    result = []
    for i in range(n):
        day = draw(st.one_of(days, tricky_days))
        undated = draw(st.integers(min_value=0, max_value=9)) == 0
        result.append(
            Event(
                event_id=f"{prefix}-{i:03d}",
                state=draw(st.sampled_from(STATES)),
                instrument=instrument,
                action=draw(st.sampled_from(ACTIONS)),
                date=None if undated else day,
                known_by=day if undated else None,
                confirmed=draw(st.integers(min_value=0, max_value=3)) != 0,
            )
        )
    return result


@st.composite
def cases(draw):
    """(instrument, its events, parent events) for one of the four rules."""
    instrument = draw(st.sampled_from([ROME, APIC, AMEND, ART124]))
    events = draw(histories(instrument.slug, "e"))
    parent = draw(histories("rome_statute", "p")) if instrument.parent else []
    return instrument, events, parent


def compute(case, as_of, **kwargs) -> dict[str, Standing]:
    instrument, events, parent = case
    return standings(
        instrument,
        events,
        as_of,
        parent_events=parent,
        parent_instrument=ROME if instrument.parent else None,
        **kwargs,
    )


@given(cases(), days, st.data())
def test_events_after_as_of_change_nothing(case, as_of, data):
    instrument, events, parent = case
    later_day = st.dates(min_value=as_of + datetime.timedelta(days=1), max_value=D(2040, 1, 1))
    later = [
        Event(
            f"later-{i}",
            e.state,
            e.instrument,
            e.action,
            None if e.date is None else data.draw(later_day),
            data.draw(later_day) if e.date is None else None,
            e.confirmed,
        )
        for i, e in enumerate(data.draw(histories(instrument.slug, "x")))
    ]
    later_parent = (
        [
            Event(f"later-p{i}", e.state, e.instrument, e.action, data.draw(later_day), None)
            for i, e in enumerate(data.draw(histories("rome_statute", "y")))
        ]
        if instrument.parent
        else []
    )
    assert compute(case, as_of) == compute(
        (instrument, events + later, parent + later_parent), as_of
    )


@given(cases(), days, st.randoms(use_true_random=False))
def test_input_order_never_matters(case, as_of, rnd):
    instrument, events, parent = case
    shuffled_events, shuffled_parent = list(events), list(parent)
    rnd.shuffle(shuffled_events)
    rnd.shuffle(shuffled_parent)
    assert compute(case, as_of) == compute((instrument, shuffled_events, shuffled_parent), as_of)
    assert check_events(INSTRUMENTS, events + parent) == check_events(
        INSTRUMENTS, shuffled_parent + shuffled_events
    )


@given(cases(), days)
def test_leaving_out_unconfirmed_equals_dropping_them(case, as_of):
    instrument, events, parent = case
    strict = compute(case, as_of, include_unconfirmed=False)
    dropped = (
        instrument,
        [e for e in events if e.confirmed],
        [e for e in parent if e.confirmed],
    )
    assert strict == compute(dropped, as_of)
    assert not any(s.provisional for s in strict.values())


@given(cases(), days)
def test_provisional_only_when_an_unconfirmed_event_decided_it(case, as_of):
    _instrument, events, parent = case
    confirmed = {e.event_id: e.confirmed for e in events + parent}
    for s in compute(case, as_of).values():
        assert s.provisional == bool(s.provisional_reasons)
        assert set(s.provisional_reasons) <= set(s.deciding_events)
        assert all(eid in confirmed for eid in s.deciding_events)
        assert all(not confirmed[eid] for eid in s.provisional_reasons)
        assert all(confirmed[eid] for eid in s.deciding_events if eid not in s.provisional_reasons)


@given(cases(), days)
def test_one_state_at_a_time_gives_the_same_answer(case, as_of):
    instrument, events, parent = case
    result = compute(case, as_of)
    for state, s in result.items():
        assert s == standing(
            instrument,
            [e for e in events if e.state == state],
            as_of,
            parent_events=[e for e in parent if e.state == state],
            parent_instrument=ROME if instrument.parent else None,
        )


@given(cases(), days)
def test_standing_invariants(case, as_of):
    for s in compute(case, as_of).values():
        if s.deposit is not None and s.entry_into_force is not None:
            assert s.entry_into_force >= s.deposit
        for key_date in (s.signature, s.deposit, s.withdrawal_notified):
            assert key_date is None or key_date <= as_of
        if s.status in (Status.PARTY, Status.WITHDRAWAL_PENDING):
            assert s.deposit_action is not None
            if s.entry_into_force is None:
                assert s.date_unknown
            else:
                assert s.entry_into_force <= as_of
        if s.status == Status.DEPOSITED:
            assert s.deposit_action is not None
            assert s.entry_into_force is None or s.entry_into_force > as_of
        if s.status == Status.WITHDRAWAL_PENDING:
            assert s.withdrawal_effective is None or s.withdrawal_effective > as_of
            assert (s.withdrawal_effective is None) == (s.withdrawal_notified is None)
        if s.status == Status.WITHDRAWN:
            assert s.withdrawal_effective is not None
            assert s.withdrawal_effective <= as_of
            assert s.withdrawal_notified is not None
        if s.status in (Status.NOT_SIGNED, Status.SIGNATORY, Status.SIGNATURE_WITHDRAWN):
            assert (s.deposit, s.deposit_action, s.entry_into_force) == (None, None, None)
            assert (s.withdrawal_notified, s.withdrawal_effective) == (None, None)
        if s.status == Status.PARTY:
            assert (s.withdrawal_notified, s.withdrawal_effective) == (None, None)
        if s.instrument == ART124.slug:
            assert s.status not in (Status.PARTY, Status.WITHDRAWAL_PENDING)


@given(cases(), days)
def test_counts_add_up(case, as_of):
    result = list(compute(case, as_of).values())
    c = count(result)
    statuses = [s.status for s in result]
    assert c.withdrawal_pending <= c.parties
    assert c.signatories <= c.ever_signed <= len(result)
    assert c.parties + c.deposited + c.signatories + c.withdrawn <= len(result)
    assert (
        c.parties
        + c.deposited
        + c.signatories
        + c.withdrawn
        + statuses.count(Status.SIGNATURE_WITHDRAWN)
        + statuses.count(Status.NOT_SIGNED)
    ) == len(result)


@given(cases(), days, days)
def test_signatures_are_never_forgotten(case, a, b):
    earlier, later = min(a, b), max(a, b)
    before = compute(case, earlier)
    after = compute(case, later)
    assert count(before.values()).ever_signed <= count(after.values()).ever_signed
    assert set(before) <= set(after)


@given(cases(), st.lists(days, min_size=1, max_size=5))
def test_index_matches_the_direct_calculation(case, probes):
    instrument, events, parent = case
    index = EventIndex(INSTRUMENTS, events + parent)
    for as_of in probes:
        for flag in (True, False):
            expected = compute(case, as_of, include_unconfirmed=flag)
            assert (
                index.instrument_standings_at(instrument.slug, as_of, include_unconfirmed=flag)
                == expected
            )
            for state, s in expected.items():
                assert index.standing(instrument.slug, state, as_of, include_unconfirmed=flag) == s
