"""Load the real data of `data/` with the plain csv module, independently of any importer."""

from __future__ import annotations

import csv
import datetime
from functools import cache
from pathlib import Path

from commonbonds.treaties.engine import Action, Event, Instrument, Rule

DATA = Path(__file__).resolve().parents[3] / "data"

#: Data cut-off stated in data/README.md.
CUT_OFF = datetime.date(2026, 11, 28)


def _date(value: str) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@cache
def instruments() -> dict[str, Instrument]:
    with (DATA / "instruments.csv").open(encoding="utf-8", newline="") as f:
        return {
            row["slug"]: Instrument(
                slug=row["slug"],
                rule=Rule(row["entry_into_force_rule"]),
                parent=row["parent"] or None,
                general_entry_into_force=_date(row["general_entry_into_force"]),
            )
            for row in csv.DictReader(f)
        }


@cache
def events() -> tuple[Event, ...]:
    with (DATA / "treaty_actions.csv").open(encoding="utf-8", newline="") as f:
        return tuple(
            Event(
                event_id=row["event_id"],
                state=row["state_iso3"],
                instrument=row["instrument"],
                action=Action(row["action"]),
                date=_date(row["date"]),
                known_by=_date(row["known_by"]),
                confirmed=row["confirmed"] == "true",
            )
            for row in csv.DictReader(f)
        )


@cache
def notes() -> dict[str, str]:
    """The free-text `note` of each row, by event_id."""
    with (DATA / "treaty_actions.csv").open(encoding="utf-8", newline="") as f:
        return {row["event_id"]: row["note"] for row in csv.DictReader(f)}


@cache
def state_codes() -> frozenset[str]:
    with (DATA / "states.csv").open(encoding="utf-8", newline="") as f:
        return frozenset(row["iso3"] for row in csv.DictReader(f))


def events_for(instrument: str, state: str | None = None) -> list[Event]:
    return [
        e for e in events() if e.instrument == instrument and (state is None or e.state == state)
    ]
