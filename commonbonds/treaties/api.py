"""The treaty endpoints of the public API (mounted under /api/v1/ by commonbonds.api).

Every answer is read from the treaty snapshot (`snapshot.current()`): statuses and counts come
from the engine, never from a stored field. Each path answers with and without a trailing
slash; only the form with the slash is in the OpenAPI schema.
"""

from __future__ import annotations

import datetime
from typing import Literal

from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Query, Router, Schema

from commonbonds.api.schemas import (
    DATE_PATTERN,
    ERRORS,
    ERRORS_404,
    LANG_QUERY,
    BadParameter,
    Lang,
    NotFound,
    json_response,
    language,
    parse_date,
)

from . import datasets, engine, snapshot
from .models import ImplementingLegislation, RegionalGroup, TreatyEvent

router = Router(tags=["treaties"])

StatusCode = Literal[
    "not_signed",
    "signatory",
    "signature_withdrawn",
    "deposited",
    "party",
    "withdrawal_pending",
    "withdrawn",
]
ActionCode = Literal[
    "signature",
    "ratification",
    "acceptance",
    "approval",
    "accession",
    "succession",
    "deposit",
    "accession_withdrawn",
    "withdrawal_notification",
    "withdrawal_revoked",
    "intent_not_to_become_party",
    "declaration_article_12_3",
    "announcement",
]
ConsentCode = Literal[
    "ratification", "acceptance", "approval", "accession", "succession", "deposit"
]
GroupCode = Literal[
    "african",
    "asia_pacific",
    "eastern_european",
    "latin_american_caribbean",
    "western_european_other",
]

AS_OF = gettext_lazy("The date, YYYY-MM-DD; today when left out.")
UNCONFIRMED = gettext_lazy(
    "Count events the depositary has not confirmed yet (true, the default) or leave them out "
    "(false). A status decided by such an event is marked provisional."
)


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


# -- schemas ---------------------------------------------------------------------------------


class StateOut(Schema):
    iso3: str
    iso2: str
    name: str
    un_member: bool
    asp_regional_group: GroupCode | None
    asp_regional_group_name: str | None


class NameOut(Schema):
    name: str
    source: Literal["un", "cldr", "staff"]


class Names(Schema):
    en: NameOut
    fr: NameOut
    es: NameOut
    ar: NameOut


class KeyDates(Schema):
    status: StatusCode
    signature: datetime.date | None
    deposit: datetime.date | None
    deposit_action: ConsentCode | None
    entry_into_force: datetime.date | None
    withdrawal_notified: datetime.date | None
    withdrawal_effective: datetime.date | None
    provisional: bool
    date_unknown: bool


class StandingOut(KeyDates):
    instrument: str


class LegislationOut(Schema):
    kind: Literal["crimes_complementarity", "cooperation", "apic_implementation"]
    stage: Literal["not_reviewed", "none", "draft", "tabled", "adopted", "in_force"]
    title: str
    tabled_on: datetime.date | None
    adopted_on: datetime.date | None
    in_force_on: datetime.date | None
    link: str | None
    last_reviewed_at: datetime.datetime | None


class StateDetailOut(StateOut):
    names: Names
    as_of: datetime.date
    standings: list[StandingOut]
    implementing_legislation: list[LegislationOut]


class Titles(Schema):
    fr: str | None
    es: str | None
    ar: str | None


class InstrumentOut(Schema):
    slug: str
    name: str
    name_en: str
    short_name: str
    titles: Titles
    titles_source: str | None
    depositary_ref: str
    adopted_place: str
    adopted_date: datetime.date
    parent: str | None
    entry_into_force_rule: Literal["rome_statute_art126", "apic_art35", "art121_5", "art121_4"]
    general_entry_into_force: datetime.date | None
    open_to: Literal["all_states", "parties_of_parent"]
    data_complete_to: datetime.date | None
    coverage_note: str


class ParticipantOut(Schema):
    state: str
    name: str
    status: StatusCode
    signature: datetime.date | None
    deposit: datetime.date | None
    deposit_action: ConsentCode | None
    entry_into_force: datetime.date | None
    withdrawal_notified: datetime.date | None
    withdrawal_effective: datetime.date | None
    provisional: bool
    date_unknown: bool


class ParticipantsOut(Schema):
    instrument: str
    as_of: datetime.date
    participants: list[ParticipantOut]


class CountsOut(Schema):
    parties: int
    deposited: int
    signatories: int
    ever_signed: int
    withdrawal_pending: int
    withdrawn: int


class EventOut(Schema):
    event_id: str
    state: str
    instrument: str
    action: ActionCode
    date: datetime.date | None
    known_by: datetime.date | None
    confirmed: bool
    note: str
    source_url: str
    depositary_notification: str | None


class EventPage(Schema):
    count: int
    page: int
    page_size: int
    next: str | None
    previous: str | None
    items: list[EventOut]


class DownloadFile(Schema):
    format: Literal["json", "zip"]
    media_type: str
    url: str


class DownloadsOut(Schema):
    dataset: str
    data_date: datetime.date | None
    licence: str
    licence_url: str
    cite_as: str
    files: list[DownloadFile]


# -- helpers -------------------------------------------------------------------------------------


def _today() -> datetime.date:
    return timezone.localdate()


def _instrument(snap: snapshot.Snapshot, slug: str) -> snapshot.InstrumentInfo:
    found = snap.instruments.get(slug)
    if found is None:
        raise NotFound(
            _('There is no instrument "%(slug)s". The list is at /api/v1/instruments/.')
            % {"slug": slug},
            code="unknown_instrument",
        )
    return found


def _state_out(state: snapshot.StateInfo, lang: str) -> dict:
    group = state.asp_regional_group or None
    return {
        "iso3": state.iso3,
        "iso2": state.iso2,
        "name": state.name(lang),
        "un_member": state.un_member,
        "asp_regional_group": group,
        "asp_regional_group_name": str(RegionalGroup(group).label) if group else None,
    }


def _iso(day: datetime.date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _dates(s: engine.Standing) -> dict:
    return {
        "status": s.status.value,
        "signature": _iso(s.signature),
        "deposit": _iso(s.deposit),
        "deposit_action": s.deposit_action.value if s.deposit_action else None,
        "entry_into_force": _iso(s.entry_into_force),
        "withdrawal_notified": _iso(s.withdrawal_notified),
        "withdrawal_effective": _iso(s.withdrawal_effective),
        "provisional": s.provisional,
        "date_unknown": s.date_unknown,
    }


def _instrument_out(i: snapshot.InstrumentInfo, lang: str) -> dict:
    return {
        "slug": i.slug,
        "name": i.title(lang),
        "name_en": i.name,
        "short_name": i.short_name,
        "titles": {k: v or None for k, v in i.titles.items()},
        "titles_source": i.titles_source or None,
        "depositary_ref": i.depositary_ref,
        "adopted_place": i.adopted_place,
        "adopted_date": i.adopted_date,
        "parent": i.parent,
        "entry_into_force_rule": i.entry_into_force_rule,
        "general_entry_into_force": i.general_entry_into_force,
        "open_to": i.open_to,
        "data_complete_to": i.data_complete_to,
        "coverage_note": i.coverage_note,
    }


# -- states --------------------------------------------------------------------------------------


@_route(
    "get",
    "/states/",
    response={200: list[StateOut], **ERRORS},
    operation_id="listStates",
    summary=gettext_lazy("All states"),
    description=gettext_lazy(
        "Every state of the data (193 UN members, the State of Palestine, the Cook Islands and "
        "the Holy See), in English alphabetical order."
    ),
)
def list_states(request, lang: Lang | None = LANG_QUERY):
    snap = snapshot.current()
    code = language(lang)
    return json_response([_state_out(s, code) for s in snap.states.values()])


@_route(
    "get",
    "/states/{iso3}/",
    response={200: StateDetailOut, **ERRORS_404},
    operation_id="getState",
    summary=gettext_lazy("One state and where it stands"),
    description=gettext_lazy(
        "The state's names in four languages with where each comes from, its status for every "
        "instrument on a date, and its implementing legislation."
    ),
)
def get_state(
    request,
    iso3: str,
    as_of: str | None = Query(None, pattern=DATE_PATTERN, description=AS_OF),
    include_unconfirmed: bool = Query(True, description=UNCONFIRMED),
    lang: Lang | None = LANG_QUERY,
):
    snap = snapshot.current()
    state = snap.states.get(iso3.upper())
    if state is None:
        raise NotFound(
            _('There is no state with the ISO 3166-1 alpha-3 code "%(code)s".') % {"code": iso3},
            code="unknown_state",
        )
    day = parse_date(as_of, "as_of", _today())
    code = language(lang)
    standings = []
    for slug in snap.instruments:
        found = snap.index.standing(slug, state.iso3, day, include_unconfirmed=include_unconfirmed)
        if found is not None and found.status != engine.Status.NOT_SIGNED:
            standings.append({"instrument": slug, **_dates(found)})
    legislation = [
        {
            "kind": row.kind,
            "stage": row.stage,
            "title": row.title,
            "tabled_on": row.tabled_on,
            "adopted_on": row.adopted_on,
            "in_force_on": row.in_force_on,
            "link": row.link or None,
            "last_reviewed_at": row.last_reviewed_at,
        }
        for row in ImplementingLegislation.objects.filter(state__iso3=state.iso3).order_by("kind")
    ]
    return json_response(
        {
            **_state_out(state, code),
            "names": {
                lang_: {"name": state.names[lang_], "source": state.name_sources[lang_]}
                for lang_ in snapshot.LANGS
            },
            "as_of": day,
            "standings": standings,
            "implementing_legislation": legislation,
        }
    )


# -- instruments ---------------------------------------------------------------------------------


@_route(
    "get",
    "/instruments/",
    response={200: list[InstrumentOut], **ERRORS},
    operation_id="listInstruments",
    summary=gettext_lazy("All instruments"),
    description=gettext_lazy(
        "The Rome Statute, the APIC and the amendments, with what the data is known to miss "
        "(coverage_note): show it wherever you show counts."
    ),
)
def list_instruments(request, lang: Lang | None = LANG_QUERY):
    snap = snapshot.current()
    code = language(lang)
    return json_response([_instrument_out(i, code) for i in snap.instruments.values()])


@_route(
    "get",
    "/instruments/{slug}/",
    response={200: InstrumentOut, **ERRORS_404},
    operation_id="getInstrument",
    summary=gettext_lazy("One instrument"),
    description=gettext_lazy(
        "The name is the official title in the language asked for, or the English title when "
        "no official translation is recorded."
    ),
)
def get_instrument(request, slug: str, lang: Lang | None = LANG_QUERY):
    snap = snapshot.current()
    return json_response(_instrument_out(_instrument(snap, slug), language(lang)))


@_route(
    "get",
    "/instruments/{slug}/participants/",
    response={200: ParticipantsOut, **ERRORS_404},
    operation_id="listParticipants",
    summary=gettext_lazy("Where every state stands for an instrument on a date"),
    description=gettext_lazy(
        "One entry for every state whose status on the date is not not_signed, with its key "
        "dates (kept whatever the status: a withdrawn state keeps its signature, deposit and "
        "entry-into-force dates). Dates are YYYY-MM-DD or null."
    ),
)
def list_participants(
    request,
    slug: str,
    as_of: str | None = Query(None, pattern=DATE_PATTERN, description=AS_OF),
    include_unconfirmed: bool = Query(True, description=UNCONFIRMED),
    lang: Lang | None = LANG_QUERY,
):
    snap = snapshot.current()
    instrument = _instrument(snap, slug)
    day = parse_date(as_of, "as_of", _today())
    code = language(lang)
    participants = []
    standings = snap.standings(instrument.slug, day, include_unconfirmed)
    for iso3, s in sorted(standings.items()):
        if s.status == engine.Status.NOT_SIGNED:
            continue
        state = snap.states.get(iso3)
        participants.append(
            {"state": iso3, "name": state.name(code) if state else iso3, **_dates(s)}
        )
    return json_response(
        {"instrument": instrument.slug, "as_of": day, "participants": participants}
    )


@_route(
    "get",
    "/instruments/{slug}/counts/",
    response={200: CountsOut, **ERRORS_404},
    operation_id="getCounts",
    summary=gettext_lazy("Counts for an instrument on a date"),
    description=gettext_lazy(
        "parties: states bound that day (party or withdrawal_pending); deposited: consent "
        "deposited, not yet in force; signatories: signed, nothing more; ever_signed: signed on "
        "or before the date, whatever the status now; withdrawal_pending; withdrawn."
    ),
)
def get_counts(
    request,
    slug: str,
    as_of: str | None = Query(None, pattern=DATE_PATTERN, description=AS_OF),
    include_unconfirmed: bool = Query(True, description=UNCONFIRMED),
):
    snap = snapshot.current()
    instrument = _instrument(snap, slug)
    day = parse_date(as_of, "as_of", _today())
    counts = snap.counts(instrument.slug, day, include_unconfirmed)
    return json_response(
        {
            "parties": counts.parties,
            "deposited": counts.deposited,
            "signatories": counts.signatories,
            "ever_signed": counts.ever_signed,
            "withdrawal_pending": counts.withdrawal_pending,
            "withdrawn": counts.withdrawn,
        }
    )


# -- events --------------------------------------------------------------------------------------


@_route(
    "get",
    "/events/",
    response={200: EventPage, **ERRORS},
    operation_id="listEvents",
    summary=gettext_lazy("Treaty events, with their sources"),
    description=gettext_lazy(
        "The facts every status is derived from, oldest first, a page at a time. An undated "
        "event has known_by instead of a date: the date by which a source shows it had happened."
    ),
)
def list_events(
    request,
    state: str | None = Query(None, description=gettext_lazy("Only this state (ISO3 code).")),
    instrument: str | None = Query(None, description=gettext_lazy("Only this instrument (slug).")),
    since: str | None = Query(
        None,
        pattern=DATE_PATTERN,
        description=gettext_lazy("Only events on or after this date (YYYY-MM-DD)."),
    ),
    page: int = Query(1, ge=1, le=100000, description=gettext_lazy("Page number, from 1.")),
    page_size: int = Query(
        100, ge=1, le=500, description=gettext_lazy("Events per page, up to 500.")
    ),
):
    snap = snapshot.current()
    rows = TreatyEvent.objects.filter(retracted=False)
    if state:
        if state.upper() not in snap.states:
            raise BadParameter(
                _('There is no state with the ISO 3166-1 alpha-3 code "%(code)s".')
                % {"code": state},
                code="unknown_state",
            )
        rows = rows.filter(state__iso3=state.upper())
    if instrument:
        if instrument not in snap.instruments:
            raise BadParameter(
                _('There is no instrument "%(slug)s". The list is at /api/v1/instruments/.')
                % {"slug": instrument},
                code="unknown_instrument",
            )
        rows = rows.filter(instrument__slug=instrument)
    day = parse_date(since, "since")
    if day is not None:
        rows = rows.filter(Q(date__gte=day) | Q(date__isnull=True, known_by__gte=day))
    total = rows.count()
    start = (page - 1) * page_size
    page_rows = (
        rows.select_related("state", "instrument").order_by(
            Coalesce("date", "known_by"), "event_id"
        )[start : start + page_size]
        if start < total
        else []
    )
    items = [
        {
            "event_id": e.event_id,
            "state": e.state.iso3,
            "instrument": e.instrument.slug,
            "action": e.action,
            "date": e.date,
            "known_by": e.known_by,
            "confirmed": e.confirmed,
            "note": e.note,
            "source_url": e.source_url,
            "depositary_notification": e.depositary_notification or None,
        }
        for e in page_rows
    ]

    def link(number: int) -> str:
        query = request.GET.copy()
        query["page"] = str(number)
        return f"{request.path}?{query.urlencode()}"

    return json_response(
        {
            "count": total,
            "page": page,
            "page_size": page_size,
            "next": link(page + 1) if start + page_size < total else None,
            "previous": link(page - 1) if page > 1 and start - page_size < total else None,
            "items": items,
        }
    )


# -- bulk downloads ------------------------------------------------------------------------------


@_route(
    "get",
    "/downloads/",
    response={200: DownloadsOut, **ERRORS},
    operation_id="listDownloads",
    summary=gettext_lazy("The whole dataset to download"),
    description=gettext_lazy(
        "Links to the current version of the treaty data as one JSON file and as a ZIP of CSV "
        "files, named by the data date, with how to cite it and its licence."
    ),
)
def list_downloads(request):
    snap = snapshot.current()
    return json_response(
        {
            **datasets.metadata(snap),
            "files": [
                {"format": fmt, "media_type": media, "url": datasets.url(snap, fmt)}
                for fmt, media in datasets.FORMATS.items()
            ],
        }
    )


@_route(
    "get",
    "/downloads/{filename}/",
    response={200: None, **ERRORS_404},
    operation_id="getDownload",
    summary=gettext_lazy("One file of the dataset"),
    description=gettext_lazy(
        "treaties-YYYY-MM-DD.json or .zip for the version of that data date (only the current "
        "version is served), or treaties.json and treaties.zip for the current one."
    ),
    openapi_extra={
        "responses": {
            200: {
                "description": "OK",
                "content": {
                    "application/json": {"schema": {"type": "object"}},
                    "application/zip": {"schema": {"type": "string", "format": "binary"}},
                },
            }
        }
    },
)
def get_download(request, filename: str):
    snap = snapshot.current()
    stem, dot, fmt = filename.rpartition(".")
    if (
        not dot
        or fmt not in datasets.FORMATS
        or stem
        not in (
            datasets.DATASET,
            f"{datasets.DATASET}-{datasets.version_label(snap)}",
        )
    ):
        raise NotFound(
            _("There is no such file. The current files are listed at /api/v1/downloads/."),
            code="unknown_file",
        )
    response = HttpResponse(datasets.build(snap, fmt), content_type=datasets.FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{datasets.file_name(snap, fmt)}"'
    return response
