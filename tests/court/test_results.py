"""Results computed from the stored facts by the election engine (nothing derived is stored).

Expected values are typed in from data/court/elections/2013.json (the official tally) and
docs/elections.md, or worked out by hand for the fictional demo election (court/demo.py).
"""

import pytest

from commonbonds.court import results
from commonbonds.court.models import Candidate, Election, Round, RoundVote

pytestmark = pytest.mark.django_db


def test_the_2013_by_election_replays_from_the_models(election_2013):
    outcome = results.results_for(election_2013, "en")
    assert outcome.error == ""
    (ballot,) = outcome.rounds
    # 99 ballot papers, 0 invalid, 1 abstention: 98 voting, 66 required (2013.json).
    assert (ballot.valid, ballot.voting, ballot.required) == (99, 98, 66)
    assert [c.name for c in outcome.elected] == ["Geoffrey A. Henderson"]
    assert outcome.finished and outcome.next is None
    # docs/elections.md: Latin American and Caribbean MVR 1 (3 - 2 remaining), others 0.
    nomination = {m["code"]: m["value"] for m in outcome.nomination_mvrs}
    assert nomination["Latin American and Caribbean States"] == 1
    assert sum(nomination.values()) == 1


def test_before_the_first_ballot_the_page_knows_its_requirements(states):
    from .conftest import election_from_fixture

    election = election_from_fixture("2013.json", with_rounds=False)
    outcome = results.results_for(election, "en")
    assert outcome.rounds == [] and not outcome.finished
    assert outcome.next.number == 1
    assert outcome.next.max_marks == 1
    # One GRULAC candidate for an MVR of 1: ceil(1/2) = 1 (docs/elections.md, ballot 1).
    assert [(m["code"], m["value"]) for m in outcome.next.mvrs] == [
        ("Latin American and Caribbean States", 1)
    ]
    assert any("ceil" in line or "rounded up" in line for line in outcome.next.explanations)


def test_the_demo_election_after_its_first_ballot(demo_election):
    outcome = results.results_for(demo_election, "en")
    # 120 papers - 2 invalid = 118 voting; two thirds rounded up = 79.
    assert outcome.rounds[0].required == 79
    assert [c.name for c in outcome.elected] == ["Aiko Fennwright", "Zofia Kellavar"]
    # By hand: list A 9 - 6 remaining - 2 elected = 1; Asia-Pacific 3 - 1 - 1 = 1; the rest 0.
    assert {m["code"]: m["value"] for m in outcome.next.mvrs} == {
        "A": 1,
        "Asia-Pacific States": 1,
    }
    assert outcome.next.max_marks == 4
    assert outcome.open_seats == 4


def test_explanations_are_rendered_in_the_language_asked(demo_election):
    english = results.results_for(demo_election, "en")
    french = results.results_for(demo_election, "fr")
    assert english.next.explanations[0].startswith("Marks allowed per ballot paper")
    assert french.next.explanations[0] != english.next.explanations[0]


def test_the_cache_is_keyed_on_the_revision(demo_election):
    first = results.results_for(demo_election, "en")
    assert results.results_for(demo_election, "en") is first
    Election.objects.filter(pk=demo_election.pk).update(revision=5)
    demo_election.refresh_from_db()
    assert results.results_for(demo_election, "en") is not first


def test_invalid_facts_are_explained_not_hidden(demo_election):
    round_ = Round.objects.get(election=demo_election, number=1)
    round_.invalid = 200  # more invalid ballots than papers
    round_.save()
    Election.objects.filter(pk=demo_election.pk).update(revision=9)
    demo_election.refresh_from_db()
    outcome = results.results_for(demo_election, "en")
    assert "200 invalid ballots is more than the 120 ballot papers" in outcome.error


def test_the_prosecutor_needs_an_absolute_majority_of_states_parties(states):
    from commonbonds.treaties.models import State

    kenya = State.objects.get(iso3="KEN")
    election = Election.objects.create(
        slug="prosecutor",
        kind="prosecutor",
        year=2021,
        seats=1,
        published=True,
        parties_african=33,
        parties_asia_pacific=19,
        parties_eastern_european=18,
        parties_latin_american_caribbean=28,
        parties_western_european_other=25,
    )
    a = Candidate.objects.create(
        election=election,
        name="A",
        gender="M",
        regional_group="african",
        nationality=kenya,
        nominating_state=kenya,
    )
    b = Candidate.objects.create(
        election=election,
        name="B",
        gender="F",
        regional_group="african",
        nationality=kenya,
        nominating_state=kenya,
    )
    round_ = Round.objects.create(election=election, number=1, ballot_papers=123)
    RoundVote.objects.create(round=round_, candidate=a, votes=62)
    RoundVote.objects.create(round=round_, candidate=b, votes=61)
    outcome = results.results_for(election, "en")
    # 123 States Parties: an absolute majority is 62 (art. 42(4)).
    assert outcome.rounds[0].required == 62
    assert [c.name for c in outcome.elected] == ["A"]
    assert results.absolute_majority(123) == 62
    assert results.absolute_majority(124) == 63
