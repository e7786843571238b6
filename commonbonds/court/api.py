"""The Court's endpoints of the public API (mounted under /api/v1/court/ by commonbonds.api).

Situations, cases (with their timelines read from the key dates), the approved budget and the
elections with their results computed by the election engine, nothing stored that the rules
derive. Each list says the date its dataset covers (`data_as_of`). Demonstration elections
are never in the API. Every path answers with and without a trailing slash; only the form
with the slash is in the OpenAPI schema.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema

from commonbonds.api.schemas import ERRORS, ERRORS_404, LANG_QUERY, Lang, NotFound, language

from . import queries, results
from .models import (
    BudgetFigure,
    BudgetStage,
    Case,
    CaseStatus,
    DatasetKey,
    Election,
    Programme,
    QuestionnaireResponse,
    ResponseStatus,
    Situation,
    SituationStage,
    Trigger,
)

router = Router(tags=["court"])

ONLY_STAGE = gettext_lazy("Only this stage.")
ONLY_TRIGGER = gettext_lazy("Only this trigger.")
ONLY_STATE = gettext_lazy("Only situations concerning this state (ISO 3166-1 alpha-3).")
ONLY_STATUS = gettext_lazy("Only this status.")
ONLY_SITUATION = gettext_lazy("Only this situation (slug).")
ONLY_KIND = gettext_lazy("Only this kind.")
STAGE_QUERY = Query(None, description=ONLY_STAGE)
TRIGGER_QUERY = Query(None, description=ONLY_TRIGGER)
STATUS_QUERY = Query(None, description=ONLY_STATUS)
KIND_QUERY = Query(None, description=ONLY_KIND)

StageCode = Literal["investigation", "preliminary_examination", "closed", "declined"]
TriggerCode = Literal[
    "state_referral", "security_council_referral", "proprio_motu", "art_12_3_declaration"
]
CaseStatusCode = Literal[
    "at_large",
    "pre_trial",
    "trial",
    "convicted",
    "acquitted",
    "charges_not_confirmed",
    "charges_withdrawn",
    "charges_vacated",
    "terminated_deceased",
    "closed",
]
ProgrammeCode = Literal[
    "total",
    "total_excl_hsl",
    "mp1_judiciary",
    "mp2_otp",
    "mp3_registry",
    "mp4_sasp",
    "mp5_premises",
    "mp6_stfv",
    "mp7_2_hsl",
    "mp7_5_iom",
    "mp7_6_oia",
]
BudgetStageCode = Literal["proposed", "cbf_recommended", "approved"]
ElectionKindCode = Literal[
    "judges", "prosecutor", "deputy_prosecutor", "bureau", "cbf", "tfv_board", "other"
]
GroupCode = Literal[
    "african",
    "asia_pacific",
    "eastern_european",
    "latin_american_caribbean",
    "western_european_other",
]


def _route(method, path: str, **kwargs):
    """The operation at `path` (in the schema) and at the same path without its slash."""
    decorate = getattr(router, method)
    canonical = decorate(path, **kwargs)
    bare = decorate(
        path.rstrip("/"),
        **{**kwargs, "include_in_schema": False, "operation_id": None, "url_name": None},
    )

    def both(func):
        return canonical(bare(func))

    return both


# -- schemas -----------------------------------------------------------------------------------


class StateRef(Schema):
    iso3: str
    name: str


class SituationOut(Schema):
    slug: str
    name: str
    name_en: str
    state: StateRef
    stage: StageCode
    stage_label: str
    trigger: TriggerCode
    trigger_label: str
    opened_date: datetime.date | None
    investigation_opened_date: datetime.date | None
    closed_date: datetime.date | None
    notes: str
    source_url: str
    cases: list[str]


class SituationList(Schema):
    data_as_of: datetime.date | None
    items: list[SituationOut]


class KeyDateOut(Schema):
    key: str
    event: str
    label: str
    date: datetime.date
    defendant: str | None


class DefendantOut(Schema):
    name: str
    own_status: Literal["proceedings_terminated", "charges_withdrawn", "inadmissible"] | None
    own_status_label: str | None
    own_status_date: datetime.date | None


class CaseOut(Schema):
    slug: str
    name: str
    situation: str
    status: CaseStatusCode
    status_label: str
    defendants: list[DefendantOut]
    key_dates: list[KeyDateOut]
    notes: str
    source_url: str


class CaseList(Schema):
    data_as_of: datetime.date | None
    items: list[CaseOut]


class BudgetFigureOut(Schema):
    year: int
    programme: ProgrammeCode
    programme_label: str
    stage: BudgetStageCode
    stage_label: str
    amount_eur: int
    source_url: str


class BudgetOut(Schema):
    data_as_of: datetime.date | None
    currency: Literal["EUR"]
    years_without_approved_total: list[int]
    figures: list[BudgetFigureOut]


class ElectionSummary(Schema):
    slug: str
    title: str
    kind: ElectionKindCode
    year: int
    seats: int
    voting_date: datetime.date | None


class PersonOut(Schema):
    name: str
    list: Literal["A", "B"] | None
    gender: Literal["F", "M"]
    regional_group: GroupCode
    nationality: StateRef | None


class DocumentOut(Schema):
    title: str
    url: str
    language: str | None


class CandidateOut(PersonOut):
    nominating_state: StateRef | None
    withdrawn_before_voting: bool
    elected: bool
    documents: list[DocumentOut]
    questionnaire_published: bool


class MvrOut(Schema):
    category: str
    label: str
    minimum: int


class VoteOut(Schema):
    candidate: str
    votes: int
    elected: bool
    leaves_ballot: bool


class RoundOut(Schema):
    number: int
    ballot_papers: int
    invalid: int
    valid: int
    abstentions: int
    voting: int
    required: int | None
    max_marks: int | None
    requirements: list[MvrOut]
    withdrawn_before: list[str]
    votes: list[VoteOut]
    elected: list[str]
    explanations: list[str]


class NextBallotOut(Schema):
    number: int
    open_seats: int
    max_marks: int
    requirements: list[MvrOut]
    on_ballot: list[str]
    explanations: list[str]


class ElectionOut(ElectionSummary):
    states_parties_by_group: dict[str, int]
    nomination_start: datetime.date | None
    nomination_end: datetime.date | None
    candidates: list[CandidateOut]
    remaining_judges: list[PersonOut]
    rounds: list[RoundOut]
    elected: list[str]
    open_seats: int
    next_ballot: NextBallotOut | None
    error: str | None


# -- helpers -----------------------------------------------------------------------------------


def _as_of(key: str) -> datetime.date | None:
    dataset = queries.data_as_of(key).get(key)
    return dataset.data_as_of if dataset else None


def _state(state, lang: str) -> dict | None:
    return {"iso3": state.iso3, "name": state.name(lang)} if state is not None else None


def _situation(s: Situation, lang: str, cases: list[str]) -> dict:
    return {
        "slug": s.slug,
        "name": s.title(lang),
        "name_en": s.name,
        "state": _state(s.state, lang),
        "stage": s.stage,
        "stage_label": str(SituationStage(s.stage).label),
        "trigger": s.trigger,
        "trigger_label": str(Trigger(s.trigger).label),
        "opened_date": s.opened_date,
        "investigation_opened_date": s.investigation_opened_date,
        "closed_date": s.closed_date,
        "notes": s.notes,
        "source_url": s.source_url,
        "cases": cases,
    }


def _case(c: Case) -> dict:
    timeline, defendants, _problem = queries.case_timeline(c)
    return {
        "slug": c.slug,
        "name": c.name,
        "situation": c.situation.slug,
        "status": c.status,
        "status_label": str(CaseStatus(c.status).label),
        "defendants": [
            {
                "name": d.name,
                "own_status": d.status,
                "own_status_label": d.status_label or None,
                "own_status_date": d.status_date,
            }
            for d in defendants
        ],
        "key_dates": [
            {
                "key": k.key,
                "event": k.event,
                "label": k.label,
                "date": k.date,
                "defendant": k.person,
            }
            for k in timeline
        ],
        "notes": c.notes,
        "source_url": c.source_url,
    }


def _in(lang: str | None):
    return translation.override(language(lang))


# -- situations and cases ----------------------------------------------------------------------


@_route(
    "get",
    "/situations/",
    response={200: SituationList, **ERRORS},
    operation_id="listCourtSituations",
    summary=gettext_lazy("Situations and preliminary examinations"),
    description=gettext_lazy(
        "Every situation of the International Criminal Court, with its stage, how it reached "
        "the Court, its dates and the slugs of its cases; data_as_of is the last day the data "
        "covers."
    ),
)
def list_situations(
    request,
    stage: StageCode | None = STAGE_QUERY,
    trigger: TriggerCode | None = TRIGGER_QUERY,
    state: str | None = Query(
        None,
        pattern=r"^[A-Za-z]{3}$",
        description=ONLY_STATE,
    ),
    lang: Lang | None = LANG_QUERY,
):
    code = language(lang)
    with _in(lang):
        rows = queries.situations(stage=stage or "", trigger=trigger or "")
        if state:
            rows = rows.filter(state__iso3=state.upper())
        slugs: dict[int, list[str]] = {}
        for situation_id, slug in Case.objects.order_by("position").values_list(
            "situation_id", "slug"
        ):
            slugs.setdefault(situation_id, []).append(slug)
        return {
            "data_as_of": _as_of(DatasetKey.SITUATIONS),
            "items": [_situation(s, code, slugs.get(s.pk, [])) for s in rows],
        }


@_route(
    "get",
    "/situations/{slug}/",
    response={200: SituationOut, **ERRORS_404},
    operation_id="getCourtSituation",
    summary=gettext_lazy("One situation"),
)
def get_situation(request, slug: str, lang: Lang | None = LANG_QUERY):
    situation = Situation.objects.select_related("state").filter(slug=slug).first()
    if situation is None:
        raise NotFound(
            _('There is no situation "%(slug)s". The list is at /api/v1/court/situations/.')
            % {"slug": slug},
            code="unknown_situation",
        )
    with _in(lang):
        cases = list(situation.cases.order_by("position").values_list("slug", flat=True))
        return _situation(situation, language(lang), cases)


@_route(
    "get",
    "/cases/",
    response={200: CaseList, **ERRORS},
    operation_id="listCourtCases",
    summary=gettext_lazy("Cases"),
    description=gettext_lazy(
        "Every public case, with its defendants, its status and its key dates with readable "
        "labels; a defendant's own_status is given when an event concerns that person alone."
    ),
)
def list_cases(
    request,
    status: CaseStatusCode | None = STATUS_QUERY,
    situation: str | None = Query(None, description=ONLY_SITUATION),
    lang: Lang | None = LANG_QUERY,
):
    with _in(lang):
        rows = queries.cases(status=status or "", situation=situation or "")
        return {"data_as_of": _as_of(DatasetKey.CASES), "items": [_case(c) for c in rows]}


@_route(
    "get",
    "/cases/{slug}/",
    response={200: CaseOut, **ERRORS_404},
    operation_id="getCourtCase",
    summary=gettext_lazy("One case"),
)
def get_case(request, slug: str, lang: Lang | None = LANG_QUERY):
    case = Case.objects.select_related("situation").filter(slug=slug).first()
    if case is None:
        raise NotFound(
            _('There is no case "%(slug)s". The list is at /api/v1/court/cases/.') % {"slug": slug},
            code="unknown_case",
        )
    with _in(lang):
        return _case(case)


# -- the budget ----------------------------------------------------------------------------------


@_route(
    "get",
    "/budget/",
    response={200: BudgetOut, **ERRORS},
    operation_id="getCourtBudget",
    summary=gettext_lazy("The budget of the Court"),
    description=gettext_lazy(
        "Every figure recorded, in euros, by year, programme and stage (proposed, recommended "
        "by the Committee on Budget and Finance, approved). Years between the first and the "
        "last with no approved total are listed: they are gaps, never estimated."
    ),
)
def get_budget(request, lang: Lang | None = LANG_QUERY):
    with _in(lang):
        years = queries.approved_years()
        figures = BudgetFigure.objects.order_by("year", "stage", "programme")
        return {
            "data_as_of": _as_of(DatasetKey.BUDGET),
            "currency": "EUR",
            "years_without_approved_total": [y.year for y in years if not y.known],
            "figures": [
                {
                    "year": f.year,
                    "programme": f.programme,
                    "programme_label": str(Programme(f.programme).label),
                    "stage": f.stage,
                    "stage_label": str(BudgetStage(f.stage).label),
                    "amount_eur": f.amount_eur,
                    "source_url": f.source_url,
                }
                for f in figures
            ],
        }


# -- elections -----------------------------------------------------------------------------------


def _public_elections():
    return Election.objects.filter(published=True, is_demo=False)


def _summary(e: Election) -> dict:
    return {
        "slug": e.slug,
        "title": e.display_title(),
        "kind": e.kind,
        "year": e.year,
        "seats": e.seats,
        "voting_date": e.voting_date,
    }


@_route(
    "get",
    "/elections/",
    response={200: list[ElectionSummary], **ERRORS},
    operation_id="listCourtElections",
    summary=gettext_lazy("Elections"),
    description=gettext_lazy(
        "Published elections of the Assembly of States Parties, newest first."
    ),
)
def list_elections(
    request,
    kind: ElectionKindCode | None = KIND_QUERY,
    lang: Lang | None = LANG_QUERY,
):
    with _in(lang):
        rows = _public_elections()
        if kind:
            rows = rows.filter(kind=kind)
        return [_summary(e) for e in rows]


def _person(p, lang: str) -> dict:
    return {
        "name": p.name,
        "list": p.judge_list or None,
        "gender": p.gender,
        "regional_group": p.regional_group,
        "nationality": _state(p.nationality, lang),
    }


def _mvrs(items: list[dict]) -> list[dict]:
    return [{"category": m["code"], "label": m["label"], "minimum": m["value"]} for m in items]


@_route(
    "get",
    "/elections/{slug}/",
    response={200: ElectionOut, **ERRORS_404},
    operation_id="getCourtElection",
    summary=gettext_lazy("One election and its results"),
    description=gettext_lazy(
        "The candidates, the judges who remain, each ballot as announced, and what the rules "
        "make of them: the majority required, who is elected, who leaves the ballot, the "
        "minimum voting requirements in force next and why (explanations in the language "
        "asked for)."
    ),
)
def get_election(request, slug: str, lang: Lang | None = LANG_QUERY):
    election = _public_elections().filter(slug=slug).first()
    if election is None:
        raise NotFound(
            _('There is no published election "%(slug)s".') % {"slug": slug},
            code="unknown_election",
        )
    code = language(lang)
    with translation.override(code):
        outcome = results.results_for(election, code)
        elected = {c.pk for c in outcome.elected}
        published = set(
            QuestionnaireResponse.objects.filter(
                candidate__election=election, status=ResponseStatus.APPROVED
            ).values_list("candidate_id", flat=True)
        )
        candidates = election.candidates.select_related(
            "nationality", "nominating_state"
        ).prefetch_related("documents")
        next_ballot = outcome.next
        return {
            **_summary(election),
            "states_parties_by_group": election.parties_by_group(),
            "nomination_start": election.nomination_start,
            "nomination_end": election.nomination_end,
            "candidates": [
                {
                    **_person(c, code),
                    "nominating_state": _state(c.nominating_state, code),
                    "withdrawn_before_voting": c.withdrawn_before_voting,
                    "elected": c.pk in elected,
                    "documents": [
                        {"title": d.title, "url": d.url, "language": d.language or None}
                        for d in c.documents.all()
                    ],
                    "questionnaire_published": c.pk in published,
                }
                for c in candidates
            ],
            "remaining_judges": [
                _person(j, code) for j in election.remaining_judges.select_related("nationality")
            ],
            "rounds": [
                {
                    "number": r.number,
                    "ballot_papers": r.ballot_papers,
                    "invalid": r.invalid,
                    "valid": r.valid,
                    "abstentions": r.abstentions,
                    "voting": r.voting,
                    "required": r.required,
                    "max_marks": r.max_marks,
                    "requirements": _mvrs(r.mvrs),
                    "withdrawn_before": [c.name for c in r.withdrawn],
                    "votes": [
                        {
                            "candidate": row.candidate.name,
                            "votes": row.votes,
                            "elected": row.elected,
                            "leaves_ballot": row.removed,
                        }
                        for row in r.rows
                    ],
                    "elected": [c.name for c in r.elected],
                    "explanations": r.explanations,
                }
                for r in outcome.rounds
            ],
            "elected": [c.name for c in outcome.elected],
            "open_seats": outcome.open_seats,
            "next_ballot": {
                "number": next_ballot.number,
                "open_seats": next_ballot.open_seats,
                "max_marks": next_ballot.max_marks,
                "requirements": _mvrs(next_ballot.mvrs),
                "on_ballot": [c.name for c in next_ballot.on_ballot],
                "explanations": next_ballot.explanations,
            }
            if next_ballot
            else None,
            "error": outcome.error or None,
        }


__all__ = ["router"]
