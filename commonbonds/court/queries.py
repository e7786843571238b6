"""Read-only questions about the Court's data, shared by the pages, the API and other apps.

Other apps call these rather than the models: a state page (issue 4) shows
`situations_for_state(state)` through the include `court/includes/state_situations.html`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from .keydates import PERSON_STATUS_LABELS, KeyDate, KeyDateError, parse_key_dates, person_statuses
from .models import (
    ONGOING_STATUSES,
    TOTALS,
    BudgetFigure,
    BudgetStage,
    Case,
    CourtDataset,
    Election,
    Programme,
    Situation,
    SituationStage,
)


def situations_for_state(state) -> QuerySet[Situation]:
    """The situations and preliminary examinations concerning `state` (a treaties.State, or
    its ISO3 code), oldest first, each with `case_count`."""
    iso3 = state if isinstance(state, str) else state.iso3
    return (
        Situation.objects.filter(state__iso3=iso3)
        .select_related("state")
        .annotate(case_count=Count("cases"))
        .order_by("opened_date", "investigation_opened_date", "closed_date", "position")
    )


def data_as_of(*keys: str) -> dict[str, CourtDataset]:
    """{dataset key: CourtDataset} for the keys asked (all when none)."""
    rows = CourtDataset.objects.all()
    if keys:
        rows = rows.filter(key__in=keys)
    return {d.key: d for d in rows}


# -- situations and cases ------------------------------------------------------------------------


def situations(*, stage: str = "", trigger: str = "", q: str = "") -> QuerySet[Situation]:
    rows = Situation.objects.select_related("state").annotate(case_count=Count("cases"))
    if stage:
        rows = rows.filter(stage=stage)
    if trigger:
        rows = rows.filter(trigger=trigger)
    if q:
        rows = rows.filter(
            Q(name__icontains=q)
            | Q(name_fr__icontains=q)
            | Q(name_es__icontains=q)
            | Q(name_ar__icontains=q)
            | Q(state__name_en__icontains=q)
            | Q(state__name_fr__icontains=q)
            | Q(state__name_es__icontains=q)
            | Q(state__name_ar__icontains=q)
            | Q(notes__icontains=q)
        )
    return rows.order_by("position", "name")


def stage_counts() -> dict[str, int]:
    counts = dict(Situation.objects.values_list("stage").annotate(n=Count("id")))
    return {stage: counts.get(stage, 0) for stage in SituationStage.values}


def cases(*, status: str = "", situation: str = "", q: str = "", ongoing: bool = False):
    rows = Case.objects.select_related("situation", "situation__state")
    if status:
        rows = rows.filter(status=status)
    if ongoing:
        rows = rows.filter(status__in=ONGOING_STATUSES)
    if situation:
        rows = rows.filter(situation__slug=situation)
    if q:
        rows = rows.filter(
            Q(name__icontains=q) | Q(defendants__icontains=q) | Q(notes__icontains=q)
        )
    return rows.order_by("position", "name")


@dataclass(frozen=True)
class Defendant:
    name: str
    status: str | None  # a status of this person's own, when an event says so
    status_label: str
    status_date: datetime.date | None


def case_timeline(case: Case) -> tuple[list[KeyDate], list[Defendant], str]:
    """(timeline, defendants, problem): the key dates read with their labels, each defendant
    with the status an event about them gives, and the problem if staff saved dates that no
    longer read (the page then shows the raw text)."""
    names = case.defendant_names()
    try:
        timeline = parse_key_dates(case.key_dates, names)
        problem = ""
    except KeyDateError as exc:
        timeline, problem = [], str(exc)
    own = person_statuses(timeline)
    defendants = []
    for name in names:
        status, day = own.get(name, (None, None))
        label = str(PERSON_STATUS_LABELS[status]) if status else ""
        defendants.append(Defendant(name, status, label, day))
    return timeline, defendants, problem


def situation_timeline(situation: Situation) -> list[tuple[datetime.date, str]]:
    from django.utils.translation import gettext as _

    items = []
    if situation.opened_date:
        if situation.trigger in ("state_referral", "security_council_referral"):
            label = _("Referral received or preliminary examination opened")
        else:
            label = _("Preliminary examination opened")
        items.append((situation.opened_date, label))
    if situation.investigation_opened_date:
        items.append((situation.investigation_opened_date, _("Investigation opened")))
    if situation.closed_date:
        if situation.stage == SituationStage.DECLINED:
            label = _("Prosecutor decided not to proceed")
        else:
            label = _("Preliminary examination closed")
        items.append((situation.closed_date, label))
    return sorted(items, key=lambda item: item[0])


# -- the budget ---------------------------------------------------------------------------------


@dataclass
class BudgetYear:
    year: int
    total: BudgetFigure | None
    total_excl_hsl: BudgetFigure | None

    @property
    def known(self) -> bool:
        return self.total is not None or self.total_excl_hsl is not None

    @property
    def sources(self) -> list[str]:
        return sorted({f.source_url for f in (self.total, self.total_excl_hsl) if f})


def approved_years() -> list[BudgetYear]:
    """Every year from the first to the last with an approved total, gaps included (a year
    with no confirmed figure has neither total)."""
    figures = BudgetFigure.objects.filter(stage=BudgetStage.APPROVED, programme__in=TOTALS)
    by_year: dict[int, dict[str, BudgetFigure]] = defaultdict(dict)
    for f in figures:
        by_year[f.year][f.programme] = f
    if not by_year:
        return []
    first, last = min(by_year), max(by_year)
    return [
        BudgetYear(
            year,
            by_year.get(year, {}).get(Programme.TOTAL),
            by_year.get(year, {}).get(Programme.TOTAL_EXCLUDING_HSL),
        )
        for year in range(first, last + 1)
    ]


def programme_breakdown() -> tuple[list[int], list[dict]]:
    """(years, rows): approved amounts by major programme for the years where the breakdown
    is known; each row {"programme", "label", "amounts": {year: amount or None}}."""
    figures = BudgetFigure.objects.filter(stage=BudgetStage.APPROVED).exclude(programme__in=TOTALS)
    table: dict[str, dict[int, int]] = defaultdict(dict)
    years: set[int] = set()
    for f in figures:
        table[f.programme][f.year] = f.amount_eur
        if f.programme != Programme.HOST_STATE_LOAN:
            years.add(f.year)
    # Years with the loan alone (2024) are not a breakdown: show them only with others.
    years_sorted = sorted(years)
    rows = []
    for programme in Programme:
        if programme in TOTALS or programme not in table:
            continue
        amounts = {y: table[programme].get(y) for y in years_sorted}
        if any(v is not None for v in amounts.values()):
            rows.append(
                {"programme": programme.value, "label": programme.label, "amounts": amounts}
            )
    return years_sorted, rows


def budget_stages() -> list[dict]:
    """Years with a proposal or a recommendation (entered by staff), with every stage's total."""
    years = sorted(
        set(BudgetFigure.objects.exclude(stage=BudgetStage.APPROVED).values_list("year", flat=True))
    )
    out = []
    for year in years:
        figures = BudgetFigure.objects.filter(year=year, programme__in=TOTALS)
        stages: dict[str, BudgetFigure] = {}
        for f in figures.order_by("programme"):
            # The total including the loan when known, else the total excluding it.
            if f.stage not in stages or f.programme == Programme.TOTAL:
                stages[f.stage] = f
        out.append({"year": year, "stages": [stages.get(s) for s in BudgetStage.values]})
    return out


def budget_sources() -> list[str]:
    return sorted(set(BudgetFigure.objects.values_list("source_url", flat=True)))


# -- elections ------------------------------------------------------------------------------------


def public_elections() -> QuerySet[Election]:
    return Election.objects.filter(published=True).select_related("session")


def public_election(slug: str) -> Election:
    from django.shortcuts import get_object_or_404

    return get_object_or_404(Election.objects.select_related("session"), slug=slug, published=True)


def states_parties_by_group(on: datetime.date) -> dict[str, int]:
    """{RegionalGroup code: States Parties to the Rome Statute on `on`}, from the treaty data
    (status party or withdrawal pending: every state the Statute binds that day)."""
    from commonbonds.treaties import snapshot

    snap = snapshot.current()
    counts: dict[str, int] = defaultdict(int)
    if "rome_statute" not in snap.instruments:
        return {}
    for iso3, standing in snap.standings("rome_statute", on).items():
        if standing.status.value in ("party", "withdrawal_pending"):
            group = snap.states[iso3].asp_regional_group if iso3 in snap.states else ""
            if group:
                counts[group] += 1
    return dict(counts)
