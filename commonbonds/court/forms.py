"""Forms of the Court's public pages and staff screens. Forms only read and check input; every
save goes through `court/actions.py`."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import (
    BudgetStage,
    CaseStatus,
    Programme,
    Situation,
    SituationStage,
    Trigger,
)


def _any(label):
    return [("", label)]


class SituationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    stage = forms.ChoiceField(
        label=_("Stage"), required=False, choices=_any(_("Every stage")) + SituationStage.choices
    )
    trigger = forms.ChoiceField(
        label=_("Trigger"), required=False, choices=_any(_("Every trigger")) + Trigger.choices
    )


class CaseFilterForm(forms.Form):
    q = forms.CharField(label=_("Search (case or defendant)"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_any(_("Every status")) + CaseStatus.choices
    )
    situation = forms.ChoiceField(label=_("Situation"), required=False)
    ongoing = forms.BooleanField(label=_("Only cases still before the Court"), required=False)

    def __init__(self, *args, lang: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        situations = (
            Situation.objects.filter(cases__isnull=False).distinct().select_related("state")
        )
        self.fields["situation"].choices = _any(_("Every situation")) + sorted(
            ((s.slug, s.title(lang)) for s in situations), key=lambda item: item[1]
        )


class QuestionnaireForm(forms.Form):
    """One text area per question; the candidate picks the language they answer in."""

    language = forms.ChoiceField(label=_("Language of your answers"), choices=settings.LANGUAGES)

    def __init__(self, *args, questions=(), lang: str = "en", readonly: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for n, question in enumerate(self.questions, 1):
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=_("Question %(number)s: %(text)s")
                % {"number": n, "text": question.text(lang)},
                required=False,
                max_length=10_000,
                widget=forms.Textarea(attrs={"rows": 8}),
                disabled=readonly,
            )
        if readonly:
            self.fields["language"].disabled = True

    def answers(self) -> dict[int, str]:
        return {q.pk: self.cleaned_data.get(f"q{q.pk}", "") for q in self.questions}


class BudgetYearForm(forms.Form):
    """Staff enter one year's figures at one stage (proposal, recommendation, approval)."""

    year = forms.IntegerField(label=_("Budget year"), min_value=2002, max_value=2100)
    stage = forms.ChoiceField(label=_("Stage"), choices=BudgetStage.choices)
    source_url = forms.URLField(label=_("Source"), max_length=500, assume_scheme="https")
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for programme in Programme:
            self.fields[programme.value] = forms.IntegerField(
                label=_("%(programme)s (euros)") % {"programme": programme.label},
                required=False,
                min_value=1,
            )

    def amounts(self) -> dict[str, int | None]:
        return {p.value: self.cleaned_data.get(p.value) for p in Programme}


class RoundForm(forms.Form):
    """The published count of one ballot; a field of votes per candidate on the ballot."""

    ballot_papers = forms.IntegerField(label=_("Ballot papers"), min_value=0)
    invalid = forms.IntegerField(label=_("Invalid ballots"), min_value=0, initial=0)
    abstentions = forms.IntegerField(label=_("Abstentions"), min_value=0, initial=0)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    # The ballot the form was opened for: a ballot entered meanwhile by someone else is refused.
    number = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, candidates=(), withdrawable=(), declarable=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = list(candidates)
        for candidate in self.candidates:
            self.fields[f"votes_{candidate.pk}"] = forms.IntegerField(
                label=_("Votes for %(name)s") % {"name": candidate.name},
                min_value=0,
                required=False,
            )
        self.fields["withdrawals"] = forms.MultipleChoiceField(
            label=_("Withdrawn before this ballot"),
            required=False,
            choices=[(str(c.pk), c.name) for c in withdrawable],
            widget=forms.CheckboxSelectMultiple,
        )
        if declarable:
            self.fields["declared_elected"] = forms.MultipleChoiceField(
                label=_("Declared elected after this ballot"),
                required=False,
                choices=[(str(c.pk), c.name) for c in declarable],
                widget=forms.CheckboxSelectMultiple,
            )

    def votes(self) -> dict[int, int]:
        out = {}
        for candidate in self.candidates:
            value = self.cleaned_data.get(f"votes_{candidate.pk}")
            if value is not None:
                out[candidate.pk] = value
        return out

    def ids(self, name: str) -> list[int]:
        return [int(v) for v in self.cleaned_data.get(name, [])]
