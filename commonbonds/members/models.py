"""The coalition's members: organisations, their people and roles, the coalition's regions,
issue teams, membership applications and the commitments members accept (DESIGN §3).

Every change goes through `members/actions.py`. Some members are at risk: an organisation is
shown in public (directory, profile page) only while it is a member that consented to be listed
(`listed_publicly`, off by default); see docs/members.md for what the public sees.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from . import names

LANGUAGE_CODES = ("en", "fr", "es", "ar")


def current_language(lang: str | None = None) -> str:
    code = (lang or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


class TranslatedName(models.Model):
    """A name in the four languages of the site; French, Spanish and Arabic fall back to
    English when empty."""

    name_en = models.CharField(_("name in English"), max_length=150)
    name_fr = models.CharField(_("name in French"), max_length=150, blank=True)
    name_es = models.CharField(_("name in Spanish"), max_length=150, blank=True)
    name_ar = models.CharField(_("name in Arabic"), max_length=150, blank=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        return getattr(self, f"name_{current_language(lang)}") or self.name_en


class Region(TranslatedName):
    """A region of the coalition (its own, not the ASP's regional groups), mapped to states."""

    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    states = models.ManyToManyField(
        "treaties.State",
        verbose_name=_("states"),
        related_name="coalition_regions",
        blank=True,
        help_text=_("Each state belongs to one region at most."),
    )
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("regional coordinators"),
        related_name="coordinated_regions",
        blank=True,
        limit_choices_to={"groups__name": "Regional coordinators"},
        help_text=_("They see and manage the members of this region only."),
    )

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["position", "name_en"]


class RegionalOffice(models.Model):
    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="offices"
    )
    name = models.CharField(_("name"), max_length=150)
    city = models.CharField(_("city"), max_length=100)
    country = models.ForeignKey(
        "treaties.State",
        verbose_name=_("country"),
        to_field="iso3",
        on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.TextField(_("address"), blank=True)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)

    class Meta:
        verbose_name = _("regional office")
        verbose_name_plural = _("regional offices")
        ordering = ["region__position", "name"]

    def __str__(self) -> str:
        return self.name


class IssueTeam(TranslatedName):
    """A team of member organisations working on one issue (budget and finance, victims'
    rights, elections…), with a focal point in the secretariat."""

    slug = models.SlugField(_("short name in addresses"), max_length=60, unique=True)
    description = models.TextField(_("description"), blank=True)
    secretariat_focal_point = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("focal point in the secretariat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"is_staff": True},
    )

    class Meta:
        verbose_name = _("issue team")
        verbose_name_plural = _("issue teams")
        ordering = ["name_en"]


class OrganisationType(models.TextChoices):
    GRASSROOTS = "grassroots", _("Grassroots or community group")
    NATIONAL_NGO = "national_ngo", _("National non-governmental organisation")
    REGIONAL_NGO = "regional_ngo", _("Regional non-governmental organisation")
    INTERNATIONAL_NGO = "international_ngo", _("International non-governmental organisation")
    NATIONAL_COALITION = "national_coalition", _("National coalition")
    ACADEMIC = "academic", _("University or research institute")
    LEGAL_PROFESSION = "legal_profession", _("Bar association or lawyers' group")
    FAITH_BASED = "faith_based", _("Faith-based organisation")
    OTHER = "other", _("Other")


class MembershipStatus(models.TextChoices):
    APPLICANT = "applicant", _("Applicant")
    MEMBER = "member", _("Member")
    SUSPENDED = "suspended", _("Suspended")
    FORMER = "former", _("Former member")


# Statuses in which the organisation's people may use the portal.
PORTAL_STATUSES = (MembershipStatus.MEMBER, MembershipStatus.SUSPENDED)


class EcosocStatus(models.TextChoices):
    NONE = "none", _("None")
    GENERAL = "general", _("General consultative status")
    SPECIAL = "special", _("Special consultative status")
    ROSTER = "roster", _("Roster")


class OrganisationQuerySet(models.QuerySet):
    def members(self):
        return self.filter(status=MembershipStatus.MEMBER)

    def listed(self):
        """What the public may see: members that consented to be listed."""
        return self.filter(status=MembershipStatus.MEMBER, listed_publicly=True)

    def real(self):
        """Without demo organisations (counts, exports)."""
        return self.filter(is_demo=False)


class Organisation(models.Model):
    name = models.CharField(
        _("name"), max_length=255, help_text=_("In the organisation's own language and script.")
    )
    name_latin = models.CharField(
        _("name in Latin letters"),
        max_length=255,
        help_text=_("The same as the name when it is written in Latin letters."),
    )
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    country = models.ForeignKey(
        "treaties.State",
        verbose_name=_("country"),
        to_field="iso3",
        on_delete=models.PROTECT,
        related_name="member_organisations",
        help_text=_("Where it is based; for an international organisation, its headquarters."),
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    type = models.CharField(
        _("type of organisation"), max_length=30, choices=OrganisationType, default="national_ngo"
    )
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("general email address"), blank=True)
    description = models.TextField(
        _("description"),
        max_length=2000,
        blank=True,
        help_text=_("A few sentences about the organisation's work, shown in its public profile."),
    )
    status = models.CharField(
        _("membership status"),
        max_length=20,
        choices=MembershipStatus,
        default=MembershipStatus.APPLICANT,
        db_index=True,
    )
    status_since = models.DateField(_("status since"), default=timezone.localdate)
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    member_since = models.DateField(_("member since"), null=True, blank=True)
    national_coalition = models.ForeignKey(
        "self",
        verbose_name=_("national coalition"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="coalition_members",
        limit_choices_to={"type": OrganisationType.NATIONAL_COALITION},
        help_text=_("The national coalition this organisation belongs to, if any."),
    )
    ecosoc_status = models.CharField(
        _("UN ECOSOC consultative status"),
        max_length=10,
        choices=EcosocStatus,
        default=EcosocStatus.NONE,
    )
    issue_teams = models.ManyToManyField(
        IssueTeam, verbose_name=_("issue teams"), related_name="organisations", blank=True
    )
    listed_publicly = models.BooleanField(
        _("listed in the public directory"),
        default=False,
        help_text=_(
            "Only with the organisation's consent: some members are at risk. Off by default."
        ),
    )
    listing_consent_changed_at = models.DateTimeField(
        _("consent to be listed last changed"), null=True, blank=True
    )
    listing_consent_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("consent to be listed last changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo organisation"), default=False, help_text=_("Generated for demonstration.")
    )
    # Normalised Latin name, for duplicate checks and search (names.normalise).
    name_key = models.CharField(max_length=255, blank=True, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name_latin", "pk"]
        indexes = [models.Index(fields=["status", "listed_publicly", "country"])]
        permissions = [
            ("access_every_region", _("Can see and manage the members of every region")),
            ("import_organisations", _("Can import organisations from a file")),
        ]

    def __str__(self) -> str:
        return self.name if self.name == self.name_latin else f"{self.name} ({self.name_latin})"

    def save(self, *args, **kwargs):
        self.name_key = names.normalise(self.name_latin or self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name_latin" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    @property
    def shows_in_public(self) -> bool:
        return self.status == MembershipStatus.MEMBER and self.listed_publicly

    def as_named(self) -> names.Named:
        return names.Named(self.pk, self.country_id, self.name, self.name_latin)


class StatusChange(models.Model):
    """The history of an organisation's membership status, with dates."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("membership status"), max_length=20, choices=MembershipStatus)
    on = models.DateField(_("on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("change of membership status")
        verbose_name_plural = _("changes of membership status")
        ordering = ["-on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.on:%Y-%m-%d}"


class Person(models.Model):
    """Someone who works for one or more member organisations; may have a portal account."""

    name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=50, blank=True)
    title = models.CharField(_("job title"), max_length=200, blank=True)
    language = models.CharField(
        _("language for emails"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("portal account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_person",
    )
    # The last portal invitation sent to this person; its acceptance links the account.
    invitation = models.ForeignKey(
        "core.Invitation", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    is_demo = models.BooleanField(_("demo person"), default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class RoleKind(models.TextChoices):
    MAIN = "main", _("Main focal point")
    ACCREDITATION = "accreditation", _("Focal point for accreditation")
    COMMUNICATIONS = "communications", _("Focal point for communications")
    FINANCE = "finance", _("Focal point for finance")
    ADVOCACY = "advocacy", _("Focal point for advocacy and campaigns")
    HEAD = "head", _("Head of the organisation")
    OTHER = "other", _("Other contact")


class Role(models.Model):
    """What a person does for an organisation. Every role holder with a portal account may use
    the portal for that organisation."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="roles",
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("role"), max_length=20, choices=RoleKind, default=RoleKind.MAIN)
    since = models.DateField(_("since"), default=timezone.localdate)

    class Meta:
        verbose_name = _("role in an organisation")
        verbose_name_plural = _("roles in organisations")
        ordering = ["organisation__name_latin", "kind", "person__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "person", "kind"], name="members_role_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_kind_display()} · {self.organisation}"


class CommitmentText(models.Model):
    """A version of the commitments an organisation accepts when it joins. A version is never
    changed once published: staff publish a new one, and applications record which version, in
    which language, word for word."""

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text_en = models.TextField(_("text in English"))
    text_fr = models.TextField(_("text in French"))
    text_es = models.TextField(_("text in Spanish"))
    text_ar = models.TextField(_("text in Arabic"))
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("commitments (version)")
        verbose_name_plural = _("commitments (versions)")
        ordering = ["-version"]

    def __str__(self) -> str:
        return _("Commitments, version %(version)s") % {"version": self.version}

    def text(self, lang: str | None = None) -> str:
        return getattr(self, f"text_{current_language(lang)}") or self.text_en

    @classmethod
    def current(cls) -> "CommitmentText | None":
        return cls.objects.filter(published_at__lte=timezone.now()).order_by("-version").first()


class ApplicationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for review")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


class MembershipApplication(models.Model):
    """An application to join, as submitted on the public form; reviewed each quarter."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    # As submitted: the organisation.
    name = models.CharField(_("name"), max_length=255)
    name_latin = models.CharField(_("name in Latin letters"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=50, blank=True)
    country = models.ForeignKey(
        "treaties.State",
        verbose_name=_("country"),
        to_field="iso3",
        on_delete=models.PROTECT,
        related_name="+",
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    type = models.CharField(_("type of organisation"), max_length=30, choices=OrganisationType)
    website = models.URLField(_("website"), max_length=300, blank=True)
    email = models.EmailField(_("general email address"), blank=True)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    motivation = models.TextField(_("why the organisation wants to join"), max_length=3000)
    # As submitted: the contact, who becomes the main focal point.
    contact_name = models.CharField(_("contact's full name"), max_length=200)
    contact_email = models.EmailField(_("contact's email address"))
    contact_title = models.CharField(_("contact's job title"), max_length=200, blank=True)
    language = models.CharField(
        _("language for emails"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    # The commitments, exactly as shown to the applicant.
    commitments = models.ForeignKey(
        CommitmentText,
        verbose_name=_("commitments (version)"),
        on_delete=models.PROTECT,
        related_name="applications",
    )
    commitments_language = models.CharField(_("language of the commitments"), max_length=8)
    commitments_text = models.TextField(_("commitments accepted (exact wording)"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    # The decision.
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApplicationStatus,
        default=ApplicationStatus.PENDING,
        db_index=True,
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for not approving"), blank=True)

    class Meta:
        verbose_name = _("membership application")
        verbose_name_plural = _("membership applications")
        ordering = ["submitted_at", "pk"]
        permissions = [("review_membershipapplication", _("Can approve or reject applications"))]

    def __str__(self) -> str:
        return self.name if self.name == self.name_latin else f"{self.name} ({self.name_latin})"

    @property
    def quarter(self) -> str:
        return quarter_of(self.submitted_at)

    def as_named(self) -> names.Named:
        return names.Named(f"application-{self.pk}", self.country_id, self.name, self.name_latin)


def quarter_of(moment) -> str:
    """'2026-Q3' for any date or datetime in July–September 2026."""
    return f"{moment.year}-Q{(moment.month - 1) // 3 + 1}"


class CommitmentAcceptance(models.Model):
    """The commitments an organisation accepted, word for word, recorded on approval."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="commitments_accepted"
    )
    commitments = models.ForeignKey(
        CommitmentText,
        verbose_name=_("commitments (version)"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8)
    text = models.TextField(_("exact wording"))
    accepted_at = models.DateTimeField(_("accepted"))
    approved_at = models.DateTimeField(_("approved"), default=timezone.now)
    application = models.OneToOneField(
        MembershipApplication,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="acceptance",
    )

    class Meta:
        verbose_name = _("commitments accepted")
        verbose_name_plural = _("commitments accepted")
        ordering = ["-approved_at"]

    def __str__(self) -> str:
        return f"{self.organisation} · v{self.commitments.version}"


class ReviewReminder(models.Model):
    """One row per quarter: the reminder to work through the applications was sent."""

    quarter = models.CharField(max_length=7, unique=True)
    sent_at = models.DateTimeField(default=timezone.now)
    pending = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.quarter


def pending_applications():
    return MembershipApplication.objects.filter(status=ApplicationStatus.PENDING)
