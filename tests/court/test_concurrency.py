"""Two staff members entering the same ballot at the same moment (PostgreSQL).

`enter_round` locks the election's row, so the second writer reads the ballot the first one
stored and is refused (the form says which ballot it was opened for). Without the lock both
would read "ballot 2 is next": checked by removing `select_for_update()` from
`actions._lock_election`, this test then fails (the second writer hits the unique constraint
instead of the ConflictError).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection

from commonbonds.core.errors import ConflictError
from commonbonds.court import actions, results
from commonbonds.court.models import Round

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_same_ballot_entered_twice_at_once_is_stored_once(make_user, monkeypatch):
    election = actions.create_demo_election()
    editor = make_user("editor")
    ids = {c.name: c.pk for c in election.candidates.all()}
    compute = results.compute

    def slow_compute(*args, **kwargs):
        outcome = compute(*args, **kwargs)
        time.sleep(0.3)  # widen the window between reading the ballots and writing
        return outcome

    monkeypatch.setattr(results, "compute", slow_compute)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def enter() -> None:
        try:
            barrier.wait(timeout=10)
            actions.enter_round(
                acting_user=editor,
                election=election,
                ballot_papers=120,
                votes={ids["Adaeze Tollwin"]: 90},
                number=2,
            )
            outcomes.append("stored")
        except ConflictError:
            outcomes.append("conflict")
        except Exception as exc:
            outcomes.append(type(exc).__name__)
        finally:
            connection.close()

    threads = [threading.Thread(target=enter) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["conflict", "stored"]
    assert list(Round.objects.filter(election=election).values_list("number", flat=True)) == [1, 2]
