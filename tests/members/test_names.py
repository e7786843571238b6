"""Name comparison across scripts and spellings; expected values written by hand."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from commonbonds.members.names import Named, is_latin, likely_duplicates, normalise, similarity


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("The Women’s Initiatives — Gender Justice", "womens initiatives gender justice"),
        ("Coalición Nacional por la CPI", "coalicion nacional por la cpi"),
        ("ÉGALITÉ & Justice", "egalite and justice"),
        ("  Lantern   Justice-Circle ", "lantern justice circle"),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefold, not lower
        # Arabic: hamza on alif, ta marbuta and short vowels do not matter.
        ("جَمعيّة أحرار", "جمعيه احرار"),
        ("جمعية احرار", "جمعيه احرار"),
        ("Коалиция за МУС", "коалиция за мус"),
    ],
)
def test_normalise(name, key):
    assert normalise(name) == key


@given(st.text(max_size=60))
def test_normalise_is_idempotent(text):
    assert normalise(normalise(text)) == normalise(text)


@pytest.mark.parametrize(
    ("name", "latin"),
    [
        ("Coalición Nacional", True),
        ("Lantern 2002", True),
        ("تحالف", False),
        ("Коалиция", False),
        ("Mixed تحالف", False),
        ("2002", False),  # no letters at all
    ],
)
def test_is_latin(name, latin):
    assert is_latin(name) is latin


def test_similarity_bounds():
    assert similarity("", "x") == 0.0
    assert similarity("abc", "abc") == 1.0
    # difflib: 2 * matches / total = 2 * 3 / 7
    assert similarity("abcd", "abc") == pytest.approx(6 / 7)


def test_spellings_of_one_organisation_in_one_country_are_likely_duplicates():
    record = Named(1, "KEN", "Kenyan Section of the ICJ", "Kenyan Section of the ICJ")
    others = [
        Named(2, "KEN", "Kenyan Section of the I.C.J.", "Kenyan Section of the I.C.J."),
        Named(3, "UGA", "Kenyan Section of the ICJ", "Kenyan Section of the ICJ"),  # elsewhere
        Named(4, "KEN", "Victims First", "Victims First"),
    ]
    assert [m.ref for m in likely_duplicates(record, others)] == [2]


def test_names_in_another_script_are_compared_in_their_script_and_in_latin_letters():
    record = Named(1, "JOR", "جمعية أحرار للعدالة", "Jamiyat Ahrar lil-Adala")
    same_script = Named(2, "JOR", "جمعية احرار للعداله", "Ahrar Association for Justice")
    same_latin = Named(3, "JOR", "Jamiyat Ahrar lil Adala", "Jamiyat Ahrar lil Adala")
    unrelated = Named(4, "JOR", "منتدى الزيتون", "Muntada al-Zaytun")
    refs = [m.ref for m in likely_duplicates(record, [same_script, same_latin, unrelated])]
    assert sorted(refs) == [2, 3]


def test_branches_in_two_countries_are_not_duplicates():
    kenya = Named(1, "KEN", "Amnesty International Kenya", "Amnesty International Kenya")
    uganda = Named(2, "UGA", "Amnesty International Uganda", "Amnesty International Uganda")
    assert likely_duplicates(kenya, [uganda]) == []
