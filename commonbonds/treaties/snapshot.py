"""The treaty data as one immutable snapshot per process, rebuilt when the events change.

Every status, count and list of participants is read from `current()`: the states, the
instruments and an `engine.EventIndex` over every event that is not retracted. Building it
takes a few queries and a few tens of milliseconds; a lookup then needs no query at all.

Invalidation: the actions that change treaty data call `bump_version()` after their
transaction commits; it stores a new token under `VERSION_KEY` in Django's cache (Redis in
production, so every process sees it). Each process compares its snapshot's token with the
cache on each call and rebuilds when they differ. A process-local cache (local memory, the
default without Redis) cannot tell other processes, so there the snapshot is also checked
against the database's own fingerprint every `RECHECK_SECONDS` (docs/api.md, "Caching").
"""

from __future__ import annotations

import datetime
import threading
import time
import uuid
from dataclasses import dataclass

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache

from . import engine

VERSION_KEY = "treaties:data-version"
RECHECK_SECONDS = 5.0
LANGS = ("en", "fr", "es", "ar")


@dataclass(frozen=True, slots=True)
class StateInfo:
    iso3: str
    iso2: str
    names: dict[str, str]
    name_sources: dict[str, str]
    un_member: bool
    asp_regional_group: str

    def name(self, lang: str) -> str:
        return self.names.get(lang) or self.names["en"]


@dataclass(frozen=True, slots=True)
class InstrumentInfo:
    slug: str
    name: str
    short_name: str
    titles: dict[str, str]  # fr, es, ar; empty when no official translation is known
    titles_source: str
    depositary_ref: str
    adopted_place: str
    adopted_date: datetime.date
    parent: str | None
    entry_into_force_rule: str
    general_entry_into_force: datetime.date | None
    open_to: str
    data_complete_to: datetime.date | None
    coverage_note: str
    engine: engine.Instrument

    def title(self, lang: str) -> str:
        return self.titles.get(lang) or self.name


@dataclass(frozen=True)
class Snapshot:
    version: str
    fingerprint: tuple
    states: dict[str, StateInfo]  # by ISO3, in English alphabetical order
    instruments: dict[str, InstrumentInfo]  # by slug, in the order of instruments.csv
    index: engine.EventIndex
    last_modified: datetime.datetime | None
    data_date: datetime.date | None

    def standings(
        self, slug: str, as_of: datetime.date, include_unconfirmed: bool = True
    ) -> dict[str, engine.Standing]:
        return self.index.instrument_standings_at(
            slug, as_of, include_unconfirmed=include_unconfirmed
        )

    def counts(
        self, slug: str, as_of: datetime.date, include_unconfirmed: bool = True
    ) -> engine.Counts:
        return engine.count(self.standings(slug, as_of, include_unconfirmed).values())


_lock = threading.Lock()
_current: Snapshot | None = None
_checked_at = 0.0


def _local_cache() -> bool:
    return isinstance(caches["default"], LocMemCache | DummyCache)


def fingerprint() -> tuple:
    """What changes whenever a row of treaty data is created, changed or deleted (one query)."""
    from django.db import connection

    from .models import Instrument, State, TreatyEvent

    parts = []
    for model in (State, Instrument, TreatyEvent):
        table = connection.ops.quote_name(model._meta.db_table)
        # Table names come from the models, quoted by the backend: nothing from outside.
        parts.append(
            f"(SELECT COUNT(*) FROM {table}), (SELECT MAX(id) FROM {table}), "  # noqa: S608
            f"(SELECT MAX(updated_at) FROM {table})"
        )
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts))
        return tuple(str(v) for v in cursor.fetchone())


def bump_version() -> None:
    """Tell every process that the treaty data changed (call after commit)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def reset() -> None:
    """Forget the snapshot and the version (tests; after loading data outside the actions)."""
    global _current, _checked_at
    with _lock:
        _current = None
        _checked_at = 0.0
    cache.delete(VERSION_KEY)


def current() -> Snapshot:
    """The snapshot of the current data, rebuilt when the version changed."""
    global _current, _checked_at
    version = cache.get(VERSION_KEY)
    snap = _current
    if snap is not None and version == snap.version:
        if not _local_cache() or time.monotonic() - _checked_at < RECHECK_SECONDS:
            return snap
        if fingerprint() == snap.fingerprint:
            _checked_at = time.monotonic()
            return snap
        version = None
    with _lock:
        if version is None:
            version = uuid.uuid4().hex
            if not cache.add(VERSION_KEY, version, timeout=None):
                version = cache.get(VERSION_KEY) or version
        if _current is not None and _current.version == version and snap is not _current:
            return _current  # another thread rebuilt it meanwhile
        _current = build(version)
        _checked_at = time.monotonic()
        return _current


def build(version: str = "") -> Snapshot:
    from .models import Instrument, State, TreatyEvent

    print_ = fingerprint()
    states = {}
    last: list[datetime.datetime] = []
    for s in State.objects.order_by("name_en"):
        states[s.iso3] = StateInfo(
            iso3=s.iso3,
            iso2=s.iso2,
            names={lang: getattr(s, f"name_{lang}") or s.name_en for lang in LANGS},
            name_sources={lang: getattr(s, f"name_{lang}_source") for lang in LANGS},
            un_member=s.un_member,
            asp_regional_group=s.asp_regional_group,
        )
        last.append(s.updated_at)
    instruments = {}
    slugs = dict(Instrument.objects.values_list("id", "slug"))
    for i in Instrument.objects.order_by("position", "slug"):
        parent = slugs.get(i.parent_id)
        instruments[i.slug] = InstrumentInfo(
            slug=i.slug,
            name=i.name,
            short_name=i.short_name,
            titles={"fr": i.title_fr, "es": i.title_es, "ar": i.title_ar},
            titles_source=i.titles_source,
            depositary_ref=i.depositary_ref,
            adopted_place=i.adopted_place,
            adopted_date=i.adopted_date,
            parent=parent,
            entry_into_force_rule=i.entry_into_force_rule,
            general_entry_into_force=i.general_entry_into_force,
            open_to=i.open_to,
            data_complete_to=i.data_complete_to,
            coverage_note=i.coverage_note,
            engine=engine.Instrument(
                slug=i.slug,
                rule=engine.Rule(i.entry_into_force_rule),
                parent=parent,
                general_entry_into_force=i.general_entry_into_force,
            ),
        )
        last.append(i.updated_at)
    events = []
    staff_days = []
    rows = TreatyEvent.objects.filter(retracted=False).values_list(
        "event_id",
        "state__iso3",
        "instrument__slug",
        "action",
        "date",
        "known_by",
        "confirmed",
        "edited_by_staff",
        "updated_at",
    )
    for event_id, iso3, slug, action, date, known_by, confirmed, by_staff, updated in rows:
        events.append(
            engine.Event(
                event_id=event_id,
                state=iso3,
                instrument=slug,
                action=engine.Action(action),
                date=date,
                known_by=known_by,
                confirmed=confirmed,
            )
        )
        last.append(updated)
        if by_staff:
            staff_days.append(updated.date())
    index = engine.EventIndex({slug: i.engine for slug, i in instruments.items()}, events)
    # Build both timelines now rather than in the first request that needs each one.
    for include_unconfirmed in (True, False):
        index.standings_at(datetime.date.min, include_unconfirmed=include_unconfirmed)
    cut_off = max(
        (i.data_complete_to for i in instruments.values() if i.data_complete_to), default=None
    )
    data_date = max([d for d in (cut_off, *staff_days) if d is not None], default=None)
    return Snapshot(
        version=version,
        fingerprint=print_,
        states=states,
        instruments=instruments,
        index=index,
        last_modified=max(last, default=None),
        data_date=data_date,
    )
