from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import Organisation, OrganisationType, Person, RoleKind


def state_choices():
    """Every state, by its name in the current language."""
    from commonbonds.treaties.models import State

    states = [(s.iso3, s.name()) for s in State.objects.all()]
    return [("", "—"), *sorted(states, key=lambda c: c[1].casefold())]


class StateChoiceField(forms.ChoiceField):
    """A state by its ISO3 code (the value the organisation's country refers to)."""

    def __init__(self, **kwargs):
        super().__init__(choices=state_choices, **kwargs)


class ApplicationForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the organisation"),
        max_length=255,
        help_text=_("In its own language and script."),
    )
    name_latin = forms.CharField(
        label=_("Name in Latin letters"),
        max_length=255,
        required=False,
        help_text=_("Only if the name above is written in another script."),
    )
    acronym = forms.CharField(label=_("Acronym"), max_length=50, required=False)
    country = StateChoiceField(
        label=_("Country"),
        help_text=_("Where the organisation is based; for an international one, its headquarters."),
    )
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    type = forms.ChoiceField(
        label=_("Type of organisation"), choices=[("", "—"), *OrganisationType.choices]
    )
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )
    email = forms.EmailField(label=_("General email address"), required=False)
    description = forms.CharField(
        label=_("What the organisation does"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    motivation = forms.CharField(
        label=_("Why does the organisation want to join the coalition?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    contact_name = forms.CharField(
        label=_("Your full name"),
        max_length=200,
        help_text=_("You become the organisation's main focal point."),
    )
    contact_email = forms.EmailField(label=_("Your email address"))
    contact_title = forms.CharField(label=_("Your job title"), max_length=200, required=False)
    language = forms.ChoiceField(label=_("Language for our emails"), choices=settings.LANGUAGES)
    commitments_version = forms.IntegerField(widget=forms.HiddenInput)
    accept_commitments = forms.BooleanField(
        label=_("On behalf of the organisation, I accept the commitments above."),
    )


class ProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), max_length=300, required=False, assume_scheme="https"
    )

    class Meta:
        model = Organisation
        fields = ["name", "name_latin", "acronym", "city", "website", "email", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Not required here: the action fills it in from a Latin name, or says what is missing.
        self.fields["name_latin"].required = False


class ConsentForm(forms.Form):
    listed_publicly = forms.BooleanField(
        label=_("List our organisation in the public directory"),
        required=False,
        help_text=_(
            "The directory shows the name, country, city, type, website and description. "
            "Leave this off if being known as a member could put anyone at risk."
        ),
    )


class PersonForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["name", "email", "phone", "title", "language"]


class NewPersonForm(PersonForm):
    kind = forms.ChoiceField(label=_("Role"), choices=RoleKind.choices)
    invite = forms.BooleanField(
        label=_("Invite them to the portal"),
        required=False,
        help_text=_("They receive an email to create their account."),
    )

    class Meta(PersonForm.Meta):
        pass


class RoleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Add a role"), choices=RoleKind.choices)


class HandoverForm(forms.Form):
    from_person = forms.ModelChoiceField(label=_("Who is leaving"), queryset=Person.objects.none())
    to_person = forms.ModelChoiceField(
        label=_("Who takes over"),
        queryset=Person.objects.none(),
        help_text=_("Add the new person to the organisation first if they are not listed."),
    )

    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        people = Person.objects.filter(roles__organisation=organisation).distinct()
        self.fields["from_person"].queryset = people
        self.fields["to_person"].queryset = people


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the applicant)"), widget=forms.Textarea(attrs={"rows": 4})
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, one organisation per line; the columns are described in the help."),
    )
    accept_warnings = forms.BooleanField(
        label=_("I have checked the possible duplicates: import anyway"), required=False
    )


class CommitmentsForm(forms.Form):
    text_en = forms.CharField(label=_("Text in English"), widget=forms.Textarea)
    text_fr = forms.CharField(label=_("Text in French"), widget=forms.Textarea)
    text_es = forms.CharField(label=_("Text in Spanish"), widget=forms.Textarea)
    text_ar = forms.CharField(
        label=_("Text in Arabic"), widget=forms.Textarea(attrs={"dir": "rtl", "lang": "ar"})
    )
    note = forms.CharField(label=_("What changed"), max_length=300, required=False)
