"""Golden values on the real data of `data/`, written by hand from data/README.md and the
sources it cites. None of them is computed by the engine."""

from __future__ import annotations

import datetime
import re

import pytest

from commonbonds.treaties.engine import (
    CONSENT_ACTIONS,
    Action,
    Counts,
    Status,
    check_events,
    count,
    entry_into_force,
    standing,
    standings,
)

from . import realdata

D = datetime.date
CUT_OFF = realdata.CUT_OFF


def rome(state: str, as_of: datetime.date, **kwargs):
    return standing(
        realdata.instruments()["rome_statute"],
        realdata.events_for("rome_statute", state),
        as_of,
        state=state,
        **kwargs,
    )


def of(instrument: str, state: str, as_of: datetime.date, **kwargs):
    inst = realdata.instruments()[instrument]
    parent = realdata.events_for(inst.parent, state) if inst.parent else ()
    return standing(
        inst,
        realdata.events_for(instrument, state),
        as_of,
        parent_events=parent,
        state=state,
        **kwargs,
    )


def counts(instrument: str, as_of: datetime.date, **kwargs) -> Counts:
    inst = realdata.instruments()[instrument]
    parent = realdata.events_for(inst.parent) if inst.parent else ()
    return count(
        standings(
            inst, realdata.events_for(instrument), as_of, parent_events=parent, **kwargs
        ).values()
    )


# -- the data itself ---------------------------------------------------------------------


def test_the_real_data_passes_the_import_check():
    assert check_events(realdata.instruments(), realdata.events()) == []


def test_every_state_is_in_states_csv():
    assert {e.state for e in realdata.events()} <= realdata.state_codes()


def test_rome_statute_rows_match_the_readme():
    # README "Known gaps": all 139 signatories and all 128 deposits.
    rows = realdata.events_for("rome_statute")
    assert sum(e.action == Action.SIGNATURE for e in rows) == 139
    assert sum(e.action in CONSENT_ACTIONS for e in rows) == 128
    # README art. 126(1): ten states deposited on 11 Apr 2002.
    assert sum(e.action in CONSENT_ACTIONS and e.date == D(2002, 4, 11) for e in rows) == 10


_IN_FORCE = re.compile(
    r"in(?:to)? force(?: for (?:it|[A-Z][\w-]+(?: \([^)]*\))?))?(?: from| on)? "
    r"(\d{4}-\d\d-\d\d|\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4})"
)


def _note_date(text: str) -> datetime.date:
    if "-" in text:
        return datetime.date.fromisoformat(text)
    return datetime.datetime.strptime(text, "%d %b %Y").date()


def test_entry_into_force_agrees_with_every_in_force_date_quoted_in_the_notes():
    # The rows' notes quote in-force dates from the Dutch treaty database, the Tractatenblad,
    # Riigi Teataja, UN News and Slovenia's own report. Each one is a golden value.
    quoted = {}
    for e in realdata.events():
        if e.action in CONSENT_ACTIONS and e.date is not None:
            match = _IN_FORCE.search(realdata.notes()[e.event_id])
            if match:
                quoted[e.event_id] = (e, _note_date(match.group(1)))
    assert {"ev-0220", "ev-0564", "ev-0565", "ev-0568", "ev-0497"} <= set(quoted)
    assert len(quoted) >= 30
    for event, in_force in quoted.values():
        inst = realdata.instruments()[event.instrument]
        assert entry_into_force(inst, event.date, event.action) == in_force, event.event_id


# -- Rome Statute counts -----------------------------------------------------------------


def test_rome_statute_counts_at_the_cut_off():
    # README: 125 current parties; 139 signatories; Burundi and the Philippines withdrawn;
    # Niger's unconfirmed notification (18 Jun 2026) pending; Hungary's revocation
    # (unconfirmed) keeps it a party. Signatories that are still only signatories: 139
    # signers - 110 of them that deposited (128 deposits - 17 accessions - 1 succession,
    # made by states that had not signed) - 4 intents not to become a party = 25.
    assert counts("rome_statute", CUT_OFF) == Counts(
        parties=125,
        deposited=0,
        signatories=25,
        ever_signed=139,
        withdrawal_pending=1,
        withdrawn=2,
    )


def test_rome_statute_counts_without_unconfirmed_events():
    # Without Hungary's revocation its withdrawal took effect on 2 Jun 2026; without
    # Niger's notification Niger is simply a party: 125 - 1 = 124.
    assert counts("rome_statute", CUT_OFF, include_unconfirmed=False) == Counts(
        parties=124,
        deposited=0,
        signatories=25,
        ever_signed=139,
        withdrawal_pending=0,
        withdrawn=3,
    )


def test_all_128_deposits_are_accounted_for_at_the_cut_off():
    result = standings(
        realdata.instruments()["rome_statute"], realdata.events_for("rome_statute"), CUT_OFF
    )
    deposited_ever = [s for s in result.values() if s.deposit_action is not None]
    malaysia = result["MYS"]
    # 125 parties + Burundi + the Philippines keep their deposit; Malaysia's was withdrawn.
    assert len(deposited_ever) == 127
    assert (malaysia.status, malaysia.deposit_action) == (Status.NOT_SIGNED, None)


def test_nobody_is_bound_before_the_statute_entered_into_force():
    before = counts("rome_statute", D(2002, 6, 30))
    assert before.parties == 0
    # README art. 126(1): the 60th instrument was deposited on 11 Apr 2002, and every state
    # that had deposited by then was bound on 1 Jul 2002.
    assert counts("rome_statute", D(2002, 7, 1)).parties >= 60


# -- withdrawals -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("state", "notified", "effective"),
    [
        ("BDI", D(2016, 10, 27), D(2017, 10, 27)),  # README art. 127(1)
        ("PHL", D(2018, 3, 17), D(2019, 3, 17)),  # README art. 127(1)
    ],
)
def test_withdrawals_that_took_effect(state, notified, effective):
    day_before = effective - datetime.timedelta(days=1)
    assert rome(state, notified - datetime.timedelta(days=1)).status == Status.PARTY
    assert rome(state, notified).status == Status.WITHDRAWAL_PENDING
    assert rome(state, day_before).status == Status.WITHDRAWAL_PENDING
    s = rome(state, effective)
    assert s.status == Status.WITHDRAWN
    assert (s.withdrawal_notified, s.withdrawal_effective) == (notified, effective)
    assert rome(state, CUT_OFF).status == Status.WITHDRAWN


def test_burundi_keeps_its_key_dates_after_withdrawal():
    s = rome("BDI", CUT_OFF)
    # ev-0042 signature, ev-0043 ratification, in force 1 Dec 2004 (21 Sep + 60 days =
    # 20 Nov 2004 -> 1 Dec 2004).
    assert (s.signature, s.deposit, s.deposit_action, s.entry_into_force) == (
        D(1999, 1, 13),
        D(2004, 9, 21),
        Action.RATIFICATION,
        D(2004, 12, 1),
    )
    assert s.deciding_events == ("ev-0043", "ev-0044")
    assert not s.provisional


@pytest.mark.parametrize(
    ("state", "notified", "revoked", "would_have"),
    [
        ("ZAF", D(2016, 10, 19), D(2017, 3, 7), D(2017, 10, 19)),
        ("GMB", D(2016, 11, 10), D(2017, 2, 10), D(2017, 11, 10)),
    ],
)
def test_revoked_withdrawals_of_2017(state, notified, revoked, would_have):
    assert rome(state, notified).status == Status.WITHDRAWAL_PENDING
    for day in (revoked, would_have, CUT_OFF):
        s = rome(state, day)
        assert s.status == Status.PARTY
        assert (s.withdrawal_notified, s.withdrawal_effective) == (None, None)


def test_hungary_withdrawal_and_its_unconfirmed_revocation():
    assert rome("HUN", D(2025, 6, 1)).status == Status.PARTY
    pending = rome("HUN", D(2025, 6, 2))
    assert pending.status == Status.WITHDRAWAL_PENDING
    assert pending.withdrawal_effective == D(2026, 6, 2)
    assert not pending.provisional
    assert rome("HUN", D(2026, 5, 28)).status == Status.WITHDRAWAL_PENDING
    for day in (D(2026, 5, 29), D(2026, 6, 2), CUT_OFF):
        s = rome("HUN", day)
        assert s.status == Status.PARTY
        assert (s.provisional, s.provisional_reasons) == (True, ("ev-0125",))
        assert s.deciding_events == ("ev-0123", "ev-0125")
        assert (s.withdrawal_notified, s.withdrawal_effective) == (None, None)


def test_hungary_without_unconfirmed_events_withdrew_on_2_june_2026():
    assert rome("HUN", D(2026, 6, 1), include_unconfirmed=False).status == (
        Status.WITHDRAWAL_PENDING
    )
    s = rome("HUN", D(2026, 6, 2), include_unconfirmed=False)
    assert (s.status, s.provisional) == (Status.WITHDRAWN, False)


def test_niger_unconfirmed_notification():
    assert rome("NER", D(2026, 6, 17)).status == Status.PARTY
    s = rome("NER", CUT_OFF)
    assert s.status == Status.WITHDRAWAL_PENDING
    assert (s.withdrawal_notified, s.withdrawal_effective) == (D(2026, 6, 18), D(2027, 6, 18))
    assert (s.provisional, s.provisional_reasons) == (True, ("ev-0189",))
    assert rome("NER", D(2027, 6, 18)).status == Status.WITHDRAWN
    strict = rome("NER", CUT_OFF, include_unconfirmed=False)
    assert (strict.status, strict.provisional) == (Status.PARTY, False)


def test_sahel_announcement_changes_nothing():
    # ev-0532: joint communiqué of 22 Sep 2025 "with immediate effect"; not a notification.
    assert rome("NER", D(2025, 9, 22)).status == Status.PARTY
    assert rome("NER", D(2025, 9, 22)) == rome("NER", D(2025, 9, 21))
    assert rome("AFG", CUT_OFF).status == Status.PARTY  # ev-0522: remains a party


# -- other histories ---------------------------------------------------------------------


def test_malaysia_withdrawn_accession():
    assert rome("MYS", D(2019, 3, 3)).status == Status.NOT_SIGNED
    deposited = rome("MYS", D(2019, 3, 4))
    assert (deposited.status, deposited.entry_into_force) == (Status.DEPOSITED, D(2019, 6, 1))
    for day in (D(2019, 4, 29), D(2019, 6, 1), CUT_OFF):
        s = rome("MYS", day)
        assert s.status == Status.NOT_SIGNED
        assert (s.deposit, s.deposit_action, s.entry_into_force) == (None, None, None)
        assert s.deciding_events == ("ev-0161",)


def test_montenegro_succession():
    s = rome("MNE", D(2006, 6, 3))
    assert (s.status, s.deposit_action, s.entry_into_force) == (
        Status.PARTY,
        Action.SUCCESSION,
        D(2006, 6, 3),
    )
    assert of("apic", "MNE", D(2006, 6, 3)).status == Status.PARTY


def test_saint_lucia():
    assert rome("LCA", D(2010, 10, 31)).status == Status.DEPOSITED
    s = rome("LCA", D(2010, 11, 1))
    assert (s.status, s.entry_into_force) == (Status.PARTY, D(2010, 11, 1))


def test_fiji_signed_and_ratified_the_same_day():
    s = rome("FJI", D(2002, 7, 1))
    assert (s.status, s.signature, s.deposit) == (Status.PARTY, D(1999, 11, 29), D(1999, 11, 29))
    assert rome("FJI", D(1999, 11, 29)).status == Status.DEPOSITED


def test_ukraine_declarations_then_ratification():
    assert rome("UKR", D(2015, 9, 8)).status == Status.SIGNATORY
    assert rome("UKR", D(2024, 10, 25)).status == Status.DEPOSITED
    assert rome("UKR", D(2025, 1, 1)).entry_into_force == D(2025, 1, 1)
    assert rome("UKR", D(2025, 1, 1)).status == Status.PARTY


def test_armenia():
    assert rome("ARM", D(2024, 1, 31)).status == Status.DEPOSITED
    assert rome("ARM", D(2024, 2, 1)).status == Status.PARTY


@pytest.mark.parametrize(
    ("state", "signature"),
    [("USA", D(2000, 12, 31)), ("ISR", D(2000, 12, 31)), ("SDN", None), ("RUS", None)],
)
def test_unsigning_states(state, signature):
    s = rome(state, CUT_OFF)
    assert s.status == Status.SIGNATURE_WITHDRAWN
    assert s.signature is not None
    if signature is not None:
        assert s.signature == signature


def test_palestine_declaration_before_accession():
    assert rome("PSE", D(2015, 1, 1)).status == Status.NOT_SIGNED
    assert rome("PSE", D(2015, 1, 2)).status == Status.DEPOSITED
    assert rome("PSE", D(2015, 4, 1)).status == Status.PARTY


# -- amendments --------------------------------------------------------------------------


def test_liechtenstein_aggression_in_force_8_may_2013():
    assert of("amendment_aggression_2010", "LIE", D(2013, 5, 7)).status == Status.DEPOSITED
    s = of("amendment_aggression_2010", "LIE", D(2013, 5, 8))
    assert (s.status, s.entry_into_force) == (Status.PARTY, D(2013, 5, 8))


def test_el_salvador_accepts_the_amendments_the_day_it_joins():
    s = of("amendment_aggression_2010", "SLV", D(2017, 3, 3))
    assert (s.status, s.deposit) == (Status.PARTY, D(2016, 3, 3))


def test_denmark_and_timor_leste_unconfirmed_aggression_deposits():
    dnk = of("amendment_aggression_2010", "DNK", D(2026, 1, 1))
    assert (dnk.status, dnk.provisional_reasons) == (Status.PARTY, ("ev-0564",))
    tls = of("amendment_aggression_2010", "TLS", D(2026, 5, 30))
    assert (tls.status, tls.provisional_reasons) == (Status.PARTY, ("ev-0565",))
    assert of("amendment_aggression_2010", "TLS", D(2026, 5, 29)).status == Status.DEPOSITED


def test_aggression_counts_at_the_cut_off():
    # README: 39 ratifications up to 27 Nov 2019, then Italy, Sweden, Denmark, Timor-Leste.
    assert counts("amendment_aggression_2010", CUT_OFF).parties == 43
    assert counts("amendment_aggression_2010", CUT_OFF, include_unconfirmed=False).parties == 41


def test_article_124_amendment_is_not_in_force_for_anyone():
    # MTDSG XVIII-10-c: 18 instruments, not in force (art. 121(4), seven-eighths not reached).
    c = counts("amendment_art124_2015", CUT_OFF)
    assert (c.parties, c.deposited) == (0, 18)
    s = of("amendment_art124_2015", "LIE", D(2090, 1, 1))
    assert (s.status, s.deposit, s.entry_into_force) == (Status.DEPOSITED, D(2022, 1, 21), None)


def test_croatia_undated_fragments_deposit():
    # ev-0567: undated, known by 26 May 2021 (PGA report).
    result = standings(
        realdata.instruments()["amendment_art8_2017_fragments"],
        realdata.events_for("amendment_art8_2017_fragments"),
        D(2021, 5, 25),
    )
    assert "HRV" not in result
    s = of("amendment_art8_2017_fragments", "HRV", D(2021, 5, 26))
    assert (s.status, s.deposit, s.entry_into_force, s.date_unknown) == (
        Status.PARTY,
        None,
        None,
        True,
    )


def test_slovenia_starvation():
    assert of("amendment_art8_2019_starvation", "SVN", D(2023, 11, 30)).status == (Status.DEPOSITED)
    assert of("amendment_art8_2019_starvation", "SVN", D(2023, 12, 1)).status == Status.PARTY


# -- APIC --------------------------------------------------------------------------------


def test_apic_74_parties_listed():
    c = counts("apic", CUT_OFF)
    assert c.parties == 74
    assert c.ever_signed == 34  # README: 34 of 62 signatures present
    assert counts("apic", CUT_OFF, include_unconfirmed=False).parties == 74


def test_apic_albania():
    assert of("apic", "ALB", D(2006, 8, 31)).status == Status.DEPOSITED
    assert of("apic", "ALB", D(2006, 9, 1)).status == Status.PARTY


def test_apic_undated_deposits_known_by_2017():
    for state in ("NAM", "NOR", "PAN"):
        s = of("apic", state, D(2017, 12, 31))
        assert (s.status, s.deposit, s.date_unknown) == (Status.PARTY, None, True)


def test_apic_hungary_undated_unconfirmed_denunciation_stays_pending():
    assert of("apic", "HUN", D(2025, 6, 29)).status == Status.PARTY
    for day in (D(2025, 6, 30), CUT_OFF, D(2030, 1, 1)):
        s = of("apic", "HUN", day)
        assert s.status == Status.WITHDRAWAL_PENDING
        assert (s.withdrawal_notified, s.withdrawal_effective) == (None, None)
        assert (s.provisional, s.date_unknown) == (True, True)
        assert s.provisional_reasons == ("ev-0561",)
    assert of("apic", "HUN", CUT_OFF, include_unconfirmed=False).status == Status.PARTY


def test_apic_slovakia_and_slovenia_are_signatories_only():
    for state in ("SVK", "SVN"):
        assert of("apic", state, CUT_OFF).status == Status.SIGNATORY
