"""demo_members (DESIGN §7) and bootstrap's demo set."""

from io import StringIO

import pytest
from django.core.management import call_command

from commonbonds.core.models import AuditEntry
from commonbonds.members import demo
from commonbonds.members.models import Organisation, Person, Region
from commonbonds.members.names import is_latin
from commonbonds.members.queries import counts_by_region


def test_demo_organisations_are_fictional_flagged_and_topped_up(states):
    call_command("demo_members", "--count", "12", stdout=StringIO())
    organisations = Organisation.objects.all()
    assert organisations.count() == 12
    assert all(o.is_demo for o in organisations)
    assert all(p.is_demo and p.email.endswith("@demo.example.org") for p in Person.objects.all())
    # Running again makes no more; a higher count tops up.
    call_command("demo_members", "--count", "12", stdout=StringIO())
    assert Organisation.objects.count() == 12
    call_command("demo_members", "--count", "15", stdout=StringIO())
    assert Organisation.objects.count() == 15
    # Names come from the word lists only (no real organisation's name).
    words = set(" ".join(demo.NATURE + demo.KINDS + demo.SPANISH).split())
    for organisation in organisations:
        if is_latin(organisation.name):
            assert set(organisation.name.split()[:-1]) <= words, organisation.name
    assert Region.objects.exists()  # a demo site without regions gets starting ones
    assert AuditEntry.objects.filter(action="members.demo.created").count() == 2


def test_demo_organisations_never_count(states):
    call_command("demo_members", "--count", "30", stdout=StringIO())
    assert all(row["count"] is None for row in counts_by_region())


def test_remove_takes_every_demo_record_and_nothing_else(states, make_org):
    real = make_org(name="Real Org")
    call_command("demo_members", "--count", "5", stdout=StringIO())
    out = StringIO()
    call_command("demo_members", "--remove", stdout=out)
    assert "5 demo organisations removed." in out.getvalue()
    assert list(Organisation.objects.all()) == [real]
    assert not Person.objects.filter(is_demo=True).exists()


def test_only_on_a_demo_site_when_asked(states, settings):
    settings.CB_DEMO = False
    call_command("demo_members", "--count", "5", "--if-demo-site", stdout=StringIO())
    assert not Organisation.objects.exists()


@pytest.mark.parametrize("demo_site", [True, False])
def test_bootstrap_makes_a_modest_demo_set_on_demo_sites_only(public_site, settings, demo_site):
    from commonbonds.core.management.commands.bootstrap import DATA_LOADERS

    assert ("demo_members", ["--count", "40", "--if-demo-site"]) in DATA_LOADERS
    settings.CB_DEMO = demo_site
    from tests.members.factories import make_states

    make_states()
    call_command("demo_members", "--count", "40", "--if-demo-site", stdout=StringIO())
    assert Organisation.objects.filter(is_demo=True).exists() is demo_site
    if demo_site:
        # The demo focal point's portal shows a demo organisation.
        from commonbonds.core.models import User

        focal = User.objects.get(email="focal-point@demo.example.org")
        assert focal.has_perm("members.use_portal")
