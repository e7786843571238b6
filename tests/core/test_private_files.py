from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile

from commonbonds.core import actions
from commonbonds.core.models import AuditEntry, PrivateFile


@pytest.fixture
def stored(make_user):
    owner = make_user("focal_point")
    private = actions.store_private_file(
        acting_user=owner,
        upload=ContentFile(b"letter body", name="Passport scan.pdf"),
        title="Support letter",
        owner=owner,
        mime_type="application/pdf",
    )
    return owner, private


def test_stored_outside_the_public_media_root_without_the_uploaded_name(stored):
    _, private = stored
    path = Path(private.file.path)
    assert path.read_bytes() == b"letter body"
    assert Path(settings.MEDIA_ROOT) not in path.parents
    assert "Passport" not in private.file.name


def test_the_owner_downloads_and_the_access_is_logged(client, stored):
    owner, private = stored
    client.force_login(owner)
    response = client.get(f"/private/{private.pk}/")
    assert response.status_code == 200
    # Reading the stream to its end lets the test client close the file (response.close()
    # would fire request_finished and close the test's database connection).
    assert b"".join(response.streaming_content) == b"letter body"
    assert {"private", "no-store"} <= {
        part.strip() for part in response["Cache-Control"].split(",")
    }
    assert (
        AuditEntry.objects.filter(action="core.private_file.downloaded", actor=owner).count() == 1
    )


def test_someone_else_gets_404_and_the_attempt_is_logged(client, make_user, stored):
    _, private = stored
    other = make_user("focal_point")
    client.force_login(other)
    assert client.get(f"/private/{private.pk}/").status_code == 404
    assert AuditEntry.objects.filter(action="core.private_file.refused", actor=other).count() == 1


def test_an_accreditation_officer_may_read_it(client_for, stored):
    _, private = stored
    response = client_for("accreditation_officer").get(f"/private/{private.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"letter body"


def test_anonymous_visitors_are_sent_to_sign_in(client, stored):
    _, private = stored
    response = client.get(f"/private/{private.pk}/")
    assert response.status_code == 302 and response["Location"].startswith("/account/login/")


def test_a_failed_write_leaves_no_file_behind(make_user, monkeypatch):
    owner = make_user()

    def boom(*args, **kwargs):
        raise RuntimeError("database down")

    monkeypatch.setattr("commonbonds.core.audit.log", boom)
    with pytest.raises(RuntimeError):
        actions.store_private_file(
            acting_user=owner, upload=ContentFile(b"x", name="a.txt"), title="x", owner=owner
        )
    assert not PrivateFile.objects.exists()
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    assert not root.exists() or not any(p.is_file() for p in root.rglob("*"))
