"""Key dates of a case: "warrant:2006-02-10;transfer:2006-03-17" read into a timeline.

Every event key that appears in data/icc_cases.csv has a readable, translated label here. A
key about one defendant starts with (part of) their name: `lukwiya_terminated` is the event
`terminated` of Raska Lukwiya. `parse_key_dates` checks a case's dates the same way for the
import and for staff; an unknown key is an error that names it.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

#: Every event of data/icc_cases.csv, by key (without a person's prefix).
EVENT_LABELS = {
    "warrant": _("Arrest warrant issued"),
    "warrants": _("Arrest warrants issued"),
    "second_warrant": _("Second arrest warrant issued"),
    "warrant_application": _("Prosecutor applies for arrest warrants"),
    "warrant_unsealed": _("Arrest warrant made public"),
    "warrants_unsealed": _("Arrest warrants made public"),
    "warrant_vacated": _("Arrest warrant vacated"),
    "warrant_withdrawn": _("Arrest warrant withdrawn"),
    "summons": _("Summons to appear issued"),
    "arrest": _("Arrested"),
    "surrender": _("Surrendered to the Court"),
    "transfer": _("Transferred to the Court's custody"),
    "transfer_to_icc": _("Transferred to the Court's custody"),
    "transfer_to_drc_prison": _(
        "Transferred to a prison in the Democratic Republic of the Congo to serve the sentence"
    ),
    "transfer_to_norway": _("Transferred to Norway to serve the sentence"),
    "initial_appearance": _("First appearance before the Court"),
    "plea_agreement": _("Plea agreement filed"),
    "in_absentia_hearing_authorised": _("Confirmation hearing in the suspect's absence authorised"),
    "appeal_on_absentia": _("Appeal decision on proceedings in the suspect's absence"),
    "fitness_decision": _("Decision on fitness to take part in the proceedings"),
    "confirmation_hearing": _("Confirmation of charges hearing opens"),
    "confirmation_hearing_end": _("Confirmation of charges hearing ends"),
    "confirmation": _("Charges confirmed"),
    "confirmation_decision": _("Decision on the confirmation of charges"),
    "joinder": _("Cases joined"),
    "trial_start": _("Trial opens"),
    "closing_statements": _("Closing statements"),
    "judgment": _("Trial judgment"),
    "sentence": _("Sentence pronounced"),
    "resentencing": _("New sentence after appeal"),
    "conviction_appeal_notice": _("Appeal against the conviction filed"),
    "appeal": _("Appeal judgment"),
    "appeal_judgment": _("Appeal judgment"),
    "admissibility_appeal": _("Appeal judgment on admissibility"),
    "appeals_withdrawn": _("Appeals withdrawn"),
    "appeals_discontinued": _("Appeals discontinued"),
    "inadmissible": _("Case declared inadmissible"),
    "sentence_reduction": _("Sentence reduced on review"),
    "sentence_end": _("Sentence completed"),
    "release": _("Released"),
    "reparations_order": _("Reparations order"),
    "reparations_appeal_judgment": _("Appeal judgment on reparations"),
    "charges_withdrawn": _("Charges withdrawn"),
    "charges_vacated": _("Charges vacated"),
    "terminated": _("Proceedings terminated"),
    "proceedings_terminated": _("Proceedings terminated"),
}

#: What an event about one defendant says about where that person stands (the status of the
#: case as a whole can differ: mixed outcomes are explained in the case's notes).
PERSON_STATUS_EVENTS = {
    "terminated": "proceedings_terminated",
    "charges_withdrawn": "charges_withdrawn",
    "inadmissible": "inadmissible",
}
PERSON_STATUS_LABELS = {
    "proceedings_terminated": _("Proceedings against this person terminated"),
    "charges_withdrawn": _("Charges against this person withdrawn"),
    "inadmissible": _("Case against this person declared inadmissible"),
}

_KEY = re.compile(r"^[a-z][a-z0-9_]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class KeyDateError(ValueError):
    """A problem with the key dates of one case; the message is translated and safe to show."""


@dataclass(frozen=True)
class KeyDate:
    key: str  # as written, e.g. "lukwiya_terminated"
    event: str  # the event, e.g. "terminated"
    date: datetime.date
    person: str | None = None  # the defendant's full name, for an event about one person

    @property
    def label(self) -> str:
        event = str(EVENT_LABELS[self.event])
        if self.person:
            return str(_("%(event)s: %(person)s")) % {"event": event, "person": self.person}
        return event


def _tokens(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return [t for t in re.split(r"[^a-z0-9]+", folded) if t]


def _person(prefix: str, defendants: list[str]) -> list[str]:
    """The defendants whose name holds every word of `prefix` ("al_senussi")."""
    wanted = prefix.split("_")
    return [d for d in defendants if all(w in _tokens(d) for w in wanted)]


def split_key(key: str, defendants: list[str]) -> tuple[str, str | None]:
    """(event, person) for a key, or KeyDateError when the event or the person is unknown."""
    if not _KEY.match(key):
        raise KeyDateError(
            _('"%(key)s" is not an event key (small letters, digits and _)') % {"key": key}
        )
    if key in EVENT_LABELS:
        return key, None
    parts = key.split("_")
    problem: KeyDateError | None = None
    # The longest known event at the end, the rest naming one defendant.
    for cut in range(1, len(parts)):
        prefix, event = "_".join(parts[:cut]), "_".join(parts[cut:])
        if event not in EVENT_LABELS:
            continue
        people = _person(prefix, defendants)
        if len(people) == 1:
            return event, people[0]
        if problem is None and len(people) > 1:
            problem = KeyDateError(
                _('"%(key)s": "%(prefix)s" could be several defendants (%(people)s)')
                % {"key": key, "prefix": prefix, "people": "; ".join(people)}
            )
        elif problem is None:
            problem = KeyDateError(
                _('"%(key)s": "%(prefix)s" is not one of the defendants of the case')
                % {"key": key, "prefix": prefix}
            )
    if problem is not None:
        raise problem
    raise KeyDateError(
        _('unknown key date "%(key)s": add its label to court/keydates.py') % {"key": key}
    )


def parse_key_dates(text: str, defendants: list[str]) -> list[KeyDate]:
    """The timeline of a case, in date order; KeyDateError says what is wrong with the first
    bad pair."""
    found: list[KeyDate] = []
    seen: set[str] = set()
    for raw in text.split(";"):
        pair = raw.strip()
        if not pair:
            continue
        key, colon, value = pair.partition(":")
        key, value = key.strip(), value.strip()
        if not colon or not key:
            raise KeyDateError(_('"%(pair)s" is not written event:YYYY-MM-DD') % {"pair": pair})
        event, person = split_key(key, defendants)
        if not _DATE.match(value):
            raise KeyDateError(_('"%(pair)s": the date is not written YYYY-MM-DD') % {"pair": pair})
        try:
            day = datetime.date.fromisoformat(value)
        except ValueError:
            raise KeyDateError(
                _('"%(pair)s": %(value)s is not a date in the calendar')
                % {"pair": pair, "value": value}
            ) from None
        if key in seen:
            raise KeyDateError(_('"%(key)s" is given twice') % {"key": key})
        seen.add(key)
        found.append(KeyDate(key, event, day, person))
    # In date order; events of one day keep the order given (the Gbagbo and Blé Goudé row of
    # the data groups its events by person, so the file's order is not always the dates').
    return sorted(found, key=lambda item: item.date)


def person_statuses(timeline: list[KeyDate]) -> dict[str, tuple[str, datetime.date]]:
    """{defendant: (status code, date)} for defendants an event about them concerns."""
    statuses: dict[str, tuple[str, datetime.date]] = {}
    for item in timeline:
        if item.person and item.event in PERSON_STATUS_EVENTS:
            statuses[item.person] = (PERSON_STATUS_EVENTS[item.event], item.date)
    return statuses
