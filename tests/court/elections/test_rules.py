"""Each rule and each option of the engine on small made-up elections (no real people)."""

import pytest

from commonbonds.court.elections import (
    Election,
    ElectionInputError,
    ElectionRunner,
    Options,
    RoundInput,
    can_meet,
    classify_ballot,
    count_ballots,
    elect,
    nomination_extension,
    scarcity_value,
    simulate,
)
from commonbonds.court.elections.mvr import regional_minimum

from .helpers import p, tally, zeros

AF = "African States"
AP = "Asia-Pacific States"
EE = "Eastern European States"
LA = "Latin American and Caribbean States"
WE = "Western European and Other States"
# Latin America at 16 States keeps its minimum at 2, so 14 judges can meet every minimum.
GROUPS = {AF: 33, AP: 19, EE: 18, LA: 16, WE: 25}

# 14 judges who meet every minimum but Eastern European (3 - 1 = 2): lists 9 A and 5 B,
# 6 women and 8 men, regions 3/3/1/3/4. With 4 seats the only MVR is Eastern European 2.
BENCH = [
    p("J1", "A", AF, "F"),
    p("J2", "A", AF, "M"),
    p("J3", "B", AF, "F"),
    p("J4", "A", AP, "F"),
    p("J5", "A", AP, "M"),
    p("J6", "B", AP, "M"),
    p("J7", "A", EE, "M"),
    p("J8", "A", LA, "F"),
    p("J9", "B", LA, "M"),
    p("J10", "A", LA, "M"),
    p("J11", "A", WE, "F"),
    p("J12", "B", WE, "F"),
    p("J13", "A", WE, "M"),
    p("J14", "B", WE, "M"),
]
# The same with the last judge Eastern European instead: no MVR at all (3/3/2/3/3 is short
# of 3 for Eastern Europe, so two judges move there).
NO_MVR_BENCH = [
    *BENCH[:7],
    p("J8", "A", LA, "F"),
    p("J9", "B", LA, "M"),
    p("J10", "A", EE, "M"),
    p("J11", "A", WE, "F"),
    p("J12", "B", WE, "F"),
    p("J13", "A", WE, "M"),
    p("J14", "B", EE, "M"),
]


def election(candidates, *, seats=6, remaining=None, groups=None):
    return Election(seats, groups or GROUPS, remaining or [], candidates)


# -- V4: who is elected ----------------------------------------------------------------------


def test_only_the_top_open_seats_are_elected():
    outcome = elect({"X": 90, "Y": 85, "Z": 80, "W": 10}, required=70, open_seats=2)
    assert outcome.elected == ("X", "Y")
    assert [e.code for e in outcome.explanations] == [
        "elect.elected",
        "elect.elected",
        "elect.below_open_seats",
    ]


def test_tie_for_the_last_seat_elects_nobody_in_the_tie_by_default():
    outcome = elect({"X": 90, "Y": 80, "Z": 80}, required=70, open_seats=2)
    assert outcome.elected == ("X",)
    assert outcome.explanations[-1].code == "elect.tie"


def test_tie_option_nobody_elects_nobody_in_that_ballot():
    outcome = elect(
        {"X": 90, "Y": 80, "Z": 80},
        required=70,
        open_seats=2,
        options=Options(last_seat_tie="nobody"),
    )
    assert outcome.elected == ()


def test_a_tie_that_fits_the_open_seats_elects_all():
    assert elect({"Y": 80, "Z": 80}, required=70, open_seats=2).elected == ("Y", "Z")


def test_below_the_majority_is_never_elected():
    outcome = elect({"X": 69, "Y": 40}, required=70, open_seats=6)
    assert outcome.elected == ()
    assert outcome.explanations[-1].code == "elect.none"


def test_nobody_is_elected_when_nobody_voted():
    # ceil(2/3 x 0) = 0, but a candidate needs at least one vote.
    assert elect({"X": 0}, required=0, open_seats=1).elected == ()


def test_list_maximum_of_the_first_election():
    # M5: at most 13 list A judges "considered elected".
    bench = [p(f"A{i}", "A", AF, "F") for i in range(12)]
    cands = [p("X", "A", AP, "M"), p("Y", "A", EE, "M"), p("Z", "B", LA, "M")]
    outcome = elect(
        {"X": 90, "Y": 85, "Z": 80},
        required=70,
        open_seats=6,
        candidates=cands,
        bench=bench,
        options=Options.first_election(),
    )
    assert outcome.elected == ("X", "Z")
    assert "elect.list_full" in [e.code for e in outcome.explanations]


# -- E5: nationality ---------------------------------------------------------------------------


def test_candidate_of_a_remaining_judges_nationality_leaves_the_ballot():
    remaining = [p("J", "A", AF, "F", nationality="Ruritania")]
    cands = [p("X", "A", AF, "M", nationality="Ruritania"), p("Y", "A", AP, "M")]
    runner = ElectionRunner(election(cands, seats=1, remaining=remaining))
    rules = runner.open_ballot()
    assert [c.name for c in rules.on_ballot] == ["Y"]
    assert rules.explanations[0].code == "candidate.nationality_taken"
    with pytest.raises(ElectionInputError) as err:
        runner.close_ballot(tally(100, X=80))
    assert err.value.code == "round.off_ballot_votes"


def test_second_candidate_of_a_nationality_leaves_once_the_first_is_elected():
    cands = [
        p("X", "A", AF, "M", nationality="Ruritania"),
        p("Y", "B", AF, "F", nationality="Ruritania"),
        p("Z", "A", AP, "M"),
    ]
    runner = ElectionRunner(election(cands, seats=2, remaining=NO_MVR_BENCH[:12]))
    runner.open_ballot()
    result = runner.close_ballot(tally(100, X=90))
    assert result.elected == ("X",)
    assert result.removed == ("Y",)
    assert [c.name for c in runner.open_ballot().on_ballot] == ["Z"]


def test_same_nationality_level_on_votes_is_a_tie():
    cands = [
        p("X", "A", AF, "M", nationality="Ruritania"),
        p("Y", "B", AF, "F", nationality="Ruritania"),
    ]
    outcome = elect({"X": 80, "Y": 80}, required=70, open_seats=2, candidates=cands)
    assert outcome.elected == ()


# -- M2 / M5 regional minimums ----------------------------------------------------------------


@pytest.mark.parametrize(("states", "minimum"), [(16, 2), (17, 3), (40, 3)])
def test_regional_minimum_threshold(states, minimum):
    e = election([], groups={**GROUPS, AP: states})
    assert regional_minimum(AP, e, Options()).value == minimum


@pytest.mark.parametrize(("states", "minimum"), [(14, 2), (15, 3)])
def test_first_election_regional_minimum(states, minimum):
    # M5: 3 per group, minus 1 for a group with fewer than 3/18 of all States Parties.
    # Total 90: 3/18 of 90 is 15.
    groups = {AF: 16, AP: states, EE: 15, LA: 15, WE: 44 - states}
    assert sum(groups.values()) == 90
    e = election([], groups=groups)
    assert regional_minimum(AP, e, Options.first_election()).value == minimum


# -- M6 scarcity ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mvr", "n", "ceil", "floor"),
    [(2, 4, 2, 2), (2, 3, 2, 1), (2, 1, 1, 0), (3, 0, 0, 0), (0, 0, 0, 0), (1, 5, 1, 1)],
)
def test_scarcity_value(mvr, n, ceil, floor):
    assert scarcity_value(mvr, n, "ceil") == ceil
    assert scarcity_value(mvr, n, "floor") == floor


def _scarce_election():
    # Eastern European MVR 2 (one EE judge remaining, 18 States) with three EE candidates.
    cands = [
        p("E1", "A", EE, "M"),
        p("E2", "B", EE, "F"),
        p("E3", "A", EE, "F"),
        p("O1", "A", WE, "M"),
        p("O2", "B", LA, "F"),
        p("O3", "A", AF, "M"),
    ]
    return election(cands, seats=4, remaining=BENCH)


def test_scarcity_is_recomputed_after_a_withdrawal_by_default():
    runner = ElectionRunner(_scarce_election())
    assert runner.nomination.mvrs[EE] == 2
    assert runner.open_ballot().mvrs[EE] == 2  # ceil(3/2)
    runner.close_ballot(tally(100, 0, 100))
    assert runner.open_ballot(["E3"]).mvrs[EE] == 1  # ceil(2/2)


def test_scarcity_fixed_when_voting_began_if_not_recomputed():
    runner = ElectionRunner(_scarce_election(), Options(scarcity_recompute=False))
    assert runner.open_ballot().mvrs[EE] == 2
    runner.close_ballot(tally(100, 0, 100))
    assert runner.open_ballot(["E3"]).mvrs[EE] == 2


# -- M8 joint infeasibility ------------------------------------------------------------------


def _jointly_infeasible():
    # 2 seats, 16 judges remaining. African 1, Eastern European 1 and female 1 can each be
    # met, but the only women standing are Western European: meeting all three takes 3 judges.
    remaining = [
        p("R1", "A", AF, "M"),
        p("R2", "B", AF, "M"),
        p("R3", "A", EE, "M"),
        p("R4", "B", EE, "M"),
        p("R5", "A", AP, "F"),
        p("R6", "A", AP, "M"),
        p("R7", "B", AP, "F"),
        p("R8", "A", LA, "F"),
        p("R9", "A", LA, "M"),
        p("R10", "B", LA, "M"),
        p("R11", "A", WE, "F"),
        p("R12", "A", WE, "M"),
        p("R13", "B", WE, "M"),
        p("R14", "A", WE, "M"),
        p("R15", "B", WE, "F"),
        p("R16", "A", WE, "M"),
    ]
    cands = [
        p("A1", "A", AF, "M"),
        p("A2", "B", AF, "M"),
        p("E1", "A", EE, "M"),
        p("E2", "B", EE, "M"),
        p("W1", "A", WE, "F"),
        p("W2", "B", WE, "F"),
    ]
    return election(cands, seats=2, remaining=remaining)


def test_joint_infeasibility_drops_regional_and_gender_mvrs():
    e = _jointly_infeasible()
    runner = ElectionRunner(e)
    assert runner.nomination.mvrs.as_dict() == {**zeros(), AF: 1, EE: 1, "F": 1}
    rules = runner.open_ballot()
    assert "ballot.mvr_infeasible" in [x.code for x in rules.explanations]
    assert all(rules.mvrs[c] == 0 for c in (AF, AP, EE, LA, WE, "F", "M"))


@pytest.mark.parametrize("test", ["separate", "off"])
def test_other_feasibility_tests_keep_them(test):
    rules = ElectionRunner(_jointly_infeasible(), Options(feasibility_test=test)).open_ballot()
    assert rules.mvrs.as_dict() == {**zeros(), AF: 1, EE: 1, "F": 1}


def test_dropped_mvrs_stay_dropped_unless_configured():
    for permanent, expect_back in ((True, False), (False, True)):
        runner = ElectionRunner(
            _jointly_infeasible(),
            Options(feasibility_drop_is_permanent=permanent, cutoff_from_ballot=None),
        )
        runner.open_ballot()
        runner.close_ballot(tally(100, 0, 100))
        # W1 and W2 withdraw: the female MVR falls to 0 by scarcity, the rest is feasible.
        rules = runner.open_ballot(["W1", "W2"])
        assert (rules.mvrs[AF] > 0) is expect_back


def test_can_meet_counts_one_candidate_in_three_categories():
    cands = [p("X", "B", AF, "F"), p("Y", "A", EE, "M")]
    assert can_meet({"B": 1, AF: 1, "F": 1, EE: 1}, cands, 2)
    assert not can_meet({"B": 1, AF: 1, "F": 1, EE: 1}, cands, 1)
    assert not can_meet({"F": 2}, cands, 2)


def test_can_meet_takes_one_judge_per_nationality():
    cands = [p("X", "A", AF, "F", "Ruritania"), p("Y", "A", EE, "F", "Ruritania")]
    assert not can_meet({AF: 1, EE: 1}, cands, 2)


def _list_short():
    # List B MVR 2 (3 B judges remaining), but only one B candidate is on the ballot.
    remaining = [j for j in NO_MVR_BENCH if j.name not in {"J9", "J14"}]
    cands = [p("B1", "B", LA, "F"), *[p(f"A{i}", "A", WE, "MF"[i % 2]) for i in range(6)]]
    return election(cands, seats=6, remaining=remaining)


@pytest.mark.parametrize(("mode", "b"), [("keep", 2), ("cap", 1), ("drop", 0)])
def test_list_infeasibility_modes(mode, b):
    rules = ElectionRunner(_list_short(), Options(list_infeasible=mode)).open_ballot()
    assert rules.mvrs["B"] == b
    codes = [x.code for x in rules.explanations]
    if mode == "keep":
        assert "ballot.list_mvr_infeasible_kept" in codes


# -- M9 and M10 ---------------------------------------------------------------------------------


def test_mvr_ballot_limit_option():
    runner = ElectionRunner(_scarce_election(), Options(mvr_ballot_limit=1))
    assert runner.open_ballot().mvrs[EE] == 2
    runner.close_ballot(tally(100, 0, 100))
    rules = runner.open_ballot()
    assert rules.mvrs[EE] == 0
    assert "ballot.mvr_limit" in [x.code for x in rules.explanations]


# -- §5.3 ballot validity ---------------------------------------------------------------------


def test_ballot_validity_predicate():
    rules = ElectionRunner(_scarce_election()).open_ballot()  # EE 2, 4 seats
    assert classify_ballot([], rules).status == "abstention"
    assert classify_ballot(["E1", "E2"], rules).status == "valid"
    short = classify_ballot(["E1", "O1"], rules)
    assert short.status == "invalid"
    assert short.explanations[0].code == "ballot.mvr_not_met"
    assert classify_ballot(["E1", "E2", "E3", "O1"], rules).status == "valid"
    assert classify_ballot(["E1", "E2", "E3", "O1", "O2"], rules).status == "invalid"
    with pytest.raises(ElectionInputError) as err:
        classify_ballot(["Nobody"], rules)
    assert err.value.code == "ballot.not_on_ballot"


def test_too_many_marks_is_invalid():
    cands = [p(f"C{i}", "A", WE, "M") for i in range(3)]
    rules = ElectionRunner(election(cands, seats=2, remaining=NO_MVR_BENCH[:12])).open_ballot()
    verdict = classify_ballot(["C0", "C1", "C2"], rules)
    assert verdict.status == "invalid"
    assert verdict.explanations[0].code == "ballot.too_many_marks"


# -- V7 cut-off ---------------------------------------------------------------------------------


def _cutoff_runner(options=None, *, candidates=5, seats=2):
    cands = [p(f"C{i}", "AB"[i % 2], WE, "MF"[i % 2]) for i in range(candidates)]
    return ElectionRunner(election(cands, seats=seats, remaining=NO_MVR_BENCH), options)


def _four_ballots(runner, votes):
    last = None
    for _ in range(4):
        runner.open_ballot()
        last = runner.close_ballot(tally(100, **votes))
    return last


def test_cutoff_removes_the_lowest_from_ballot_4():
    runner = _cutoff_runner()
    result = _four_ballots(runner, {"C0": 50, "C1": 40, "C2": 30, "C3": 20, "C4": 10})
    assert result.removed == ("C4",)
    assert "cutoff.removed" in [x.code for x in result.explanations]


def test_cutoff_skipped_on_a_tie_for_last_place():
    result = _four_ballots(_cutoff_runner(), {"C0": 50, "C1": 40, "C2": 30})
    assert result.removed == ()  # C3 and C4 level at 0
    assert "cutoff.skipped_tie" in [x.code for x in result.explanations]


def test_cutoff_tie_option_removes_all_tied():
    runner = _cutoff_runner(Options(cutoff_tie="remove_all"))
    result = _four_ballots(runner, {"C0": 50, "C1": 40, "C2": 30})
    assert result.removed == ("C3", "C4")


def test_cutoff_keeps_more_candidates_than_seats():
    runner = _cutoff_runner(candidates=3)
    result = _four_ballots(runner, {"C0": 50, "C1": 40, "C2": 30})
    assert result.removed == ()
    assert "cutoff.skipped_seats" in [x.code for x in result.explanations]
    runner = _cutoff_runner(Options(cutoff_keep_more_candidates_than_seats=False), candidates=3)
    assert _four_ballots(runner, {"C0": 50, "C1": 40, "C2": 30}).removed == ("C2",)


def test_cutoff_protects_a_list_mvr():
    # List B MVR 2 with exactly two B candidates: the lowest, a B, is kept.
    remaining = [j for j in NO_MVR_BENCH if j.name not in {"J9", "J14"}]
    cands = [
        p("B1", "B", LA, "F"),
        p("B2", "B", WE, "M"),
        *[p(f"A{i}", "A", WE, "MF"[i % 2]) for i in range(4)],
    ]
    runner = ElectionRunner(election(cands, seats=3, remaining=remaining))
    assert runner.open_ballot().mvrs["B"] == 2
    votes = {"B1": 40, "B2": 5, "A0": 50, "A1": 45, "A2": 44, "A3": 43}
    runner.close_ballot(tally(100, **votes))
    for _ in range(3):
        runner.open_ballot()
        result = runner.close_ballot(tally(100, **votes))
    assert result.removed == ()
    assert "cutoff.skipped_list_mvr" in [x.code for x in result.explanations]


def test_cutoff_can_be_switched_off_or_moved():
    votes = {"C0": 50, "C1": 40, "C2": 30, "C3": 20, "C4": 10}
    assert _four_ballots(_cutoff_runner(Options(cutoff_from_ballot=None)), votes).removed == ()
    runner = _cutoff_runner(Options(cutoff_from_ballot=1))
    runner.open_ballot()
    assert runner.close_ballot(tally(100, **votes)).removed == ("C4",)


# -- withdrawals and tallies --------------------------------------------------------------------


def test_withdrawals():
    runner = _cutoff_runner()
    rules = runner.open_ballot(["C4"])
    assert [c.name for c in rules.on_ballot] == ["C0", "C1", "C2", "C3"]
    assert rules.explanations[0].code == "ballot.withdrawn"
    runner.close_ballot(tally(100, C0=90))
    with pytest.raises(ElectionInputError) as err:
        runner.open_ballot(["C0"])
    assert err.value.code == "round.withdraw_elected"
    runner2 = _cutoff_runner()
    with pytest.raises(ElectionInputError) as err:
        runner2.open_ballot(["Nobody"])
    assert err.value.code == "round.withdraw_unknown"
    assert runner2.open_ballot().round == 1  # the rejected withdrawal changed nothing
    with pytest.raises(ElectionInputError) as err:
        runner2.open_ballot(["C1"])
    assert err.value.code == "round.already_open"
    runner3 = _cutoff_runner()
    runner3.open_ballot(["C4"])
    runner3.close_ballot(tally(100, 0, 100))
    again = runner3.open_ballot(["C4"])
    assert again.explanations[0].code == "ballot.withdrawn_already_off"


@pytest.mark.parametrize(
    ("count", "votes", "code"),
    [
        ((100, 0, 0), {"C0": 101}, "round.votes_exceed_voting"),
        ((100, 0, 0), {"C0": 100, "C1": 100, "C2": 1}, "round.marks_exceed_cap"),
        ((100, 0, 0), {"C0": -1}, "round.negative"),
        ((100, 0, 0), {"Nobody": 1}, "round.unknown_candidate"),
        ((100, 101, 0), {}, "round.invalid_exceeds_papers"),
        ((100, 10, 91), {}, "round.abstentions_exceed_valid"),
        ((-1, 0, 0), {}, "round.negative"),
    ],
)
def test_impossible_tallies_are_rejected(count, votes, code):
    runner = _cutoff_runner()
    runner.open_ballot()
    with pytest.raises(ElectionInputError) as err:
        runner.close_ballot(tally(*count, **votes))
    assert err.value.code == code


def test_no_ballot_after_the_last_seat():
    cands = [p("X", "A", WE, "M"), p("Y", "A", WE, "F")]
    e = election(cands, seats=1, remaining=NO_MVR_BENCH)
    with pytest.raises(ElectionInputError) as err:
        simulate(e, [RoundInput(tally(100, X=90)), RoundInput(tally(100, Y=90))])
    assert err.value.code == "round.after_completion"


def test_partial_tallies_are_warned_about_not_rejected():
    runner = ElectionRunner(_scarce_election())
    runner.open_ballot()
    result = runner.close_ballot(tally(100, E1=90))
    codes = [x.code for x in result.explanations]
    assert "tally.fewer_marks_than_voting" in codes
    assert "tally.mvr_not_reflected" in codes
    assert result.elected == ("E1",)


# -- bad elections and options ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "code"),
    [
        (lambda: election([p("X", "A", WE, "M")], seats=0), "input.seats"),
        (
            lambda: election([p("X", "A", WE, "M")], seats=5, remaining=NO_MVR_BENCH),
            "input.bench_size",
        ),
        (lambda: election([p("X", "A", WE, "M"), p("X", "B", AF, "F")]), "input.duplicate_name"),
        (
            lambda: election([], remaining=[p("J", "A", WE, "M", "R"), p("K", "A", AF, "F", "R")]),
            "input.duplicate_nationality",
        ),
        (lambda: election([], groups={**GROUPS, "Arctic": 3}), "input.unknown_region"),
        (
            lambda: election([], groups={k: v for k, v in GROUPS.items() if k != WE}),
            "input.missing_key",
        ),
        (lambda: election([], groups={**GROUPS, WE: -1}), "input.negative"),
    ],
)
def test_bad_elections_are_rejected(build, code):
    with pytest.raises(ElectionInputError) as err:
        ElectionRunner(build())
    assert err.value.code == code


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"regional_rule": "other"}, "options.value"),
        ({"cutoff_from_ballot": 0}, "options.value"),
        ({"scarcity_recompute": 1}, "options.type"),
        ({"gender_minimum": "6"}, "options.type"),
        ({"list_a_minimum": -1}, "options.value"),
        ({"mvr_ballot_limit": True}, "options.type"),
    ],
)
def test_bad_options(kwargs, code):
    with pytest.raises(ElectionInputError) as err:
        Options(**kwargs)
    assert err.value.code == code


def test_options_from_mapping():
    assert Options.from_mapping({"cutoff_from_ballot": None}).cutoff_from_ballot is None
    with pytest.raises(ElectionInputError) as err:
        Options.from_mapping({"cutof_from_ballot": 5})
    assert err.value.code == "options.unknown"
    with pytest.raises(ElectionInputError) as err:
        Options.from_mapping([])
    assert err.value.code == "options.type"


def test_person_guards():
    for bad in (("X", "C", WE, "M"), ("X", "A", "Arctic", "M"), ("X", "A", WE, "X")):
        with pytest.raises(ElectionInputError):
            p(*bad)


def test_no_extension_without_shortfall():
    e = election([p("X", "A", WE, "M")], seats=4, remaining=NO_MVR_BENCH)
    decision = nomination_extension(e)
    assert not decision.extend and not decision.shortfalls
    assert decision.explanations[-1].code == "nomination.sufficient"


def test_count_explanations():
    count = count_ballots(99, 0, 1)
    assert [e.text for e in count.explanations] == [
        "99 valid = 99 ballot papers - 0 invalid",
        "98 States Parties present and voting = 99 valid - 1 abstentions",
        "66 votes required = two thirds of 98, rounded up",
    ]


def test_every_requirement_dict_has_nine_categories():
    runner = ElectionRunner(_scarce_election())
    assert list(runner.nomination.mvrs.as_dict()) == list(zeros())
    assert list(runner.open_ballot().mvrs.as_dict()) == list(zeros())
