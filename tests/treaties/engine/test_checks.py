"""Import checks: each contradiction of the rules is reported with its event and a code."""

from __future__ import annotations

import datetime

import pytest

from commonbonds.treaties.engine import (
    MESSAGES,
    Action,
    Event,
    Instrument,
    Rule,
    RuleViolation,
    check_events,
)

D = datetime.date
A = Action

INSTRUMENTS = {
    "rome_statute": Instrument("rome_statute", Rule.ROME_STATUTE_ART126, None, D(2002, 7, 1)),
    "apic": Instrument("apic", Rule.APIC_ART35, None, D(2004, 7, 22)),
    "amend": Instrument("amend", Rule.ART121_5, "rome_statute"),
    "art124": Instrument("art124", Rule.ART121_4, "rome_statute"),
}


def ev(
    eid, action, day, *, state="AAA", instrument="rome_statute", known_by=None, confirmed=True
) -> Event:
    return Event(eid, state, instrument, action, day, known_by, confirmed)


def codes(events, instruments=INSTRUMENTS) -> list[tuple[str, str]]:
    return [(v.event_id, v.code) for v in check_events(instruments, events)]


RATIFIED = ev("r", A.RATIFICATION, D(2001, 1, 1))


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        pytest.param(
            [RATIFIED, ev("x", A.ACCESSION, D(2005, 1, 1))],
            [("x", "duplicate_deposit")],
            id="two deposits without withdrawal",
        ),
        pytest.param(
            [ev("s1", A.SIGNATURE, D(1999, 1, 1)), ev("s2", A.SIGNATURE, D(1999, 2, 1))],
            [("s2", "duplicate_signature")],
            id="two signatures",
        ),
        pytest.param(
            [RATIFIED, ev("s", A.SIGNATURE, D(2002, 1, 1))],
            [("s", "signature_after_deposit")],
            id="signature after deposit",
        ),
        pytest.param(
            [ev("x", A.WITHDRAWAL_REVOKED, D(2017, 1, 1)), RATIFIED],
            [("x", "withdrawal_revoked_without_notification")],
            id="revocation with nothing pending",
        ),
        pytest.param(
            [
                RATIFIED,
                ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27)),
                ev("x", A.WITHDRAWAL_REVOKED, D(2017, 10, 27)),
            ],
            [("x", "withdrawal_revoked_after_effect")],
            id="revocation on the anniversary",
        ),
        pytest.param(
            [ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27))],
            [("w", "withdrawal_by_state_not_bound")],
            id="withdrawal with no deposit",
        ),
        pytest.param(
            [
                ev("r", A.RATIFICATION, D(2016, 9, 1)),
                ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 1)),
            ],
            [("w", "withdrawal_by_state_not_bound")],
            id="withdrawal before entry into force",
        ),
        pytest.param(
            [
                RATIFIED,
                ev("w1", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27)),
                ev("w2", A.WITHDRAWAL_NOTIFICATION, D(2016, 11, 27)),
            ],
            [("w2", "duplicate_withdrawal_notification")],
            id="second notification while one is pending",
        ),
        pytest.param(
            [ev("x", A.ACCESSION_WITHDRAWN, D(2019, 4, 29))],
            [("x", "accession_withdrawn_without_accession")],
            id="accession withdrawn with no accession",
        ),
        pytest.param(
            [ev("a", A.ACCESSION, D(2019, 3, 4)), ev("x", A.ACCESSION_WITHDRAWN, D(2019, 6, 1))],
            [("x", "accession_withdrawn_after_entry_into_force")],
            id="accession withdrawn after entry into force",
        ),
        pytest.param(
            [ev("i", A.INTENT_NOT_TO_BECOME_PARTY, D(2002, 5, 6))],
            [("i", "intent_without_signature")],
            id="intent without signature",
        ),
        pytest.param(
            [
                ev("s", A.SIGNATURE, D(1999, 1, 1)),
                RATIFIED,
                ev("i", A.INTENT_NOT_TO_BECOME_PARTY, D(2002, 5, 6)),
            ],
            [("i", "intent_after_deposit")],
            id="intent after deposit",
        ),
        pytest.param(
            [
                ev("s", A.SIGNATURE, D(1999, 1, 1)),
                ev("i1", A.INTENT_NOT_TO_BECOME_PARTY, D(2002, 5, 6)),
                ev("i2", A.INTENT_NOT_TO_BECOME_PARTY, D(2003, 5, 6)),
            ],
            [("i2", "duplicate_intent")],
            id="two intents",
        ),
        pytest.param(
            [RATIFIED, ev("d", A.DECLARATION_ARTICLE_12_3, D(2005, 1, 1))],
            [("d", "declaration_by_party")],
            id="article 12(3) declaration by a party",
        ),
        pytest.param(
            [ev("d", A.SIGNATURE, D(1999, 1, 1), known_by=D(2000, 1, 1))],
            [("d", "dated_with_known_by")],
            id="dated event with known_by",
        ),
        pytest.param(
            [ev("d", A.DEPOSIT, None)],
            [("d", "undated_without_known_by")],
            id="undated event without known_by",
        ),
        pytest.param(
            [ev("d", A.SIGNATURE, D(1999, 1, 1)), ev("d", A.SIGNATURE, D(1999, 1, 1), state="B")],
            [("d", "duplicate_event_id"), ("d", "duplicate_event_id")],
            id="same event_id twice",
        ),
        pytest.param(
            [ev("u", A.SIGNATURE, D(1999, 1, 1), instrument="nope")],
            [("u", "unknown_instrument")],
            id="unknown instrument",
        ),
    ],
)
def test_rule_violations(events, expected):
    assert codes(events) == expected


def test_valid_histories_are_clean():
    events = [
        # Burundi
        ev("b1", A.SIGNATURE, D(1999, 1, 13), state="BDI"),
        ev("b2", A.RATIFICATION, D(2004, 9, 21), state="BDI"),
        ev("b3", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27), state="BDI"),
        # South Africa: notified and revoked
        ev("z1", A.RATIFICATION, D(2000, 11, 27), state="ZAF"),
        ev("z2", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 19), state="ZAF"),
        ev("z3", A.WITHDRAWAL_REVOKED, D(2017, 3, 7), state="ZAF"),
        # Malaysia
        ev("m1", A.ACCESSION, D(2019, 3, 4), state="MYS"),
        ev("m2", A.ACCESSION_WITHDRAWN, D(2019, 4, 29), state="MYS"),
        # United States
        ev("u1", A.SIGNATURE, D(2000, 12, 31), state="USA"),
        ev("u2", A.INTENT_NOT_TO_BECOME_PARTY, D(2002, 5, 6), state="USA"),
        # Ukraine: declarations as a signatory, then ratification
        ev("k1", A.SIGNATURE, D(2000, 1, 20), state="UKR"),
        ev("k2", A.DECLARATION_ARTICLE_12_3, D(2014, 4, 17), state="UKR"),
        ev("k3", A.RATIFICATION, D(2024, 10, 25), state="UKR"),
        ev("k4", A.ANNOUNCEMENT, D(2024, 8, 21), state="UKR"),
        # El Salvador: parent and amendment on the same day
        ev("s1", A.ACCESSION, D(2016, 3, 3), state="SLV"),
        ev("s2", A.RATIFICATION, D(2016, 3, 3), state="SLV", instrument="amend"),
        # Rejoining after a withdrawal took effect
        ev("b4", A.ACCESSION, D(2020, 1, 1), state="BDI"),
        # Undated deposit with known_by
        ev("n1", A.DEPOSIT, None, known_by=D(2017, 12, 31), state="NAM", instrument="apic"),
        ev("h1", A.DEPOSIT, D(2006, 3, 22), state="HUN", instrument="apic"),
        ev(
            "h2",
            A.WITHDRAWAL_NOTIFICATION,
            None,
            known_by=D(2025, 6, 30),
            state="HUN",
            instrument="apic",
            confirmed=False,
        ),
    ]
    assert check_events(INSTRUMENTS, events) == []
    assert check_events(INSTRUMENTS, list(reversed(events))) == []


def test_amendment_before_the_parent_deposit():
    events = [
        ev("p", A.ACCESSION, D(2016, 3, 4)),
        ev("a", A.RATIFICATION, D(2016, 3, 3), instrument="amend"),
    ]
    assert codes(events) == [("a", "amendment_before_parent_deposit")]


def test_amendment_by_a_state_with_no_parent_events():
    events = [ev("a", A.RATIFICATION, D(2016, 3, 3), instrument="art124")]
    assert codes(events) == [("a", "amendment_before_parent_deposit")]


def test_amendment_no_longer_open_after_leaving_the_parent():
    events = [
        RATIFIED,
        ev("w", A.WITHDRAWAL_NOTIFICATION, D(2016, 10, 27)),
        ev("a", A.RATIFICATION, D(2018, 1, 1), instrument="amend"),
        ev("m", A.ACCESSION, D(2019, 3, 4), state="MYS"),
        ev("x", A.ACCESSION_WITHDRAWN, D(2019, 4, 29), state="MYS"),
        ev("b", A.ACCESSION, D(2019, 5, 1), state="MYS", instrument="amend"),
    ]
    assert codes(events) == [("a", "amendment_not_open"), ("b", "amendment_not_open")]


def test_amendment_instrument_without_a_known_parent():
    instruments = {
        **INSTRUMENTS,
        "orphan": Instrument("orphan", Rule.ART121_5, None),
        "stray": Instrument("stray", Rule.ART121_5, "missing"),
        "odd": Instrument("odd", Rule.APIC_ART35, "missing"),
    }
    events = [
        ev("o", A.RATIFICATION, D(2016, 3, 3), instrument="orphan"),
        ev("s", A.RATIFICATION, D(2016, 3, 3), instrument="stray"),
        ev("t", A.ANNOUNCEMENT, D(2016, 3, 3), instrument="stray"),
        ev("u", A.ACCESSION, D(2016, 3, 3), instrument="odd"),
    ]
    assert codes(events, instruments) == [
        ("o", "amendment_without_parent"),
        ("s", "amendment_without_parent"),
        ("u", "amendment_without_parent"),
    ]


def test_violation_carries_a_plain_message():
    [violation] = check_events(INSTRUMENTS, [ev("x", A.WITHDRAWAL_REVOKED, D(2017, 1, 1))])
    assert isinstance(violation, RuleViolation)
    assert violation.message == (
        "AAA, rome_statute, withdrawal_revoked (2017-01-01): no withdrawal notification was "
        "pending."
    )


def test_every_code_has_a_message():
    assert all(text and not text.endswith(".") for text in MESSAGES.values())


def test_unconfirmed_and_future_events_are_checked_too():
    events = [ev("x", A.WITHDRAWAL_REVOKED, D(2090, 1, 1), confirmed=False)]
    assert codes(events) == [("x", "withdrawal_revoked_without_notification")]
