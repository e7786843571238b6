"""Value types of the treaty status engine.

Facts are events; a status is derived from them (DESIGN section 4). Everything here is
immutable so that derived values can be cached and shared between requests safely.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple


class Action(StrEnum):
    SIGNATURE = "signature"
    RATIFICATION = "ratification"
    ACCEPTANCE = "acceptance"
    APPROVAL = "approval"
    ACCESSION = "accession"
    SUCCESSION = "succession"
    # An instrument of consent whose kind (ratification, accession, ...) is not known.
    DEPOSIT = "deposit"
    ACCESSION_WITHDRAWN = "accession_withdrawn"
    WITHDRAWAL_NOTIFICATION = "withdrawal_notification"
    WITHDRAWAL_REVOKED = "withdrawal_revoked"
    INTENT_NOT_TO_BECOME_PARTY = "intent_not_to_become_party"
    DECLARATION_ARTICLE_12_3 = "declaration_article_12_3"
    ANNOUNCEMENT = "announcement"


#: Actions that express consent to be bound; each one starts a membership.
CONSENT_ACTIONS: frozenset[Action] = frozenset(
    {
        Action.RATIFICATION,
        Action.ACCEPTANCE,
        Action.APPROVAL,
        Action.ACCESSION,
        Action.SUCCESSION,
        Action.DEPOSIT,
    }
)

#: Actions shown on timelines that never change a status.
INERT_ACTIONS: frozenset[Action] = frozenset({Action.DECLARATION_ARTICLE_12_3, Action.ANNOUNCEMENT})


class Status(StrEnum):
    NOT_SIGNED = "not_signed"
    SIGNATORY = "signatory"
    SIGNATURE_WITHDRAWN = "signature_withdrawn"
    DEPOSITED = "deposited"
    PARTY = "party"
    WITHDRAWAL_PENDING = "withdrawal_pending"
    WITHDRAWN = "withdrawn"


class Rule(StrEnum):
    ROME_STATUTE_ART126 = "rome_statute_art126"
    APIC_ART35 = "apic_art35"
    ART121_5 = "art121_5"
    ART121_4 = "art121_4"


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    state: str  # ISO 3166-1 alpha-3
    instrument: str  # instrument slug
    action: Action
    date: datetime.date | None
    # Only for undated events: the date by which a source shows the event had happened.
    known_by: datetime.date | None
    confirmed: bool = True

    @property
    def day(self) -> datetime.date | None:
        """The day the engine places the event on: its date, else the day it was known by."""
        return self.date if self.date is not None else self.known_by


@dataclass(frozen=True, slots=True)
class Instrument:
    slug: str
    rule: Rule
    parent: str | None = None
    general_entry_into_force: datetime.date | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    """Where one state stands for one instrument on one date, with the dates that explain it.

    Key dates are reported whatever the status: a withdrawn state keeps its signature, deposit
    and entry-into-force dates.
    """

    state: str
    instrument: str
    status: Status
    signature: datetime.date | None
    deposit: datetime.date | None
    deposit_action: Action | None
    entry_into_force: datetime.date | None
    withdrawal_notified: datetime.date | None
    withdrawal_effective: datetime.date | None
    provisional: bool
    date_unknown: bool
    deciding_events: tuple[str, ...]
    provisional_reasons: tuple[str, ...]
    # True when a signature event counts, even an undated one (whose `signature` is None).
    signed: bool = False

    @property
    def is_bound(self) -> bool:
        """True when the instrument binds the state on the date (counted among parties)."""
        return self.status in (Status.PARTY, Status.WITHDRAWAL_PENDING)


@dataclass(frozen=True, slots=True)
class Counts:
    parties: int  # party + withdrawal_pending: everyone the instrument binds that day
    deposited: int  # deposited, not yet in force
    signatories: int  # status signatory only
    ever_signed: int  # signed on or before the date, whatever the status now
    withdrawal_pending: int
    withdrawn: int


class RuleViolation(NamedTuple):
    event_id: str
    code: str  # stable, machine-readable
    message: str  # plain English, safe to show to staff
