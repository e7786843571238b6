"""The Court's actions: audit written, revision bumped, nothing saved halfway on bad input."""

import datetime

import pytest
from django.core import mail, signing
from django.utils import timezone

from commonbonds.core.errors import DomainError, PermissionDeniedError
from commonbonds.core.models import AuditEntry
from commonbonds.court import actions, results
from commonbonds.court.models import (
    Answer,
    BudgetFigure,
    Candidate,
    Case,
    Election,
    Question,
    QuestionnaireResponse,
    Round,
    RoundVote,
)

pytestmark = pytest.mark.django_db

BALLOT_2 = {  # worked out by hand: 120 voting, 80 required, Adaeze Tollwin alone elected
    "Dev Oranthal": 79,
    "Mei-Lin Castellow": 60,
    "Tenzin Arbourne": 40,
    "Adaeze Tollwin": 90,
    "Valeria Montescudo": 70,
    "Ingrid Saelborn": 60,
    "Radu Ostemir": 20,
    "Baraka Wendholm": 10,
    "Tomás Harrowgate": 10,
    "Pierre Lanvallon": 5,
}


@pytest.fixture
def editor(make_user):
    return make_user("editor")


def _votes(election, named):
    ids = {c.name: c.pk for c in election.candidates.all()}
    return {ids[name]: n for name, n in named.items()}


# -- ballots ------------------------------------------------------------------------------------


def test_entering_a_ballot_stores_facts_audits_and_bumps_the_revision(demo_election, editor):
    revision = demo_election.revision
    round_ = actions.enter_round(
        acting_user=editor,
        election=demo_election,
        ballot_papers=120,
        votes=_votes(demo_election, BALLOT_2),
    )
    assert round_.number == 2
    demo_election.refresh_from_db()
    assert demo_election.revision == revision + 1
    entry = AuditEntry.objects.get(action="court.round.entered")
    assert entry.data["number"] == 2 and entry.data["ballot_papers"] == 120
    outcome = results.results_for(demo_election, "en")
    assert [c.name for c in outcome.rounds[-1].elected] == ["Adaeze Tollwin"]
    assert outcome.rounds[-1].required == 80
    # By hand: Asia-Pacific 3 - 1 remaining - 1 elected = 1; list A 9 - 6 - 3 = 0.
    assert {m["code"]: m["value"] for m in outcome.next.mvrs} == {"Asia-Pacific States": 1}
    assert outcome.next.max_marks == 3


def test_a_ballot_the_rules_refuse_is_not_saved(demo_election, editor):
    revision = demo_election.revision
    with pytest.raises(DomainError) as excinfo:
        actions.enter_round(
            acting_user=editor,
            election=demo_election,
            ballot_papers=120,
            invalid=130,
            votes=_votes(demo_election, BALLOT_2),
        )
    assert "130 invalid ballots is more than the 120 ballot papers" in str(excinfo.value)
    assert Round.objects.filter(election=demo_election).count() == 1
    assert RoundVote.objects.filter(round__election=demo_election).count() == 12
    demo_election.refresh_from_db()
    assert demo_election.revision == revision
    assert not AuditEntry.objects.filter(action="court.round.entered").exists()


def test_votes_for_a_candidate_already_elected_are_refused(demo_election, editor):
    with pytest.raises(DomainError, match="no longer on the ballot"):
        actions.enter_round(
            acting_user=editor,
            election=demo_election,
            ballot_papers=120,
            votes=_votes(demo_election, {"Aiko Fennwright": 10}),
        )


def test_correcting_the_last_ballot_replaces_it_and_a_refused_correction_keeps_it(
    demo_election, editor
):
    actions.enter_round(
        acting_user=editor,
        election=demo_election,
        ballot_papers=120,
        votes=_votes(demo_election, BALLOT_2),
    )
    with pytest.raises(DomainError):
        actions.enter_round(
            acting_user=editor,
            election=demo_election,
            ballot_papers=10,
            votes=_votes(demo_election, BALLOT_2),
            correct_last=True,
        )
    assert Round.objects.get(election=demo_election, number=2).ballot_papers == 120
    fixed = dict(BALLOT_2, **{"Dev Oranthal": 81})
    actions.enter_round(
        acting_user=editor,
        election=demo_election,
        ballot_papers=120,
        votes=_votes(demo_election, fixed),
        correct_last=True,
    )
    assert Round.objects.filter(election=demo_election).count() == 2
    entry = AuditEntry.objects.get(action="court.round.corrected")
    assert entry.changes["votes"][0]["Dev Oranthal"] == 79
    assert entry.changes["votes"][1]["Dev Oranthal"] == 81


def test_removing_the_last_ballot(demo_election, editor):
    actions.remove_last_round(acting_user=editor, election=demo_election)
    assert not Round.objects.filter(election=demo_election).exists()
    assert AuditEntry.objects.filter(action="court.round.removed").exists()
    with pytest.raises(DomainError):
        actions.remove_last_round(acting_user=editor, election=demo_election)


def test_only_those_allowed_enter_ballots(demo_election, make_user):
    for role in (None, "focal_point", "finance_officer", "regional_coordinator"):
        user = make_user(role) if role else None
        with pytest.raises(PermissionDeniedError):
            actions.enter_round(
                acting_user=user,
                election=demo_election,
                ballot_papers=120,
                votes=_votes(demo_election, BALLOT_2),
            )


# -- candidates ---------------------------------------------------------------------------------


def test_a_demonstration_election_names_no_real_state(demo_election, editor, states):
    from commonbonds.treaties.models import State

    with pytest.raises(DomainError, match="fictional"):
        actions.save_candidate(
            acting_user=editor,
            election=demo_election,
            values={
                "name": "New Person",
                "judge_list": "A",
                "gender": "F",
                "regional_group": "african",
                "nationality": State.objects.get(iso3="KEN"),
                "fictional_country": "Ruritania",
            },
        )
    assert not Candidate.objects.filter(name="New Person").exists()


def test_a_real_candidate_needs_a_nationality_and_takes_its_group(states, editor):
    from commonbonds.treaties.models import State

    election = actions.save_election(
        acting_user=editor, values={"kind": "judges", "year": 2026, "seats": 6}
    )
    with pytest.raises(DomainError, match="nationality"):
        actions.save_candidate(
            acting_user=editor,
            election=election,
            values={"name": "X", "judge_list": "A", "gender": "F"},
        )
    ghana = State.objects.get(iso3="GHA")
    candidate = actions.save_candidate(
        acting_user=editor,
        election=election,
        values={
            "name": "X",
            "judge_list": "A",
            "gender": "F",
            "nationality": ghana,
            "nominating_state": ghana,
            "email": "x@example.org",
        },
    )
    assert candidate.regional_group == "african"
    entry = AuditEntry.objects.get(action="court.candidate.added")
    assert "x@example.org" not in str(entry.data) + str(entry.changes)
    actions.save_candidate(
        acting_user=editor,
        election=election,
        candidate=candidate,
        values={"email": "y@example.org"},
    )
    changed = AuditEntry.objects.get(action="court.candidate.changed")
    assert changed.changes["email"] == ["[redacted]", "[redacted]"]


def test_a_candidate_in_a_ballot_cannot_be_removed(demo_election, editor):
    candidate = demo_election.candidates.get(name="Dev Oranthal")
    with pytest.raises(DomainError):
        actions.remove_candidate(acting_user=editor, candidate=candidate)
    assert Candidate.objects.filter(pk=candidate.pk).exists()


def test_bad_engine_options_are_refused(editor):
    with pytest.raises(DomainError, match="Unknown option"):
        actions.save_election(
            acting_user=editor,
            values={"kind": "judges", "year": 2026, "seats": 6, "engine_options": {"nope": 1}},
        )
    assert not Election.objects.exists()


# -- the budget ---------------------------------------------------------------------------------


def test_staff_enter_a_budget_year_in_stages(editor):
    amounts = {"total": 195_000_000}
    actions.enter_budget_year(
        acting_user=editor,
        year=2025,
        stage="proposed",
        amounts=amounts,
        source_url="https://asp.icc-cpi.int/proposed",
    )
    actions.enter_budget_year(
        acting_user=editor,
        year=2025,
        stage="cbf_recommended",
        amounts={"total": 190_000_000},
        source_url="https://asp.icc-cpi.int/cbf",
    )
    assert BudgetFigure.objects.filter(year=2025).count() == 2
    entry = AuditEntry.objects.filter(action="court.budget.entered").first()
    assert entry.data["year"] == 2025


def test_figures_that_do_not_add_up_are_refused_and_nothing_is_saved(editor):
    amounts = {
        "total_excl_hsl": 100,
        "mp1_judiciary": 10,
        "mp2_otp": 10,
        "mp3_registry": 10,
        "mp4_sasp": 10,
        "mp5_premises": 10,
        "mp6_stfv": 10,
        "mp7_5_iom": 10,
        "mp7_6_oia": 10,
    }
    with pytest.raises(DomainError, match="add up"):
        actions.enter_budget_year(
            acting_user=editor,
            year=2025,
            stage="approved",
            amounts=amounts,
            source_url="https://asp.icc-cpi.int/x",
        )
    assert not BudgetFigure.objects.exists()


def test_finance_officers_enter_budget_years_and_focal_points_do_not(make_user):
    actions.enter_budget_year(
        acting_user=make_user("finance_officer"),
        year=2025,
        stage="approved",
        amounts={"total": 1},
        source_url="https://asp.icc-cpi.int/x",
    )
    with pytest.raises(PermissionDeniedError):
        actions.enter_budget_year(
            acting_user=make_user("focal_point"),
            year=2025,
            stage="approved",
            amounts={"total": 2},
            source_url="https://asp.icc-cpi.int/x",
        )


# -- cases --------------------------------------------------------------------------------------


def test_a_case_with_an_unknown_key_date_is_refused(court_data, editor):
    case = Case.objects.get(slug="dominic-ongwen")
    with pytest.raises(DomainError, match="unknown key date"):
        actions.save_case(
            acting_user=editor,
            case=case,
            values={"key_dates": case.key_dates + ";retrial:2025-01-01"},
        )
    case.refresh_from_db()
    assert "retrial" not in case.key_dates and not case.edited_by_staff


# -- questionnaires -----------------------------------------------------------------------------


@pytest.fixture
def candidate(demo_election):
    c = demo_election.candidates.get(name="Dev Oranthal")
    c.email = "dev@example.org"
    c.language = "fr"
    c.save()
    return c


def _token(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


def test_a_link_is_emailed_after_commit_in_the_candidates_language(
    candidate, editor, django_capture_on_commit_callbacks, settings
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        url = actions.issue_questionnaire_link(acting_user=editor, candidate=candidate)
    assert "/fr/court/questionnaire/" in url
    (message,) = mail.outbox
    assert message.to == ["dev@example.org"]
    assert url in message.body
    assert message.subject.startswith("Questionnaire")  # translated once catalogues compile
    entry = AuditEntry.objects.get(action="court.questionnaire.link_issued")
    assert _token(url) not in str(entry.data)


def test_the_candidate_saves_submits_and_staff_approve(candidate, editor):
    url = actions.issue_questionnaire_link(acting_user=editor, candidate=candidate, send=False)
    token = _token(url)
    q1, q2 = Question.objects.filter(election=candidate.election)
    actions.save_answers(token=token, answers={q1.pk: "Draft one."}, language="fr")
    with pytest.raises(DomainError, match="every question"):
        actions.save_answers(token=token, answers={q1.pk: "One."}, language="fr", submit=True)
    response = actions.save_answers(
        token=token, answers={q1.pk: "One.", q2.pk: "Two."}, language="fr", submit=True
    )
    assert response.status == "submitted"
    with pytest.raises(DomainError, match="sent already"):
        actions.save_answers(token=token, answers={q1.pk: "Changed."}, language="fr")
    assert Answer.objects.get(question=q1).text == "One."
    actions.approve_questionnaire(acting_user=editor, response=response)
    assert QuestionnaireResponse.objects.get(pk=response.pk).status == "approved"
    actions.reopen_questionnaire(acting_user=editor, response=response)
    assert QuestionnaireResponse.objects.get(pk=response.pk).status == "draft"
    codes = set(AuditEntry.objects.values_list("action", flat=True))
    assert {
        "court.questionnaire.saved",
        "court.questionnaire.submitted",
        "court.questionnaire.approved",
        "court.questionnaire.reopened",
    } <= codes


def test_a_new_link_revokes_the_old_one(candidate, editor):
    old = _token(
        actions.issue_questionnaire_link(acting_user=editor, candidate=candidate, send=False)
    )
    new = _token(
        actions.issue_questionnaire_link(acting_user=editor, candidate=candidate, send=False)
    )
    assert actions.open_questionnaire(new) == candidate
    with pytest.raises(DomainError, match="not valid"):
        actions.open_questionnaire(old)


def test_a_tampered_or_expired_link_is_refused(candidate, editor, monkeypatch):
    token = _token(
        actions.issue_questionnaire_link(acting_user=editor, candidate=candidate, send=False)
    )
    with pytest.raises(DomainError):
        actions.open_questionnaire(token[:-2] + "xx")
    forged = signing.dumps({"c": candidate.pk, "n": candidate.questionnaire_nonce}, salt="other")
    with pytest.raises(DomainError):
        actions.open_questionnaire(forged)
    later = timezone.now() + datetime.timedelta(days=actions.QUESTIONNAIRE_LINK_DAYS + 1)
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    with pytest.raises(DomainError):
        actions.open_questionnaire(token)


def test_no_link_before_questions_exist(states, editor):
    from commonbonds.treaties.models import State

    election = actions.save_election(
        acting_user=editor, values={"kind": "judges", "year": 2026, "seats": 6}
    )
    kenya = State.objects.get(iso3="KEN")
    c = actions.save_candidate(
        acting_user=editor,
        election=election,
        values={
            "name": "K",
            "judge_list": "A",
            "gender": "F",
            "nationality": kenya,
            "nominating_state": kenya,
        },
    )
    with pytest.raises(PermissionDeniedError):
        actions.issue_questionnaire_link(acting_user=editor, candidate=c)


# -- demonstration content ----------------------------------------------------------------------


def test_the_demo_is_fictional_and_removable_in_one_go(demo_election):
    assert demo_election.is_demo
    assert not demo_election.candidates.filter(nationality__isnull=False).exists()
    assert not demo_election.candidates.filter(nominating_state__isnull=False).exists()
    assert not demo_election.remaining_judges.filter(nationality__isnull=False).exists()
    assert actions.create_demo_election() == demo_election  # again: unchanged
    assert actions.remove_demo_elections() == 1
    assert not Election.objects.exists()
    assert not Candidate.objects.exists()
