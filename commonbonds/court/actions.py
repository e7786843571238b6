"""State changes of the Court app. The admin, the import, the questionnaire pages and the
demo command call these; each runs in one transaction and writes the audit log.

- The import of data/ (`import_court_data`): keyed on stable keys, staff corrections win and
  are reported as conflicts, a second run changes nothing.
- Staff corrections and additions (situations, cases, sessions, budget years).
- Elections: facts only (candidates, remaining judges, ballots). `enter_round` checks a ballot
  by running the election engine over every ballot with the new one before storing it, so a
  ballot the rules reject is never saved. Every change to an election's facts increments
  `Election.revision` (the key of the cached results and of the live page's ETag).
- Questionnaires: a signed, expiring link per candidate (no account), answers saved and
  submitted through it, published after staff approval.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commonbonds.core import audit
from commonbonds.core.errors import (
    ConflictError,
    DomainError,
    NotFoundError,
    PermissionDeniedError,
)
from commonbonds.core.tasks import send_email
from commonbonds.treaties.actions import Conflict, Tally
from commonbonds.treaties.models import RegionalGroup, State

from . import results
from .elections import BallotTally, ElectionInputError, Options
from .importer import CourtData, Row, budget_sum_problems, make_slug
from .keydates import KeyDateError, parse_key_dates
from .models import (
    Answer,
    AssemblySession,
    BudgetFigure,
    BudgetStage,
    Candidate,
    CandidateDocument,
    Case,
    CaseStatus,
    CourtDataset,
    DatasetKey,
    Election,
    ElectionKind,
    Gender,
    JudgeList,
    Programme,
    Question,
    QuestionnaireResponse,
    RemainingJudge,
    ResponseStatus,
    Round,
    RoundVote,
    Situation,
    SituationStage,
    Trigger,
)

_URL = URLValidator(schemes=["http", "https"])
QUESTIONNAIRE_SALT = "commonbonds.court.questionnaire"
#: How long a questionnaire link stays valid after it is issued (and never past the deadline).
QUESTIONNAIRE_LINK_DAYS = 60
MAX_ANSWER_LENGTH = 10_000


def _require(acting_user, perm: str, obj=None) -> None:
    if acting_user is None or not acting_user.has_perm(perm, obj):
        raise PermissionDeniedError(gettext_lazy("You may not change this data of the Court."))


def _check_url(value: str, *, required: bool = True) -> None:
    if not value:
        if required:
            raise DomainError(_("Give the web address of the source."), code="no_source")
        return
    try:
        _URL(value)
    except ValidationError as exc:
        raise DomainError(
            _("The source must be a web address (http or https)."), code="bad_url"
        ) from exc


def _touch_dataset(key: str) -> None:
    dataset, _created = CourtDataset.objects.get_or_create(key=key)
    dataset.staff_updated_at = timezone.now()
    dataset.save(update_fields=["staff_updated_at"])


def _unique_slug(model, base: str, exclude_pk=None) -> str:
    slug, n = base, 1
    while model.objects.filter(slug=slug).exclude(pk=exclude_pk).exists():
        n += 1
        suffix = f"-{n}"
        slug = base[: 80 - len(suffix)] + suffix
    return slug


# =============================================================================================
# The import of data/
# =============================================================================================


@dataclass
class CourtImportReport:
    data_as_of: datetime.date
    tallies: dict[str, Tally] = field(
        default_factory=lambda: {key.value: Tally() for key in DatasetKey}
    )
    conflicts: list[Conflict] = field(default_factory=list)
    #: Imported rows that are no longer in the files: left as they are, never deleted.
    not_in_files: list[str] = field(default_factory=list)

    @property
    def created(self) -> int:
        return sum(t.created for t in self.tallies.values())

    @property
    def changed(self) -> int:
        return sum(t.changed for t in self.tallies.values())


def _session_values(obj: AssemblySession) -> dict[str, Any]:
    return {
        f: getattr(obj, f)
        for f in (
            "number",
            "kind",
            "start_date",
            "end_date",
            "city",
            "venue",
            "president",
            "notes",
            "source_url",
        )
    }


def _situation_values(obj: Situation) -> dict[str, Any]:
    values = {
        f: getattr(obj, f)
        for f in (
            "position",
            "stage",
            "trigger",
            "opened_date",
            "investigation_opened_date",
            "closed_date",
            "notes",
            "source_url",
        )
    }
    values["state"] = obj.state.iso3
    return values


def _case_values(obj: Case) -> dict[str, Any]:
    values = {
        f: getattr(obj, f)
        for f in ("position", "defendants", "status", "key_dates", "notes", "source_url")
    }
    values["situation"] = obj.situation.name
    return values


def _budget_values(obj: BudgetFigure) -> dict[str, Any]:
    return {f: getattr(obj, f) for f in ("year", "programme", "stage", "amount_eur", "source_url")}


def _sync(
    *,
    kind: str,
    dataset: str,
    rows: list[Row],
    existing: dict[str, Any],
    current: callable,
    build: callable,
    report: CourtImportReport,
    acting_user,
) -> None:
    """Create or update each row's object; leave staff corrections alone (conflicts)."""
    tally = report.tallies[dataset]
    in_files = set()
    for row in rows:
        in_files.add(row.key)
        obj = existing.get(row.key)
        if obj is None:
            obj = build(row, None)
            obj.import_hash = row.hash
            obj.save()
            existing[row.key] = obj
            audit.log(f"court.{kind}.imported", actor=acting_user, obj=obj, data={"key": row.key})
            tally.created += 1
            continue
        before = current(obj)
        differs = tuple(k for k in sorted(row.values) if before.get(k) != row.values[k])
        if not differs:
            tally.unchanged += 1
        elif obj.edited_by_staff:
            report.conflicts.append(
                Conflict(kind, row.key, differs, file_changed=obj.import_hash != row.hash)
            )
        else:
            build(row, obj)
            obj.import_hash = row.hash
            obj.save()
            audit.log(
                f"court.{kind}.reimported",
                actor=acting_user,
                obj=obj,
                changes=audit.diff(before, row.values),
                data={"key": row.key},
            )
            tally.changed += 1
    report.not_in_files += sorted(
        f"{kind} {key}" for key, obj in existing.items() if key not in in_files and obj.import_hash
    )


def import_court_data(*, acting_user=None, data: CourtData) -> CourtImportReport:
    """Bring the database in line with valid data (importer.read_court_data), in one
    transaction. Rows staff corrected are reported as conflicts and left alone."""
    report = CourtImportReport(data_as_of=data.data_as_of)
    with transaction.atomic():
        sessions = {s.key: s for s in AssemblySession.objects.select_for_update()}

        def build_session(row: Row, obj):
            obj = obj or AssemblySession(key=row.key)
            for k, v in row.values.items():
                setattr(obj, k, v)
            return obj

        _sync(
            kind="session",
            dataset=DatasetKey.SESSIONS,
            rows=data.sessions,
            existing=sessions,
            current=_session_values,
            build=build_session,
            report=report,
            acting_user=acting_user,
        )

        states = {s.iso3: s for s in State.objects.all()}
        situations = {
            s.name: s for s in Situation.objects.select_for_update().select_related("state")
        }

        def build_situation(row: Row, obj):
            if obj is None:
                obj = Situation(name=row.key)
                obj.slug = _unique_slug(Situation, make_slug(row.key))
            for k, v in row.values.items():
                setattr(obj, k, states[v] if k == "state" else v)
            return obj

        _sync(
            kind="situation",
            dataset=DatasetKey.SITUATIONS,
            rows=data.situations,
            existing=situations,
            current=_situation_values,
            build=build_situation,
            report=report,
            acting_user=acting_user,
        )

        cases = {c.name: c for c in Case.objects.select_for_update().select_related("situation")}

        def build_case(row: Row, obj):
            if obj is None:
                obj = Case(name=row.key)
                obj.slug = _unique_slug(Case, make_slug(row.key))
            for k, v in row.values.items():
                setattr(obj, k, situations[v] if k == "situation" else v)
            return obj

        _sync(
            kind="case",
            dataset=DatasetKey.CASES,
            rows=data.cases,
            existing=cases,
            current=_case_values,
            build=build_case,
            report=report,
            acting_user=acting_user,
        )

        figures = {
            f.key: f
            for f in BudgetFigure.objects.select_for_update().filter(stage=BudgetStage.APPROVED)
        }

        def build_figure(row: Row, obj):
            obj = obj or BudgetFigure()
            for k, v in row.values.items():
                setattr(obj, k, v)
            return obj

        _sync(
            kind="budget",
            dataset=DatasetKey.BUDGET,
            rows=data.budget,
            existing=figures,
            current=_budget_values,
            build=build_figure,
            report=report,
            acting_user=acting_user,
        )

        touched = _record_datasets(data, report)
        if report.created or report.changed or touched:
            audit.log(
                "court.import.completed",
                actor=acting_user,
                data={
                    "data_as_of": data.data_as_of.isoformat(),
                    "created": report.created,
                    "changed": report.changed,
                    "conflicts": len(report.conflicts),
                    "files": str(data.data_dir),
                },
            )
    return report


def _record_datasets(data: CourtData, report: CourtImportReport) -> bool:
    """What each file covers, for its "data as of" line; True when anything changed."""
    from .importer import FILES

    touched = False
    now = timezone.now()
    for key, file in FILES.items():
        dataset, created = CourtDataset.objects.select_for_update().get_or_create(key=key)
        wanted = {
            "data_as_of": data.data_as_of,
            "source_file": file,
            "rows": len(data.rows_of(key)),
        }
        tally = report.tallies[key]
        if (
            created
            or tally.created
            or tally.changed
            or any(getattr(dataset, k) != v for k, v in wanted.items())
        ):
            for k, v in wanted.items():
                setattr(dataset, k, v)
            dataset.imported_at = now
            dataset.save()
            touched = True
    return touched


def update_dataset(*, acting_user, dataset: CourtDataset, data_as_of) -> CourtDataset:
    """Staff say which day a dataset covers up to (after they brought it up to date)."""
    _require(acting_user, "court.change_courtdataset")
    with transaction.atomic():
        dataset = CourtDataset.objects.select_for_update().get(pk=dataset.pk)
        before = {"data_as_of": dataset.data_as_of}
        dataset.data_as_of = data_as_of
        dataset.staff_updated_at = timezone.now()
        dataset.save()
        audit.log(
            "court.dataset.updated",
            actor=acting_user,
            obj=dataset,
            changes=audit.diff(before, {"data_as_of": data_as_of}),
        )
    return dataset


# =============================================================================================
# Staff corrections: sessions, situations, cases
# =============================================================================================

SESSION_FIELDS = ("start_date", "end_date", "city", "venue", "president", "notes", "source_url")
SITUATION_FIELDS = (
    "name",
    "name_fr",
    "name_es",
    "name_ar",
    "state",
    "stage",
    "trigger",
    "opened_date",
    "investigation_opened_date",
    "closed_date",
    "notes",
    "source_url",
)
CASE_FIELDS = ("name", "situation", "defendants", "status", "key_dates", "notes", "source_url")


def _apply(obj, values: dict[str, Any], allowed: Iterable[str]) -> dict[str, Any]:
    allowed = tuple(allowed)
    before = {f: getattr(obj, f) for f in allowed}
    for name, value in values.items():
        if name not in allowed:
            raise DomainError(_("This field cannot be changed."), code="bad_field")
        setattr(obj, name, value)
    return before


def correct_session(*, acting_user, session: AssemblySession, values: dict) -> AssemblySession:
    _require(acting_user, "court.change_assemblysession")
    with transaction.atomic():
        session = AssemblySession.objects.select_for_update().get(pk=session.pk)
        before = _apply(session, values, SESSION_FIELDS)
        if session.end_date < session.start_date:
            raise DomainError(_("The last day is before the first day."), code="bad_dates")
        _check_url(session.source_url)
        after = {f: getattr(session, f) for f in SESSION_FIELDS}
        changes = audit.diff(before, after)
        if changes:
            session.edited_by_staff = True
            session.save()
            audit.log("court.session.corrected", actor=acting_user, obj=session, changes=changes)
            _touch_dataset(DatasetKey.SESSIONS)
    return session


def situation_problems(situation: Situation) -> list[str]:
    problems = []
    if situation.stage not in SituationStage.values:
        problems.append(_("Unknown stage."))
    if situation.trigger not in Trigger.values:
        problems.append(_("Unknown trigger."))
    if situation.stage == SituationStage.INVESTIGATION and not situation.investigation_opened_date:
        problems.append(_("An investigation needs the date it was opened."))
    if situation.stage in (SituationStage.CLOSED, SituationStage.DECLINED) and not (
        situation.closed_date
    ):
        problems.append(_("A closed or declined examination needs the date it ended."))
    if (
        situation.stage in (SituationStage.INVESTIGATION, SituationStage.PRELIMINARY_EXAMINATION)
        and situation.closed_date
    ):
        problems.append(_("Only a closed or declined examination has a closing date."))
    later = situation.investigation_opened_date or situation.closed_date
    if situation.opened_date and later and later < situation.opened_date:
        problems.append(_("The situation cannot move on before it was opened."))
    return problems


def save_situation(*, acting_user, values: dict, situation: Situation | None = None) -> Situation:
    """Add a situation (the data files have not caught up) or correct one; a re-import
    leaves it alone and reports the difference."""
    _require(acting_user, "court.change_situation" if situation else "court.add_situation")
    with transaction.atomic():
        created = situation is None
        situation = (
            Situation() if created else Situation.objects.select_for_update().get(pk=situation.pk)
        )
        before = _apply(situation, values, SITUATION_FIELDS)
        if not (situation.name or "").strip():
            raise DomainError(_("Give the name of the situation."), code="no_name")
        if situation.state_id is None:
            raise DomainError(_("Choose the state concerned."), code="no_state")
        problems = situation_problems(situation)
        if problems:
            raise DomainError(" ".join(problems), code="invalid_situation")
        _check_url(situation.source_url)
        if created:
            situation.slug = _unique_slug(Situation, make_slug(situation.name))
            situation.position = (Situation.objects.aggregate(m=Max("position"))["m"] or 0) + 1
        after = {f: getattr(situation, f) for f in SITUATION_FIELDS}
        changes = audit.diff(before, after)
        if not created and not changes:
            return situation
        situation.edited_by_staff = True
        try:
            with transaction.atomic():
                situation.save()
        except IntegrityError as exc:
            raise DomainError(
                _("Another situation has this name."), code="duplicate_situation"
            ) from exc
        audit.log(
            "court.situation.added" if created else "court.situation.corrected",
            actor=acting_user,
            obj=situation,
            changes={} if created else changes,
        )
        _touch_dataset(DatasetKey.SITUATIONS)
    return situation


def save_case(*, acting_user, values: dict, case: Case | None = None) -> Case:
    """Add or correct a case; its key dates are checked as the import checks them."""
    _require(acting_user, "court.change_case" if case else "court.add_case")
    with transaction.atomic():
        created = case is None
        case = Case() if created else Case.objects.select_for_update().get(pk=case.pk)
        before = _apply(case, values, CASE_FIELDS)
        case.defendants = "; ".join(case.defendant_names())
        case.key_dates = ";".join(p.strip() for p in (case.key_dates or "").split(";") if p.strip())
        if not case.name.strip():
            raise DomainError(_("Give the name of the case."), code="no_name")
        if case.situation_id is None:
            raise DomainError(_("Choose the situation of the case."), code="no_situation")
        if not case.defendant_names():
            raise DomainError(_("Name at least one defendant."), code="no_defendant")
        if case.status not in CaseStatus.values:
            raise DomainError(_("Unknown status."), code="bad_status")
        try:
            parse_key_dates(case.key_dates, case.defendant_names())
        except KeyDateError as exc:
            raise DomainError(
                _("Key dates: %(problem)s") % {"problem": exc}, code="bad_key_dates"
            ) from exc
        _check_url(case.source_url)
        if created:
            case.slug = _unique_slug(Case, make_slug(case.name))
            case.position = (Case.objects.aggregate(m=Max("position"))["m"] or 0) + 1
        after = {f: getattr(case, f) for f in CASE_FIELDS}
        changes = audit.diff(before, after)
        if not created and not changes:
            return case
        case.edited_by_staff = True
        try:
            with transaction.atomic():
                case.save()
        except IntegrityError as exc:
            raise DomainError(_("Another case has this name."), code="duplicate_case") from exc
        audit.log(
            "court.case.added" if created else "court.case.corrected",
            actor=acting_user,
            obj=case,
            changes={} if created else changes,
        )
        _touch_dataset(DatasetKey.CASES)
    return case


# =============================================================================================
# The budget
# =============================================================================================


def enter_budget_year(
    *,
    acting_user,
    year: int,
    stage: str,
    amounts: dict[str, int | None],
    source_url: str,
    note: str = "",
) -> list[BudgetFigure]:
    """Enter (or correct) one year's figures at one stage: the Court's proposal, the Committee
    on Budget and Finance's recommendation or the Assembly's approval. Figures left out stay
    as they are; nothing is deleted."""
    _require(acting_user, "court.enter_budget_year")
    today = timezone.localdate()
    if not 2002 <= year <= today.year + 2:
        raise DomainError(
            _("The budget year must be between 2002 and %(last)s.") % {"last": today.year + 2},
            code="bad_year",
        )
    if stage not in BudgetStage.values:
        raise DomainError(_("Unknown stage."), code="bad_stage")
    given = {p: a for p, a in amounts.items() if a is not None}
    for programme, amount in given.items():
        if programme not in Programme.values:
            raise DomainError(_("Unknown programme."), code="bad_programme")
        if not isinstance(amount, int) or isinstance(amount, bool) or amount <= 0:
            raise DomainError(
                _("Every amount must be a whole number of euros above 0."), code="bad_amount"
            )
    if not given:
        raise DomainError(_("Give at least one amount."), code="no_amount")
    _check_url(source_url)
    with transaction.atomic():
        existing = {
            f.programme: f
            for f in BudgetFigure.objects.select_for_update().filter(year=year, stage=stage)
        }
        merged = {p: f.amount_eur for p, f in existing.items()} | given
        problems = budget_sum_problems(merged)
        if problems:
            raise DomainError(
                _("The figures do not add up: %(problems)s") % {"problems": "; ".join(problems)},
                code="budget_sums",
            )
        before = {p: f.amount_eur for p, f in existing.items()}
        written, created, changed = [], 0, 0
        for programme, amount in given.items():
            figure = existing.get(programme)
            if figure is None:
                figure = BudgetFigure(year=year, programme=programme, stage=stage)
                created += 1
            elif (figure.amount_eur, figure.source_url, figure.note) != (amount, source_url, note):
                changed += 1
            else:
                written.append(figure)
                continue
            figure.amount_eur = amount
            figure.source_url = source_url
            figure.note = note
            figure.edited_by_staff = True
            figure.save()
            written.append(figure)
        if created or changed:
            audit.log(
                "court.budget.entered",
                actor=acting_user,
                changes=audit.diff(before, merged),
                data={
                    "year": year,
                    "stage": str(BudgetStage(stage).label),
                    "created": created,
                    "changed": changed,
                    "source_url": source_url,
                },
            )
            _touch_dataset(DatasetKey.BUDGET)
    return written


# =============================================================================================
# Elections
# =============================================================================================

ELECTION_FIELDS = (
    "slug",
    "kind",
    "year",
    "title",
    "session",
    "seats",
    "nomination_start",
    "nomination_end",
    "extensions_granted",
    "voting_date",
    "parties_african",
    "parties_asia_pacific",
    "parties_eastern_european",
    "parties_latin_american_caribbean",
    "parties_western_european_other",
    "engine_options",
    "questionnaire_deadline",
    "notes",
    "source_url",
    "published",
)


def _bump(election: Election) -> None:
    Election.objects.filter(pk=election.pk).update(revision=F("revision") + 1)
    election.refresh_from_db(fields=["revision"])


def _lock_election(election: Election) -> Election:
    return Election.objects.select_for_update().get(pk=election.pk)


def save_election(*, acting_user, values: dict, election: Election | None = None) -> Election:
    _require(acting_user, "court.change_election" if election else "court.add_election")
    with transaction.atomic():
        created = election is None
        election = Election() if created else _lock_election(election)
        before = _apply(election, values, ELECTION_FIELDS)
        if election.kind not in ElectionKind.values:
            raise DomainError(_("Unknown kind of election."), code="bad_kind")
        if not election.slug:
            election.slug = _unique_slug(
                Election, make_slug(f"{election.kind}-{election.year}"), exclude_pk=election.pk
            )
        if not election.seats or election.seats < 1:
            raise DomainError(_("An election fills at least one seat."), code="bad_seats")
        if (
            election.nomination_start
            and election.nomination_end
            and election.nomination_end < election.nomination_start
        ):
            raise DomainError(
                _("The nomination period cannot close before it opens."), code="bad_dates"
            )
        try:
            Options.from_mapping(election.engine_options or {})
        except ElectionInputError as exc:
            raise DomainError(exc.render(_), code="bad_options") from exc
        _check_url(election.source_url, required=False)
        after = {f: getattr(election, f) for f in ELECTION_FIELDS}
        changes = audit.diff(before, after)
        if not created and not changes:
            return election
        try:
            with transaction.atomic():
                election.save()
        except IntegrityError as exc:
            raise DomainError(
                _("Another election has this address."), code="duplicate_slug"
            ) from exc
        if not created:
            _bump(election)
        audit.log(
            "court.election.added" if created else "court.election.changed",
            actor=acting_user,
            obj=election,
            changes={} if created else changes,
        )
    return election


CANDIDATE_FIELDS = (
    "name",
    "position",
    "judge_list",
    "gender",
    "regional_group",
    "nationality",
    "nominating_state",
    "fictional_country",
    "withdrawn_before_voting",
    "email",
    "language",
)
JUDGE_FIELDS = (
    "name",
    "judge_list",
    "gender",
    "regional_group",
    "nationality",
    "fictional_country",
    "term_ends",
)


def _check_person(person, election: Election, *, candidate: bool) -> None:
    person.name = (person.name or "").strip()
    if not person.name:
        raise DomainError(_("Give the name."), code="no_name")
    if person.gender not in Gender.values:
        raise DomainError(_("Choose the gender."), code="bad_gender")
    if election.is_demo:
        if person.nationality_id or (candidate and person.nominating_state_id):
            raise DomainError(
                _("A demonstration election names no real state: give a fictional country."),
                code="demo_real_state",
            )
        if not person.fictional_country:
            raise DomainError(_("Give the fictional country."), code="no_country")
    else:
        if person.fictional_country:
            raise DomainError(
                _("Only demonstration elections have fictional countries."), code="fictional"
            )
        if person.nationality_id is None:
            raise DomainError(_("Choose the nationality."), code="no_nationality")
        if candidate and person.nominating_state_id is None:
            raise DomainError(_("Choose the nominating state."), code="no_nominating_state")
        if not person.regional_group:
            person.regional_group = person.nationality.asp_regional_group
    if person.regional_group not in RegionalGroup.values:
        raise DomainError(_("Choose the regional group."), code="bad_group")
    if (election.uses_engine or not candidate) and person.judge_list not in JudgeList.values:
        raise DomainError(_("Choose list A or list B."), code="no_list")
    if candidate and person.email:
        try:
            validate_email(person.email)
        except ValidationError as exc:
            raise DomainError(_("Enter a valid email address."), code="bad_email") from exc


def _save_person(obj, *, election: Election, created: bool) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:
        raise DomainError(
            _("Another person of this election has this name."), code="duplicate_name"
        ) from exc
    _bump(election)


def save_candidate(
    *, acting_user, election: Election, values: dict, candidate: Candidate | None = None
) -> Candidate:
    _require(acting_user, "court.change_candidate" if candidate else "court.add_candidate")
    with transaction.atomic():
        election = _lock_election(election)
        created = candidate is None
        if created:
            candidate = Candidate(election=election)
        else:
            candidate = Candidate.objects.select_for_update().get(
                pk=candidate.pk, election=election
            )
        before = _apply(candidate, values, CANDIDATE_FIELDS)
        if created and "position" not in values:
            candidate.position = (election.candidates.aggregate(m=Max("position"))["m"] or 0) + 1
        _check_person(candidate, election, candidate=True)
        after = {f: getattr(candidate, f) for f in CANDIDATE_FIELDS}
        changes = audit.diff(before, after, sensitive=("email",))
        if not created and not changes:
            return candidate
        _save_person(candidate, election=election, created=created)
        audit.log(
            "court.candidate.added" if created else "court.candidate.changed",
            actor=acting_user,
            obj=candidate,
            changes={} if created else changes,
            data={"election": str(election)},
        )
    return candidate


def remove_candidate(*, acting_user, candidate: Candidate) -> None:
    _require(acting_user, "court.delete_candidate")
    with transaction.atomic():
        election = _lock_election(candidate.election)
        if (
            candidate.votes.exists()
            or candidate.withdrawn_in.exists()
            or candidate.declared_in.exists()
        ):
            raise DomainError(
                _(
                    "This candidate appears in a ballot: remove the ballots first, or record "
                    "the withdrawal instead."
                ),
                code="candidate_in_ballot",
            )
        audit.log(
            "court.candidate.removed",
            actor=acting_user,
            obj=candidate,
            data={"election": str(election)},
        )
        candidate.delete()
        _bump(election)


def save_remaining_judge(
    *, acting_user, election: Election, values: dict, judge: RemainingJudge | None = None
) -> RemainingJudge:
    _require(acting_user, "court.change_remainingjudge" if judge else "court.add_remainingjudge")
    with transaction.atomic():
        election = _lock_election(election)
        created = judge is None
        judge = (
            RemainingJudge(election=election)
            if created
            else RemainingJudge.objects.select_for_update().get(pk=judge.pk, election=election)
        )
        before = _apply(judge, values, JUDGE_FIELDS)
        _check_person(judge, election, candidate=False)
        changes = audit.diff(before, {f: getattr(judge, f) for f in JUDGE_FIELDS})
        if not created and not changes:
            return judge
        _save_person(judge, election=election, created=created)
        audit.log(
            "court.judge.added" if created else "court.judge.changed",
            actor=acting_user,
            obj=judge,
            changes={} if created else changes,
            data={"election": str(election)},
        )
    return judge


def remove_remaining_judge(*, acting_user, judge: RemainingJudge) -> None:
    _require(acting_user, "court.delete_remainingjudge")
    with transaction.atomic():
        election = _lock_election(judge.election)
        audit.log(
            "court.judge.removed", actor=acting_user, obj=judge, data={"election": str(election)}
        )
        judge.delete()
        _bump(election)


DOCUMENT_FIELDS = ("title", "url", "language", "position")


def save_candidate_document(
    *, acting_user, candidate: Candidate, values: dict, document: CandidateDocument | None = None
) -> CandidateDocument:
    _require(
        acting_user,
        "court.change_candidatedocument" if document else "court.add_candidatedocument",
    )
    with transaction.atomic():
        election = _lock_election(candidate.election)
        created = document is None
        document = (
            CandidateDocument(candidate=candidate)
            if created
            else CandidateDocument.objects.select_for_update().get(
                pk=document.pk, candidate=candidate
            )
        )
        before = _apply(document, values, DOCUMENT_FIELDS)
        if not document.title.strip():
            raise DomainError(_("Give the title of the document."), code="no_title")
        _check_url(document.url)
        changes = audit.diff(before, {f: getattr(document, f) for f in DOCUMENT_FIELDS})
        if not created and not changes:
            return document
        document.save()
        _bump(election)
        audit.log(
            "court.document.added" if created else "court.document.changed",
            actor=acting_user,
            obj=document,
            changes={} if created else changes,
            data={"candidate": candidate.name},
        )
    return document


def remove_candidate_document(*, acting_user, document: CandidateDocument) -> None:
    _require(acting_user, "court.delete_candidatedocument")
    with transaction.atomic():
        election = _lock_election(document.candidate.election)
        audit.log(
            "court.document.removed",
            actor=acting_user,
            obj=document,
            data={"candidate": document.candidate.name},
        )
        document.delete()
        _bump(election)


def enter_round(
    *,
    acting_user,
    election: Election,
    ballot_papers: int,
    invalid: int = 0,
    abstentions: int = 0,
    votes: dict[int, int],
    withdrawals: Iterable[int] = (),
    declared_elected: Iterable[int] = (),
    note: str = "",
    correct_last: bool = False,
    number: int | None = None,
) -> Round:
    """Store the published count of the next ballot (or correct the last one).

    The election engine runs over every ballot with this one first: a count the rules reject
    (more invalid ballots than papers, votes for a candidate off the ballot, a ballot after
    the last seat…) raises a DomainError with the engine's explanation, and nothing is saved.
    `votes` and `withdrawals` are by candidate id; `declared_elected` is only used for
    elections without computed results (Bureau, committees). `number`, when given, is the
    ballot the person entering it saw: if someone else entered (or removed) a ballot meanwhile,
    a ConflictError says so instead of storing the count under another number.
    """
    _require(acting_user, "court.enter_round", election)
    with transaction.atomic():
        election = _lock_election(election)
        candidates = {c.pk: c for c in election.candidates.all()}
        for figure in (ballot_papers, invalid, abstentions, *votes.values()):
            if isinstance(figure, bool) or not isinstance(figure, int) or figure < 0:
                raise DomainError(
                    _("Every figure must be a whole number of at least 0."), code="bad_figure"
                )
        unknown = [pk for pk in (*votes, *withdrawals, *declared_elected) if pk not in candidates]
        if unknown:
            raise NotFoundError(
                _("A candidate given is not a candidate of this election."),
                code="unknown_candidate",
            )
        withdrawals, declared_elected = list(withdrawals), list(declared_elected)
        last = election.rounds.order_by("-number").first()
        before: dict[str, Any] = {}
        expected = number
        if correct_last:
            if last is None:
                raise DomainError(_("There is no ballot to correct."), code="no_round")
            number = last.number
        else:
            number = (last.number + 1) if last else 1
        if expected is not None and expected != number:
            raise ConflictError(
                _(
                    "Someone else changed the ballots of this election meanwhile: ballot "
                    "%(number)s is now the one to enter. Check the results, then try again."
                )
                % {"number": number},
                code="round_moved",
            )
        if correct_last:
            before = _round_facts(last)
            last.delete()  # rolled back with everything else if the corrected count is refused
        extra = SimpleNamespace(
            tally=BallotTally(
                ballot_papers=ballot_papers,
                invalid=invalid,
                abstentions=abstentions,
                votes={candidates[pk].name: n for pk, n in votes.items()},
            ),
            withdrawn=[candidates[pk].name for pk in withdrawals],
            declared=[candidates[pk].name for pk in declared_elected],
            note=note,
        )
        lang = (translation.get_language() or "en").split("-")[0]
        checked = results.compute(election, lang, extra_round=extra)
        if checked.error:
            raise DomainError(checked.error, code="round_refused")
        if len(checked.rounds) < number:  # pragma: no cover - an error is always given
            raise DomainError(_("The ballot could not be counted."), code="round_refused")
        round_ = Round.objects.create(
            election=election,
            number=number,
            ballot_papers=ballot_papers,
            invalid=invalid,
            abstentions=abstentions,
            note=note,
            entered_by=acting_user,
        )
        RoundVote.objects.bulk_create(
            RoundVote(round=round_, candidate=candidates[pk], votes=n) for pk, n in votes.items()
        )
        round_.withdrawals.set([candidates[pk] for pk in withdrawals])
        if not election.uses_engine:
            round_.declared_elected.set([candidates[pk] for pk in declared_elected])
        _bump(election)
        after = _round_facts(round_)
        audit.log(
            "court.round.corrected" if correct_last else "court.round.entered",
            actor=acting_user,
            obj=round_,
            changes=audit.diff(before, after) if correct_last else {},
            data={"number": number, "election": str(election), **after},
        )
    return round_


def _round_facts(round_: Round) -> dict[str, Any]:
    return {
        "ballot_papers": round_.ballot_papers,
        "invalid": round_.invalid,
        "abstentions": round_.abstentions,
        "votes": {v.candidate.name: v.votes for v in round_.votes.select_related("candidate")},
        "withdrawals": sorted(c.name for c in round_.withdrawals.all()),
        "declared_elected": sorted(c.name for c in round_.declared_elected.all()),
    }


def remove_last_round(*, acting_user, election: Election) -> None:
    _require(acting_user, "court.enter_round", election)
    with transaction.atomic():
        election = _lock_election(election)
        last = election.rounds.order_by("-number").first()
        if last is None:
            raise DomainError(_("There is no ballot to remove."), code="no_round")
        facts = _round_facts(last)
        audit.log(
            "court.round.removed",
            actor=acting_user,
            obj=last,
            data={"number": last.number, "election": str(election), **facts},
        )
        last.delete()
        _bump(election)


# =============================================================================================
# Questionnaires
# =============================================================================================

QUESTION_FIELDS = ("position", "text_en", "text_fr", "text_es", "text_ar")


def save_question(
    *, acting_user, election: Election, values: dict, question: Question | None = None
) -> Question:
    _require(acting_user, "court.change_question" if question else "court.add_question")
    with transaction.atomic():
        election = _lock_election(election)
        created = question is None
        question = (
            Question(election=election)
            if created
            else Question.objects.select_for_update().get(pk=question.pk, election=election)
        )
        before = _apply(question, values, QUESTION_FIELDS)
        if not question.text_en.strip():
            raise DomainError(_("Write the question in English at least."), code="no_text")
        if created and "position" not in values:
            question.position = (election.questions.aggregate(m=Max("position"))["m"] or 0) + 1
        changes = audit.diff(before, {f: getattr(question, f) for f in QUESTION_FIELDS})
        if not created and not changes:
            return question
        question.save()
        _bump(election)
        audit.log(
            "court.question.added" if created else "court.question.changed",
            actor=acting_user,
            obj=question,
            changes={} if created else changes,
            data={"election": str(election)},
        )
    return question


def remove_question(*, acting_user, question: Question) -> None:
    _require(acting_user, "court.delete_question")
    with transaction.atomic():
        election = _lock_election(question.election)
        if question.answers.exclude(text="").exists():
            raise DomainError(
                _("A candidate has answered this question: it can be changed, not removed."),
                code="question_answered",
            )
        audit.log(
            "court.question.removed",
            actor=acting_user,
            obj=question,
            data={"election": str(election), "text": question.text_en},
        )
        question.delete()
        _bump(election)


def questionnaire_url(token: str, lang: str = "en") -> str:
    with translation.override(lang):
        return settings.SITE_URL + reverse("court:questionnaire_answer", args=[token])


def issue_questionnaire_link(*, acting_user, candidate: Candidate, send: bool = True) -> str:
    """A new private link for the candidate (every earlier link stops working); emailed in the
    candidate's language when they have an address and `send` is true. Returns the link."""
    _require(acting_user, "court.issue_questionnaire_link", candidate)
    with transaction.atomic():
        candidate = (
            Candidate.objects.select_for_update().select_related("election").get(pk=candidate.pk)
        )
        election = candidate.election
        if not election.questions.exists():
            raise DomainError(
                _("Write the questions before sending the questionnaire."), code="no_questions"
            )
        if (
            election.questionnaire_deadline
            and election.questionnaire_deadline < timezone.localdate()
        ):
            raise DomainError(_("The questionnaire deadline has passed."), code="deadline_passed")
        candidate.questionnaire_nonce = secrets.token_hex(8)
        candidate.questionnaire_sent_at = timezone.now()
        candidate.save(update_fields=["questionnaire_nonce", "questionnaire_sent_at"])
        token = signing.dumps(
            {"c": candidate.pk, "n": candidate.questionnaire_nonce}, salt=QUESTIONNAIRE_SALT
        )
        url = questionnaire_url(token, candidate.language)
        emailed = bool(send and candidate.email)
        audit.log(
            "court.questionnaire.link_issued",
            actor=acting_user,
            obj=candidate,
            data={"election": str(election), "emailed": emailed},
        )
        if emailed:
            with translation.override(candidate.language):
                subject = _("Questionnaire for the candidates: %(election)s") % {
                    "election": election.display_title()
                }
                body = render_to_string(
                    "court/email/questionnaire_link.txt",
                    {
                        "candidate": candidate,
                        "election": election,
                        "url": url,
                        "days": QUESTIONNAIRE_LINK_DAYS,
                    },
                )
            to = [candidate.email]
            transaction.on_commit(lambda: send_email.enqueue(str(subject), body, to))
    return url


_LINK_INVALID = gettext_lazy(
    "This questionnaire link is not valid or has expired. Ask the coalition for a new one."
)


def open_questionnaire(token: str) -> Candidate:
    """The candidate a link was issued to, or a DomainError when it is wrong, expired or
    replaced by a newer link."""
    try:
        payload = signing.loads(
            token,
            salt=QUESTIONNAIRE_SALT,
            max_age=datetime.timedelta(days=QUESTIONNAIRE_LINK_DAYS),
        )
        candidate = Candidate.objects.select_related("election").get(pk=int(payload["c"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError, Candidate.DoesNotExist):
        raise DomainError(_LINK_INVALID, code="link_invalid") from None
    if not candidate.questionnaire_nonce or not constant_time_compare(
        str(payload.get("n", "")), candidate.questionnaire_nonce
    ):
        raise DomainError(_LINK_INVALID, code="link_invalid")
    return candidate


def save_answers(
    *, token: str, answers: dict[int, str], language: str, submit: bool = False
) -> QuestionnaireResponse:
    """The candidate saves (and, with `submit`, sends) their answers through the private link.

    There is no account: the signed link is the candidate's authority. Submitted answers are
    locked until staff approve them (published) or reopen them.
    """
    candidate = open_questionnaire(token)
    election = candidate.election
    if election.questionnaire_deadline and election.questionnaire_deadline < timezone.localdate():
        raise DomainError(_("The questionnaire deadline has passed."), code="deadline_passed")
    if language not in dict(settings.LANGUAGES):
        raise DomainError(_("Unknown language."), code="unknown_language")
    with transaction.atomic():
        candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
        response, _created = QuestionnaireResponse.objects.select_for_update().get_or_create(
            candidate=candidate
        )
        if response.status != ResponseStatus.DRAFT:
            raise DomainError(
                _(
                    "Your answers were sent already. Ask the coalition to reopen them to change "
                    "them."
                ),
                code="already_submitted",
            )
        questions = {q.pk: q for q in election.questions.all()}
        for pk, text in answers.items():
            if pk not in questions:
                raise DomainError(_("Unknown question."), code="unknown_question")
            if len(text) > MAX_ANSWER_LENGTH:
                raise DomainError(
                    _("An answer may have at most %(count)s characters.")
                    % {"count": MAX_ANSWER_LENGTH},
                    code="answer_too_long",
                )
        for pk, text in answers.items():
            Answer.objects.update_or_create(
                response=response, question=questions[pk], defaults={"text": text.strip()}
            )
        response.language = language
        code = "court.questionnaire.saved"
        if submit:
            given = {
                a.question_id
                for a in response.answers.exclude(text="")
                if a.question_id in questions
            }
            if set(questions) - given:
                raise DomainError(
                    _("Answer every question before you send your answers."),
                    code="unanswered",
                )
            response.status = ResponseStatus.SUBMITTED
            response.submitted_at = timezone.now()
            code = "court.questionnaire.submitted"
        response.save()
        audit.log(code, obj=candidate, data={"election": str(election), "language": language})
    return response


def approve_questionnaire(*, acting_user, response: QuestionnaireResponse) -> QuestionnaireResponse:
    _require(acting_user, "court.approve_questionnaire", response)
    with transaction.atomic():
        response = QuestionnaireResponse.objects.select_for_update().get(pk=response.pk)
        if response.status != ResponseStatus.SUBMITTED:
            raise DomainError(_("Only submitted answers can be approved."), code="not_submitted")
        response.status = ResponseStatus.APPROVED
        response.approved_at = timezone.now()
        response.approved_by = acting_user
        response.save()
        _bump(response.candidate.election)
        audit.log("court.questionnaire.approved", actor=acting_user, obj=response.candidate)
    return response


def reopen_questionnaire(*, acting_user, response: QuestionnaireResponse) -> QuestionnaireResponse:
    """Back to the candidate for changes; approved answers stop being published."""
    _require(acting_user, "court.approve_questionnaire", response)
    with transaction.atomic():
        response = QuestionnaireResponse.objects.select_for_update().get(pk=response.pk)
        if response.status == ResponseStatus.DRAFT:
            raise DomainError(_("These answers are open already."), code="already_open")
        response.status = ResponseStatus.DRAFT
        response.approved_at = None
        response.approved_by = None
        response.save()
        _bump(response.candidate.election)
        audit.log("court.questionnaire.reopened", actor=acting_user, obj=response.candidate)
    return response


# =============================================================================================
# Demonstration content (DESIGN §7)
# =============================================================================================


def create_demo_election(*, acting_user=None) -> Election:
    """The fictional election of `court/demo.py`, with its first ballot; again: unchanged."""
    from . import demo

    with transaction.atomic():
        existing = Election.objects.filter(slug=demo.DEMO_SLUG).first()
        if existing is not None:
            return existing
        today = timezone.localdate()
        election = Election.objects.create(
            slug=demo.DEMO_SLUG,
            kind=ElectionKind.JUDGES,
            year=today.year,
            seats=6,
            nomination_start=today - datetime.timedelta(days=120),
            nomination_end=today - datetime.timedelta(days=36),
            voting_date=today,
            questionnaire_deadline=today + datetime.timedelta(days=30),
            published=True,
            is_demo=True,
            **{f"parties_{code}": n for code, n in demo.PARTIES.items()},
        )
        for name, list_, gender, group, country in demo.REMAINING_JUDGES:
            RemainingJudge.objects.create(
                election=election,
                name=name,
                judge_list=list_,
                gender=gender,
                regional_group=group,
                fictional_country=country,
            )
        candidates = {}
        for n, (name, list_, gender, group, country) in enumerate(demo.CANDIDATES, 1):
            candidates[name] = Candidate.objects.create(
                election=election,
                name=name,
                position=n,
                judge_list=list_,
                gender=gender,
                regional_group=group,
                fictional_country=country,
            )
        for n, (en, fr, es, ar) in enumerate(demo.QUESTIONS, 1):
            Question.objects.create(
                election=election, position=n, text_en=en, text_fr=fr, text_es=es, text_ar=ar
            )
        first = demo.FIRST_BALLOT
        round_ = Round.objects.create(
            election=election,
            number=1,
            ballot_papers=first["ballot_papers"],
            invalid=first["invalid"],
            abstentions=first["abstentions"],
        )
        RoundVote.objects.bulk_create(
            RoundVote(round=round_, candidate=candidates[name], votes=v)
            for name, v in first["votes"].items()
        )
        checked = results.compute(election, "en")
        if checked.error:  # pragma: no cover - the demo data is fixed and tested
            raise DomainError(checked.error, code="demo_invalid")
        audit.log("court.demo.created", actor=acting_user, obj=election)
    return election


def remove_demo_elections(*, acting_user=None) -> int:
    """Remove every demonstration election (and all that hangs from it) in one go."""
    with transaction.atomic():
        demos = Election.objects.filter(is_demo=True)
        count = demos.count()
        if count:
            demos.delete()
            audit.log("court.demo.removed", actor=acting_user, data={"count": count})
    return count


__all__ = [
    "CourtImportReport",
    "approve_questionnaire",
    "correct_session",
    "create_demo_election",
    "enter_budget_year",
    "enter_round",
    "import_court_data",
    "issue_questionnaire_link",
    "open_questionnaire",
    "remove_candidate",
    "remove_candidate_document",
    "remove_demo_elections",
    "remove_last_round",
    "remove_question",
    "remove_remaining_judge",
    "reopen_questionnaire",
    "save_answers",
    "save_candidate",
    "save_candidate_document",
    "save_case",
    "save_election",
    "save_question",
    "save_remaining_judge",
    "save_situation",
    "update_dataset",
]
