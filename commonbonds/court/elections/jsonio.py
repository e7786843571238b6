"""The simulator's JSON: reading an election (with located error messages) and writing results.

Input shape (see ``docs/elections.md``)::

    {"seats": 6, "states_parties_by_group": {group: n},
     "remaining_judges": [person], "candidates": [person],
     "rounds": [{"ballot_papers", "invalid", "abstentions", "votes": {name: n},
                 "withdrawn_before": [names]}]}

with person = ``{"name", "list", "region", "gender", "nationality"}``. The keys that the
fixture files of ``data/court/elections`` add (``year``, ``published_mvrs``, a round's
``voting``, ``required``, ``elected``...) are accepted; published figures are compared with
the computed ones and the comparison is reported as an explanation.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .engine import SimulationResult
from .errors import ElectionInputError
from .explain import Explanation, Translate, explain, gettext_noop, identity
from .model import CATEGORIES, GENDERS, LISTS, REGIONS, BallotTally, Election, Person, RoundInput
from .options import _json_kind

_TOP_REQUIRED = ("seats", "states_parties_by_group", "remaining_judges", "candidates", "rounds")
_TOP_INFORMATIVE = ("year", "session", "published_mvrs", "sources", "notes")
_PERSON_KEYS = ("name", "list", "region", "gender", "nationality")
_ROUND_REQUIRED = ("ballot_papers", "invalid", "abstentions", "votes")
_ROUND_OPTIONAL = ("withdrawn_before", "round", "valid", "voting", "required", "elected", "note")


@dataclass(frozen=True)
class RoundCheck:
    """Figures an input round states, to compare with the computed ones."""

    figures: Mapping[str, int] = field(default_factory=dict)
    elected: tuple[str, ...] | None = None


@dataclass(frozen=True)
class ParsedInput:
    election: Election
    rounds: tuple[RoundInput, ...]
    published_mvrs: Mapping[str, int] = field(default_factory=dict)
    checks: tuple[RoundCheck, ...] = ()


#: The whole input document, where messages name a place in it (``{where}``).
_THE_INPUT = gettext_noop("the input")


def parse_input(data: object) -> ParsedInput:
    top = _object(data, _THE_INPUT)
    _keys(top, _THE_INPUT, _TOP_REQUIRED, _TOP_INFORMATIVE)
    seats = _whole(top["seats"], "seats")
    groups = _object(top["states_parties_by_group"], "states_parties_by_group")
    for group in groups:
        if group not in REGIONS:
            raise ElectionInputError(
                "input.unknown_region",
                gettext_noop(
                    "states_parties_by_group: unknown regional group {group}; expected one of "
                    "{regions}"
                ),
                group=repr(group),
                regions=", ".join(REGIONS),
            )
    for group in REGIONS:
        if group not in groups:
            raise ElectionInputError(
                "input.missing_key",
                gettext_noop(
                    "states_parties_by_group has no {key}, the number of States Parties of the "
                    "{category} group"
                ),
                key=repr(group),
                category=group,
            )
    counts = {g: _whole(groups[g], f"states_parties_by_group[{g!r}]") for g in REGIONS}
    remaining = _people(top["remaining_judges"], "remaining_judges")
    candidates = _people(top["candidates"], "candidates")
    names = [p.name for p in (*remaining, *candidates)]
    for name in names:
        if names.count(name) > 1:
            raise ElectionInputError(
                "input.duplicate_name", gettext_noop("{name} is given more than once"), name=name
            )
    known = {p.name for p in candidates}
    rounds, checks = [], []
    for i, raw in enumerate(_list(top["rounds"], "rounds")):
        where = f"rounds[{i}]"
        item = _object(raw, where)
        _keys(item, where, _ROUND_REQUIRED, _ROUND_OPTIONAL)
        if "round" in item and _whole(item["round"], f"{where}.round") != i + 1:
            raise ElectionInputError(
                "input.round_number",
                gettext_noop(
                    "{where}.round is {given}, but rounds must run 1, 2, 3... with none left out"
                ),
                where=where,
                given=item["round"],
            )
        votes_raw = _object(item["votes"], f"{where}.votes")
        votes = {}
        for name, n in votes_raw.items():
            if name not in known:
                raise ElectionInputError(
                    "round.unknown_candidate",
                    gettext_noop("{where}.votes names {name}, who is not a candidate"),
                    where=where,
                    name=repr(name),
                )
            votes[name] = _whole(n, f"{where}.votes[{name!r}]")
        withdrawn = _names(item.get("withdrawn_before", []), f"{where}.withdrawn_before")
        for name in withdrawn:
            if name not in known:
                raise ElectionInputError(
                    "round.withdraw_unknown",
                    gettext_noop("{where}.withdrawn_before names {name}, who is not a candidate"),
                    where=where,
                    name=repr(name),
                )
        tally = BallotTally(
            ballot_papers=_whole(item["ballot_papers"], f"{where}.ballot_papers"),
            invalid=_whole(item["invalid"], f"{where}.invalid"),
            abstentions=_whole(item["abstentions"], f"{where}.abstentions"),
            votes=votes,
        )
        if tally.invalid > tally.ballot_papers:
            raise ElectionInputError(
                "round.invalid_exceeds_papers",
                gettext_noop(
                    "{where}: {invalid} invalid ballots is more than the {papers} ballot papers"
                ),
                where=where,
                invalid=tally.invalid,
                papers=tally.ballot_papers,
            )
        if tally.abstentions > tally.valid:
            raise ElectionInputError(
                "round.abstentions_exceed_valid",
                gettext_noop(
                    "{where}: {abstentions} abstentions is more than the {valid} valid ballots"
                ),
                where=where,
                abstentions=tally.abstentions,
                valid=tally.valid,
            )
        rounds.append(RoundInput(tally=tally, withdrawn_before=withdrawn))
        figures = {
            key: _whole(item[key], f"{where}.{key}")
            for key in ("valid", "voting", "required")
            if item.get(key) is not None
        }
        elected = tuple(_names(item["elected"], f"{where}.elected")) if "elected" in item else None
        checks.append(RoundCheck(figures, elected))
    published: dict[str, int] = {}
    if top.get("published_mvrs") is not None:
        raw_published = _object(top["published_mvrs"], "published_mvrs")
        for key, value in raw_published.items():
            if key not in CATEGORIES:
                raise ElectionInputError(
                    "input.unknown_category",
                    gettext_noop(
                        "published_mvrs: unknown category {key}; expected one of {categories}"
                    ),
                    key=repr(key),
                    categories=", ".join(CATEGORIES),
                )
            published[key] = _whole(value, f"published_mvrs[{key!r}]")
    election = Election(seats, counts, tuple(remaining), tuple(candidates))
    return ParsedInput(election, tuple(rounds), published, tuple(checks))


def result_to_json(
    result: SimulationResult,
    parsed: ParsedInput | None = None,
    translate: Translate = identity,
) -> dict[str, Any]:
    """The simulator's output: every MVR dict has all nine categories."""
    nomination_why = list(result.nomination.explanations)
    if parsed is not None and parsed.published_mvrs:
        computed = result.nomination.mvrs.as_dict()
        nomination_why.extend(
            _check(f"published_mvrs[{key}]", value, computed[key])
            for key, value in parsed.published_mvrs.items()
        )
    rounds = []
    for i, r in enumerate(result.rounds):
        why = list(r.explanations)
        if parsed is not None and i < len(parsed.checks):
            check = parsed.checks[i]
            computed_figures = {"valid": r.count.valid, "voting": r.voting, "required": r.required}
            why.extend(
                _check(key, value, computed_figures[key]) for key, value in check.figures.items()
            )
            if check.elected is not None:
                why.append(_check("elected", list(check.elected), list(r.elected)))
        rounds.append(
            {
                "round": r.round,
                "active_mvrs": r.active_mvrs,
                "max_marks": r.max_marks,
                "voting": r.voting,
                "required": r.required,
                "elected": list(r.elected),
                "explanations": [e.as_dict(translate) for e in why],
            }
        )
    return {
        "nomination_mvrs": result.nomination.mvrs.as_dict(),
        "nomination_explanations": [e.as_dict(translate) for e in nomination_why],
        "rounds": rounds,
        "elected": list(result.elected),
    }


def _check(name: str, given: object, computed: object) -> Explanation:
    # Who was elected in a round is a set: sources list winners in no fixed order.
    same = (
        sorted(given) == sorted(computed)
        if isinstance(given, list) and isinstance(computed, list)
        else given == computed
    )
    if same:
        return explain(
            "check.match",
            gettext_noop("Input states {field} {given}; the engine agrees"),
            field=name,
            given=_show(given),
        )
    return explain(
        "check.mismatch",
        gettext_noop("Input states {field} {given}, but the engine computes {computed}"),
        field=name,
        given=_show(given),
        computed=_show(computed),
    )


def _show(value: object) -> object:
    return tuple(value) if isinstance(value, list) else value


# -- small typed readers -------------------------------------------------------------------


def _object(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise ElectionInputError(
            "input.type",
            gettext_noop("{where} must be a JSON object, not {kind}"),
            where=where,
            kind=_json_kind(value),
        )
    return value


def _list(value: object, where: str) -> Sequence[Any]:
    if not isinstance(value, list):
        raise ElectionInputError(
            "input.type",
            gettext_noop("{where} must be a JSON list, not {kind}"),
            where=where,
            kind=_json_kind(value),
        )
    return value


def _whole(value: object, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ElectionInputError(
            "input.type",
            gettext_noop("{where} must be a whole number, not {kind}"),
            where=where,
            kind=_json_kind(value),
        )
    if value < 0:
        raise ElectionInputError(
            "input.negative",
            gettext_noop("{where} cannot be negative ({value})"),
            where=where,
            value=value,
        )
    return value


def _text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise ElectionInputError(
            "input.type",
            gettext_noop("{where} must be a string, not {kind}"),
            where=where,
            kind=_json_kind(value),
        )
    if not value.strip():
        raise ElectionInputError(
            "input.empty", gettext_noop("{where} cannot be empty"), where=where
        )
    return value


def _names(value: object, where: str) -> list[str]:
    return [_text(item, f"{where}[{i}]") for i, item in enumerate(_list(value, where))]


def _keys(
    item: Mapping[str, Any], where: str, required: Sequence[str], optional: Sequence[str]
) -> None:
    for key in required:
        if key not in item:
            raise ElectionInputError(
                "input.missing_key",
                gettext_noop("{where} has no {key}"),
                where=where,
                key=repr(key),
            )
    allowed = {*required, *optional}
    for key in item:
        if key not in allowed:
            raise ElectionInputError(
                "input.unknown_key",
                gettext_noop("{where} has an unknown key {key}; allowed: {allowed}"),
                where=where,
                key=repr(key),
                allowed=", ".join(sorted(allowed)),
            )


def _people(value: object, where: str) -> list[Person]:
    people = []
    for i, raw in enumerate(_list(value, where)):
        at = f"{where}[{i}]"
        item = _object(raw, at)
        _keys(item, at, _PERSON_KEYS, ())
        name = _text(item["name"], f"{at}.name")
        at = f"{where}[{i}] ({name})"
        list_ = item["list"]
        if list_ not in LISTS:
            raise ElectionInputError(
                "input.unknown_list",
                gettext_noop('{where}.list must be "A" or "B", not {value}'),
                where=at,
                value=_repr_json(list_),
            )
        region = item["region"]
        if region not in REGIONS:
            raise ElectionInputError(
                "input.unknown_region",
                gettext_noop("{where}.region {value} is not one of {regions}"),
                where=at,
                value=_repr_json(region),
                regions=", ".join(REGIONS),
            )
        gender = item["gender"]
        if gender not in GENDERS:
            raise ElectionInputError(
                "input.unknown_gender",
                gettext_noop('{where}.gender must be "F" or "M", not {value}'),
                where=at,
                value=_repr_json(gender),
            )
        nationality = _text(item["nationality"], f"{at}.nationality")
        people.append(Person(name, list_, region, gender, nationality))
    return people


def _repr_json(value: object) -> str:
    return "null" if value is None else repr(value)
