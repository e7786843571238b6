"""Pre-computed standings for fast lookups on any date.

A standing changes only on a few days: the days of the state's events (and its parent-treaty
events), the entry-into-force day of each deposit, and the effective day of each withdrawal.
`EventIndex` replays the events once for each of those days and keeps the resulting timeline;
a lookup for any date is then a binary search per state.
"""

from __future__ import annotations

import datetime
from bisect import bisect_right
from collections.abc import Iterable, Mapping

from .dates import ROME_THRESHOLD_DATE, entry_into_force, withdrawal_effective
from .domain import CONSENT_ACTIONS, Action, Counts, Event, Instrument, Standing
from .status import count, default_parent, replay, sort_key

_Timeline = tuple[list[datetime.date], list[Standing]]


class EventIndex:
    """All events of all instruments, indexed once for fast status lookups.

    Build it once (at start-up or when the events change) and share it: it is never mutated
    after the first lookup for each setting of `include_unconfirmed`.
    """

    def __init__(
        self,
        instruments: Mapping[str, Instrument] | Iterable[Instrument],
        events: Iterable[Event],
        *,
        rome_threshold_date: datetime.date = ROME_THRESHOLD_DATE,
    ) -> None:
        if isinstance(instruments, Mapping):
            self._instruments = dict(instruments)
        else:
            self._instruments = {i.slug: i for i in instruments}
        self._threshold = rome_threshold_date
        grouped: dict[str, dict[str, list[Event]]] = {slug: {} for slug in self._instruments}
        for e in events:
            if e.instrument not in grouped:
                raise ValueError(f"event {e.event_id} is for unknown instrument {e.instrument}")
            grouped[e.instrument].setdefault(e.state, []).append(e)
        self._events = grouped
        self._timelines: dict[bool, dict[str, dict[str, _Timeline]]] = {}

    @property
    def instruments(self) -> dict[str, Instrument]:
        return dict(self._instruments)

    def events(self, instrument: str, state: str) -> list[Event]:
        """The state's events for the instrument, in time order (undated-and-unknown last)."""
        evs = self._events[instrument].get(state, [])
        placed = sorted((e for e in evs if e.day is not None), key=sort_key)
        return placed + [e for e in evs if e.day is None]

    # -- lookups -------------------------------------------------------------------------

    def standing(
        self, instrument: str, state: str, as_of: datetime.date, *, include_unconfirmed: bool = True
    ) -> Standing | None:
        """The state's standing, or None when it has no event that counts on `as_of`."""
        timeline = self._timelines_for(include_unconfirmed)[instrument].get(state)
        return _lookup(timeline, as_of) if timeline is not None else None

    def instrument_standings_at(
        self, instrument: str, as_of: datetime.date, *, include_unconfirmed: bool = True
    ) -> dict[str, Standing]:
        """Same result as `standings()` for one instrument, keyed by ISO3."""
        return _standings_at(self._timelines_for(include_unconfirmed)[instrument], as_of)

    def standings_at(
        self, as_of: datetime.date, *, include_unconfirmed: bool = True
    ) -> dict[str, dict[str, Standing]]:
        """Every instrument's standings on `as_of`: {instrument slug: {ISO3: Standing}}."""
        timelines = self._timelines_for(include_unconfirmed)
        return {slug: _standings_at(per_state, as_of) for slug, per_state in timelines.items()}

    def counts_at(
        self, as_of: datetime.date, *, include_unconfirmed: bool = True
    ) -> dict[str, Counts]:
        return {
            slug: count(per_state.values())
            for slug, per_state in self.standings_at(
                as_of, include_unconfirmed=include_unconfirmed
            ).items()
        }

    def timeline(
        self, instrument: str, state: str, *, include_unconfirmed: bool = True
    ) -> tuple[tuple[datetime.date, Standing], ...]:
        """Each day the state's standing changed, with the standing from that day on."""
        timeline = self._timelines_for(include_unconfirmed)[instrument].get(state)
        if timeline is None:
            return ()
        return tuple(zip(*timeline, strict=True))

    # -- building ------------------------------------------------------------------------

    def _timelines_for(self, include_unconfirmed: bool) -> dict[str, dict[str, _Timeline]]:
        built = self._timelines.get(include_unconfirmed)
        if built is None:
            built = self._build(include_unconfirmed)
            self._timelines[include_unconfirmed] = built
        return built

    def _build(self, include_unconfirmed: bool) -> dict[str, dict[str, _Timeline]]:
        def usable(evs: Iterable[Event]) -> list[Event]:
            chosen = [e for e in evs if e.day is not None and (include_unconfirmed or e.confirmed)]
            chosen.sort(key=sort_key)
            return chosen

        result: dict[str, dict[str, _Timeline]] = {}
        for slug, by_state in self._events.items():
            instrument = self._instruments[slug]
            parent_instrument: Instrument | None = None
            parent_events: dict[str, list[Event]] = {}
            if instrument.parent is not None:
                parent_instrument = self._instruments.get(instrument.parent) or default_parent(
                    instrument
                )
                parent_events = self._events.get(instrument.parent, {})
            per_state: dict[str, _Timeline] = {}
            for state in sorted(by_state):
                own = usable(by_state[state])
                if not own:
                    continue
                parent = usable(parent_events.get(state, ()))
                per_state[state] = self._timeline(instrument, own, parent_instrument, parent)
            result[slug] = per_state
        return result

    def _timeline(
        self,
        instrument: Instrument,
        own: list[Event],
        parent_instrument: Instrument | None,
        parent: list[Event],
    ) -> _Timeline:
        first = own[0].day
        assert first is not None
        points = _change_days(instrument, own, self._threshold)
        if parent_instrument is not None:
            points |= _change_days(parent_instrument, parent, self._threshold)
        own_days = [sort_key(e)[0] for e in own]
        parent_days = [sort_key(e)[0] for e in parent]
        days: list[datetime.date] = []
        values: list[Standing] = []
        state = own[0].state
        for day in sorted(p for p in points if p >= first):
            track = replay(
                instrument,
                own[: bisect_right(own_days, day)],
                day,
                parent_instrument=parent_instrument,
                parent_events=parent[: bisect_right(parent_days, day)],
                rome_threshold_date=self._threshold,
            )
            value = track.standing(state, day)
            # Keep only real changes, so the timeline doubles as the state's history.
            if not values or value != values[-1]:
                days.append(day)
                values.append(value)
        return days, values


def _change_days(
    instrument: Instrument, events: Iterable[Event], threshold: datetime.date
) -> set[datetime.date]:
    """Every day on which these events can change a standing."""
    days: set[datetime.date] = set()
    for e in events:
        day = e.day
        assert day is not None
        days.add(day)
        if e.date is None:
            continue
        if e.action in CONSENT_ACTIONS:
            eif = entry_into_force(instrument, e.date, e.action, rome_threshold_date=threshold)
            if eif is not None:
                days.add(eif)
        elif e.action == Action.WITHDRAWAL_NOTIFICATION:
            days.add(withdrawal_effective(e.date))
    return days


def _lookup(timeline: _Timeline, as_of: datetime.date) -> Standing | None:
    days, values = timeline
    i = bisect_right(days, as_of)
    return values[i - 1] if i else None


def _standings_at(per_state: dict[str, _Timeline], as_of: datetime.date) -> dict[str, Standing]:
    result: dict[str, Standing] = {}
    for state, (days, values) in per_state.items():
        i = bisect_right(days, as_of)
        if i:
            result[state] = values[i - 1]
    return result


__all__ = ["EventIndex"]
