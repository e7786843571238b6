import os
import subprocess
import sys


def test_public_pages_have_a_strict_content_security_policy(client, public_site):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_the_admin_gets_its_own_policy(client, public_site):
    policy = client.get("/admin/login/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in policy


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "commonbonds.settings.production",
        "CB_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-for-the-check-0123",
        "CB_ALLOWED_HOSTS": "commonbonds.example.org",
        "CB_VAR_DIR": str(tmp_path),
        "CB_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3",
    }
    proc = subprocess.run(
        [sys.executable, "-m", "commonbonds", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "no issues" in proc.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "CB_SECRET_KEY"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "commonbonds.settings.production",
        "CB_VAR_DIR": str(tmp_path),
    }
    proc = subprocess.run(
        [sys.executable, "-m", "commonbonds", "check"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert proc.returncode != 0 and "CB_SECRET_KEY must be set" in proc.stderr


def test_sentry_events_are_scrubbed_of_personal_data():
    from commonbonds.core.privacy import scrub_sentry_event

    event = {
        "user": {"email": "a@example.org", "ip_address": "1.2.3.4"},
        "request": {
            "cookies": {"sessionid": "s"},
            "data": {"passport_number": "X1"},
            "headers": {"Authorization": "Bearer t", "Accept": "text/html"},
        },
        "extra": {"passport_number": "X1", "count": 3},
    }
    clean = scrub_sentry_event(event, {})
    assert "X1" not in str(clean) and "a@example.org" not in str(clean)
    assert "Bearer" not in str(clean) and "1.2.3.4" not in str(clean)
    assert clean["extra"]["count"] == 3
