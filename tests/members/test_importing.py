"""Import of organisations from CSV: line-numbered errors, nothing written on error, duplicate
warnings across scripts and spellings, the same through the command and the admin."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from commonbonds.core.errors import PermissionDeniedError
from commonbonds.core.models import AuditEntry
from commonbonds.members import actions
from commonbonds.members.models import IssueTeam, Organisation, Person, StatusChange

HEADER = "name,name_latin,acronym,country,city,type,website,status,member_since,listed_publicly,issue_teams,contact_name,contact_email,contact_language\n"  # noqa: E501
GOOD = (
    HEADER
    + "Kestrel Rights Collective,,KRC,KEN,Nairobi,national_ngo,https://krc.example.org,member,2004-05-01,yes,victims,Wanjiru Example,w@example.org,en\n"  # noqa: E501
    + "تحالف الفنار للعدالة,Tahaluf al-Fanar lil-Adala,,JOR,Amman,national_coalition,"
    + ",member,,no,,,,\n"
    + 'Colectivo "Garza Azul",,,FRA,,other,,applicant,,,,,,\n'
)
EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "members_example.csv"


@pytest.fixture
def editor(make_user):
    return make_user("editor")


@pytest.fixture
def teams(db):
    return IssueTeam.objects.create(slug="victims", name_en="Victims' rights")


def test_a_clean_file_is_imported_with_its_people_and_audited(states, teams, editor):
    report = actions.import_organisations(acting_user=editor, text=GOOD, filename="members.csv")
    assert len(report.created) == 3 and report.errors == [] and report.warnings == []
    kestrel = Organisation.objects.get(acronym="KRC")
    assert kestrel.name_latin == "Kestrel Rights Collective"  # defaults to the Latin name
    assert kestrel.listed_publicly and kestrel.listing_consent_changed_by == editor
    assert str(kestrel.member_since) == "2004-05-01"
    assert list(kestrel.issue_teams.values_list("slug", flat=True)) == ["victims"]
    assert Person.objects.get(email="w@example.org").roles.get().organisation == kestrel
    fanar = Organisation.objects.get(country_id="JOR")
    assert fanar.name == "تحالف الفنار للعدالة" and not fanar.listed_publicly
    assert Organisation.objects.get(country_id="FRA").name == 'Colectivo "Garza Azul"'
    assert StatusChange.objects.count() == 3
    entry = AuditEntry.objects.get(action="members.organisations.imported")
    assert entry.data["count"] == 3 and entry.data["filename"] == "members.csv"


def test_errors_are_reported_with_line_numbers_and_nothing_is_written(states, teams, editor):
    text = (
        HEADER
        + "Good One,,,KEN,,national_ngo,,member,,,,,,\n"  # line 2: fine
        + "Bad Country,,,XXX,,national_ngo,,member,,,,,,\n"  # line 3
        + '"Multi\nline name",,,KEN,,cult,,member,,,,,,\n'  # lines 4-5: bad type
        + "تحالف,,,JOR,,other,,member,,,,,,\n"  # line 6: no Latin name
        + "Dated,,,KEN,,other,,member,2004-13-01,maybe,nope,,,\n"  # line 7: three errors
        + "Short,row\n"  # line 8
    )
    with pytest.raises(actions.ImportRefused) as exc:
        actions.import_organisations(acting_user=editor, text=text)
    errors = exc.value.report.errors
    assert [e.split(":")[0] for e in errors] == [
        "Line 3",
        "Line 4",
        "Line 6",
        "Line 7",
        "Line 7",
        "Line 7",
        "Line 8",
    ]
    assert "“XXX” is not a known country" in errors[0]
    assert not Organisation.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("", "The file is empty."),
        ("name,colour\nX,blue\n", "Line 1: unknown columns: colour."),
        ("name,acronym\nX,Y\n", "Line 1: missing columns: country."),
        (HEADER, "The file has no organisations."),
    ],
)
def test_bad_headers(states, editor, text, error):
    with pytest.raises(actions.ImportRefused) as exc:
        actions.import_organisations(acting_user=editor, text=text)
    assert exc.value.report.errors[0].startswith(error)


def test_likely_duplicates_are_warnings_to_accept(states, editor, make_org):
    make_org(name="Kenyan Section of the ICJ", name_latin="Kenyan Section of the ICJ")
    text = (
        "name,name_latin,country\n"
        "Kenyan Section of the I.C.J.,,KEN\n"  # like the one on record
        "جمعية أحرار للعدالة,Jamiyat Ahrar lil-Adala,JOR\n"
        "جمعية احرار للعداله,Ahrar Association,JOR\n"  # the same Arabic name, other spelling
        "Kenyan Section of the ICJ,,UGA\n"  # same name, another country: no warning
    )
    with pytest.raises(actions.ImportRefused) as exc:
        actions.import_organisations(acting_user=editor, text=text)
    assert exc.value.code == "import_duplicates"
    warnings = exc.value.report.warnings
    assert len(warnings) == 2
    assert warnings[0].startswith("Line 2: “Kenyan Section of the I.C.J.” looks like")
    assert warnings[1] == "Line 4: “Ahrar Association” looks like the organisation on line 3."
    assert Organisation.objects.count() == 1
    report = actions.import_organisations(acting_user=editor, text=text, accept_warnings=True)
    assert len(report.created) == 4 and len(report.warnings) == 2


def test_only_those_allowed_import(states, make_user):
    with pytest.raises(PermissionDeniedError):
        actions.import_organisations(acting_user=make_user("regional_coordinator"), text=GOOD)


def test_the_example_file_in_data_imports_cleanly(states, teams, editor):
    IssueTeam.objects.create(slug="budget-finance", name_en="Budget and finance")
    IssueTeam.objects.create(slug="elections", name_en="Elections")
    report = actions.import_organisations(
        acting_user=editor, text=EXAMPLE.read_text(encoding="utf-8"), accept_warnings=True
    )
    assert len(report.created) == 4


def test_the_command_imports_and_exits_2_on_errors(states, teams, editor, tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    out = StringIO()
    call_command("import_organisations", str(good), "--as", editor.email, stdout=out)
    assert "3 organisations imported." in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,country\nX,XXX\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import_organisations", str(bad), "--as", editor.email, stderr=err)
    assert exc.value.returncode == 2
    assert "error: Line 2:" in err.getvalue()
    assert Organisation.objects.count() == 3


def test_the_command_stops_on_duplicates_unless_accepted(states, editor, tmp_path, make_org):
    make_org(name="Blue Heron Forum", name_latin="Blue Heron Forum")
    path = tmp_path / "dup.csv"
    path.write_text("name,country\nBlue Heron Forum.,KEN\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="--accept-warnings"):
        call_command("import_organisations", str(path), "--as", editor.email, stderr=err)
    assert "warning: Line 2" in err.getvalue()
    call_command(
        "import_organisations", str(path), "--as", editor.email, "--accept-warnings",
        stdout=StringIO(),
    )  # fmt: skip
    assert Organisation.objects.count() == 2


def test_the_admin_screen_imports_the_same_way(states, teams, client_for):
    client = client_for("editor")
    url = "/admin/members/import/"
    assert client.get(url).status_code == 200
    bad = SimpleUploadedFile("bad.csv", b"name,country\nX,XXX\n", content_type="text/csv")
    response = client.post(url, {"file": bad})
    assert response.status_code == 200
    assert "Line 2: “XXX” is not a known country" in response.content.decode()
    good = SimpleUploadedFile("good.csv", GOOD.encode(), content_type="text/csv")
    response = client.post(url, {"file": good})
    assert response.status_code == 302
    assert Organisation.objects.count() == 3


def test_the_admin_screen_is_refused_to_coordinators(client_for):
    assert client_for("regional_coordinator").get("/admin/members/import/").status_code == 302
