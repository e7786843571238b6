"""EventIndex gives the same answers as the direct calculation, on the real data."""

from __future__ import annotations

import datetime

import pytest

from commonbonds.treaties.engine import (
    Action,
    Event,
    EventIndex,
    Instrument,
    Rule,
    Status,
    count,
    standings,
)

from . import realdata

D = datetime.date


@pytest.fixture(scope="module")
def index() -> EventIndex:
    return EventIndex(realdata.instruments(), realdata.events())


def _direct(slug: str, as_of: datetime.date, include_unconfirmed: bool):
    inst = realdata.instruments()[slug]
    parent_inst = realdata.instruments()[inst.parent] if inst.parent else None
    return standings(
        inst,
        realdata.events_for(slug),
        as_of,
        include_unconfirmed=include_unconfirmed,
        parent_events=realdata.events_for(inst.parent) if inst.parent else (),
        parent_instrument=parent_inst,
    )


def _probe_days() -> list[datetime.date]:
    """Days around every change in the data (sampled), plus the README's key dates."""
    days = sorted({e.day for e in realdata.events() if e.day is not None})
    sample = days[::7]
    probes = {d + datetime.timedelta(days=k) for d in sample for k in (-1, 0, 1)}
    probes |= {
        D(1998, 7, 16),
        D(2002, 6, 30),
        D(2002, 7, 1),
        D(2004, 7, 22),
        D(2013, 5, 8),
        D(2017, 10, 27),
        D(2019, 3, 17),
        D(2026, 5, 29),
        D(2026, 6, 2),
        realdata.CUT_OFF,
        D(2040, 1, 1),
    }
    return sorted(probes)


@pytest.mark.parametrize("include_unconfirmed", [True, False])
def test_index_matches_the_direct_calculation(index, include_unconfirmed):
    for as_of in _probe_days():
        at = index.standings_at(as_of, include_unconfirmed=include_unconfirmed)
        assert set(at) == set(realdata.instruments())
        for slug in realdata.instruments():
            assert at[slug] == _direct(slug, as_of, include_unconfirmed), (slug, as_of)


def test_counts_at(index):
    result = index.counts_at(realdata.CUT_OFF)
    assert result["rome_statute"].parties == 125  # README
    assert result["apic"].parties == 74  # README
    assert result["rome_statute"] == count(_direct("rome_statute", realdata.CUT_OFF, True).values())


def test_single_lookups(index):
    assert index.standing("rome_statute", "HUN", D(1999, 1, 14)) is None
    assert index.standing("rome_statute", "HUN", D(1999, 1, 15)).status == Status.SIGNATORY
    assert index.standing("rome_statute", "CHN", realdata.CUT_OFF) is None
    by_state = index.instrument_standings_at("rome_statute", realdata.CUT_OFF)
    assert by_state["NER"].status == Status.WITHDRAWAL_PENDING


def test_timeline_of_hungary(index):
    # ev-0122 signature, ev-0123 ratification (in force 1 Jul 2002, deposited before the 60th
    # instrument), ev-0124 notification, ev-0125 unconfirmed revocation. The two
    # announcements (ev-0527, ev-0528) change nothing and do not appear.
    assert [(day, s.status, s.provisional) for day, s in index.timeline("rome_statute", "HUN")] == [
        (D(1999, 1, 15), Status.SIGNATORY, False),
        (D(2001, 11, 30), Status.DEPOSITED, False),
        (D(2002, 7, 1), Status.PARTY, False),
        (D(2025, 6, 2), Status.WITHDRAWAL_PENDING, False),
        (D(2026, 5, 29), Status.PARTY, True),
    ]
    strict = index.timeline("rome_statute", "HUN", include_unconfirmed=False)
    assert [(day, s.status) for day, s in strict][-2:] == [
        (D(2025, 6, 2), Status.WITHDRAWAL_PENDING),
        (D(2026, 6, 2), Status.WITHDRAWN),
    ]
    assert index.timeline("rome_statute", "CHN") == ()


def test_events_in_time_order(index):
    assert [e.event_id for e in index.events("rome_statute", "BDI")] == [
        "ev-0042",
        "ev-0043",
        "ev-0525",
        "ev-0044",
    ]


def test_instruments_may_be_given_as_a_list():
    rome = Instrument("rome_statute", Rule.ROME_STATUTE_ART126, None, D(2002, 7, 1))
    event = Event("e1", "AAA", "rome_statute", Action.SIGNATURE, D(1999, 1, 1), None)
    index = EventIndex([rome], [event])
    assert index.instruments == {"rome_statute": rome}
    assert index.standing("rome_statute", "AAA", D(1999, 1, 1)).status == Status.SIGNATORY


def test_unknown_instrument_is_refused():
    event = Event("e1", "AAA", "nope", Action.SIGNATURE, D(1999, 1, 1), None)
    with pytest.raises(ValueError, match="unknown instrument"):
        EventIndex(realdata.instruments(), [event])
