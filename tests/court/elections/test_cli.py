"""The simulator's pure entry point: exit status 0 with JSON, or 2 with one clear message."""

import copy
import io
import json

import pytest

from commonbonds.court.elections import CATEGORIES
from commonbonds.court.elections.cli import main

from .helpers import FIXTURES, load_fixture


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], out, err)
    return status, out.getvalue(), err.getvalue()


def write(tmp_path, data, name="election.json"):
    path = tmp_path / name
    text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    path.write_text(text, encoding="utf-8")
    return path


def base_2013():
    """The 2013 fixture, minus its informative keys: the spec's plain input shape."""
    data = load_fixture(2013)
    plain = {
        k: data[k] for k in ("seats", "states_parties_by_group", "remaining_judges", "candidates")
    }
    (round1,) = data["rounds"]
    plain["rounds"] = [{k: round1[k] for k in ("ballot_papers", "invalid", "abstentions", "votes")}]
    return plain


def test_2013_fixture_runs_directly():
    status, out, err = run(FIXTURES / "2013.json")
    assert (status, err) == (0, "")
    result = json.loads(out)
    assert set(result) == {"nomination_mvrs", "nomination_explanations", "rounds", "elected"}
    assert list(result["nomination_mvrs"]) == list(CATEGORIES)
    (round1,) = result["rounds"]
    assert set(round1) == {
        "round",
        "active_mvrs",
        "max_marks",
        "voting",
        "required",
        "elected",
        "explanations",
    }
    assert list(round1["active_mvrs"]) == list(CATEGORIES)
    assert round1["active_mvrs"]["Latin American and Caribbean States"] == 1
    assert (round1["round"], round1["max_marks"], round1["voting"], round1["required"]) == (
        1,
        1,
        98,
        66,
    )
    assert round1["elected"] == result["elected"] == ["Geoffrey A. Henderson"]
    checks = [e for e in round1["explanations"] if e["code"].startswith("check.")]
    assert [c["code"] for c in checks] == ["check.match"] * 4
    for explanation in round1["explanations"]:
        assert set(explanation) == {"code", "template", "params", "text"}


def test_2014_fixture_gives_the_published_requirements():
    status, out, _ = run(FIXTURES / "2014.json")
    assert status == 0
    result = json.loads(out)
    assert {k: v for k, v in result["nomination_mvrs"].items() if v} == {
        "B": 2,
        "Asia-Pacific States": 1,
        "Eastern European States": 2,
        "M": 1,
    }
    assert result["rounds"] == [] and result["elected"] == []
    codes = [e["code"] for e in result["nomination_explanations"]]
    assert codes.count("check.match") == 4 and "check.mismatch" not in codes


@pytest.mark.parametrize("year", [2006, 2011, 2023])
def test_fixtures_with_unknown_lists_are_rejected(year):
    status, out, err = run(FIXTURES / f"{year}.json")
    assert (status, out) == (2, "")
    assert "[input.unknown_list]" in err and "null" in err


def test_plain_input_and_unicode_output(tmp_path):
    status, out, _ = run(write(tmp_path, base_2013()))
    assert status == 0
    result = json.loads(out)
    assert result["elected"] == ["Geoffrey A. Henderson"]
    assert "—" not in out and "\\u" not in out  # names stay readable


def test_a_published_figure_that_disagrees_is_reported_not_fatal(tmp_path):
    data = load_fixture(2013)
    data["rounds"][0]["required"] = 65
    status, out, _ = run(write(tmp_path, data))
    assert status == 0
    (round1,) = json.loads(out)["rounds"]
    mismatch = [e for e in round1["explanations"] if e["code"] == "check.mismatch"]
    assert mismatch[0]["text"] == "Input states required 65, but the engine computes 66"


def test_withdrawals_and_missing_votes(tmp_path):
    data = base_2013()
    data["candidates"].append(
        {
            "name": "Test Candidate",
            "list": "B",
            "region": "Western European and Other States",
            "gender": "F",
            "nationality": "Testland",
        }
    )
    data["rounds"][0]["withdrawn_before"] = ["Test Candidate"]
    status, out, _ = run(write(tmp_path, data))
    assert status == 0
    texts = [e["text"] for e in json.loads(out)["rounds"][0]["explanations"]]
    assert "Test Candidate withdrawn before ballot 1" in texts


def test_options_file(tmp_path):
    options = write(
        tmp_path, {"cutoff_from_ballot": None, "scarcity_rounding": "floor"}, "options.json"
    )
    status, out, _ = run(write(tmp_path, base_2013()), "--options", options)
    assert status == 0
    # floor(1/2) = 0: the GRULAC requirement disappears under the floor option.
    assert json.loads(out)["rounds"][0]["active_mvrs"]["Latin American and Caribbean States"] == 0


def _mutate(fn):
    data = base_2013()
    fn(data)
    return data


BAD_INPUTS = {
    "unknown candidate in votes": (
        lambda d: d["rounds"][0]["votes"].update({"Nobody": 3}),
        "round.unknown_candidate",
    ),
    "duplicate name": (
        lambda d: d["candidates"].append(dict(d["remaining_judges"][0])),
        "input.duplicate_name",
    ),
    "negative ballot papers": (lambda d: d["rounds"][0].update(ballot_papers=-1), "input.negative"),
    "negative votes": (
        lambda d: d["rounds"][0]["votes"].update({"Geoffrey A. Henderson": -5}),
        "input.negative",
    ),
    "negative States Parties": (
        lambda d: d["states_parties_by_group"].update({"African States": -1}),
        "input.negative",
    ),
    "more invalid than papers": (
        lambda d: d["rounds"][0].update(invalid=100),
        "round.invalid_exceeds_papers",
    ),
    "more abstentions than valid": (
        lambda d: d["rounds"][0].update(abstentions=100),
        "round.abstentions_exceed_valid",
    ),
    "unknown region": (
        lambda d: d["candidates"][0].update(region="Oceania"),
        "input.unknown_region",
    ),
    "unknown group": (
        lambda d: d["states_parties_by_group"].update({"Oceania": 3}),
        "input.unknown_region",
    ),
    "unknown list": (lambda d: d["candidates"][0].update(list="C"), "input.unknown_list"),
    "unknown gender": (lambda d: d["candidates"][0].update(gender="X"), "input.unknown_gender"),
    "seats as text": (lambda d: d.update(seats="1"), "input.type"),
    "seats as boolean": (lambda d: d.update(seats=True), "input.type"),
    "seats as float": (lambda d: d.update(seats=1.0), "input.type"),
    "zero seats": (lambda d: d.update(seats=0), "input.seats"),
    "votes as text": (
        lambda d: d["rounds"][0]["votes"].update({"Geoffrey A. Henderson": "98"}),
        "input.type",
    ),
    "judges not a list": (lambda d: d.update(remaining_judges={}), "input.type"),
    "name not text": (lambda d: d["candidates"][0].update(name=7), "input.type"),
    "empty name": (lambda d: d["candidates"][0].update(name=" "), "input.empty"),
    "missing seats": (lambda d: d.pop("seats"), "input.missing_key"),
    "missing rounds": (lambda d: d.pop("rounds"), "input.missing_key"),
    "missing group": (
        lambda d: d["states_parties_by_group"].pop("African States"),
        "input.missing_key",
    ),
    "missing votes": (lambda d: d["rounds"][0].pop("votes"), "input.missing_key"),
    "missing gender": (lambda d: d["candidates"][0].pop("gender"), "input.missing_key"),
    "unknown key": (lambda d: d.update(seat=1), "input.unknown_key"),
    "misspelt withdrawal key": (lambda d: d["rounds"][0].update(withdrawn=[]), "input.unknown_key"),
    "withdrawal of a stranger": (
        lambda d: d["rounds"][0].update(withdrawn_before=["Nobody"]),
        "round.withdraw_unknown",
    ),
    "votes above voting": (
        lambda d: d["rounds"][0]["votes"].update({"Geoffrey A. Henderson": 99}),
        "round.votes_exceed_voting",
    ),
    "too many judges": (lambda d: d.update(seats=2), "input.bench_size"),
    "round numbers with a gap": (lambda d: d["rounds"][0].update(round=2), "input.round_number"),
    "ballot after the last seat": (
        lambda d: d["rounds"].append(copy.deepcopy(d["rounds"][0])),
        "round.after_completion",
    ),
    "two judges of one nationality": (
        lambda d: d["remaining_judges"][1].update(
            nationality=d["remaining_judges"][0]["nationality"]
        ),
        "input.duplicate_nationality",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_exits_2(tmp_path, case):
    fn, code = BAD_INPUTS[case]
    status, out, err = run(write(tmp_path, _mutate(fn)))
    assert (status, out) == (2, "")
    assert err.startswith(f"simulate_election: error [{code}]: ")
    assert err.count("\n") == 1


def test_a_candidate_given_twice_in_votes(tmp_path):
    text = json.dumps(base_2013(), ensure_ascii=False).replace(
        '"votes": {', '"votes": {"Geoffrey A. Henderson": 1, '
    )
    status, _, err = run(write(tmp_path, text))
    assert status == 2 and "[file.duplicate_key]" in err and "Henderson" in err


def test_top_level_not_an_object(tmp_path):
    status, _, err = run(write(tmp_path, [1, 2]))
    assert status == 2 and "[input.type]" in err and "a list" in err


def test_unreadable_files(tmp_path):
    status, _, err = run(write(tmp_path, '{"seats": 1,'))
    assert status == 2 and "[file.not_json]" in err and "line 1" in err
    status, _, err = run(tmp_path / "missing.json")
    assert status == 2 and "[file.unreadable]" in err
    bad = tmp_path / "latin1.json"
    bad.write_bytes(b'{"seats": "\xe9"}')
    status, _, err = run(bad)
    assert status == 2 and "[file.unreadable]" in err


@pytest.mark.parametrize(
    ("options", "code"),
    [
        ('{"cutof_from_ballot": 5}', "options.unknown"),
        ('{"scarcity_rounding": "up"}', "options.value"),
        ('{"scarcity_recompute": "yes"}', "options.type"),
        ("[]", "options.type"),
        ("{", "file.not_json"),
    ],
)
def test_bad_options_exit_2(tmp_path, options, code):
    status, out, err = run(
        write(tmp_path, base_2013()), "--options", write(tmp_path, options, "options.json")
    )
    assert (status, out) == (2, "")
    assert f"[{code}]" in err


def test_usage():
    status, out, err = run()
    assert status == 2 and "[usage]" in err and out == ""
    status, out, err = run("--help")
    assert status == 0 and "--options" in out and err == ""
    status, out, err = run("a.json", "--frobnicate")
    assert status == 2 and "[usage]" in err
