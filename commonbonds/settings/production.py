"""Production: everything from the environment, secure by default.

`commonbonds check --deploy` is clean with these settings (tested in tests/core/test_deploy.py).
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, SENTRY_DSN, env

DEBUG = False
if not SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("CB_SECRET_KEY must be set to a random string of 50+ characters.")

SECURE_SSL_REDIRECT = env.bool("CB_SECURE_SSL_REDIRECT", default=True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("CB_HSTS_SECONDS", default=60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env.bool("CB_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    # Preloading is hard to undo (browsers ship the list), so it is the operator's choice:
    # CB_HSTS_PRELOAD=1 once every subdomain serves HTTPS. Until then the check is silenced.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CB_DEMO = env.bool("CB_DEMO", default=False)

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

if SENTRY_DSN:
    import sentry_sdk

    from commonbonds.core.privacy import scrub_sentry_event

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        send_default_pii=False,
        before_send=scrub_sentry_event,
        traces_sample_rate=env.float("CB_SENTRY_TRACES_SAMPLE_RATE", default=0.0),
    )
