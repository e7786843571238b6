"""Public pages of the Court: situations, cases, the budget, elections and questionnaires.

Views stay thin: they read through `court/queries.py` and `court/results.py` and change
nothing except through `court/actions.py` (the candidate's questionnaire form).
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import condition, require_GET

from commonbonds.core.errors import DomainError
from commonbonds.core.forms_protection import count_attempt, honeypot_tripped
from commonbonds.treaties.models import State, current_language

from . import actions, charts, queries, results
from .forms import CaseFilterForm, QuestionnaireForm, SituationFilterForm
from .models import (
    BudgetStage,
    Case,
    DatasetKey,
    Election,
    Programme,
    QuestionnaireResponse,
    ResponseStatus,
    Situation,
    SituationStage,
)

#: Seconds between two refreshes of the live election page (htmx polling).
LIVE_POLL_SECONDS = 30
QUESTIONNAIRE_RATE_LIMIT = (30, 3600)


def state_url(state) -> str:
    """The state's page: the treaty app's when it exists (issue 4), else the Court's own."""
    try:
        return reverse("treaties:state", args=[state.iso3])
    except NoReverseMatch:
        return reverse("court:state", args=[state.iso3])


def _lang() -> str:
    return current_language()


# -- overview ---------------------------------------------------------------------------------


@require_GET
def overview(request):
    counts = queries.stage_counts()
    years = queries.approved_years()
    latest = next((y for y in reversed(years) if y.known), None)
    context = {
        "title": _("The International Criminal Court"),
        "stage_rows": [(code, label, counts[code]) for code, label in SituationStage.choices],
        "court_section": "overview",
        "ongoing_cases": queries.cases(ongoing=True).count(),
        "all_cases": Case.objects.count(),
        "latest_budget": latest,
        "elections": list(queries.public_elections()[:4]),
        "datasets": queries.data_as_of(),
    }
    return render(request, "court/overview.html", context)


# -- situations --------------------------------------------------------------------------------


@require_GET
def situation_list(request):
    form = SituationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list(
        queries.situations(
            stage=filters.get("stage", ""),
            trigger=filters.get("trigger", ""),
            q=filters.get("q", ""),
        )
    )
    for situation in rows:
        situation.display = situation.title(_lang())
        situation.state_link = state_url(situation.state)
    return render(
        request,
        "court/situation_list.html",
        {
            "court_section": "situations",
            "title": _("Situations and preliminary examinations"),
            "form": form,
            "situations": rows,
            "filtered": bool(request.GET),
            "dataset": queries.data_as_of(DatasetKey.SITUATIONS).get(DatasetKey.SITUATIONS),
        },
    )


@require_GET
def situation_detail(request, slug: str):
    situation = get_object_or_404(Situation.objects.select_related("state"), slug=slug)
    cases = list(situation.cases.order_by("position"))
    return render(
        request,
        "court/situation_detail.html",
        {
            "court_section": "situations",
            "title": situation.title(_lang()),
            "situation": situation,
            "english_name": situation.title_is_english(_lang()),
            "timeline": queries.situation_timeline(situation),
            "cases": cases,
            "state_link": state_url(situation.state),
            "other_situations": [
                s for s in queries.situations_for_state(situation.state) if s.pk != situation.pk
            ],
            "dataset": queries.data_as_of(DatasetKey.SITUATIONS).get(DatasetKey.SITUATIONS),
        },
    )


# -- cases ------------------------------------------------------------------------------------


@require_GET
def case_list(request):
    form = CaseFilterForm(request.GET or None, lang=_lang())
    filters = form.cleaned_data if form.is_valid() else {}
    rows = list(
        queries.cases(
            status=filters.get("status", ""),
            situation=filters.get("situation", ""),
            q=filters.get("q", ""),
            ongoing=bool(filters.get("ongoing")),
        )
    )
    for case in rows:
        case.situation_display = case.situation.title(_lang())
    return render(
        request,
        "court/case_list.html",
        {
            "court_section": "cases",
            "title": _("Cases"),
            "form": form,
            "cases": rows,
            "filtered": bool(request.GET),
            "dataset": queries.data_as_of(DatasetKey.CASES).get(DatasetKey.CASES),
        },
    )


@require_GET
def case_detail(request, slug: str):
    case = get_object_or_404(
        Case.objects.select_related("situation", "situation__state"), slug=slug
    )
    timeline, defendants, problem = queries.case_timeline(case)
    return render(
        request,
        "court/case_detail.html",
        {
            "court_section": "cases",
            "title": case.name,
            "case": case,
            "situation_display": case.situation.title(_lang()),
            "timeline": timeline,
            "defendants": defendants,
            "timeline_problem": problem,
            "dataset": queries.data_as_of(DatasetKey.CASES).get(DatasetKey.CASES),
        },
    )


# -- the budget ----------------------------------------------------------------------------------


@require_GET
def budget(request):
    years = queries.approved_years()
    breakdown_years, breakdown = queries.programme_breakdown()
    return render(
        request,
        "court/budget.html",
        {
            "court_section": "budget",
            "title": _("The budget of the Court"),
            "years": years,
            "chart": charts.budget_chart(years),
            "breakdown_years": breakdown_years,
            "breakdown": breakdown,
            "stages": queries.budget_stages(),
            "stage_labels": BudgetStage.labels,
            "sources": queries.budget_sources(),
            "programme_total": Programme.TOTAL.label,
            "dataset": queries.data_as_of(DatasetKey.BUDGET).get(DatasetKey.BUDGET),
        },
    )


# -- states ---------------------------------------------------------------------------------------


@require_GET
def state_situations(request, iso3: str):
    """The Court and one state: its situations. Until the state pages of the treaty app
    exist (issue 4), this page carries the include they will show."""
    state = get_object_or_404(State, iso3=iso3.upper())
    return render(
        request,
        "court/state.html",
        {
            "title": _("The Court and %(state)s") % {"state": state.name(_lang())},
            "state": state,
        },
    )


# -- elections -----------------------------------------------------------------------------------


def _election_etag(request, slug: str, *args, **kwargs) -> str | None:
    row = (
        Election.objects.filter(slug=slug, published=True)
        .values_list("pk", "revision", "is_demo")
        .first()
    )
    if row is None:
        return None
    parts = (
        str(row),
        request.path,
        translation.get_language(),
        str(request.user.is_authenticated),
        str(getattr(settings, "CB_DEMO", False)),
        request.GET.urlencode(),
        "3",  # bumped when the templates change what they show
    )
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]


def _revalidate(response):
    """Caches keep the page but ask each time (ETag): results change during a session."""
    patch_cache_control(response, max_age=0, must_revalidate=True, private=True)
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    return response


@require_GET
def election_list(request):
    return render(
        request,
        "court/election_list.html",
        {
            "title": _("Elections"),
            "elections": list(queries.public_elections()),
            "court_section": "elections",
        },
    )


def _election_context(election: Election) -> dict:
    outcome = results.results_for(election)
    candidates = list(
        election.candidates.select_related("nationality", "nominating_state").prefetch_related(
            "documents"
        )
    )
    for candidate in candidates:
        candidate.country = candidate.nationality_name(_lang())
        candidate.nominated_by = (
            candidate.nominating_state.name(_lang()) if candidate.nominating_state_id else ""
        )
    return {
        "election": election,
        "results": outcome,
        "candidates": candidates,
        "elected_ids": {c.pk for c in outcome.elected},
        "judges": [
            (judge, judge.nationality_name(_lang()))
            for judge in election.remaining_judges.select_related("nationality")
        ],
        "poll_seconds": LIVE_POLL_SECONDS,
        "court_section": "elections",
        "has_answers": QuestionnaireResponse.objects.filter(
            candidate__election=election, status=ResponseStatus.APPROVED
        ).exists(),
    }


@require_GET
@condition(etag_func=_election_etag)
def election_detail(request, slug: str):
    election = queries.public_election(slug)
    context = _election_context(election)
    context["title"] = election.display_title()
    return _revalidate(render(request, "court/election_detail.html", context))


@require_GET
@condition(etag_func=_election_etag)
def election_live(request, slug: str):
    """The results fragment the live page polls (htmx). 204 when nothing changed since the
    revision the page shows, so a poll costs one small query."""
    revision = (
        Election.objects.filter(slug=slug, published=True)
        .values_list("revision", flat=True)
        .first()
    )
    if revision is not None and request.GET.get("revision") == str(revision):
        return _revalidate(HttpResponse(status=204))
    election = queries.public_election(slug)
    context = _election_context(election)
    context["fragment"] = True
    return _revalidate(render(request, "court/includes/election_live.html", context))


@require_GET
@condition(etag_func=_election_etag)
def election_questionnaire(request, slug: str):
    """Every approved answer, side by side per question."""
    election = queries.public_election(slug)
    questions = list(election.questions.all())
    responses = list(
        QuestionnaireResponse.objects.filter(
            candidate__election=election, status=ResponseStatus.APPROVED
        )
        .select_related("candidate")
        .prefetch_related("answers")
        .order_by("candidate__position", "candidate__name")
    )
    answered = {r.candidate_id for r in responses}
    lang = _lang()
    table = []
    for question in questions:
        cells = []
        for response in responses:
            answer = next((a for a in response.answers.all() if a.question_id == question.pk), None)
            cells.append({"response": response, "text": answer.text if answer else ""})
        table.append(
            {
                "question": question.text(lang),
                "question_lang": question.text_language(lang),
                "cells": cells,
            }
        )
    return _revalidate(
        render(
            request,
            "court/election_questionnaire.html",
            {
                "court_section": "elections",
                "title": _("Questionnaire: %(election)s") % {"election": election.display_title()},
                "election": election,
                "table": table,
                "responses": responses,
                "unanswered": list(election.candidates.exclude(pk__in=answered)),
            },
        )
    )


# -- the candidate's private questionnaire form ---------------------------------------------------

RATE_LIMITED = gettext_lazy("Too many attempts from your network; please try again later.")


@never_cache
def questionnaire_answer(request, token: str):
    """The candidate answers through the private link: no account, the signed link is theirs."""
    try:
        candidate = actions.open_questionnaire(token)
    except DomainError as exc:
        return render(
            request,
            "court/questionnaire_invalid.html",
            {"title": _("Questionnaire"), "message": exc.message},
            status=410,
        )
    election = candidate.election
    lang = _lang()
    questions = list(election.questions.all())
    response = QuestionnaireResponse.objects.filter(candidate=candidate).first()
    readonly = response is not None and response.status != ResponseStatus.DRAFT
    initial = {"language": response.language if response else lang}
    if response:
        for answer in response.answers.all():
            initial[f"q{answer.question_id}"] = answer.text
    form = QuestionnaireForm(
        request.POST if request.method == "POST" and not readonly else None,
        initial=initial,
        questions=questions,
        lang=lang,
        readonly=readonly,
    )
    status = 200
    if request.method == "POST" and not readonly:
        if honeypot_tripped(request):
            return redirect(request.path)
        limit, window = QUESTIONNAIRE_RATE_LIMIT
        if count_attempt(request, "court.questionnaire", limit=limit, window=window):
            form.is_valid()
            form.add_error(None, RATE_LIMITED)
            status = 429
        elif form.is_valid():
            submit = "submit" in request.POST
            try:
                actions.save_answers(
                    token=token,
                    answers=form.answers(),
                    language=form.cleaned_data["language"],
                    submit=submit,
                )
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                from django.contrib import messages

                messages.success(
                    request,
                    _(
                        "Thank you: your answers were sent. The coalition will publish them once "
                        "it has checked them."
                    )
                    if submit
                    else _(
                        "Your answers are saved. You can come back to this page with the same link."
                    ),
                )
                return redirect(request.path)
    response_obj = render(
        request,
        "court/questionnaire_answer.html",
        {
            "title": _("Questionnaire: %(election)s") % {"election": election.display_title()},
            "candidate": candidate,
            "election": election,
            "form": form,
            "response": response,
            "readonly": readonly,
        },
        status=status,
    )
    response_obj["X-Robots-Tag"] = "noindex, nofollow"
    # The link is the candidate's key: never sent to another site (same-origin keeps the
    # Origin header the form's CSRF check needs).
    response_obj["Referrer-Policy"] = "same-origin"
    return response_obj
