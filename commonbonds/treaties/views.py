"""The public treaty pages: the states table and its downloads, a state, an instrument, the
changes and their feeds. Thin: the numbers come from `queries` over the snapshot."""

from __future__ import annotations

import csv
import io
import json

from django.core.paginator import Paginator
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import engine, queries, snapshot
from .filters import AsOfForm, StatesFilter
from .models import Action, ImplementingLegislation, RegionalGroup, TreatyEvent

PAGE_SIZE = 200
CHANGES_PAGE_SIZE = 50
DOWNLOADS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _lang() -> str:
    return (get_language() or "en")[:2]


def _states_rows(request, snap):
    regions = queries.region_choices()
    form = StatesFilter(
        request.GET or None,
        instruments=[(i.slug, i.title(_lang())) for i in snap.instruments.values()],
        regions=regions,
    )
    as_of, include_unconfirmed = form.values()
    chosen = form.filters()
    region_states = None
    if chosen["region"]:
        region_states = queries.coalition_regions().get(chosen["region"], [])
    rows = queries.table_rows(
        snap,
        as_of=as_of,
        include_unconfirmed=include_unconfirmed,
        instrument=chosen["instrument"],
        status=chosen["status"],
        group=chosen["group"],
        region_states=region_states,
        sort=chosen["sort"],
        lang=_lang(),
    )
    return form, as_of, include_unconfirmed, rows, bool(regions)


@require_GET
def states(request):
    snap = snapshot.current()
    form, as_of, include_unconfirmed, rows, _has_regions = _states_rows(request, snap)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    for row in page.object_list:
        row["status_label"] = queries.status_label(row["status"])
        row["instrument_name"] = snap.instruments[row["instrument"]].short_name
        if row["deposit_action"]:
            row["deposit_action_label"] = Action(row["deposit_action"]).label
    return render(
        request,
        "treaties/states.html",
        {
            "title": _("Treaty status of every state"),
            "form": form,
            "page": page,
            "total": len(rows),
            "query": query.urlencode(),
            "as_of": as_of,
            "include_unconfirmed": include_unconfirmed,
            "counts": queries.instrument_counts(snap, as_of, include_unconfirmed, _lang()),
            "data_date": snap.data_date,
            "formats": list(DOWNLOADS),
            "group_labels": dict(RegionalGroup.choices),
        },
    )


def _flat(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    return "" if value is None else value


@require_GET
def states_download(request, fmt: str):
    if fmt not in DOWNLOADS:
        raise Http404
    snap = snapshot.current()
    _form, as_of, include_unconfirmed, rows, _regions = _states_rows(request, snap)
    columns = queries.TABLE_COLUMNS
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _flat(row[k]) for k in columns})
        content = out.getvalue().encode()
    elif fmt == "json":
        document = {
            "as_of": as_of.isoformat(),
            "include_unconfirmed": include_unconfirmed,
            "data_date": snap.data_date.isoformat() if snap.data_date else None,
            "columns": list(columns),
            "rows": [{k: row[k] for k in columns} for row in rows],
        }
        content = json.dumps(document, ensure_ascii=False, indent=1).encode()
    else:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("states")
        sheet.append(list(columns))
        for row in rows:
            sheet.append([_flat(row[k]) for k in columns])
        buffer = io.BytesIO()
        book.save(buffer)
        content = buffer.getvalue()
    response = HttpResponse(content, content_type=DOWNLOADS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="treaty-status-{as_of.isoformat()}.{fmt}"'
    )
    return response


def _events(**filters):
    return (
        TreatyEvent.objects.filter(retracted=False, **filters)
        .select_related("state", "instrument")
        .order_by(Coalesce("date", "known_by").desc(nulls_last=True), "-event_id")
    )


@require_GET
def state(request, iso3: str):
    snap = snapshot.current()
    info = snap.states.get(iso3.upper())
    if info is None or iso3 != info.iso3:
        raise Http404
    form = AsOfForm(request.GET or None)
    as_of, include_unconfirmed = form.values()
    lang = _lang()
    standings = []
    for slug, instrument in snap.instruments.items():
        found = snap.index.standing(
            slug, info.iso3, as_of, include_unconfirmed=include_unconfirmed
        ) or queries.not_signed(info.iso3, slug)
        standings.append(
            {
                "instrument": instrument,
                "title": instrument.title(lang),
                "title_in_english": lang != "en" and not instrument.titles.get(lang),
                "standing": found,
                "status_label": queries.status_label(found.status.value),
            }
        )
    events = list(_events(state__iso3=info.iso3))
    legislation = list(
        ImplementingLegislation.objects.filter(state__iso3=info.iso3).order_by("kind")
    )
    from .models import State

    state_obj = State.objects.get(iso3=info.iso3)
    news = []
    try:
        from commonbonds.newsroom.queries import latest_news_for_state
    except ImportError:  # pragma: no cover - the newsroom is part of the project
        latest_news_for_state = None
    if latest_news_for_state is not None:
        news = list(latest_news_for_state(state_obj, 5))
    return render(
        request,
        "treaties/state.html",
        {
            "title": info.name(lang),
            "info": info,
            "state": state_obj,
            "form": form,
            "as_of": as_of,
            "standings": standings,
            "events": events,
            "legislation": legislation,
            "news": news,
            "has_court": _has_court(),
            "group_label": RegionalGroup(info.asp_regional_group).label
            if info.asp_regional_group
            else "",
            "data_date": snap.data_date,
        },
    )


def _has_court() -> bool:
    from django.template import TemplateDoesNotExist
    from django.template.loader import get_template

    try:
        get_template("court/includes/state_situations.html")
    except TemplateDoesNotExist:
        return False
    return True


CHART_WIDTH = 640
CHART_HEIGHT = 220
CHART_PAD = 32


def _chart(series: list[tuple[int, int]]) -> dict:
    """Bars of a server-side SVG chart: x, y, width and height of each year's bar."""
    top = max((n for _y, n in series), default=0) or 1
    width = (CHART_WIDTH - 2 * CHART_PAD) / max(len(series), 1)
    plot = CHART_HEIGHT - 2 * CHART_PAD
    bars = []
    for n, (year, value) in enumerate(series):
        height = plot * value / top
        bars.append(
            {
                "year": year,
                "value": value,
                "x": round(CHART_PAD + n * width + 1, 1),
                "width": round(max(width - 2, 1), 1),
                "y": round(CHART_PAD + plot - height, 1),
                "height": round(height, 1),
                "label_year": n % 5 == 0 or n == len(series) - 1,
                "text_x": round(CHART_PAD + n * width + width / 2, 1),
            }
        )
    return {
        "bars": bars,
        "width": CHART_WIDTH,
        "height": CHART_HEIGHT,
        "top": top,
        "baseline": CHART_HEIGHT - CHART_PAD,
        "pad": CHART_PAD,
        "year_y": CHART_HEIGHT - CHART_PAD + 16,
    }


@require_GET
def instrument(request, slug: str):
    snap = snapshot.current()
    info = snap.instruments.get(slug)
    if info is None:
        raise Http404
    form = AsOfForm(request.GET or None)
    as_of, include_unconfirmed = form.values()
    lang = _lang()
    standings = snap.standings(slug, as_of, include_unconfirmed)
    participants = []
    for iso3, found in standings.items():
        if found.status == engine.Status.NOT_SIGNED or iso3 not in snap.states:
            continue
        participants.append(
            {
                "state": snap.states[iso3],
                "name": snap.states[iso3].name(lang),
                "standing": found,
                "status_label": queries.status_label(found.status.value),
                "deposit_label": Action(found.deposit_action.value).label
                if found.deposit_action
                else "",
            }
        )
    participants.sort(key=lambda p: p["name"])
    series = queries.parties_by_year(snap, slug, as_of, include_unconfirmed)
    parent = snap.instruments.get(info.parent) if info.parent else None
    return render(
        request,
        "treaties/instrument.html",
        {
            "title": info.title(lang),
            "info": info,
            "parent": parent,
            "form": form,
            "as_of": as_of,
            "counts": snap.counts(slug, as_of, include_unconfirmed),
            "participants": participants,
            "groups": queries.group_breakdown(snap, slug, as_of, include_unconfirmed),
            "chart": _chart(series),
            "rule": info.engine.rule.value,
            "data_date": snap.data_date,
        },
    )


@require_GET
def changes(request):
    snap = snapshot.current()
    page = Paginator(_events(), CHANGES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "treaties/changes.html",
        {
            "title": _("Changes in treaty status"),
            "page": page,
            "data_date": snap.data_date,
        },
    )


@require_GET
def factsheet(request, iso3: str):
    from . import factsheet as pdf

    snap = snapshot.current()
    info = snap.states.get(iso3)
    if info is None:
        raise Http404
    as_of, _unconfirmed = AsOfForm(request.GET or None).values()
    events = list(_events(state__iso3=info.iso3)[: pdf.EVENTS])
    response = HttpResponse(pdf.build(info, events, as_of, _lang()), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="factsheet-{info.iso3}-{as_of}.pdf"'
    return response
