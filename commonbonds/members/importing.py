"""Reading organisations from CSV (the format is in docs/members.md, with an example in
data/members_example.csv). Every problem is reported with its line number; the action
`actions.import_organisations` writes nothing unless the whole file is clean."""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext as _

from . import names
from .models import EcosocStatus, IssueTeam, MembershipStatus, OrganisationType

COLUMNS = (
    "name",
    "name_latin",
    "acronym",
    "country",
    "city",
    "type",
    "website",
    "email",
    "status",
    "member_since",
    "ecosoc_status",
    "listed_publicly",
    "issue_teams",
    "contact_name",
    "contact_email",
    "contact_language",
)
REQUIRED_COLUMNS = ("name", "country")
MAX_LENGTH = {"name": 255, "name_latin": 255, "acronym": 50, "city": 100, "contact_name": 200}
YES = {"yes", "y", "true", "1", "oui", "sí", "si"}
NO = {"no", "n", "false", "0", "non", ""}
MAX_ROWS = 20_000


@dataclass
class Row:
    line: int
    organisation: dict
    issue_teams: list = field(default_factory=list)
    contact: dict | None = None


def _reader(text: str):
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def parse(text: str) -> tuple[list[Row], list[str]]:
    """Rows ready to write, and the errors ("Line 7: …"); rows mean nothing if there are errors."""
    from commonbonds.treaties.models import State

    errors: list[str] = []
    reader = _reader(text)
    try:
        header = [h.strip().lower() for h in next(reader)]
    except StopIteration:
        return [], [_("The file is empty.")]
    except csv.Error as exc:
        return [], [_("Line 1: %(error)s") % {"error": exc}]
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        errors.append(
            _("Line 1: unknown columns: %(columns)s. The columns are: %(known)s.")
            % {"columns": ", ".join(unknown), "known": ", ".join(COLUMNS)}
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        errors.append(_("Line 1: missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    if len(set(header)) != len(header):
        errors.append(_("Line 1: a column appears twice."))
    if errors:
        return [], errors

    states = set(State.objects.values_list("iso3", flat=True))
    teams = {t.slug: t for t in IssueTeam.objects.all()}
    languages = {code for code, _label in settings.LANGUAGES}
    url_ok = URLValidator(schemes=["http", "https"])
    rows: list[Row] = []
    line = 1
    try:
        for record in reader:
            start = line + 1
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            if len(rows) >= MAX_ROWS:
                errors.append(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
                break
            if len(record) != len(header):
                errors.append(
                    _("Line %(line)s: %(found)s values for %(expected)s columns.")
                    % {"line": start, "found": len(record), "expected": len(header)}
                )
                continue
            values = {h: v.strip() for h, v in zip(header, record, strict=True)}
            row, problems = _row(start, values, states, teams, languages, url_ok)
            errors.extend(
                _("Line %(line)s: %(problem)s") % {"line": start, "problem": p} for p in problems
            )
            if row is not None and not problems:
                rows.append(row)
    except csv.Error as exc:
        errors.append(_("Line %(line)s: %(error)s") % {"line": reader.line_num, "error": exc})
    if not rows and not errors:
        errors.append(_("The file has no organisations."))
    return rows, errors


def _row(line, v, states, teams, languages, url_ok) -> tuple[Row | None, list[str]]:
    problems: list[str] = []
    get = v.get
    for column, limit in MAX_LENGTH.items():
        if len(get(column, "")) > limit:
            problems.append(
                _("%(column)s is longer than %(limit)s characters.")
                % {"column": column, "limit": limit}
            )
    name, name_latin = get("name", ""), get("name_latin", "")
    if not name:
        problems.append(_("the name is missing."))
    elif not name_latin and not names.is_latin(name):
        problems.append(_("the name is not in Latin letters: give name_latin too."))
    if name_latin and not names.is_latin(name_latin):
        problems.append(_("name_latin must be written in Latin letters."))
    country = get("country", "").upper()
    if country not in states:
        problems.append(
            _("“%(value)s” is not a known country (use its ISO 3166-1 alpha-3 code, e.g. KEN).")
            % {"value": get("country", "")}
        )
    kind = get("type", "") or OrganisationType.OTHER
    if kind not in OrganisationType.values:
        problems.append(
            _("type “%(value)s” is not one of: %(choices)s.")
            % {"value": kind, "choices": ", ".join(OrganisationType.values)}
        )
    status = get("status", "") or MembershipStatus.MEMBER
    if status not in MembershipStatus.values:
        problems.append(
            _("status “%(value)s” is not one of: %(choices)s.")
            % {"value": status, "choices": ", ".join(MembershipStatus.values)}
        )
    ecosoc = get("ecosoc_status", "") or EcosocStatus.NONE
    if ecosoc not in EcosocStatus.values:
        problems.append(
            _("ecosoc_status “%(value)s” is not one of: %(choices)s.")
            % {"value": ecosoc, "choices": ", ".join(EcosocStatus.values)}
        )
    member_since = None
    if get("member_since"):
        try:
            member_since = datetime.date.fromisoformat(get("member_since"))
        except ValueError:
            problems.append(
                _("member_since “%(value)s” is not a date like 2002-07-01.")
                % {"value": get("member_since")}
            )
    listed = get("listed_publicly", "").lower()
    if listed not in YES | NO:
        problems.append(
            _("listed_publicly must be yes or no, not “%(value)s”.") % {"value": listed}
        )
    website = get("website", "")
    if website:
        try:
            url_ok(website)
        except ValidationError:
            problems.append(_("website “%(value)s” is not a web address.") % {"value": website})
    for column in ("email", "contact_email"):
        if get(column):
            try:
                validate_email(get(column))
            except ValidationError:
                problems.append(
                    _("%(column)s “%(value)s” is not an email address.")
                    % {"column": column, "value": get(column)}
                )
    issue_teams = []
    for slug in filter(None, (s.strip() for s in get("issue_teams", "").split(";"))):
        if slug in teams:
            issue_teams.append(teams[slug])
        else:
            problems.append(_("there is no issue team “%(value)s”.") % {"value": slug})
    contact = None
    if get("contact_name") or get("contact_email"):
        language = get("contact_language", "") or "en"
        if not get("contact_name"):
            problems.append(_("contact_email is given without contact_name."))
        if language not in languages:
            problems.append(
                _("contact_language must be one of: %(choices)s.")
                % {"choices": ", ".join(sorted(languages))}
            )
        contact = {
            "name": get("contact_name", ""),
            "email": get("contact_email", "").lower(),
            "language": language,
        }
    if problems:
        return None, problems
    organisation = {
        "name": name,
        "name_latin": name_latin or name,
        "acronym": get("acronym", ""),
        "country_id": country,
        "city": get("city", ""),
        "type": kind,
        "website": website,
        "email": get("email", "").lower(),
        "status": status,
        "member_since": member_since,
        "ecosoc_status": ecosoc,
        "listed_publicly": listed in YES,
    }
    return Row(line=line, organisation=organisation, issue_teams=issue_teams, contact=contact), []
