from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import DocumentKind, max_upload_bytes
from .search import TYPE_CHOICES

LANGUAGE_FILTER = [("", _("Any language")), *settings.LANGUAGES]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), max_length=200, required=False)
    type = forms.MultipleChoiceField(
        label=_("Type"), choices=TYPE_CHOICES, required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_FILTER, required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


class LibraryFilterForm(forms.Form):
    q = forms.CharField(label=_("Words in the document"), max_length=200, required=False)
    kind = forms.ChoiceField(
        label=_("Type"), choices=[("", _("Any type")), *DocumentKind.choices], required=False
    )
    language = forms.ChoiceField(label=_("Language"), choices=LANGUAGE_FILTER, required=False)
    theme = forms.SlugField(label=_("Topic"), required=False)
    state = forms.CharField(label=_("State"), max_length=3, required=False)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2200, required=False)


class LibraryDocumentForm(WagtailAdminModelForm):
    """The admin form of a library document: says the size limit up front."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self.fields["file"].help_text = _(
                "A PDF file of at most %(limit)s. Its text is extracted for the site search."
            ) % {"limit": filesizeformat(max_upload_bytes())}
            self.fields["file"].widget.attrs["accept"] = "application/pdf,.pdf"
