"""The pure date rules: when an instrument enters into force for a state, when a withdrawal
takes effect. The reasoning behind each rule is in docs/treaty-rules.md."""

from __future__ import annotations

import datetime

from .domain import CONSENT_ACTIONS, Action, Instrument, Rule

#: Deposit of the 60th instrument of the Rome Statute (ten states deposited that day).
ROME_THRESHOLD_DATE = datetime.date(2002, 4, 11)
#: Art. 126(1): first day of the month after the 60th day following the 60th deposit.
ROME_GENERAL_ENTRY_INTO_FORCE = datetime.date(2002, 7, 1)
#: Art. 35(1) APIC: 30 days after the 10th instrument (Canada, 22 Jun 2004).
APIC_GENERAL_ENTRY_INTO_FORCE = datetime.date(2004, 7, 22)

_ROME_DAYS = datetime.timedelta(days=60)
_APIC_DAYS = datetime.timedelta(days=30)


def add_years(day: datetime.date, years: int = 1) -> datetime.date:
    """The same calendar date `years` later; 29 February falls back to 28 February.

    "One year after" is counted as in the European Convention on the Calculation of
    Time-Limits (ETS 76, art. 4(2)): the date in the last year that corresponds to the start
    date or, where there is none, the last day of that month.
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a common year
        return day.replace(year=day.year + years, day=28)


def _first_of_next_month(day: datetime.date) -> datetime.date:
    if day.month == 12:
        return datetime.date(day.year + 1, 1, 1)
    return datetime.date(day.year, day.month + 1, 1)


def entry_into_force(
    instrument: Instrument,
    deposit_date: datetime.date | None,
    action: Action,
    *,
    rome_threshold_date: datetime.date = ROME_THRESHOLD_DATE,
) -> datetime.date | None:
    """The date the instrument enters into force for a state that deposited on `deposit_date`.

    None when it cannot be known: an undated deposit, or an art. 121(4) amendment (in force
    for nobody until seven-eighths of the parties accept it, which has not happened).
    """
    action = Action(action)
    if action not in CONSENT_ACTIONS:
        raise ValueError(f"{action} is not an instrument of consent")
    if deposit_date is None or instrument.rule == Rule.ART121_4:
        return None
    if action == Action.SUCCESSION:
        # A successor state is bound from the date of succession (Montenegro, 3 Jun 2006).
        return deposit_date
    if instrument.rule == Rule.ROME_STATUTE_ART126:
        if deposit_date <= rome_threshold_date:
            return instrument.general_entry_into_force or ROME_GENERAL_ENTRY_INTO_FORCE
        # "First day of the month after the 60th day": when the 60th day is itself the 1st of
        # a month, the next month's 1st (Albania 31 Jan 2003 -> 1 Apr -> 1 May 2003).
        return _first_of_next_month(deposit_date + _ROME_DAYS)
    if instrument.rule == Rule.APIC_ART35:
        general = instrument.general_entry_into_force or APIC_GENERAL_ENTRY_INTO_FORCE
        later = deposit_date + _APIC_DAYS
        # Deposits up to the 10th instrument (general - 30 days) all enter into force together.
        return max(general, later)
    if instrument.rule == Rule.ART121_5:
        return add_years(deposit_date)
    raise ValueError(f"unknown entry-into-force rule {instrument.rule!r}")


def withdrawal_effective(notified: datetime.date) -> datetime.date:
    """Art. 127(1) / APIC art. 37: one year after the notification is received. On that date
    the state is no longer bound."""
    return add_years(notified)
