"""Staff forms of the Court's admin screens. They only collect values: saving goes through
`court/actions.py` (see `wagtail_hooks.py`)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import (
    AssemblySession,
    Candidate,
    CandidateDocument,
    Case,
    CourtDataset,
    Election,
    Question,
    RemainingJudge,
    Situation,
)


def _url_field(model, name: str) -> forms.URLField:
    field = model._meta.get_field(name)
    return forms.URLField(
        label=field.verbose_name,
        max_length=field.max_length,
        required=not field.blank,
        assume_scheme="https",
        help_text=field.help_text,
    )


class ActionModelForm(WagtailAdminModelForm):
    """A model form whose `values()` the actions take; `FIELDS` are the fields staff edit."""

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields if name != "election"}


class SituationForm(ActionModelForm):
    source_url = _url_field(Situation, "source_url")

    class Meta:
        model = Situation
        fields = [
            "name",
            "name_fr",
            "name_es",
            "name_ar",
            "state",
            "stage",
            "trigger",
            "opened_date",
            "investigation_opened_date",
            "closed_date",
            "notes",
            "source_url",
        ]


class CaseForm(ActionModelForm):
    source_url = _url_field(Case, "source_url")

    class Meta:
        model = Case
        fields = ["name", "situation", "defendants", "status", "key_dates", "notes", "source_url"]


class SessionForm(ActionModelForm):
    source_url = _url_field(AssemblySession, "source_url")

    class Meta:
        model = AssemblySession
        fields = ["start_date", "end_date", "city", "venue", "president", "notes", "source_url"]


class DatasetForm(ActionModelForm):
    class Meta:
        model = CourtDataset
        fields = ["data_as_of"]


class ElectionForm(ActionModelForm):
    source_url = _url_field(Election, "source_url")
    count_parties = forms.BooleanField(
        label=_("Count the States Parties of each group from the treaty data"),
        required=False,
        help_text=_(
            "On the day the nomination period opens (or today): replaces the five counts below."
        ),
    )

    class Meta:
        model = Election
        fields = [
            "kind",
            "year",
            "title",
            "slug",
            "session",
            "seats",
            "nomination_start",
            "nomination_end",
            "extensions_granted",
            "voting_date",
            "parties_african",
            "parties_asia_pacific",
            "parties_eastern_european",
            "parties_latin_american_caribbean",
            "parties_western_european_other",
            "engine_options",
            "questionnaire_deadline",
            "notes",
            "source_url",
            "published",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the kind and the year.")
        self.fields["engine_options"].required = False


class CandidateForm(ActionModelForm):
    class Meta:
        model = Candidate
        fields = [
            "election",
            "name",
            "position",
            "judge_list",
            "gender",
            "regional_group",
            "nationality",
            "nominating_state",
            "fictional_country",
            "withdrawn_before_voting",
            "email",
            "language",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regional_group"].required = False
        self.fields["regional_group"].help_text = _(
            "Leave empty to take the regional group of the nationality."
        )
        if self.instance.pk:
            self.fields["election"].disabled = True


class RemainingJudgeForm(ActionModelForm):
    class Meta:
        model = RemainingJudge
        fields = [
            "election",
            "name",
            "judge_list",
            "gender",
            "regional_group",
            "nationality",
            "fictional_country",
            "term_ends",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regional_group"].required = False
        if self.instance.pk:
            self.fields["election"].disabled = True


class CandidateDocumentForm(ActionModelForm):
    url = _url_field(CandidateDocument, "url")

    class Meta:
        model = CandidateDocument
        fields = ["candidate", "title", "url", "language", "position"]

    def values(self) -> dict:
        return {n: self.cleaned_data[n] for n in ("title", "url", "language", "position")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["candidate"].disabled = True


class QuestionForm(ActionModelForm):
    class Meta:
        model = Question
        fields = ["election", "position", "text_en", "text_fr", "text_es", "text_ar"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["election"].disabled = True
