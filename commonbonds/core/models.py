import uuid

from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.db import models
from django.dispatch import receiver
from django.utils import timezone
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _

# Permissions that a superuser does NOT get implicitly, and that need a verified second
# factor to use (DESIGN §5): delegates' identity data. Apps add theirs here.
SENSITIVE_PERMISSIONS: set[str] = {"assembly.view_delegate_identity"}


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra):
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email, password=None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class User(AbstractUser):
    """A person who signs in: staff, member focal points and delegates alike, by email."""

    username = None
    email = models.EmailField(_("email address"), unique=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    is_demo = models.BooleanField(
        _("demo account"), default=False, help_text=_("Generated for demonstration.")
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []
    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def has_perm(self, perm: str, obj=None) -> bool:
        if perm in SENSITIVE_PERMISSIONS:
            # No superuser shortcut, and only with a verified second factor this session.
            if not (self.is_active and self.is_verified_session()):
                return False
            from django.contrib.auth.models import _user_has_perm

            return _user_has_perm(self, perm, obj)
        return super().has_perm(perm, obj)

    def is_verified_session(self) -> bool:
        # django-otp's middleware sets is_verified() on request.user; a user loaded
        # elsewhere (a job, the shell) has not passed a second factor.
        check = getattr(self, "is_verified", None)
        return bool(check and check())

    @property
    def needs_two_factor(self) -> bool:
        """Staff, and anyone who can hold a sensitive permission, must use a second factor."""
        from .roles import STAFF_GROUPS

        if self.is_staff or self.is_superuser:
            return True
        if any(g.name in STAFF_GROUPS for g in self.groups.all()):
            return True
        return bool(self.get_user_permissions() & SENSITIVE_PERMISSIONS) or bool(
            self.get_group_permissions() & SENSITIVE_PERMISSIONS
        )


class AuditEntry(models.Model):
    """Who did what to which object, when, and what changed. Written by action functions."""

    created_at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept when the account is deleted; "system" for scheduled jobs and imports.
    actor_label = models.CharField(_("who (as recorded)"), max_length=254)
    action = models.CharField(_("action"), max_length=100, db_index=True)
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True, db_index=True)
    object_repr = models.CharField(_("object"), max_length=255, blank=True)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    @property
    def message(self) -> str:
        from .audit import describe

        return describe(self)


class _PrivateStorage(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


private_storage = _PrivateStorage()


def get_private_storage():
    """The private storage, chosen by STORAGES["private"]; a callable keeps the migration free
    of host paths."""
    return private_storage


@receiver(setting_changed)
def _reset_private_storage(*, setting, **kwargs):
    if setting in ("STORAGES", "PRIVATE_MEDIA_ROOT"):
        private_storage._wrapped = empty


def _private_upload_to(instance: "PrivateFile", filename: str) -> str:
    # The stored name never carries the uploaded file name, which can hold personal data.
    suffix = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"{instance.purpose}/{instance.pk}.{suffix[:8]}"


class PrivateFile(models.Model):
    """A file outside the public media root, served only by `core.views.private_file`."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(storage=get_private_storage, upload_to=_private_upload_to)
    title = models.CharField(_("title"), max_length=255)
    purpose = models.SlugField(_("purpose"), max_length=50, default="general")
    mime_type = models.CharField(max_length=100, default="application/octet-stream")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="private_files",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("private file")
        verbose_name_plural = _("private files")

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    """An invitation to the portal, sent by email; only a hash of its token is stored."""

    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=40)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()


class ScheduledRun(models.Model):
    """One row per (job, time slot): several schedulers can run and a job still runs once."""

    job = models.CharField(max_length=100)
    slot = models.DateTimeField()
    created_at = models.DateTimeField(default=timezone.now)
    task_result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "slot"], name="unique_job_slot")]
        indexes = [models.Index(fields=["job", "-slot"])]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot:%Y-%m-%d %H:%M}"
