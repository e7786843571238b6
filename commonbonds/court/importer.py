"""Read and check the ICC data files of `data/` (data/README_icc.md), writing nothing.

`read_court_data(data_dir, states=...)` returns `CourtData` when every row of every file is
valid and raises `DatasetError` listing every problem (file and line) otherwise. Writing is the
job of `actions.import_court_data`, which only ever receives valid data, so a broken file
changes nothing in the database. The same checks as the treaty import (`treaties/importer.py`),
on the generic reader of `court/csvimport.py`.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.text import slugify
from django.utils.translation import gettext as _

from .csvimport import CsvReader, values_hash
from .keydates import KeyDateError, parse_key_dates
from .models import (
    CASE_STATUS_BY_LABEL,
    PROGRAMME_BY_LABEL,
    SECTIONS_EXCLUDING_HSL,
    DatasetKey,
    Programme,
    SessionKind,
    SituationStage,
    Trigger,
)

SESSIONS = "asp_sessions.csv"
SITUATIONS = "icc_situations.csv"
CASES = "icc_cases.csv"
BUDGET = "icc_budget.csv"
FILES = {
    DatasetKey.SESSIONS: SESSIONS,
    DatasetKey.SITUATIONS: SITUATIONS,
    DatasetKey.CASES: CASES,
    DatasetKey.BUDGET: BUDGET,
}

#: The last day the ICC files cover. data/README_icc.md, "Currency": "the files cover events
#: up to the end of February 2026". Change it with the files (and the test that reads the
#: README), or give `import_court --as-of`.
DATA_AS_OF = datetime.date(2026, 2, 28)

_COLUMNS = {
    SESSIONS: (
        "number",
        "kind",
        "start_date",
        "end_date",
        "city",
        "venue",
        "president",
        "notes",
        "source_url",
    ),
    SITUATIONS: (
        "situation",
        "country_iso3",
        "stage",
        "trigger",
        "opened_date",
        "investigation_opened_date",
        "closed_date",
        "notes",
        "source_url",
    ),
    CASES: ("case_name", "situation", "defendants", "status", "key_dates", "notes", "source_url"),
    BUDGET: ("year", "major_programme", "approved_eur", "source_url"),
}
_SESSION_NUMBER = re.compile(r"^(\d{1,2}|RC|S-\d{1,2})$")
_KINDS = {k.value: k.value for k in SessionKind}
_STAGES = {k.value: k.value for k in SituationStage}
_TRIGGERS = {k.value: k.value for k in Trigger}
FIRST_BUDGET_YEAR = 2002


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
class CourtData:
    data_dir: Path
    data_as_of: datetime.date
    sessions: list[Row] = field(default_factory=list)
    situations: list[Row] = field(default_factory=list)
    cases: list[Row] = field(default_factory=list)
    budget: list[Row] = field(default_factory=list)

    def rows_of(self, key: str) -> list[Row]:
        return {
            DatasetKey.SESSIONS: self.sessions,
            DatasetKey.SITUATIONS: self.situations,
            DatasetKey.CASES: self.cases,
            DatasetKey.BUDGET: self.budget,
        }[key]


def make_slug(name: str) -> str:
    """A readable address for a situation or case: "The Prosecutor v. " left out, at most 80
    characters, cut at a word."""
    text = re.sub(r"^(The Prosecutor v\.|Situation in( the)?)\s*", "", name)
    slug = slugify(text) or "item"
    if len(slug) > 80:
        slug = slug[:80].rsplit("-", 1)[0]
    return slug


def read_court_data(
    data_dir: Path | str, *, states: set[str], data_as_of: datetime.date = DATA_AS_OF
) -> CourtData:
    """Every file read and checked; `states` are the ISO3 codes the database knows."""
    reader = CsvReader(data_dir)
    data = CourtData(data_dir=Path(data_dir), data_as_of=data_as_of)
    data.sessions = _read_sessions(reader, data_as_of)
    data.situations = _read_situations(reader, states, data_as_of)
    data.cases = _read_cases(reader, {r.key for r in data.situations}, data_as_of)
    data.budget = _read_budget(reader, data_as_of)
    reader.raise_if_problems()
    return data


def _not_after(reader: CsvReader, file: str, line: int, column: str, day, as_of) -> None:
    if day is not None and day > as_of:
        reader.problem(
            file,
            line,
            _("%(column)s %(date)s is after the date the data covers (%(as_of)s)")
            % {"column": column, "date": day.isoformat(), "as_of": as_of.isoformat()},
        )


def _read_sessions(reader: CsvReader, as_of: datetime.date) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int] = {}
    resumptions: dict[str, int] = defaultdict(int)
    for line, row in reader.rows(SESSIONS, _COLUMNS[SESSIONS]):
        before = len(reader.problems)
        reader.required(SESSIONS, line, row, "number", "kind", "start_date", "end_date", "city")
        number = row["number"]
        if number and not _SESSION_NUMBER.match(number):
            reader.problem(
                SESSIONS,
                line,
                _('number "%(value)s" is not a session number (1, 2… RC, S-1)') % {"value": number},
            )
        kind = reader.choice(SESSIONS, line, "kind", row["kind"], _KINDS) if row["kind"] else None
        start = reader.date(SESSIONS, line, "start_date", row["start_date"])
        end = reader.date(SESSIONS, line, "end_date", row["end_date"])
        if start and end and end < start:
            reader.problem(SESSIONS, line, _("end_date is before start_date"))
        _not_after(reader, SESSIONS, line, "end_date", end, as_of)
        source = reader.url(SESSIONS, line, "source_url", row["source_url"])
        if kind == SessionKind.RESUMED:
            resumptions[number] += 1
            key = f"{number}-R{resumptions[number]}"
        else:
            key = number
        reader.duplicate(SESSIONS, line, seen, key, "session")
        if len(reader.problems) > before:
            continue
        rows.append(
            Row(
                reader.label(SESSIONS),
                line,
                key,
                {
                    "number": number,
                    "kind": kind,
                    "start_date": start,
                    "end_date": end,
                    "city": row["city"],
                    "venue": row["venue"],
                    "president": row["president"],
                    "notes": row["notes"],
                    "source_url": source,
                },
            )
        )
    return rows


def _read_situations(reader: CsvReader, states: set[str], as_of: datetime.date) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int] = {}
    position = 0
    for line, row in reader.rows(SITUATIONS, _COLUMNS[SITUATIONS]):
        position += 1
        before = len(reader.problems)
        reader.required(SITUATIONS, line, row, "situation", "country_iso3", "stage", "trigger")
        name = row["situation"]
        if len(name) > 200:
            reader.problem(SITUATIONS, line, _("situation is longer than 200 characters"))
        iso3 = row["country_iso3"]
        if iso3 and iso3 not in states:
            reader.problem(
                SITUATIONS,
                line,
                _('unknown state "%(iso3)s": import the treaty data (states.csv) first')
                % {"iso3": iso3},
            )
        stage = (
            reader.choice(SITUATIONS, line, "stage", row["stage"], _STAGES)
            if row["stage"]
            else None
        )
        trigger = (
            reader.choice(SITUATIONS, line, "trigger", row["trigger"], _TRIGGERS)
            if row["trigger"]
            else None
        )
        dates = {
            c: reader.date(SITUATIONS, line, c, row[c])
            for c in ("opened_date", "investigation_opened_date", "closed_date")
        }
        for column, day in dates.items():
            _not_after(reader, SITUATIONS, line, column, day, as_of)
        if stage == SituationStage.INVESTIGATION and not row["investigation_opened_date"]:
            reader.problem(SITUATIONS, line, _("an investigation needs investigation_opened_date"))
        if stage in (SituationStage.CLOSED, SituationStage.DECLINED) and not row["closed_date"]:
            reader.problem(
                SITUATIONS, line, _("a closed or declined examination needs closed_date")
            )
        if (
            stage in (SituationStage.INVESTIGATION, SituationStage.PRELIMINARY_EXAMINATION)
            and row["closed_date"]
        ):
            reader.problem(
                SITUATIONS,
                line,
                _("closed_date is given, but the stage is %(stage)s") % {"stage": stage},
            )
        opened, later = (
            dates["opened_date"],
            dates["investigation_opened_date"] or dates["closed_date"],
        )
        if opened and later and later < opened:
            reader.problem(SITUATIONS, line, _("the situation ends or moves on before opened_date"))
        source = reader.url(SITUATIONS, line, "source_url", row["source_url"])
        if name:
            reader.duplicate(SITUATIONS, line, seen, name, "situation")
        if len(reader.problems) > before:
            continue
        rows.append(
            Row(
                reader.label(SITUATIONS),
                line,
                name,
                {
                    "position": position,
                    "state": iso3,
                    "stage": stage,
                    "trigger": trigger,
                    **dates,
                    "notes": row["notes"],
                    "source_url": source,
                },
            )
        )
    return rows


def _read_cases(reader: CsvReader, situations: set[str], as_of: datetime.date) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int] = {}
    position = 0
    for line, row in reader.rows(CASES, _COLUMNS[CASES]):
        position += 1
        before = len(reader.problems)
        reader.required(CASES, line, row, "case_name", "situation", "defendants", "status")
        name = row["case_name"]
        if len(name) > 300:
            reader.problem(CASES, line, _("case_name is longer than 300 characters"))
        if row["situation"] and row["situation"] not in situations:
            reader.problem(
                CASES,
                line,
                _('unknown situation "%(value)s" (not in icc_situations.csv)')
                % {"value": row["situation"]},
            )
        status = (
            reader.choice(CASES, line, "status", row["status"], CASE_STATUS_BY_LABEL)
            if row["status"]
            else None
        )
        defendants = [d.strip() for d in row["defendants"].split(";") if d.strip()]
        try:
            timeline = parse_key_dates(row["key_dates"], defendants)
        except KeyDateError as exc:
            reader.problem(CASES, line, _("key_dates: %(problem)s") % {"problem": exc})
        else:
            for item in timeline:
                _not_after(reader, CASES, line, item.key, item.date, as_of)
        source = reader.url(CASES, line, "source_url", row["source_url"])
        if name:
            reader.duplicate(CASES, line, seen, name, "case_name")
        if len(reader.problems) > before:
            continue
        rows.append(
            Row(
                reader.label(CASES),
                line,
                name,
                {
                    "position": position,
                    "situation": row["situation"],
                    "defendants": "; ".join(defendants),
                    "status": status,
                    "key_dates": ";".join(p.strip() for p in row["key_dates"].split(";") if p),
                    "notes": row["notes"],
                    "source_url": source,
                },
            )
        )
    return rows


def _read_budget(reader: CsvReader, as_of: datetime.date) -> list[Row]:
    rows: list[Row] = []
    seen: dict[str, int] = {}
    for line, row in reader.rows(BUDGET, _COLUMNS[BUDGET]):
        before = len(reader.problems)
        reader.required(BUDGET, line, row, "year", "major_programme", "approved_eur")
        year = reader.integer(BUDGET, line, "year", row["year"]) if row["year"] else None
        if year is not None and not FIRST_BUDGET_YEAR <= year <= as_of.year + 1:
            reader.problem(
                BUDGET,
                line,
                _("year %(year)s is outside %(first)s–%(last)s")
                % {"year": year, "first": FIRST_BUDGET_YEAR, "last": as_of.year + 1},
            )
        programme = (
            reader.choice(
                BUDGET, line, "major_programme", row["major_programme"], PROGRAMME_BY_LABEL
            )
            if row["major_programme"]
            else None
        )
        amount = (
            reader.integer(BUDGET, line, "approved_eur", row["approved_eur"])
            if row["approved_eur"]
            else None
        )
        if amount == 0:
            reader.problem(BUDGET, line, _("approved_eur is 0"))
        source = reader.url(BUDGET, line, "source_url", row["source_url"])
        if year is not None and programme:
            reader.duplicate(BUDGET, line, seen, f"{year}/{programme}", "year/major_programme")
        if len(reader.problems) > before:
            continue
        rows.append(
            Row(
                reader.label(BUDGET),
                line,
                f"{year}/{programme}/approved",
                {
                    "year": year,
                    "programme": programme,
                    "stage": "approved",
                    "amount_eur": amount,
                    "source_url": source,
                },
            )
        )
    _check_budget_sums(reader, rows)
    return rows


def budget_sum_problems(amounts: dict[str, int]) -> list[str]:
    """Where one year's figures do not add up: the sections against the total excluding the
    Host State Loan, and that total plus the loan against the total. Figures not given are
    not checked."""
    problems = []
    excl = amounts.get(Programme.TOTAL_EXCLUDING_HSL)
    total = amounts.get(Programme.TOTAL)
    loan = amounts.get(Programme.HOST_STATE_LOAN)
    if all(s in amounts for s in SECTIONS_EXCLUDING_HSL) and excl is not None:
        sections = sum(amounts[s] for s in SECTIONS_EXCLUDING_HSL)
        if sections != excl:
            problems.append(
                _(
                    "the major programmes add up to %(sum)s, not the %(total)s of the total "
                    "excluding the Host State Loan"
                )
                % {"sum": sections, "total": excl}
            )
    if excl is not None and loan is not None and total is not None and excl + loan != total:
        problems.append(
            _(
                "the total excluding the Host State Loan (%(excl)s) plus the loan (%(loan)s) is "
                "not the total (%(total)s)"
            )
            % {"excl": excl, "loan": loan, "total": total}
        )
    return problems


def _check_budget_sums(reader: CsvReader, rows: list[Row]) -> None:
    by_year: dict[int, dict[str, int]] = defaultdict(dict)
    last_line: dict[int, int] = {}
    for row in rows:
        by_year[row.values["year"]][row.values["programme"]] = row.values["amount_eur"]
        last_line[row.values["year"]] = row.line
    for year, amounts in sorted(by_year.items()):
        for problem in budget_sum_problems(amounts):
            reader.problem(
                BUDGET,
                last_line[year],
                _("%(year)s: %(problem)s") % {"year": year, "problem": problem},
            )
