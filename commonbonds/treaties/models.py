"""States, instruments, treaty events and implementing legislation (DESIGN §4).

Facts are events; statuses are derived by the engine (`treaties/engine/`), never stored.
Rows that come from `data/` remember a hash of the values last imported (`import_hash`) and
whether staff corrected them (`edited_by_staff`): a re-import reports staff corrections as
conflicts and leaves them alone. Every change goes through `treaties/actions.py`.
"""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from . import engine

LANGUAGE_CODES = ("en", "fr", "es", "ar")


def current_language(lang: str | None = None) -> str:
    """One of en, fr, es, ar: `lang` when given, else the active language."""
    code = (lang or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0].lower()
    return code if code in LANGUAGE_CODES else settings.LANGUAGE_CODE


class NameSource(models.TextChoices):
    UN = "un", _("United Nations")
    CLDR = "cldr", _("CLDR (Unicode Common Locale Data Repository)")
    STAFF = "staff", _("Corrected by staff")


class RegionalGroup(models.TextChoices):
    """The regional groups of the Assembly of States Parties (data/states.csv)."""

    AFRICAN = "african", _("African States")
    ASIA_PACIFIC = "asia_pacific", _("Asia-Pacific States")
    EASTERN_EUROPEAN = "eastern_european", _("Eastern European States")
    LATIN_AMERICAN_CARIBBEAN = "latin_american_caribbean", _("Latin American and Caribbean States")
    WESTERN_EUROPEAN_OTHER = "western_european_other", _("Western European and Other States")


#: The spelling of each group in data/states.csv.
REGIONAL_GROUP_BY_LABEL = {
    "African States": RegionalGroup.AFRICAN,
    "Asia-Pacific States": RegionalGroup.ASIA_PACIFIC,
    "Eastern European States": RegionalGroup.EASTERN_EUROPEAN,
    "Latin American and Caribbean States": RegionalGroup.LATIN_AMERICAN_CARIBBEAN,
    "Western European and Other States": RegionalGroup.WESTERN_EUROPEAN_OTHER,
}


class Rule(models.TextChoices):
    ROME_STATUTE_ART126 = engine.Rule.ROME_STATUTE_ART126.value, _("Rome Statute, article 126")
    APIC_ART35 = engine.Rule.APIC_ART35.value, _("APIC, article 35")
    ART121_5 = engine.Rule.ART121_5.value, _("Rome Statute, article 121(5)")
    ART121_4 = engine.Rule.ART121_4.value, _("Rome Statute, article 121(4)")


class OpenTo(models.TextChoices):
    ALL_STATES = "all_states", _("All states")
    PARTIES_OF_PARENT = "parties_of_parent", _("Parties to the parent treaty")


class Action(models.TextChoices):
    SIGNATURE = engine.Action.SIGNATURE.value, _("Signature")
    RATIFICATION = engine.Action.RATIFICATION.value, _("Ratification")
    ACCEPTANCE = engine.Action.ACCEPTANCE.value, _("Acceptance")
    APPROVAL = engine.Action.APPROVAL.value, _("Approval")
    ACCESSION = engine.Action.ACCESSION.value, _("Accession")
    SUCCESSION = engine.Action.SUCCESSION.value, _("Succession")
    DEPOSIT = engine.Action.DEPOSIT.value, _("Deposit (kind of instrument not known)")
    ACCESSION_WITHDRAWN = engine.Action.ACCESSION_WITHDRAWN.value, _("Accession withdrawn")
    WITHDRAWAL_NOTIFICATION = (
        engine.Action.WITHDRAWAL_NOTIFICATION.value,
        _("Notification of withdrawal"),
    )
    WITHDRAWAL_REVOKED = engine.Action.WITHDRAWAL_REVOKED.value, _("Withdrawal revoked")
    INTENT_NOT_TO_BECOME_PARTY = (
        engine.Action.INTENT_NOT_TO_BECOME_PARTY.value,
        _("Intent not to become a party"),
    )
    DECLARATION_ARTICLE_12_3 = (
        engine.Action.DECLARATION_ARTICLE_12_3.value,
        _("Declaration under article 12(3)"),
    )
    ANNOUNCEMENT = engine.Action.ANNOUNCEMENT.value, _("Announcement")


class Status(models.TextChoices):
    """Labels of the derived statuses (never stored)."""

    NOT_SIGNED = engine.Status.NOT_SIGNED.value, _("Not signed")
    SIGNATORY = engine.Status.SIGNATORY.value, _("Signatory")
    SIGNATURE_WITHDRAWN = engine.Status.SIGNATURE_WITHDRAWN.value, _("Signature withdrawn")
    DEPOSITED = engine.Status.DEPOSITED.value, _("Deposited, not yet in force")
    PARTY = engine.Status.PARTY.value, _("State Party")
    WITHDRAWAL_PENDING = engine.Status.WITHDRAWAL_PENDING.value, _("Withdrawal pending")
    WITHDRAWN = engine.Status.WITHDRAWN.value, _("Withdrawn")


class ImportedRecord(models.Model):
    """A row that the import of `data/` creates and updates, unless staff corrected it."""

    edited_by_staff = models.BooleanField(
        _("corrected by staff"),
        default=False,
        help_text=_("A re-import of the data files leaves a corrected row alone."),
    )
    # SHA-256 of the values last written by the import; empty for rows staff created.
    import_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True, db_index=True)

    class Meta:
        abstract = True


class State(ImportedRecord):
    iso3 = models.CharField(_("ISO 3166-1 alpha-3 code"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166-1 alpha-2 code"), max_length=2, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_fr = models.CharField(_("name in French"), max_length=100)
    name_es = models.CharField(_("name in Spanish"), max_length=100)
    name_ar = models.CharField(_("name in Arabic"), max_length=100)
    name_en_source = models.CharField(
        _("source of the English name"), max_length=10, choices=NameSource, default=NameSource.UN
    )
    name_fr_source = models.CharField(
        _("source of the French name"), max_length=10, choices=NameSource, default=NameSource.CLDR
    )
    name_es_source = models.CharField(
        _("source of the Spanish name"), max_length=10, choices=NameSource, default=NameSource.CLDR
    )
    name_ar_source = models.CharField(
        _("source of the Arabic name"), max_length=10, choices=NameSource, default=NameSource.CLDR
    )
    un_member = models.BooleanField(_("member of the United Nations"), default=True)
    asp_regional_group = models.CharField(
        _("regional group (Assembly of States Parties)"),
        max_length=30,
        choices=RegionalGroup,
        blank=True,
    )

    class Meta:
        verbose_name = _("state")
        verbose_name_plural = _("states")
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name()

    def name(self, lang: str | None = None) -> str:
        return getattr(self, f"name_{current_language(lang)}") or self.name_en

    def name_source(self, lang: str | None = None) -> str:
        return getattr(self, f"name_{current_language(lang)}_source")


class Instrument(ImportedRecord):
    slug = models.SlugField(_("identifier"), max_length=60, unique=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    name = models.CharField(_("official title in English"), max_length=300)
    short_name = models.CharField(_("short name in English"), max_length=100)
    title_fr = models.CharField(_("official title in French"), max_length=300, blank=True)
    title_es = models.CharField(_("official title in Spanish"), max_length=300, blank=True)
    title_ar = models.CharField(_("official title in Arabic"), max_length=300, blank=True)
    titles_source = models.CharField(
        _("source of the translated titles"), max_length=500, blank=True
    )
    depositary_ref = models.CharField(_("UN depositary reference"), max_length=20)
    adopted_place = models.CharField(_("place of adoption"), max_length=100)
    adopted_date = models.DateField(_("date of adoption"))
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent treaty"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="amendments",
    )
    entry_into_force_rule = models.CharField(
        _("entry-into-force rule"), max_length=30, choices=Rule
    )
    general_entry_into_force = models.DateField(
        _("general entry into force"), null=True, blank=True
    )
    open_to = models.CharField(_("open to"), max_length=30, choices=OpenTo)
    data_complete_to = models.DateField(_("data complete to"), null=True, blank=True)
    coverage_note = models.TextField(_("coverage note"), blank=True)

    class Meta:
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.title()

    def title(self, lang: str | None = None) -> str:
        """The official title in the language, or in English when no translation is known."""
        code = current_language(lang)
        if code == "en":
            return self.name
        return getattr(self, f"title_{code}") or self.name


class TreatyEvent(ImportedRecord):
    """A fact: one act of one state for one instrument, with its source."""

    event_id = models.CharField(_("event id"), max_length=40, unique=True)
    state = models.ForeignKey(
        State, verbose_name=_("state"), on_delete=models.PROTECT, related_name="events"
    )
    instrument = models.ForeignKey(
        Instrument, verbose_name=_("instrument"), on_delete=models.PROTECT, related_name="events"
    )
    action = models.CharField(_("action"), max_length=40, choices=Action)
    date = models.DateField(_("date"), null=True, blank=True)
    known_by = models.DateField(
        _("known by"),
        null=True,
        blank=True,
        help_text=_(
            "Only for an event whose date is not known: the date by which a source shows it "
            "had happened."
        ),
    )
    confirmed = models.BooleanField(
        _("confirmed"),
        default=True,
        help_text=_("Untick when the event is only reported and awaits the depositary."),
    )
    note = models.TextField(_("note"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)
    depositary_notification = models.CharField(
        _("depositary notification"),
        max_length=100,
        blank=True,
        help_text=_(
            "The reference of the UN depositary notification, e.g. C.N.57.2017.TREATIES-XVIII.10."
        ),
    )
    retracted = models.BooleanField(
        _("retracted"),
        default=False,
        help_text=_("A retracted event is kept on record but left out of every status and count."),
    )

    class Meta:
        verbose_name = _("treaty event")
        verbose_name_plural = _("treaty events")
        ordering = ["event_id"]
        indexes = [models.Index(fields=["state", "instrument"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(date__isnull=False, known_by__isnull=True)
                | models.Q(date__isnull=True, known_by__isnull=False),
                name="treatyevent_date_or_known_by",
                violation_error_message=_(
                    "Give either the date or, when the date is not known, known by."
                ),
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_id}: {self.state_id and self.state} · {self.get_action_display()}"

    @property
    def day(self):
        return self.date or self.known_by


class LegislationKind(models.TextChoices):
    CRIMES_COMPLEMENTARITY = "crimes_complementarity", _("Crimes and complementarity")
    COOPERATION = "cooperation", _("Cooperation with the Court")
    APIC_IMPLEMENTATION = "apic_implementation", _("Implementation of the APIC")


class LegislationStage(models.TextChoices):
    NOT_REVIEWED = "not_reviewed", _("Not reviewed")
    NONE = "none", _("No legislation")
    DRAFT = "draft", _("Draft")
    TABLED = "tabled", _("Tabled in parliament")
    ADOPTED = "adopted", _("Adopted")
    IN_FORCE = "in_force", _("In force")


class ImplementingLegislation(models.Model):
    """Domestic law implementing the Rome Statute system, tracked per state and kind."""

    state = models.ForeignKey(
        State, verbose_name=_("state"), on_delete=models.PROTECT, related_name="legislation"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=LegislationKind)
    stage = models.CharField(
        _("stage"), max_length=20, choices=LegislationStage, default=LegislationStage.NOT_REVIEWED
    )
    title = models.CharField(_("title of the law or bill"), max_length=300, blank=True)
    tabled_on = models.DateField(_("tabled on"), null=True, blank=True)
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    in_force_on = models.DateField(_("in force on"), null=True, blank=True)
    link = models.URLField(_("link"), max_length=500, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    last_reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last reviewed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    last_reviewed_at = models.DateTimeField(_("last reviewed"), null=True, blank=True)

    class Meta:
        verbose_name = _("implementing legislation")
        verbose_name_plural = _("implementing legislation")
        ordering = ["state__name_en", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["state", "kind"], name="legislation_one_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.state} · {self.get_kind_display()}"
