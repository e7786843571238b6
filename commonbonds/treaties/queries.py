"""Read-only questions about the treaty data for the public pages and other apps.

Everything is read from the snapshot (`snapshot.current()`): statuses and counts come from
the engine, never from a stored field. Other apps call these rather than the models: the home
page shows `home_counts()` through the include `treaties/includes/home_counts.html`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from . import engine, snapshot
from .api import _dates
from .models import RegionalGroup, Status

#: The stable column keys of the states table and its downloads (CSV, JSON, XLSX).
TABLE_COLUMNS = (
    "state_iso3",
    "state_name",
    "asp_regional_group",
    "instrument",
    "status",
    "signature",
    "deposit",
    "deposit_action",
    "entry_into_force",
    "withdrawal_notified",
    "withdrawal_effective",
    "provisional",
    "date_unknown",
)
SORTS = ("state", "instrument", "status", "signature", "deposit", "entry_into_force")
STATUS_ORDER = {s.value: n for n, s in enumerate(engine.Status)}


def today() -> datetime.date:
    return timezone.localdate()


def coalition_regions() -> dict[str, list[str]]:
    """{region slug: [ISO3, ...]} of the coalition's regions (one query), or {} when the
    members app is not installed."""
    try:
        from commonbonds.members.models import Region
    except ImportError:  # pragma: no cover - the members app is part of the project
        return {}
    found: dict[str, list[str]] = {}
    for slug, iso3 in Region.states.through.objects.values_list("region__slug", "state__iso3"):
        found.setdefault(slug, []).append(iso3)
    return found


def region_choices() -> list[tuple[str, str]]:
    try:
        from commonbonds.members.models import Region
    except ImportError:  # pragma: no cover
        return []
    return [(r.slug, r.name()) for r in Region.objects.order_by("position", "name_en")]


def not_signed(iso3: str, slug: str) -> engine.Standing:
    return engine.Standing(
        state=iso3,
        instrument=slug,
        status=engine.Status.NOT_SIGNED,
        signature=None,
        deposit=None,
        deposit_action=None,
        entry_into_force=None,
        withdrawal_notified=None,
        withdrawal_effective=None,
        provisional=False,
        date_unknown=False,
        deciding_events=(),
        provisional_reasons=(),
    )


def table_rows(
    snap: snapshot.Snapshot,
    *,
    as_of: datetime.date,
    include_unconfirmed: bool = True,
    instrument: str = "",
    status: str = "",
    group: str = "",
    region_states: list[str] | None = None,
    sort: str = "state",
    lang: str = "en",
) -> list[dict]:
    """One row per state and instrument, with the stable keys of TABLE_COLUMNS (dates as
    YYYY-MM-DD strings or None)."""
    slugs = [instrument] if instrument else list(snap.instruments)
    allowed = set(region_states) if region_states is not None else None
    rows = []
    for slug in slugs:
        standings = snap.standings(slug, as_of, include_unconfirmed)
        for iso3, state in snap.states.items():
            if group and state.asp_regional_group != group:
                continue
            if allowed is not None and iso3 not in allowed:
                continue
            found = standings.get(iso3) or not_signed(iso3, slug)
            if status and found.status.value != status:
                continue
            rows.append(
                {
                    "state_iso3": iso3,
                    "state_name": state.name(lang),
                    "asp_regional_group": state.asp_regional_group or None,
                    "instrument": slug,
                    **_dates(found),
                }
            )
    position = {slug: n for n, slug in enumerate(snap.instruments)}
    order = {iso3: n for n, iso3 in enumerate(snap.states)}

    def by_state(row):
        return (order[row["state_iso3"]], position[row["instrument"]])

    rows.sort(key=by_state)
    if sort == "instrument":
        rows.sort(key=lambda r: position[r["instrument"]])
    elif sort == "status":
        rows.sort(key=lambda r: STATUS_ORDER[r["status"]])
    elif sort in ("signature", "deposit", "entry_into_force"):
        # Dated rows first, oldest first; rows without the date keep the state order.
        rows.sort(key=lambda r: (r[sort] is None, r[sort] or ""))
    return rows


@dataclass(frozen=True)
class InstrumentCounts:
    slug: str
    title: str
    short_name: str
    counts: engine.Counts
    coverage_note: str
    data_complete_to: datetime.date | None


def instrument_counts(
    snap: snapshot.Snapshot, as_of: datetime.date, include_unconfirmed: bool, lang: str
) -> list[InstrumentCounts]:
    return [
        InstrumentCounts(
            slug=i.slug,
            title=i.title(lang),
            short_name=i.short_name,
            counts=snap.counts(i.slug, as_of, include_unconfirmed),
            coverage_note=i.coverage_note,
            data_complete_to=i.data_complete_to,
        )
        for i in snap.instruments.values()
    ]


def home_counts(lang: str | None = None) -> dict:
    """Live counts for the home page: the Rome Statute's and the APIC's parties today, the
    data date and the coverage notes (no query once the snapshot is built)."""
    from django.utils.translation import get_language

    lang = (lang or get_language() or "en")[:2]
    snap = snapshot.current()
    day = today()
    items = [
        c for c in instrument_counts(snap, day, True, lang) if c.slug in ("rome_statute", "apic")
    ]
    return {"as_of": day, "data_date": snap.data_date, "instruments": items}


def group_breakdown(
    snap: snapshot.Snapshot, slug: str, as_of: datetime.date, include_unconfirmed: bool
) -> list[dict]:
    """Per ASP regional group: states, parties, signatories (not yet bound)."""
    standings = snap.standings(slug, as_of, include_unconfirmed)
    groups = {
        g.value: {"group": g.value, "label": g.label, "states": 0, "parties": 0, "signatories": 0}
        for g in RegionalGroup
    }
    for iso3, state in snap.states.items():
        row = groups.get(state.asp_regional_group)
        if row is None:
            continue
        row["states"] += 1
        found = standings.get(iso3)
        if found is None:
            continue
        if found.status in (engine.Status.PARTY, engine.Status.WITHDRAWAL_PENDING):
            row["parties"] += 1
        elif found.status == engine.Status.SIGNATORY:
            row["signatories"] += 1
    return list(groups.values())


def parties_by_year(
    snap: snapshot.Snapshot, slug: str, as_of: datetime.date, include_unconfirmed: bool
) -> list[tuple[int, int]]:
    """(year, parties at the end of that year, or on `as_of` for its own year)."""
    info = snap.instruments[slug]
    result = []
    for year in range(info.adopted_date.year, as_of.year + 1):
        day = min(datetime.date(year, 12, 31), as_of)
        result.append((year, snap.counts(slug, day, include_unconfirmed).parties))
    return result


def status_label(code: str) -> str:
    return str(Status(code).label)
