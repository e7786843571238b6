import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import actions, audit
from .errors import DomainError
from .forms import AcceptInvitationForm, LanguageForm, OTPCodeForm
from .models import PrivateFile

logger = logging.getLogger(__name__)


@require_GET
@never_cache
def healthz(request):
    """Database, cache and queue, each "ok" or the error's class; 503 unless all are ok."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as exc:
        checks["database"] = type(exc).__name__
    try:
        cache.set("healthz", "1", 10)
        checks["cache"] = "ok" if cache.get("healthz") == "1" else "unreadable"
    except Exception as exc:
        checks["cache"] = type(exc).__name__
    checks["queue"] = _check_queue()
    healthy = all(v == "ok" for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )


def _check_queue() -> str:
    backend = settings.TASKS["default"]["BACKEND"]
    try:
        if backend == "django_tasks_rq.RQBackend":
            import django_rq

            django_rq.get_connection("default").ping()
        elif backend == "django_tasks_db.DatabaseBackend":
            from django_tasks_db.models import DBTaskResult

            DBTaskResult.objects.exists()
        return "ok"
    except Exception as exc:
        return type(exc).__name__


def _safe_next(request, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@never_cache
def accept_invitation(request, token: str):
    try:
        invitation = actions.open_invitation(token)
    except DomainError as exc:
        return render(request, "core/invitation_invalid.html", {"message": exc.message}, status=410)
    form = AcceptInvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = actions.accept_invitation(
                token=token,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                password=form.cleaned_data["password"],
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            login(request, user, backend="commonbonds.core.backends.ModelBackend")
            messages.success(request, _("Welcome! Your account is ready."))
            return redirect(_language_url("core:account", user.preferred_language))
    return render(request, "core/accept_invitation.html", {"form": form, "invitation": invitation})


def _language_url(name: str, language: str) -> str:
    from django.urls import reverse

    with translation.override(language):
        return reverse(name)


@login_required
@never_cache
def account(request):
    form = LanguageForm(
        request.POST or None, initial={"preferred_language": request.user.preferred_language}
    )
    if request.method == "POST" and form.is_valid():
        language = form.cleaned_data["preferred_language"]
        actions.set_preferred_language(user=request.user, language=language)
        with translation.override(language):
            messages.success(request, _("Your language preference is saved."))
        response = redirect(_language_url("core:account", language))
        response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
        return response
    return render(request, "core/account.html", {"form": form})


@login_required
@never_cache
def two_factor_setup(request):
    """Show a QR code for an authenticator app and confirm it with a first code."""
    import segno

    device_id = request.session.get("cb_otp_setup_device")
    device = TOTPDevice.objects.filter(pk=device_id, user=request.user, confirmed=False).first()
    if device is None:
        device = actions.start_two_factor(user=request.user)
        request.session["cb_otp_setup_device"] = device.pk
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.confirm_two_factor(
                user=request.user, device=device, code=form.cleaned_data["code"]
            )
        except DomainError as exc:
            form.add_error("code", exc.message)
        else:
            otp_login(request, device)
            request.session.pop("cb_otp_setup_device", None)
            messages.success(request, _("Two-factor authentication is on."))
            return redirect(_safe_next(request, "/admin/"))
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "core/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": qr.svg_inline(scale=4, dark="#111", light="#fff", title=_("QR code")),
            "secret": device.bin_key.hex(),
            "next": _safe_next(request, "/admin/"),
        },
    )


@login_required
@never_cache
def two_factor_verify(request):
    form = OTPCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip())
        if device is None:
            audit.log("core.user.two_factor_failed", actor=request.user, obj=request.user)
            form.add_error("code", _("That code is not right. Try the newest one."))
        else:
            otp_login(request, device)
            return redirect(_safe_next(request, "/admin/"))
    return render(
        request,
        "core/two_factor_verify.html",
        {"form": form, "next": _safe_next(request, "/admin/")},
    )


@never_cache
def private_file(request, pk):
    """Serve a private file to whoever may see it, and log every access and refusal."""
    obj = get_object_or_404(PrivateFile, pk=pk)
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("core.view_privatefile", obj):
        audit.log("core.private_file.refused", actor=request.user, obj=obj)
        raise Http404  # do not confirm that the file exists
    audit.log("core.private_file.downloaded", actor=request.user, obj=obj)
    response = FileResponse(
        obj.file.open("rb"),
        content_type=obj.mime_type,
        as_attachment=True,
        filename=obj.file.name.rsplit("/", 1)[-1],
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context on purpose: the failure may be in a context processor.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render(), status=500)
