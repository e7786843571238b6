import pytest
from django.utils import translation

from commonbonds.core import audit
from commonbonds.core.models import AuditEntry


def test_log_records_who_what_and_redacts_sensitive_fields(make_user):
    user = make_user("administrator")
    entry = audit.log(
        "core.user.language_changed",
        actor=user,
        obj=user,
        changes=audit.diff(
            {"preferred_language": "en", "passport_number": "X1234567"},
            {"preferred_language": "fr", "passport_number": "Y7654321"},
            sensitive={"passport_number"},
        ),
        data={"language": "fr", "passport_number": "Y7654321"},
        sensitive={"passport_number"},
    )
    entry.refresh_from_db()
    assert entry.actor == user and entry.actor_label == user.email
    assert entry.changes == {
        "preferred_language": ["en", "fr"],
        "passport_number": [audit.REDACTED, audit.REDACTED],
    }
    assert entry.data["passport_number"] == audit.REDACTED
    assert "X1234567" not in str(AuditEntry.objects.values_list("changes", "data"))
    assert "Y7654321" not in str(AuditEntry.objects.values_list("changes", "data"))


def test_an_unregistered_code_is_refused(db):
    with pytest.raises(ValueError, match="Unregistered audit code"):
        audit.log("core.nothing.happened")
    assert not AuditEntry.objects.exists()


def test_jobs_and_imports_are_logged_as_system(db):
    entry = audit.log("core.user.password_reset")
    assert entry.actor is None and entry.actor_label == "system"


def test_entries_read_in_the_readers_language(make_user):
    user = make_user()
    entry = audit.log("core.user.language_changed", actor=user, obj=user, data={"language": "es"})
    with translation.override("fr"):
        assert entry.message == "A choisi la langue es"
    with translation.override("en"):
        assert entry.message == "Changed the preferred language to es"


def test_every_registered_code_is_namespaced_and_translated():
    for code, sentence in audit.registered_codes().items():
        assert code.count(".") >= 2, code
        with translation.override("en"):
            english = str(sentence)
        for language in ("fr", "es", "ar"):
            with translation.override(language):
                assert str(sentence) != english, (code, language)
