"""Debian's Chromium, as every browser test launches it: Playwright never downloads a browser here, and
without the background-networking flags Chromium keeps trying hosts this closed network refuses."""

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Chromium at /usr/bin/chromium")


def launch(playwright):
    """A headless Chromium browser for one test."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)


def sign_in(page, email, password):
    """Sign in through the sign-in page as a person does (any earlier session's cookies cleared first)."""
    from playwright.sync_api import expect

    page.context.clear_cookies()
    page.goto("/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("header-user")).to_be_visible()
