"""The members' staff screens in the Wagtail admin, grouped under "Members".

Every listing and every object view is narrowed to what the user may see before use
(`queries.*_visible_to`): a regional coordinator lists only their region's organisations, and
another region's id in a URL answers 404. Saves go through `members.actions`.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from commonbonds.core.errors import DomainError

from . import actions, admin_views
from .models import (
    CommitmentText,
    IssueTeam,
    MembershipApplication,
    Organisation,
    Person,
    Region,
    RegionalOffice,
    Role,
)
from .queries import (
    applications_visible_to,
    organisations_manageable_by,
    organisations_visible_to,
    people_visible_to,
    roles_visible_to,
)
from .rules import coordinated_states, has_every_region

# ---------------------------------------------------------------- scoping


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and for one object: is it in the user's scope?"""

    def __init__(self, model, scope, *, actions_allowed=None):
        super().__init__(model)
        self.scope = scope
        self.actions_allowed = actions_allowed

    def user_has_permission(self, user, action):
        if self.actions_allowed is not None and action not in self.actions_allowed:
            return False
        return super().user_has_permission(user, action)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scope(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.scope(user)
        return self.model._default_manager.none()


class ScopedMixin:
    scope = None  # set by the viewset: a function user -> queryset

    def scoped_queryset(self):
        return self.scope(self.request.user)


class ScopedIndexView(ScopedMixin, generic.IndexView):
    def get_base_queryset(self):
        return self.scoped_queryset()


class ScopedInspectView(ScopedMixin, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(self.scoped_queryset(), pk=unquote(str(self.pk)))


class ScopedHistoryView(ScopedMixin, HistoryView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ScopedUsageView(ScopedMixin, UsageView):
    def get_base_object_queryset(self):
        return self.scoped_queryset()


class ActionFormMixin:
    """Save through an action; a DomainError becomes a form error, and nothing is saved."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as exc:
            form.add_error(None, exc.message)
            self.produced_error_code = "validation_error"
            self.produced_error_message = str(exc.message)
            return self.form_invalid(form)


class ScopedEditView(ActionFormMixin, ScopedMixin, generic.EditView):
    def get_queryset(self):
        return self.scoped_queryset()


class ScopedCreateView(ActionFormMixin, generic.CreateView):
    pass


class ScopedDeleteView(ScopedMixin, generic.DeleteView):
    def get_queryset(self):
        return self.scoped_queryset()


class ScopedViewSet(ModelViewSet):
    scope = None  # user -> queryset
    actions_allowed = None
    copy_view_enabled = False
    inspect_view_enabled = True
    search_backend_name = None
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    edit_view_class = ScopedEditView
    add_view_class = ScopedCreateView
    delete_view_class = ScopedDeleteView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"scope": type(self).scope, **kwargs})

    @cached_property
    def permission_policy(self):
        return ScopedPermissionPolicy(
            self.model, type(self).scope, actions_allowed=self.actions_allowed
        )


def _everything(model):
    return lambda user: model._default_manager.all()


def _form_data(form, fields):
    return {name: form.cleaned_data[name] for name in fields if name in form.cleaned_data}


# ---------------------------------------------------------------- organisations


class OrganisationAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None:
            return
        if "national_coalition" in self.fields:
            self.fields["national_coalition"].queryset = organisations_visible_to(for_user).filter(
                type="national_coalition"
            )
        if "country" in self.fields and not (for_user.is_superuser or has_every_region(for_user)):
            field = self.fields["country"]
            field.queryset = field.queryset.filter(iso3__in=coordinated_states(for_user))


class OrganisationCreateView(ScopedCreateView):
    def save_instance(self):
        return actions.create_organisation(
            acting_user=self.request.user,
            data=_form_data(self.form, actions.ORGANISATION_FIELDS),
        )


class OrganisationEditView(ScopedEditView):
    def save_instance(self):
        return actions.update_organisation(
            acting_user=self.request.user,
            organisation=self.object,
            data=_form_data(self.form, actions.ORGANISATION_FIELDS),
        )


class OrganisationDeleteView(ScopedDeleteView):
    """Only the secretariat deletes; usually an organisation becomes a "former member"."""


class OrganisationIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("country")

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.request.user.has_perm("members.hand_over_focal_point", instance):
            buttons.append(
                ListingMenuItem(
                    _("Hand over a focal point"),
                    url=reverse("members_organisations:handover", args=[instance.pk]),
                    icon_name="user",
                    priority=40,
                )
            )
        return buttons


class OrganisationInspectView(ScopedInspectView):
    def get_field_label(self, field_name, field):
        if field_name in ("status_changes", "commitments_accepted"):
            related = getattr(Organisation, field_name).rel.related_model
            return capfirst(related._meta.verbose_name_plural)
        return super().get_field_label(field_name, field)


class OrganisationViewSet(ScopedViewSet):
    model = Organisation
    scope = staticmethod(organisations_visible_to)
    url_prefix = "members/organisations"
    icon = "group"
    menu_label = _("Organisations")
    index_view_class = OrganisationIndexView
    inspect_view_class = OrganisationInspectView
    add_view_class = OrganisationCreateView
    edit_view_class = OrganisationEditView
    delete_view_class = OrganisationDeleteView
    list_display = ["name_latin", "name", "country", "status", "listed_publicly"]
    list_filter = ["status", "type", "listed_publicly", "ecosoc_status", "is_demo"]
    search_fields = ["name", "name_latin", "acronym", "city"]
    inspect_view_fields = [
        "name",
        "name_latin",
        "acronym",
        "country",
        "city",
        "type",
        "website",
        "email",
        "description",
        "status",
        "status_since",
        "applied_on",
        "member_since",
        "national_coalition",
        "ecosoc_status",
        "listed_publicly",
        "listing_consent_changed_at",
        "listing_consent_changed_by",
        "status_changes",
        "commitments_accepted",
        "issue_teams",
        "is_demo",
    ]
    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("name_latin"),
                FieldRowPanel([FieldPanel("acronym"), FieldPanel("type")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
                FieldPanel("description"),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("status"), FieldPanel("status_since")]),
                FieldRowPanel([FieldPanel("applied_on"), FieldPanel("member_since")]),
                FieldPanel("national_coalition"),
                FieldPanel("ecosoc_status"),
                FieldPanel("issue_teams", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Membership"),
        ),
        FieldPanel("listed_publicly"),
    ]

    @cached_property
    def _edit_handler(self):
        handler = ObjectList(self.panels, base_form_class=OrganisationAdminForm)
        return handler.bind_to_model(self.model)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("handover/<int:pk>/", admin_views.hand_over, name="handover"),
        ]


# ---------------------------------------------------------------- applications


class ApplicationIndexView(ScopedIndexView):
    default_ordering = "submitted_at"

    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("country")
        if "status" not in self.request.GET:
            queryset = queryset.filter(status="pending")
        return queryset

    def get_edit_url(self, instance):
        return reverse("membership_applications:review", args=[instance.pk])

    def get_list_more_buttons(self, instance):
        return [
            ListingMenuItem(
                _("Review"),
                url=reverse("membership_applications:review", args=[instance.pk]),
                icon_name="tasks",
                priority=10,
            )
        ]


class ApplicationViewSet(ScopedViewSet):
    model = MembershipApplication
    scope = staticmethod(applications_visible_to)
    actions_allowed = {"view"}
    url_prefix = "members/applications"
    icon = "tasks"
    menu_label = _("Applications to review")
    index_view_class = ApplicationIndexView
    list_display = [
        "name_latin",
        "country",
        Column("quarter", label=_("Submitted in")),
        "submitted_at",
        "status",
    ]
    list_filter = ["status"]
    search_fields = ["name", "name_latin", "contact_name"]
    form_fields = ["rejection_reason"]  # never used: the policy refuses add and edit
    inspect_view_enabled = False

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", admin_views.review_application, name="review"),
        ]


# ---------------------------------------------------------------- people and roles


class PersonEditView(ScopedEditView):
    def save_instance(self):
        return actions.update_person(
            acting_user=self.request.user,
            organisation=None,
            person=self.object,
            data=_form_data(self.form, actions.PERSON_FIELDS),
        )


class PersonViewSet(ScopedViewSet):
    model = Person
    scope = staticmethod(people_visible_to)
    actions_allowed = {"view", "change"}
    url_prefix = "members/people"
    icon = "user"
    menu_label = _("People")
    edit_view_class = PersonEditView
    list_display = ["name", "email", "title", "user"]
    search_fields = ["name", "email"]
    form_fields = ["name", "email", "phone", "title", "language"]
    list_filter = ["language", "is_demo"]


class RoleAdminForm(WagtailAdminModelForm):
    """A role of a person, existing or new, in an organisation of the user's scope."""

    new_person_name = forms.CharField(label=_("or a new person: full name"), required=False)
    new_person_email = forms.EmailField(label=_("new person: email address"), required=False)
    new_person_language = forms.ChoiceField(
        label=_("new person: language for emails"),
        choices=Person._meta.get_field("language").choices,
        required=False,
    )
    invite = forms.BooleanField(label=_("Invite them to the portal"), required=False)

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is not None:
            self.fields["organisation"].queryset = organisations_manageable_by(for_user)
            self.fields["person"].queryset = people_visible_to(for_user)
        self.fields["person"].required = False

    def clean(self):
        data = super().clean()
        if not data.get("person") and not data.get("new_person_name"):
            self.add_error("person", _("Choose a person or give a new person's name."))
        return data


class RoleCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        organisation, kind = data["organisation"], data["kind"]
        if data.get("person"):
            role = actions.add_role(
                acting_user=self.request.user,
                organisation=organisation,
                person=data["person"],
                kind=kind,
            )
            if data.get("invite"):
                actions.invite_person(
                    acting_user=self.request.user, organisation=organisation, person=role.person
                )
            return role
        person = actions.add_person(
            acting_user=self.request.user,
            organisation=organisation,
            data={
                "name": data["new_person_name"],
                "email": data.get("new_person_email", ""),
                "language": data.get("new_person_language") or "en",
            },
            kind=kind,
            invite=data.get("invite", False),
        )
        return person.roles.get(organisation=organisation, kind=kind)


class RoleDeleteView(ScopedDeleteView):
    def delete_action(self):
        actions.remove_role(acting_user=self.request.user, role=self.object)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except DomainError as exc:
            messages.error(self.request, exc.message)
            return redirect(self.get_success_url())


class RoleViewSet(ScopedViewSet):
    model = Role
    scope = staticmethod(roles_visible_to)
    actions_allowed = {"view", "add", "delete"}
    url_prefix = "members/roles"
    icon = "link"
    menu_label = _("Roles in organisations")
    add_view_class = RoleCreateView
    delete_view_class = RoleDeleteView
    list_display = ["person", "kind", "organisation", "since"]
    list_filter = ["kind"]
    search_fields = ["person__name", "organisation__name_latin"]
    panels = [
        FieldPanel("organisation"),
        FieldPanel("kind"),
        FieldPanel("person"),
        FieldPanel("new_person_name"),
        FieldPanel("new_person_email"),
        FieldPanel("new_person_language"),
        FieldPanel("invite"),
    ]

    @cached_property
    def _edit_handler(self):
        return ObjectList(self.panels, base_form_class=RoleAdminForm).bind_to_model(self.model)


# ---------------------------------------------------------------- reference data


class RegionCreateView(ScopedCreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return actions.save_region(
            acting_user=self.request.user,
            region=self.form.instance,
            states=data.get("states"),
            coordinators=data.get("coordinators"),
        )


class RegionEditView(ScopedEditView):
    def save_instance(self):
        data = self.form.cleaned_data
        return actions.save_region(
            acting_user=self.request.user,
            region=self.form.instance,
            states=data.get("states"),
            coordinators=data.get("coordinators"),
        )


class RegionViewSet(ScopedViewSet):
    model = Region
    scope = staticmethod(_everything(Region))
    url_prefix = "members/regions"
    icon = "globe"
    menu_label = _("Regions")
    add_view_class = RegionCreateView
    edit_view_class = RegionEditView
    list_display = ["name_en", "slug", "position"]
    panels = [
        FieldRowPanel([FieldPanel("name_en"), FieldPanel("name_fr")]),
        FieldRowPanel([FieldPanel("name_es"), FieldPanel("name_ar")]),
        FieldRowPanel([FieldPanel("slug"), FieldPanel("position")]),
        FieldPanel("coordinators", widget=forms.CheckboxSelectMultiple),
        FieldPanel("states", widget=forms.CheckboxSelectMultiple),
    ]


def _simple_views(code):
    class Create(ScopedCreateView):
        def save_instance(self):
            return actions.save_simple(
                acting_user=self.request.user, instance=self.form.instance, code=code
            )

    class Edit(ScopedEditView):
        def save_instance(self):
            return actions.save_simple(
                acting_user=self.request.user, instance=self.form.instance, code=code
            )

    return Create, Edit


_OfficeCreate, _OfficeEdit = _simple_views("members.regional_office.saved")
_TeamCreate, _TeamEdit = _simple_views("members.issue_team.saved")


class RegionalOfficeViewSet(ScopedViewSet):
    model = RegionalOffice
    scope = staticmethod(_everything(RegionalOffice))
    url_prefix = "members/offices"
    icon = "home"
    menu_label = _("Regional offices")
    add_view_class = _OfficeCreate
    edit_view_class = _OfficeEdit
    list_display = ["name", "region", "city", "country"]
    form_fields = ["region", "name", "city", "country", "address", "email", "phone"]


class IssueTeamViewSet(ScopedViewSet):
    model = IssueTeam
    scope = staticmethod(_everything(IssueTeam))
    url_prefix = "members/issue-teams"
    icon = "tag"
    menu_label = _("Issue teams")
    add_view_class = _TeamCreate
    edit_view_class = _TeamEdit
    list_display = ["name_en", "slug", "secretariat_focal_point"]
    form_fields = [
        "name_en",
        "name_fr",
        "name_es",
        "name_ar",
        "slug",
        "description",
        "secretariat_focal_point",
    ]


class CommitmentCreateView(ScopedCreateView):
    def get_initial(self):
        current = CommitmentText.current()
        if current is None:
            return {}
        return {f"text_{lang}": current.text(lang) for lang in ("en", "fr", "es", "ar")}

    def save_instance(self):
        data = self.form.cleaned_data
        return actions.publish_commitments(
            acting_user=self.request.user,
            texts={lang: data[f"text_{lang}"] for lang in ("en", "fr", "es", "ar")},
            note=data.get("note", ""),
        )


class CommitmentTextViewSet(ScopedViewSet):
    """Versions of the commitments: staff publish a new version; a published one never changes."""

    model = CommitmentText
    scope = staticmethod(_everything(CommitmentText))
    actions_allowed = {"view", "add"}
    url_prefix = "members/commitments"
    icon = "doc-full"
    menu_label = _("Commitments")
    add_view_class = CommitmentCreateView
    list_display = ["__str__", "published_at", "note"]
    form_fields = ["text_en", "text_fr", "text_es", "text_ar", "note"]
    inspect_view_fields = [
        "version",
        "published_at",
        "note",
        "text_en",
        "text_fr",
        "text_es",
        "text_ar",
    ]


# ---------------------------------------------------------------- import (a plain view)


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class ImportViewSet(ViewSet):
    name = "members_import"
    url_prefix = "members/import"
    icon = "upload"
    menu_label = _("Import organisations")

    def get_urlpatterns(self):
        return [path("", admin_views.import_organisations, name="index")]

    def get_menu_item(self, order=None):
        return PermissionMenuItem(
            self.menu_label,
            self.menu_url,
            icon_name=self.icon,
            order=order if order is not None else self.menu_order,
            permission="members.import_organisations",
        )


class MembersViewSetGroup(ViewSetGroup):
    menu_label = _("Members")
    menu_icon = "group"
    menu_order = 300
    items = (
        OrganisationViewSet("members_organisations"),
        ApplicationViewSet("membership_applications"),
        PersonViewSet("members_people"),
        RoleViewSet("members_roles"),
        RegionViewSet("members_regions"),
        RegionalOfficeViewSet("members_offices"),
        IssueTeamViewSet("members_issue_teams"),
        CommitmentTextViewSet("members_commitments"),
        ImportViewSet(),
    )


@hooks.register("register_admin_viewset")
def register_members_viewsets():
    return MembersViewSetGroup()
