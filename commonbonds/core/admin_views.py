"""Staff screens of the core inside the Wagtail admin."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.admin.auth import permission_denied

from . import actions
from .errors import DomainError
from .forms import InviteForm
from .models import Invitation
from .roles import INVITE, ROLES


def invite(request):
    if not request.user.has_perm(INVITE):
        return permission_denied(request)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invitation, _token = actions.invite_user(
                acting_user=request.user,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                language=form.cleaned_data["language"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
            return redirect("core_invite")
    open_invitations = Invitation.objects.filter(
        accepted_at__isnull=True, expires_at__gt=timezone.now()
    ).order_by("-created_at")[:50]
    return render(
        request,
        "core/admin/invite.html",
        {"form": form, "invitations": open_invitations, "roles": ROLES},
    )
