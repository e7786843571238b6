"""Test data of the members app. Fictional organisations; real states' codes and names as
data/states.csv gives them (English) with their French, Spanish and Arabic UN names."""

import factory

from commonbonds.members.models import (
    CommitmentText,
    Organisation,
    Person,
    Region,
    Role,
)

STATES = {
    # iso3: (iso2, English, French, Spanish, Arabic, ASP group)
    "KEN": ("KE", "Kenya", "Kenya", "Kenya", "كينيا", "african"),
    "UGA": ("UG", "Uganda", "Ouganda", "Uganda", "أوغندا", "african"),
    "FRA": ("FR", "France", "France", "Francia", "فرنسا", "western_european_other"),
    "JOR": ("JO", "Jordan", "Jordanie", "Jordania", "الأردن", "asia_pacific"),
}


def make_states():
    from commonbonds.treaties.models import State

    return {
        iso3: State.objects.get_or_create(
            iso3=iso3,
            defaults={
                "iso2": iso2,
                "name_en": en,
                "name_fr": fr,
                "name_es": es,
                "name_ar": ar,
                "asp_regional_group": group,
            },
        )[0]
        for iso3, (iso2, en, fr, es, ar, group) in STATES.items()
    }


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"region-{n}")
    name_en = factory.Sequence(lambda n: f"Region {n}")

    @factory.post_generation
    def states(self, create, extracted, **kwargs):
        if extracted:
            self.states.set(extracted)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Lantern Justice Circle {n}")
    name_latin = factory.LazyAttribute(lambda o: o.name)
    country_id = "KEN"
    type = "national_ngo"
    status = "member"


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Contact Person {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    language = "en"


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    organisation = factory.SubFactory(OrganisationFactory)
    person = factory.SubFactory(PersonFactory)
    kind = "main"


def make_commitments(version=1):
    return CommitmentText.objects.create(
        version=version,
        text_en=f"We support the Rome Statute system (v{version}).",
        text_fr=f"Nous soutenons le système du Statut de Rome (v{version}).",
        text_es=f"Apoyamos el sistema del Estatuto de Roma (v{version}).",
        text_ar=f"ندعم منظومة نظام روما الأساسي (v{version}).",
    )
