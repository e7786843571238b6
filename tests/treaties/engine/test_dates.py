"""The pure date rules, against dates stated by sources (data/README.md and the rows it
describes). Every expected value is written by hand from a source, never computed."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commonbonds.treaties.engine import (
    Action,
    Instrument,
    Rule,
    add_years,
    entry_into_force,
    withdrawal_effective,
)

D = datetime.date

ROME = Instrument("rome_statute", Rule.ROME_STATUTE_ART126, None, D(2002, 7, 1))
APIC = Instrument("apic", Rule.APIC_ART35, None, D(2004, 7, 22))
AGGRESSION = Instrument("amendment_aggression_2010", Rule.ART121_5, "rome_statute")
ART124 = Instrument("amendment_art124_2015", Rule.ART121_4, "rome_statute")


@pytest.mark.parametrize(
    ("deposit", "expected", "source"),
    [
        # data/README.md, "Legal rules", art. 126(2) worked examples.
        (D(2023, 11, 14), D(2024, 2, 1), "README: 14 Nov 2023 -> 13 Jan 2024 -> 1 Feb 2024"),
        (D(2024, 10, 25), D(2025, 1, 1), "README: 25 Oct 2024 -> 24 Dec 2024 -> 1 Jan 2025"),
        # Confirmed by three or more sources (README, "Known gaps").
        (D(2010, 8, 18), D(2010, 11, 1), "Saint Lucia, ev-0220"),
        # ev-0161 note: Malaysia's accession "would have been 2019-06-01".
        (D(2019, 3, 4), D(2019, 6, 1), "Malaysia, ev-0160/ev-0161"),
        # ASP press release ICC-CPI-20120403-PR783: in force for Guatemala on 1 Jul 2012.
        # The 60th day after 2 Apr 2012 is 1 Jun 2012, itself a first of the month.
        (D(2012, 4, 2), D(2012, 7, 1), "Guatemala: 60th day on the 1st"),
        # Copy of Wikipedia "States parties to the Rome Statute": Albania 31 Jan 2003 -> 1 May
        # 2003. The 60th day is 1 Apr 2003, itself a first of the month.
        (D(2003, 1, 31), D(2003, 5, 1), "Albania: 60th day on the 1st"),
        # Same copy: Australia 1 Jul 2002 -> 1 Sep 2002; Bangladesh 23 Mar 2010 -> 1 Jun 2010.
        (D(2002, 7, 1), D(2002, 9, 1), "Australia"),
        (D(2010, 3, 23), D(2010, 6, 1), "Bangladesh"),
        # ASP press release of 2011: Grenada deposited 19 May 2011, in force 1 Aug 2011.
        (D(2011, 5, 19), D(2011, 8, 1), "Grenada"),
    ],
)
def test_rome_statute_later_deposits(deposit, expected, source):
    assert entry_into_force(ROME, deposit, Action.RATIFICATION) == expected, source


@pytest.mark.parametrize(
    "deposit",
    [
        D(1999, 2, 2),  # early ratifiers all became bound on the general date
        D(2002, 4, 10),
        D(2002, 4, 11),  # the 60th instrument (ten states deposited that day): README
    ],
)
def test_rome_statute_deposit_on_or_before_the_60th_instrument(deposit):
    assert entry_into_force(ROME, deposit, Action.RATIFICATION) == D(2002, 7, 1)


def test_rome_statute_day_after_the_60th_instrument_follows_art_126_2():
    # 12 Apr 2002 + 60 days = 11 Jun 2002 -> 1 Jul 2002: the same day, by the other paragraph.
    assert entry_into_force(ROME, D(2002, 4, 12), Action.ACCESSION) == D(2002, 7, 1)
    # 2 May 2002 + 60 days = 1 Jul 2002, a first of the month -> 1 Aug 2002.
    assert entry_into_force(ROME, D(2002, 5, 2), Action.ACCESSION) == D(2002, 8, 1)


def test_rome_statute_threshold_can_be_overridden():
    assert entry_into_force(
        ROME, D(2002, 4, 11), Action.RATIFICATION, rome_threshold_date=D(2002, 4, 10)
    ) == D(2002, 7, 1)
    assert entry_into_force(
        ROME, D(2002, 5, 2), Action.RATIFICATION, rome_threshold_date=D(2002, 6, 1)
    ) == D(2002, 7, 1)


def test_succession_binds_from_its_own_date():
    # Montenegro: bound from independence, 3 Jun 2006 (README, actions table).
    assert entry_into_force(ROME, D(2006, 6, 3), Action.SUCCESSION) == D(2006, 6, 3)
    assert entry_into_force(APIC, D(2006, 6, 3), Action.SUCCESSION) == D(2006, 6, 3)


@pytest.mark.parametrize(
    ("deposit", "expected", "source"),
    [
        (D(2006, 8, 2), D(2006, 9, 1), "README art. 35(2): Albania"),
        (D(2004, 6, 22), D(2004, 7, 22), "README art. 35(1): Canada, the 10th instrument"),
        (D(2004, 2, 17), D(2004, 7, 22), "France, ev-0480 note"),
        (D(2003, 2, 6), D(2004, 7, 22), "Trinidad and Tobago, ev-0555 note"),
        (D(2004, 7, 8), D(2004, 8, 7), "Mali, ev-0497 note (Dutch treaty database)"),
        (D(2004, 12, 8), D(2005, 1, 7), "Finland, ev-0479 note"),
        (D(2010, 3, 10), D(2010, 4, 9), "Georgia, ev-0482 note"),
    ],
)
def test_apic(deposit, expected, source):
    assert entry_into_force(APIC, deposit, Action.DEPOSIT) == expected, source


def test_apic_day_after_the_tenth_instrument():
    assert entry_into_force(APIC, D(2004, 6, 23), Action.ACCESSION) == D(2004, 7, 23)


@pytest.mark.parametrize(
    ("deposit", "expected", "source"),
    [
        (D(2012, 5, 8), D(2013, 5, 8), "README: Liechtenstein, first in force 8 May 2013"),
        (D(2022, 12, 1), D(2023, 12, 1), "Slovenia starvation, ev-0568 note"),
        (D(2025, 1, 1), D(2026, 1, 1), "Denmark aggression, ev-0564 (BGBl. III Nr. 91/2025)"),
        (D(2025, 5, 30), D(2026, 5, 30), "Timor-Leste aggression, ev-0565"),
        (D(2011, 9, 26), D(2012, 9, 26), "MTDSG XVIII-10-a: San Marino, first in force"),
        (D(2019, 4, 2), D(2020, 4, 2), "MTDSG XVIII-10-d: Luxembourg, first in force"),
    ],
)
def test_art121_5_one_year_same_calendar_date(deposit, expected, source):
    assert entry_into_force(AGGRESSION, deposit, Action.RATIFICATION) == expected, source


def test_art121_5_deposit_on_29_february_enters_into_force_on_28_february():
    # Decision (docs/treaty-rules.md): ETS 76 art. 4(2), last day of the month.
    assert entry_into_force(AGGRESSION, D(2024, 2, 29), Action.ACCEPTANCE) == D(2025, 2, 28)
    # A deposit on 28 February of a leap year is unaffected.
    assert entry_into_force(AGGRESSION, D(2024, 2, 28), Action.ACCEPTANCE) == D(2025, 2, 28)
    assert entry_into_force(AGGRESSION, D(2023, 3, 1), Action.ACCEPTANCE) == D(2024, 3, 1)


def test_art121_4_never_enters_into_force():
    assert entry_into_force(ART124, D(2016, 7, 1), Action.ACCEPTANCE) is None
    assert entry_into_force(ART124, D(2016, 7, 1), Action.SUCCESSION) is None


def test_undated_deposit_has_no_entry_into_force():
    assert entry_into_force(ROME, None, Action.DEPOSIT) is None
    assert entry_into_force(AGGRESSION, None, Action.DEPOSIT) is None


@pytest.mark.parametrize(
    "action",
    [Action.SIGNATURE, Action.WITHDRAWAL_NOTIFICATION, Action.ANNOUNCEMENT],
)
def test_entry_into_force_refuses_events_that_are_not_consent(action):
    with pytest.raises(ValueError, match="not an instrument of consent"):
        entry_into_force(ROME, D(2010, 1, 1), action)


@pytest.mark.parametrize(
    ("notified", "effective", "source"),
    [
        (D(2016, 10, 27), D(2017, 10, 27), "README: Burundi"),
        (D(2018, 3, 17), D(2019, 3, 17), "README: Philippines"),
        (D(2016, 11, 10), D(2017, 11, 10), "The Gambia, ev-0102 note (would have)"),
        (D(2025, 6, 2), D(2026, 6, 2), "Hungary, ev-0124 note (would have)"),
        (D(2026, 6, 18), D(2027, 6, 18), "Niger, ev-0189 note (would)"),
    ],
)
def test_withdrawal_effective(notified, effective, source):
    assert withdrawal_effective(notified) == effective, source


def test_withdrawal_notified_on_29_february():
    assert withdrawal_effective(D(2028, 2, 29)) == D(2029, 2, 28)


def test_add_years():
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2023, 12, 31)) == D(2024, 12, 31)


dates = st.dates(min_value=D(1998, 7, 17), max_value=D(2090, 12, 31))


@given(dates)
def test_rome_entry_into_force_is_a_first_of_month_after_the_60th_day(deposit):
    eif = entry_into_force(ROME, deposit, Action.RATIFICATION)
    assert eif is not None
    assert eif.day == 1
    if deposit > D(2002, 4, 11):
        sixtieth = deposit + datetime.timedelta(days=60)
        assert sixtieth < eif <= sixtieth + datetime.timedelta(days=31)


@given(dates)
def test_apic_entry_into_force_is_never_before_the_general_date(deposit):
    eif = entry_into_force(APIC, deposit, Action.RATIFICATION)
    assert eif is not None
    assert eif >= D(2004, 7, 22)
    assert eif >= deposit + datetime.timedelta(days=30)


@given(dates)
def test_one_year_is_365_or_366_days_and_keeps_the_calendar_date(day):
    later = add_years(day)
    assert (later - day).days in (365, 366)
    assert later.month == day.month
    assert later.day == day.day or (day.month, day.day, later.day) == (2, 29, 28)


@given(dates, dates)
def test_one_year_later_keeps_order(a, b):
    if a <= b:
        assert add_years(a) <= add_years(b)
        assert withdrawal_effective(a) <= withdrawal_effective(b)
