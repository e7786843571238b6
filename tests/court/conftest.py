"""Fixtures of the Court's tests: states (from data/states.csv), the ICC data imported, and
elections built from the fixtures of data/court/elections/ or the fictional demo."""

from __future__ import annotations

import csv
import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).resolve().parents[2] / "data"
COURT_FILES = ("asp_sessions.csv", "icc_situations.csv", "icc_cases.csv", "icc_budget.csv")
GROUPS = {
    "African States": "african",
    "Asia-Pacific States": "asia_pacific",
    "Eastern European States": "eastern_european",
    "Latin American and Caribbean States": "latin_american_caribbean",
    "Western European and Other States": "western_european_other",
}


def make_states() -> None:
    """Every state of data/states.csv, with its English name (enough for the Court's data)."""
    from commonbonds.treaties.models import State

    with (DATA / "states.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    existing = set(State.objects.values_list("iso3", flat=True))
    State.objects.bulk_create(
        State(
            iso3=r["iso3"],
            iso2=r["iso2"],
            name_en=r["name"],
            name_fr=f"{r['name']} (fr)",
            name_es=f"{r['name']} (es)",
            name_ar=f"{r['name']} (ar)",
            un_member=r["un_member"] == "true",
            asp_regional_group=GROUPS.get(r["asp_regional_group"], ""),
        )
        for r in rows
        if r["iso3"] not in existing
    )


def import_court(data_dir: Path = DATA, **kwargs) -> str:
    out = StringIO()
    call_command("import_court", str(data_dir), stdout=out, stderr=StringIO(), **kwargs)
    return out.getvalue()


@pytest.fixture
def states(db):
    make_states()


@pytest.fixture
def court_data(states):
    import_court()


@pytest.fixture
def court_copy(tmp_path) -> Path:
    """A copy of the ICC files to break."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in COURT_FILES:
        shutil.copy(DATA / name, folder / name)
    return folder


@pytest.fixture(autouse=True)
def _fresh_results():
    from commonbonds.court import results

    results.clear_cache()
    yield
    results.clear_cache()


def election_from_fixture(name: str, *, with_rounds: bool = True, published: bool = True):
    """A real election of data/court/elections/ as the models hold it (no action: the
    fixture is the facts; the tests check what the engine and the pages make of them)."""
    from commonbonds.court.models import (
        Candidate,
        Election,
        RemainingJudge,
        Round,
        RoundVote,
    )
    from commonbonds.treaties.models import State

    data = json.loads((DATA / "court" / "elections" / name).read_text(encoding="utf-8"))
    by_name = {s.name_en: s for s in State.objects.all()}
    election = Election.objects.create(
        slug=f"judges-{data['year']}",
        kind="judges",
        year=data["year"],
        seats=data["seats"],
        published=published,
        **{f"parties_{GROUPS[g]}": n for g, n in data["states_parties_by_group"].items()},
    )
    for person in data["remaining_judges"]:
        RemainingJudge.objects.create(
            election=election,
            name=person["name"],
            judge_list=person["list"],
            gender=person["gender"],
            regional_group=GROUPS[person["region"]],
            nationality=by_name[person["nationality"]],
        )
    candidates = {}
    for n, person in enumerate(data["candidates"], 1):
        state = by_name[person["nationality"]]
        candidates[person["name"]] = Candidate.objects.create(
            election=election,
            name=person["name"],
            position=n,
            judge_list=person["list"],
            gender=person["gender"],
            regional_group=GROUPS[person["region"]],
            nationality=state,
            nominating_state=state,
        )
    if with_rounds:
        for r in data["rounds"]:
            round_ = Round.objects.create(
                election=election,
                number=r["round"],
                ballot_papers=r["ballot_papers"],
                invalid=r["invalid"],
                abstentions=r["abstentions"],
            )
            for cname, votes in r["votes"].items():
                RoundVote.objects.create(round=round_, candidate=candidates[cname], votes=votes)
    return election


@pytest.fixture
def election_2013(states):
    return election_from_fixture("2013.json")


@pytest.fixture
def demo_election(db):
    from commonbonds.court import actions

    return actions.create_demo_election()
