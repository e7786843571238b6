"""The ``simulate_election`` management command: a thin wrapper of the pure simulator.

Django is imported inside the tests so that the pure engine's tests never need it. The command
touches no database, so no test here asks for one.
"""

import io
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "court" / "elections"


def call(*args):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("simulate_election", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def test_replays_the_2013_by_election():
    result = json.loads(call(FIXTURES / "2013.json"))
    (round1,) = result["rounds"]
    assert (round1["voting"], round1["required"]) == (98, 66)
    assert result["elected"] == ["Geoffrey A. Henderson"]
    assert result["nomination_mvrs"]["Latin American and Caribbean States"] == 1


def test_options_file(tmp_path):
    options = tmp_path / "options.json"
    options.write_text('{"scarcity_rounding": "floor"}', encoding="utf-8")
    result = json.loads(call(FIXTURES / "2013.json", "--options", options))
    assert result["rounds"][0]["active_mvrs"]["Latin American and Caribbean States"] == 0


def test_options_keyword_of_call_command(tmp_path):
    from django.core.management import call_command

    options = tmp_path / "options.json"
    options.write_text("{}", encoding="utf-8")
    out = io.StringIO()
    call_command("simulate_election", str(FIXTURES / "2014.json"), options=str(options), stdout=out)
    assert json.loads(out.getvalue())["nomination_mvrs"]["B"] == 2


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("{", "file.not_json"),
        ('{"seats": 1}', "input.missing_key"),
    ],
)
def test_bad_input_is_a_command_error_with_status_2(tmp_path, content, code):
    from django.core.management.base import CommandError

    path = tmp_path / "election.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError) as err:
        call(path)
    assert err.value.returncode == 2
    assert f"[{code}]" in str(err.value)


def test_fixture_with_unknown_lists_is_rejected():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as err:
        call(FIXTURES / "2006.json")
    assert err.value.returncode == 2
    assert "input.unknown_list" in str(err.value)
