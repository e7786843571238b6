"""Signing staff in from a browser test, past two-factor authentication.

Staff accounts must pass a second factor before the admin (core.middleware). A browser test
does not type a TOTP code: it signs the user in on the server side, as django-otp's login would,
and gives the browser the session cookie:

    from tests.browser.staff import sign_in
    editor = make_user("editor")
    sign_in(page, live_server, editor)       # page is now signed in, second factor verified
    page.goto("/admin/")

`sign_in` uses `tests.conftest.login_verified` on a Django test Client (same database as the
live server: the test runs with `django_db(transaction=True)`), then copies the `sessionid`
cookie into the Playwright context. To test the real code entry instead, walk the form and
type `django_otp.oath.totp(device.bin_key)` (see tests/core/test_two_factor.py).
"""

from django.test import Client

from tests.conftest import login_verified


def sign_in(page, live_server, user) -> None:
    client = login_verified(Client(), user)
    session = client.cookies["sessionid"].value
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])


def sign_out(page) -> None:
    page.context.clear_cookies()
