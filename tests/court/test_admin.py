"""The Court's staff screens: every save goes through an action; refusals show as errors."""

import pytest

from commonbonds.core.models import AuditEntry
from commonbonds.court.models import BudgetFigure, Candidate, Round

pytestmark = pytest.mark.django_db


def _ballot_post(election, votes):
    data = {"ballot_papers": "120", "invalid": "0", "abstentions": "0", "note": "", "number": "2"}
    for candidate in election.candidates.all():
        if candidate.name in votes:
            data[f"votes_{candidate.pk}"] = str(votes[candidate.name])
    return data


def test_an_editor_enters_a_ballot_from_the_election_page(client_for, demo_election):
    editor = client_for("editor")
    page = editor.get(f"/admin/court/election/inspect/{demo_election.pk}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Enter the next ballot" in html
    form = editor.get(f"/admin/court/election/{demo_election.pk}/ballot/")
    assert form.status_code == 200
    assert "Votes for Dev Oranthal" in form.content.decode()
    assert "Votes for Aiko Fennwright" not in form.content.decode()  # elected in ballot 1
    response = editor.post(
        f"/admin/court/election/{demo_election.pk}/ballot/",
        _ballot_post(demo_election, {"Adaeze Tollwin": 90, "Dev Oranthal": 79}),
    )
    assert response.status_code == 302
    assert Round.objects.filter(election=demo_election).count() == 2


def test_a_refused_ballot_is_shown_as_a_form_error(client_for, demo_election):
    editor = client_for("editor")
    data = _ballot_post(demo_election, {"Adaeze Tollwin": 90})
    data["invalid"] = "500"
    response = editor.post(f"/admin/court/election/{demo_election.pk}/ballot/", data)
    assert response.status_code == 200
    assert "500 invalid ballots is more than the 120 ballot papers" in response.content.decode()
    assert Round.objects.filter(election=demo_election).count() == 1


def test_a_finance_officer_cannot_enter_ballots(client_for, demo_election):
    officer = client_for("finance_officer")
    response = officer.post(
        f"/admin/court/election/{demo_election.pk}/ballot/",
        _ballot_post(demo_election, {"Adaeze Tollwin": 90}),
    )
    assert response.status_code in (302, 403)
    assert Round.objects.filter(election=demo_election).count() == 1


def test_staff_enter_a_budget_year(client_for):
    officer = client_for("finance_officer")
    assert officer.get("/admin/court/enter-budget-year/").status_code == 200
    response = officer.post(
        "/admin/court/enter-budget-year/",
        {
            "year": "2026",
            "stage": "proposed",
            "source_url": "https://asp.icc-cpi.int/budget-2026",
            "note": "",
            "total": "200000000",
        },
    )
    assert response.status_code == 302
    figure = BudgetFigure.objects.get(year=2026, stage="proposed", programme="total")
    assert figure.amount_eur == 200_000_000 and figure.edited_by_staff
    assert AuditEntry.objects.filter(action="court.budget.entered").exists()


def test_adding_a_candidate_through_the_admin_goes_through_the_action(client_for, states):
    from commonbonds.court import actions
    from commonbonds.treaties.models import State

    editor = client_for("editor")
    election = actions.save_election(
        acting_user=editor.user, values={"kind": "judges", "year": 2026, "seats": 6}
    )
    kenya = State.objects.get(iso3="KEN")
    response = editor.post(
        "/admin/court/candidate/new/",
        {
            "election": election.pk,
            "name": "Wanjiru Example",
            "position": "1",
            "judge_list": "A",
            "gender": "F",
            "regional_group": "",
            "nationality": kenya.pk,
            "nominating_state": kenya.pk,
            "fictional_country": "",
            "email": "",
            "language": "en",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    candidate = Candidate.objects.get(name="Wanjiru Example")
    assert candidate.regional_group == "african"
    assert AuditEntry.objects.filter(action="court.candidate.added").exists()


def test_sending_a_link_and_approving_answers_from_the_election_page(client_for, demo_election):
    from commonbonds.court import actions

    editor = client_for("editor")
    candidate = demo_election.candidates.get(name="Dev Oranthal")
    response = editor.post(f"/admin/court/candidate/{candidate.pk}/questionnaire-link/")
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.questionnaire_sent_at is not None
    url = actions.issue_questionnaire_link(acting_user=editor.user, candidate=candidate, send=False)
    token = url.rstrip("/").rsplit("/", 1)[1]
    answers = {q.pk: "An answer." for q in demo_election.questions.all()}
    response_obj = actions.save_answers(token=token, answers=answers, language="en", submit=True)
    response = editor.post(f"/admin/court/response/{response_obj.pk}/approve/")
    assert response.status_code == 302
    response_obj.refresh_from_db()
    assert response_obj.status == "approved"


def test_imported_situations_cannot_be_deleted(client_for, court_data):
    from commonbonds.court.models import Situation

    admin = client_for("administrator")
    situation = Situation.objects.get(name="Uganda")
    response = admin.post(f"/admin/court/situation/delete/{situation.pk}/")
    assert response.status_code in (302, 403)
    assert Situation.objects.filter(pk=situation.pk).exists()


@pytest.mark.parametrize(
    "url",
    [
        "/admin/court/election/",
        "/admin/court/candidate/",
        "/admin/court/situation/",
        "/admin/court/case/",
        "/admin/court/budget/",
        "/admin/court/session/",
        "/admin/court/dataset/",
        "/admin/court/question/",
        "/admin/court/response/",
        "/admin/court/judge/",
        "/admin/court/document/",
    ],
)
def test_admin_lists_open_for_editors(client_for, court_data, demo_election, url):
    assert client_for("editor").get(url).status_code == 200


def test_a_ballot_entered_meanwhile_by_someone_else_is_not_overwritten(client_for, demo_election):
    first, second = client_for("editor"), client_for("publisher")
    data = _ballot_post(demo_election, {"Adaeze Tollwin": 90})
    assert first.post(f"/admin/court/election/{demo_election.pk}/ballot/", data).status_code == 302
    response = second.post(f"/admin/court/election/{demo_election.pk}/ballot/", data)
    assert response.status_code == 200
    assert "ballot 3 is now the one to enter" in response.content.decode()
    assert Round.objects.filter(election=demo_election).count() == 2
