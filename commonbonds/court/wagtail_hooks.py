"""Staff screens of the Court, grouped under "The Court" in the Wagtail admin.

Every save and removal goes through `court/actions.py` (validation, audit log, the election's
revision); imported data is corrected, never deleted. An election's page ("Inspect") shows its
results as the public sees them, with the buttons to enter a ballot, send questionnaire links
and approve answers (`court/admin_views.py`).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpResponseRedirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy

from commonbonds.core.errors import DomainError

from . import actions, admin_views, results
from .admin_forms import (
    CandidateDocumentForm,
    CandidateForm,
    CaseForm,
    DatasetForm,
    ElectionForm,
    QuestionForm,
    RemainingJudgeForm,
    SessionForm,
    SituationForm,
)
from .models import (
    AssemblySession,
    BudgetFigure,
    Candidate,
    CandidateDocument,
    Case,
    CourtDataset,
    Election,
    Question,
    QuestionnaireResponse,
    RemainingJudge,
    Situation,
)


class RefusingPolicy(ModelPermissionPolicy):
    """The model permissions, minus the actions refused for this kind of data."""

    refused: frozenset[str] = frozenset({"delete"})

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in self.refused and super().user_has_permission_for_instance(
            user, action, instance
        )


def policy(refused: set[str]):
    return type("Policy", (RefusingPolicy,), {"refused": frozenset(refused)})


class ActionFormMixin:
    """Save through an action; a DomainError becomes an error at the top of the form."""

    def save_through_action(self):
        raise NotImplementedError

    def save_instance(self):
        return self.save_through_action()

    def form_valid(self, form):
        self.form = form
        try:
            self.object = self.save_instance()
        except DomainError as exc:
            form.add_error(None, str(exc))
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


class ActionDeleteView(generic.DeleteView):
    """Remove through an action; a DomainError is shown and nothing is removed."""

    remove = None  # the action, called with acting_user= and the object's keyword

    def form_valid(self, form):
        success_url = self.get_success_url()
        try:
            self.delete_action()
        except DomainError as exc:
            messages.error(self.request, str(exc))
            return HttpResponseRedirect(self.request.get_full_path())
        messages.success(self.request, self.get_success_message())
        return HttpResponseRedirect(success_url)


def _create_view(save):
    class View(ActionFormMixin, generic.CreateView):
        def save_through_action(self):
            return save(self, None)

    return View


def _edit_view(save):
    class View(ActionFormMixin, generic.EditView):
        def save_through_action(self):
            return save(self, self.object)

    return View


def _delete_view(remove):
    class View(ActionDeleteView):
        def delete_action(self):
            remove(self.request.user, self.object)

    return View


class CourtViewSet(ModelViewSet):
    search_backend_name = None
    copy_view_enabled = False
    refused: set[str] = {"delete"}
    court_form = None

    def get_form_class(self, for_update=False):
        return self.court_form or super().get_form_class(for_update)

    @cached_property
    def permission_policy(self):
        return policy(self.refused)(self.model)


# -- situations, cases, sessions, datasets ---------------------------------------------------


class SituationViewSet(CourtViewSet):
    model = Situation
    url_prefix = "court/situation"
    icon = "folder-open-inverse"
    menu_label = _("Situations")
    court_form = SituationForm
    add_view_class = _create_view(
        lambda v, obj: actions.save_situation(acting_user=v.request.user, values=v.form.values())
    )
    edit_view_class = _edit_view(
        lambda v, obj: actions.save_situation(
            acting_user=v.request.user, values=v.form.values(), situation=obj
        )
    )
    list_display = ["name", "state", "stage", "trigger", "edited_by_staff"]
    list_filter = ["stage", "trigger", "edited_by_staff"]
    search_fields = ["name", "state__name_en", "notes"]


class CaseViewSet(CourtViewSet):
    model = Case
    url_prefix = "court/case"
    icon = "doc-full"
    menu_label = _("Cases")
    court_form = CaseForm
    add_view_class = _create_view(
        lambda v, obj: actions.save_case(acting_user=v.request.user, values=v.form.values())
    )
    edit_view_class = _edit_view(
        lambda v, obj: actions.save_case(
            acting_user=v.request.user, values=v.form.values(), case=obj
        )
    )
    list_display = ["name", "situation", "status", "edited_by_staff"]
    list_filter = ["status", "edited_by_staff"]
    search_fields = ["name", "defendants", "notes"]


class SessionViewSet(CourtViewSet):
    model = AssemblySession
    url_prefix = "court/session"
    icon = "date"
    menu_label = _("Sessions of the Assembly")
    court_form = SessionForm
    refused = {"delete", "add"}
    edit_view_class = _edit_view(
        lambda v, obj: actions.correct_session(
            acting_user=v.request.user, session=obj, values=v.form.values()
        )
    )
    list_display = ["key", "kind", "start_date", "end_date", "city", "edited_by_staff"]
    list_filter = ["kind"]
    search_fields = ["number", "city", "notes"]


class DatasetViewSet(CourtViewSet):
    model = CourtDataset
    url_prefix = "court/dataset"
    icon = "table"
    menu_label = _("Datasets (data as of)")
    court_form = DatasetForm
    refused = {"delete", "add"}
    edit_view_class = _edit_view(
        lambda v, obj: actions.update_dataset(
            acting_user=v.request.user, dataset=obj, data_as_of=v.form.cleaned_data["data_as_of"]
        )
    )
    list_display = ["key", "data_as_of", "rows", "imported_at", "staff_updated_at"]


class BudgetFigureViewSet(CourtViewSet):
    """Read here; new years are entered with "Enter a budget year" (an action)."""

    model = BudgetFigure
    url_prefix = "court/budget"
    icon = "form"
    menu_label = _("Budget figures")
    refused = {"delete", "add", "change"}
    list_display = ["year", "programme", "stage", "amount_eur", "edited_by_staff"]
    list_filter = ["year", "stage", "programme"]
    inspect_view_enabled = True
    index_template_name = "court/admin/budget_index.html"
    form_fields = ["year"]


# -- elections ---------------------------------------------------------------------------------


class ElectionInspectView(generic.InspectView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        election = self.object
        user = self.request.user
        context.update(
            {
                "results": results.results_for(election),
                "candidates": list(
                    election.candidates.select_related("nationality").prefetch_related(
                        "questionnaire"
                    )
                ),
                "judges": list(election.remaining_judges.select_related("nationality")),
                "questions": list(election.questions.all()),
                "may_enter_round": user.has_perm("court.enter_round", election),
                "may_send_links": user.has_perm("court.issue_questionnaire_link"),
                "may_approve": user.has_perm("court.approve_questionnaire"),
            }
        )
        return context


def _save_election(view, obj):
    values = view.form.values()
    if view.form.cleaned_data.get("count_parties"):
        from django.utils import timezone

        from .queries import states_parties_by_group

        day = values.get("nomination_start") or timezone.localdate()
        counts = states_parties_by_group(day)
        for code in (
            "african",
            "asia_pacific",
            "eastern_european",
            "latin_american_caribbean",
            "western_european_other",
        ):
            values[f"parties_{code}"] = counts.get(code, 0)
    return actions.save_election(acting_user=view.request.user, values=values, election=obj)


class ElectionViewSet(CourtViewSet):
    model = Election
    url_prefix = "court/election"
    icon = "group"
    menu_label = _("Elections")
    court_form = ElectionForm
    add_view_class = _create_view(_save_election)
    edit_view_class = _edit_view(_save_election)
    inspect_view_enabled = True
    inspect_view_class = ElectionInspectView
    inspect_template_name = "court/admin/election_inspect.html"
    list_display = ["__str__", "kind", "year", "seats", "published", "is_demo"]
    list_filter = ["kind", "published", "is_demo"]
    search_fields = ["title", "slug"]


def _election_child(
    model_, prefix, label, icon, form, save, remove, display, filters=("election",)
):
    attrs = {
        "model": model_,
        "url_prefix": prefix,
        "menu_label": label,
        "icon": icon,
        "court_form": form,
        "refused": set(),
        "add_view_class": _create_view(save),
        "edit_view_class": _edit_view(save),
        "delete_view_class": _delete_view(remove),
        "list_display": display,
        "list_filter": list(filters),
        "search_fields": ["name"] if hasattr(model_, "name") else [],
    }
    return type(f"{model_.__name__}ViewSet", (CourtViewSet,), attrs)


CandidateViewSet = _election_child(
    Candidate,
    "court/candidate",
    _("Candidates"),
    "user",
    CandidateForm,
    lambda v, obj: actions.save_candidate(
        acting_user=v.request.user,
        election=obj.election if obj else v.form.cleaned_data["election"],
        values=v.form.values(),
        candidate=obj,
    ),
    lambda user, obj: actions.remove_candidate(acting_user=user, candidate=obj),
    ["name", "election", "judge_list", "gender", "regional_group", "nationality"],
    filters=("election", "judge_list", "gender", "regional_group"),
)
RemainingJudgeViewSet = _election_child(
    RemainingJudge,
    "court/judge",
    _("Remaining judges"),
    "user",
    RemainingJudgeForm,
    lambda v, obj: actions.save_remaining_judge(
        acting_user=v.request.user,
        election=obj.election if obj else v.form.cleaned_data["election"],
        values=v.form.values(),
        judge=obj,
    ),
    lambda user, obj: actions.remove_remaining_judge(acting_user=user, judge=obj),
    ["name", "election", "judge_list", "gender", "regional_group", "nationality"],
)
CandidateDocumentViewSet = _election_child(
    CandidateDocument,
    "court/document",
    _("Candidate documents"),
    "doc-full-inverse",
    CandidateDocumentForm,
    lambda v, obj: actions.save_candidate_document(
        acting_user=v.request.user,
        candidate=obj.candidate if obj else v.form.cleaned_data["candidate"],
        values=v.form.values(),
        document=obj,
    ),
    lambda user, obj: actions.remove_candidate_document(acting_user=user, document=obj),
    ["title", "candidate", "language"],
    filters=("candidate",),
)
QuestionViewSet = _election_child(
    Question,
    "court/question",
    _("Questionnaire questions"),
    "help",
    QuestionForm,
    lambda v, obj: actions.save_question(
        acting_user=v.request.user,
        election=obj.election if obj else v.form.cleaned_data["election"],
        values=v.form.values(),
        question=obj,
    ),
    lambda user, obj: actions.remove_question(acting_user=user, question=obj),
    ["__str__", "election", "position"],
)


class ResponseViewSet(CourtViewSet):
    """Answers are read here and approved or reopened from the election's page."""

    model = QuestionnaireResponse
    url_prefix = "court/response"
    icon = "edit"
    menu_label = _("Questionnaire answers")
    refused = {"delete", "add", "change"}
    list_display = ["candidate", "status", "language", "submitted_at", "approved_at"]
    list_filter = ["status"]
    inspect_view_enabled = True
    inspect_template_name = "court/admin/response_inspect.html"
    form_fields = ["status"]


class CourtGroup(ModelViewSetGroup):
    menu_label = _("The Court")
    menu_icon = "group"
    menu_order = 310
    items = (
        ElectionViewSet("court_election"),
        CandidateViewSet("court_candidate"),
        RemainingJudgeViewSet("court_remainingjudge"),
        CandidateDocumentViewSet("court_candidatedocument"),
        QuestionViewSet("court_question"),
        ResponseViewSet("court_questionnaireresponse"),
        SituationViewSet("court_situation"),
        CaseViewSet("court_case"),
        BudgetFigureViewSet("court_budgetfigure"),
        SessionViewSet("court_assemblysession"),
        DatasetViewSet("court_courtdataset"),
    )


@hooks.register("register_admin_viewset")
def register_court():
    return CourtGroup()


@hooks.register("register_admin_urls")
def register_court_admin_urls():
    return [
        path("court/enter-budget-year/", admin_views.enter_budget_year, name="court_budget_year"),
        path("court/election/<int:pk>/ballot/", admin_views.enter_round, name="court_enter_round"),
        path(
            "court/election/<int:pk>/ballot/correct/",
            admin_views.enter_round,
            {"correct": True},
            name="court_correct_round",
        ),
        path(
            "court/election/<int:pk>/ballot/remove/",
            admin_views.remove_last_round,
            name="court_remove_round",
        ),
        path(
            "court/candidate/<int:pk>/questionnaire-link/",
            admin_views.issue_link,
            name="court_issue_link",
        ),
        path(
            "court/response/<int:pk>/<str:decision>/",
            admin_views.decide_response,
            name="court_decide_response",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_budget_menu_item():
    return PermissionMenuItem(
        _("Enter a budget year"),
        reverse("court_budget_year"),
        icon_name="form",
        order=311,
        permission="court.enter_budget_year",
    )
