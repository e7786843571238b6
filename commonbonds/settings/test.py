"""Settings for the test suite: fast hashing, no network, the database from the environment."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = "test-only-key-0123456789-0123456789-0123456789"  # noqa: S105
CB_ENCRYPTION_KEYS = ["dGVzdC1vbmx5LWtleS0zMi1ieXRlcy1sb25nLWtleSE="]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Jobs run inline in tests unless a test asks for a real queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
CB_DEMO = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# django-rq reads its queues once, at import: tests that use Redis get this database.
RQ_QUEUES = {"default": {"URL": env.str("CB_TEST_REDIS_URL", default="redis://127.0.0.1:6379/15")}}
# Serve static files from the apps (no collectstatic before tests).
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# The API rate limit is off in tests; a test that needs it sets CB_API_RATE_LIMIT itself.
CB_API_RATE_LIMIT = ""
