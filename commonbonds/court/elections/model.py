"""The facts of an election: categories, people, the election itself and what each ballot gave.

Rule references (``E3``, ``M2``...) point to ``data/court/judicial_elections.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .errors import ElectionInputError
from .explain import gettext_noop

LIST_A = "A"
LIST_B = "B"
LISTS = (LIST_A, LIST_B)

AFRICAN = "African States"
ASIA_PACIFIC = "Asia-Pacific States"
EASTERN_EUROPEAN = "Eastern European States"
GRULAC = "Latin American and Caribbean States"
WEOG = "Western European and Other States"
REGIONS = (AFRICAN, ASIA_PACIFIC, EASTERN_EUROPEAN, GRULAC, WEOG)

FEMALE = "F"
MALE = "M"
GENDERS = (FEMALE, MALE)

#: Every MVR category, in the order used in every output.
CATEGORIES = (*LISTS, *REGIONS, *GENDERS)

CATEGORY_LABELS: Mapping[str, str] = MappingProxyType(
    {
        LIST_A: gettext_noop("List A"),
        LIST_B: gettext_noop("List B"),
        AFRICAN: gettext_noop("African"),
        ASIA_PACIFIC: gettext_noop("Asia-Pacific"),
        EASTERN_EUROPEAN: gettext_noop("Eastern European"),
        GRULAC: gettext_noop("Latin American and Caribbean"),
        WEOG: gettext_noop("Western European and Other"),
        FEMALE: gettext_noop("Female"),
        MALE: gettext_noop("Male"),
    }
)


def category_label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


@dataclass(frozen=True)
class Person:
    """A judge who stays in office, or a candidate (E3, E5)."""

    name: str
    list_: str  # "A" or "B"; trailing underscore because ``list`` is a builtin
    region: str
    gender: str
    nationality: str

    def __post_init__(self) -> None:
        # Engine-level guard; the JSON reader gives located messages before this is reached.
        if self.list_ not in LISTS:
            raise ElectionInputError(
                "input.unknown_list",
                gettext_noop("{name}: list must be A or B, not {value}"),
                name=self.name,
                value=repr(self.list_),
            )
        if self.region not in REGIONS:
            raise ElectionInputError(
                "input.unknown_region",
                gettext_noop("{name}: unknown region {value}"),
                name=self.name,
                value=repr(self.region),
            )
        if self.gender not in GENDERS:
            raise ElectionInputError(
                "input.unknown_gender",
                gettext_noop("{name}: gender must be F or M, not {value}"),
                name=self.name,
                value=repr(self.gender),
            )

    @property
    def categories(self) -> tuple[str, str, str]:
        """The three MVR categories this person counts towards at once (V6)."""
        return (self.list_, self.region, self.gender)


@dataclass(frozen=True)
class Election:
    """One election as it stood when voting began (§6 step 1)."""

    seats: int
    states_parties_by_group: Mapping[str, int]
    remaining_judges: tuple[Person, ...]
    candidates: tuple[Person, ...]

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "states_parties_by_group", MappingProxyType(dict(self.states_parties_by_group))
        )
        object.__setattr__(self, "remaining_judges", tuple(self.remaining_judges))
        object.__setattr__(self, "candidates", tuple(self.candidates))

    def candidate(self, name: str) -> Person:
        for person in self.candidates:
            if person.name == name:
                return person
        raise KeyError(name)


@dataclass(frozen=True)
class BallotTally:
    """The published count of one ballot (V3): totals only, not the ballot papers themselves."""

    ballot_papers: int
    invalid: int
    abstentions: int
    #: Votes per candidate; a candidate on the ballot but missing here had 0 votes.
    votes: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "votes", MappingProxyType(dict(self.votes)))

    @property
    def valid(self) -> int:
        return self.ballot_papers - self.invalid

    @property
    def voting(self) -> int:
        return self.valid - self.abstentions


@dataclass(frozen=True)
class RoundInput:
    """What happened around one ballot: withdrawals announced before it, then its count."""

    tally: BallotTally
    withdrawn_before: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "withdrawn_before", tuple(self.withdrawn_before))
