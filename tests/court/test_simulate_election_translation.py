"""Words the engine fills into a translated sentence are translated too.

A French or Arabic reader of ``simulate_election`` must see no English word except names and
codes: why a candidate is off the ballot, what kind of JSON value was given, which file, "the
input", a regional group, the rounding of the scarcity rule. The expected words are written
here by hand from the catalogues of ``commonbonds/court/locale``.
"""

import io
import json
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "court" / "elections"
WEOG = "Western European and Other States"


def call(*args):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("simulate_election", *[str(a) for a in args], stdout=out)
    return out.getvalue()


def base():
    """The 2013 by-election in the plain input shape: one seat, Henderson alone, 98 votes."""
    data = json.loads((FIXTURES / "2013.json").read_text(encoding="utf-8"))
    plain = {
        k: data[k] for k in ("seats", "states_parties_by_group", "remaining_judges", "candidates")
    }
    (round1,) = data["rounds"]
    plain["rounds"] = [{k: round1[k] for k in ("ballot_papers", "invalid", "abstentions", "votes")}]
    return plain


def candidate(name, nationality):
    return {"name": name, "list": "B", "region": WEOG, "gender": "F", "nationality": nationality}


def two_seats(data):
    """One remaining judge fewer, so that two seats fit on the bench of 18."""
    data["remaining_judges"].pop()
    data["seats"] = 2
    return data


def later_round(votes):
    return {"ballot_papers": 99, "invalid": 0, "abstentions": 1, "votes": votes}


def withdrawn_but_voted_for():
    data = base()
    data["candidates"].append(candidate("Test Candidate", "Testland"))
    data["rounds"][0]["withdrawn_before"] = ["Test Candidate"]
    data["rounds"][0]["votes"]["Test Candidate"] = 3
    return data, None


def elected_but_voted_for_again():
    data = two_seats(base())
    data["candidates"].append(candidate("Test Candidate", "Testland"))
    data["rounds"][0]["votes"]["Test Candidate"] = 10
    data["rounds"].append(later_round({"Geoffrey A. Henderson": 5, "Test Candidate": 50}))
    return data, None


def cut_off_but_voted_for():
    data = two_seats(base())
    for name, country, votes in (
        ("B One", "Bland", 20),
        ("C Two", "Cland", 15),
        ("D Three", "Dland", 10),
    ):
        data["candidates"].append(candidate(name, country))
        data["rounds"][0]["votes"][name] = votes
    data["rounds"].append(later_round({"B One": 30, "D Three": 5}))
    return data, {"cutoff_from_ballot": 1, "cutoff_protect_list_mvrs": False}


def same_nationality_but_voted_for():
    data = base()
    data["candidates"].append(
        candidate("Test Candidate", data["remaining_judges"][0]["nationality"])
    )
    data["rounds"][0]["votes"]["Test Candidate"] = 3
    return data, None


# case: (election and options, code, English filler, French filler, Arabic filler)
OFF_BALLOT = {
    "withdrawn": (
        withdrawn_but_voted_for,
        "withdrawn",
        "candidature retirée",
        "سُحب الترشيح",
    ),
    "already elected": (
        elected_but_voted_for_again,
        "already elected",
        "déjà élu·e",
        "تم الانتخاب من قبل",
    ),
    "cut off": (
        cut_off_but_voted_for,
        "removed with the fewest votes",
        "éliminé·e pour avoir obtenu le plus petit nombre de voix",
        "الاستبعاد بسبب الحصول على أقل عدد من الأصوات",
    ),
    "same nationality": (
        same_nationality_but_voted_for,
        "a judge of the same nationality sits or was elected",
        "un juge de même nationalité siège ou a été élu",
        "يوجد قاضٍ من الجنسية نفسها باقٍ في منصبه أو جرى انتخابه",
    ),
}

# case: (election file content, options file content or None, code, English, French, Arabic)
BAD_FILES = {
    "the input is a list": (
        "[1, 2]",
        None,
        "input.type",
        ["the input", "a list"],
        ["le document d’entrée doit être un objet JSON (valeur reçue : une liste)"],
        ["يجب أن يكون مستند الإدخال كائن JSON (القيمة المعطاة: قائمة)"],
    ),
    "the input lacks a key": (
        '{"seats": 1}',
        None,
        "input.missing_key",
        ["the input"],
        ["le document d’entrée ne contient pas de clé 'states_parties_by_group'"],
        ["لا يتضمن مستند الإدخال المفتاح 'states_parties_by_group'"],
    ),
    "seats is a decimal number": (
        lambda d: d.update(seats=1.5),
        None,
        "input.type",
        ["a decimal number"],
        ["seats doit être un nombre entier (valeur reçue : un nombre décimal)"],
        ["(القيمة المعطاة: عدد عشري)"],
    ),
    "seats is a string": (
        lambda d: d.update(seats="1"),
        None,
        "input.type",
        ["a string"],
        ["(valeur reçue : une chaîne de caractères)"],
        ["(القيمة المعطاة: سلسلة نصية)"],
    ),
    "seats is a boolean": (
        lambda d: d.update(seats=True),
        None,
        "input.type",
        ["a boolean"],
        ["(valeur reçue : un booléen)"],
        ["(القيمة المعطاة: قيمة منطقية)"],
    ),
    "judges are an object": (
        lambda d: d.update(remaining_judges={}),
        None,
        "input.type",
        ["an object"],
        ["remaining_judges doit être une liste JSON (valeur reçue : un objet)"],
        ["(القيمة المعطاة: كائن)"],
    ),
    "a name is a number": (
        lambda d: d["candidates"][0].update(name=7),
        None,
        "input.type",
        ["a number"],
        ["candidates[0].name doit être une chaîne de caractères (valeur reçue : un nombre)"],
        ["(القيمة المعطاة: عدد)"],
    ),
    "the options are a list": (
        None,
        "[]",
        "options.type",
        ["a list"],
        ["Les options doivent être un objet JSON (valeur reçue : une liste)"],
        ["يجب أن تكون الخيارات كائن JSON (القيمة المعطاة: قائمة)"],
    ),
    "the options file is not JSON": (
        None,
        "{",
        "file.not_json",
        ["options file"],
        ["Le fichier d’options <path> n’est pas un JSON valide : ligne 1, colonne 2"],
        ["لا يحتوي ملف الخيارات <path> على JSON صالح: السطر 1، العمود 2"],
    ),
    "the election file is not JSON": (
        "{",
        None,
        "file.not_json",
        ["election file"],
        ["Le fichier de l’élection <path> n’est pas un JSON valide : ligne 1, colonne 2"],
        ["لا يحتوي ملف الانتخاب <path> على JSON صالح: السطر 1، العمود 2"],
    ),
    "a key twice in the options file": (
        None,
        '{"cutoff_tie": "remove_all", "cutoff_tie": "remove_none"}',
        "file.duplicate_key",
        ["options file"],
        ["Le fichier d’options <path> donne deux fois la clé 'cutoff_tie' dans un même objet"],
        ["يرد المفتاح 'cutoff_tie' مرتين في كائن واحد في ملف الخيارات <path>"],
    ),
    "a group is missing": (
        lambda d: d["states_parties_by_group"].pop("African States"),
        None,
        "input.missing_key",
        # The key itself ('African States') is a code and stays; the group's name does not.
        ["African group", "the number of States Parties"],
        [
            "states_parties_by_group ne contient pas de clé 'African States', qui donne le "
            "nombre d’États parties du groupe des États d’Afrique"
        ],
        [
            "لا يتضمن states_parties_by_group المفتاح 'African States'، وهو عدد الدول الأطراف "
            "في مجموعة الدول الأفريقية"
        ],
    ),
}


def bad_command_message(tmp_path, election, options=None):
    """The command's message for this input, with the file's path replaced by ``<path>``."""
    from django.core.management.base import CommandError

    election_path = tmp_path / "election.json"
    if isinstance(election, str):
        election_path.write_text(election, encoding="utf-8")
    else:
        election_path.write_text(json.dumps(election, ensure_ascii=False), encoding="utf-8")
    args = [election_path]
    options_path = tmp_path / "options.json"
    if options is not None:
        content = options if isinstance(options, str) else json.dumps(options)
        options_path.write_text(content, encoding="utf-8")
        args += ["--options", options_path]
    with pytest.raises(CommandError) as err:
        call(*args)
    assert err.value.returncode == 2
    message = str(err.value)
    return message.replace(str(options_path), "<path>").replace(str(election_path), "<path>")


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("case", sorted(OFF_BALLOT))
def test_why_a_candidate_is_off_the_ballot_is_translated(tmp_path, case, language):
    from django.utils import translation

    build, english, french, arabic = OFF_BALLOT[case]
    election, options = build()
    with translation.override(language):
        message = bad_command_message(tmp_path, election, options)
    assert "[round.off_ballot_votes]" in message
    expected = {"fr": french, "ar": arabic}[language]
    assert f"({expected})" in message
    assert english not in message


def test_the_off_ballot_message_in_french_reads_whole(tmp_path):
    from django.utils import translation

    election, _ = withdrawn_but_voted_for()
    with translation.override("fr"):
        message = bad_command_message(tmp_path, election)
    assert message == (
        "Données d’élection incorrectes [round.off_ballot_votes] : Le tour de scrutin 1 attribue "
        "3 voix à Test Candidate, qui ne figure plus sur le bulletin (candidature retirée)"
    )


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_words_in_input_errors_are_translated(tmp_path, case, language):
    from django.utils import translation

    election, options, code, english, french, arabic = BAD_FILES[case]
    if election is None or callable(election):
        data = base()
        if callable(election):
            election(data)
        election = data
    with translation.override(language):
        message = bad_command_message(tmp_path, election, options)
    assert f"[{code}]" in message
    for words in {"fr": french, "ar": arabic}[language]:
        assert words in message
    for words in english:
        assert words not in message


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_why_a_file_cannot_be_read_is_translated(tmp_path, language):
    from django.core.management.base import CommandError
    from django.utils import translation

    missing = tmp_path / "missing.json"
    with translation.override(language), pytest.raises(CommandError) as err:
        call(missing)
    message = str(err.value).replace(str(missing), "<path>")
    expected = {
        "fr": "Impossible de lire le fichier de l’élection <path> : fichier introuvable",
        "ar": "تتعذر قراءة ملف الانتخاب <path>: الملف غير موجود",
    }[language]
    assert "[file.unreadable]" in message and expected in message
    assert "FileNotFoundError" not in message and "no such file" not in message


SCARCITY = {
    # 2013: one Latin American and Caribbean candidate for an MVR of 1 (M6).
    "ceil": {
        "fr": (
            "États d’Amérique latine et des Caraïbes : MVR 1 = moitié de 1, arrondie à l’entier "
            "supérieur"
        ),
        "ar": (
            "دول أمريكا اللاتينية ومنطقة البحر الكاريبي: MVR 1 = نصف 1، "
            "مقرَّبًا إلى العدد الصحيح الأعلى"
        ),
    },
    "floor": {
        "fr": (
            "États d’Amérique latine et des Caraïbes : MVR 0 = moitié de 1, arrondie à l’entier "
            "inférieur"
        ),
        "ar": (
            "دول أمريكا اللاتينية ومنطقة البحر الكاريبي: MVR 0 = نصف 1، "
            "مقرَّبًا إلى العدد الصحيح الأدنى"
        ),
    },
}


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize("rounding", ["ceil", "floor"])
def test_the_scarcity_rounding_reads_as_words(tmp_path, rounding, language):
    from django.utils import translation

    options = tmp_path / "options.json"
    options.write_text(json.dumps({"scarcity_rounding": rounding}), encoding="utf-8")
    with translation.override(language):
        result = json.loads(call(FIXTURES / "2013.json", "--options", options))
    (scarcity,) = [e for e in result["rounds"][0]["explanations"] if e["code"] == "mvr.scarcity"]
    assert scarcity["text"].startswith(SCARCITY[rounding][language])
    assert "ceil" not in scarcity["text"] and "floor" not in scarcity["text"]
    assert "rounded" not in scarcity["text"] and "half" not in scarcity["text"]
    # The option's value itself is unchanged in the JSON.
    assert scarcity["params"]["rounding"] == rounding


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_ballot_with_a_withdrawn_and_an_elected_candidate(tmp_path, language):
    """A good election: the explanations of both ballots are all in the reader's language."""
    from django.utils import translation

    data = two_seats(base())
    data["candidates"] += [candidate("Test Candidate", "Testland"), candidate("X Y", "Xland")]
    data["rounds"][0]["votes"]["Test Candidate"] = 10
    data["rounds"].append(later_round({"Test Candidate": 90}))
    data["rounds"][1]["withdrawn_before"] = ["X Y"]
    path = tmp_path / "election.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with translation.override(language):
        result = json.loads(call(path))
    assert result["elected"] == ["Geoffrey A. Henderson", "Test Candidate"]
    texts = [e["text"] for r in result["rounds"] for e in r["explanations"]]
    expected = {
        "fr": [
            "Geoffrey A. Henderson élu·e : 98 voix",
            "X Y retire sa candidature avant le tour de scrutin 2",
            "Test Candidate élu·e : 90 voix",
        ],
        "ar": [
            "انتخاب Geoffrey A. Henderson: 98 من الأصوات",
            "انسحاب X Y قبل جولة الاقتراع 2",
            "انتخاب Test Candidate: 90 من الأصوات",
        ],
    }[language]
    for words in expected:
        assert any(text.startswith(words) for text in texts), words
    for english in ("elected", "withdrawn", "rounded", "remaining", "ballot"):
        assert not any(english in text for text in texts), english


def test_the_engine_messages_about_a_group_use_its_label():
    """The engine's own checks (for callers that skip the JSON reader) name the group too."""
    from django.utils import translation
    from django.utils.translation import gettext

    from commonbonds.court.elections import AFRICAN, Election, ElectionInputError, ElectionRunner

    data = base()
    counts = dict(data["states_parties_by_group"])
    missing = {k: v for k, v in counts.items() if k != AFRICAN}
    negative = {**counts, AFRICAN: -1}
    for groups, code, english, french, arabic in (
        (
            missing,
            "input.missing_key",
            "states_parties_by_group has no count for the African group",
            "states_parties_by_group ne donne pas de nombre pour le groupe des États d’Afrique",
            "لا يتضمن states_parties_by_group عددًا لمجموعة الدول الأفريقية",
        ),
        (
            negative,
            "input.negative",
            "The number of States Parties of the African group must be a whole number of at "
            "least 0, not -1",
            "Le nombre d’États parties du groupe des États d’Afrique doit être un nombre entier "
            "égal ou supérieur à 0, et non -1",
            "يجب أن يكون عدد الدول الأطراف في مجموعة الدول الأفريقية عددًا صحيحًا لا يقل عن 0 "
            "(القيمة المعطاة: -1)",
        ),
    ):
        with pytest.raises(ElectionInputError) as err:
            ElectionRunner(Election(1, groups, (), ()))
        assert err.value.code == code
        assert err.value.message == english
        assert err.value.params["category"] == AFRICAN  # the code stays in the parameters
        with translation.override("fr"):
            assert err.value.render(gettext) == french
        with translation.override("ar"):
            assert err.value.render(gettext) == arabic
