"""The GET forms of the public treaty pages (they work without JavaScript)."""

from __future__ import annotations

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from . import queries
from .models import RegionalGroup, Status

UNCONFIRMED_CHOICES = [
    ("include", _("Included, marked provisional")),
    ("exclude", _("Left out")),
]
SORT_CHOICES = [
    ("state", _("State")),
    ("instrument", _("Instrument")),
    ("status", _("Status")),
    ("signature", _("Signature")),
    ("deposit", _("Deposit")),
    ("entry_into_force", _("Entry into force")),
]


class DateField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "date"})

    def __init__(self, **kwargs):
        super().__init__(input_formats=["%Y-%m-%d"], **kwargs)


class AsOfForm(forms.Form):
    as_of = DateField(label=_("As of"), required=False)
    unconfirmed = forms.ChoiceField(
        label=_("Events not yet confirmed by the depositary"),
        choices=UNCONFIRMED_CHOICES,
        required=False,
    )

    def clean_as_of(self):
        day = self.cleaned_data.get("as_of")
        if day is not None and not datetime.date(1998, 1, 1) <= day <= datetime.date(2100, 1, 1):
            raise forms.ValidationError(_("Choose a date between 1998 and 2100."))
        return day

    def values(self) -> tuple[datetime.date, bool]:
        """(as of, include unconfirmed) with the defaults for anything missing or invalid."""
        self.is_valid()  # the valid fields count even when another is wrong
        data = getattr(self, "cleaned_data", {})
        return (
            data.get("as_of") or queries.today(),
            data.get("unconfirmed") != "exclude",
        )


class StatesFilter(AsOfForm):
    field_order = ["instrument", "status", "group", "region", "as_of", "unconfirmed", "sort"]

    instrument = forms.ChoiceField(label=_("Instrument"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All statuses")), *Status.choices]
    )
    group = forms.ChoiceField(
        label=_("ASP regional group"),
        required=False,
        choices=[("", _("All groups")), *RegionalGroup.choices],
    )
    region = forms.ChoiceField(label=_("Coalition region"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, instruments=(), regions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [("", _("All instruments")), *instruments]
        if regions:
            self.fields["region"].choices = [("", _("All regions")), *regions]
        else:
            del self.fields["region"]

    def filters(self) -> dict:
        self.is_valid()  # the valid fields count even when another is wrong
        data = getattr(self, "cleaned_data", {})
        return {
            "instrument": data.get("instrument") or "",
            "status": data.get("status") or "",
            "group": data.get("group") or "",
            "region": data.get("region") or "",
            "sort": data.get("sort") or "state",
        }
