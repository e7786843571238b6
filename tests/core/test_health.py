import pytest


def test_healthz_reports_database_cache_and_queue(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "queue": "ok"},
    }
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_says_which_part_failed(client, db, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("down")

    monkeypatch.setattr(cache, "set", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "ConnectionError"


@pytest.mark.redis
def test_healthz_with_redis_cache_and_queue(client, db, settings, redis_tasks):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_tasks,
        }
    }
    response = client.get("/healthz")
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "queue": "ok"}
