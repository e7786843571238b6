"""Every choice the rules leave open, and the rule constants, as one frozen value.

Rule references point to ``data/court/judicial_elections.md``. Fields marked OPEN are points
that file says the sources do not settle; their defaults are the defaults it proposes, or,
where it proposes none, the choice documented here and in ``docs/elections.md``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from types import MappingProxyType
from typing import Any, Literal

from .errors import ElectionInputError
from .explain import Message, gettext_noop

RegionalRule = Literal["res6", "first_election"]
TieRule = Literal["none_of_tied", "nobody"]
CutoffTie = Literal["remove_none", "remove_all"]
Rounding = Literal["ceil", "floor"]
FeasibilityTest = Literal["joint", "separate", "off"]
ListInfeasible = Literal["keep", "cap", "drop"]

_CHOICES: dict[str, tuple[str, ...]] = {
    "regional_rule": ("res6", "first_election"),
    "last_seat_tie": ("none_of_tied", "nobody"),
    "cutoff_tie": ("remove_none", "remove_all"),
    "scarcity_rounding": ("ceil", "floor"),
    "feasibility_test": ("joint", "separate", "off"),
    "list_infeasible": ("keep", "cap", "drop"),
}
#: How each ``scarcity_rounding`` reads in an explanation: the option keeps its value
#: ("ceil", "floor") in the options and in an explanation's ``params``; its text says this.
ROUNDING_LABELS: Mapping[str, str] = MappingProxyType(
    {"ceil": gettext_noop("rounded up"), "floor": gettext_noop("rounded down")}
)
_OPTIONAL_INTS = frozenset({"cutoff_from_ballot", "list_a_maximum", "list_b_maximum"})
_POSITIVE_INTS = frozenset({"bench_size", "mvr_ballot_limit", "cutoff_from_ballot"})


@dataclass(frozen=True)
class Options:
    # --- Rule constants (tagged [S]/[R]/[V]; configurable for other texts, e.g. 2003) ---
    #: E1: judges on the bench; remaining judges plus seats may not exceed it.
    bench_size: int = 18
    #: M1/E4: judges the bench must hold from list A and from list B.
    list_a_minimum: int = 9
    list_b_minimum: int = 5
    #: M3: judges the bench must hold of each gender.
    gender_minimum: int = 6
    #: M2 ("res6", ICC-ASP/3/Res.6) or M5 ("first_election", ICC-ASP/1/Res.3, 2003 only).
    regional_rule: RegionalRule = "res6"
    #: M2: base regional requirement, raised by one for a group of more than the threshold.
    regional_base: int = 2
    regional_threshold: int = 16
    #: M5: at most this many judges of a list "considered elected" (2003: 13 and 9). None: no cap.
    list_a_maximum: int | None = None
    list_b_maximum: int | None = None
    #: N3: length of one extension of the nomination period, and how many there may be.
    extension_weeks: int = 2
    max_extensions: int = 3
    #: M9: regional and gender MVRs apply in ballots 1 to this number only.
    mvr_ballot_limit: int = 4

    # --- OPEN points ---
    #: V4 OPEN: tie for the last seat(s) among candidates with the majority. "none_of_tied":
    #: candidates ranked above the tie are elected, nobody in the tie is (rules-file default);
    #: "nobody": nobody at all is elected in that ballot.
    last_seat_tie: TieRule = "none_of_tied"
    #: V7 OPEN: after each ballot from this one on, if a seat is still open, the candidate with
    #: the fewest votes is dropped from the next ballot. None: no cut-off.
    cutoff_from_ballot: int | None = 4
    #: V7 OPEN: skip the cut-off if it would leave no more candidates than open seats.
    cutoff_keep_more_candidates_than_seats: bool = True
    #: V7 OPEN: skip the cut-off if it would leave fewer candidates of a list than its MVR.
    cutoff_protect_list_mvrs: bool = True
    #: V7 OPEN: tie for last place: remove nobody (default) or every tied candidate.
    cutoff_tie: CutoffTie = "remove_none"
    #: M6 (rounding uncertain): an MVR with fewer than twice as many candidates becomes
    #: ceil(N/2) (default, fits 2017 and 2023) or floor(N/2).
    scarcity_rounding: Rounding = "ceil"
    #: M6 OPEN: re-apply the scarcity rule before every ballot with the candidates then on the
    #: ballot (default). False: adjust once when voting begins and then only subtract the
    #: judges elected.
    scarcity_recompute: bool = True
    #: M8 OPEN: how to decide that regional and gender MVRs "can no longer be (jointly)
    #: fulfilled". "joint": no set of at most S eligible candidates on the ballot meets every
    #: active MVR at once (default); "separate": some category has fewer eligible candidates
    #: than its MVR, or a family's MVRs add up to more than S; "off": never drop them.
    feasibility_test: FeasibilityTest = "joint"
    #: M8 (choice of this engine): once dropped for infeasibility, regional and gender MVRs
    #: stay dropped for the rest of the election ("discontinued").
    feasibility_drop_is_permanent: bool = True
    #: M8 OPEN: when even the list MVRs cannot be met by the candidates on the ballot.
    #: "keep": keep them (list MVRs are "not to be waived at any time"; the engine then
    #: explains that no marked ballot can be valid); "cap": lower each to the number of
    #: candidates of that list on the ballot; "drop": drop them for that ballot.
    list_infeasible: ListInfeasible = "keep"

    def __post_init__(self) -> None:
        for f in fields(self):
            _check_value(f.name, getattr(self, f.name), f.default)

    @classmethod
    def first_election(cls, **overrides: Any) -> Options:
        """The 2003 rules of ICC-ASP/1/Res.3 (M5) where they differ from the later ones."""
        base: dict[str, Any] = {
            "regional_rule": "first_election",
            "list_a_maximum": 13,
            "list_b_maximum": 9,
        }
        return cls(**{**base, **overrides})

    @classmethod
    def from_mapping(cls, data: object) -> Options:
        """Options from a decoded JSON object; unknown names and wrong types are rejected."""
        if not isinstance(data, Mapping):
            raise ElectionInputError(
                "options.type",
                gettext_noop("The options must be a JSON object, not {kind}"),
                kind=_json_kind(data),
            )
        known = {f.name for f in fields(cls)}
        for key in data:
            if key not in known:
                raise ElectionInputError(
                    "options.unknown",
                    gettext_noop("Unknown option {name}; known options: {known}"),
                    name=repr(key),
                    known=", ".join(sorted(known)),
                )
        return cls(**dict(data))

    def as_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _check_value(name: str, value: object, default: object) -> None:
    if name in _CHOICES:
        if value not in _CHOICES[name]:
            raise ElectionInputError(
                "options.value",
                gettext_noop("Option {name} must be one of {choices}, not {value}"),
                name=name,
                choices=", ".join(_CHOICES[name]),
                value=repr(value),
            )
        return
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise ElectionInputError(
                "options.type",
                gettext_noop("Option {name} must be true or false, not {value}"),
                name=name,
                value=repr(value),
            )
        return
    if value is None and name in _OPTIONAL_INTS:
        return
    if not isinstance(value, int) or isinstance(value, bool):
        raise ElectionInputError(
            "options.type",
            gettext_noop("Option {name} must be a whole number, not {value}"),
            name=name,
            value=repr(value),
        )
    minimum = 1 if name in _POSITIVE_INTS else 0
    if value < minimum:
        raise ElectionInputError(
            "options.value",
            gettext_noop("Option {name} must be at least {minimum}, not {value}"),
            name=name,
            minimum=minimum,
            value=value,
        )


def _json_kind(value: object) -> str:
    """What a decoded JSON value is, in words translated with the message it fills.

    ``null`` is the JSON literal and stays as it is, like the name of a type that JSON cannot
    give (when the engine is called from Python).
    """
    if value is None:
        return "null"
    kind: Message | None = None
    if isinstance(value, bool):
        kind = gettext_noop("a boolean")
    elif isinstance(value, int):
        kind = gettext_noop("a number")
    elif isinstance(value, float):
        kind = gettext_noop("a decimal number")
    elif isinstance(value, str):
        kind = gettext_noop("a string")
    elif isinstance(value, list):
        kind = gettext_noop("a list")
    elif isinstance(value, Mapping):
        kind = gettext_noop("an object")
    return kind if kind is not None else type(value).__name__
