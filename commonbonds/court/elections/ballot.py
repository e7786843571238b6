"""One ballot: the count and majority (V3), ballot validity (V6, §5.3), who is elected (V4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Literal

from .errors import ElectionInputError
from .explain import Explanation, explain, gettext_noop
from .model import LIST_A, LIST_B, Person
from .mvr import Requirements
from .options import Options


def required_majority(voting: int) -> int:
    """V3: two thirds of the States Parties present and voting, rounded up."""
    if voting < 0:
        raise ElectionInputError(
            "round.negative",
            gettext_noop("The number voting cannot be negative ({voting})"),
            voting=voting,
        )
    return (2 * voting + 2) // 3  # ceil(2 * voting / 3) in integers


@dataclass(frozen=True)
class Count:
    ballot_papers: int
    invalid: int
    valid: int
    abstentions: int
    voting: int
    required: int
    explanations: tuple[Explanation, ...]


def count_ballots(ballot_papers: int, invalid: int, abstentions: int) -> Count:
    """V3: from the ballot papers to the majority required."""
    for name, value in (
        ("ballot_papers", ballot_papers),
        ("invalid", invalid),
        ("abstentions", abstentions),
    ):
        if value < 0:
            raise ElectionInputError(
                "round.negative",
                gettext_noop("{field} cannot be negative ({value})"),
                field=name,
                value=value,
            )
    if invalid > ballot_papers:
        raise ElectionInputError(
            "round.invalid_exceeds_papers",
            gettext_noop("{invalid} invalid ballots is more than the {papers} ballot papers"),
            invalid=invalid,
            papers=ballot_papers,
        )
    valid = ballot_papers - invalid
    if abstentions > valid:
        raise ElectionInputError(
            "round.abstentions_exceed_valid",
            gettext_noop("{abstentions} abstentions is more than the {valid} valid ballots"),
            abstentions=abstentions,
            valid=valid,
        )
    voting = valid - abstentions
    required = required_majority(voting)
    why = (
        explain(
            "count.valid",
            gettext_noop("{valid} valid = {ballot_papers} ballot papers - {invalid} invalid"),
            valid=valid,
            ballot_papers=ballot_papers,
            invalid=invalid,
        ),
        explain(
            "count.voting",
            gettext_noop(
                "{voting} States Parties present and voting = {valid} valid - {abstentions} "
                "abstentions"
            ),
            voting=voting,
            valid=valid,
            abstentions=abstentions,
        ),
        explain(
            "count.required",
            gettext_noop("{required} votes required = two thirds of {voting}, rounded up"),
            required=required,
            voting=voting,
        ),
    )
    return Count(ballot_papers, invalid, valid, abstentions, voting, required, why)


@dataclass(frozen=True)
class BallotRules:
    """What binds a ballot paper in one round."""

    round: int
    open_seats: int
    #: V6: a ballot marking more candidates than this is invalid.
    max_marks: int
    #: The MVRs in force after every adjustment (all nine categories; 0 = no constraint).
    mvrs: Requirements
    #: Candidates on the ballot, in the order they were given.
    on_ballot: tuple[Person, ...]
    explanations: tuple[Explanation, ...]

    def candidate(self, name: str) -> Person:
        for person in self.on_ballot:
            if person.name == name:
                return person
        raise ElectionInputError(
            "ballot.not_on_ballot",
            gettext_noop("{name} is not on ballot {round}"),
            name=name,
            round=self.round,
        )


BallotStatus = Literal["valid", "invalid", "abstention"]


@dataclass(frozen=True)
class BallotVerdict:
    status: BallotStatus
    explanations: tuple[Explanation, ...] = ()

    @property
    def counted(self) -> bool:
        """A valid ballot with at least one mark counts in ``voting`` (§5.3)."""
        return self.status == "valid"


def classify_ballot(marks: Iterable[str], rules: BallotRules) -> BallotVerdict:
    """§5.3: is one ballot paper valid, invalid, or an abstention?"""
    names = list(marks)
    if len(set(names)) != len(names):
        raise ElectionInputError(
            "ballot.duplicate_mark", gettext_noop("A ballot paper marks the same candidate twice")
        )
    people = [rules.candidate(name) for name in names]
    if not people:
        return BallotVerdict(
            "abstention",
            (
                explain(
                    "ballot.abstention",
                    gettext_noop("The ballot marks nobody: an abstention"),
                ),
            ),
        )
    reasons = []
    if len(people) > rules.max_marks:
        reasons.append(
            explain(
                "ballot.too_many_marks",
                gettext_noop("The ballot has {marks} marks, more than the {max_marks} allowed"),
                marks=len(people),
                max_marks=rules.max_marks,
            )
        )
    counts: Counter[str] = Counter()
    for person in people:
        counts.update(person.categories)
    for category, mvr in rules.mvrs.active().items():
        if counts[category] < mvr:
            reasons.append(
                explain(
                    "ballot.mvr_not_met",
                    gettext_noop(
                        "The ballot marks fewer {category} candidates ({marked}) "
                        "than the MVR of {mvr}"
                    ),
                    category=category,
                    marked=counts[category],
                    mvr=mvr,
                )
            )
    if reasons:
        return BallotVerdict("invalid", tuple(reasons))
    return BallotVerdict(
        "valid",
        (
            explain(
                "ballot.valid",
                gettext_noop("The ballot has {marks} marks and meets every MVR in force"),
                marks=len(people),
            ),
        ),
    )


@dataclass(frozen=True)
class Outcome:
    elected: tuple[str, ...]
    explanations: tuple[Explanation, ...]


def elect(
    votes: Mapping[str, int],
    required: int,
    open_seats: int,
    *,
    candidates: Sequence[Person] | None = None,
    bench: Sequence[Person] = (),
    options: Options | None = None,
) -> Outcome:
    """V4 with E5: who is elected in one ballot.

    ``votes`` gives each candidate's votes; ``candidates`` (when given) are the people on the
    ballot, for the nationality (E5) and list-cap (M5) checks, and ``bench`` the judges already
    holding or elected to a seat. Candidates are ranked by votes alone: a tie is settled by
    ``options.last_seat_tie``, never by the order of ``votes``.
    """
    options = options or Options()
    people = {p.name: p for p in candidates or ()}
    taken = {p.nationality: p.name for p in bench}
    held = Counter(p.list_ for p in bench)
    caps = {LIST_A: options.list_a_maximum, LIST_B: options.list_b_maximum}
    # A candidate needs the majority and at least one vote: a ballot where nobody voted
    # elects nobody even though two thirds of 0 is 0.
    qualified = sorted(
        ((name, n) for name, n in votes.items() if n >= required and n > 0),
        key=lambda item: -item[1],
    )
    elected: list[str] = []
    why: list[Explanation] = []
    seats = open_seats
    rank = 0
    stopped = False
    for level, group_iter in groupby(qualified, key=lambda item: item[1]):
        group = [name for name, _ in group_iter]
        if stopped or seats == 0:
            for name in group:
                why.append(
                    explain(
                        "elect.below_open_seats",
                        gettext_noop(
                            "{name} has {votes} votes, at least the {required} required, but ranks "
                            "below the open seats ({seats})"
                        ),
                        name=name,
                        votes=level,
                        required=required,
                        seats=open_seats,
                    )
                )
            continue
        eligible = []
        for name in group:
            person = people.get(name)
            if person is not None and person.nationality in taken:
                why.append(
                    explain(
                        "elect.nationality_taken",
                        gettext_noop(
                            "{name} has {votes} votes but cannot be elected: {other} is also a "
                            "national of {nationality}"
                        ),
                        name=name,
                        votes=level,
                        other=taken[person.nationality],
                        nationality=person.nationality,
                    )
                )
                continue
            cap = caps[person.list_] if person is not None else None
            if person is not None and cap is not None and held[person.list_] >= cap:
                why.append(
                    explain(
                        "elect.list_full",
                        gettext_noop(
                            "{name} has {votes} votes but cannot be elected: list {list} already "
                            "has its maximum of {cap} judges"
                        ),
                        name=name,
                        votes=level,
                        list=person.list_,
                        cap=cap,
                    )
                )
                continue
            eligible.append(name)
        if not eligible:
            continue
        if len(eligible) > seats or _conflicting(eligible, people, held, caps):
            why.append(_tie(eligible, level, seats, options))
            if options.last_seat_tie == "nobody":
                elected.clear()
                why = [e for e in why if e.code != "elect.elected"]
            stopped = True
            continue
        for name in eligible:
            rank += 1
            elected.append(name)
            seats -= 1
            person = people.get(name)
            if person is not None:
                taken[person.nationality] = name
                held[person.list_] += 1
            why.append(
                explain(
                    "elect.elected",
                    gettext_noop(
                        "{name} elected: {votes} votes, at least the {required} required, "
                        "rank {rank} with open seats: {seats}"
                    ),
                    name=name,
                    votes=level,
                    required=required,
                    rank=rank,
                    seats=open_seats,
                )
            )
    if not elected and not qualified:
        why.append(
            explain(
                "elect.none",
                gettext_noop("Nobody reached the {required} votes required"),
                required=required,
            )
        )
    return Outcome(tuple(elected), tuple(why))


def _conflicting(
    names: Sequence[str],
    people: Mapping[str, Person],
    held: Counter[str],
    caps: Mapping[str, int | None],
) -> bool:
    """Whether candidates level on votes cannot all be elected together (E5 or M5 cap)."""
    persons = [people[n] for n in names if n in people]
    nationalities = [p.nationality for p in persons]
    if len(set(nationalities)) != len(nationalities):
        return True
    per_list = Counter(p.list_ for p in persons)
    return any(cap is not None and held[lst] + per_list[lst] > cap for lst, cap in caps.items())


def _tie(names: Sequence[str], votes: int, seats: int, options: Options) -> Explanation:
    if options.last_seat_tie == "nobody":
        return explain(
            "elect.tie_nobody",
            gettext_noop(
                "{names} are level at {votes} votes for the last open seats ({seats}): "
                "nobody is elected in this ballot"
            ),
            names=tuple(names),
            votes=votes,
            seats=seats,
        )
    return explain(
        "elect.tie",
        gettext_noop(
            "{names} are level at {votes} votes for the last open seats ({seats}): none "
            "of them is elected in this ballot"
        ),
        names=tuple(names),
        votes=votes,
        seats=seats,
    )
