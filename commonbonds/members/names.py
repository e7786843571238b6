"""Comparing organisation names across scripts and spellings (plain Python, no database).

Organisations have a name in their own script ("Коалиция за МУС", "تحالف العدالة") and a name
in Latin letters ("Koalitsiya za MUS"). Two records are probably the same organisation when,
in the same country, their Latin names (or their own-script names) are near-identical once
normalised: accents dropped, case folded, punctuation and a leading article removed,
Arabic letter variants unified. "Near-identical" is a difflib ratio at or above `THRESHOLD`.

We compare within a country only: "Amnesty International Kenya" and "... Uganda" are two
organisations, and their names are as close as any two spellings of one.
"""

import difflib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

THRESHOLD = 0.88

# Arabic letters written in several ways in names: hamza forms of alif, alif maqsura, ta marbuta.
_ARABIC = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ـ": ""})
_LEADING_ARTICLES = ("the ", "la ", "le ", "les ", "el ", "los ", "las ", "l ")
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def normalise(name: str) -> str:
    """A comparison key: 'The Women’s Initiatives — Gender Justice' → 'womens initiatives gender
    justice'. Letters of any script are kept; marks (accents, Arabic short vowels) dropped."""
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_ARABIC).casefold().replace("&", " and ")
    text = text.replace("'", "").replace("’", "")
    text = _NOT_WORD.sub(" ", text).strip()
    text = " ".join(text.split())
    stripped = True
    while stripped:
        stripped = False
        for article in _LEADING_ARTICLES:
            if text.startswith(article) and len(text) > len(article):
                text = text[len(article) :]
                stripped = True
    return text


def is_latin(name: str) -> bool:
    """True when every letter of `name` is a Latin letter (accents allowed)."""
    letters = [ch for ch in name if ch.isalpha()]
    return bool(letters) and all("LATIN" in unicodedata.name(ch, "") for ch in letters)


def similarity(a: str, b: str, *, at_least: float = 0.0) -> float:
    """difflib's ratio of two normalised keys (0 when either is empty). With `at_least`, pairs
    that difflib's cheap upper bounds already place below it answer 0 without the full ratio."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if at_least and (matcher.real_quick_ratio() < at_least or matcher.quick_ratio() < at_least):
        return 0.0
    return matcher.ratio()


@dataclass(frozen=True)
class Named:
    """What the comparison needs of an organisation (a record or a row about to be imported)."""

    ref: object  # an id, or a line number
    country: str
    name: str
    name_latin: str

    @cached_property
    def keys(self) -> tuple[str, str]:
        return normalise(self.name_latin or self.name), normalise(self.name)


@dataclass(frozen=True)
class Match:
    ref: object
    score: float


def likely_duplicates(
    candidate: Named, others: Iterable[Named], *, threshold: float = THRESHOLD
) -> list[Match]:
    """Records in `others` of the same country whose Latin or own-script name is within
    `threshold` of the candidate's, best first."""
    latin, own = candidate.keys
    found = []
    for other in others:
        if other.country != candidate.country or other.ref == candidate.ref:
            continue
        other_latin, other_own = other.keys
        score = similarity(latin, other_latin, at_least=threshold)
        if own != latin and other_own != other_latin:  # both have a name in another script
            score = max(score, similarity(own, other_own, at_least=threshold))
        if score >= threshold:
            found.append(Match(other.ref, round(score, 3)))
    return sorted(found, key=lambda m: -m.score)
