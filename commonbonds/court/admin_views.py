"""Staff screens of the Court that are not a model's list or form: entering a budget year,
entering (or correcting, or removing) a ballot, sending questionnaire links, approving answers.

Each checks its permission (on the object where there is one), calls one action, and turns a
DomainError into a form error or an error message.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied

from commonbonds.core.errors import DomainError

from . import actions, results
from .forms import BudgetYearForm, RoundForm
from .models import BudgetFigure, Candidate, Election, QuestionnaireResponse


def _inspect_url(election: Election) -> str:
    return reverse("court_election:inspect", args=[election.pk])


def enter_budget_year(request):
    if not request.user.has_perm("court.enter_budget_year"):
        return permission_denied(request)
    form = BudgetYearForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            figures = actions.enter_budget_year(
                acting_user=request.user,
                year=form.cleaned_data["year"],
                stage=form.cleaned_data["stage"],
                amounts=form.amounts(),
                source_url=form.cleaned_data["source_url"],
                note=form.cleaned_data["note"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("The figures of %(year)s are saved (%(count)s amounts).")
                % {"year": form.cleaned_data["year"], "count": len(figures)},
            )
            return redirect("court_budget_year")
    recent = BudgetFigure.objects.order_by("-year", "stage", "programme")[:30]
    return render(
        request,
        "court/admin/budget_year.html",
        {"form": form, "recent": recent},
    )


def enter_round(request, pk: int, correct: bool = False):
    election = get_object_or_404(Election, pk=pk)
    if not request.user.has_perm("court.enter_round", election):
        return permission_denied(request)
    current = results.results_for(election)
    last = election.rounds.order_by("-number").first()
    if correct and last is None:
        messages.error(request, _("There is no ballot to correct."))
        return redirect(_inspect_url(election))
    candidates = list(election.candidates.filter(withdrawn_before_voting=False))
    if correct:
        # The candidates of the ballot being corrected: those it gave votes to, or everyone.
        on_ballot = candidates
        initial = {
            "ballot_papers": last.ballot_papers,
            "invalid": last.invalid,
            "abstentions": last.abstentions,
            "note": last.note,
            "withdrawals": [str(c.pk) for c in last.withdrawals.all()],
            "declared_elected": [str(c.pk) for c in last.declared_elected.all()],
        }
        initial.update({f"votes_{v.candidate_id}": v.votes for v in last.votes.all()})
    else:
        elected = {c.pk for c in current.elected}
        if current.next is not None:
            on_ballot = current.next.on_ballot
        else:
            on_ballot = [c for c in candidates if c.pk not in elected]
        initial = {}
    number = last.number if correct else (last.number + 1 if last else 1)
    initial["number"] = number
    elected_ids = {c.pk for c in current.elected}
    withdrawable = [c for c in candidates if c.pk not in elected_ids]
    form = RoundForm(
        request.POST or None,
        initial=initial,
        candidates=on_ballot,
        withdrawable=withdrawable,
        declarable=[] if election.uses_engine else withdrawable,
    )
    if request.method == "POST" and form.is_valid():
        try:
            round_ = actions.enter_round(
                acting_user=request.user,
                election=election,
                ballot_papers=form.cleaned_data["ballot_papers"],
                invalid=form.cleaned_data["invalid"] or 0,
                abstentions=form.cleaned_data["abstentions"] or 0,
                votes=form.votes(),
                withdrawals=form.ids("withdrawals"),
                declared_elected=form.ids("declared_elected"),
                note=form.cleaned_data["note"],
                correct_last=correct,
                number=form.cleaned_data["number"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request,
                _("Ballot %(number)s is saved; the public page shows it now.")
                % {"number": round_.number},
            )
            return redirect(_inspect_url(election))
    return render(
        request,
        "court/admin/enter_round.html",
        {
            "election": election,
            "form": form,
            "results": current,
            "correct": correct,
            "heading": (_("Correct ballot %(number)s") if correct else _("Enter ballot %(number)s"))
            % {"number": number},
            "inspect_url": _inspect_url(election),
        },
    )


def remove_last_round(request, pk: int):
    election = get_object_or_404(Election, pk=pk)
    if not request.user.has_perm("court.enter_round", election):
        return permission_denied(request)
    last = election.rounds.order_by("-number").first()
    if request.method == "POST":
        try:
            actions.remove_last_round(acting_user=request.user, election=election)
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("The last ballot is removed."))
        return redirect(_inspect_url(election))
    return render(
        request,
        "court/admin/remove_round.html",
        {"election": election, "last": last, "inspect_url": _inspect_url(election)},
    )


@require_POST
def issue_link(request, pk: int):
    candidate = get_object_or_404(Candidate.objects.select_related("election"), pk=pk)
    if not request.user.has_perm("court.issue_questionnaire_link", candidate):
        return permission_denied(request)
    try:
        url = actions.issue_questionnaire_link(acting_user=request.user, candidate=candidate)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        if candidate.email:
            messages.success(
                request,
                _(
                    "A new questionnaire link is emailed to %(name)s. Earlier links no longer "
                    "work. The link: %(url)s"
                )
                % {"name": candidate.name, "url": url},
            )
        else:
            messages.success(
                request,
                _(
                    "%(name)s has no email address: send them this link yourself (earlier links "
                    "no longer work): %(url)s"
                )
                % {"name": candidate.name, "url": url},
            )
    return redirect(_inspect_url(candidate.election))


@require_POST
def decide_response(request, pk: int, decision: str):
    response = get_object_or_404(
        QuestionnaireResponse.objects.select_related("candidate__election"), pk=pk
    )
    if decision not in ("approve", "reopen"):
        return permission_denied(request)
    if not request.user.has_perm("court.approve_questionnaire", response):
        return permission_denied(request)
    action = (
        actions.approve_questionnaire if decision == "approve" else actions.reopen_questionnaire
    )
    try:
        action(acting_user=request.user, response=response)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        message = (
            _("The answers of %(name)s are published.")
            if decision == "approve"
            else _("The questionnaire of %(name)s is open again for changes.")
        )
        messages.success(request, message % {"name": response.candidate.name})
    return redirect(_inspect_url(response.candidate.election))
