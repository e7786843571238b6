"""The election, ballot after ballot (§6): MVRs in force, count, election, cut-off, withdrawals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from .ballot import BallotRules, Count, count_ballots, elect
from .errors import ElectionInputError
from .explain import Explanation, Message, explain, gettext_noop
from .model import (
    CATEGORIES,
    GENDERS,
    LISTS,
    REGIONS,
    BallotTally,
    Election,
    Person,
    RoundInput,
)
from .mvr import (
    Figure,
    Requirements,
    can_meet,
    count_by_category,
    formula_mvrs,
    nomination_mvrs,
    nomination_shortfalls,
    scarcity_explanation,
    scarcity_value,
    shortfall_explanation,
)
from .options import Options

#: Why a candidate left the ballot, by the reason the runner records (``_off_ballot``).
_WHY_OFF: dict[str, Message] = {
    "withdrawn": gettext_noop("withdrawn"),
    "cutoff": gettext_noop("removed with the fewest votes"),
    "nationality": gettext_noop("a judge of the same nationality sits or was elected"),
}
_OFF_THE_BALLOT = gettext_noop("off the ballot")


@dataclass(frozen=True)
class Nomination:
    """The nomination period's figures: MVRs before M6, and where candidates fell short."""

    mvrs: Requirements
    explanations: tuple[Explanation, ...]


@dataclass(frozen=True)
class RoundResult:
    round: int
    rules: BallotRules
    count: Count
    votes: dict[str, int]
    elected: tuple[str, ...]
    #: Candidates taken off the ballot after this ballot by the cut-off (V7) or E5.
    removed: tuple[str, ...]
    explanations: tuple[Explanation, ...]

    @property
    def active_mvrs(self) -> dict[str, int]:
        return self.rules.mvrs.as_dict()

    @property
    def max_marks(self) -> int:
        return self.rules.max_marks

    @property
    def voting(self) -> int:
        return self.count.voting

    @property
    def required(self) -> int:
        return self.count.required


@dataclass(frozen=True)
class SimulationResult:
    nomination: Nomination
    rounds: tuple[RoundResult, ...]
    elected: tuple[str, ...]
    open_seats: int

    @property
    def finished(self) -> bool:
        return self.open_seats == 0


def validate_election(election: Election, options: Options) -> None:
    """Reject an election that no real election could be (bad input, exit status 2)."""
    if isinstance(election.seats, bool) or not isinstance(election.seats, int):
        raise ElectionInputError("input.type", gettext_noop("seats must be a whole number"))
    if election.seats < 1:
        raise ElectionInputError(
            "input.seats",
            gettext_noop("seats must be at least 1, not {seats}"),
            seats=election.seats,
        )
    if election.seats + len(election.remaining_judges) > options.bench_size:
        raise ElectionInputError(
            "input.bench_size",
            gettext_noop(
                "{seats} seats and {remaining} remaining judges exceed the {bench} judges of the "
                "Court"
            ),
            seats=election.seats,
            remaining=len(election.remaining_judges),
            bench=options.bench_size,
        )
    for group in election.states_parties_by_group:
        if group not in REGIONS:
            raise ElectionInputError(
                "input.unknown_region",
                gettext_noop("Unknown regional group {group} in states_parties_by_group"),
                group=repr(group),
            )
    for group in REGIONS:
        n = election.states_parties_by_group.get(group)
        if n is None:
            raise ElectionInputError(
                "input.missing_key",
                gettext_noop("states_parties_by_group has no count for the {category} group"),
                category=group,
            )
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ElectionInputError(
                "input.negative",
                gettext_noop(
                    "The number of States Parties of the {category} group must be a whole number "
                    "of at least 0, not {value}"
                ),
                category=group,
                value=repr(n),
            )
    seen: set[str] = set()
    for person in (*election.remaining_judges, *election.candidates):
        if person.name in seen:
            raise ElectionInputError(
                "input.duplicate_name",
                gettext_noop("{name} is given more than once"),
                name=person.name,
            )
        seen.add(person.name)
    nationalities: dict[str, str] = {}
    for judge in election.remaining_judges:
        if judge.nationality in nationalities:
            raise ElectionInputError(
                "input.duplicate_nationality",
                gettext_noop(
                    "{name} and {other} are both nationals of {nationality}; no two judges may be "
                    "(art. 36(7))"
                ),
                name=judge.name,
                other=nationalities[judge.nationality],
                nationality=judge.nationality,
            )
        nationalities[judge.nationality] = judge.name


class ElectionRunner:
    """Runs one election a ballot at a time; :func:`simulate` drives it from a list of rounds.

    Call :meth:`open_ballot` (with the withdrawals announced before it) to learn the rules of
    the next ballot, then :meth:`close_ballot` with its count.
    """

    def __init__(self, election: Election, options: Options | None = None) -> None:
        self.election = election
        self.options = options or Options()
        validate_election(election, self.options)
        self.nomination = _nomination(election, self.options)
        self.elected: list[Person] = []
        self.ballot = 0
        self._by_name = {p.name: p for p in election.candidates}
        self._on_ballot: list[Person] = []
        self._off_ballot: dict[str, str] = {}  # name -> why (code)
        self._pending_why: list[Explanation] = []
        self._dropped_since: int | None = None
        self._scarcity_at_start: dict[str, int] | None = None
        self._rules: BallotRules | None = None
        remaining_nationality = {j.nationality: j.name for j in election.remaining_judges}
        for person in election.candidates:
            if person.nationality in remaining_nationality:
                # E5: such a candidate can never be elected, so does not stand.
                self._off_ballot[person.name] = "nationality"
                self._pending_why.append(
                    _nationality_removed(person, remaining_nationality[person.nationality])
                )
            else:
                self._on_ballot.append(person)

    # -- state -----------------------------------------------------------------------------
    @property
    def open_seats(self) -> int:
        return self.election.seats - len(self.elected)

    @property
    def finished(self) -> bool:
        return self.open_seats == 0

    @property
    def on_ballot(self) -> tuple[Person, ...]:
        return tuple(self._on_ballot)

    # -- one ballot --------------------------------------------------------------------------
    def open_ballot(self, withdrawn_before: Iterable[str] = ()) -> BallotRules:
        withdrawn_before = tuple(withdrawn_before)
        if self._rules is not None:
            if withdrawn_before:
                raise ElectionInputError(
                    "round.already_open",
                    gettext_noop("Ballot {round} is already open; withdraw before opening it"),
                    round=self.ballot,
                )
            return self._rules
        if self.finished:
            raise ElectionInputError(
                "round.after_completion",
                gettext_noop(
                    "Ballot {round} is given, but every seat was filled after ballot {last}"
                ),
                round=self.ballot + 1,
                last=self.ballot,
            )
        # Check every withdrawal before changing anything, so bad input leaves the runner as
        # it was.
        for name in withdrawn_before:
            self._check_withdrawal(name, self.ballot + 1)
        self.ballot += 1
        why = list(self._pending_why)
        self._pending_why.clear()
        for name in withdrawn_before:
            why.append(self._withdraw(name))
        self._rules = self._rules_for_ballot(why)
        return self._rules

    def close_ballot(self, tally: BallotTally) -> RoundResult:
        rules = self._rules
        if rules is None:
            raise ElectionInputError(
                "round.not_open", gettext_noop("close_ballot() called before open_ballot()")
            )
        count = count_ballots(tally.ballot_papers, tally.invalid, tally.abstentions)
        votes = self._checked_votes(tally, rules, count)
        why = [*rules.explanations, *count.explanations, *_tally_warnings(votes, rules, count)]
        outcome = elect(
            votes,
            count.required,
            rules.open_seats,
            candidates=rules.on_ballot,
            bench=(*self.election.remaining_judges, *self.elected),
            options=self.options,
        )
        why.extend(outcome.explanations)
        for name in outcome.elected:
            person = self._by_name[name]
            self.elected.append(person)
            self._on_ballot.remove(person)
        removed = self._after_election(outcome.elected, votes, why)
        if self.finished:
            why.append(
                explain(
                    "election.complete",
                    gettext_noop("All seats ({seats}) are filled after ballot {round}"),
                    seats=self.election.seats,
                    round=rules.round,
                )
            )
        self._rules = None
        return RoundResult(rules.round, rules, count, votes, outcome.elected, removed, tuple(why))

    def run_round(self, round_input: RoundInput) -> RoundResult:
        self.open_ballot(round_input.withdrawn_before)
        return self.close_ballot(round_input.tally)

    # -- internals ---------------------------------------------------------------------------
    def _check_withdrawal(self, name: str, ballot: int) -> None:
        person = self._by_name.get(name)
        if person is None:
            raise ElectionInputError(
                "round.withdraw_unknown",
                gettext_noop("{name}, withdrawn before ballot {round}, is not a candidate"),
                name=name,
                round=ballot,
            )
        if person in self.elected:
            raise ElectionInputError(
                "round.withdraw_elected",
                gettext_noop("{name}, withdrawn before ballot {round}, was already elected"),
                name=name,
                round=ballot,
            )

    def _withdraw(self, name: str) -> Explanation:
        person = self._by_name[name]
        if name in self._off_ballot:
            return explain(
                "ballot.withdrawn_already_off",
                gettext_noop("{name}, withdrawn before ballot {round}, was already off the ballot"),
                name=name,
                round=self.ballot,
            )
        self._on_ballot.remove(person)
        self._off_ballot[name] = "withdrawn"
        return explain(
            "ballot.withdrawn",
            gettext_noop("{name} withdrawn before ballot {round}"),
            name=name,
            round=self.ballot,
        )

    def _rules_for_ballot(self, why: list[Explanation]) -> BallotRules:
        k, seats, options = self.ballot, self.open_seats, self.options
        why.append(
            explain(
                "ballot.max_marks",
                gettext_noop(
                    "Marks allowed per ballot paper: at most {max_marks}, one per open seat"
                ),
                max_marks=seats,
                seats=seats,
            )
        )
        computed = formula_mvrs(self.election, self.elected, options)
        figures: dict[str, Figure] = dict(computed.figures)
        # The regional and gender MVRs apply only while M9 and M8 allow them.
        other = (*REGIONS, *GENDERS)
        if k > options.mvr_ballot_limit:
            note = explain(
                "ballot.mvr_limit",
                gettext_noop(
                    "Ballot {round} comes after ballot {limit}: only the list MVRs still apply"
                ),
                round=k,
                limit=options.mvr_ballot_limit,
            )
            for c in other:
                figures[c] = _zeroed(figures[c], note)
            why.append(note)
        elif self._dropped_since is not None and options.feasibility_drop_is_permanent:
            note = explain(
                "ballot.mvr_still_dropped",
                gettext_noop("The regional and gender MVRs stay dropped since ballot {since}"),
                since=self._dropped_since,
            )
            for c in other:
                figures[c] = _zeroed(figures[c], note)
            why.append(note)
        else:
            self._apply_scarcity(figures)
            if not self._feasible({c: figures[c].value for c in CATEGORIES}, seats):
                self._dropped_since = k
                note = explain(
                    "ballot.mvr_infeasible",
                    gettext_noop(
                        "No set of at most {seats} candidates on the ballot meets every MVR "
                        "together: the regional and gender MVRs are dropped"
                    ),
                    seats=seats,
                )
                for c in other:
                    figures[c] = _zeroed(figures[c], note)
                why.append(note)
        self._apply_list_feasibility(figures, why)
        why.extend(_figure_explanations(figures))
        return BallotRules(
            round=k,
            open_seats=seats,
            max_marks=seats,
            mvrs=Requirements(figures),
            on_ballot=tuple(self._on_ballot),
            explanations=tuple(why),
        )

    def _apply_scarcity(self, figures: dict[str, Figure]) -> None:
        options = self.options
        supply = count_by_category(self._on_ballot)
        if not options.scarcity_recompute and self._scarcity_at_start is not None:
            already = count_by_category(self.elected)
            for c, adjusted in self._scarcity_at_start.items():
                value = max(0, adjusted - already[c])
                if value < figures[c].value:
                    figures[c] = Figure(
                        value,
                        (
                            *figures[c].explanations,
                            explain(
                                "mvr.scarcity_carried",
                                gettext_noop(
                                    "{category} MVR {value} = {adjusted} as adjusted when "
                                    "voting began - {elected} elected"
                                ),
                                category=c,
                                value=value,
                                adjusted=adjusted,
                                elected=already[c],
                            ),
                        ),
                    )
            return
        start: dict[str, int] = {}
        for c in (*REGIONS, *GENDERS):
            mvr = figures[c].value
            value = scarcity_value(mvr, supply[c], options.scarcity_rounding)
            start[c] = value
            if value != mvr or (mvr and supply[c] < 2 * mvr):
                figures[c] = Figure(
                    value,
                    (
                        *figures[c].explanations,
                        scarcity_explanation(c, mvr, supply[c], value, options.scarcity_rounding),
                    ),
                )
        if self._scarcity_at_start is None:
            self._scarcity_at_start = start

    def _feasible(self, values: dict[str, int], seats: int) -> bool:
        test = self.options.feasibility_test
        if test == "off":
            return True
        candidates = self._on_ballot
        if test == "joint":
            return can_meet(values, candidates, seats)
        supply = count_by_category(candidates)
        if any(supply[c] < values[c] for c in CATEGORIES):
            return False
        return all(sum(values[c] for c in family) <= seats for family in (LISTS, REGIONS, GENDERS))

    def _apply_list_feasibility(self, figures: dict[str, Figure], why: list[Explanation]) -> None:
        values = {c: figures[c].value for c in LISTS}
        if can_meet(values, self._on_ballot, self.open_seats):
            return
        mode = self.options.list_infeasible
        supply = count_by_category(self._on_ballot)
        if mode == "keep":
            why.append(
                explain(
                    "ballot.list_mvr_infeasible_kept",
                    gettext_noop(
                        "The candidates on the ballot cannot meet the list MVRs (A {a}, B {b}); "
                        "they are kept, so no marked ballot can be valid"
                    ),
                    a=values["A"],
                    b=values["B"],
                )
            )
            return
        for c in LISTS:
            if mode == "cap":
                new = min(values[c], supply[c])
                note = explain(
                    "ballot.list_mvr_infeasible_capped",
                    gettext_noop(
                        "{category} MVR lowered from {old} to {value}: only {candidates} "
                        "candidates of that list are on the ballot"
                    ),
                    category=c,
                    old=values[c],
                    value=new,
                    candidates=supply[c],
                )
            else:
                new = 0
                note = explain(
                    "ballot.list_mvr_infeasible_dropped",
                    gettext_noop(
                        "{category} MVR {old} dropped: the candidates on the ballot cannot meet it"
                    ),
                    category=c,
                    old=values[c],
                )
            if new == values[c]:
                continue
            figures[c] = Figure(new, (*figures[c].explanations, note))

    def _checked_votes(
        self, tally: BallotTally, rules: BallotRules, count: Count
    ) -> dict[str, int]:
        names = {p.name for p in rules.on_ballot}
        votes = {p.name: 0 for p in rules.on_ballot}
        for name, n in tally.votes.items():
            if isinstance(n, bool) or not isinstance(n, int):
                raise ElectionInputError(
                    "round.type",
                    gettext_noop("Votes for {name} in ballot {round} must be a whole number"),
                    name=name,
                    round=rules.round,
                )
            if n < 0:
                raise ElectionInputError(
                    "round.negative",
                    gettext_noop("Votes for {name} in ballot {round} are negative ({votes})"),
                    name=name,
                    round=rules.round,
                    votes=n,
                )
            if name not in self._by_name:
                raise ElectionInputError(
                    "round.unknown_candidate",
                    gettext_noop("Ballot {round} gives votes for {name}, who is not a candidate"),
                    name=name,
                    round=rules.round,
                )
            if name not in names:
                if n == 0:
                    continue
                raise ElectionInputError(
                    "round.off_ballot_votes",
                    gettext_noop(
                        "Ballot {round} gives {votes} votes for {name}, who is no longer on the "
                        "ballot ({why})"
                    ),
                    name=name,
                    round=rules.round,
                    votes=n,
                    why=self._why_off(name),
                )
            if n > count.voting:
                raise ElectionInputError(
                    "round.votes_exceed_voting",
                    gettext_noop(
                        "{name} has {votes} votes in ballot {round}, more than the {voting} States "
                        "Parties voting"
                    ),
                    name=name,
                    votes=n,
                    round=rules.round,
                    voting=count.voting,
                )
            votes[name] = n
        total = sum(votes.values())
        if total > count.voting * rules.max_marks:
            raise ElectionInputError(
                "round.marks_exceed_cap",
                gettext_noop(
                    "Ballot {round} counts {total} votes, more than {voting} valid ballots of at "
                    "most {max_marks} marks can hold"
                ),
                round=rules.round,
                total=total,
                voting=count.voting,
                max_marks=rules.max_marks,
            )
        return votes

    def _why_off(self, name: str) -> Message:
        """Why ``name`` is no longer on the ballot, in words translated with the message."""
        if any(p.name == name for p in self.elected):
            return gettext_noop("already elected")
        return _WHY_OFF.get(self._off_ballot.get(name, ""), _OFF_THE_BALLOT)

    def _after_election(
        self, elected: Sequence[str], votes: dict[str, int], why: list[Explanation]
    ) -> tuple[str, ...]:
        removed: list[str] = []
        # E5: a candidate sharing the nationality of someone just elected can no longer win.
        for name in elected:
            winner = self._by_name[name]
            for person in list(self._on_ballot):
                if person.nationality == winner.nationality:
                    self._on_ballot.remove(person)
                    self._off_ballot[person.name] = "nationality"
                    removed.append(person.name)
                    why.append(_nationality_removed(person, winner.name))
        if not self.finished:
            removed.extend(self._cutoff(votes, why))
        return tuple(removed)

    def _cutoff(self, votes: dict[str, int], why: list[Explanation]) -> list[str]:
        options, k = self.options, self.ballot
        if options.cutoff_from_ballot is None or k < options.cutoff_from_ballot:
            return []
        if not self._on_ballot:
            return []
        lowest = min(votes.get(p.name, 0) for p in self._on_ballot)
        last = [p for p in self._on_ballot if votes.get(p.name, 0) == lowest]
        names = tuple(p.name for p in last)
        if len(last) > 1 and options.cutoff_tie == "remove_none":
            why.append(
                explain(
                    "cutoff.skipped_tie",
                    gettext_noop(
                        "{names} are level with the fewest votes ({votes}): nobody is removed"
                    ),
                    names=names,
                    votes=lowest,
                )
            )
            return []
        left = [p for p in self._on_ballot if p not in last]
        if options.cutoff_keep_more_candidates_than_seats and len(left) <= self.open_seats:
            why.append(
                explain(
                    "cutoff.skipped_seats",
                    gettext_noop(
                        "{names} not removed: the candidates left ({left}) would be no more than "
                        "the open seats ({seats})"
                    ),
                    names=names,
                    left=len(left),
                    seats=self.open_seats,
                )
            )
            return []
        if options.cutoff_protect_list_mvrs:
            lists = formula_mvrs(self.election, self.elected, options)
            supply = count_by_category(left)
            short = [c for c in LISTS if supply[c] < lists[c]]
            if short:
                why.append(
                    explain(
                        "cutoff.skipped_list_mvr",
                        gettext_noop(
                            "{names} not removed: too few list {lists} candidates would be left "
                            "for the list MVR"
                        ),
                        names=names,
                        lists=tuple(short),
                    )
                )
                return []
        for person in last:
            self._on_ballot.remove(person)
            self._off_ballot[person.name] = "cutoff"
            why.append(
                explain(
                    "cutoff.removed",
                    gettext_noop(
                        "{name} has the fewest votes ({votes}) and is removed from the next ballot"
                    ),
                    name=person.name,
                    votes=lowest,
                )
            )
        return list(names)


def simulate(
    election: Election, rounds: Sequence[RoundInput], options: Options | None = None
) -> SimulationResult:
    runner = ElectionRunner(election, options)
    results = tuple(runner.run_round(r) for r in rounds)
    return SimulationResult(
        runner.nomination, results, tuple(p.name for p in runner.elected), runner.open_seats
    )


def _nomination(election: Election, options: Options) -> Nomination:
    mvrs = nomination_mvrs(election, options)
    why = list(mvrs.explanations)
    shortfalls = nomination_shortfalls(mvrs, election.candidates)
    why.extend(shortfall_explanation(s) for s in shortfalls)
    if shortfalls:
        why.append(
            explain(
                "nomination.extension_rule",
                gettext_noop(
                    "With such a shortfall the nomination period is extended by {weeks} weeks, up "
                    "to {maximum} times; if it remains, the scarcity rule applies"
                ),
                weeks=options.extension_weeks,
                maximum=options.max_extensions,
            )
        )
    return Nomination(mvrs, tuple(why))


def _figure_explanations(figures: dict[str, Figure]) -> list[Explanation]:
    """How each MVR in force was reached, and each one an adjustment changed; the regional
    minimums are left to the nomination's explanations, as they do not change."""
    out = []
    for c in CATEGORIES:
        figure = figures[c]
        adjusted = bool(figure.explanations) and figure.explanations[-1].code.startswith(
            ("mvr.scarcity", "ballot.list_mvr")
        )
        if figure.value > 0 or adjusted:
            out.extend(
                e for e in figure.explanations if not e.code.startswith("mvr.regional_minimum")
            )
    return out


def _zeroed(figure: Figure, note: Explanation | None) -> Figure:
    if figure.value == 0:
        return figure
    return replace(figure, value=0, explanations=(*figure.explanations, *([note] if note else [])))


def _nationality_removed(person: Person, other: str) -> Explanation:
    return explain(
        "candidate.nationality_taken",
        gettext_noop(
            "{name} cannot be elected and leaves the ballot: {other} is also a national of "
            "{nationality}"
        ),
        name=person.name,
        other=other,
        nationality=person.nationality,
    )


def _tally_warnings(votes: dict[str, int], rules: BallotRules, count: Count) -> list[Explanation]:
    """Totals that valid ballots could not produce; kept as warnings because published
    tallies are sometimes partial or informal, and MVRs depend on the options chosen."""
    out = []
    total = sum(votes.values())
    if count.voting and total < count.voting:
        out.append(
            explain(
                "tally.fewer_marks_than_voting",
                gettext_noop(
                    "Warning: the votes total {total}, fewer than one for each of the {voting} "
                    "States Parties voting; the tally may be partial"
                ),
                total=total,
                voting=count.voting,
            )
        )
    by_category: Counter[str] = Counter()
    for person in rules.on_ballot:
        for c in person.categories:
            by_category[c] += votes.get(person.name, 0)
    for category, mvr in rules.mvrs.active().items():
        if by_category[category] < mvr * count.voting:
            out.append(
                explain(
                    "tally.mvr_not_reflected",
                    gettext_noop(
                        "Warning: {category} candidates have {total} votes in all, fewer than the "
                        "{needed} that {voting} valid ballots meeting an MVR of {mvr} must give"
                    ),
                    category=category,
                    total=by_category[category],
                    needed=mvr * count.voting,
                    voting=count.voting,
                    mvr=mvr,
                )
            )
    return out
