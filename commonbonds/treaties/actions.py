"""State changes of the treaty data. The admin, the import and any future API call these.

`record_treaty_event` is the one way an event is recorded or corrected: it validates the event
against the treaty rules (the engine's checks, over the state's whole history), writes it,
writes the audit log, and after commit tells every process to rebuild its status index.
`record_treaty_events` is the same action for many events at once (the import), validated as
one set so that the order of the rows never matters.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commonbonds.core import audit
from commonbonds.core.errors import DomainError, NotFoundError, PermissionDeniedError

from . import engine, snapshot
from .importer import STAFF_EVENT_PREFIX, Dataset, Row, engine_event
from .messages import describe_violation
from .models import (
    Action,
    ImplementingLegislation,
    Instrument,
    LegislationKind,
    LegislationStage,
    NameSource,
    State,
    TreatyEvent,
)

STAFF = "staff"
IMPORT = "import"
_URL = URLValidator(schemes=["http", "https"])


@dataclass(frozen=True)
class EventData:
    """What an event says, with the state by ISO3 and the instrument by slug."""

    state: str
    instrument: str
    action: str
    date: datetime.date | None = None
    known_by: datetime.date | None = None
    confirmed: bool = True
    note: str = ""
    source_url: str = ""
    depositary_notification: str = ""
    retracted: bool = False

    def values(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of(cls, event: TreatyEvent) -> EventData:
        return cls(
            state=event.state.iso3,
            instrument=event.instrument.slug,
            action=event.action,
            date=event.date,
            known_by=event.known_by,
            confirmed=event.confirmed,
            note=event.note,
            source_url=event.source_url,
            depositary_notification=event.depositary_notification,
            retracted=event.retracted,
        )


@dataclass(frozen=True)
class EventChange:
    """One event to record: `event_id` None for a new event recorded by staff."""

    event_id: str | None
    data: EventData
    import_hash: str = ""


def _require(acting_user, perm: str) -> None:
    if acting_user is None or not acting_user.has_perm(perm):
        raise PermissionDeniedError(gettext_lazy("You may not change the treaty data."))


def _field_problems(data: EventData, states: dict, instruments: dict) -> list[str]:
    problems = []
    if data.state not in states:
        problems.append(_('Unknown state "%(value)s".') % {"value": data.state})
    if data.instrument not in instruments:
        problems.append(_('Unknown instrument "%(value)s".') % {"value": data.instrument})
    if data.action not in Action.values:
        problems.append(_('Unknown action "%(value)s".') % {"value": data.action})
    if data.date is not None and data.known_by is not None:
        problems.append(_("Give either the date or, when the date is not known, known by."))
    if data.date is None and data.known_by is None:
        problems.append(
            _("Give the date or, when it is not known, the date by which a source knew of it.")
        )
    if not data.source_url:
        problems.append(_("Every event cites a source: give its web address."))
    else:
        try:
            _URL(data.source_url)
        except ValidationError:
            problems.append(_("The source must be a web address (http or https)."))
    return problems


def record_treaty_event(
    *, acting_user, data: EventData, event_id: str | None = None, reason: str = ""
) -> TreatyEvent:
    """Record a new event (event_id None: the admin gives it an id) or correct one, as staff.

    Staff corrections win over a re-import of the data files (the import reports them).
    """
    (event,) = record_treaty_events(
        acting_user=acting_user, changes=[EventChange(event_id, data)], reason=reason
    )
    return event


def record_treaty_events(
    *,
    acting_user,
    changes: Sequence[EventChange],
    origin: str = STAFF,
    reason: str = "",
    progress: Callable[[int, int], None] | None = None,
) -> list[TreatyEvent]:
    """Validate all the changes together against the rules, then write and audit each one."""
    if origin == STAFF:
        if any(c.event_id is None for c in changes):
            _require(acting_user, "treaties.add_treatyevent")
        if any(c.event_id is not None for c in changes):
            _require(acting_user, "treaties.change_treatyevent")
    with transaction.atomic():
        ids = [c.event_id for c in changes if c.event_id]
        existing = {
            e.event_id: e
            for e in TreatyEvent.objects.select_for_update(of=("self",))
            .select_related("state", "instrument")
            .filter(event_id__in=ids)
        }
        if origin == STAFF:
            for event_id in ids:
                if event_id not in existing:
                    raise NotFoundError(
                        _('There is no treaty event "%(id)s".') % {"id": event_id},
                        code="unknown_event",
                    )
        codes = {c.data.state for c in changes} | {e.state.iso3 for e in existing.values()}
        # Lock the states whose histories change: two staff members recording events for
        # the same state at once are validated one after the other.
        states = {s.iso3: s for s in State.objects.select_for_update().filter(iso3__in=codes)}
        instruments = {i.slug: i for i in Instrument.objects.select_related("parent")}
        problems = []
        for change in changes:
            label = change.event_id or _("new event")
            problems += [f"{label}: {p}" for p in _field_problems(change.data, states, instruments)]
        if problems:
            raise DomainError("; ".join(problems), code="invalid_event", problems=problems)
        _check_rules(changes, codes, instruments)

        written = []
        for n, change in enumerate(changes, 1):
            written.append(
                _write_event(
                    change,
                    existing.get(change.event_id or ""),
                    states,
                    instruments,
                    acting_user=acting_user,
                    origin=origin,
                    reason=reason,
                )
            )
            if progress is not None:
                progress(n, len(changes))
        if written:
            transaction.on_commit(snapshot.bump_version)
    return written


def _engine_instruments(instruments: dict[str, Instrument]) -> dict[str, engine.Instrument]:
    return {
        slug: engine.Instrument(
            slug=slug,
            rule=engine.Rule(i.entry_into_force_rule),
            parent=i.parent.slug if i.parent_id else None,
            general_entry_into_force=i.general_entry_into_force,
        )
        for slug, i in instruments.items()
    }


def _check_rules(changes: Sequence[EventChange], codes: set[str], instruments: dict) -> None:
    """Refuse the changes when they add a contradiction of the rules (engine.check_events)."""
    rows = TreatyEvent.objects.filter(state__iso3__in=codes, retracted=False).values_list(
        "event_id", "state__iso3", "instrument__slug", "action", "date", "known_by", "confirmed"
    )
    before = {
        r[0]: engine.Event(r[0], r[1], r[2], engine.Action(r[3]), r[4], r[5], r[6]) for r in rows
    }
    after = dict(before)
    for n, change in enumerate(changes):
        key = change.event_id or f"({_('new event')} {n + 1})"
        if change.data.retracted:
            after.pop(key, None)
        else:
            after[key] = engine_event(key, change.data.values())
    rules = _engine_instruments(instruments)
    old = {(v.event_id, v.code) for v in engine.check_events(rules, before.values())}
    new = [v for v in engine.check_events(rules, after.values()) if (v.event_id, v.code) not in old]
    if new:
        problems = [f"{v.event_id}: {describe_violation(after[v.event_id], v.code)}" for v in new]
        raise DomainError(
            _("This contradicts the treaty rules: %(problems)s")
            % {"problems": "; ".join(problems)},
            code="rule_violation",
            problems=problems,
        )


def _next_staff_event_id() -> str:
    numbers = [
        int(eid[len(STAFF_EVENT_PREFIX) :])
        for eid in TreatyEvent.objects.filter(event_id__startswith=STAFF_EVENT_PREFIX).values_list(
            "event_id", flat=True
        )
        if eid[len(STAFF_EVENT_PREFIX) :].isdigit()
    ]
    return f"{STAFF_EVENT_PREFIX}{max(numbers, default=0) + 1:04d}"


def _write_event(
    change: EventChange,
    event: TreatyEvent | None,
    states: dict[str, State],
    instruments: dict[str, Instrument],
    *,
    acting_user,
    origin: str,
    reason: str,
) -> TreatyEvent:
    data = change.data
    before = EventData.of(event).values() if event is not None else {}
    created = event is None
    if created:
        event = TreatyEvent()
    event.state = states[data.state]
    event.instrument = instruments[data.instrument]
    for name in ("action", "date", "known_by", "confirmed", "note", "source_url"):
        setattr(event, name, getattr(data, name))
    event.depositary_notification = data.depositary_notification
    event.retracted = data.retracted
    if origin == STAFF:
        event.edited_by_staff = True
    else:
        event.import_hash = change.import_hash
    if created and change.event_id is None:
        # Ids of staff events are numbered; a concurrent writer may take the same number.
        for _attempt in range(5):
            event.event_id = _next_staff_event_id()
            try:
                with transaction.atomic():
                    event.save()
                break
            except IntegrityError:
                event.pk = None
        else:
            raise DomainError(_("Please try again."), code="busy")
    else:
        if created:
            event.event_id = change.event_id
        event.save()
    after = data.values()
    if origin == IMPORT:
        code = "treaties.event.imported" if created else "treaties.event.reimported"
    elif created:
        code = "treaties.event.recorded"
    elif data.retracted and not before.get("retracted"):
        code = "treaties.event.retracted"
    else:
        code = "treaties.event.corrected"
    details = {
        "event_id": event.event_id,
        "state": data.state,
        "instrument": data.instrument,
        "action": data.action,
    }
    if reason:
        details["reason"] = reason
    audit.log(
        code,
        actor=acting_user,
        obj=event,
        changes=audit.diff(before, after) if not created else {},
        data=details,
    )
    return event


# -- states and instruments: staff corrections -----------------------------------------------

STATE_FIELDS = (
    "name_en",
    "name_fr",
    "name_es",
    "name_ar",
    "name_en_source",
    "name_fr_source",
    "name_es_source",
    "name_ar_source",
    "un_member",
    "asp_regional_group",
)
INSTRUMENT_FIELDS = (
    "short_name",
    "title_fr",
    "title_es",
    "title_ar",
    "titles_source",
    "coverage_note",
    "data_complete_to",
)


def correct_state(*, acting_user, state: State, values: dict[str, Any]) -> State:
    """Staff correct a state's names or membership; a re-import leaves the state alone."""
    _require(acting_user, "treaties.change_state")
    with transaction.atomic():
        state = State.objects.select_for_update().get(pk=state.pk)
        before = {f: getattr(state, f) for f in STATE_FIELDS}
        for name, value in values.items():
            if name not in STATE_FIELDS:
                raise DomainError(_("This field cannot be changed."), code="bad_field")
            setattr(state, name, value)
        for lang in ("en", "fr", "es", "ar"):
            name, source = f"name_{lang}", f"name_{lang}_source"
            if not getattr(state, name).strip():
                raise DomainError(_("Every name must be given."), code="empty_name")
            if getattr(state, name) != before[name] and getattr(state, source) == before[source]:
                # A name staff typed is their own unless they say it is the UN's.
                setattr(state, source, NameSource.STAFF)
        after = {f: getattr(state, f) for f in STATE_FIELDS}
        changes = audit.diff(before, after)
        if changes:
            state.edited_by_staff = True
            state.save()
            audit.log("treaties.state.corrected", actor=acting_user, obj=state, changes=changes)
            transaction.on_commit(snapshot.bump_version)
    return state


def correct_instrument(
    *, acting_user, instrument: Instrument, values: dict[str, Any]
) -> Instrument:
    """Staff correct an instrument's titles or coverage; a re-import leaves it alone."""
    _require(acting_user, "treaties.change_instrument")
    with transaction.atomic():
        instrument = Instrument.objects.select_for_update().get(pk=instrument.pk)
        before = {f: getattr(instrument, f) for f in INSTRUMENT_FIELDS}
        for name, value in values.items():
            if name not in INSTRUMENT_FIELDS:
                raise DomainError(_("This field cannot be changed."), code="bad_field")
            setattr(instrument, name, value)
        changes = audit.diff(before, {f: getattr(instrument, f) for f in INSTRUMENT_FIELDS})
        if changes:
            instrument.edited_by_staff = True
            instrument.save()
            audit.log(
                "treaties.instrument.corrected", actor=acting_user, obj=instrument, changes=changes
            )
            transaction.on_commit(snapshot.bump_version)
    return instrument


# -- implementing legislation -------------------------------------------------------------------

LEGISLATION_FIELDS = (
    "stage",
    "title",
    "tabled_on",
    "adopted_on",
    "in_force_on",
    "link",
    "notes",
)


def review_implementing_legislation(
    *,
    acting_user,
    state: State,
    kind: str,
    values: dict[str, Any],
    legislation: ImplementingLegislation | None = None,
) -> ImplementingLegislation:
    """Record where a state's implementing legislation of one kind stands, and who said so."""
    _require(
        acting_user,
        "treaties.change_implementinglegislation"
        if legislation
        else "treaties.add_implementinglegislation",
    )
    if kind not in LegislationKind.values:
        raise DomainError(_("Unknown kind of legislation."), code="bad_kind")
    with transaction.atomic():
        if legislation is None:
            legislation, _created = (
                ImplementingLegislation.objects.select_for_update().get_or_create(
                    state=state, kind=kind
                )
            )
        else:
            legislation = ImplementingLegislation.objects.select_for_update().get(pk=legislation.pk)
        before = {f: getattr(legislation, f) for f in (*LEGISLATION_FIELDS, "kind", "state_id")}
        for name, value in values.items():
            if name not in LEGISLATION_FIELDS:
                raise DomainError(_("This field cannot be changed."), code="bad_field")
            setattr(legislation, name, value)
        if legislation.stage not in LegislationStage.values:
            raise DomainError(_("Unknown stage."), code="bad_stage")
        known = [
            d
            for d in (legislation.tabled_on, legislation.adopted_on, legislation.in_force_on)
            if d is not None
        ]
        if known != sorted(known):
            raise DomainError(
                _("The dates must follow each other: tabled, then adopted, then in force."),
                code="bad_dates",
            )
        legislation.state = state
        legislation.kind = kind
        legislation.last_reviewed_by = acting_user
        legislation.last_reviewed_at = timezone.now()
        try:
            with transaction.atomic():
                legislation.save()
        except IntegrityError as exc:
            raise DomainError(
                _("This state already has a record for this kind of legislation."),
                code="duplicate_legislation",
            ) from exc
        after = {f: getattr(legislation, f) for f in (*LEGISLATION_FIELDS, "kind", "state_id")}
        audit.log(
            "treaties.legislation.reviewed",
            actor=acting_user,
            obj=legislation,
            changes=audit.diff(before, after),
            data={"state": state.iso3, "kind": kind, "stage": legislation.stage},
        )
    return legislation


# -- the import of data/ --------------------------------------------------------------------------


@dataclass(frozen=True)
class Conflict:
    kind: str  # state, instrument, event
    key: str
    fields: tuple[str, ...]
    file_changed: bool  # the file changed since the values staff corrected were imported

    def __str__(self) -> str:
        fields = ", ".join(self.fields)
        if self.file_changed:
            return _(
                "%(kind)s %(key)s: corrected by staff, and the data files changed too "
                "(%(fields)s); kept the staff correction"
            ) % {"kind": self.kind, "key": self.key, "fields": fields}
        return _("%(kind)s %(key)s: corrected by staff (%(fields)s); kept the staff correction") % {
            "kind": self.kind,
            "key": self.key,
            "fields": fields,
        }


@dataclass
class Tally:
    created: int = 0
    changed: int = 0
    unchanged: int = 0


@dataclass
class ImportReport:
    data_date: datetime.date | None
    states: Tally = field(default_factory=Tally)
    instruments: Tally = field(default_factory=Tally)
    events: Tally = field(default_factory=Tally)
    conflicts: list[Conflict] = field(default_factory=list)
    # Imported events that are no longer in the files: left as they are (never deleted).
    not_in_files: list[str] = field(default_factory=list)

    @property
    def created(self) -> int:
        return self.states.created + self.instruments.created + self.events.created

    @property
    def changed(self) -> int:
        return self.states.changed + self.instruments.changed + self.events.changed


def _differences(current: dict[str, Any], wanted: dict[str, Any]) -> tuple[str, ...]:
    return tuple(k for k in sorted(wanted) if current.get(k) != wanted[k])


def import_treaty_data(
    *,
    acting_user=None,
    dataset: Dataset,
    progress: Callable[[str, int, int], None] | None = None,
) -> ImportReport:
    """Bring the database in line with a valid dataset (importer.read_dataset), in one
    transaction. Rows staff corrected are reported as conflicts and left alone."""
    report = ImportReport(data_date=dataset.data_date)
    with transaction.atomic():
        changed = _import_states(dataset.states, report, acting_user)
        changed |= _import_instruments(dataset.instruments, report, acting_user)
        _import_events(dataset.events, report, acting_user, progress)
        if report.created or report.changed:
            audit.log(
                "treaties.import.completed",
                actor=acting_user,
                data={
                    "data_date": str(report.data_date or ""),
                    "created": report.created,
                    "changed": report.changed,
                    "conflicts": len(report.conflicts),
                    "files": str(dataset.data_dir),
                },
            )
        if changed:
            transaction.on_commit(snapshot.bump_version)
    return report


def _import_states(rows: Iterable[Row], report: ImportReport, acting_user) -> bool:
    existing = {s.iso3: s for s in State.objects.select_for_update()}
    touched = False
    for row in rows:
        state = existing.get(row.key)
        if state is None:
            state = State(iso3=row.key, import_hash=row.hash, **row.values)
            state.save()
            audit.log("treaties.state.imported", actor=acting_user, obj=state)
            report.states.created += 1
            touched = True
            continue
        current = {k: getattr(state, k) for k in row.values}
        differs = _differences(current, row.values)
        if not differs:
            report.states.unchanged += 1
        elif state.edited_by_staff:
            report.conflicts.append(
                Conflict("state", row.key, differs, file_changed=state.import_hash != row.hash)
            )
        else:
            for k, v in row.values.items():
                setattr(state, k, v)
            state.import_hash = row.hash
            state.save()
            audit.log(
                "treaties.state.reimported",
                actor=acting_user,
                obj=state,
                changes=audit.diff(current, row.values),
            )
            report.states.changed += 1
            touched = True
    return touched


def _instrument_values(instrument: Instrument, keys: Iterable[str]) -> dict[str, Any]:
    values = {k: getattr(instrument, k) for k in keys if k != "parent"}
    values["parent"] = instrument.parent.slug if instrument.parent_id else None
    return values


def _import_instruments(rows: list[Row], report: ImportReport, acting_user) -> bool:
    existing = {
        i.slug: i
        for i in Instrument.objects.select_for_update(of=("self",)).select_related("parent")
    }
    touched = False
    # Parents first, so that an amendment can point to its treaty.
    for row in sorted(rows, key=lambda r: r.values["parent"] is not None):
        instrument = existing.get(row.key)
        values = dict(row.values)
        parent = values.pop("parent")
        if instrument is None:
            instrument = Instrument(slug=row.key, import_hash=row.hash, **values)
            instrument.parent = existing[parent] if parent else None
            instrument.save()
            existing[row.key] = instrument
            audit.log("treaties.instrument.imported", actor=acting_user, obj=instrument)
            report.instruments.created += 1
            touched = True
            continue
        current = _instrument_values(instrument, row.values)
        differs = _differences(current, row.values)
        if not differs:
            report.instruments.unchanged += 1
        elif instrument.edited_by_staff:
            report.conflicts.append(
                Conflict(
                    "instrument", row.key, differs, file_changed=instrument.import_hash != row.hash
                )
            )
        else:
            for k, v in values.items():
                setattr(instrument, k, v)
            instrument.parent = existing[parent] if parent else None
            instrument.import_hash = row.hash
            instrument.save()
            audit.log(
                "treaties.instrument.reimported",
                actor=acting_user,
                obj=instrument,
                changes=audit.diff(current, row.values),
            )
            report.instruments.changed += 1
            touched = True
    return touched


def _import_events(
    rows: list[Row],
    report: ImportReport,
    acting_user,
    progress: Callable[[str, int, int], None] | None,
) -> None:
    existing = {e.event_id: e for e in TreatyEvent.objects.select_related("state", "instrument")}
    changes = []
    in_files = set()
    created = 0
    for row in rows:
        in_files.add(row.key)
        event = existing.get(row.key)
        if event is None:
            changes.append(EventChange(row.key, EventData(**row.values), import_hash=row.hash))
            created += 1
            continue
        current = EventData.of(event).values()
        differs = _differences(current, row.values)
        if not differs:
            report.events.unchanged += 1
        elif event.edited_by_staff:
            report.conflicts.append(
                Conflict("event", row.key, differs, file_changed=event.import_hash != row.hash)
            )
        else:
            changes.append(EventChange(row.key, EventData(**row.values), import_hash=row.hash))
    report.not_in_files = sorted(
        eid for eid, e in existing.items() if eid not in in_files and e.import_hash
    )
    if changes:
        record_treaty_events(
            acting_user=acting_user,
            changes=changes,
            origin=IMPORT,
            progress=(lambda done, total: progress("events", done, total)) if progress else None,
        )
    report.events.created += created
    report.events.changed += len(changes) - created


__all__ = [
    "IMPORT",
    "STAFF",
    "Conflict",
    "EventChange",
    "EventData",
    "ImportReport",
    "correct_instrument",
    "correct_state",
    "import_treaty_data",
    "record_treaty_event",
    "record_treaty_events",
    "review_implementing_legislation",
]
