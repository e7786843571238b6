"""State changes of the members app. Views, the admin, commands and jobs all call these.

Each runs in one transaction, checks who acts, locks the rows that can race, writes the audit
log, and sends email only after commit, in the recipient's language.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from commonbonds.core import actions as core_actions
from commonbonds.core import audit
from commonbonds.core.errors import DomainError, NotFoundError, PermissionDeniedError
from commonbonds.core.roles import FOCAL_POINT, ROLES
from commonbonds.core.tasks import send_email

from . import names
from .models import (
    ApplicationStatus,
    CommitmentAcceptance,
    CommitmentText,
    MembershipApplication,
    MembershipStatus,
    Organisation,
    Person,
    Region,
    Role,
    RoleKind,
    StatusChange,
    current_language,
)
from .queries import forget_counts

FOCAL_POINT_GROUP = ROLES[FOCAL_POINT].group_name

# What a focal point may change in the portal; the rest is the staff's.
PROFILE_FIELDS = ("name", "name_latin", "acronym", "city", "website", "email", "description")
CONSENT_FIELDS = ("listed_publicly",)
STAFF_FIELDS = (
    "country",
    "type",
    "status",
    "status_since",
    "applied_on",
    "member_since",
    "national_coalition",
    "ecosoc_status",
    "issue_teams",
)
ORGANISATION_FIELDS = PROFILE_FIELDS + CONSENT_FIELDS + STAFF_FIELDS
PERSON_FIELDS = ("name", "email", "phone", "title", "language")


# ---------------------------------------------------------------- helpers


def _require(user, perm: str, obj=None) -> None:
    if user is None or not user.has_perm(perm, obj):
        raise PermissionDeniedError(gettext_lazy("You may not do this."))


def _email(to: str, language: str, subject, template: str, context: Mapping) -> None:
    """Render in the recipient's language now; send after the transaction commits."""
    if not to:
        return
    with translation.override(language):
        subject_text = str(subject)
        body = render_to_string(template, {**context, "site_url": settings.SITE_URL})
    transaction.on_commit(lambda: send_email.enqueue(subject_text, body, [to]))


def _url(name: str, language: str, *args) -> str:
    with translation.override(language):
        return settings.SITE_URL + reverse(name, args=args)


def _check_names(name: str, name_latin: str) -> tuple[str, str]:
    name, name_latin = (name or "").strip(), (name_latin or "").strip()
    if not name:
        raise DomainError(gettext_lazy("Give the organisation's name."), code="name_missing")
    if not name_latin:
        if not names.is_latin(name):
            raise DomainError(
                gettext_lazy("Give the name in Latin letters too."), code="name_latin_missing"
            )
        name_latin = name
    if not names.is_latin(name_latin):
        raise DomainError(
            gettext_lazy("The name in Latin letters may only use Latin letters."),
            code="name_latin_not_latin",
        )
    return name, name_latin


def _validation_error(exc: ValidationError) -> DomainError:
    messages = []
    for field_name, errors in getattr(exc, "message_dict", {"": exc.messages}).items():
        label = field_name if field_name and field_name != "__all__" else ""
        messages.extend(f"{label}: {e}" if label else e for e in errors)
    return DomainError(" ".join(messages), code="invalid")


def _snapshot(obj, fields: Iterable[str]) -> dict:
    data = {}
    for name in fields:
        if name == "issue_teams":
            data[name] = sorted(obj.issue_teams.values_list("slug", flat=True)) if obj.pk else []
        elif name in ("country", "national_coalition"):
            data[name] = getattr(obj, f"{name}_id")
        else:
            data[name] = getattr(obj, name)
    return data


def _record_status(organisation, status, on, *, by=None, note="") -> None:
    StatusChange.objects.create(
        organisation=organisation, status=status, on=on, note=note, recorded_by=by
    )


def _grant_portal(person: Person) -> None:
    if person.user_id:
        person.user.groups.add(Group.objects.get(name=FOCAL_POINT_GROUP))


def _revoke_portal_if_unused(person: Person) -> None:
    """Take the focal point group away when the person holds no role any more."""
    if person.user_id and not person.roles.exists():
        person.user.groups.remove(Group.objects.get(name=FOCAL_POINT_GROUP))


def _invite(*, acting_user, person: Person, organisation: Organisation):
    """Give `person` portal access: at once when they have an account, else by invitation."""
    if person.user_id:
        _grant_portal(person)
        return None
    if not person.email:
        raise DomainError(
            gettext_lazy("This person has no email address to send an invitation to."),
            code="no_email",
        )
    invitation, _token = core_actions.invite_user(
        acting_user=acting_user,
        email=person.email,
        role=FOCAL_POINT,
        language=person.language,
        permission="members.invite_to_portal",
    )
    person.invitation = invitation
    person.save(update_fields=["invitation"])
    audit.log(
        "members.person.invited", actor=acting_user, obj=person, data={"organisation": organisation}
    )
    return invitation


# ---------------------------------------------------------------- applications


def submit_application(
    *, data: Mapping, commitments_version: int, language: str, acting_user=None
) -> MembershipApplication:
    """The public form: records the application and an organisation with status "applicant".

    `commitments_version` is the version the applicant was shown; if staff published another
    since, the applicant must read the new one first.
    """
    language = current_language(language)
    current = CommitmentText.current()
    if current is None or current.version != commitments_version:
        raise DomainError(
            gettext_lazy(
                "The commitments changed while you were filling in the form. "
                "Please read them again below and confirm."
            ),
            code="commitments_changed",
        )
    name, name_latin = _check_names(data.get("name", ""), data.get("name_latin", ""))
    today = timezone.localdate()
    with transaction.atomic():
        organisation = Organisation(
            name=name,
            name_latin=name_latin,
            acronym=data.get("acronym", ""),
            country_id=getattr(data.get("country"), "iso3", data.get("country")),
            city=data.get("city", ""),
            type=data["type"],
            website=data.get("website", ""),
            email=data.get("email", ""),
            description=data.get("description", ""),
            status=MembershipStatus.APPLICANT,
            status_since=today,
            applied_on=today,
        )
        try:
            organisation.full_clean()
        except ValidationError as exc:
            raise _validation_error(exc) from exc
        organisation.save()
        _record_status(organisation, MembershipStatus.APPLICANT, today)
        person = Person.objects.create(
            name=data["contact_name"].strip(),
            email=data["contact_email"].strip().lower(),
            title=data.get("contact_title", ""),
            language=language,
        )
        Role.objects.create(organisation=organisation, person=person, kind=RoleKind.MAIN)
        application = MembershipApplication.objects.create(
            organisation=organisation,
            name=name,
            name_latin=name_latin,
            acronym=organisation.acronym,
            country_id=organisation.country_id,
            city=organisation.city,
            type=organisation.type,
            website=organisation.website,
            email=organisation.email,
            description=organisation.description,
            motivation=data.get("motivation", ""),
            contact_name=person.name,
            contact_email=person.email,
            contact_title=person.title,
            language=language,
            commitments=current,
            commitments_language=language,
            commitments_text=current.text(language),
        )
        audit.log(
            "members.application.submitted",
            actor=acting_user,
            obj=application,
            data={"country": organisation.country_id, "commitments_version": current.version},
        )
        _email(
            person.email,
            language,
            gettext_lazy("Your application to join the coalition"),
            "members/email/application_received.txt",
            {"application": application},
        )
    return application


def _lock_pending(application: MembershipApplication) -> MembershipApplication:
    locked = MembershipApplication.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.PENDING:
        raise DomainError(
            gettext_lazy("This application has been decided already."), code="already_decided"
        )
    return locked


def approve_application(
    *, acting_user, application: MembershipApplication, invite: bool = True
) -> Organisation:
    """Admit the organisation: it becomes a member, its accepted commitments are recorded word
    for word, and its contact gets a portal account (an invitation) as focal point."""
    _require(acting_user, "members.review_membershipapplication", application)
    now = timezone.now()
    with transaction.atomic():
        application = _lock_pending(application)
        if application.organisation_id is None:
            raise DomainError(
                gettext_lazy("The organisation of this application no longer exists."),
                code="organisation_missing",
            )
        organisation = Organisation.objects.select_for_update().get(pk=application.organisation_id)
        before = _snapshot(organisation, ("status", "member_since"))
        organisation.status = MembershipStatus.MEMBER
        organisation.status_since = timezone.localdate()
        organisation.member_since = organisation.member_since or organisation.status_since
        organisation.save(update_fields=["status", "status_since", "member_since", "updated_at"])
        _record_status(
            organisation, MembershipStatus.MEMBER, organisation.status_since, by=acting_user
        )
        CommitmentAcceptance.objects.create(
            organisation=organisation,
            commitments=application.commitments,
            language=application.commitments_language,
            text=application.commitments_text,
            accepted_at=application.submitted_at,
            approved_at=now,
            application=application,
        )
        application.status = ApplicationStatus.APPROVED
        application.decided_at = now
        application.decided_by = acting_user
        application.save(update_fields=["status", "decided_at", "decided_by"])
        audit.log(
            "members.application.approved",
            actor=acting_user,
            obj=application,
            changes=audit.diff(before, _snapshot(organisation, ("status", "member_since"))),
            data={
                "organisation": organisation,
                "commitments_version": application.commitments.version,
            },
        )
        contact = (
            Person.objects.filter(
                roles__organisation=organisation, email__iexact=application.contact_email
            )
            .order_by("pk")
            .first()
        )
        if invite and contact is not None:
            _invite(acting_user=acting_user, person=contact, organisation=organisation)
        _email(
            application.contact_email,
            application.language,
            gettext_lazy("Welcome to the coalition"),
            "members/email/application_approved.txt",
            {
                "application": application,
                "organisation": organisation,
                "invited": invite and contact is not None and contact.user_id is None,
                "portal_url": _url("members:portal", application.language),
            },
        )
        transaction.on_commit(forget_counts)
    return organisation


def reject_application(
    *, acting_user, application: MembershipApplication, reason: str
) -> MembershipApplication:
    """Decline with a reason, sent to the applicant. The applicant organisation that the
    application created is removed with its people (unless they have other roles); the
    application keeps what was submitted and the decision."""
    _require(acting_user, "members.review_membershipapplication", application)
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(
            gettext_lazy("Give the reason; it is sent to the applicant."), code="reason_missing"
        )
    with transaction.atomic():
        application = _lock_pending(application)
        application.status = ApplicationStatus.REJECTED
        application.rejection_reason = reason
        application.decided_at = timezone.now()
        application.decided_by = acting_user
        application.save(update_fields=["status", "rejection_reason", "decided_at", "decided_by"])
        organisation = application.organisation
        removed = False
        if (
            organisation is not None
            and organisation.status == MembershipStatus.APPLICANT
            and not organisation.applications.exclude(pk=application.pk).exists()
        ):
            people = list(Person.objects.filter(roles__organisation=organisation).distinct())
            organisation.delete()
            for person in people:
                if not person.roles.exists() and person.user_id is None:
                    person.delete()
            removed = True
        audit.log(
            "members.application.rejected",
            actor=acting_user,
            obj=application,
            data={"reason": reason, "applicant_record_removed": removed},
        )
        _email(
            application.contact_email,
            application.language,
            gettext_lazy("Your application to join the coalition"),
            "members/email/application_rejected.txt",
            {"application": application, "reason": reason},
        )
    return application


# ---------------------------------------------------------------- organisations


def _apply_organisation_data(organisation: Organisation, data: Mapping) -> None:
    for name, value in data.items():
        if name == "issue_teams":
            continue
        if name == "country":
            organisation.country_id = getattr(value, "iso3", value)
        elif name == "national_coalition":
            organisation.national_coalition_id = getattr(value, "pk", value)
        else:
            setattr(organisation, name, value)


def _check_organisation(organisation: Organisation) -> None:
    organisation.name, organisation.name_latin = _check_names(
        organisation.name, organisation.name_latin
    )
    coalition = organisation.national_coalition
    if coalition is not None and (
        coalition.pk == organisation.pk or coalition.type != "national_coalition"
    ):
        raise DomainError(
            gettext_lazy("Choose a national coalition."), code="not_a_national_coalition"
        )
    try:
        organisation.full_clean(exclude=["national_coalition"])
    except ValidationError as exc:
        raise _validation_error(exc) from exc


def create_organisation(*, acting_user, data: Mapping) -> Organisation:
    """A staff member records an organisation (in their scope)."""
    unknown = set(data) - set(ORGANISATION_FIELDS)
    if unknown:
        raise DomainError(f"Unknown fields: {', '.join(sorted(unknown))}", code="unknown_field")
    organisation = Organisation()
    _apply_organisation_data(organisation, data)
    if not acting_user.has_perm("members.add_organisation"):
        raise PermissionDeniedError(gettext_lazy("You may not do this."))
    _require(acting_user, "members.change_organisation", organisation)
    _check_organisation(organisation)
    with transaction.atomic():
        if organisation.listed_publicly:
            organisation.listing_consent_changed_at = timezone.now()
            organisation.listing_consent_changed_by = acting_user
        if organisation.status == MembershipStatus.MEMBER and not organisation.member_since:
            organisation.member_since = organisation.status_since
        organisation.save()
        if "issue_teams" in data:
            organisation.issue_teams.set(data["issue_teams"])
        _record_status(organisation, organisation.status, organisation.status_since, by=acting_user)
        audit.log(
            "members.organisation.created",
            actor=acting_user,
            obj=organisation,
            changes=audit.diff({}, _snapshot(organisation, ORGANISATION_FIELDS)),
        )
        transaction.on_commit(forget_counts)
    return organisation


def update_organisation(*, acting_user, organisation: Organisation, data: Mapping) -> Organisation:
    """Change an organisation. Focal points may change its profile and consent to be listed;
    staff in whose scope it is may change everything (and may not move it out of their scope).
    A change of status is recorded with its date; a change of consent with who and when."""
    unknown = set(data) - set(ORGANISATION_FIELDS)
    if unknown:
        raise DomainError(f"Unknown fields: {', '.join(sorted(unknown))}", code="unknown_field")
    staff_change = bool(set(data) & set(STAFF_FIELDS))
    _require(
        acting_user,
        "members.change_organisation" if staff_change else "members.edit_profile",
        organisation,
    )
    with transaction.atomic():
        current = Organisation.objects.select_for_update().get(pk=organisation.pk)
        before = _snapshot(current, data.keys())
        _apply_organisation_data(current, data)
        if "country" in data:
            _require(acting_user, "members.change_organisation", current)  # still in scope
        _check_organisation(current)
        now = timezone.now()
        status_changed = before.get("status", current.status) != current.status
        if status_changed:
            if "status_since" not in data or before.get("status_since") == current.status_since:
                current.status_since = timezone.localdate()
            if current.status == MembershipStatus.MEMBER and not current.member_since:
                current.member_since = current.status_since
        consent_changed = before.get("listed_publicly", current.listed_publicly) != (
            current.listed_publicly
        )
        if consent_changed:
            current.listing_consent_changed_at = now
            current.listing_consent_changed_by = acting_user
        current.save()
        if "issue_teams" in data:
            current.issue_teams.set(data["issue_teams"])
        after = _snapshot(current, data.keys())
        changes = audit.diff(before, after)
        if status_changed:
            _record_status(current, current.status, current.status_since, by=acting_user)
            audit.log(
                "members.organisation.status_changed",
                actor=acting_user,
                obj=current,
                changes={"status": changes.pop("status")},
                data={"status": current.status},
            )
        if consent_changed:
            audit.log(
                "members.organisation.listing_changed",
                actor=acting_user,
                obj=current,
                changes={"listed_publicly": changes.pop("listed_publicly")},
            )
        if changes:
            audit.log(
                "members.organisation.changed", actor=acting_user, obj=current, changes=changes
            )
        if status_changed or consent_changed or "country" in changes:
            transaction.on_commit(forget_counts)
    return current


def set_listing_consent(*, acting_user, organisation: Organisation, listed: bool) -> Organisation:
    """The organisation agrees (or no longer agrees) to be listed in the public directory."""
    return update_organisation(
        acting_user=acting_user, organisation=organisation, data={"listed_publicly": listed}
    )


# ---------------------------------------------------------------- people and roles


def _person_in(organisation: Organisation, person: Person) -> None:
    if not Role.objects.filter(organisation=organisation, person=person).exists():
        raise NotFoundError(gettext_lazy("No such person in this organisation."))


def add_person(
    *,
    acting_user,
    organisation: Organisation,
    data: Mapping,
    kind: str,
    invite: bool = False,
) -> Person:
    """Add someone with a role to an organisation (and, if asked, invite them to the portal)."""
    _require(acting_user, "members.manage_people", organisation)
    if kind not in RoleKind.values:
        raise DomainError(gettext_lazy("Choose a role."), code="unknown_role")
    with transaction.atomic():
        person = Person(**{k: v for k, v in data.items() if k in PERSON_FIELDS})
        person.email = (person.email or "").strip().lower()
        try:
            person.full_clean(exclude=["user", "invitation"])
        except ValidationError as exc:
            raise _validation_error(exc) from exc
        person.save()
        Role.objects.create(organisation=organisation, person=person, kind=kind)
        audit.log(
            "members.person.added",
            actor=acting_user,
            obj=person,
            data={"organisation": organisation, "role": kind},
        )
        if invite:
            _invite(acting_user=acting_user, person=person, organisation=organisation)
    return person


def update_person(
    *, acting_user, organisation: Organisation | None, person: Person, data: Mapping
) -> Person:
    """Change a person's details: in the portal, for one organisation (`organisation`); in the
    admin (`organisation=None`), as staff in whose scope the person works."""
    if organisation is not None:
        _require(acting_user, "members.manage_people", organisation)
        _person_in(organisation, person)
    else:
        from .queries import people_visible_to

        _require(acting_user, "members.change_person")
        if not people_visible_to(acting_user).filter(pk=person.pk).exists():
            raise PermissionDeniedError(gettext_lazy("You may not do this."))
    with transaction.atomic():
        current = Person.objects.select_for_update().get(pk=person.pk)
        fields = [k for k in data if k in PERSON_FIELDS]
        before = {k: getattr(current, k) for k in fields}
        for k in fields:
            setattr(current, k, data[k])
        current.email = (current.email or "").strip().lower()
        try:
            current.full_clean(exclude=["user", "invitation"])
        except ValidationError as exc:
            raise _validation_error(exc) from exc
        current.save()
        changes = audit.diff(before, {k: getattr(current, k) for k in fields})
        if changes:
            audit.log(
                "members.person.changed",
                actor=acting_user,
                obj=current,
                changes=changes,
                data={"organisation": organisation},
            )
    return current


def add_role(*, acting_user, organisation: Organisation, person: Person, kind: str) -> Role:
    _require(acting_user, "members.manage_people", organisation)
    _person_in(organisation, person)
    if kind not in RoleKind.values:
        raise DomainError(gettext_lazy("Choose a role."), code="unknown_role")
    with transaction.atomic():
        role, created = Role.objects.get_or_create(
            organisation=organisation, person=person, kind=kind
        )
        if created:
            audit.log(
                "members.person.added",
                actor=acting_user,
                obj=person,
                data={"organisation": organisation, "role": kind},
            )
    return role


def remove_role(*, acting_user, role: Role) -> None:
    """Remove one role. The last main focal point cannot be removed: hand the role over."""
    _require(acting_user, "members.manage_people", role.organisation)
    with transaction.atomic():
        roles = Role.objects.select_for_update().filter(organisation_id=role.organisation_id)
        mains = [r for r in roles if r.kind == RoleKind.MAIN]
        if role.kind == RoleKind.MAIN and len(mains) == 1 and mains[0].pk == role.pk:
            raise DomainError(
                gettext_lazy(
                    "An organisation keeps a main focal point: hand the role over instead."
                ),
                code="last_main_focal_point",
            )
        person = role.person
        role.delete()
        audit.log(
            "members.role.removed",
            actor=acting_user,
            obj=person,
            data={"organisation": role.organisation, "role": role.kind},
        )
        _revoke_portal_if_unused(person)


def invite_person(*, acting_user, organisation: Organisation, person: Person):
    """Give a person of the organisation a portal account (an invitation by email)."""
    _require(acting_user, "members.manage_people", organisation)
    _person_in(organisation, person)
    with transaction.atomic():
        return _invite(acting_user=acting_user, person=person, organisation=organisation)


def hand_over_focal_point(
    *, acting_user, organisation: Organisation, from_person: Person, to_person: Person
) -> list[Role]:
    """A focal point leaves: their roles in the organisation move to `to_person`, their portal
    access to it ends (and their account leaves the focal point group if they hold no other
    role), `to_person` gets portal access (an invitation when they have no account), and both
    are told by email, each in their own language."""
    _require(acting_user, "members.hand_over_focal_point", organisation)
    if from_person.pk == to_person.pk:
        raise DomainError(
            gettext_lazy("Choose someone else to hand the roles over to."), code="same_person"
        )
    with transaction.atomic():
        roles = list(
            Role.objects.select_for_update().filter(
                organisation=organisation, person__in=[from_person, to_person]
            )
        )
        leaving = [r for r in roles if r.person_id == from_person.pk]
        if not leaving:
            raise DomainError(
                gettext_lazy("This person holds no role in the organisation."), code="no_roles"
            )
        kept = {r.kind for r in roles if r.person_id == to_person.pk}
        moved = []
        for role in leaving:
            if role.kind in kept:
                role.delete()
            else:
                role.person = to_person
                role.since = timezone.localdate()
                role.save(update_fields=["person", "since"])
                moved.append(role.kind)
        if not kept and not moved:
            raise DomainError(
                gettext_lazy("This person holds no role in the organisation."), code="no_roles"
            )
        from_person.refresh_from_db()
        _revoke_portal_if_unused(from_person)
        to_person.refresh_from_db()
        invitation = None
        if to_person.user_id:
            _grant_portal(to_person)
        elif to_person.email:
            invitation = _invite(
                acting_user=acting_user, person=to_person, organisation=organisation
            )
        audit.log(
            "members.focal_point.handed_over",
            actor=acting_user,
            obj=organisation,
            data={
                "from_person": from_person.pk,
                "to_person": to_person.pk,
                "roles": sorted(r.kind for r in leaving),
            },
        )
        context = {"organisation": organisation, "from_person": from_person, "to_person": to_person}
        _email(
            from_person.email,
            from_person.language,
            gettext_lazy("You have handed over your role"),
            "members/email/handover_from.txt",
            context,
        )
        _email(
            to_person.email,
            to_person.language,
            gettext_lazy("You are now a focal point of your organisation"),
            "members/email/handover_to.txt",
            {
                **context,
                "invited": invitation is not None,
                "portal_url": _url("members:portal", to_person.language),
            },
        )
    return list(Role.objects.filter(organisation=organisation, person=to_person))


def link_portal_account(*, invitation, user) -> Person | None:
    """After someone accepts a portal invitation (core's `invitation_accepted`): link their new
    account to the person it was sent to. If the account belongs to another person record
    already (the same human invited for two organisations), the roles move to that record."""
    with transaction.atomic():
        person = Person.objects.select_for_update().filter(invitation=invitation).first()
        if person is None:
            return None
        existing = Person.objects.filter(user=user).exclude(pk=person.pk).first()
        if existing is not None:
            for role in person.roles.all():
                if existing.roles.filter(organisation=role.organisation, kind=role.kind).exists():
                    role.delete()
                else:
                    role.person = existing
                    role.save(update_fields=["person"])
            person.delete()
            person = existing
        elif person.user_id is None:
            person.user = user
            person.save(update_fields=["user"])
        audit.log("members.person.account_linked", actor=user, obj=person)
        if person.roles.exists():
            _grant_portal(person)
    return person


# ---------------------------------------------------------------- reference data (the admin)


def save_region(*, acting_user, region: Region, states=None, coordinators=None) -> Region:
    """Create or change a region; a state can be in one region only."""
    _require(acting_user, "members.change_region" if region.pk else "members.add_region")
    with transaction.atomic():
        if states is not None:
            taken = (
                Region.states.through.objects.filter(state__in=list(states))
                .exclude(region_id=region.pk)
                .select_related("state", "region")
            )
            if taken:
                clash = ", ".join(sorted(f"{t.state} ({t.region})" for t in taken))
                raise DomainError(
                    _("These states are in another region already: %(states)s") % {"states": clash},
                    code="state_in_two_regions",
                )
        if coordinators is not None:
            group = ROLES["regional_coordinator"].group_name
            if any(not u.groups.filter(name=group).exists() for u in coordinators):
                raise DomainError(
                    gettext_lazy("Coordinators must be regional coordinators."),
                    code="not_a_coordinator",
                )
        before = {}
        if region.pk:
            old = Region.objects.select_for_update().get(pk=region.pk)
            before = {
                "name_en": old.name_en,
                "states": sorted(old.states.values_list("iso3", flat=True)),
                "coordinators": sorted(old.coordinators.values_list("pk", flat=True)),
            }
        region.save()
        if states is not None:
            region.states.set(states)
        if coordinators is not None:
            region.coordinators.set(coordinators)
        after = {
            "name_en": region.name_en,
            "states": sorted(region.states.values_list("iso3", flat=True)),
            "coordinators": sorted(region.coordinators.values_list("pk", flat=True)),
        }
        audit.log(
            "members.region.saved",
            actor=acting_user,
            obj=region,
            changes=audit.diff(before, after),
        )
        transaction.on_commit(forget_counts)
    return region


def save_simple(*, acting_user, instance, code: str, m2m: Mapping | None = None):
    """Create or change a regional office or an issue team (reference data of the admin)."""
    opts = instance._meta
    action = "change" if instance.pk else "add"
    _require(acting_user, f"{opts.app_label}.{action}_{opts.model_name}")
    with transaction.atomic():
        fields = [f.name for f in opts.concrete_fields if f.editable and not f.primary_key]
        before = {}
        if instance.pk:
            old = type(instance).objects.select_for_update().get(pk=instance.pk)
            before = {f: getattr(old, f) for f in fields}
        try:
            instance.full_clean()
        except ValidationError as exc:
            raise _validation_error(exc) from exc
        instance.save()
        for name, values in (m2m or {}).items():
            getattr(instance, name).set(values)
        audit.log(
            code,
            actor=acting_user,
            obj=instance,
            changes=audit.diff(before, {f: getattr(instance, f) for f in fields}),
        )
    return instance


def publish_commitments(*, acting_user, texts: Mapping[str, str], note: str = "") -> CommitmentText:
    """A new version of the commitments; the versions before stay as they were, word for word."""
    _require(acting_user, "members.add_commitmenttext")
    missing = [lang for lang in ("en", "fr", "es", "ar") if not (texts.get(lang) or "").strip()]
    if missing:
        raise DomainError(
            gettext_lazy("Give the commitments in English, French, Spanish and Arabic."),
            code="commitments_incomplete",
        )
    with transaction.atomic():
        last = CommitmentText.objects.select_for_update().order_by("-version").first()
        version = (last.version if last else 0) + 1
        commitments = CommitmentText.objects.create(
            version=version,
            text_en=texts["en"].strip(),
            text_fr=texts["fr"].strip(),
            text_es=texts["es"].strip(),
            text_ar=texts["ar"].strip(),
            note=note,
            created_by=acting_user,
        )
        audit.log(
            "members.commitments.published",
            actor=acting_user,
            obj=commitments,
            data={"version": version},
        )
    return commitments


# ---------------------------------------------------------------- import


@dataclass
class ImportReport:
    created: list[int] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class ImportRefused(DomainError):
    """Nothing was written; `report` says why (errors, or warnings not accepted)."""

    def __init__(self, message, *, code: str, report: ImportReport):
        super().__init__(message, code=code)
        self.report = report


def import_organisations(
    *, acting_user, text: str, filename: str = "upload.csv", accept_warnings: bool = False
) -> ImportReport:
    """Import organisations from CSV text (docs/members.md). All or nothing: any error (each
    with its line number) and nothing is written; likely duplicates (of each other or of
    organisations on record) are warnings that must be accepted."""
    from .importing import parse

    _require(acting_user, "members.import_organisations")
    report = ImportReport()
    rows, report.errors = parse(text)
    if report.errors:
        raise ImportRefused(
            gettext_lazy("The file has errors; nothing was imported."),
            code="import_errors",
            report=report,
        )
    report.warnings = _duplicate_warnings(rows)
    if report.warnings and not accept_warnings:
        raise ImportRefused(
            gettext_lazy(
                "Some organisations look like duplicates; check them, then confirm to import."
            ),
            code="import_duplicates",
            report=report,
        )
    today = timezone.localdate()
    with transaction.atomic():
        for row in rows:
            organisation = Organisation(**row.organisation)
            if organisation.status == MembershipStatus.MEMBER and not organisation.member_since:
                organisation.member_since = today
            organisation.status_since = organisation.member_since or today
            if organisation.listed_publicly:  # the file records the organisation's consent
                organisation.listing_consent_changed_at = timezone.now()
                organisation.listing_consent_changed_by = acting_user
            organisation.save()
            if row.issue_teams:
                organisation.issue_teams.set(row.issue_teams)
            _record_status(
                organisation,
                organisation.status,
                organisation.status_since,
                by=acting_user,
                note=_("Imported from %(filename)s, line %(line)s")
                % {"filename": filename, "line": row.line},
            )
            if row.contact:
                person = Person.objects.create(**row.contact)
                Role.objects.create(organisation=organisation, person=person, kind=RoleKind.MAIN)
            report.created.append(organisation.pk)
        audit.log(
            "members.organisations.imported",
            actor=acting_user,
            data={
                "count": len(report.created),
                "filename": filename,
                "ids": report.created,
                "warnings": len(report.warnings),
            },
        )
        transaction.on_commit(forget_counts)
    return report


def _duplicate_warnings(rows) -> list[str]:
    countries = {row.organisation["country_id"] for row in rows}
    on_record = [
        names.Named(o.pk, o.country_id, o.name, o.name_latin)
        for o in Organisation.objects.filter(country__in=countries).only(
            "pk", "country_id", "name", "name_latin"
        )
    ]
    labels = {o.ref: f"{o.name_latin} (#{o.ref})" for o in on_record}
    by_country: dict[str, list[names.Named]] = {}
    for named in on_record:
        by_country.setdefault(named.country, []).append(named)
    warnings = []
    seen: dict[str, list[names.Named]] = {}
    for row in rows:
        candidate = names.Named(
            f"line {row.line}",
            row.organisation["country_id"],
            row.organisation["name"],
            row.organisation["name_latin"],
        )
        for match in names.likely_duplicates(candidate, by_country.get(candidate.country, [])):
            warnings.append(
                _("Line %(line)s: “%(name)s” looks like %(other)s, already on record.")
                % {"line": row.line, "name": candidate.name_latin, "other": labels[match.ref]}
            )
        for match in names.likely_duplicates(candidate, seen.get(candidate.country, [])):
            warnings.append(
                _("Line %(line)s: “%(name)s” looks like the organisation on %(other)s.")
                % {"line": row.line, "name": candidate.name_latin, "other": match.ref}
            )
        seen.setdefault(candidate.country, []).append(candidate)
    return warnings


def possible_duplicates(application: MembershipApplication) -> list[Organisation]:
    """Organisations on record that an application may duplicate (for the reviewer)."""
    others = Organisation.objects.filter(country=application.country_id).exclude(
        pk=application.organisation_id
    )
    by_pk = {o.pk: o for o in others}
    matches = names.likely_duplicates(
        application.as_named(), [o.as_named() for o in by_pk.values()]
    )
    return [by_pk[m.ref] for m in matches]


# ---------------------------------------------------------------- the quarterly review


def remind_reviewers(*, now: datetime.datetime | None = None) -> int:
    """At the start of each quarter, remind those who review applications how many wait.
    Sent once per quarter (a row per quarter), only when applications wait; returns the number
    of emails sent."""
    from .models import ReviewReminder, pending_applications, quarter_of

    now = now or timezone.now()
    quarter = quarter_of(now)
    pending = pending_applications().count()
    if pending == 0:
        return 0
    from django.contrib.auth import get_user_model

    User = get_user_model()
    reviewers = (
        User.objects.filter(
            is_active=True,
            groups__permissions__codename="review_membershipapplication",
            groups__permissions__content_type__app_label="members",
        )
        .distinct()
        .order_by("pk")
    )
    with transaction.atomic():
        reminder, created = ReviewReminder.objects.get_or_create(
            quarter=quarter, defaults={"pending": pending, "sent_at": now}
        )
        if not created:
            return 0
        audit.log("members.review.reminded", obj=reminder, data={"pending": pending})
        sent = 0
        for user in reviewers:
            _email(
                user.email,
                user.preferred_language,
                gettext_lazy("Membership applications to review this quarter"),
                "members/email/review_reminder.txt",
                {
                    "pending": pending,
                    "quarter": quarter,
                    "queue_url": settings.SITE_URL + reverse("membership_applications:index"),
                },
            )
            sent += 1
    return sent


# ---------------------------------------------------------------- demo content


def create_demo_organisations(*, count: int, seed: int = 2002) -> int:
    """Make sure `count` demo organisations exist (fictional names, flagged, members, some
    listed); returns how many were created."""
    from . import demo

    with transaction.atomic():
        created = demo.create(count=count, seed=seed)
        if created:
            audit.log("members.demo.created", data={"count": created})
        transaction.on_commit(forget_counts)
    return created


def remove_demo_organisations() -> int:
    with transaction.atomic():
        demo = Organisation.objects.filter(is_demo=True)
        removed = demo.count()
        MembershipApplication.objects.filter(organisation__in=demo).delete()
        demo.delete()
        Person.objects.filter(is_demo=True).delete()
        audit.log("members.demo.removed", data={"count": removed})
        transaction.on_commit(forget_counts)
    return removed


def link_demo_accounts(*, users: Mapping) -> None:
    """On a demo site: the demo focal point gets the first demo organisation, the demo
    regional coordinator its region."""
    from . import demo

    with transaction.atomic():
        demo.link_demo_accounts(dict(users))
        audit.log("members.demo.accounts_linked", data={"accounts": sorted(users)})
