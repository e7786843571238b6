import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from commonbonds.newsroom.models import LibraryDocument

pytestmark = pytest.mark.django_db


def _document(live):
    return LibraryDocument.objects.create(
        title="D",
        kind="report",
        author_organisation="X",
        date=datetime.date(2026, 1, 1),
        language="en",
        file="library/d.pdf",
        live=live,
    )


@pytest.mark.parametrize(
    ("role", "live", "allowed"),
    [
        (None, True, True),
        (None, False, False),
        ("focal_point", False, False),
        ("editor", False, True),
        ("publisher", False, True),
        ("finance_officer", False, False),
    ],
)
def test_who_may_read_a_document(site, make_user, role, live, allowed):
    user = make_user(role) if role else AnonymousUser()
    assert user.has_perm("newsroom.read_document", _document(live)) is allowed
