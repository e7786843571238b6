"""Names of states in French, Spanish and Arabic (DESIGN §4, docs/data.md).

English names are the UN short names of `data/states.csv`. For the other languages the UN
terminology comes first: `data/state_names.csv` holds the UN short names we are sure of, each
with its source. Every other name comes from CLDR (through Babel) and is recorded as such, so
that a page can say where a name comes from and nobody mistakes a CLDR name for an official one.
"""

from __future__ import annotations

from functools import cache

from babel import Locale

from .models import NameSource

TRANSLATED = ("fr", "es", "ar")


@cache
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).territories)


def cldr_name(iso2: str, lang: str) -> str | None:
    """The CLDR name of the territory, or None when CLDR has none."""
    return _territories(lang).get(iso2.upper())


def resolve(iso2: str, name_en: str, un_names: dict[str, str]) -> dict[str, tuple[str, NameSource]]:
    """{lang: (name, source)} for en, fr, es, ar.

    `un_names` are the UN names of this state by language (from data/state_names.csv). A
    language with neither a UN nor a CLDR name falls back to the English (UN) name.
    """
    names: dict[str, tuple[str, NameSource]] = {"en": (name_en, NameSource.UN)}
    for lang in TRANSLATED:
        if un_names.get(lang):
            names[lang] = (un_names[lang], NameSource.UN)
        elif cldr := cldr_name(iso2, lang):
            names[lang] = (cldr, NameSource.CLDR)
        else:
            names[lang] = (name_en, NameSource.UN)
    return names
