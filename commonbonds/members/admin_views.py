"""Staff screens of the members app inside the Wagtail admin that are not plain model views:
the review of an application, the import of organisations, the handover of a focal point."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from commonbonds.core.errors import DomainError

from . import actions
from .forms import HandoverForm, ImportForm, RejectForm
from .importing import COLUMNS
from .models import ApplicationStatus
from .queries import applications_visible_to, organisations_manageable_by

MAX_IMPORT_BYTES = 5 * 1024 * 1024


def review_application(request, pk):
    """Approve or reject one application (in the reviewer's scope; any other id is 404)."""
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("country", "commitments"), pk=pk
    )
    may_review = request.user.has_perm("members.review_membershipapplication", application)
    reject_form = RejectForm(request.POST if request.POST.get("decision") == "reject" else None)
    if request.method == "POST":
        if not may_review:
            return permission_denied(request)
        try:
            if request.POST.get("decision") == "approve":
                organisation = actions.approve_application(
                    acting_user=request.user,
                    application=application,
                    invite=request.POST.get("invite") == "on",
                )
                messages.success(
                    request, _("%(name)s is now a member.") % {"name": organisation.name_latin}
                )
                return redirect("membership_applications:index")
            if request.POST.get("decision") == "reject" and reject_form.is_valid():
                actions.reject_application(
                    acting_user=request.user,
                    application=application,
                    reason=reject_form.cleaned_data["reason"],
                )
                messages.success(request, _("The applicant is told of the decision."))
                return redirect("membership_applications:index")
        except DomainError as exc:
            messages.error(request, exc.message)
    duplicates = (
        actions.possible_duplicates(application)
        if application.status == ApplicationStatus.PENDING
        else []
    )
    return render(
        request,
        "members/admin/review.html",
        {
            "application": application,
            "duplicates": duplicates,
            "reject_form": reject_form,
            "may_review": may_review and application.status == ApplicationStatus.PENDING,
        },
    )


def import_organisations(request):
    if not request.user.has_perm("members.import_organisations"):
        return permission_denied(request)
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            form.add_error("file", _("The file is larger than 5 MB."))
        else:
            try:
                text = upload.read().decode("utf-8-sig")
            except UnicodeDecodeError:
                form.add_error("file", _("Save the file as UTF-8 text (CSV) and try again."))
            else:
                try:
                    report = actions.import_organisations(
                        acting_user=request.user,
                        text=text,
                        filename=upload.name,
                        accept_warnings=form.cleaned_data["accept_warnings"],
                    )
                except actions.ImportRefused as exc:
                    form.add_error(None, exc.message)
                    report = exc.report
                else:
                    messages.success(
                        request,
                        _("%(count)s organisations imported.") % {"count": len(report.created)},
                    )
                    return redirect("members_organisations:index")
    return render(
        request,
        "members/admin/import.html",
        {"form": form, "report": report, "columns": COLUMNS},
    )


def hand_over(request, pk):
    """Hand over a focal point's roles (staff in whose scope the organisation is; else 404)."""
    organisation = get_object_or_404(organisations_manageable_by(request.user), pk=pk)
    if not request.user.has_perm("members.hand_over_focal_point", organisation):
        raise Http404
    form = HandoverForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            actions.hand_over_focal_point(
                acting_user=request.user,
                organisation=organisation,
                from_person=form.cleaned_data["from_person"],
                to_person=form.cleaned_data["to_person"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("The roles are handed over; both people are told by email.")
            )
            return redirect("members_organisations:index")
    return render(
        request, "members/admin/handover.html", {"form": form, "organisation": organisation}
    )
