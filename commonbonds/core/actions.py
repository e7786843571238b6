"""State changes of the core. Views, the admin, commands and the API all call these.

Each runs in one transaction, writes the audit log, and sends email only after commit.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.base import File
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit
from .errors import DomainError, PermissionDeniedError
from .models import Invitation, PrivateFile
from .roles import INVITE, ROLES
from .signals import invitation_accepted
from .tasks import send_email

User = get_user_model()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _language(code: str) -> str:
    codes = {c for c, _label in settings.LANGUAGES}
    if code not in codes:
        raise DomainError(gettext_lazy("Unknown language."), code="unknown_language")
    return code


def invite_user(
    *, acting_user, email: str, role: str, language: str = "en", permission: str = INVITE
) -> tuple[Invitation, str]:
    """Invite someone to the portal with a role; returns the invitation and its secret token.

    `permission` is what the acting user must hold: the general right to invite by default.
    An app's action that invites to one narrow role on its own terms (the members app inviting
    the focal point of an organisation it approved) checks its own rules and passes its own.
    """
    if not acting_user.has_perm(permission):
        raise PermissionDeniedError(gettext_lazy("You may not invite people."))
    try:
        validate_email(email)
    except ValidationError as exc:
        raise DomainError(gettext_lazy("Enter a valid email address."), code="bad_email") from exc
    if role not in ROLES:
        raise DomainError(gettext_lazy("Unknown role."), code="unknown_role")
    language = _language(language)
    email = email.strip().lower()
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            email=email,
            role=role,
            language=language,
            token_hash=_token_hash(token),
            created_by=acting_user,
            expires_at=timezone.now() + timedelta(days=settings.CB_INVITATION_DAYS),
        )
        audit.log(
            "core.invitation.sent",
            actor=acting_user,
            obj=invitation,
            data={"email": email, "role": role},
        )
        with translation.override(language):
            url = settings.SITE_URL + reverse("core:accept_invitation", args=[token])
            subject = _("You are invited to Common Bonds")
            body = render_to_string(
                "core/email/invitation.txt",
                {"url": url, "role": ROLES[role].label, "days": settings.CB_INVITATION_DAYS},
            )
        transaction.on_commit(lambda: send_email.enqueue(str(subject), body, [email]))
    return invitation, token


def open_invitation(token: str) -> Invitation:
    invitation = Invitation.objects.filter(token_hash=_token_hash(token)).first()
    if invitation is None or not invitation.is_open:
        raise DomainError(
            gettext_lazy("This invitation link is not valid or has expired. Ask for a new one."),
            code="invitation_invalid",
        )
    return invitation


def accept_invitation(*, token: str, first_name: str, last_name: str, password: str):
    """Create (or reuse) the account of the invited email, give it the role, set the password."""
    with transaction.atomic():
        invitation = open_invitation(token)
        # Lock the row: a link clicked twice at once creates one account.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if not invitation.is_open:
            raise DomainError(
                gettext_lazy("This invitation has already been used."), code="invitation_used"
            )
        user = User.objects.filter(email=invitation.email).first()
        try:
            validate_password(password, user or User(email=invitation.email))
        except ValidationError as exc:
            raise DomainError(" ".join(exc.messages), code="weak_password") from exc
        if user is None:
            user = User.objects.create_user(
                email=invitation.email,
                password=password,
                first_name=first_name,
                last_name=last_name,
                preferred_language=invitation.language,
            )
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        group = Group.objects.get(name=ROLES[invitation.role].group_name)
        user.groups.add(group)
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit.log("core.invitation.accepted", actor=user, obj=invitation)
        transaction.on_commit(
            lambda: invitation_accepted.send(sender=Invitation, invitation=invitation, user=user)
        )
    return user


def set_preferred_language(*, user, language: str) -> None:
    language = _language(language)
    with transaction.atomic():
        old = user.preferred_language
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
        audit.log(
            "core.user.language_changed",
            actor=user,
            obj=user,
            changes=audit.diff({"preferred_language": old}, {"preferred_language": language}),
            data={"language": language},
        )


def start_two_factor(*, user) -> TOTPDevice:
    """An unconfirmed authenticator-app device; confirmed by `confirm_two_factor`."""
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)


def confirm_two_factor(*, user, device: TOTPDevice, code: str) -> None:
    if device.user_id != user.pk or not device.verify_token(code.strip()):
        # Recorded on its own: the failed attempt must stay in the log.
        audit.log("core.user.two_factor_failed", actor=user, obj=user)
        raise DomainError(
            gettext_lazy("That code is not right. Check the time on your phone and try again."),
            code="bad_otp",
        )
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.log("core.user.two_factor_enabled", actor=user, obj=user)


def store_private_file(
    *,
    acting_user,
    upload: File,
    title: str,
    purpose: str = "general",
    owner=None,
    mime_type: str = "application/octet-stream",
) -> PrivateFile:
    private = PrivateFile(title=title, purpose=purpose, owner=owner, mime_type=mime_type)
    private.file.save(upload.name or "file", upload, save=False)
    try:
        with transaction.atomic():
            private.save()
            audit.log(
                "core.private_file.stored",
                actor=acting_user,
                obj=private,
                data={"purpose": purpose},
            )
    except Exception:
        # Nothing saved halfway: a failed write leaves no file behind on disk.
        private.file.delete(save=False)
        raise
    return private
