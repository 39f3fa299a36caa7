"""The register's main journey through a real browser (Chromium driven by Playwright): a partnership lead
creates an information-sharing protocol from the national template with the probation region as a tier-1
party; both signatories sign; a probation officer then sees the police nominal at tier 1 and not its
tier-0 handling notes; the protocol is suspended and the nominal leaves the officer's list on the next
request.

Needs Debian's Chromium at /usr/bin/chromium. Run alone with `pytest -m browser`. A screenshot of the
nominal's page as the officer sees it is left at /tmp/register-nominal.png (REGISTER_SCREENSHOT) for a
person to look over.
"""

import datetime
import os
import re
import tempfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect, sync_playwright

from accounts.models import Role
from agencies.models import AgencyKind
from nominals.services.custody import custody_episode_add
from nominals.services.nominals import nominal_create
from tests.factories import TEST_PASSWORD, AgencyFactory, PrisonFactory, UserFactory

from .chromium import launch, needs_chromium

SCREENSHOT = Path(os.environ.get("REGISTER_SCREENSHOT", Path(tempfile.gettempdir()) / "register-nominal.png"))
HANDLING_NOTES = "Registered CHIS reporting on this nominal: never disclose"

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    # The live server reads what the test writes; serialized rollback restores the migrations' rows
    # (threat areas, the protocol template) that the flush removes.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def _allow_database_calls_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own database calls are synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def people(transactional_db):
    police = AgencyFactory(name="Northshire Police", short_name="NP", kind=AgencyKind.POLICE_FORCE)
    probation = AgencyFactory(name="North West Probation", short_name="NWP", kind=AgencyKind.PROBATION_REGION)
    prison = PrisonFactory(name="HMP Northshire", short_name="HMP N")
    people = {
        "lead": UserFactory(
            email="lead@police.example", full_name="Priya Lead", agency=police, roles=[Role.PARTNERSHIP_LEAD]
        ),
        "police_admin": UserFactory(
            email="admin@police.example", full_name="Alan Admin", agency=police, roles=[Role.AGENCY_ADMIN]
        ),
        "analyst": UserFactory(email="analyst@police.example", agency=police, roles=[Role.ANALYST]),
        "probation_admin": UserFactory(
            email="admin@probation.example", full_name="Pat Signer", agency=probation, roles=[Role.AGENCY_ADMIN]
        ),
        "officer": UserFactory(
            email="officer@probation.example", full_name="Olu Officer", agency=probation, roles=[Role.ANALYST]
        ),
    }
    marsh = nominal_create(
        actor=people["analyst"],
        surname="Marsh",
        forenames="Dean",
        date_of_birth=datetime.date(1988, 3, 2),
        pnc_id="88/123456X",
        risk_level="high",
        threat_areas=["illegal_drugs"],
        handling_notes=HANDLING_NOTES,
    )
    custody_episode_add(
        actor=people["analyst"],
        nominal=marsh,
        establishment=prison,
        received_on=timezone.localdate() - datetime.timedelta(days=120),
        prison_number="A1234BC",
    )
    return people


@pytest.fixture
def browser(people, live_server):
    # Started only after the database is set up (see tests/browser/test_journey.py).
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def signed_in(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/accounts/sign-in/")
    page.get_by_label("E-mail address").fill(user.email)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_test_id("header-user")).to_contain_text(user.full_name)
    return page


def fill_date(page, legend, date):
    """A GOV.UK date input: its day, month and year boxes, found by the fieldset's legend as a person would."""
    group = page.get_by_role("group", name=legend, exact=True)
    for part in ("day", "month", "year"):
        group.get_by_label(part.capitalize(), exact=True).fill(str(getattr(date, part)))


def sign(page, reference):
    page.goto("/protocols/")
    page.get_by_role("link", name=reference).click()
    page.get_by_test_id("sign-button").click()
    page.get_by_test_id("confirm-button").click()
    expect(page.get_by_text("Signed.")).to_be_visible()


def test_a_protocol_shares_the_nominal_at_tier_1_until_it_is_suspended(browser, live_server, people):
    today = timezone.localdate()

    # The partnership lead drafts the protocol from the national template.
    lead = signed_in(browser, live_server, people["lead"])
    lead.goto("/protocols/")
    lead.get_by_test_id("create-protocol").click()
    lead.get_by_label("Reference").fill("NW-ISP-PROB")
    lead.get_by_label("Title").fill("Police and probation: managing OCG nominals")
    fill_date(lead, "Start date", today)
    fill_date(lead, "End date", today + datetime.timedelta(days=365))
    lead.get_by_role("button", name="Create protocol").click()
    expect(lead.get_by_role("heading", level=1)).to_contain_text("Police and probation")

    # Its own agency's signatory, then probation as a tier-1 party for background information.
    lead.get_by_role("link", name="Change Northshire Police").click()
    lead.get_by_label("Signatory").select_option(value=str(people["police_admin"].pk))
    lead.get_by_role("button", name="Save").click()
    lead.get_by_role("link", name="Add a party").click()
    lead.get_by_label("Agency").select_option(label="North West Probation")
    lead.get_by_label("Tier 1 – law enforcement").check()
    lead.get_by_label("Background").check()
    lead.get_by_role("button", name="Add party").click()
    lead.get_by_label("Signatory").select_option(value=str(people["probation_admin"].pk))
    lead.get_by_role("button", name="Save").click()
    lead.get_by_test_id("submit-button").click()
    lead.get_by_test_id("confirm-button").click()
    expect(lead.get_by_text("Sent for signature")).to_be_visible()

    # Before it is active the probation officer sees nothing of the police register.
    officer = signed_in(browser, live_server, people["officer"])
    officer.get_by_role("navigation", name="Primary navigation").get_by_role("link", name="Register").click()
    expect(officer.get_by_test_id("empty-state")).to_contain_text("No nominals found")

    # Both signatories sign: the police's, then the other party's.
    sign(signed_in(browser, live_server, people["police_admin"]), "NW-ISP-PROB")
    sign(signed_in(browser, live_server, people["probation_admin"]), "NW-ISP-PROB")

    # The probation officer now sees the police nominal at tier 1: custody, not the handling notes.
    officer.reload()
    row = officer.get_by_test_id("nominal-row").filter(has_text="MARSH, Dean")
    expect(row).to_contain_text("Tier 1 law enforcement")
    expect(row.get_by_test_id("held-at")).to_have_text("HMP Northshire")
    # MoJ Frontend's filter toggle: with no filter applied the filter starts hidden, the table the whole
    # width; the button shows it and hides it again.
    toggle = officer.get_by_test_id("filter-toggle").get_by_role("button")
    expect(toggle).to_have_text("Show filter")
    expect(officer.get_by_test_id("filter-panel")).to_be_hidden()
    toggle.click()
    expect(officer.get_by_label("Risk level")).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    toggle.click()
    expect(officer.get_by_test_id("filter-panel")).to_be_hidden()
    row.get_by_role("link", name="MARSH, Dean").click()
    expect(officer.get_by_test_id("nominal-name")).to_have_text("MARSH, Dean")
    expect(officer.get_by_test_id("seeing-why")).to_contain_text("Tier 1 law enforcement")
    expect(officer.get_by_test_id("basis")).to_contain_text("Basis: information-sharing protocol NW-ISP-PROB.")
    expect(officer.get_by_test_id("custody-section")).to_contain_text("Received into HMP Northshire")
    expect(officer.get_by_test_id("risk-criteria")).to_contain_text("Identifiable indicators of serious harm")
    expect(officer.get_by_test_id("handling-notes-section")).to_have_count(0)
    expect(officer.get_by_text(HANDLING_NOTES)).to_have_count(0)
    expect(officer.locator(".app-security-marking").first).to_have_text("OFFICIAL-SENSITIVE")
    officer.screenshot(path=str(SCREENSHOT), full_page=True)

    # The police administrator suspends the protocol...
    admin = signed_in(browser, live_server, people["police_admin"])
    admin.goto("/protocols/")
    admin.get_by_role("link", name="NW-ISP-PROB").click()
    admin.get_by_test_id("suspend-button").click()
    admin.get_by_label("Why are you suspending it?").fill("Suspected breach under investigation")
    admin.get_by_test_id("confirm-button").click()
    expect(admin.get_by_text("Protocol suspended.")).to_be_visible()

    # ...and on the officer's next request the nominal is gone from the list and from its own address.
    detail_url = officer.url
    officer.get_by_role("link", name="All nominals").click()
    expect(officer.get_by_test_id("nominal-row")).to_have_count(0)
    expect(officer.get_by_test_id("empty-state")).to_be_visible()
    officer.goto(detail_url)
    expect(officer.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert re.search(r"/register/nominals/\d+/$", detail_url)
