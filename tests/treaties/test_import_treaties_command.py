"""`commonbonds import_treaties`: checks every row, writes all or nothing, keeps staff work."""

from __future__ import annotations

import csv
import datetime
import io
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from commonbonds.core.models import AuditEntry
from commonbonds.treaties import actions
from commonbonds.treaties.models import Instrument, State, TreatyEvent

from .fixtures import import_data

pytestmark = pytest.mark.django_db


def lines_of(path) -> int:
    with path.open(encoding="utf-8") as f:
        return sum(1 for _ in f)


def append_row(path, row: dict) -> int:
    """Append a row; return the line it starts on."""
    line = lines_of(path) + 1
    with path.open(encoding="utf-8") as f:
        columns = next(csv.reader(f))
    with path.open("a", encoding="utf-8", newline="") as f:
        csv.DictWriter(f, fieldnames=columns, lineterminator="\n").writerow(row)
    return line


def replace_in(path, old: str, new: str) -> int:
    """Replace the first line containing `old`; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    for number, text in enumerate(lines, 1):
        if old in text:
            lines[number - 1] = text.replace(old, new)
            path.write_text("\n".join(lines), encoding="utf-8")
            return number
    raise AssertionError(f"{old!r} not found in {path}")


def event(**overrides) -> dict:
    row = {
        "event_id": "ev-9001",
        "state_iso3": "FRA",
        "state_name": "France",
        "instrument": "apic",
        "action": "signature",
        "date": "2003-01-01",
        "known_by": "",
        "confirmed": "true",
        "note": "",
        "source_url": "https://treaties.un.org/",
    }
    row.update(overrides)
    return row


def fails(data_dir) -> str:
    """Run the import, expect exit status 2; return what it wrote to stderr."""
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_treaties", str(data_dir), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    assert "nothing was written" in str(raised.value)
    return err.getvalue()


def snapshot_of_db():
    return (
        State.objects.count(),
        Instrument.objects.count(),
        sorted(TreatyEvent.objects.values_list("event_id", "date", "action", "confirmed")),
        AuditEntry.objects.count(),
    )


# -- the shipped data ----------------------------------------------------------------------------


def test_the_shipped_data_imports_and_a_second_run_changes_nothing():
    out = import_data()
    # data/README.md: 193 UN members + Palestine, Cook Islands, Holy See; nine instruments;
    # and the 568 rows of treaty_actions.csv (docs/treaty-rules.md).
    assert (State.objects.count(), Instrument.objects.count(), TreatyEvent.objects.count()) == (
        196,
        9,
        568,
    )
    assert "events 568 created, 0 changed" in out
    assert AuditEntry.objects.filter(action="treaties.event.imported").count() == 568
    assert AuditEntry.objects.filter(action="treaties.import.completed").count() == 1
    logged = AuditEntry.objects.count()

    again = import_data()
    assert "states 0 created, 0 changed" in again
    assert "instruments 0 created, 0 changed" in again
    assert "events 0 created, 0 changed, 568 unchanged; 0 conflicts." in again
    assert AuditEntry.objects.count() == logged  # nothing happened, nothing logged


def test_values_land_in_the_database():
    import_data()
    albania = TreatyEvent.objects.get(event_id="ev-0003")
    assert (albania.state.iso3, albania.instrument.slug, albania.action, albania.date) == (
        "ALB",
        "rome_statute",
        "ratification",
        datetime.date(2003, 1, 31),
    )
    hungary_revocation = TreatyEvent.objects.get(event_id="ev-0125")  # README: unconfirmed
    assert (hungary_revocation.confirmed, hungary_revocation.action) == (
        False,
        "withdrawal_revoked",
    )
    norway_apic = TreatyEvent.objects.get(state__iso3="NOR", instrument__slug="apic")
    assert norway_apic.date is None and norway_apic.known_by is not None
    amendment = Instrument.objects.get(slug="amendment_aggression_2010")
    assert amendment.parent.slug == "rome_statute"
    assert amendment.depositary_ref == "XVIII-10-b"
    palestine = State.objects.get(iso3="PSE")
    assert (palestine.name_en, palestine.un_member, palestine.asp_regional_group) == (
        "State of Palestine",
        False,
        "asia_pacific",
    )
    assert State.objects.get(iso3="VAT").asp_regional_group == ""


def test_check_only_writes_nothing():
    out = StringIO()
    call_command("import_treaties", "--check", stdout=out)
    assert "568 events" in out.getvalue()
    assert not TreatyEvent.objects.exists()


def test_progress_is_shown_when_asked(capsys):
    out = StringIO()
    call_command("import_treaties", verbosity=2, stdout=out)
    assert "Writing events: 568/568" in out.getvalue()


# -- broken files: a message with file and line, and nothing written -------------------------


@pytest.fixture
def loaded():
    import_data()
    return snapshot_of_db()


BROKEN_EVENTS = [
    (event(state_iso3="XYZ", state_name="Nowhere"), 'unknown state "XYZ"'),
    (event(instrument="kampala_2099"), 'unknown instrument "kampala_2099"'),
    (event(action="ratified"), 'unknown action "ratified"'),
    (event(date="2003-02-30"), 'date "2003-02-30" is not a date written YYYY-MM-DD'),
    (event(date="12/03/2003"), 'date "12/03/2003" is not a date written YYYY-MM-DD'),
    (event(known_by="2003-13-01", date=""), 'known_by "2003-13-01" is not a date'),
    (event(date="", known_by=""), "an undated event needs known_by"),
    (event(known_by="2004-01-01"), "a dated event must not also have known_by"),
    (event(confirmed="yes"), 'confirmed must be "true" or "false", not "yes"'),
    (event(source_url=""), "source_url is empty: every event cites a source"),
    (event(source_url="treaties.un.org"), 'source_url "treaties.un.org" is not a web address'),
    (event(state_name="French Republic"), 'state_name "French Republic" is not the name of FRA'),
    (
        event(event_id="cb-0001"),
        'ids starting with "cb-" are kept for events recorded in the admin',
    ),
    (event(event_id="ev 1"), 'event_id "ev 1" may hold only letters'),
]


@pytest.mark.parametrize(("row", "message"), BROKEN_EVENTS, ids=[m for _r, m in BROKEN_EVENTS])
def test_each_kind_of_bad_event_row_is_reported_with_file_and_line(loaded, data_copy, row, message):
    line = append_row(data_copy / "treaty_actions.csv", row)
    err = fails(data_copy)
    assert f"{data_copy / 'treaty_actions.csv'}:{line}: " in err
    assert message in err
    assert snapshot_of_db() == loaded


def test_a_duplicate_event_id_names_both_lines(loaded, data_copy):
    line = append_row(data_copy / "treaty_actions.csv", event(event_id="ev-0003"))
    err = fails(data_copy)
    # ev-0003 (Albania's ratification) is on line 5 of the shipped file.
    assert f'treaty_actions.csv:{line}: event_id "ev-0003" is used again (first on line 5)' in err
    assert snapshot_of_db() == loaded


def test_an_amendment_accepted_before_the_parent_treaty_is_refused(loaded, data_copy):
    # The United States never deposited for the Rome Statute, so it cannot accept an
    # amendment (art. 121; data/README.md "parent").
    line = append_row(
        data_copy / "treaty_actions.csv",
        event(
            event_id="ev-9002",
            state_iso3="USA",
            state_name="United States of America",
            instrument="amendment_art8_2010",
            action="ratification",
            date="2012-01-01",
        ),
    )
    err = fails(data_copy)
    assert f"treaty_actions.csv:{line}: ev-9002: USA, amendment_art8_2010, ratification" in err
    assert "an amendment can be accepted only by a state that deposited for the parent" in err
    assert snapshot_of_db() == loaded


def test_a_withdrawal_by_a_state_that_is_not_bound_is_refused(loaded, data_copy):
    line = append_row(
        data_copy / "treaty_actions.csv",
        event(
            event_id="ev-9003",
            state_iso3="USA",
            state_name="United States of America",
            instrument="rome_statute",
            action="withdrawal_notification",
            date="2010-01-01",
        ),
    )
    err = fails(data_copy)
    assert f"treaty_actions.csv:{line}: ev-9003:" in err
    assert "the state was not bound by the instrument on that day" in err


def test_line_numbers_count_the_lines_of_a_note_written_over_several_lines(loaded, data_copy):
    append_row(data_copy / "treaty_actions.csv", event(note="first line\nsecond line"))
    line = append_row(data_copy / "treaty_actions.csv", event(event_id="ev-9004", action="nope"))
    err = fails(data_copy)
    assert f'treaty_actions.csv:{line}: unknown action "nope"' in err


def test_every_problem_is_listed_not_only_the_first(loaded, data_copy):
    first = append_row(data_copy / "treaty_actions.csv", event(action="nope"))
    second = append_row(data_copy / "treaty_actions.csv", event(event_id="ev-9005", date="x"))
    err = fails(data_copy)
    assert f"treaty_actions.csv:{first}:" in err and f"treaty_actions.csv:{second}:" in err


def test_a_missing_column_and_a_missing_file(loaded, data_copy):
    path = data_copy / "treaty_actions.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",known_by,", ",knownby,", 1))
    (data_copy / "instruments.csv").unlink()
    err = fails(data_copy)
    assert 'treaty_actions.csv:1: missing column "known_by"' in err
    assert "instruments.csv: file not found" in err
    assert snapshot_of_db() == loaded


def test_bad_rows_of_the_other_files(loaded, data_copy):
    states = replace_in(data_copy / "states.csv", "AFG,AF,Afghanistan", "AFG,AF1,Afghanistan")
    group = replace_in(
        data_copy / "states.csv", "Western European and Other States,true", "WEOG,true"
    )
    instruments = replace_in(data_copy / "instruments.csv", "apic_art35", "apic_article35")
    names = append_row(
        data_copy / "state_names.csv",
        {"iso3": "ZZZ", "lang": "fr", "name": "Nulle part", "source": "x"},
    )
    titles = append_row(
        data_copy / "instrument_titles.csv",
        {"slug": "apic", "lang": "de", "title": "Übereinkommen", "source": "x"},
    )
    err = fails(data_copy)
    assert f'states.csv:{states}: iso2 "AF1" is not two capital letters' in err
    assert f'states.csv:{group}: unknown regional group "WEOG"' in err
    assert f'instruments.csv:{instruments}: unknown entry_into_force_rule "apic_article35"' in err
    assert f'state_names.csv:{names}: unknown state "ZZZ"' in err
    assert f'instrument_titles.csv:{titles}: lang must be one of fr, es, ar, not "de"' in err
    assert snapshot_of_db() == loaded


def test_an_empty_database_stays_empty_after_a_broken_file(data_copy):
    append_row(data_copy / "treaty_actions.csv", event(action="nope"))
    fails(data_copy)
    assert not State.objects.exists() and not TreatyEvent.objects.exists()
    assert not AuditEntry.objects.exists()


# -- re-imports and staff corrections --------------------------------------------------------------


def correct_albania(editor) -> None:
    data = actions.EventData.of(TreatyEvent.objects.get(event_id="ev-0003"))
    actions.record_treaty_event(
        acting_user=editor,
        data=actions.EventData(**{**data.values(), "note": "Corrected by the secretariat"}),
        event_id="ev-0003",
    )


def test_a_staff_correction_is_reported_as_a_conflict_and_left_alone(make_user):
    import_data()
    correct_albania(make_user("editor"))
    out = import_data()
    assert "events 0 created, 0 changed, 567 unchanged; 1 conflicts." in out
    assert "event ev-0003: corrected by staff (note); kept the staff correction" in out
    assert TreatyEvent.objects.get(event_id="ev-0003").note == "Corrected by the secretariat"


def test_upstream_changes_are_applied_to_rows_staff_did_not_touch(make_user, data_copy):
    import_data()
    correct_albania(make_user("editor"))
    replace_in(
        data_copy / "treaty_actions.csv",
        "ev-0002,ALB,Albania,rome_statute,signature,1998-07-18",
        "ev-0002,ALB,Albania,rome_statute,signature,1998-07-17",
    )
    replace_in(
        data_copy / "treaty_actions.csv",
        "ev-0003,ALB,Albania,rome_statute,ratification,2003-01-31,,true,",
        "ev-0003,ALB,Albania,rome_statute,ratification,2003-01-31,,true,upstream note ",
    )
    out = import_data(data_copy)
    assert "events 0 created, 1 changed, 566 unchanged; 1 conflicts." in out
    assert "and the data files changed too" in out  # ev-0003 changed on both sides
    assert TreatyEvent.objects.get(event_id="ev-0002").date == datetime.date(1998, 7, 17)
    assert TreatyEvent.objects.get(event_id="ev-0003").note == "Corrected by the secretariat"
    entry = AuditEntry.objects.get(action="treaties.event.reimported")
    assert entry.changes == {"date": ["1998-07-18", "1998-07-17"]}


def test_a_staff_correction_of_a_state_name_survives_a_reimport(make_user):
    import_data()
    state = State.objects.get(iso3="BOL")
    actions.correct_state(
        acting_user=make_user("publisher"),
        state=state,
        values={"name_ar": "بوليفيا (دولة - المتعددة القوميات)"},
    )
    out = import_data()
    assert "state BOL: corrected by staff (name_ar, name_ar_source)" in out
    state.refresh_from_db()
    assert (state.name_ar, state.name_ar_source) == ("بوليفيا (دولة - المتعددة القوميات)", "staff")


def test_events_removed_from_the_files_are_reported_not_deleted(data_copy):
    import_data()
    path = data_copy / "treaty_actions.csv"
    text = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(t for t in text if not t.startswith("ev-0522,")), encoding="utf-8")
    out = import_data(data_copy)
    assert "1 imported events are no longer in the files; left as they are: ev-0522" in out
    assert TreatyEvent.objects.filter(event_id="ev-0522").exists()


def test_a_file_that_contradicts_a_staff_correction_writes_nothing(make_user, data_copy):
    """Staff retracted El Salvador's accession; a new file adds an amendment deposit that
    needs it. The rows are valid on their own, the combination is not: nothing is written."""
    import_data()
    editor = make_user("editor")
    accession = TreatyEvent.objects.get(
        state__iso3="SLV", instrument__slug="rome_statute", action="accession"
    )
    for amendment in TreatyEvent.objects.filter(state__iso3="SLV").exclude(pk=accession.pk):
        if amendment.instrument.parent_id:
            data = actions.EventData.of(amendment)
            actions.record_treaty_event(
                acting_user=editor,
                data=actions.EventData(**{**data.values(), "retracted": True}),
                event_id=amendment.event_id,
            )
    data = actions.EventData.of(accession)
    actions.record_treaty_event(
        acting_user=editor,
        data=actions.EventData(**{**data.values(), "retracted": True}),
        event_id=accession.event_id,
    )
    append_row(
        data_copy / "treaty_actions.csv",
        event(
            event_id="ev-9010",
            state_iso3="SLV",
            state_name="El Salvador",
            instrument="amendment_art8_2017_biological",
            action="ratification",
            date="2020-01-01",
        ),
    )
    before = snapshot_of_db()
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_treaties", str(data_copy), stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    assert "ev-9010: SLV, amendment_art8_2017_biological" in err.getvalue()
    assert snapshot_of_db() == before


def test_the_file_is_read_as_utf8_with_or_without_a_byte_order_mark(data_copy):
    path = data_copy / "states.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    out = io.StringIO()
    call_command("import_treaties", str(data_copy), stdout=out)
    assert State.objects.get(iso3="CIV").name_en == "Côte d'Ivoire"
