"""Demo organisations (DESIGN §7): fictional names, flagged `is_demo`, removable in one command.

Names are built from word lists chosen so that no name is that of a real organisation; people are
"Demo contact N" at demo.example.org. Countries are real states (an organisation needs one), but
demo organisations never count anywhere: not in the region counts, nor the directory's counts.
Called only through `actions.create_demo_organisations` (`commonbonds demo_members`).
"""

import random

from django.utils import timezone

from .models import (
    CommitmentText,
    IssueTeam,
    MembershipStatus,
    Organisation,
    OrganisationType,
    Person,
    Region,
    Role,
    RoleKind,
    StatusChange,
)

DEMO_DOMAIN = "demo.example.org"

NATURE = [
    "Kestrel Bridge",
    "Blue Heron",
    "Silver Birch",
    "Quiet Lantern",
    "Amber Meadow",
    "Juniper Lane",
    "Willow Ford",
    "Marigold Hill",
    "Cedar Path",
    "Tamarind Court",
    "Saffron Gate",
    "Coral Stair",
    "Northwind Orchard",
    "Granite Well",
    "Indigo Harbour",
    "Larkspur Field",
]
KINDS = [
    "Justice Circle",
    "Rights Collective",
    "Accountability Forum",
    "Legal Aid Guild",
    "Victims' Voice Workshop",
    "Rule of Law Society",
    "Peace and Justice Studio",
]
# (Arabic, Latin transliteration) for some names in Arabic script.
ARABIC_NATURE = [
    ("العوسق", "al-Awsaq"),
    ("الصفصاف", "al-Safsaf"),
    ("الزعفران", "al-Zafaran"),
    ("المرجان", "al-Marjan"),
]
ARABIC_KINDS = [("حلقة", "Halqat"), ("منتدى", "Muntada"), ("ورشة", "Warshat")]
SPANISH = [
    "Colectivo Garza Azul por los Derechos",
    "Círculo Cedro Quieto de Justicia",
    "Taller Ámbar para las Víctimas",
]

# Starting regions for a demo site with none: a real coalition sets up its own in the admin.
DEMO_REGIONS = [
    ("africa", "Africa", "Afrique", "África", "أفريقيا"),
    ("americas", "Americas", "Amériques", "Américas", "الأمريكتان"),
    (
        "asia-pacific",
        "Asia and the Pacific",
        "Asie et Pacifique",
        "Asia y el Pacífico",
        "آسيا والمحيط الهادئ",
    ),
    ("europe", "Europe", "Europe", "Europa", "أوروبا"),
    (
        "mena",
        "Middle East and North Africa",
        "Moyen-Orient et Afrique du Nord",
        "Oriente Medio y Norte de África",
        "الشرق الأوسط وشمال أفريقيا",
    ),
]
MENA = {
    "DZA", "BHR", "EGY", "IRN", "IRQ", "ISR", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR",
    "OMN", "PSE", "QAT", "SAU", "SYR", "TUN", "ARE", "YEM",
}  # fmt: skip
ASIA_PACIFIC_FROM_WEOG = {"AUS", "NZL"}
AMERICAS_FROM_WEOG = {"CAN", "USA"}
DEMO_ISSUE_TEAMS = [
    (
        "budget-finance",
        "Budget and finance",
        "Budget et finances",
        "Presupuesto y finanzas",
        "الميزانية والمالية",
    ),
    (
        "victims-rights",
        "Victims' rights",
        "Droits des victimes",
        "Derechos de las víctimas",
        "حقوق الضحايا",
    ),
    ("elections", "Elections", "Élections", "Elecciones", "الانتخابات"),
]


# A first version of the commitments for a demo site that has none (so the form is open).
DEMO_COMMITMENTS = {
    "text_en": (
        "(Demonstration text.) Our organisation works for a fair, effective and independent "
        "International Criminal Court, supports the universal ratification and full "
        "implementation of the Rome Statute, and acts independently of any government."
    ),
    "text_fr": (
        "(Texte de démonstration.) Notre organisation œuvre pour une Cour pénale internationale "
        "juste, efficace et indépendante, soutient la ratification universelle et la pleine "
        "mise en œuvre du Statut de Rome, et agit indépendamment de tout gouvernement."
    ),
    "text_es": (
        "(Texto de demostración.) Nuestra organización trabaja por una Corte Penal Internacional "
        "justa, eficaz e independiente, apoya la ratificación universal y la plena aplicación "
        "del Estatuto de Roma, y actúa con independencia de cualquier gobierno."
    ),
    "text_ar": (
        "(نص تجريبي.) تعمل منظمتنا من أجل محكمة جنائية دولية عادلة وفعالة ومستقلة، وتدعم "
        "التصديق العالمي على نظام روما الأساسي وتنفيذه الكامل، وتعمل باستقلال عن أي حكومة."
    ),
}


def _region_for(state) -> str:
    iso3, group = state.iso3, state.asp_regional_group
    if iso3 in MENA:
        return "mena"
    if iso3 in ASIA_PACIFIC_FROM_WEOG:
        return "asia-pacific"
    if iso3 in AMERICAS_FROM_WEOG:
        return "americas"
    return {
        "african": "africa",
        "asia_pacific": "asia-pacific",
        "eastern_european": "europe",
        "latin_american_caribbean": "americas",
        "western_european_other": "europe",
    }.get(group, "")


def ensure_regions() -> None:
    """Regions and issue teams for a demo site that has none yet."""
    from commonbonds.treaties.models import State

    if not Region.objects.exists():
        by_slug = {}
        for position, (slug, en, fr, es, ar) in enumerate(DEMO_REGIONS):
            by_slug[slug] = Region.objects.create(
                slug=slug, name_en=en, name_fr=fr, name_es=es, name_ar=ar, position=position
            )
        for state in State.objects.all():
            if slug := _region_for(state):
                by_slug[slug].states.add(state)
    if not IssueTeam.objects.exists():
        for slug, en, fr, es, ar in DEMO_ISSUE_TEAMS:
            IssueTeam.objects.create(slug=slug, name_en=en, name_fr=fr, name_es=es, name_ar=ar)
    if not CommitmentText.objects.exists():
        CommitmentText.objects.create(version=1, note="Demonstration text", **DEMO_COMMITMENTS)


def names_for(n: int, rng: random.Random) -> tuple[str, str]:
    """The n-th demo name (own script, Latin letters)."""
    if n % 7 == 3:
        kind, kind_latin = ARABIC_KINDS[n % len(ARABIC_KINDS)]
        word, word_latin = ARABIC_NATURE[n % len(ARABIC_NATURE)]
        return f"{kind} {word} للعدالة", f"{kind_latin} {word_latin} lil-Adala {n}"
    if n % 11 == 5:
        name = f"{SPANISH[n % len(SPANISH)]} {n}"
        return name, name
    name = f"{rng.choice(NATURE)} {rng.choice(KINDS)} {n}"
    return name, name


def create(*, count: int, seed: int) -> int:
    """Top the demo organisations up to `count`; returns how many were made."""
    from commonbonds.treaties.models import State

    ensure_regions()
    existing = Organisation.objects.filter(is_demo=True).count()
    states = list(State.objects.order_by("iso3"))
    if existing >= count or not states:
        return 0
    rng = random.Random(seed + existing)  # noqa: S311 - demo names, not secrets
    teams = list(IssueTeam.objects.all())
    today = timezone.localdate()
    types = [t for t in OrganisationType.values if t != OrganisationType.NATIONAL_COALITION]
    made = 0
    for n in range(existing + 1, count + 1):
        name, name_latin = names_for(n, rng)
        status = MembershipStatus.MEMBER if n % 9 else MembershipStatus.SUSPENDED
        since = today.replace(year=today.year - rng.randint(0, 20), day=1)
        organisation = Organisation.objects.create(
            name=name,
            name_latin=name_latin,
            acronym=""
            if name != name_latin
            else "".join(w[0] for w in name_latin.split() if w[0].isupper())[:6],
            country=rng.choice(states),
            city="",
            type=rng.choice(types),
            website="",
            description="A fictional organisation generated for the demonstration site.",
            status=status,
            status_since=since,
            applied_on=since,
            member_since=since,
            listed_publicly=n % 3 != 0,  # most consent; some do not
            is_demo=True,
        )
        if teams and n % 2:
            organisation.issue_teams.set(rng.sample(teams, k=rng.randint(1, len(teams))))
        StatusChange.objects.create(organisation=organisation, status=status, on=since)
        person = Person.objects.create(
            name=f"Demo contact {n}",
            email=f"demo-contact-{n}@{DEMO_DOMAIN}",
            language=rng.choice(["en", "fr", "es", "ar"]),
            is_demo=True,
        )
        Role.objects.create(organisation=organisation, person=person, kind=RoleKind.MAIN)
        made += 1
    return made


def link_demo_accounts(users: dict) -> None:
    """Give the demo focal point account the first demo organisation and the demo regional
    coordinator the first region, so that `make run` shows the portal and a region's scope."""
    focal = users.get("focal_point")
    organisation = Organisation.objects.filter(is_demo=True).order_by("pk").first()
    if focal is not None and organisation is not None:
        person, _created = Person.objects.get_or_create(
            user=focal,
            defaults={"name": focal.get_full_name(), "email": focal.email, "is_demo": True},
        )
        Role.objects.get_or_create(organisation=organisation, person=person, kind=RoleKind.MAIN)
    coordinator = users.get("regional_coordinator")
    if coordinator is not None and organisation is not None:
        region = Region.objects.filter(states__iso3=organisation.country_id).first()
        if region is not None:
            region.coordinators.add(coordinator)
