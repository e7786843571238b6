"""Settings for `make run` on a laptop: SQLite, files on disk, email on the console."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = env.bool("CB_DEBUG", default=True)
# A fixed key is fine here: development data never leaves the machine. Production refuses
# to start without its own key (settings.production).
SECRET_KEY = SECRET_KEY or "development-only-key-not-for-production-use-0123456789"
CB_ENCRYPTION_KEYS = env.list(
    "CB_ENCRYPTION_KEYS", default=["ZGV2ZWxvcG1lbnQtb25seS1rZXktMzItYnl0ZXMhISE="]
)
CB_DEMO = env.bool("CB_DEMO", default=True)
