"""Property tests: whatever the election and the options, the invariants of §4-§5 hold."""

from itertools import combinations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commonbonds.court.elections import (
    CATEGORIES,
    GENDERS,
    LISTS,
    REGIONS,
    BallotTally,
    Election,
    ElectionRunner,
    Options,
    Person,
    can_meet,
    classify_ballot,
    count_ballots,
    required_majority,
)

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NATIONALITIES = [f"State {i}" for i in range(30)]


@st.composite
def people(draw, prefix, min_size, max_size, nationalities):
    n = draw(st.integers(min_size, max_size))
    out = []
    for i in range(n):
        out.append(
            Person(
                f"{prefix}{i}",
                draw(st.sampled_from(LISTS)),
                draw(st.sampled_from(REGIONS)),
                draw(st.sampled_from(GENDERS)),
                draw(nationalities),
            )
        )
    return out


@st.composite
def elections(draw):
    seats = draw(st.integers(1, 9))
    # Remaining judges hold distinct nationalities (art. 36(7)); candidates may share one.
    judge_nats = draw(st.lists(st.sampled_from(NATIONALITIES), unique=True, max_size=18 - seats))
    remaining = [
        Person(
            f"J{i}",
            draw(st.sampled_from(LISTS)),
            draw(st.sampled_from(REGIONS)),
            draw(st.sampled_from(GENDERS)),
            nat,
        )
        for i, nat in enumerate(judge_nats)
    ]
    candidates = draw(people("C", 0, 14, st.sampled_from(NATIONALITIES)))
    groups = {g: draw(st.integers(0, 40)) for g in REGIONS}
    return Election(seats, groups, remaining, candidates)


options_strategy = st.builds(
    Options,
    last_seat_tie=st.sampled_from(["none_of_tied", "nobody"]),
    cutoff_from_ballot=st.one_of(st.none(), st.integers(1, 5)),
    cutoff_keep_more_candidates_than_seats=st.booleans(),
    cutoff_protect_list_mvrs=st.booleans(),
    cutoff_tie=st.sampled_from(["remove_none", "remove_all"]),
    scarcity_rounding=st.sampled_from(["ceil", "floor"]),
    scarcity_recompute=st.booleans(),
    feasibility_test=st.sampled_from(["joint", "separate", "off"]),
    feasibility_drop_is_permanent=st.booleans(),
    list_infeasible=st.sampled_from(["keep", "cap", "drop"]),
    regional_rule=st.sampled_from(["res6", "first_election"]),
    mvr_ballot_limit=st.integers(1, 6),
)


@st.composite
def tallies(draw, rules):
    voting = draw(st.integers(0, 130))
    invalid = draw(st.integers(0, 15))
    abstentions = draw(st.integers(0, 5))
    names = [c.name for c in rules.on_ballot]
    votes = {n: draw(st.integers(0, voting)) for n in names}
    # Valid ballots carry at most max_marks marks each: trim the largest totals to fit.
    cap = voting * rules.max_marks
    while sum(votes.values()) > cap:
        top = max(votes, key=votes.get)
        votes[top] -= min(votes[top], sum(votes.values()) - cap)
    return BallotTally(voting + invalid + abstentions, invalid, abstentions, votes)


@SETTINGS
@given(election=elections(), options=options_strategy, data=st.data())
def test_election_invariants(election, options, data):
    runner = ElectionRunner(election, options)
    nomination = runner.nomination.mvrs.as_dict()
    assert list(nomination) == list(CATEGORIES)
    assert all(v >= 0 for v in nomination.values())
    judge_nationalities = {j.nationality for j in election.remaining_judges}
    elected_total: list[str] = []
    for _ in range(data.draw(st.integers(1, 8))):
        if runner.finished:
            break
        on_ballot = [c.name for c in runner.on_ballot]
        withdrawn = data.draw(
            st.lists(st.sampled_from(on_ballot), unique=True, max_size=2)
            if on_ballot
            else st.just([])
        )
        rules = runner.open_ballot(withdrawn)
        active = rules.mvrs.as_dict()
        # MVRs are never negative, and adjustments and elections only ever lower them.
        assert list(active) == list(CATEGORIES)
        assert all(0 <= active[c] <= nomination[c] for c in CATEGORIES)
        # Never more marks than seats.
        assert 1 <= rules.max_marks == rules.open_seats <= election.seats
        supply = {c: sum(c in p.categories for p in rules.on_ballot) for c in CATEGORIES}
        if options.scarcity_recompute and rules.round <= options.mvr_ballot_limit:
            for c in (*REGIONS, *GENDERS):
                if active[c]:
                    assert 2 * active[c] <= supply[c] + 1  # M6 leaves no scarce MVR standing
        if options.feasibility_test == "joint" and any(active[c] for c in (*REGIONS, *GENDERS)):
            assert can_meet(active, rules.on_ballot, rules.open_seats)
        tally = data.draw(tallies(rules))
        result = runner.close_ballot(tally)
        # Elected never exceed the open seats, and nobody below the majority is elected.
        assert len(result.elected) <= rules.open_seats
        for name in result.elected:
            assert result.votes[name] >= result.required
            assert result.votes[name] > 0
        elected_total.extend(result.elected)
        # A ballot marking more candidates than seats is invalid.
        if len(rules.on_ballot) > rules.max_marks:
            marks = [c.name for c in rules.on_ballot[: rules.max_marks + 1]]
            assert classify_ballot(marks, rules).status == "invalid"
    assert len(elected_total) == len(set(elected_total)) <= election.seats
    nationalities = [election.candidate(n).nationality for n in elected_total]
    assert len(set(nationalities)) == len(nationalities)  # E5
    assert not set(nationalities) & judge_nationalities


@SETTINGS
@given(voting=st.integers(0, 500))
def test_required_majority_is_two_thirds_rounded_up(voting):
    required = required_majority(voting)
    assert 3 * required >= 2 * voting > 3 * (required - 1)


@SETTINGS
@given(papers=st.integers(0, 200), data=st.data())
def test_count_adds_up(papers, data):
    invalid = data.draw(st.integers(0, papers))
    abstentions = data.draw(st.integers(0, papers - invalid))
    count = count_ballots(papers, invalid, abstentions)
    assert count.valid + count.invalid == papers
    assert count.voting + count.abstentions == count.valid
    assert 0 <= count.required <= count.voting


@settings(max_examples=300, deadline=None)
@given(
    candidates=people("X", 0, 8, st.sampled_from(NATIONALITIES[:6])),
    needs=st.fixed_dictionaries({c: st.integers(0, 3) for c in CATEGORIES}),
    seats=st.integers(0, 6),
)
def test_can_meet_agrees_with_brute_force(candidates, needs, seats):
    def meets(group):
        if len({p.nationality for p in group}) != len(group):
            return False
        return all(sum(c in p.categories for p in group) >= n for c, n in needs.items())

    brute = any(
        meets(group)
        for size in range(min(seats, len(candidates)) + 1)
        for group in combinations(candidates, size)
    )
    assert can_meet(needs, candidates, seats) == brute
