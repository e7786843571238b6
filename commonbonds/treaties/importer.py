"""Read and check the treaty data files of `data/` (data/README.md), writing nothing.

`read_dataset(data_dir)` returns a `Dataset` when every row of every file is valid, and raises
`DatasetError` with every problem (file and line) otherwise. Writing is the job of
`actions.import_treaty_data`, which only ever receives a valid dataset: a broken file changes
nothing in the database.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from . import engine, names
from .messages import describe_violation
from .models import REGIONAL_GROUP_BY_LABEL, Action, OpenTo, Rule

STATES = "states.csv"
INSTRUMENTS = "instruments.csv"
EVENTS = "treaty_actions.csv"
STATE_NAMES = "state_names.csv"
INSTRUMENT_TITLES = "instrument_titles.csv"

_COLUMNS = {
    STATES: ("iso3", "iso2", "name", "asp_regional_group", "un_member"),
    INSTRUMENTS: (
        "slug",
        "name",
        "short_name",
        "depositary_ref",
        "adopted_place",
        "adopted_date",
        "parent",
        "entry_into_force_rule",
        "general_entry_into_force",
        "open_to",
        "data_complete_to",
        "coverage_note",
    ),
    EVENTS: (
        "event_id",
        "state_iso3",
        "state_name",
        "instrument",
        "action",
        "date",
        "known_by",
        "confirmed",
        "note",
        "source_url",
    ),
    STATE_NAMES: ("iso3", "lang", "name", "source"),
    INSTRUMENT_TITLES: ("slug", "lang", "title", "source"),
}
#: Columns a file may have; a missing optional column reads as empty.
_OPTIONAL = {EVENTS: ("depositary_notification",)}
_OPTIONAL_FILES = (STATE_NAMES, INSTRUMENT_TITLES)

ISO3 = re.compile(r"^[A-Z]{3}$")
ISO2 = re.compile(r"^[A-Z]{2}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_]{0,59}$")
EVENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")
#: Event ids the admin gives to events staff record; a data file may not use them.
STAFF_EVENT_PREFIX = "cb-"
_URL = URLValidator(schemes=["http", "https"])


def values_hash(values: dict[str, Any]) -> str:
    """A stable fingerprint of the values a row had when it was imported."""
    text = json.dumps(values, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class DatasetError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problems")


@dataclass(frozen=True)
class Row:
    """One valid row, as the values the database will hold (keys are model fields)."""

    file: str
    line: int
    key: str
    values: dict[str, Any]

    @property
    def hash(self) -> str:
        return values_hash(self.values)


@dataclass
class Dataset:
    data_dir: Path
    states: list[Row] = field(default_factory=list)
    instruments: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)

    @property
    def data_date(self) -> datetime.date | None:
        """The latest `data_complete_to` of the instruments (the data cut-off)."""
        dates = [r.values["data_complete_to"] for r in self.instruments]
        return max((d for d in dates if d is not None), default=None)


class _Reader:
    """Collects problems while reading; each file is read with its line numbers."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.problems: list[Problem] = []

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.label(file), line, message))

    def label(self, file: str) -> str:
        return str(self.data_dir / file)

    def rows(self, file: str) -> Iterator[tuple[int, dict[str, str]]]:
        """(line number where the record starts, row) for each record of the file."""
        path = self.data_dir / file
        if not path.exists():
            if file not in _OPTIONAL_FILES:
                self.problem(file, None, _("file not found"))
            return
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                header = reader.fieldnames or []
                missing = [c for c in _COLUMNS[file] if c not in header]
                for column in missing:
                    self.problem(file, 1, _('missing column "%(column)s"') % {"column": column})
                if missing:
                    return
                optional = _OPTIONAL.get(file, ())
                start = 2
                for row in reader:
                    if None in row:
                        self.problem(file, start, _("more fields than the header has"))
                    elif any(row.get(c) is None for c in header):
                        self.problem(file, start, _("fewer fields than the header has"))
                    else:
                        clean = {k: (v or "").strip() for k, v in row.items()}
                        for column in optional:
                            clean.setdefault(column, "")
                        yield start, clean
                    start = reader.line_num + 1
        except UnicodeDecodeError:
            self.problem(file, None, _("the file is not UTF-8 text"))
        except csv.Error as exc:
            self.problem(file, None, _("not a valid CSV file (%(error)s)") % {"error": exc})

    def date(self, file: str, line: int, column: str, value: str) -> datetime.date | None:
        if not value:
            return None
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            try:
                return datetime.date.fromisoformat(value)
            except ValueError:
                pass
        self.problem(
            file,
            line,
            _('%(column)s "%(value)s" is not a date written YYYY-MM-DD')
            % {"column": column, "value": value},
        )
        return None

    def boolean(self, file: str, line: int, column: str, value: str) -> bool | None:
        if value in ("true", "false"):
            return value == "true"
        self.problem(
            file,
            line,
            _('%(column)s must be "true" or "false", not "%(value)s"')
            % {"column": column, "value": value},
        )
        return None

    def required(self, file: str, line: int, row: dict[str, str], *columns: str) -> bool:
        ok = True
        for column in columns:
            if not row[column]:
                self.problem(file, line, _("%(column)s is empty") % {"column": column})
                ok = False
        return ok

    def duplicate(self, file: str, line: int, seen: dict[str, int], key: str, what: str) -> bool:
        if key in seen:
            self.problem(
                file,
                line,
                _('%(what)s "%(key)s" is used again (first on line %(first)s)')
                % {"what": what, "key": key, "first": seen[key]},
            )
            return True
        seen[key] = line
        return False


def read_dataset(data_dir: Path | str) -> Dataset:
    """Every file read and checked; DatasetError lists every problem found."""
    data_dir = Path(data_dir)
    reader = _Reader(data_dir)
    dataset = Dataset(data_dir=data_dir)
    un_names = _read_state_names(reader)
    dataset.states = _read_states(reader, un_names)
    state_names = {r.key: r.values["name_en"] for r in dataset.states}
    for iso3, (line, _names) in sorted(un_names.items()):
        if iso3 not in state_names:
            reader.problem(
                STATE_NAMES,
                line,
                _('unknown state "%(iso3)s" (not in states.csv)') % {"iso3": iso3},
            )
    titles = _read_titles(reader)
    dataset.instruments = _read_instruments(reader, titles)
    instruments = {r.key: r for r in dataset.instruments}
    for slug, (line, _titles) in sorted(titles.items()):
        if slug not in instruments:
            reader.problem(
                INSTRUMENT_TITLES,
                line,
                _('unknown instrument "%(slug)s" (not in instruments.csv)') % {"slug": slug},
            )
    dataset.events = _read_events(reader, state_names, instruments)
    if not reader.problems:
        _check_rules(reader, dataset)
    if reader.problems:
        raise DatasetError(reader.problems)
    return dataset


def _read_state_names(reader: _Reader) -> dict[str, tuple[int, dict[str, str]]]:
    """{iso3: (first line, {lang: name})} from state_names.csv (the UN names we are sure of)."""
    found: dict[str, tuple[int, dict[str, str]]] = {}
    seen: dict[str, int] = {}
    for line, row in reader.rows(STATE_NAMES):
        if not reader.required(STATE_NAMES, line, row, "iso3", "lang", "name", "source"):
            continue
        if row["lang"] not in names.TRANSLATED:
            reader.problem(
                STATE_NAMES,
                line,
                _('lang must be one of fr, es, ar, not "%(lang)s"') % {"lang": row["lang"]},
            )
            continue
        if reader.duplicate(STATE_NAMES, line, seen, f"{row['iso3']}/{row['lang']}", "iso3/lang"):
            continue
        found.setdefault(row["iso3"], (line, {}))[1][row["lang"]] = row["name"]
    return found


def _read_states(reader: _Reader, un_names: dict[str, tuple[int, dict[str, str]]]) -> list[Row]:
    rows: list[Row] = []
    seen3: dict[str, int] = {}
    seen2: dict[str, int] = {}
    for line, row in reader.rows(STATES):
        before = len(reader.problems)
        reader.required(STATES, line, row, "iso3", "iso2", "name", "un_member")
        if row["iso3"] and not ISO3.match(row["iso3"]):
            reader.problem(
                STATES,
                line,
                _('iso3 "%(value)s" is not three capital letters') % {"value": row["iso3"]},
            )
        if row["iso2"] and not ISO2.match(row["iso2"]):
            reader.problem(
                STATES,
                line,
                _('iso2 "%(value)s" is not two capital letters') % {"value": row["iso2"]},
            )
        group = row["asp_regional_group"]
        if group and group not in REGIONAL_GROUP_BY_LABEL:
            reader.problem(STATES, line, _('unknown regional group "%(value)s"') % {"value": group})
        member = (
            reader.boolean(STATES, line, "un_member", row["un_member"])
            if row["un_member"]
            else None
        )
        reader.duplicate(STATES, line, seen3, row["iso3"], "iso3")
        reader.duplicate(STATES, line, seen2, row["iso2"], "iso2")
        if len(reader.problems) > before:
            continue
        resolved = names.resolve(row["iso2"], row["name"], un_names.get(row["iso3"], (0, {}))[1])
        values: dict[str, Any] = {
            "iso2": row["iso2"],
            "un_member": member,
            "asp_regional_group": str(REGIONAL_GROUP_BY_LABEL[group]) if group else "",
        }
        for lang, (name, source) in resolved.items():
            values[f"name_{lang}"] = name
            values[f"name_{lang}_source"] = str(source)
        rows.append(Row(reader.label(STATES), line, row["iso3"], values))
    return rows


def _read_titles(reader: _Reader) -> dict[str, tuple[int, dict[str, tuple[str, str]]]]:
    """{slug: (first line, {lang: (title, source)})} from instrument_titles.csv."""
    found: dict[str, tuple[int, dict[str, tuple[str, str]]]] = {}
    seen: dict[str, int] = {}
    for line, row in reader.rows(INSTRUMENT_TITLES):
        if not reader.required(INSTRUMENT_TITLES, line, row, "slug", "lang", "title", "source"):
            continue
        if row["lang"] not in names.TRANSLATED:
            reader.problem(
                INSTRUMENT_TITLES,
                line,
                _('lang must be one of fr, es, ar, not "%(lang)s"') % {"lang": row["lang"]},
            )
            continue
        if reader.duplicate(
            INSTRUMENT_TITLES, line, seen, f"{row['slug']}/{row['lang']}", "slug/lang"
        ):
            continue
        found.setdefault(row["slug"], (line, {}))[1][row["lang"]] = (row["title"], row["source"])
    return found


def _read_instruments(
    reader: _Reader, titles: dict[str, tuple[int, dict[str, tuple[str, str]]]]
) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int] = {}
    parents: list[tuple[int, str, str]] = []
    position = 0
    for line, row in reader.rows(INSTRUMENTS):
        position += 1
        before = len(reader.problems)
        reader.required(
            INSTRUMENTS,
            line,
            row,
            "slug",
            "name",
            "short_name",
            "depositary_ref",
            "adopted_place",
            "adopted_date",
            "entry_into_force_rule",
            "open_to",
        )
        slug = row["slug"]
        if slug and not SLUG.match(slug):
            reader.problem(
                INSTRUMENTS,
                line,
                _('slug "%(value)s" may hold only small letters, digits and _') % {"value": slug},
            )
        rule = row["entry_into_force_rule"]
        if rule and rule not in Rule.values:
            reader.problem(
                INSTRUMENTS, line, _('unknown entry_into_force_rule "%(value)s"') % {"value": rule}
            )
        if row["open_to"] and row["open_to"] not in OpenTo.values:
            reader.problem(
                INSTRUMENTS, line, _('unknown open_to "%(value)s"') % {"value": row["open_to"]}
            )
        dates = {
            column: reader.date(INSTRUMENTS, line, column, row[column])
            for column in ("adopted_date", "general_entry_into_force", "data_complete_to")
        }
        if row["parent"]:
            parents.append((line, slug, row["parent"]))
        reader.duplicate(INSTRUMENTS, line, seen, slug, "slug")
        if len(reader.problems) > before:
            continue
        own_titles = titles.get(slug, (0, {}))[1]
        sources = sorted({source for _title, source in own_titles.values()})
        rows.append(
            Row(
                reader.label(INSTRUMENTS),
                line,
                slug,
                {
                    "position": position,
                    "name": row["name"],
                    "short_name": row["short_name"],
                    "title_fr": own_titles.get("fr", ("", ""))[0],
                    "title_es": own_titles.get("es", ("", ""))[0],
                    "title_ar": own_titles.get("ar", ("", ""))[0],
                    "titles_source": "; ".join(sources)[:500],
                    "depositary_ref": row["depositary_ref"],
                    "adopted_place": row["adopted_place"],
                    "adopted_date": dates["adopted_date"],
                    "parent": row["parent"] or None,
                    "entry_into_force_rule": rule,
                    "general_entry_into_force": dates["general_entry_into_force"],
                    "open_to": row["open_to"],
                    "data_complete_to": dates["data_complete_to"],
                    "coverage_note": row["coverage_note"],
                },
            )
        )
    for line, slug, parent in parents:
        if parent == slug or parent not in seen:
            reader.problem(
                INSTRUMENTS,
                line,
                _('parent "%(value)s" is not another instrument of the file') % {"value": parent},
            )
    return rows


def _read_events(
    reader: _Reader, state_names: dict[str, str], instruments: dict[str, Row]
) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for line, row in reader.rows(EVENTS):
        before = len(reader.problems)
        reader.required(
            EVENTS, line, row, "event_id", "state_iso3", "instrument", "action", "confirmed"
        )
        event_id = row["event_id"]
        if event_id and not EVENT_ID.match(event_id):
            reader.problem(
                EVENTS,
                line,
                _('event_id "%(value)s" may hold only letters, digits, ".", "_" and "-"')
                % {"value": event_id},
            )
        elif event_id.startswith(STAFF_EVENT_PREFIX):
            reader.problem(
                EVENTS,
                line,
                _(
                    'event_id "%(value)s": ids starting with "%(prefix)s" are kept for events '
                    "recorded in the admin"
                )
                % {"value": event_id, "prefix": STAFF_EVENT_PREFIX},
            )
        if event_id:
            reader.duplicate(EVENTS, line, seen, event_id, "event_id")
        iso3 = row["state_iso3"]
        if iso3 and iso3 not in state_names:
            reader.problem(
                EVENTS, line, _('unknown state "%(iso3)s" (not in states.csv)') % {"iso3": iso3}
            )
        elif iso3 and row["state_name"] and row["state_name"] != state_names[iso3]:
            reader.problem(
                EVENTS,
                line,
                _('state_name "%(given)s" is not the name of %(iso3)s in states.csv ("%(name)s")')
                % {"given": row["state_name"], "iso3": iso3, "name": state_names[iso3]},
            )
        slug = row["instrument"]
        if slug and slug not in instruments:
            reader.problem(
                EVENTS,
                line,
                _('unknown instrument "%(slug)s" (not in instruments.csv)') % {"slug": slug},
            )
        if row["action"] and row["action"] not in Action.values:
            reader.problem(EVENTS, line, _('unknown action "%(value)s"') % {"value": row["action"]})
        date = reader.date(EVENTS, line, "date", row["date"])
        known_by = reader.date(EVENTS, line, "known_by", row["known_by"])
        if row["date"] and row["known_by"]:
            reader.problem(EVENTS, line, _("a dated event must not also have known_by"))
        elif not row["date"] and not row["known_by"]:
            reader.problem(
                EVENTS,
                line,
                _("date is empty: an undated event needs known_by (the date a source knew of it)"),
            )
        confirmed = (
            reader.boolean(EVENTS, line, "confirmed", row["confirmed"])
            if row["confirmed"]
            else None
        )
        source = row["source_url"]
        if not source:
            reader.problem(EVENTS, line, _("source_url is empty: every event cites a source"))
        else:
            try:
                _URL(source)
            except ValidationError:
                reader.problem(
                    EVENTS,
                    line,
                    _('source_url "%(value)s" is not a web address') % {"value": source},
                )
            if len(source) > 500:
                reader.problem(EVENTS, line, _("source_url is longer than 500 characters"))
        if len(row["depositary_notification"]) > 100:
            reader.problem(EVENTS, line, _("depositary_notification is longer than 100 characters"))
        if len(reader.problems) > before:
            continue
        rows.append(
            Row(
                reader.label(EVENTS),
                line,
                event_id,
                {
                    "state": iso3,
                    "instrument": slug,
                    "action": row["action"],
                    "date": date,
                    "known_by": known_by,
                    "confirmed": confirmed,
                    "note": row["note"],
                    "source_url": source,
                    "depositary_notification": row["depositary_notification"],
                    "retracted": False,
                },
            )
        )
    return rows


def engine_instrument(slug: str, values: dict[str, Any]) -> engine.Instrument:
    return engine.Instrument(
        slug=slug,
        rule=engine.Rule(values["entry_into_force_rule"]),
        parent=values["parent"],
        general_entry_into_force=values["general_entry_into_force"],
    )


def engine_event(event_id: str, values: dict[str, Any]) -> engine.Event:
    return engine.Event(
        event_id=event_id,
        state=values["state"],
        instrument=values["instrument"],
        action=engine.Action(values["action"]),
        date=values["date"],
        known_by=values["known_by"],
        confirmed=values["confirmed"],
    )


def _check_rules(reader: _Reader, dataset: Dataset) -> None:
    """The engine's checks (engine.check_events) over the whole file, with line numbers."""
    instruments = {r.key: engine_instrument(r.key, r.values) for r in dataset.instruments}
    events = {r.key: engine_event(r.key, r.values) for r in dataset.events}
    lines = {r.key: r.line for r in dataset.events}
    by_event: dict[str, list[str]] = defaultdict(list)
    for violation in engine.check_events(instruments, events.values()):
        by_event[violation.event_id].append(violation.code)
    for event_id, codes in sorted(by_event.items(), key=lambda item: lines[item[0]]):
        for code in codes:
            reader.problem(
                EVENTS,
                lines[event_id],
                f"{event_id}: {describe_violation(events[event_id], code)}",
            )
