"""Live treaty figures for pages: read from the treaties app's snapshot, never typed in.

The treaties app keeps the status of every state in `treaties.snapshot.current()` (built from
the recorded events by the status engine, `treaties/engine/`). This module only reads it, so a
page shows the same figures as the treaty pages and the API. When the treaties app is not
installed or has no data yet, the block says so instead of showing wrong numbers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.db import DatabaseError
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

COUNT = "count"
STATUS_TABLE = "status_table"
KIND_CHOICES = [
    (COUNT, _("Number of parties and signatories")),
    (STATUS_TABLE, _("Table of the status of each state")),
]
DEFAULT_INSTRUMENT = "rome_statute"
# Shown for a state's standing in news items; the order in which tagged states are listed.
STATUS_ORDER = [
    "party",
    "withdrawal_pending",
    "deposited",
    "signatory",
    "signature_withdrawn",
    "withdrawn",
    "not_signed",
]


def _snapshot():
    if not apps.is_installed("commonbonds.treaties"):
        return None
    try:
        from commonbonds.treaties import snapshot
    except ImportError:  # pragma: no cover - the treaties app without its snapshot module
        return None
    try:
        return snapshot.current()
    except DatabaseError:
        return None


def _language() -> str:
    return (translation.get_language() or "en").split("-")[0]


def instrument_choices() -> list[tuple[str, str]]:
    """Choices for the block's instrument field (evaluated when the form is built)."""
    snap = _snapshot()
    if snap is None:
        return [(DEFAULT_INSTRUMENT, "Rome Statute")]
    return [(slug, info.short_name) for slug, info in snap.instruments.items()]


def region_choices() -> list[tuple[str, str]]:
    try:
        from commonbonds.treaties.models import RegionalGroup
    except (ImportError, LookupError):
        return []
    return list(RegionalGroup.choices)


def status_labels() -> dict[str, str]:
    try:
        from commonbonds.treaties.models import Status
    except (ImportError, LookupError):
        return {}
    return {value: str(label) for value, label in Status.choices}


@dataclass
class LiveData:
    available: bool
    kind: str = COUNT
    instrument: str = ""
    region: str = ""
    region_label: str = ""
    as_of: datetime.date | None = None
    data_date: datetime.date | None = None
    coverage_note: str = ""
    counts: object | None = None
    rows: list[dict] = field(default_factory=list)


def compute(kind: str | None, instrument: str | None, region: str | None) -> LiveData:
    """The figures for a live-data block, as of today."""
    kind = kind or COUNT
    snap = _snapshot()
    slug = instrument or DEFAULT_INSTRUMENT
    if snap is None or slug not in snap.instruments or not snap.states:
        return LiveData(available=False, kind=kind)
    lang = _language()
    info = snap.instruments[slug]
    today = timezone.localdate()
    standings = snap.standings(slug, today)
    states = snap.states
    if region:
        standings = {
            iso3: s
            for iso3, s in standings.items()
            if iso3 in states and states[iso3].asp_regional_group == region
        }
    from commonbonds.treaties import engine

    counts = engine.count(standings.values())
    labels = status_labels()
    rows = []
    if kind == STATUS_TABLE:
        for iso3, state in states.items():
            if region and state.asp_regional_group != region:
                continue
            standing = standings.get(iso3)
            status = standing.status.value if standing else "not_signed"
            rows.append(
                {
                    "iso3": iso3,
                    "name": state.name(lang),
                    "status": status,
                    "status_label": labels.get(status, status),
                    "provisional": bool(standing and standing.provisional),
                    "entry_into_force": standing.entry_into_force if standing else None,
                }
            )
        rows.sort(key=lambda r: (STATUS_ORDER.index(r["status"]), r["name"]))
    region_label = dict(region_choices()).get(region, "") if region else ""
    return LiveData(
        available=True,
        kind=kind,
        instrument=info.title(lang),
        region=region or "",
        region_label=str(region_label),
        as_of=today,
        data_date=snap.data_date,
        coverage_note=info.coverage_note,
        counts=counts,
        rows=rows,
    )


def standings_of_states(iso3s: list[str], instrument: str = DEFAULT_INSTRUMENT) -> list[dict]:
    """The current status of each state (for a news item tagged with them), by the engine."""
    snap = _snapshot()
    if snap is None or instrument not in snap.instruments:
        return []
    lang = _language()
    standings = snap.standings(instrument, timezone.localdate())
    labels = status_labels()
    result = []
    for iso3 in iso3s:
        state = snap.states.get(iso3)
        if state is None:
            continue
        standing = standings.get(iso3)
        status = standing.status.value if standing else "not_signed"
        result.append(
            {
                "iso3": iso3,
                "name": state.name(lang),
                "status": status,
                "status_label": labels.get(status, status),
                "provisional": bool(standing and standing.provisional),
            }
        )
    return result
