"""The first journeys: the home page in English and Arabic, keyboard and axe."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(translated_site):
    return translated_site


def test_home_page_in_english_has_no_axe_violations(page, site, axe_check):
    page.goto("/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("h1").inner_text() == "Common Bonds"
    axe_check(page)
    # Keyboard users reach the skip link first, and it moves focus to the content.
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_switch_to_arabic_right_to_left_with_no_axe_violations(page, site, axe_check):
    page.goto("/")
    page.get_by_role("link", name="العربيّة").click()
    page.wait_for_url("**/ar/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    assert "منظومة نظام روما الأساسي" in page.locator("main").inner_text()
    # Right to left: the brand sits at the right edge of the header.
    header = page.locator(".site-header__inner").bounding_box()
    brand = page.locator(".brand").bounding_box()
    assert brand["x"] + brand["width"] > header["x"] + header["width"] / 2
    axe_check(page)


@pytest.mark.parametrize("path", ["/account/login/", "/ar/account/login/", "/fr/no-such-page/"])
def test_portal_and_error_pages_have_no_axe_violations(page, site, axe_check, path):
    page.goto(path)
    axe_check(page)


def test_sign_in_with_a_wrong_password_says_so(page, site, make_user):
    make_user("focal_point", email="fp@example.org")
    page.goto("/account/login/")
    page.get_by_label("Email address").fill("fp@example.org")
    page.get_by_label("Password").fill("wrong password")
    page.get_by_role("button", name="Sign in").click()
    assert "Please enter a correct email address and password" in page.locator("main").inner_text()
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/account/")
    assert page.locator("h1").inner_text() == "My account"
