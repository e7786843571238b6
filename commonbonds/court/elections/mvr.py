"""Minimum voting requirements (MVRs, §5) and the nomination-period extension rule (N3)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from types import MappingProxyType

from .explain import Explanation, explain, gettext_noop
from .model import CATEGORIES, GENDERS, LIST_A, LIST_B, LISTS, REGIONS, Election, Person
from .options import Options


@dataclass(frozen=True)
class Figure:
    """A computed number and the explanations of how it was reached."""

    value: int
    explanations: tuple[Explanation, ...] = ()


@dataclass(frozen=True)
class Requirements:
    """One MVR figure for each of the nine categories."""

    figures: Mapping[str, Figure]

    def __post_init__(self) -> None:
        missing = [c for c in CATEGORIES if c not in self.figures]
        if missing:
            raise ValueError(f"requirements miss {missing}")
        ordered = {c: self.figures[c] for c in CATEGORIES}
        object.__setattr__(self, "figures", MappingProxyType(ordered))

    def __getitem__(self, category: str) -> int:
        return self.figures[category].value

    def as_dict(self) -> dict[str, int]:
        return {c: f.value for c, f in self.figures.items()}

    @property
    def explanations(self) -> tuple[Explanation, ...]:
        return tuple(e for f in self.figures.values() for e in f.explanations)

    def active(self) -> dict[str, int]:
        """Only the categories that constrain a ballot (M10: an MVR of 0 does not)."""
        return {c: v for c, v in self.as_dict().items() if v > 0}


def count_by_category(people: Iterable[Person]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for person in people:
        counts.update(person.categories)
    return counts


def regional_minimum(group: str, election: Election, options: Options) -> Figure:
    """Judges the bench must hold from a regional group (M2, or M5 for the first election)."""
    states = election.states_parties_by_group[group]
    if options.regional_rule == "first_election":
        total = sum(election.states_parties_by_group.values())
        # M5: 3 per group, minus 1 for a group with fewer than 3/18 of all States Parties;
        # compared in integers (states/total < 3/18 <=> 6 * states < total).
        if 6 * states < total:
            return Figure(
                2,
                (
                    explain(
                        "mvr.regional_minimum.first_election_small",
                        gettext_noop(
                            "{category} minimum {minimum} = 3 - 1: {states} of {total} "
                            "States Parties, fewer than 3/18"
                        ),
                        category=group,
                        minimum=2,
                        states=states,
                        total=total,
                    ),
                ),
            )
        return Figure(
            3,
            (
                explain(
                    "mvr.regional_minimum.first_election",
                    gettext_noop(
                        "{category} minimum {minimum}: {states} of {total} States Parties, "
                        "at least 3/18"
                    ),
                    category=group,
                    minimum=3,
                    states=states,
                    total=total,
                ),
            ),
        )
    base = options.regional_base
    if states > options.regional_threshold:
        return Figure(
            base + 1,
            (
                explain(
                    "mvr.regional_minimum.raised",
                    gettext_noop(
                        "{category} minimum {minimum} = {base} + 1: {states} States Parties, "
                        "more than {threshold}"
                    ),
                    category=group,
                    minimum=base + 1,
                    base=base,
                    states=states,
                    threshold=options.regional_threshold,
                ),
            ),
        )
    return Figure(
        base,
        (
            explain(
                "mvr.regional_minimum.base",
                gettext_noop(
                    "{category} minimum {minimum}: {states} States Parties, "
                    "not more than {threshold}"
                ),
                category=group,
                minimum=base,
                states=states,
                threshold=options.regional_threshold,
            ),
        ),
    )


def category_minimums(election: Election, options: Options) -> dict[str, Figure]:
    """What the bench must hold in each category (M1 lists, M2 regions, M3 genders)."""
    minimums = {
        LIST_A: Figure(options.list_a_minimum),
        LIST_B: Figure(options.list_b_minimum),
    }
    for group in REGIONS:
        minimums[group] = regional_minimum(group, election, options)
    for gender in GENDERS:
        minimums[gender] = Figure(options.gender_minimum)
    return minimums


def formula_mvrs(election: Election, elected: Sequence[Person], options: Options) -> Requirements:
    """M1-M3: ``max(0, minimum - R(c) - E(c))`` for every category, before any adjustment."""
    remaining = count_by_category(election.remaining_judges)
    already = count_by_category(elected)
    figures = {}
    for category, minimum in category_minimums(election, options).items():
        r, e = remaining[category], already[category]
        value = max(0, minimum.value - r - e)
        params = {
            "category": category,
            "value": value,
            "minimum": minimum.value,
            "remaining": r,
            "elected": e,
        }
        if value == 0:
            why = explain(
                "mvr.met",
                gettext_noop(
                    "{category} MVR 0: the minimum of {minimum} is met by {remaining} remaining "
                    "and {elected} elected judges"
                ),
                **params,
            )
        elif e == 0:
            why = explain(
                "mvr.formula",
                gettext_noop("{category} MVR {value} = {minimum} - {remaining} remaining"),
                **params,
            )
        else:
            why = explain(
                "mvr.formula_with_elected",
                gettext_noop(
                    "{category} MVR {value} = {minimum} - {remaining} remaining - {elected} elected"
                ),
                **params,
            )
        figures[category] = Figure(value, (*minimum.explanations, why))
    return Requirements(figures)


def nomination_mvrs(election: Election, options: Options | None = None) -> Requirements:
    """The MVRs of the nomination period: M1-M3 with nobody elected, before M6."""
    return formula_mvrs(election, (), options or Options())


def scarcity_value(mvr: int, candidates: int, rounding: str = "ceil") -> int:
    """M6: the MVR once fewer than twice as many candidates as the MVR stand."""
    if candidates >= 2 * mvr:
        return mvr
    half = math.ceil(candidates / 2) if rounding == "ceil" else candidates // 2
    return min(mvr, half)


def scarcity_explanation(
    category: str, computed: int, candidates: int, value: int, rounding: str
) -> Explanation:
    return explain(
        "mvr.scarcity",
        gettext_noop(
            "{category} MVR {value} = half of {candidates}, {rounding}: the candidates on the "
            "ballot ({candidates}) are fewer than twice the MVR of {computed}"
        ),
        category=category,
        value=value,
        # The option's value ("ceil" or "floor"); shown as its label ("rounded up"...).
        rounding=rounding,
        candidates=candidates,
        computed=computed,
    )


@dataclass(frozen=True)
class Shortfall:
    category: str
    candidates: int
    mvr: int

    @property
    def needed(self) -> int:
        return 2 * self.mvr


def nomination_shortfalls(
    mvrs: Requirements | Mapping[str, int], candidates: Iterable[Person] | Mapping[str, int]
) -> tuple[Shortfall, ...]:
    """N3: regional and gender MVRs with fewer candidates nominated than twice the MVR.

    ``candidates`` may be the candidates themselves or the number nominated per category.
    List MVRs never trigger an extension.
    """
    values = mvrs.as_dict() if isinstance(mvrs, Requirements) else dict(mvrs)
    counts = candidates if isinstance(candidates, Mapping) else count_by_category(candidates)
    out = []
    for category in (*REGIONS, *GENDERS):
        mvr = values.get(category, 0)
        if mvr > 0 and counts.get(category, 0) < 2 * mvr:
            out.append(Shortfall(category, counts.get(category, 0), mvr))
    return tuple(out)


def shortfall_explanation(shortfall: Shortfall) -> Explanation:
    return explain(
        "nomination.shortfall",
        gettext_noop(
            "{category}: candidates nominated ({candidates}) are fewer than {needed}, twice the "
            "MVR of {mvr}"
        ),
        category=shortfall.category,
        candidates=shortfall.candidates,
        needed=shortfall.needed,
        mvr=shortfall.mvr,
    )


@dataclass(frozen=True)
class ExtensionDecision:
    """What the President of the ASP does at the end of a nomination period (N3)."""

    extend: bool
    shortfalls: tuple[Shortfall, ...]
    extensions_granted: int
    #: The period's new closing date when it is extended and the old one was given.
    new_end: date | None = None
    explanations: tuple[Explanation, ...] = field(default=())

    @property
    def scarcity_applies(self) -> bool:
        """No further extension but a shortfall remains: M6 applies in the election."""
        return not self.extend and bool(self.shortfalls)


def nomination_extension(
    election: Election,
    options: Options | None = None,
    *,
    extensions_granted: int = 0,
    period_end: date | None = None,
) -> ExtensionDecision:
    """Decide on an extension with the candidates nominated so far (``election.candidates``)."""
    options = options or Options()
    shortfalls = nomination_shortfalls(nomination_mvrs(election, options), election.candidates)
    why = [shortfall_explanation(s) for s in shortfalls]
    if not shortfalls:
        why.append(
            explain(
                "nomination.sufficient",
                gettext_noop(
                    "Every regional and gender MVR has at least twice as many candidates: "
                    "the nomination period is not extended"
                ),
            )
        )
        return ExtensionDecision(False, (), extensions_granted, None, tuple(why))
    if extensions_granted >= options.max_extensions:
        why.append(
            explain(
                "nomination.extensions_exhausted",
                gettext_noop(
                    "{granted} extensions already granted, the most allowed: the election goes "
                    "ahead and the scarcity rule applies"
                ),
                granted=extensions_granted,
            )
        )
        return ExtensionDecision(False, shortfalls, extensions_granted, None, tuple(why))
    new_end = period_end + timedelta(weeks=options.extension_weeks) if period_end else None
    params = {
        "weeks": options.extension_weeks,
        "number": extensions_granted + 1,
        "maximum": options.max_extensions,
    }
    if new_end is None:
        why.append(
            explain(
                "nomination.extended",
                gettext_noop(
                    "The nomination period is extended by {weeks} weeks (extension {number} "
                    "of {maximum})"
                ),
                **params,
            )
        )
    else:
        why.append(
            explain(
                "nomination.extended_until",
                gettext_noop(
                    "The nomination period is extended by {weeks} weeks (extension {number} "
                    "of {maximum}), until {until}"
                ),
                until=new_end.isoformat(),
                **params,
            )
        )
    return ExtensionDecision(True, shortfalls, extensions_granted + 1, new_end, tuple(why))


def can_meet(needs: Mapping[str, int], candidates: Sequence[Person], seats: int) -> bool:
    """Whether at most ``seats`` of ``candidates``, all of different nationalities, meet
    every need at once (the M8 test). One candidate counts for a list, a region and a gender.
    """
    wanted = {c: n for c, n in needs.items() if n > 0}
    if not wanted:
        return True
    if seats <= 0:
        return False
    order = [c for c in CATEGORIES if c in wanted]
    index = {c: i for i, c in enumerate(order)}
    start = tuple(wanted[c] for c in order)
    families = [[index[c] for c in family if c in index] for family in (LISTS, REGIONS, GENDERS)]

    # Quick necessary checks before searching.
    supply = count_by_category(candidates)
    if any(supply[c] < n for c, n in wanted.items()):
        return False
    if any(sum(start[i] for i in fam) > seats for fam in families):
        return False

    # A candidate who helps with none of the needs is never worth a seat.
    useful = [p for p in candidates if any(c in index for c in p.categories)]
    by_nationality: dict[str, list[tuple[int, ...]]] = {}
    for person in useful:
        hits = tuple(sorted({index[c] for c in person.categories if c in index}))
        options_for = by_nationality.setdefault(person.nationality, [])
        if hits not in options_for:
            options_for.append(hits)

    def lower_bound(state: tuple[int, ...]) -> int:
        return max(sum(state[i] for i in fam) for fam in families)

    # Exact search by dynamic programming over nationalities (at most one judge each, E5):
    # the state is what is still needed per category, the value the fewest judges used.
    best: dict[tuple[int, ...], int] = {start: 0}
    for choices in by_nationality.values():
        nxt = dict(best)
        for state, used in best.items():
            if used + 1 > seats:
                continue
            for hits in choices:
                if not any(state[i] for i in hits):
                    continue
                new = list(state)
                for i in hits:
                    if new[i]:
                        new[i] -= 1
                new_state = tuple(new)
                if used + 1 + lower_bound(new_state) > seats:
                    continue
                if new_state not in nxt or nxt[new_state] > used + 1:
                    nxt[new_state] = used + 1
        best = nxt
        if any(not any(s) for s in best):
            return True
    return any(not any(s) for s in best)
