"""Status rules on small hand-made histories: one rule, one edge case per test."""

from __future__ import annotations

import datetime

import pytest

from commonbonds.treaties.engine import (
    Action,
    Counts,
    Event,
    Instrument,
    Rule,
    Standing,
    Status,
    count,
    standing,
    standings,
)

D = datetime.date
A = Action

ROME = Instrument("rome_statute", Rule.ROME_STATUTE_ART126, None, D(2002, 7, 1))
APIC = Instrument("apic", Rule.APIC_ART35, None, D(2004, 7, 22))
AMENDMENT = Instrument("amendment_x", Rule.ART121_5, "rome_statute")
ART124 = Instrument("amendment_art124_2015", Rule.ART121_4, "rome_statute")


def ev(
    eid: str,
    action: Action,
    day: datetime.date | None,
    *,
    state: str = "AAA",
    instrument: str = "rome_statute",
    known_by: datetime.date | None = None,
    confirmed: bool = True,
) -> Event:
    return Event(eid, state, instrument, action, day, known_by, confirmed)


def at(events, as_of, instrument=ROME, **kwargs) -> Standing:
    return standing(instrument, events, as_of, **kwargs)


# -- signature ---------------------------------------------------------------------------


def test_no_event_counted_yet_is_not_signed():
    s = at([ev("e1", A.SIGNATURE, D(1999, 1, 1))], D(1998, 12, 31))
    assert s.status == Status.NOT_SIGNED
    assert s.signature is None
    assert s.deciding_events == ()


def test_no_events_at_all_needs_the_state():
    s = standing(ROME, [], D(2020, 1, 1), state="ZZZ")
    assert (s.state, s.status) == ("ZZZ", Status.NOT_SIGNED)
    with pytest.raises(ValueError, match="exactly one state"):
        standing(ROME, [], D(2020, 1, 1))


def test_events_of_two_states_or_another_instrument_are_refused():
    with pytest.raises(ValueError, match="exactly one state"):
        at(
            [ev("e1", A.SIGNATURE, D(1999, 1, 1)), ev("e2", A.SIGNATURE, D(1999, 1, 1), state="B")],
            D(2000, 1, 1),
        )
    with pytest.raises(ValueError, match="not rome_statute"):
        at([ev("e1", A.SIGNATURE, D(1999, 1, 1), instrument="apic")], D(2000, 1, 1))


def test_signature_on_the_as_of_date_counts():
    s = at([ev("e1", A.SIGNATURE, D(1999, 1, 1))], D(1999, 1, 1))
    assert s.status == Status.SIGNATORY
    assert s.signature == D(1999, 1, 1)
    assert s.deciding_events == ("e1",)


def test_intent_not_to_become_party_keeps_the_signature_on_record():
    events = [
        ev("e1", A.SIGNATURE, D(2000, 12, 31)),
        ev("e2", A.INTENT_NOT_TO_BECOME_PARTY, D(2002, 5, 6)),
    ]
    assert at(events, D(2002, 5, 5)).status == Status.SIGNATORY
    s = at(events, D(2002, 5, 6))
    assert s.status == Status.SIGNATURE_WITHDRAWN
    assert s.signature == D(2000, 12, 31)
    assert s.deciding_events == ("e1", "e2")


# -- deposit and entry into force --------------------------------------------------------


def test_deposited_until_entry_into_force_then_party():
    events = [ev("s", A.SIGNATURE, D(1999, 8, 27)), ev("r", A.RATIFICATION, D(2010, 8, 18))]
    before = at(events, D(2010, 10, 31))
    assert before.status == Status.DEPOSITED
    assert before.entry_into_force == D(2010, 11, 1)  # reported ahead of time
    after = at(events, D(2010, 11, 1))
    assert after.status == Status.PARTY
    assert (after.signature, after.deposit, after.deposit_action) == (
        D(1999, 8, 27),
        D(2010, 8, 18),
        A.RATIFICATION,
    )
    assert after.deciding_events == ("r",)


def test_deposit_exactly_on_the_60th_instrument_day():
    events = [ev("r", A.RATIFICATION, D(2002, 4, 11))]
    assert at(events, D(2002, 6, 30)).status == Status.DEPOSITED
    assert at(events, D(2002, 7, 1)).status == Status.PARTY


def test_sixtieth_day_on_the_first_of_a_month():
    # Guatemala: 2 Apr 2012; 60th day 1 Jun 2012; in force 1 Jul 2012 (ASP press release).
    events = [ev("a", A.ACCESSION, D(2012, 4, 2))]
    assert at(events, D(2012, 6, 1)).status == Status.DEPOSITED
    assert at(events, D(2012, 6, 30)).status == Status.DEPOSITED
    assert at(events, D(2012, 7, 1)).status == Status.PARTY


def test_succession_is_in_force_from_its_own_date():
    events = [ev("m", A.SUCCESSION, D(2006, 6, 3))]
    s = at(events, D(2006, 6, 3))
    assert s.status == Status.PARTY
    assert (s.deposit, s.entry_into_force, s.deposit_action) == (
        D(2006, 6, 3),
        D(2006, 6, 3),
        A.SUCCESSION,
    )


def test_a_second_deposit_without_withdrawal_is_ignored():
    events = [ev("r1", A.RATIFICATION, D(2003, 1, 31)), ev("r2", A.ACCESSION, D(2005, 1, 1))]
    s = at(events, D(2010, 1, 1))
    assert (s.deposit, s.deposit_action, s.deciding_events) == (
        D(2003, 1, 31),
        A.RATIFICATION,
        ("r1",),
    )


def test_same_day_signature_and_ratification_in_any_order():
    sig = ev("z-sig", A.SIGNATURE, D(1999, 11, 29))
    rat = ev("a-rat", A.RATIFICATION, D(1999, 11, 29))
    first = at([sig, rat], D(2003, 1, 1))
    assert first == at([rat, sig], D(2003, 1, 1))
    assert first.status == Status.PARTY
    assert first.signature == D(1999, 11, 29)


# -- withdrawal --------------------------------------------------------------------------


def _burundi_like():
    return [
        ev("s", A.SIGNATURE, D(1999, 1, 13)),
        ev("r", A.RATIFICATION, D(2004, 9, 21)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27)),
    ]


def test_withdrawal_anniversary_party_before_withdrawn_on_it():
    events = _burundi_like()
    assert at(events, D(2016, 10, 26)).status == Status.PARTY
    pending = at(events, D(2016, 10, 27))
    assert pending.status == Status.WITHDRAWAL_PENDING
    assert (pending.withdrawal_notified, pending.withdrawal_effective) == (
        D(2016, 10, 27),
        D(2017, 10, 27),
    )
    assert at(events, D(2017, 10, 26)).status == Status.WITHDRAWAL_PENDING
    withdrawn = at(events, D(2017, 10, 27))
    assert withdrawn.status == Status.WITHDRAWN
    # Key dates stay whatever the status.
    assert (withdrawn.signature, withdrawn.deposit, withdrawn.entry_into_force) == (
        D(1999, 1, 13),
        D(2004, 9, 21),
        D(2004, 12, 1),
    )
    assert withdrawn.withdrawal_effective == D(2017, 10, 27)
    assert withdrawn.deciding_events == ("r", "w")


def test_revoked_withdrawal_leaves_the_state_a_party_with_no_withdrawal_dates():
    events = [
        ev("r", A.RATIFICATION, D(2000, 11, 27)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 19)),
        ev("x", A.WITHDRAWAL_REVOKED, D(2017, 3, 7)),
    ]
    assert at(events, D(2017, 3, 6)).status == Status.WITHDRAWAL_PENDING
    for day in (D(2017, 3, 7), D(2017, 10, 19), D(2030, 1, 1)):
        s = at(events, day)
        assert s.status == Status.PARTY
        assert s.withdrawal_notified is None
        assert s.withdrawal_effective is None
        assert s.deciding_events == ("r", "x")


def test_revocation_on_the_anniversary_is_too_late():
    events = [*_burundi_like(), ev("x", A.WITHDRAWAL_REVOKED, D(2017, 10, 27))]
    assert at(events, D(2017, 10, 27)).status == Status.WITHDRAWN
    revoked_day_before = [*_burundi_like(), ev("x", A.WITHDRAWAL_REVOKED, D(2017, 10, 26))]
    assert at(revoked_day_before, D(2017, 10, 27)).status == Status.PARTY


def test_withdrawal_notified_by_a_state_not_yet_bound_is_ignored():
    events = [
        ev("r", A.RATIFICATION, D(2010, 8, 18)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2010, 9, 1)),
    ]
    assert at(events, D(2012, 1, 1)).status == Status.PARTY


def test_rejoining_after_withdrawal_starts_a_new_membership():
    events = [*_burundi_like(), ev("a", A.ACCESSION, D(2020, 1, 15))]
    s = at(events, D(2020, 1, 15))
    assert s.status == Status.DEPOSITED
    assert (s.deposit, s.withdrawal_notified, s.withdrawal_effective) == (
        D(2020, 1, 15),
        None,
        None,
    )
    assert at(events, D(2020, 4, 1)).status == Status.PARTY


def test_withdrawal_notified_on_29_february():
    events = [
        ev("r", A.RATIFICATION, D(2001, 1, 1)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2028, 2, 29)),
    ]
    assert at(events, D(2029, 2, 27)).status == Status.WITHDRAWAL_PENDING
    assert at(events, D(2029, 2, 28)).status == Status.WITHDRAWN


# -- withdrawn accession -----------------------------------------------------------------


def test_accession_withdrawn_before_entry_into_force_never_made_a_party():
    events = [
        ev("a", A.ACCESSION, D(2019, 3, 4)),
        ev("x", A.ACCESSION_WITHDRAWN, D(2019, 4, 29)),
    ]
    assert at(events, D(2019, 4, 28)).status == Status.DEPOSITED
    for day in (D(2019, 4, 29), D(2019, 6, 1), D(2030, 1, 1)):
        s = at(events, day)
        assert s.status == Status.NOT_SIGNED
        assert (s.deposit, s.deposit_action, s.entry_into_force) == (None, None, None)
        assert s.deciding_events == ("x",)


def test_withdrawn_ratification_of_a_signatory_returns_it_to_signatory():
    events = [
        ev("s", A.SIGNATURE, D(1999, 1, 1)),
        ev("r", A.RATIFICATION, D(2019, 3, 4)),
        ev("x", A.ACCESSION_WITHDRAWN, D(2019, 4, 29)),
    ]
    s = at(events, D(2020, 1, 1))
    assert s.status == Status.SIGNATORY
    assert s.signature == D(1999, 1, 1)
    assert s.deciding_events == ("s", "x")


def test_accession_withdrawn_after_entry_into_force_is_ignored():
    events = [
        ev("a", A.ACCESSION, D(2019, 3, 4)),
        ev("x", A.ACCESSION_WITHDRAWN, D(2019, 6, 1)),
    ]
    assert at(events, D(2020, 1, 1)).status == Status.PARTY


# -- declarations and announcements ------------------------------------------------------


@pytest.mark.parametrize(
    ("history", "as_of", "expected"),
    [
        ([], D(2010, 1, 1), Status.NOT_SIGNED),
        ([ev("s", A.SIGNATURE, D(1998, 11, 30))], D(2010, 1, 1), Status.SIGNATORY),
        ([ev("r", A.RATIFICATION, D(2001, 1, 1))], D(2010, 1, 1), Status.PARTY),
        ([ev("r", A.RATIFICATION, D(2009, 12, 1))], D(2010, 1, 1), Status.DEPOSITED),
        (_burundi_like(), D(2017, 1, 1), Status.WITHDRAWAL_PENDING),
        (_burundi_like(), D(2018, 1, 1), Status.WITHDRAWN),
    ],
)
@pytest.mark.parametrize("inert", [A.DECLARATION_ARTICLE_12_3, A.ANNOUNCEMENT])
def test_declarations_and_announcements_never_change_a_status(history, as_of, expected, inert):
    extra = ev("zz", inert, D(2009, 12, 15))
    s = at([*history, extra], as_of, state="AAA")
    assert s.status == expected
    assert "zz" not in s.deciding_events
    assert s == at(history, as_of, state="AAA")


# -- undated events ----------------------------------------------------------------------


def test_undated_deposit_is_in_force_from_known_by_with_no_entry_into_force():
    events = [ev("d", A.DEPOSIT, None, known_by=D(2017, 12, 31), instrument="apic")]
    assert standings(APIC, events, D(2017, 12, 30)) == {}
    s = at(events, D(2017, 12, 31), APIC)
    assert s.status == Status.PARTY
    assert (s.deposit, s.entry_into_force, s.deposit_action) == (None, None, A.DEPOSIT)
    assert s.date_unknown is True


def test_undated_amendment_deposit_under_art121_4_stays_deposited():
    events = [ev("d", A.DEPOSIT, None, known_by=D(2021, 5, 26), instrument=ART124.slug)]
    s = at(events, D(2090, 1, 1), ART124)
    assert (s.status, s.date_unknown, s.entry_into_force) == (Status.DEPOSITED, True, None)


def test_undated_withdrawal_stays_pending_with_unknown_dates():
    events = [
        ev("d", A.DEPOSIT, D(2006, 3, 22), instrument="apic"),
        ev("w", A.WITHDRAWAL_NOTIFICATION, None, known_by=D(2025, 6, 30), instrument="apic"),
    ]
    assert at(events, D(2025, 6, 29), APIC).status == Status.PARTY
    for day in (D(2025, 6, 30), D(2026, 7, 1), D(2060, 1, 1)):
        s = at(events, day, APIC)
        assert s.status == Status.WITHDRAWAL_PENDING
        assert (s.withdrawal_notified, s.withdrawal_effective) == (None, None)
        assert s.date_unknown is True
        assert s.entry_into_force == D(2006, 4, 21)
    revoked = [*events, ev("x", A.WITHDRAWAL_REVOKED, D(2026, 5, 29), instrument="apic")]
    assert at(revoked, D(2027, 1, 1), APIC).status == Status.PARTY


def test_an_event_with_neither_date_nor_known_by_is_left_out():
    events = [ev("s", A.SIGNATURE, D(1999, 1, 1)), ev("r", A.RATIFICATION, None)]
    assert at(events, D(2020, 1, 1)).status == Status.SIGNATORY


# -- unconfirmed events ------------------------------------------------------------------


def test_unconfirmed_deciding_event_makes_the_standing_provisional():
    events = [
        ev("r", A.RATIFICATION, D(2002, 4, 11)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2026, 6, 18), confirmed=False),
    ]
    s = at(events, D(2026, 6, 18))
    assert s.status == Status.WITHDRAWAL_PENDING
    assert (s.provisional, s.provisional_reasons) == (True, ("w",))
    strict = at(events, D(2026, 6, 18), include_unconfirmed=False)
    assert (strict.status, strict.provisional, strict.provisional_reasons) == (
        Status.PARTY,
        False,
        (),
    )


def test_unconfirmed_event_that_decides_nothing_is_not_a_reason():
    events = [
        ev("r", A.RATIFICATION, D(2001, 1, 1)),
        ev("n", A.ANNOUNCEMENT, D(2025, 1, 1), confirmed=False),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2025, 2, 1), confirmed=False),
        ev("x", A.WITHDRAWAL_REVOKED, D(2025, 3, 1)),
    ]
    s = at(events, D(2025, 4, 1))
    assert (s.status, s.provisional) == (Status.PARTY, False)


def test_unconfirmed_deposit_is_provisional_until_and_after_entry_into_force():
    events = [ev("d", A.DEPOSIT, D(2025, 1, 1), confirmed=False, instrument=AMENDMENT.slug)]
    assert at(events, D(2025, 12, 31), AMENDMENT).status == Status.DEPOSITED
    s = at(events, D(2026, 1, 1), AMENDMENT)
    assert (s.status, s.provisional_reasons) == (Status.PARTY, ("d",))
    assert standings(AMENDMENT, events, D(2026, 1, 1), include_unconfirmed=False) == {}


# -- amendments --------------------------------------------------------------------------


def amend(eid, action, day, **kwargs):
    return ev(eid, action, day, instrument=AMENDMENT.slug, **kwargs)


def test_art121_5_one_year_after_deposit_and_29_february():
    events = [amend("d", A.ACCEPTANCE, D(2024, 2, 29))]
    assert at(events, D(2025, 2, 27), AMENDMENT).status == Status.DEPOSITED
    s = at(events, D(2025, 2, 28), AMENDMENT)
    assert (s.status, s.entry_into_force) == (Status.PARTY, D(2025, 2, 28))


def test_art121_4_amendment_is_deposited_forever():
    events = [ev("d", A.RATIFICATION, D(2022, 1, 21), instrument=ART124.slug)]
    s = at(events, D(2100, 1, 1), ART124)
    assert (s.status, s.deposit, s.entry_into_force) == (Status.DEPOSITED, D(2022, 1, 21), None)


def test_amendment_deposited_the_same_day_as_the_parent_is_valid():
    parent = [ev("p", A.ACCESSION, D(2016, 3, 3))]
    events = [amend("d", A.RATIFICATION, D(2016, 3, 3))]
    s = at(events, D(2017, 3, 3), AMENDMENT, parent_events=parent)
    assert s.status == Status.PARTY


def test_amendment_deposited_before_the_parent_is_ignored():
    parent = [ev("p", A.ACCESSION, D(2016, 3, 4))]
    events = [amend("d", A.RATIFICATION, D(2016, 3, 3))]
    s = at(events, D(2018, 1, 1), AMENDMENT, parent_events=parent)
    assert (s.status, s.deposit) == (Status.NOT_SIGNED, None)
    # Without the parent events the engine cannot tell, and accepts the deposit.
    assert at(events, D(2018, 1, 1), AMENDMENT).status == Status.PARTY


def test_withdrawal_from_the_parent_ends_the_amendment():
    parent = [
        ev("p", A.RATIFICATION, D(2001, 1, 1)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2020, 6, 1)),
    ]
    events = [amend("d", A.RATIFICATION, D(2015, 1, 1))]
    assert at(events, D(2020, 5, 31), AMENDMENT, parent_events=parent).status == Status.PARTY
    pending = at(events, D(2020, 6, 1), AMENDMENT, parent_events=parent)
    assert pending.status == Status.WITHDRAWAL_PENDING
    assert pending.withdrawal_effective == D(2021, 6, 1)
    assert pending.deciding_events == ("d", "w")
    gone = at(events, D(2021, 6, 1), AMENDMENT, parent_events=parent)
    assert gone.status == Status.WITHDRAWN
    assert (gone.entry_into_force, gone.withdrawal_effective) == (D(2016, 1, 1), D(2021, 6, 1))


def test_revoked_parent_withdrawal_keeps_the_amendment():
    parent = [
        ev("p", A.RATIFICATION, D(2001, 1, 1)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2020, 6, 1)),
        ev("x", A.WITHDRAWAL_REVOKED, D(2021, 1, 1), confirmed=False),
    ]
    events = [amend("d", A.RATIFICATION, D(2015, 1, 1))]
    s = at(events, D(2022, 1, 1), AMENDMENT, parent_events=parent)
    assert (s.status, s.deciding_events, s.provisional_reasons) == (
        Status.PARTY,
        ("d", "x"),
        ("x",),
    )


def test_amendment_not_yet_in_force_when_the_parent_withdrawal_takes_effect():
    parent = [
        ev("p", A.RATIFICATION, D(2001, 1, 1)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2020, 1, 1)),
    ]
    events = [amend("d", A.RATIFICATION, D(2020, 6, 1))]
    s = at(events, D(2021, 1, 1), AMENDMENT, parent_events=parent)
    assert (s.status, s.entry_into_force) == (Status.WITHDRAWN, None)


def test_amendment_deposit_after_leaving_the_parent_is_ignored():
    parent = [
        ev("p", A.RATIFICATION, D(2001, 1, 1)),
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27)),
    ]
    events = [amend("d", A.RATIFICATION, D(2018, 1, 1))]
    assert at(events, D(2020, 1, 1), AMENDMENT, parent_events=parent).status == (Status.NOT_SIGNED)


def test_withdrawn_parent_accession_takes_the_amendment_with_it():
    parent = [
        ev("p", A.ACCESSION, D(2019, 3, 4)),
        ev("x", A.ACCESSION_WITHDRAWN, D(2019, 4, 29)),
    ]
    events = [amend("d", A.ACCESSION, D(2019, 3, 4))]
    s = at(events, D(2020, 1, 1), AMENDMENT, parent_events=parent)
    assert (s.status, s.deposit, s.deciding_events) == (Status.NOT_SIGNED, None, ("x",))


# -- several states and counts -----------------------------------------------------------


def test_standings_groups_by_state_and_leaves_out_states_with_nothing_yet():
    events = [
        ev("a1", A.SIGNATURE, D(1999, 1, 1), state="AAA"),
        ev("b1", A.RATIFICATION, D(2001, 1, 1), state="BBB"),
        ev("c1", A.SIGNATURE, D(2005, 1, 1), state="CCC"),
        ev("d1", A.SIGNATURE, D(2001, 1, 1), state="DDD", confirmed=False),
    ]
    result = standings(ROME, events, D(2003, 1, 1))
    assert list(result) == ["AAA", "BBB", "DDD"]
    assert {k: v.status for k, v in result.items()} == {
        "AAA": Status.SIGNATORY,
        "BBB": Status.PARTY,
        "DDD": Status.SIGNATORY,
    }
    assert list(standings(ROME, events, D(2003, 1, 1), include_unconfirmed=False)) == [
        "AAA",
        "BBB",
    ]


def test_standings_refuses_events_of_another_instrument():
    with pytest.raises(ValueError, match="not rome_statute"):
        standings(ROME, [ev("x", A.SIGNATURE, D(2000, 1, 1), instrument="apic")], D(2001, 1, 1))


def _s(state, status, signature=None) -> Standing:
    return Standing(
        state, "rome_statute", status, signature, None, None, None, None, None, False, False, (), ()
    )


def test_count():
    sig = D(1999, 1, 1)
    result = count(
        [
            _s("A", Status.PARTY, sig),
            _s("B", Status.PARTY),
            _s("C", Status.WITHDRAWAL_PENDING, sig),
            _s("D", Status.DEPOSITED),
            _s("E", Status.SIGNATORY, sig),
            _s("F", Status.SIGNATURE_WITHDRAWN, sig),
            _s("G", Status.WITHDRAWN, sig),
            _s("H", Status.NOT_SIGNED),
        ]
    )
    assert result == Counts(
        parties=3, deposited=1, signatories=1, ever_signed=5, withdrawal_pending=1, withdrawn=1
    )
    assert count([]) == Counts(0, 0, 0, 0, 0, 0)
