"""The daily journeys of issue 10, counted in a real browser from the home page of the demo partnership:
every click, typed field and key press is one interaction, and each journey stays at or under its count.

* a PIO adds a nominal with its required fields in 5;
* a partner SPOC finds a person by name and opens the record in 3;
* a signatory signs a protocol awaiting them in 3;
* an agency administrator suspends a protocol in 5.

It also takes a screenshot of the home page as each demo role sees it, into HOME_SCREENSHOTS (default: the
system's temporary folder). demo/screenshots/ holds two of them for the README.

Needs Debian's Chromium at /usr/bin/chromium. Run alone with `pytest -m browser tests/browser/test_daily_journeys.py`.
"""

import os
import tempfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

import access
from accounts.models import User
from demo.people import DEMO_PASSWORD
from nominals.models import Nominal
from protocols.constants import ProtocolStatus
from protocols.models import Protocol

from .chromium import launch, needs_chromium, sign_in

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = Path(os.environ.get("HOME_SCREENSHOTS", tempfile.gettempdir()))
ROLES = {
    "pio": "pio.northshire@police.example",
    "analyst": "analyst@police.example",
    "partnership-lead": "lead@police.example",
    "partner-spoc": "spoc@dwp.example",
    "agency-admin": "admin.tradingstandards@council.example",
    "auditor": "auditor@police.example",
}


@pytest.fixture(autouse=True)
def _allow_database_calls_beside_playwright(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


class Journey:
    """A page whose every user interaction is counted."""

    def __init__(self, page):
        self.page = page
        self.steps = 0

    def sign_in(self, email):
        """Signing in is not part of a journey: each starts on the home page."""
        sign_in(self.page, email, DEMO_PASSWORD)
        self.page.goto("/")
        self.steps = 0

    def click(self, locator):
        self.steps += 1
        locator.click()

    def fill(self, locator, value):
        self.steps += 1
        locator.fill(value)

    def press(self, locator, key):
        self.steps += 1
        locator.press(key)


@pytest.fixture
def journey(transactional_db, live_server):
    call_command("seed_demo", force=True, stdout=StringIO())
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        yield Journey(context.new_page())
        context.close()
        chromium.close()


def test_a_pio_adds_a_nominal_in_five(journey):
    journey.sign_in(ROLES["pio"])
    page = journey.page
    journey.click(page.get_by_role("button", name="Add a nominal"))
    journey.fill(page.get_by_label("Surname"), "Okonkwo-Barraclough")
    journey.click(page.get_by_role("radio", name="High", exact=True))
    journey.click(page.get_by_role("radio", name="Background"))
    journey.click(page.get_by_test_id("save-nominal"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("OKONKWO-BARRACLOUGH")
    assert journey.steps <= 5
    assert Nominal.objects.filter(surname="Okonkwo-Barraclough").exists()


def test_a_partner_spoc_finds_a_person_and_opens_the_record_in_three(journey):
    spoc = User.objects.get(email=ROLES["partner-spoc"])
    nominal = access.visible(spoc, Nominal.objects.order_by("surname", "pk")).first()
    assert nominal is not None, "the demo SPOC should see a nominal under a protocol"
    journey.sign_in(spoc.email)
    page = journey.page
    search = page.locator("#home-search")
    journey.fill(search, nominal.surname)
    journey.press(search, "Enter")
    journey.click(page.get_by_role("link", name=nominal.surname.upper()).first)
    expect(page).to_have_url(f"{page.url.split('/register/')[0]}/register/nominals/{nominal.pk}/")
    assert journey.steps <= 3


def test_a_signatory_signs_the_protocol_awaiting_them_in_three(journey):
    journey.sign_in(ROLES["agency-admin"])
    page = journey.page
    protocol = Protocol.objects.get(
        status=ProtocolStatus.AWAITING_SIGNATURES, parties__signatory__email=ROLES["agency-admin"]
    )
    work = page.locator('[data-work="protocols_to_sign"]')
    journey.click(work.get_by_role("link", name=protocol.reference, exact=False))
    journey.click(page.get_by_test_id("sign-button"))
    journey.click(page.get_by_test_id("confirm-button"))
    expect(page.locator(".govuk-notification-banner--success")).to_be_visible()
    assert journey.steps <= 3
    assert protocol.parties.get(signatory__email=ROLES["agency-admin"]).signed_at is not None


def test_an_administrator_suspends_a_protocol_in_five(journey):
    protocol = Protocol.objects.filter(status=ProtocolStatus.ACTIVE, lead_agency__name="Northshire Police").first()
    journey.sign_in("admin@police.example")
    page = journey.page
    journey.click(page.get_by_test_id("nav-protocols"))
    journey.click(page.get_by_role("link", name=protocol.reference))
    journey.click(page.get_by_test_id("suspend-button"))
    reason = page.get_by_label("Why are you suspending it?")
    journey.fill(reason, "Breach reported by a party: sharing paused pending review")
    journey.click(page.get_by_test_id("confirm-button"))
    expect(page.get_by_text("Suspended: nothing is shared under this protocol")).to_be_visible()
    assert journey.steps <= 5
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.SUSPENDED


def test_each_roles_home_page_is_captured(journey):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for role, email in ROLES.items():
        journey.sign_in(email)
        expect(journey.page.get_by_role("heading", level=1, name="What needs you")).to_be_visible()
        path = SCREENSHOTS / f"home-{role}.png"
        journey.page.screenshot(path=str(path), full_page=True)
        assert path.stat().st_size > 10_000
