"""The per-process status index: built once, rebuilt when the version or the data changes."""

from __future__ import annotations

import datetime

import pytest
from django.core.cache import cache

from commonbonds.treaties import snapshot
from commonbonds.treaties.models import TreatyEvent

pytestmark = pytest.mark.django_db
CUT_OFF = datetime.date(2026, 11, 28)


@pytest.mark.usefixtures("real_data")
def test_a_warm_snapshot_answers_without_a_query(django_assert_num_queries):
    first = snapshot.current()
    with django_assert_num_queries(0):
        again = snapshot.current()
        again.counts("rome_statute", CUT_OFF)
    assert again is first


@pytest.mark.usefixtures("real_data")
def test_a_new_version_in_the_cache_makes_every_process_rebuild():
    first = snapshot.current()
    cache.set(snapshot.VERSION_KEY, "another process changed the data")
    second = snapshot.current()
    assert second is not first and second.version == "another process changed the data"


@pytest.mark.usefixtures("real_data")
def test_a_lost_version_is_replaced(django_assert_max_num_queries):
    first = snapshot.current()
    cache.delete(snapshot.VERSION_KEY)  # evicted, or the cache restarted
    second = snapshot.current()
    assert second is not first
    assert cache.get(snapshot.VERSION_KEY) == second.version


@pytest.mark.usefixtures("real_data")
def test_a_local_memory_cache_also_checks_the_database(monkeypatch):
    """Without a shared cache another process's change is seen within RECHECK_SECONDS."""
    monkeypatch.setattr(snapshot, "RECHECK_SECONDS", 0)
    first = snapshot.current()
    assert first.counts("rome_statute", CUT_OFF).parties == 125
    # A change saved by another process: its version bump never reaches this local cache.
    for event in TreatyEvent.objects.filter(state__iso3="AFG", instrument__slug="rome_statute"):
        event.retracted = True
        event.save()
    second = snapshot.current()
    assert second is not first
    assert second.counts("rome_statute", CUT_OFF).parties == 124


@pytest.mark.usefixtures("real_data")
def test_the_snapshot_holds_names_instruments_and_the_data_date():
    snap = snapshot.current()
    assert list(snap.instruments)[:2] == ["rome_statute", "apic"]  # the order of instruments.csv
    assert snap.states["COD"].name("fr") == "République démocratique du Congo"
    assert snap.data_date == CUT_OFF  # data/README.md: data cut-off 2026-11-28
    assert snap.instruments["amendment_art8_2010"].parent == "rome_statute"
