"""Import checks: events that contradict the treaty rules or the data conventions.

The status engine ignores an event that the rules do not allow; this module reports the same
events (through the same state machine), so that an import can refuse or flag them.
"""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from .domain import CONSENT_ACTIONS, Event, Instrument, Rule, RuleViolation
from .status import default_parent, replay, sort_key

_AMENDMENT_RULES = frozenset({Rule.ART121_5, Rule.ART121_4})

#: Stable codes and the plain-English explanation shown with each.
MESSAGES: dict[str, str] = {
    "duplicate_event_id": "another event has the same event_id",
    "unknown_instrument": "the instrument is not known",
    "dated_with_known_by": "a dated event must not also have known_by",
    "undated_without_known_by": "an undated event needs known_by (the date a source knew of it)",
    "amendment_without_parent": (
        "the instrument is an amendment but its parent treaty is not known"
    ),
    "duplicate_signature": "the state had already signed",
    "signature_after_deposit": "the state had already deposited its consent",
    "duplicate_deposit": (
        "the state had already deposited its consent, and no withdrawal ended it in between"
    ),
    "amendment_before_parent_deposit": (
        "an amendment can be accepted only by a state that deposited for the parent treaty on "
        "or before the same day"
    ),
    "amendment_not_open": (
        "the state's membership of the parent treaty had ended, so the amendment was no longer "
        "open to it"
    ),
    "accession_withdrawn_without_accession": "no instrument of consent was pending to withdraw",
    "accession_withdrawn_after_entry_into_force": (
        "the instrument had already entered into force for the state; only a withdrawal "
        "notification can end it"
    ),
    "intent_without_signature": "a state can declare it will not become a party only after signing",
    "intent_after_deposit": "the state had already deposited its consent",
    "duplicate_intent": "the state had already declared it does not intend to become a party",
    "withdrawal_by_state_not_bound": (
        "the state was not bound by the instrument on that day, so it cannot withdraw"
    ),
    "duplicate_withdrawal_notification": "a withdrawal notification was already pending",
    "withdrawal_revoked_without_notification": "no withdrawal notification was pending",
    "withdrawal_revoked_after_effect": (
        "the withdrawal had already taken effect; a revocation must come before that day"
    ),
    "declaration_by_party": (
        "an article 12(3) declaration is made by a state that is not a party, but the state "
        "was bound on that day"
    ),
}


def _violation(ev: Event, code: str) -> RuleViolation:
    day = ev.date or ev.known_by
    when = day.isoformat() if day is not None else "no date"
    return RuleViolation(
        ev.event_id,
        code,
        f"{ev.state}, {ev.instrument}, {ev.action} ({when}): {MESSAGES[code]}.",
    )


def check_events(
    instruments: Mapping[str, Instrument], events: Iterable[Event]
) -> list[RuleViolation]:
    """Every contradiction of the rules in `events`, sorted by event_id then code.

    All events count here, confirmed or not, whatever their date.
    """
    events = list(events)
    found: list[RuleViolation] = []

    ids = Counter(e.event_id for e in events)
    placed: list[Event] = []
    for e in events:
        if ids[e.event_id] > 1:
            found.append(_violation(e, "duplicate_event_id"))
        if e.instrument not in instruments:
            found.append(_violation(e, "unknown_instrument"))
            continue
        if e.date is not None and e.known_by is not None:
            found.append(_violation(e, "dated_with_known_by"))
        if e.date is None and e.known_by is None:
            found.append(_violation(e, "undated_without_known_by"))
            continue  # cannot be placed in time
        placed.append(e)

    grouped: dict[str, dict[str, list[Event]]] = defaultdict(lambda: defaultdict(list))
    for e in placed:
        grouped[e.instrument][e.state].append(e)

    def report(ev: Event, code: str) -> None:
        found.append(_violation(ev, code))

    for slug, by_state in grouped.items():
        instrument = instruments[slug]
        parent_instrument: Instrument | None = None
        if instrument.parent is not None and instrument.parent in instruments:
            parent_instrument = instruments[instrument.parent]
        elif instrument.parent is not None or instrument.rule in _AMENDMENT_RULES:
            for evs in by_state.values():
                found.extend(
                    _violation(e, "amendment_without_parent")
                    for e in evs
                    if e.action in CONSENT_ACTIONS
                )
        for state, evs in by_state.items():
            parent_events: list[Event] = []
            if parent_instrument is not None:
                parent_events = sorted(
                    grouped.get(parent_instrument.slug, {}).get(state, ()), key=sort_key
                )
                if not parent_events:
                    # With no parent events at all the replay would skip the parent rules.
                    found.extend(
                        _violation(e, "amendment_before_parent_deposit")
                        for e in evs
                        if e.action in CONSENT_ACTIONS
                    )
            replay(
                instrument,
                sorted(evs, key=sort_key),
                datetime.date.max,
                parent_instrument=parent_instrument or default_parent(instrument),
                parent_events=parent_events,
                report=report,
            )

    found.sort(key=lambda v: (v.event_id, v.code))
    return found
