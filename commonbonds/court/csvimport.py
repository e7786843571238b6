"""Reading a CSV data file with line numbers, collecting every problem instead of stopping.

Generic on purpose (it knows nothing of the Court), so that it can move to `core` beside the
pieces it shares with the treaty import (`Problem`, `DatasetError`, `values_hash` of
`treaties/importer.py`, reused here rather than copied). Each method adds a `Problem` with the
file and line and returns None (or False) for a bad value; the importer decides what to do
with the row.
"""

from __future__ import annotations

import csv
import datetime
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext as _

from commonbonds.treaties.importer import DatasetError, Problem, values_hash

__all__ = ["CsvReader", "DatasetError", "Problem", "values_hash"]

_URL = URLValidator(schemes=["http", "https"])
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class CsvReader:
    def __init__(self, data_dir: Path | str):
        self.data_dir = Path(data_dir)
        self.problems: list[Problem] = []

    def label(self, file: str) -> str:
        return str(self.data_dir / file)

    def problem(self, file: str, line: int | None, message: str) -> None:
        self.problems.append(Problem(self.label(file), line, message))

    def rows(self, file: str, columns: Sequence[str]) -> Iterator[tuple[int, dict[str, str]]]:
        """(line where the record starts, row with stripped values) for each record."""
        path = self.data_dir / file
        if not path.exists():
            self.problem(file, None, _("file not found"))
            return
        try:
            with path.open(encoding="utf-8-sig", newline="") as f:
                reader = csv.DictReader(f)
                header = reader.fieldnames or []
                missing = [c for c in columns if c not in header]
                for column in missing:
                    self.problem(file, 1, _('missing column "%(column)s"') % {"column": column})
                if missing:
                    return
                start = 2
                for row in reader:
                    if None in row:
                        self.problem(file, start, _("more fields than the header has"))
                    elif any(row.get(c) is None for c in header):
                        self.problem(file, start, _("fewer fields than the header has"))
                    else:
                        yield start, {k: (v or "").strip() for k, v in row.items()}
                    start = reader.line_num + 1
        except UnicodeDecodeError:
            self.problem(file, None, _("the file is not UTF-8 text"))
        except csv.Error as exc:
            self.problem(file, None, _("not a valid CSV file (%(error)s)") % {"error": exc})

    def required(self, file: str, line: int, row: dict[str, str], *columns: str) -> bool:
        ok = True
        for column in columns:
            if not row[column]:
                self.problem(file, line, _("%(column)s is empty") % {"column": column})
                ok = False
        return ok

    def date(self, file: str, line: int, column: str, value: str) -> datetime.date | None:
        if not value:
            return None
        if _DATE.match(value):
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

    def choice(
        self, file: str, line: int, column: str, value: str, choices: dict[str, str]
    ) -> str | None:
        """The code of `value` in {spelling in the file: code}; a problem when unknown."""
        if value in choices:
            return str(choices[value])
        self.problem(
            file,
            line,
            _('%(column)s "%(value)s" is not one of: %(choices)s')
            % {"column": column, "value": value, "choices": ", ".join(choices)},
        )
        return None

    def integer(self, file: str, line: int, column: str, value: str) -> int | None:
        if value.isdigit():
            return int(value)
        self.problem(
            file,
            line,
            _('%(column)s "%(value)s" is not a whole number of at least 0')
            % {"column": column, "value": value},
        )
        return None

    def url(self, file: str, line: int, column: str, value: str) -> str | None:
        if not value:
            self.problem(
                file, line, _("%(column)s is empty: every row cites a source") % {"column": column}
            )
            return None
        try:
            _URL(value)
        except ValidationError:
            self.problem(
                file,
                line,
                _('%(column)s "%(value)s" is not a web address')
                % {"column": column, "value": value},
            )
            return None
        if len(value) > 500:
            self.problem(
                file, line, _("%(column)s is longer than 500 characters") % {"column": column}
            )
            return None
        return value

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

    def raise_if_problems(self) -> None:
        if self.problems:
            raise DatasetError(self.problems)
