"""Public pages (directory, profiles, the application form) and the members' portal.

Views stay thin: they check permissions (declared), call `actions`, and show domain errors as
form errors.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from commonbonds.core.errors import DomainError
from commonbonds.core.forms_protection import ProtectedFormMixin
from commonbonds.core.permissions import PermissionRequiredMixin

from . import actions
from .forms import (
    ApplicationForm,
    ConsentForm,
    HandoverForm,
    NewPersonForm,
    PersonForm,
    ProfileForm,
    RoleForm,
)
from .models import (
    CommitmentText,
    Organisation,
    Person,
    Region,
    RegionalOffice,
    Role,
    current_language,
)
from .rules import forget_cached_scope, portal_organisation_ids

PAGE_SIZE = 50


# ---------------------------------------------------------------- public


class DirectoryView(TemplateView):
    """Members that agreed to be listed, by region and country."""

    template_name = "members/directory.html"

    def get_context_data(self, **kwargs):
        from commonbonds.treaties.models import State

        context = super().get_context_data(**kwargs)
        listed = Organisation.objects.listed()
        regions = list(Region.objects.order_by("position", "name_en"))
        region = None
        slug = self.request.GET.get("region", "")
        if slug:
            region = next((r for r in regions if r.slug == slug), None)
            if region is None:
                raise Http404
            listed = listed.filter(country__coalition_regions=region)
        iso3 = self.request.GET.get("country", "").upper()
        country = None
        if iso3:
            country = State.objects.filter(iso3=iso3).first()
            if country is None:
                raise Http404
            listed = listed.filter(country=country)
        query = self.request.GET.get("q", "").strip()[:100]
        if query:
            from .names import normalise

            listed = listed.filter(name_key__contains=normalise(query)) | listed.filter(
                name__icontains=query
            )
        # Countries with listed (real) members, for the filter: counts of listed ones only.
        by_country = (
            Organisation.objects.listed()
            .real()
            .values("country")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts = {row["country"]: row["n"] for row in by_country}
        countries = sorted(
            (
                {"iso3": s.iso3, "name": s.name(), "count": counts[s.iso3]}
                for s in State.objects.filter(iso3__in=counts)
            ),
            key=lambda c: c["name"].casefold(),
        )
        organisations = listed.select_related("country").order_by(
            f"country__name_{current_language()}", "name_latin"
        )
        page = Paginator(organisations, PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            {
                "regions": regions,
                "region": region,
                "country": country,
                "countries": countries,
                "query": query,
                "page_obj": page,
                "organisations": list(page.object_list),
                "has_demo": any(o.is_demo for o in page.object_list),
                "offices": RegionalOffice.objects.filter(region=region).select_related("country")
                if region
                else [],
                "filter_query": _query_without_page(self.request),
            }
        )
        return context


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class OrganisationView(TemplateView):
    """The public profile of a listed member; any other id is 404."""

    template_name = "members/organisation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = get_object_or_404(
            Organisation.objects.listed()
            .select_related("country", "national_coalition")
            .prefetch_related("issue_teams"),
            pk=kwargs["pk"],
        )
        coalition = organisation.national_coalition
        context["organisation"] = organisation
        context["coalition"] = coalition if coalition and coalition.shows_in_public else None
        context["regions"] = Region.objects.filter(states__iso3=organisation.country_id)
        return context


class ApplyView(ProtectedFormMixin, FormView):
    template_name = "members/apply.html"
    form_class = ApplicationForm
    rate_limit_scope = "members.apply"
    rate_limit = (5, 3600)
    rate_limited_message = gettext_lazy(
        "Too many applications were sent from your network in the last hour. "
        "Please try again later."
    )

    def dispatch(self, request, *args, **kwargs):
        self.commitments = CommitmentText.current()
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {
            "language": current_language(),
            "commitments_version": self.commitments.version if self.commitments else None,
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["commitments"] = self.commitments
        context["commitments_text"] = self.commitments.text() if self.commitments else ""
        return context

    def get_success_url(self):
        return reverse("members:applied")

    def form_valid(self, form):
        if self.commitments is None:
            form.add_error(None, _("Applications are closed for now."))
            return self.form_invalid(form)
        try:
            actions.submit_application(
                data=form.cleaned_data,
                commitments_version=form.cleaned_data["commitments_version"],
                language=form.cleaned_data["language"],
                acting_user=self.request.user if self.request.user.is_authenticated else None,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            if exc.code == "commitments_changed":
                data = form.data.copy()
                data["commitments_version"] = str(self.commitments.version)
                data.pop("accept_commitments", None)
                form = ApplicationForm(data)
                form.is_valid()
                form.add_error(None, exc.message)
            return self.form_invalid(form)
        return redirect(self.get_success_url())


class AppliedView(TemplateView):
    template_name = "members/applied.html"


# ---------------------------------------------------------------- portal


@method_decorator(never_cache, name="dispatch")
class PortalView(PermissionRequiredMixin, TemplateView):
    """The organisations the signed-in person manages; straight to it when there is one."""

    permission = "members.use_portal"
    template_name = "members/portal/index.html"

    def get(self, request, *args, **kwargs):
        ids = portal_organisation_ids(request.user)
        if len(ids) == 1:
            return redirect("members:portal_organisation", pk=next(iter(ids)))
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisations"] = Organisation.objects.filter(
            pk__in=portal_organisation_ids(self.request.user)
        ).select_related("country")
        return context


@method_decorator(never_cache, name="dispatch")
class PortalOrganisationMixin(PermissionRequiredMixin):
    """An organisation of the portal: its own focal points only; anyone else gets 404."""

    permission = "members.view_portal"
    hide_existence = True

    def get_permission_object(self):
        if not hasattr(self, "organisation"):
            self.organisation = get_object_or_404(
                Organisation.objects.select_related("country"), pk=self.kwargs["pk"]
            )
        return self.organisation

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["organisation"] = self.organisation
        return context


class PortalOrganisationView(PortalOrganisationMixin, TemplateView):
    template_name = "members/portal/organisation.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        roles = Role.objects.filter(organisation=self.organisation).select_related("person")
        people = {}
        for role in roles.order_by("person__name", "kind"):
            people.setdefault(role.person, []).append(role)
        context["people"] = people.items()
        context["issue_teams"] = self.organisation.issue_teams.all()
        context["consent_form"] = ConsentForm(
            initial={"listed_publicly": self.organisation.listed_publicly}
        )
        return context


class PortalProfileView(PortalOrganisationMixin, FormView):
    template_name = "members/portal/profile.html"
    form_class = ProfileForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Organisation.objects.get(pk=self.organisation.pk)
        return kwargs

    def form_valid(self, form):
        try:
            actions.update_organisation(
                acting_user=self.request.user,
                organisation=self.organisation,
                data={name: form.cleaned_data[name] for name in ProfileForm.Meta.fields},
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The profile is saved."))
        return redirect("members:portal_organisation", pk=self.organisation.pk)


class PortalConsentView(PortalOrganisationMixin, FormView):
    template_name = "members/portal/organisation.html"
    form_class = ConsentForm
    http_method_names = ["post"]

    def form_valid(self, form):
        listed = form.cleaned_data["listed_publicly"]
        actions.set_listing_consent(
            acting_user=self.request.user, organisation=self.organisation, listed=listed
        )
        if listed:
            messages.success(self.request, _("Your organisation is now listed in the directory."))
        else:
            messages.success(self.request, _("Your organisation is not listed in the directory."))
        return redirect("members:portal_organisation", pk=self.organisation.pk)

    def form_invalid(self, form):
        return redirect("members:portal_organisation", pk=self.organisation.pk)


class PortalAddPersonView(PortalOrganisationMixin, FormView):
    template_name = "members/portal/person_add.html"
    form_class = NewPersonForm

    def get_initial(self):
        return {"language": get_language()[:2], "kind": "other"}

    def form_valid(self, form):
        data = {name: form.cleaned_data[name] for name in PersonForm.Meta.fields}
        try:
            actions.add_person(
                acting_user=self.request.user,
                organisation=self.organisation,
                data=data,
                kind=form.cleaned_data["kind"],
                invite=form.cleaned_data["invite"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The person is added."))
        return redirect("members:portal_organisation", pk=self.organisation.pk)


class PortalPersonView(PortalOrganisationMixin, FormView):
    """One person of the organisation: details, roles, portal invitation. A person of another
    organisation is 404, like the organisation itself."""

    template_name = "members/portal/person.html"
    form_class = PersonForm

    def get_person(self):
        if not hasattr(self, "person"):
            self.person = get_object_or_404(
                Person.objects.filter(roles__organisation=self.organisation).distinct(),
                pk=self.kwargs["person"],
            )
        return self.person

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["instance"] = Person.objects.get(pk=self.get_person().pk)
        return kwargs

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = self.get_person()
        context["person"] = person
        context["roles"] = Role.objects.filter(organisation=self.organisation, person=person)
        context["role_form"] = RoleForm()
        return context

    def post(self, request, *args, **kwargs):
        person = self.get_person()
        operation = request.POST.get("operation", "save")
        try:
            if operation == "add_role":
                role_form = RoleForm(request.POST)
                if role_form.is_valid():
                    actions.add_role(
                        acting_user=request.user,
                        organisation=self.organisation,
                        person=person,
                        kind=role_form.cleaned_data["kind"],
                    )
                    messages.success(request, _("The role is added."))
                return redirect(request.path)
            if operation == "remove_role":
                role = get_object_or_404(
                    Role, pk=request.POST.get("role"), organisation=self.organisation, person=person
                )
                actions.remove_role(acting_user=request.user, role=role)
                messages.success(request, _("The role is removed."))
                if not Role.objects.filter(organisation=self.organisation, person=person).exists():
                    return redirect("members:portal_organisation", pk=self.organisation.pk)
                return redirect(request.path)
            if operation == "invite":
                invitation = actions.invite_person(
                    acting_user=request.user, organisation=self.organisation, person=person
                )
                if invitation is None:
                    messages.success(request, _("They can use the portal now."))
                else:
                    messages.success(request, _("The invitation is sent."))
                return redirect(request.path)
        except DomainError as exc:
            messages.error(request, exc.message)
            return redirect(request.path)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            actions.update_person(
                acting_user=self.request.user,
                organisation=self.organisation,
                person=self.get_person(),
                data=form.cleaned_data,
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        messages.success(self.request, _("The details are saved."))
        return redirect("members:portal_organisation", pk=self.organisation.pk)


class PortalHandoverView(PortalOrganisationMixin, FormView):
    template_name = "members/portal/handover.html"
    form_class = HandoverForm

    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["organisation"] = self.organisation
        return kwargs

    def get_initial(self):
        mine = Person.objects.filter(user=self.request.user).first()
        return {"from_person": mine.pk if mine else None}

    def form_valid(self, form):
        try:
            actions.hand_over_focal_point(
                acting_user=self.request.user,
                organisation=self.organisation,
                from_person=form.cleaned_data["from_person"],
                to_person=form.cleaned_data["to_person"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
            return self.form_invalid(form)
        messages.success(
            self.request, _("The roles are handed over; both people are told by email.")
        )
        forget_cached_scope(self.request.user)
        if self.request.user.has_perm("members.view_portal", self.organisation):
            return redirect("members:portal_organisation", pk=self.organisation.pk)
        return redirect("core:account")
