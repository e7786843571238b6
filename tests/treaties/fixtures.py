"""Fixtures of the treaty and API tests (imported by tests/treaties and tests/api conftests)."""

from __future__ import annotations

import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

DATA = Path(__file__).resolve().parents[2] / "data"
DATA_FILES = (
    "states.csv",
    "instruments.csv",
    "treaty_actions.csv",
    "state_names.csv",
    "instrument_titles.csv",
)


def clear_treaty_data() -> None:
    from commonbonds.core.models import AuditEntry
    from commonbonds.treaties.models import ImplementingLegislation, Instrument, State, TreatyEvent

    TreatyEvent.objects.all().delete()
    ImplementingLegislation.objects.all().delete()
    Instrument.objects.filter(parent__isnull=False).delete()
    Instrument.objects.all().delete()
    State.objects.all().delete()
    AuditEntry.objects.filter(action__startswith="treaties.").delete()


def import_data(data_dir: Path = DATA, **kwargs) -> str:
    out = StringIO()
    call_command("import_treaties", str(data_dir), stdout=out, stderr=StringIO(), **kwargs)
    return out.getvalue()


@pytest.fixture(autouse=True)
def _fresh_treaty_snapshot(monkeypatch):
    """Each test starts without a snapshot or version; the periodic database check of a
    process-local cache is off unless a test turns it on."""
    from commonbonds.treaties import snapshot

    monkeypatch.setattr(snapshot, "RECHECK_SECONDS", 1e9)
    snapshot.reset()
    yield
    snapshot.reset()


@pytest.fixture(scope="module")
def real_data(django_db_setup, django_db_blocker):
    """The shipped data of data/, imported once per module (committed, removed afterwards).

    Tests that use it also take `db`; they must not change the treaty data outside their
    own transaction.
    """
    from commonbonds.treaties import snapshot

    with django_db_blocker.unblock():
        clear_treaty_data()
        import_data()
        snapshot.reset()
        yield
        clear_treaty_data()
        snapshot.reset()


@pytest.fixture
def data_copy(tmp_path) -> Path:
    """A copy of the data files to break."""
    folder = tmp_path / "data"
    folder.mkdir()
    for name in DATA_FILES:
        shutil.copy(DATA / name, folder / name)
    return folder
