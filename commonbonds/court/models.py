"""The Court: ASP sessions, situations, cases, the budget and elections (DESIGN §3, `court`).

Rows that come from `data/` (sessions, situations, cases, budget figures) reuse the treaty
app's `ImportedRecord`: a hash of the values last imported and whether staff corrected the row,
so that a re-import reports staff corrections as conflicts and leaves them alone.

Elections hold facts only (candidates, remaining judges, each ballot's figures); who is elected
and the minimum voting requirements are computed by the election engine (`court/elections/`)
in `court/results.py`, cached per `Election.revision`, which every action that changes an
election's facts increments.

Every change goes through `court/actions.py`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from commonbonds.treaties.models import (
    REGIONAL_GROUP_BY_LABEL,
    ImportedRecord,
    RegionalGroup,
    current_language,
)

#: {RegionalGroup code: the group's name in the election engine and data/states.csv}.
ENGINE_REGION = {str(code): label for label, code in REGIONAL_GROUP_BY_LABEL.items()}


# -- datasets ----------------------------------------------------------------------------------


class DatasetKey(models.TextChoices):
    SESSIONS = "asp_sessions", _("Sessions of the Assembly of States Parties")
    SITUATIONS = "icc_situations", _("Situations and preliminary examinations")
    CASES = "icc_cases", _("Cases")
    BUDGET = "icc_budget", _("Programme budgets of the Court")


class CourtDataset(models.Model):
    """What a data file covers: each dataset shows its own "data as of" date (DESIGN §4)."""

    key = models.CharField(_("dataset"), max_length=30, choices=DatasetKey, unique=True)
    data_as_of = models.DateField(
        _("data as of"),
        null=True,
        blank=True,
        help_text=_("The last day the data file covers (its README says so)."),
    )
    source_file = models.CharField(_("data file"), max_length=200, blank=True)
    rows = models.PositiveIntegerField(_("rows in the file"), default=0)
    imported_at = models.DateTimeField(_("last imported"), null=True, blank=True)
    staff_updated_at = models.DateTimeField(
        _("last entry by staff"),
        null=True,
        blank=True,
        help_text=_("When staff last added or corrected a row of this dataset."),
    )

    class Meta:
        verbose_name = _("court dataset")
        verbose_name_plural = _("court datasets")
        ordering = ["key"]

    def __str__(self) -> str:
        return str(self.get_key_display())


# -- sessions of the Assembly ------------------------------------------------------------------


class SessionKind(models.TextChoices):
    REGULAR = "regular", _("Regular session")
    RESUMED = "resumed", _("Resumed session")
    SPECIAL = "special", _("Special session")
    REVIEW_CONFERENCE = "review_conference", _("Review Conference")


class AssemblySession(ImportedRecord):
    """One meeting of the Assembly of States Parties (data/asp_sessions.csv).

    `key` is stable: the session number ("22"), with "-R1", "-R2" for its resumptions in the
    order of the file, or "RC" and "S-1". The assembly app may later take this model over.
    """

    key = models.CharField(_("key"), max_length=12, unique=True)
    number = models.CharField(_("session number"), max_length=5)
    kind = models.CharField(_("kind"), max_length=20, choices=SessionKind)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    city = models.CharField(_("city"), max_length=100)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    president = models.CharField(_("President of the Assembly"), max_length=200, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)

    class Meta:
        verbose_name = _("session of the Assembly")
        verbose_name_plural = _("sessions of the Assembly")
        ordering = ["start_date"]

    def __str__(self) -> str:
        return f"{self.label()} ({self.start_date:%Y})"

    def label(self) -> str:
        if self.kind == SessionKind.REVIEW_CONFERENCE:
            return str(_("Review Conference"))
        if self.kind == SessionKind.SPECIAL:
            return str(_("Special session %(number)s")) % {"number": self.number}
        if self.kind == SessionKind.RESUMED:
            return str(_("Resumed session %(number)s")) % {"number": self.number}
        return str(_("Session %(number)s")) % {"number": self.number}


# -- situations and cases ----------------------------------------------------------------------


class SituationStage(models.TextChoices):
    INVESTIGATION = "investigation", _("Investigation")
    PRELIMINARY_EXAMINATION = "preliminary_examination", _("Preliminary examination")
    CLOSED = "closed", _("Examination closed")
    DECLINED = "declined", _("Examination declined")


class Trigger(models.TextChoices):
    STATE_REFERRAL = "state_referral", _("Referral by a State Party")
    SECURITY_COUNCIL_REFERRAL = "security_council_referral", _("Referral by the Security Council")
    PROPRIO_MOTU = "proprio_motu", _("The Prosecutor's own initiative (proprio motu)")
    ART_12_3_DECLARATION = "art_12_3_declaration", _("Declaration under article 12(3)")


class Situation(ImportedRecord):
    """A situation under investigation, or a preliminary examination (data/icc_situations.csv).

    Keyed on the ICC's name of the situation; `slug` is given once and kept, so URLs stay.
    """

    name = models.CharField(_("name (English)"), max_length=200, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=200, blank=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=200, blank=True)
    name_ar = models.CharField(_("name (Arabic)"), max_length=200, blank=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    state = models.ForeignKey(
        "treaties.State",
        verbose_name=_("state concerned"),
        on_delete=models.PROTECT,
        related_name="icc_situations",
    )
    stage = models.CharField(_("stage"), max_length=30, choices=SituationStage)
    trigger = models.CharField(_("trigger"), max_length=30, choices=Trigger)
    opened_date = models.DateField(
        _("preliminary examination opened or referral received"), null=True, blank=True
    )
    investigation_opened_date = models.DateField(_("investigation opened"), null=True, blank=True)
    closed_date = models.DateField(_("examination closed"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)

    class Meta:
        verbose_name = _("situation")
        verbose_name_plural = _("situations")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def title(self, lang: str | None = None) -> str:
        """The name in the language: staff's translation, else the state's own name when the
        situation is named after the state, else the ICC's English name."""
        code = current_language(lang)
        if code != "en":
            own = getattr(self, f"name_{code}")
            if own:
                return own
            if self.state_id and self.name == self.state.name_en:
                return self.state.name(code)
        return self.name

    def title_is_english(self, lang: str | None = None) -> bool:
        code = current_language(lang)
        return code != "en" and self.title(code) == self.name


class CaseStatus(models.TextChoices):
    AT_LARGE = "at_large", _("At large")
    PRE_TRIAL = "pre_trial", _("Pre-trial")
    TRIAL = "trial", _("Trial")
    CONVICTED = "convicted", _("Convicted")
    ACQUITTED = "acquitted", _("Acquitted")
    CHARGES_NOT_CONFIRMED = "charges_not_confirmed", _("Charges not confirmed")
    CHARGES_WITHDRAWN = "charges_withdrawn", _("Charges withdrawn")
    CHARGES_VACATED = "charges_vacated", _("Charges vacated")
    TERMINATED_DECEASED = "terminated_deceased", _("Proceedings terminated (deceased)")
    CLOSED = "closed", _("Closed")


#: The spelling of each status in data/icc_cases.csv.
CASE_STATUS_BY_LABEL = {
    "at large": CaseStatus.AT_LARGE,
    "pre-trial": CaseStatus.PRE_TRIAL,
    "trial": CaseStatus.TRIAL,
    "convicted": CaseStatus.CONVICTED,
    "acquitted": CaseStatus.ACQUITTED,
    "charges not confirmed": CaseStatus.CHARGES_NOT_CONFIRMED,
    "charges withdrawn": CaseStatus.CHARGES_WITHDRAWN,
    "charges vacated": CaseStatus.CHARGES_VACATED,
    "proceedings terminated (deceased)": CaseStatus.TERMINATED_DECEASED,
    "closed": CaseStatus.CLOSED,
}
#: Cases still before the Court (for the "ongoing" filter).
ONGOING_STATUSES = (CaseStatus.AT_LARGE, CaseStatus.PRE_TRIAL, CaseStatus.TRIAL)


class Case(ImportedRecord):
    """One set of proceedings (data/icc_cases.csv), keyed on the ICC's case name.

    `defendants` and `key_dates` keep the file's notation ("A; B", "warrant:2006-02-10;…"):
    `court.keydates` reads them into people and a timeline with translated labels, and checks
    them the same way for the import and for staff.
    """

    name = models.CharField(_("case name"), max_length=300, unique=True)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)
    situation = models.ForeignKey(
        Situation, verbose_name=_("situation"), on_delete=models.PROTECT, related_name="cases"
    )
    defendants = models.TextField(
        _("defendants"), help_text=_("Every person in the case, separated by semicolons.")
    )
    status = models.CharField(_("status of the case"), max_length=30, choices=CaseStatus)
    key_dates = models.TextField(
        _("key dates"),
        blank=True,
        help_text=_(
            "event:YYYY-MM-DD pairs separated by semicolons, in date order, e.g. "
            "warrant:2006-02-10;transfer:2006-03-17. An event about one defendant starts with "
            "their name: lukwiya_terminated:2007-07-11."
        ),
    )
    notes = models.TextField(_("notes"), blank=True)
    source_url = models.URLField(_("source"), max_length=500)

    class Meta:
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name

    def defendant_names(self) -> list[str]:
        return [d.strip() for d in self.defendants.split(";") if d.strip()]


# -- the budget --------------------------------------------------------------------------------


class Programme(models.TextChoices):
    TOTAL = "total", _("Total approved appropriation")
    TOTAL_EXCLUDING_HSL = "total_excl_hsl", _("Total excluding the Host State Loan")
    JUDICIARY = "mp1_judiciary", _("Judiciary (Major Programme I)")
    OTP = "mp2_otp", _("Office of the Prosecutor (Major Programme II)")
    REGISTRY = "mp3_registry", _("Registry (Major Programme III)")
    SASP = "mp4_sasp", _("Secretariat of the Assembly of States Parties (Major Programme IV)")
    PREMISES = "mp5_premises", _("Premises (Major Programme V)")
    STFV = "mp6_stfv", _("Secretariat of the Trust Fund for Victims (Major Programme VI)")
    HOST_STATE_LOAN = "mp7_2_hsl", _("Host State Loan (Major Programme VII-2)")
    IOM = "mp7_5_iom", _("Independent Oversight Mechanism (Major Programme VII-5)")
    OIA = "mp7_6_oia", _("Office of Internal Audit (Major Programme VII-6)")


#: The spelling of each programme in data/icc_budget.csv.
PROGRAMME_BY_LABEL = {
    "total": Programme.TOTAL,
    "total excluding host state loan": Programme.TOTAL_EXCLUDING_HSL,
    "Judiciary": Programme.JUDICIARY,
    "Office of the Prosecutor": Programme.OTP,
    "Registry": Programme.REGISTRY,
    "Secretariat of the Assembly of States Parties": Programme.SASP,
    "Premises": Programme.PREMISES,
    "Secretariat of the Trust Fund for Victims": Programme.STFV,
    "Host State Loan": Programme.HOST_STATE_LOAN,
    "Independent Oversight Mechanism": Programme.IOM,
    "Office of Internal Audit": Programme.OIA,
}
TOTALS = (Programme.TOTAL, Programme.TOTAL_EXCLUDING_HSL)
#: The appropriation sections that add up to the total excluding the Host State Loan.
SECTIONS_EXCLUDING_HSL = (
    Programme.JUDICIARY,
    Programme.OTP,
    Programme.REGISTRY,
    Programme.SASP,
    Programme.PREMISES,
    Programme.STFV,
    Programme.IOM,
    Programme.OIA,
)


class BudgetStage(models.TextChoices):
    PROPOSED = "proposed", _("Proposed by the Court")
    CBF_RECOMMENDED = "cbf_recommended", _("Recommended by the Committee on Budget and Finance")
    APPROVED = "approved", _("Approved by the Assembly")


class BudgetFigure(ImportedRecord):
    """One amount of one year's programme budget, at one stage, in euros.

    Approved figures come from data/icc_budget.csv; staff enter new years (proposed,
    recommended, approved) through the action `enter_budget_year`.
    """

    year = models.PositiveSmallIntegerField(_("budget year"))
    programme = models.CharField(_("programme"), max_length=20, choices=Programme)
    stage = models.CharField(
        _("stage"), max_length=20, choices=BudgetStage, default=BudgetStage.APPROVED
    )
    amount_eur = models.PositiveBigIntegerField(_("amount (euros)"))
    source_url = models.URLField(_("source"), max_length=500)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("budget figure")
        verbose_name_plural = _("budget figures")
        ordering = ["year", "stage", "programme"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "programme", "stage"], name="court_budget_one_figure"
            )
        ]
        permissions = [("enter_budget_year", _("Can enter the figures of a budget year"))]

    def __str__(self) -> str:
        return f"{self.year} · {self.get_programme_display()} · {self.get_stage_display()}"

    @property
    def key(self) -> str:
        return f"{self.year}/{self.programme}/{self.stage}"


# -- elections ---------------------------------------------------------------------------------


class ElectionKind(models.TextChoices):
    JUDGES = "judges", _("Judges")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    DEPUTY_PROSECUTOR = "deputy_prosecutor", _("Deputy Prosecutor")
    BUREAU = "bureau", _("Bureau of the Assembly")
    CBF = "cbf", _("Committee on Budget and Finance")
    TFV_BOARD = "tfv_board", _("Board of Directors of the Trust Fund for Victims")
    OTHER = "other", _("Other election of the Assembly")


#: The title of an election that staff left untitled, by kind.
ELECTION_TITLES = {
    ElectionKind.JUDGES: _("Election of judges, %(year)s"),
    ElectionKind.PROSECUTOR: _("Election of the Prosecutor, %(year)s"),
    ElectionKind.DEPUTY_PROSECUTOR: _("Election of a Deputy Prosecutor, %(year)s"),
    ElectionKind.BUREAU: _("Election of the Bureau of the Assembly, %(year)s"),
    ElectionKind.CBF: _("Election to the Committee on Budget and Finance, %(year)s"),
    ElectionKind.TFV_BOARD: _(
        "Election to the Board of Directors of the Trust Fund for Victims, %(year)s"
    ),
    ElectionKind.OTHER: _("Election held by the Assembly, %(year)s"),
}
#: Elections decided by an absolute majority of the States Parties (Rome Statute art. 42(4)).
ABSOLUTE_MAJORITY_KINDS = (ElectionKind.PROSECUTOR, ElectionKind.DEPUTY_PROSECUTOR)


class JudgeList(models.TextChoices):
    A = "A", _("List A")
    B = "B", _("List B")


class Gender(models.TextChoices):
    FEMALE = "F", _("Female")
    MALE = "M", _("Male")


class Election(models.Model):
    """One election held by the Assembly of States Parties."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ElectionKind)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("Leave empty for a title made from the kind and the year."),
    )
    session = models.ForeignKey(
        AssemblySession,
        verbose_name=_("session of the Assembly"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="elections",
    )
    seats = models.PositiveSmallIntegerField(_("seats to fill"))
    nomination_start = models.DateField(_("nomination period opens"), null=True, blank=True)
    nomination_end = models.DateField(
        _("nomination period closes"),
        null=True,
        blank=True,
        help_text=_("The closing date in force, extensions included."),
    )
    extensions_granted = models.PositiveSmallIntegerField(
        _("extensions of the nomination period granted"), default=0
    )
    voting_date = models.DateField(_("voting begins"), null=True, blank=True)
    # States Parties in each regional group at the time of the election (M2).
    parties_african = models.PositiveSmallIntegerField(_("African States Parties"), default=0)
    parties_asia_pacific = models.PositiveSmallIntegerField(
        _("Asia-Pacific States Parties"), default=0
    )
    parties_eastern_european = models.PositiveSmallIntegerField(
        _("Eastern European States Parties"), default=0
    )
    parties_latin_american_caribbean = models.PositiveSmallIntegerField(
        _("Latin American and Caribbean States Parties"), default=0
    )
    parties_western_european_other = models.PositiveSmallIntegerField(
        _("Western European and Other States Parties"), default=0
    )
    engine_options = models.JSONField(
        _("options of the election rules"),
        default=dict,
        blank=True,
        help_text=_(
            "Choices the rules leave open (docs/elections.md), e.g. "
            '{"cutoff_from_ballot": null}. Empty: the defaults.'
        ),
    )
    questionnaire_deadline = models.DateField(_("questionnaire answers due"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the public site.")
    )
    is_demo = models.BooleanField(
        _("demonstration"),
        default=False,
        help_text=_("Generated with fictional candidates; bannered, and left out of the API."),
    )
    # Incremented by every action that changes the facts of the election: the cached results
    # (court/results.py) and the ETag of the live page are keyed on it.
    revision = models.PositiveIntegerField(default=0, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        verbose_name = _("election")
        verbose_name_plural = _("elections")
        ordering = ["-year", "kind", "slug"]

    def __str__(self) -> str:
        return self.display_title()

    def display_title(self) -> str:
        if self.title:
            return self.title
        template = ELECTION_TITLES.get(self.kind, ELECTION_TITLES[ElectionKind.OTHER])
        return str(template) % {"year": self.year}

    @property
    def uses_engine(self) -> bool:
        """Judicial elections follow the minimum voting requirements (the election engine)."""
        return self.kind == ElectionKind.JUDGES

    def parties_by_group(self) -> dict[str, int]:
        """{RegionalGroup code: number of States Parties}."""
        return {group.value: getattr(self, f"parties_{group.value}") for group in RegionalGroup}

    @property
    def states_parties(self) -> int:
        return sum(self.parties_by_group().values())


class PersonFacts(models.Model):
    """What judges and candidates share: a nationality, real or (demonstration) fictional."""

    class Meta:
        abstract = True

    def nationality_name(self, lang: str | None = None) -> str:
        if self.nationality_id:
            return self.nationality.name(lang)
        return str(_("%(country)s (fictional)")) % {"country": self.fictional_country}

    @property
    def engine_region(self) -> str:
        """The regional group as the election engine names it ("African States"…)."""
        return ENGINE_REGION[self.regional_group]


class Candidate(PersonFacts):
    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="candidates"
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.PositiveSmallIntegerField(_("position on the list"), default=0)
    judge_list = models.CharField(
        _("list"),
        max_length=1,
        choices=JudgeList,
        blank=True,
        help_text=_("For judges: list A (criminal law) or list B (international law)."),
    )
    gender = models.CharField(_("gender"), max_length=1, choices=Gender)
    regional_group = models.CharField(_("regional group"), max_length=30, choices=RegionalGroup)
    nationality = models.ForeignKey(
        "treaties.State",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    nominating_state = models.ForeignKey(
        "treaties.State",
        verbose_name=_("nominating state"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="icc_nominations",
    )
    # Demonstration elections only (DESIGN §7): a made-up country instead of a real state.
    fictional_country = models.CharField(
        _("fictional country (demonstration only)"), max_length=60, blank=True
    )
    withdrawn_before_voting = models.BooleanField(
        _("withdrew before voting began"),
        default=False,
        help_text=_("A withdrawal between ballots is entered with the next ballot instead."),
    )
    # Private: how the coalition reaches the candidate; never shown on a public page.
    email = models.EmailField(_("email for the questionnaire (private)"), blank=True)
    language = models.CharField(
        _("language of correspondence"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
    )
    # Part of the signed questionnaire link; changed to revoke every link sent before.
    questionnaire_nonce = models.CharField(max_length=32, blank=True, editable=False)
    questionnaire_sent_at = models.DateTimeField(
        _("questionnaire link last issued"), null=True, blank=True, editable=False
    )

    class Meta:
        verbose_name = _("candidate")
        verbose_name_plural = _("candidates")
        ordering = ["election", "position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["election", "name"], name="court_candidate_unique_name")
        ]
        permissions = [
            ("issue_questionnaire_link", _("Can send a candidate the questionnaire link"))
        ]

    def __str__(self) -> str:
        return self.name


class CandidateDocument(models.Model):
    """A public document about a candidate: nomination, statement of qualifications, CV."""

    candidate = models.ForeignKey(
        Candidate, verbose_name=_("candidate"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("address"), max_length=500)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("candidate document")
        verbose_name_plural = _("candidate documents")
        ordering = ["candidate", "position", "id"]

    def __str__(self) -> str:
        return self.title


class RemainingJudge(PersonFacts):
    """A judge whose term continues past the election (R in the MVR formulas)."""

    election = models.ForeignKey(
        Election,
        verbose_name=_("election"),
        on_delete=models.CASCADE,
        related_name="remaining_judges",
    )
    name = models.CharField(_("name"), max_length=200)
    judge_list = models.CharField(_("list"), max_length=1, choices=JudgeList)
    gender = models.CharField(_("gender"), max_length=1, choices=Gender)
    regional_group = models.CharField(_("regional group"), max_length=30, choices=RegionalGroup)
    nationality = models.ForeignKey(
        "treaties.State",
        verbose_name=_("nationality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    fictional_country = models.CharField(
        _("fictional country (demonstration only)"), max_length=60, blank=True
    )
    term_ends = models.DateField(_("term ends"), null=True, blank=True)

    class Meta:
        verbose_name = _("remaining judge")
        verbose_name_plural = _("remaining judges")
        ordering = ["election", "name"]
        constraints = [
            models.UniqueConstraint(fields=["election", "name"], name="court_judge_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Round(models.Model):
    """The published count of one ballot, as staff entered it (facts only)."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="rounds"
    )
    number = models.PositiveSmallIntegerField(_("ballot"))
    ballot_papers = models.PositiveSmallIntegerField(_("ballot papers"))
    invalid = models.PositiveSmallIntegerField(_("invalid ballots"), default=0)
    abstentions = models.PositiveSmallIntegerField(_("abstentions"), default=0)
    withdrawals = models.ManyToManyField(
        Candidate,
        verbose_name=_("withdrawn before this ballot"),
        blank=True,
        related_name="withdrawn_in",
    )
    # Only for elections without computed results (Bureau, committees...): who the President
    # of the Assembly declared elected after this ballot.
    declared_elected = models.ManyToManyField(
        Candidate, verbose_name=_("declared elected"), blank=True, related_name="declared_in"
    )
    note = models.TextField(_("note"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    entered_at = models.DateTimeField(_("entered"), auto_now=True)

    class Meta:
        verbose_name = _("ballot")
        verbose_name_plural = _("ballots")
        ordering = ["election", "number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "number"], name="court_round_unique")
        ]
        permissions = [("enter_round", _("Can enter the results of a ballot"))]

    def __str__(self) -> str:
        return str(_("Ballot %(number)s")) % {"number": self.number}


class RoundVote(models.Model):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="votes")
    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="votes")
    votes = models.PositiveSmallIntegerField(_("votes"))

    class Meta:
        verbose_name = _("votes of a candidate")
        verbose_name_plural = _("votes of candidates")
        constraints = [
            models.UniqueConstraint(fields=["round", "candidate"], name="court_vote_unique")
        ]

    def __str__(self) -> str:
        return f"{self.candidate_id}: {self.votes}"


# -- questionnaires ----------------------------------------------------------------------------


class Question(models.Model):
    """A question put to every candidate of an election, written by staff in each language."""

    election = models.ForeignKey(
        Election, verbose_name=_("election"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    text_en = models.TextField(_("question in English"))
    text_fr = models.TextField(_("question in French"), blank=True)
    text_es = models.TextField(_("question in Spanish"), blank=True)
    text_ar = models.TextField(_("question in Arabic"), blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["election", "position", "id"]

    def __str__(self) -> str:
        return self.text_en[:80]

    def text(self, lang: str | None = None) -> str:
        return getattr(self, f"text_{current_language(lang)}") or self.text_en

    def text_language(self, lang: str | None = None) -> str:
        code = current_language(lang)
        return code if getattr(self, f"text_{code}") else "en"


class ResponseStatus(models.TextChoices):
    DRAFT = "draft", _("Being written")
    SUBMITTED = "submitted", _("Submitted, awaiting approval")
    APPROVED = "approved", _("Approved and published")


class QuestionnaireResponse(models.Model):
    """A candidate's answers: written through the private link, published once approved."""

    candidate = models.OneToOneField(
        Candidate,
        verbose_name=_("candidate"),
        on_delete=models.CASCADE,
        related_name="questionnaire",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=ResponseStatus, default=ResponseStatus.DRAFT
    )
    language = models.CharField(
        _("language of the answers"), max_length=8, choices=settings.LANGUAGES, default="en"
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        ordering = ["candidate"]
        permissions = [("approve_questionnaire", _("Can approve questionnaire answers"))]

    def __str__(self) -> str:
        return str(self.candidate)


class Answer(models.Model):
    response = models.ForeignKey(
        QuestionnaireResponse, on_delete=models.CASCADE, related_name="answers"
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="court_answer_unique")
        ]

    def __str__(self) -> str:
        return self.text[:80]
