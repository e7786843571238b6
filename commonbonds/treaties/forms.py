"""Staff forms of the treaty admin. They only collect values: saving goes through the actions."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .actions import EventData
from .models import ImplementingLegislation, Instrument, State, TreatyEvent

REASON = forms.CharField(
    label=_("Reason for the change"),
    required=False,
    max_length=500,
    help_text=_("Kept in the audit log, e.g. the depositary notification that corrects a date."),
)


def _url_field(model, name: str, **kwargs) -> forms.URLField:
    field = model._meta.get_field(name)
    return forms.URLField(
        label=field.verbose_name,
        max_length=field.max_length,
        required=not field.blank,
        assume_scheme="https",
        help_text=field.help_text,
        **kwargs,
    )


class TreatyEventForm(WagtailAdminModelForm):
    source_url = _url_field(TreatyEvent, "source_url")
    reason = REASON

    class Meta:
        model = TreatyEvent
        fields = [
            "state",
            "instrument",
            "action",
            "date",
            "known_by",
            "confirmed",
            "note",
            "source_url",
            "depositary_notification",
            "retracted",
            "reason",
        ]

    def event_data(self) -> EventData:
        data = self.cleaned_data
        return EventData(
            state=data["state"].iso3,
            instrument=data["instrument"].slug,
            action=data["action"],
            date=data["date"],
            known_by=data["known_by"],
            confirmed=data["confirmed"],
            note=data["note"],
            source_url=data["source_url"],
            depositary_notification=data["depositary_notification"],
            retracted=data["retracted"],
        )


class StateForm(WagtailAdminModelForm):
    class Meta:
        model = State
        fields = [
            "name_en",
            "name_en_source",
            "name_fr",
            "name_fr_source",
            "name_es",
            "name_es_source",
            "name_ar",
            "name_ar_source",
            "un_member",
            "asp_regional_group",
        ]


class InstrumentForm(WagtailAdminModelForm):
    class Meta:
        model = Instrument
        fields = [
            "short_name",
            "title_fr",
            "title_es",
            "title_ar",
            "titles_source",
            "data_complete_to",
            "coverage_note",
        ]


class ImplementingLegislationForm(WagtailAdminModelForm):
    link = _url_field(ImplementingLegislation, "link")

    class Meta:
        model = ImplementingLegislation
        fields = [
            "state",
            "kind",
            "stage",
            "title",
            "tabled_on",
            "adopted_on",
            "in_force_on",
            "link",
            "notes",
        ]
