"""Fixtures shared by the whole suite.

Services: tests marked `postgres`, `redis` or `browser` skip, saying why, when the service is
missing; with CB_REQUIRE_SERVICES=1 (CI) such a skip is a failure instead.
"""

import importlib
import os
import shutil
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.apps import apps as django_apps

REQUIRE_SERVICES = os.environ.get("CB_REQUIRE_SERVICES") == "1"
CHROMIUM = os.environ.get("CB_CHROMIUM", "/usr/bin/chromium")
TEST_REDIS_URL = os.environ.get("CB_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def need(service: str, available: bool, why: str) -> None:
    """Skip (or, under CB_REQUIRE_SERVICES=1, fail) when a service is missing."""
    if available:
        return
    if REQUIRE_SERVICES:
        pytest.fail(f"{service} is required here (CB_REQUIRE_SERVICES=1) but {why}", pytrace=False)
    pytest.skip(f"needs {service}: {why}")


def _port_open(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), 1
        ):
            return True
    except OSError:
        return False


def pytest_runtest_setup(item):
    if item.get_closest_marker("postgres"):
        from django.db import connection

        need(
            "PostgreSQL",
            connection.vendor == "postgresql",
            "the test database is SQLite (set CB_DATABASE_URL=postgres://…)",
        )
    if item.get_closest_marker("redis"):
        need("Redis", _port_open(TEST_REDIS_URL, 6379), f"nothing answers at {TEST_REDIS_URL}")
    if item.get_closest_marker("browser"):
        need(
            "Chromium",
            Path(CHROMIUM).exists(),
            f"{CHROMIUM} is not installed (apt install chromium)",
        )


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Every test writes files under its own temporary folders, never into the checkout."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.STORAGES = {
        **settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    from django.core.files.storage import storages

    storages._storages.pop("private", None)
    yield
    storages._storages.pop("private", None)


def _migration(app_label: str, name: str):
    module = django_apps.get_app_config(app_label).module.__name__
    return importlib.import_module(f"{module}.migrations.{name}")


def _ensure_wagtail_roots():
    """A flushing (transactional) test also removes what Wagtail's migrations made."""
    from wagtail.models import Collection, Locale, Page

    locale, _ = Locale.objects.get_or_create(language_code="en")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


@pytest.fixture
def public_site(db):
    """Roles and the home page, as migrations leave them (again, after a flushing test)."""
    from django.contrib.auth.models import Group

    from commonbonds.newsroom.models import HomePage

    if not Group.objects.filter(name="Administrators").exists():
        _migration("core", "0002_roles").create_roles(django_apps, None)
        _migration("treaties", "0002_grant_treaty_permissions").grant(django_apps, None)
        _migration("court", "0002_grant_court_permissions").grant(django_apps, None)
        _migration("members", "0002_roles").grant(django_apps, None)
    if not HomePage.objects.exists():
        _ensure_wagtail_roots()
        _migration("newsroom", "0002_create_homepage").create_homepage(django_apps, None)
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def translated_site(public_site):
    from io import StringIO

    from django.core.management import call_command

    call_command("bootstrap", "--no-data", stdout=StringIO())
    return public_site


# ---------------------------------------------------------------- people and their clients


@pytest.fixture
def make_user(db, public_site):
    from tests.factories import UserFactory

    def make(role: str | None = None, **kwargs):
        return UserFactory(role=role, **kwargs)

    return make


def login_verified(client, user):
    """Sign in with a confirmed second factor, as django-otp's login does."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(
        user=user, confirmed=True
    ).first() or TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user, backend="commonbonds.core.backends.ModelBackend")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def client_for(client, make_user):
    """client_for(role, verified=True): a test client signed in as a new user with that role."""
    from django.test import Client

    def make(role: str | None, *, verified: bool = True, **kwargs):
        if role is None:
            return Client()
        user = make_user(role, **kwargs)
        c = Client()
        if verified:
            login_verified(c, user)
        else:
            c.force_login(user, backend="commonbonds.core.backends.ModelBackend")
        c.user = user
        return c

    return make


# ---------------------------------------------------------------- browser


@pytest.fixture(scope="session")
def _playwright():
    # Playwright's sync API runs an event loop in this thread; Django would then refuse the
    # (synchronous, safe) ORM calls of fixtures and test bodies without this.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        yield pw


@pytest.fixture(scope="session")
def chromium(_playwright):
    if not Path(CHROMIUM).exists():
        need("Chromium", False, f"{CHROMIUM} is not installed (apt install chromium)")
    browser = _playwright.chromium.launch(
        executable_path=CHROMIUM,
        args=[
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    )
    yield browser
    browser.close()


@pytest.fixture
def page(chromium, live_server, public_site, request):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}
    )
    context.set_default_timeout(15_000)
    pg = context.new_page()
    yield pg
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        out = Path("test-artifacts")
        out.mkdir(exist_ok=True)
        pg.screenshot(path=str(out / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


@pytest.fixture
def axe_check():
    """axe_check(page): assert axe-core finds no violations on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(pg):
        results = axe.run(pg)
        assert results.violations_count == 0, results.generate_report()
        return results

    return check


@pytest.fixture
def redis_tasks(settings):
    """Route tasks through a real Redis (the test database 15, emptied before and after).

    RQ_QUEUES already points there in the test settings (django-rq reads it once, at import).
    """
    need("Redis", _port_open(TEST_REDIS_URL, 6379), f"nothing answers at {TEST_REDIS_URL}")
    import redis

    server = redis.Redis.from_url(TEST_REDIS_URL)
    server.flushdb()
    settings.TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    yield TEST_REDIS_URL
    server.flushdb()
    server.close()


def has_executable(name: str) -> bool:
    return shutil.which(name) is not None
