"""Staff screens for the treaty data, grouped under "Treaties" in the Wagtail admin.

Every save goes through an action of `treaties/actions.py` (validation against the treaty
rules, audit log, cache refresh); nothing is ever deleted: a wrong event is retracted. Each
state's page ("Inspect") shows where it stands today, its events and its history of edits.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy

from commonbonds.core.errors import DomainError
from commonbonds.core.models import AuditEntry

from . import actions, snapshot
from .forms import ImplementingLegislationForm, InstrumentForm, StateForm, TreatyEventForm
from .models import ImplementingLegislation, Instrument, State, Status, TreatyEvent


class NoDeletePolicy(ModelPermissionPolicy):
    """Treaty data is corrected or retracted, never deleted."""

    refused = frozenset({"delete"})

    def user_has_permission(self, user, action):
        return action not in self.refused and super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return action not in self.refused and super().user_has_permission_for_instance(
            user, action, instance
        )


class CorrectOnlyPolicy(NoDeletePolicy):
    """States and instruments come from the data files: staff correct them, never add them."""

    refused = frozenset({"delete", "add"})


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
            self.produced_error_message = str(exc)
            return self.form_invalid(form)
        response = self.save_action()
        hook_response = self.run_after_hook()
        return hook_response if hook_response is not None else response


# -- events ----------------------------------------------------------------------------------


class EventCreateView(ActionFormMixin, generic.CreateView):
    def save_through_action(self):
        return actions.record_treaty_event(
            acting_user=self.request.user,
            data=self.form.event_data(),
            reason=self.form.cleaned_data.get("reason", ""),
        )


class EventEditView(ActionFormMixin, generic.EditView):
    def save_through_action(self):
        return actions.record_treaty_event(
            acting_user=self.request.user,
            data=self.form.event_data(),
            event_id=self.object.event_id,
            reason=self.form.cleaned_data.get("reason", ""),
        )


class TreatyEventViewSet(ModelViewSet):
    model = TreatyEvent
    url_prefix = "treaties/event"
    icon = "date"
    menu_label = _("Treaty events")
    add_view_class = EventCreateView
    edit_view_class = EventEditView
    list_display = [
        "event_id",
        "state",
        "instrument",
        "action",
        "date",
        "known_by",
        "confirmed",
        "edited_by_staff",
        "retracted",
    ]
    list_filter = ["instrument", "action", "confirmed", "edited_by_staff", "retracted"]
    search_fields = ["event_id", "note", "state__name_en", "state__iso3"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return TreatyEventForm

    @cached_property
    def permission_policy(self):
        return NoDeletePolicy(self.model)


# -- states ------------------------------------------------------------------------------------


class StateEditView(ActionFormMixin, generic.EditView):
    def save_through_action(self):
        values = {f: self.form.cleaned_data[f] for f in StateForm.Meta.fields}
        return actions.correct_state(
            acting_user=self.request.user, state=self.object, values=values
        )


class StateInspectView(generic.InspectView):
    """The state with where it stands today, its events and its history of edits."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        state = self.object
        snap = snapshot.current()
        today = timezone.localdate()
        standings = []
        for slug, instrument in snap.instruments.items():
            found = snap.index.standing(slug, state.iso3, today)
            if found is not None:
                standings.append(
                    {
                        "instrument": instrument,
                        "status": Status(found.status.value).label,
                        "standing": found,
                    }
                )
        events = list(
            state.events.select_related("instrument").order_by(
                "instrument__position", "date", "known_by"
            )
        )
        legislation = list(state.legislation.all())
        content_types = ContentType.objects.get_for_models(
            State, TreatyEvent, ImplementingLegislation
        )
        history = AuditEntry.objects.filter(
            Q(content_type=content_types[State], object_id=str(state.pk))
            | Q(
                content_type=content_types[TreatyEvent],
                object_id__in=[str(e.pk) for e in events],
            )
            | Q(
                content_type=content_types[ImplementingLegislation],
                object_id__in=[str(x.pk) for x in legislation],
            )
        ).order_by("-created_at", "-id")[:200]
        context.update(
            {
                "today": today,
                "standings": standings,
                "events": events,
                "legislation": legislation,
                "history": history,
            }
        )
        return context


class StateViewSet(ModelViewSet):
    model = State
    url_prefix = "treaties/state"
    icon = "globe"
    menu_label = _("States")
    edit_view_class = StateEditView
    inspect_view_class = StateInspectView
    inspect_view_enabled = True
    inspect_template_name = "treaties/admin/state_inspect.html"
    list_display = ["name_en", "iso3", "un_member", "asp_regional_group", "edited_by_staff"]
    list_filter = ["un_member", "asp_regional_group", "edited_by_staff"]
    search_fields = ["name_en", "name_fr", "name_es", "name_ar", "iso3", "iso2"]
    search_backend_name = None
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return StateForm

    @cached_property
    def permission_policy(self):
        return CorrectOnlyPolicy(self.model)


# -- instruments -------------------------------------------------------------------------------


class InstrumentEditView(ActionFormMixin, generic.EditView):
    def save_through_action(self):
        values = {f: self.form.cleaned_data[f] for f in InstrumentForm.Meta.fields}
        return actions.correct_instrument(
            acting_user=self.request.user, instrument=self.object, values=values
        )


class InstrumentViewSet(ModelViewSet):
    model = Instrument
    url_prefix = "treaties/instrument"
    icon = "doc-full"
    menu_label = _("Instruments")
    edit_view_class = InstrumentEditView
    list_display = ["name", "slug", "depositary_ref", "data_complete_to", "edited_by_staff"]
    search_fields = ["name", "slug", "short_name"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = True

    def get_form_class(self, for_update=False):
        return InstrumentForm

    @cached_property
    def permission_policy(self):
        return CorrectOnlyPolicy(self.model)


# -- implementing legislation ------------------------------------------------------------------


def _legislation_values(form) -> dict:
    return {f: form.cleaned_data[f] for f in actions.LEGISLATION_FIELDS}


class LegislationCreateView(ActionFormMixin, generic.CreateView):
    def save_through_action(self):
        return actions.review_implementing_legislation(
            acting_user=self.request.user,
            state=self.form.cleaned_data["state"],
            kind=self.form.cleaned_data["kind"],
            values=_legislation_values(self.form),
        )


class LegislationEditView(ActionFormMixin, generic.EditView):
    def save_through_action(self):
        return actions.review_implementing_legislation(
            acting_user=self.request.user,
            state=self.form.cleaned_data["state"],
            kind=self.form.cleaned_data["kind"],
            values=_legislation_values(self.form),
            legislation=self.object,
        )


class ImplementingLegislationViewSet(ModelViewSet):
    model = ImplementingLegislation
    url_prefix = "treaties/legislation"
    icon = "clipboard-list"
    menu_label = _("Implementing legislation")
    add_view_class = LegislationCreateView
    edit_view_class = LegislationEditView
    list_display = ["state", "kind", "stage", "last_reviewed_by", "last_reviewed_at"]
    list_filter = ["kind", "stage"]
    search_fields = ["state__name_en", "state__iso3", "title"]
    search_backend_name = None
    copy_view_enabled = False

    def get_form_class(self, for_update=False):
        return ImplementingLegislationForm

    @cached_property
    def permission_policy(self):
        return NoDeletePolicy(self.model)


class TreatiesGroup(ModelViewSetGroup):
    menu_label = _("Treaties")
    menu_icon = "site"
    menu_order = 300
    items = (
        TreatyEventViewSet("treatyevent"),
        StateViewSet("state"),
        InstrumentViewSet("instrument"),
        ImplementingLegislationViewSet("implementinglegislation"),
    )


@hooks.register("register_admin_viewset")
def register_treaties():
    return TreatiesGroup()
