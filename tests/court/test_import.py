"""`commonbonds import_court`: checked first, line-numbered errors, nothing written unless every
file is valid, keyed on stable keys, idempotent, staff corrections win and are reported."""

import datetime
import re

import pytest
from django.core.management.base import CommandError

from commonbonds.core.models import AuditEntry
from commonbonds.court.models import (
    AssemblySession,
    BudgetFigure,
    Case,
    CourtDataset,
    Situation,
)

from .conftest import DATA, import_court

pytestmark = pytest.mark.django_db


def _replace_line(path, line: int, old: str, new: str) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1], lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    path.write_text("".join(lines), encoding="utf-8")


def test_the_shipped_data_imports_with_the_counts_of_its_readme(states):
    out = import_court()
    # data/README_icc.md: 36 sessions, 30 situations, 42 cases, 33 budget rows.
    assert AssemblySession.objects.count() == 36
    assert Situation.objects.count() == 30
    assert Case.objects.count() == 42
    assert BudgetFigure.objects.count() == 33
    assert "141 created, 0 changed" in out
    # README: 17 investigations, 3 ongoing preliminary examinations, 3 closed, 7 declined.
    assert Situation.objects.filter(stage="investigation").count() == 17
    assert Situation.objects.filter(stage="preliminary_examination").count() == 3
    assert Situation.objects.filter(stage="closed").count() == 3
    assert Situation.objects.filter(stage="declined").count() == 7


def test_a_second_run_changes_nothing_and_writes_no_audit(states):
    import_court()
    entries = AuditEntry.objects.count()
    out = import_court()
    assert "0 created, 0 changed" in out
    assert "0 conflicts" in out
    assert AuditEntry.objects.count() == entries


def test_the_import_is_audited_row_by_row(states):
    import_court()
    assert AuditEntry.objects.filter(action="court.situation.imported").count() == 30
    assert AuditEntry.objects.filter(action="court.case.imported").count() == 42
    assert AuditEntry.objects.filter(action="court.import.completed").count() == 1


def test_sessions_have_stable_keys(states):
    import_court()
    # The 7th session was resumed twice (README: "7th (two)").
    assert set(AssemblySession.objects.filter(number="7").values_list("key", flat=True)) == {
        "7",
        "7-R1",
        "7-R2",
    }
    assert AssemblySession.objects.get(key="RC").city == "Kampala"
    assert AssemblySession.objects.get(key="S-1").start_date == datetime.date(2025, 7, 7)


def test_each_dataset_records_what_it_covers(states):
    import_court()
    dataset = CourtDataset.objects.get(key="icc_cases")
    # data/README_icc.md: "the files cover events up to the end of February 2026".
    assert dataset.data_as_of == datetime.date(2026, 2, 28)
    assert dataset.rows == 42


def test_the_readme_still_gives_the_date_the_importer_uses():
    text = (DATA / "README_icc.md").read_text(encoding="utf-8")
    assert "up to the end of February 2026" in text


def test_a_bad_row_is_reported_with_file_and_line_and_nothing_is_written(states, court_copy):
    _replace_line(court_copy / "icc_cases.csv", 10, "warrant:", "warant:")
    _replace_line(court_copy / "icc_situations.csv", 4, ",CAF,", ",XXX,")
    with pytest.raises(CommandError) as excinfo:
        import_court(court_copy)
    assert excinfo.value.returncode == 2
    assert Situation.objects.count() == 0
    assert Case.objects.count() == 0
    assert AssemblySession.objects.count() == 0
    assert not AuditEntry.objects.filter(action__startswith="court.").exists()


def test_problems_name_the_file_and_line(states, court_copy, capsys):
    from io import StringIO

    from django.core.management import call_command

    _replace_line(court_copy / "icc_cases.csv", 10, "warrant:", "warant:")
    _replace_line(court_copy / "icc_budget.csv", 3, "90400000", "ninety")
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_court", str(court_copy), stdout=StringIO(), stderr=err)
    lines = err.getvalue().splitlines()
    assert any(re.search(r"icc_cases\.csv:10: key_dates: .*warant", line) for line in lines)
    assert any(re.search(r"icc_budget\.csv:3: approved_eur \"ninety\"", line) for line in lines)


def test_an_unknown_key_date_in_a_future_file_is_an_error(states, court_copy):
    _replace_line(
        court_copy / "icc_cases.csv",
        2,
        "warrant:2006-02-10",
        "warrant:2006-02-10;retrial:2007-01-01",
    )
    with pytest.raises(CommandError):
        import_court(court_copy)


def test_figures_that_do_not_add_up_are_refused(states, court_copy):
    # 2020: the major programmes add up to the total excluding the Host State Loan.
    _replace_line(court_copy / "icc_budget.csv", 18, "12081500", "12081501")
    with pytest.raises(CommandError):
        import_court(court_copy)


def test_a_date_after_the_data_date_is_refused(states, court_copy):
    with pytest.raises(CommandError):
        import_court(court_copy, as_of=datetime.date(2025, 12, 31))


def test_staff_corrections_win_and_are_reported_as_conflicts(states, court_copy, make_user):
    from commonbonds.court import actions
    from commonbonds.treaties.models import State

    import_court(court_copy)
    uganda = Situation.objects.get(name="Uganda")
    staff = make_user("editor")
    actions.save_situation(
        acting_user=staff,
        situation=uganda,
        values={"notes": "Corrected by the secretariat.", "state": State.objects.get(iso3="UGA")},
    )
    _replace_line(court_copy / "icc_situations.csv", 3, "2004-01-29", "2004-01-30")
    out = import_court(court_copy)
    uganda.refresh_from_db()
    assert uganda.notes == "Corrected by the secretariat."
    assert uganda.opened_date == datetime.date(2004, 1, 29)
    assert "1 conflicts" in out
    assert "situation Uganda" in out
    assert "opened_date" in out


def test_a_changed_row_is_updated_and_audited(states, court_copy):
    import_court(court_copy)
    _replace_line(court_copy / "icc_cases.csv", 2, "14 years' imprisonment", "14 years in prison")
    out = import_court(court_copy)
    assert "0 created, 1 changed" in out
    case = Case.objects.get(name="The Prosecutor v. Thomas Lubanga Dyilo")
    assert "14 years in prison" in case.notes
    entry = AuditEntry.objects.get(action="court.case.reimported")
    assert "notes" in entry.changes


def test_check_only_writes_nothing(states):
    out = import_court(check=True)
    assert "30 situations, 42 cases" in out
    assert Situation.objects.count() == 0
