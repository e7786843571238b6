"""Read the election fixtures of ``data/court/elections`` (the single copy; nothing duplicated).

A fixture leaves a person's list ``null`` where no source gives it; a test that needs the list
says which assignment it assumes (``lists=``), and tests that the published figures hold for
every assignment the fixture README allows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from commonbonds.court.elections import BallotTally, Election, Person

REPO = Path(__file__).resolve().parents[3]
FIXTURES = REPO / "data" / "court" / "elections"
RULES = REPO / "data" / "court" / "judicial_elections.md"


def load_fixture(year: int) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{year}.json").read_text(encoding="utf-8"))


def person(raw: Mapping[str, Any], lists: Mapping[str, str]) -> Person:
    list_ = raw["list"] if raw["list"] is not None else lists.get(raw["name"])
    if list_ is None:
        raise AssertionError(f"the test must assume a list for {raw['name']}")
    return Person(raw["name"], list_, raw["region"], raw["gender"], raw["nationality"])


def election_from_fixture(
    year: int,
    *,
    lists: Mapping[str, str] | None = None,
    drop_remaining: Iterable[str] = (),
    states_parties_by_group: Mapping[str, int] | None = None,
) -> Election:
    data = load_fixture(year)
    lists = lists or {}
    dropped = set(drop_remaining)
    return Election(
        seats=data["seats"],
        states_parties_by_group=states_parties_by_group or data["states_parties_by_group"],
        remaining_judges=tuple(
            person(p, lists) for p in data["remaining_judges"] if p["name"] not in dropped
        ),
        candidates=tuple(person(p, lists) for p in data["candidates"]),
    )


def tally(ballot_papers: int, invalid: int = 0, abstentions: int = 0, **votes: int) -> BallotTally:
    return BallotTally(ballot_papers, invalid, abstentions, votes)


def p(name: str, list_: str, region: str, gender: str, nationality: str | None = None) -> Person:
    """A made-up person for rule tests (never a real judge)."""
    return Person(name, list_, region, gender, nationality or f"State of {name}")


def zeros() -> dict[str, int]:
    from commonbonds.court.elections import CATEGORIES

    return dict.fromkeys(CATEGORIES, 0)
