"""The main journey through a real browser (Chromium driven by Playwright) against the demo partnership:
sign in, find partners in the directory and the toolkit, read the inbox, sign out.

Needs Debian's Chromium at /usr/bin/chromium (`apt-get install chromium`); Playwright's own browser
downloads are never used. Run alone with `pytest -m browser`.
"""

import os
import re
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

from demo.people import DEMO_PASSWORD

from .chromium import launch, needs_chromium

# /tmp/toolkit.png here: a picture of the filtered toolkit, for a person to look over.
SCREENSHOT = Path(os.environ.get("TOOLKIT_SCREENSHOT", Path(tempfile.gettempdir()) / "toolkit.png"))
PIO_EMAIL = "pio.northshire@police.example"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    # The live server reads what the test writes, so the database is not wrapped in a transaction;
    # serialized rollback puts back the migrations' rows (threat areas, templates) the flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", force=True, stdout=StringIO())


@pytest.fixture(autouse=True)
def _allow_database_calls_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread, and Django refuses database calls from a
    # thread with a running loop. The calls made meanwhile (the test case's own set-up and tear-down)
    # are synchronous and safe. Set per test, so that nothing else in the run inherits it.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def page(demo, live_server):
    # Started per test and only after the database is set up: while Playwright's event loop runs, Django
    # hands this thread a different database connection, which the test case's flush and serialized
    # rollback would not use.
    with sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
        browser.close()


def sign_in(page, email, password):
    page.goto("/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def test_partner_journey(page):
    # Sign in: the header says who, for which agency and in which role; every page carries its marking.
    sign_in(page, PIO_EMAIL, DEMO_PASSWORD)
    header_user = page.get_by_test_id("header-user")
    expect(header_user).to_contain_text("Sam Whitfield")
    expect(header_user).to_contain_text("Northshire Police")
    expect(header_user).to_contain_text("Prison Intelligence Officer")
    expect(page.locator(".app-security-marking").first).to_have_text("OFFICIAL-SENSITIVE")

    # The directory: search by name, then filter by kind.
    page.get_by_role("navigation", name="Primary navigation").get_by_role("link", name="Agencies").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Agency directory")
    page.get_by_label("Name or short name").fill("HMRC")
    page.get_by_test_id("apply-filters").click()
    agencies = page.get_by_test_id("agency-table")
    expect(agencies.get_by_role("link", name="HM Revenue and Customs")).to_be_visible()
    expect(agencies.locator("tbody tr")).to_have_count(1)

    page.get_by_role("link", name="Clear filters").first.click()
    page.get_by_label("Prison establishment").check()
    page.get_by_test_id("apply-filters").click()
    expect(agencies.locator("tbody tr")).to_have_count(2)
    page.get_by_role("link", name="HMP Eastmoor").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("HMP Eastmoor")
    expect(page.get_by_text("Mandatory drug testing").first).to_be_visible()

    # The toolkit, filtered to pursue powers against organised immigration crime.
    page.get_by_role("navigation", name="Primary navigation").get_by_role("link", name="Toolkit").click()
    page.get_by_label("Organised immigration crime").check()
    page.get_by_label("Pursue").check()
    page.get_by_test_id("apply-filters").click()
    found = page.get_by_test_id("toolkit-agency")
    expect(found.get_by_role("heading", name="Immigration Enforcement", exact=True)).to_be_visible()
    expect(found.get_by_text("Illegal working civil penalty and closure notice")).to_be_visible()
    expect(found.get_by_role("heading", name="Driver and Vehicle Licensing Agency", exact=True)).to_have_count(0)
    # Travel restriction orders prevent rather than pursue, so the National Crime Agency is left out.
    expect(found.get_by_role("heading", name="National Crime Agency", exact=True)).to_have_count(0)
    page.screenshot(path=str(SCREENSHOT), full_page=False)

    # The inbox: two unread notifications from the demo; marking one read updates the count.
    unread = page.get_by_test_id("unread-count")
    expect(unread).to_contain_text("2")
    page.get_by_role("navigation", name="Primary navigation").get_by_role("link", name=re.compile("^Inbox")).click()
    expect(page.get_by_test_id("unread-summary")).to_have_text("You have 2 unread notifications.")
    row = page.get_by_test_id("inbox-table").locator("tr", has_text="Your OCG Share account is ready")
    expect(row.get_by_test_id("unread-tag")).to_be_visible()
    row.get_by_role("button", name=re.compile("^Mark as read")).click()
    expect(page.get_by_test_id("unread-summary")).to_have_text("You have 1 unread notification.")
    expect(unread).to_contain_text("1")
    page.reload()
    row = page.get_by_test_id("inbox-table").locator("tr", has_text="Your OCG Share account is ready")
    expect(row.get_by_test_id("unread-tag")).to_have_count(0)
    expect(row).to_contain_text("Read")

    # Sign out: protected pages send the browser back to sign in.
    page.get_by_test_id("sign-out").click()
    expect(page.get_by_text("You have signed out.")).to_be_visible()
    page.goto("/toolkit/")
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/\?next=/toolkit/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sign in")


def test_skip_link_is_the_first_thing_the_keyboard_reaches(page):
    sign_in(page, PIO_EMAIL, DEMO_PASSWORD)
    page.goto("/toolkit/")

    page.keyboard.press("Tab")

    focused = page.locator(":focus")
    expect(focused).to_have_text("Skip to main content")
    expect(focused).to_have_attribute("href", "#main-content")
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()


def test_toolkit_in_a_meeting_by_threat_area_as_a_table_and_printed(page):
    sign_in(page, PIO_EMAIL, DEMO_PASSWORD)
    page.goto("/toolkit/")

    # Arranged by keyboard alone: group by threat area, then show as a table.
    arrange = page.get_by_test_id("arrange")
    arrange.get_by_role("link", name="Threat area").focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"group=threat_area"))
    page.get_by_test_id("arrange").get_by_role("link", name="Table").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("powers-table").first).to_be_visible()

    # Filters keep the arrangement; the contents list leads to each threat area's heading.
    page.get_by_label("Organised immigration crime").check()
    page.get_by_test_id("apply-filters").click()
    expect(page).to_have_url(re.compile(r"group=threat_area.*view=table|view=table.*group=threat_area"))
    contents = page.get_by_test_id("contents-list")
    expect(contents.get_by_role("link")).to_have_count(1)
    contents.get_by_role("link", name="Organised immigration crime").click()
    expect(page).to_have_url(re.compile(r"#threat-area-organised_immigration_crime$"))
    expect(page.get_by_test_id("power-row").filter(has_text="Immigration Enforcement").first).to_be_visible()

    # On paper: no navigation, filters or buttons; the marking fixed to repeat on every page.
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Primary navigation")).to_be_hidden()
    expect(page.get_by_test_id("apply-filters")).to_be_hidden()
    expect(page.get_by_test_id("contents-list")).to_be_hidden()
    markings = page.locator(".app-security-marking")
    expect(markings.first).to_be_visible()
    expect(markings.first).to_have_css("position", "fixed")
    expect(markings.last).to_have_css("position", "fixed")
    expect(page.get_by_test_id("powers-table").first).to_be_visible()
    assert page.pdf()[:4] == b"%PDF"
