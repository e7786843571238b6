"""Derive a state's standing for an instrument from its events (DESIGN section 4).

The core is `_Track`: a small state machine fed with one state's events for one instrument in
time order. The same machine serves the status calculation (which ignores an event that the
rules do not allow) and the import check (which reports it), so the two can never disagree.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from .dates import ROME_THRESHOLD_DATE, entry_into_force, withdrawal_effective
from .domain import (
    CONSENT_ACTIONS,
    INERT_ACTIONS,
    Action,
    Counts,
    Event,
    Instrument,
    Rule,
    Standing,
    Status,
)

# Same-day order within one history: a state can sign and ratify on one day (Fiji, 1999), and
# an act can only undo what came before it on that day.
_RANK: dict[Action, int] = {
    Action.SIGNATURE: 0,
    **dict.fromkeys(CONSENT_ACTIONS, 1),
    Action.ACCESSION_WITHDRAWN: 2,
    Action.INTENT_NOT_TO_BECOME_PARTY: 3,
    Action.WITHDRAWAL_NOTIFICATION: 4,
    Action.WITHDRAWAL_REVOKED: 5,
    Action.DECLARATION_ARTICLE_12_3: 6,
    Action.ANNOUNCEMENT: 6,
}

# The parent treaty's events of a day come before the amendment's: a state may join the Statute
# and accept amendments on the same day (El Salvador, 3 Mar 2016).
_PARENT, _OWN = 0, 1

Reporter = Callable[[Event, str], None]


def sort_key(event: Event) -> tuple[datetime.date, int, str]:
    """Deterministic time order of one state's events, whatever order they arrive in."""
    day = event.day
    assert day is not None  # callers drop events that cannot be placed in time
    return (day, _RANK[event.action], event.event_id)


def default_parent(instrument: Instrument) -> Instrument | None:
    """Art. 121 amendments amend the Rome Statute, so its rule applies to the parent when the
    caller does not pass the parent instrument."""
    if instrument.parent is None:
        return None
    return Instrument(slug=instrument.parent, rule=Rule.ROME_STATUTE_ART126)


class _Track:
    """One state's membership of one instrument, replayed event by event."""

    __slots__ = (
        "bound_from",
        "dep",
        "effective",
        "eif",
        "ever_deposited",
        "instrument",
        "intent",
        "lapses",
        "notif",
        "parent",
        "parent_dep",
        "revocations",
        "sig",
        "threshold",
        "withdrawn",
    )

    def __init__(
        self, instrument: Instrument, threshold: datetime.date, parent: _Track | None = None
    ) -> None:
        self.instrument = instrument
        self.threshold = threshold
        self.parent = parent
        self.sig: Event | None = None
        self.intent: Event | None = None
        self.dep: Event | None = None  # the consent instrument of the current membership
        self.eif: datetime.date | None = None
        # The day the membership binds the state: entry into force, or known_by when the
        # deposit is undated; None while it can never bind (art. 121(4)).
        self.bound_from: datetime.date | None = None
        self.notif: Event | None = None  # pending or effective withdrawal notification
        self.effective: datetime.date | None = None
        self.withdrawn = False
        self.revocations: list[Event] = []
        self.lapses: list[Event] = []  # withdrawn instruments since the last membership
        self.ever_deposited = False
        self.parent_dep: Event | None = None  # parent membership this amendment relies on

    # -- queries -------------------------------------------------------------------------

    def active(self) -> bool:
        return self.dep is not None and not self.withdrawn

    def bound(self, day: datetime.date) -> bool:
        return self.active() and self.bound_from is not None and self.bound_from <= day

    def _parent_follows(self) -> bool:
        parent = self.parent
        return parent is not None and parent.dep is not None and parent.dep is self.parent_dep

    # -- time ----------------------------------------------------------------------------

    def advance(self, day: datetime.date) -> bool:
        """Let a pending withdrawal take effect on or before `day`; True when it just did."""
        if (
            self.notif is not None
            and not self.withdrawn
            and self.effective is not None
            and self.effective <= day
        ):
            self.withdrawn = True
            return True
        return False

    # -- events --------------------------------------------------------------------------

    def apply(self, ev: Event, day: datetime.date) -> str | None:
        """Apply one event; return a violation code when the rules do not allow it (the event
        is then ignored)."""
        action = ev.action
        if action in INERT_ACTIONS:
            if action == Action.DECLARATION_ARTICLE_12_3 and self.bound(day):
                return "declaration_by_party"
            return None
        if action == Action.SIGNATURE:
            if self.sig is not None:
                return "duplicate_signature"
            if self.active():
                return "signature_after_deposit"
            self.sig = ev
            return None
        if action in CONSENT_ACTIONS:
            if self.active():
                return "duplicate_deposit"
            if self.parent is not None:
                code = self.parent.closed_to_amendment()
                if code is not None:
                    return code
                self.parent_dep = self.parent.dep
            self._start(ev)
            return None
        if action == Action.ACCESSION_WITHDRAWN:
            if not self.active():
                return "accession_withdrawn_without_accession"
            if self.bound(day):
                return "accession_withdrawn_after_entry_into_force"
            self.lapse(ev)
            return None
        if action == Action.INTENT_NOT_TO_BECOME_PARTY:
            if self.sig is None:
                return "intent_without_signature"
            if self.active():
                return "intent_after_deposit"
            if self.intent is not None:
                return "duplicate_intent"
            self.intent = ev
            return None
        if action == Action.WITHDRAWAL_NOTIFICATION:
            if self.active() and self.notif is not None:
                return "duplicate_withdrawal_notification"
            if not self.bound(day):
                return "withdrawal_by_state_not_bound"
            self.notif = ev
            # An undated notification has no derivable effective date: never invent one.
            self.effective = withdrawal_effective(ev.date) if ev.date is not None else None
            return None
        if action == Action.WITHDRAWAL_REVOKED:
            if self.dep is not None and self.withdrawn:
                return "withdrawal_revoked_after_effect"
            if self.notif is None:
                return "withdrawal_revoked_without_notification"
            # A revoked notification leaves the state a party as if it had never been made.
            self.revocations.append(ev)
            self.notif = None
            self.effective = None
            return None
        raise ValueError(f"unknown action {action!r}")

    def _start(self, ev: Event) -> None:
        self.dep = ev
        self.ever_deposited = True
        self.eif = entry_into_force(
            self.instrument, ev.date, ev.action, rome_threshold_date=self.threshold
        )
        if ev.date is not None:
            self.bound_from = self.eif
        elif self.instrument.rule == Rule.ART121_4:
            self.bound_from = None
        else:
            # Undated deposit: counted as made and in force by known_by (data README).
            self.bound_from = ev.known_by
        self.notif = None
        self.effective = None
        self.withdrawn = False
        self.revocations = []
        self.lapses = []

    def lapse(self, ev: Event) -> None:
        """The consent instrument was withdrawn before entry into force: never a party."""
        self.dep = None
        self.eif = None
        self.bound_from = None
        self.notif = None
        self.effective = None
        self.withdrawn = False
        self.revocations = []
        self.parent_dep = None
        self.lapses.append(ev)

    def closed_to_amendment(self) -> str | None:
        """Why this (parent) membership cannot accept an amendment today, if it cannot."""
        if self.active():
            return None
        if self.ever_deposited:
            return "amendment_not_open"
        return "amendment_before_parent_deposit"

    # -- the parent treaty's effects on an amendment -------------------------------------

    def parent_withdrew(self) -> None:
        """Withdrawing from the Statute ends the amendments that bind through it."""
        parent = self.parent
        assert parent is not None
        if not self.active() or not self._parent_follows():
            return
        self.withdrawn = True
        self.notif = parent.notif
        self.effective = parent.effective
        if self.eif is not None and self.effective is not None and self.eif >= self.effective:
            self.eif = None  # never reached

    def parent_lapsed(self, parent_dep: Event, ev: Event) -> None:
        if self.active() and self.parent_dep is parent_dep:
            self.lapse(ev)

    # -- result --------------------------------------------------------------------------

    def standing(self, state: str, as_of: datetime.date) -> Standing:
        notif: Event | None = None
        effective: datetime.date | None = None
        deciding: list[Event]
        if self.dep is not None:
            if self.withdrawn:
                status = Status.WITHDRAWN
                notif, effective = self.notif, self.effective
                deciding = [self.dep, *([notif] if notif else [])]
            elif self.bound(as_of):
                parent = self.parent
                if self.notif is not None:
                    status = Status.WITHDRAWAL_PENDING
                    notif, effective = self.notif, self.effective
                    deciding = [self.dep, notif]
                elif (
                    parent is not None
                    and self._parent_follows()
                    and parent.notif is not None
                    and not parent.withdrawn
                ):
                    status = Status.WITHDRAWAL_PENDING
                    notif, effective = parent.notif, parent.effective
                    deciding = [self.dep, notif]
                else:
                    status = Status.PARTY
                    deciding = [self.dep, *self.revocations]
                    if parent is not None and self._parent_follows():
                        deciding.extend(parent.revocations)
            else:
                status = Status.DEPOSITED
                deciding = [self.dep]
        elif self.sig is not None:
            if self.intent is not None:
                status = Status.SIGNATURE_WITHDRAWN
                deciding = [self.sig, self.intent, *self.lapses]
            else:
                status = Status.SIGNATORY
                deciding = [self.sig, *self.lapses]
        else:
            status = Status.NOT_SIGNED
            deciding = list(self.lapses)
        dep = self.dep
        return Standing(
            state=state,
            instrument=self.instrument.slug,
            status=status,
            signature=self.sig.date if self.sig is not None else None,
            deposit=dep.date if dep is not None else None,
            deposit_action=dep.action if dep is not None else None,
            entry_into_force=self.eif if dep is not None else None,
            withdrawal_notified=notif.date if notif is not None else None,
            withdrawal_effective=effective,
            provisional=any(not e.confirmed for e in deciding),
            date_unknown=any(e.date is None for e in deciding),
            deciding_events=tuple(e.event_id for e in deciding),
            provisional_reasons=tuple(e.event_id for e in deciding if not e.confirmed),
            signed=self.sig is not None,
        )


def select(events: Iterable[Event], as_of: datetime.date, include_unconfirmed: bool) -> list[Event]:
    """The events that count on `as_of`, in time order.

    An event that cannot be placed in time (no date and no known_by) is left out here and
    reported by `check_events`.
    """
    chosen = [
        e
        for e in events
        if e.day is not None and e.day <= as_of and (include_unconfirmed or e.confirmed)
    ]
    chosen.sort(key=sort_key)
    return chosen


def replay(
    instrument: Instrument,
    events: Sequence[Event],
    as_of: datetime.date,
    *,
    parent_instrument: Instrument | None = None,
    parent_events: Sequence[Event] = (),
    rome_threshold_date: datetime.date = ROME_THRESHOLD_DATE,
    report: Reporter | None = None,
) -> _Track:
    """Replay already selected (filtered, sorted) events up to `as_of`.

    Parent rules apply only when the state has events for the parent treaty; without them
    the engine cannot tell, and `check_events` reports the gap at import.
    """
    parent: _Track | None = None
    if parent_events and instrument.parent is not None:
        parent_rules = parent_instrument or default_parent(instrument)
        assert parent_rules is not None
        parent = _Track(parent_rules, rome_threshold_date)
    track = _Track(instrument, rome_threshold_date, parent)

    merged: list[tuple[tuple[datetime.date, int, int, str], int, Event]] = []
    for side, group in ((_PARENT, parent_events if parent else ()), (_OWN, events)):
        for e in group:
            day, rank, eid = sort_key(e)
            merged.append(((day, side, rank, eid), side, e))
    if parent is not None:
        merged.sort(key=lambda item: item[0])

    for (day, _side, _rank, _eid), side, ev in merged:
        _advance(track, day)
        if side == _PARENT:
            assert parent is not None
            before = parent.dep
            parent.apply(ev, day)
            if before is not None and parent.dep is None:
                track.parent_lapsed(before, ev)
            continue
        code = track.apply(ev, day)
        if code is not None and report is not None:
            report(ev, code)
    _advance(track, as_of)
    return track


def _advance(track: _Track, day: datetime.date) -> None:
    parent = track.parent
    if parent is not None and parent.advance(day):
        track.parent_withdrew()
    track.advance(day)


def _group_by_state(events: Iterable[Event], slug: str | None) -> dict[str, list[Event]]:
    groups: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if slug is not None and e.instrument != slug:
            raise ValueError(f"event {e.event_id} is for {e.instrument}, not {slug}")
        groups[e.state].append(e)
    return groups


def standing(
    instrument: Instrument,
    events: Iterable[Event],
    as_of: datetime.date,
    *,
    include_unconfirmed: bool = True,
    parent_events: Iterable[Event] = (),
    rome_threshold_date: datetime.date = ROME_THRESHOLD_DATE,
    parent_instrument: Instrument | None = None,
    state: str | None = None,
) -> Standing:
    """One state's standing for `instrument` on `as_of`.

    `events` are that state's events for the instrument, `parent_events` its events for the
    parent treaty (amendments only). `state` is needed only when `events` is empty.
    """
    events = list(events)
    states = {e.state for e in events}
    if state is not None:
        states.add(state)
    if len(states) != 1:
        raise ValueError(f"events must be for exactly one state, got {sorted(states)}")
    (iso3,) = states
    for e in events:
        if e.instrument != instrument.slug:
            raise ValueError(f"event {e.event_id} is for {e.instrument}, not {instrument.slug}")
    track = replay(
        instrument,
        select(events, as_of, include_unconfirmed),
        as_of,
        parent_instrument=parent_instrument,
        parent_events=select(parent_events, as_of, include_unconfirmed),
        rome_threshold_date=rome_threshold_date,
    )
    return track.standing(iso3, as_of)


def standings(
    instrument: Instrument,
    events: Iterable[Event],
    as_of: datetime.date,
    *,
    include_unconfirmed: bool = True,
    parent_events: Iterable[Event] = (),
    rome_threshold_date: datetime.date = ROME_THRESHOLD_DATE,
    parent_instrument: Instrument | None = None,
) -> dict[str, Standing]:
    """Every state's standing for `instrument` on `as_of`, keyed by ISO3.

    Only states with at least one event that counts on `as_of` (on or before it, and
    confirmed unless unconfirmed events are included) are present; any other state is
    `not_signed`.
    """
    by_state = _group_by_state(events, instrument.slug)
    parents = _group_by_state(parent_events, None) if instrument.parent else {}
    result: dict[str, Standing] = {}
    for iso3 in sorted(by_state):
        own = select(by_state[iso3], as_of, include_unconfirmed)
        if not own:
            continue
        track = replay(
            instrument,
            own,
            as_of,
            parent_instrument=parent_instrument,
            parent_events=select(parents.get(iso3, ()), as_of, include_unconfirmed),
            rome_threshold_date=rome_threshold_date,
        )
        result[iso3] = track.standing(iso3, as_of)
    return result


_SIGNED_STATUSES = (Status.SIGNATORY, Status.SIGNATURE_WITHDRAWN)


def count(standings: Iterable[Standing]) -> Counts:
    """Counts for one instrument on one date (DESIGN section 4)."""
    tally: dict[Status, int] = defaultdict(int)
    ever_signed = 0
    for s in standings:
        tally[s.status] += 1
        # An undated signature has no date but still counts as a signature.
        if s.signed or s.signature is not None or s.status in _SIGNED_STATUSES:
            ever_signed += 1
    return Counts(
        parties=tally[Status.PARTY] + tally[Status.WITHDRAWAL_PENDING],
        deposited=tally[Status.DEPOSITED],
        signatories=tally[Status.SIGNATORY],
        ever_signed=ever_signed,
        withdrawal_pending=tally[Status.WITHDRAWAL_PENDING],
        withdrawn=tally[Status.WITHDRAWN],
    )
