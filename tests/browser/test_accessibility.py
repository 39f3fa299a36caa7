"""Accessibility in a real browser: axe-core (npm, node_modules/axe-core) runs on every main page of the
demo partnership, as the roles that use each, and reports no violation of any impact — WCAG 2.2 A and AA
and axe's best practices (landmarks, headings, regions). The pages are checked as served, after GOV.UK
Frontend's JavaScript has run.

Needs Debian's Chromium at /usr/bin/chromium. Run alone with `pytest -m browser tests/browser/test_accessibility.py`.
"""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect, sync_playwright

from agencies.models import Agency
from demo.people import DEMO_PASSWORD
from nominals.models import OCG, Nominal
from protocols.models import Protocol

from .chromium import launch, needs_chromium, sign_in

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
RUN_AXE = """
async () => {
  const results = await axe.run(document, {
    runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
  });
  const where = (v) => v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
  return results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} — ${where(v)}`);
}
"""


@pytest.fixture(autouse=True)
def _allow_database_calls_beside_playwright(monkeypatch):
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def page(transactional_db, live_server):
    call_command("seed_demo", force=True, stdout=StringIO())
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        # axe is added to each page as a script: the site's policy allows none it did not serve itself.
        context = chromium.new_context(
            base_url=live_server.url, viewport={"width": 1280, "height": 900}, bypass_csp=True
        )
        context.set_default_timeout(15_000)
        yield context.new_page()
        context.close()
        chromium.close()


def violations(page, path):
    response = page.goto(path)
    assert response.status == 200, f"{path}: {response.status}"
    page.wait_for_load_state("load")
    page.add_script_tag(path=str(AXE))
    return [f"{path}: {found}" for found in page.evaluate(RUN_AXE)]


def test_axe_finds_a_violation_it_is_shown(page):
    page.goto("/accounts/sign-in/")
    page.evaluate("document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    page.add_script_tag(path=str(AXE))
    assert any("image-alt" in found for found in page.evaluate(RUN_AXE))


def test_the_main_pages_have_no_accessibility_violations(page):
    found = violations(page, "/accounts/sign-in/")
    sign_in(page, "analyst@police.example", DEMO_PASSWORD)
    police = Agency.objects.get(name="Northshire Police")
    nominal = Nominal.objects.filter(owning_agency=police).order_by("pk").first()
    ocg = OCG.objects.filter(lead_agency=police).order_by("pk").first()
    protocol = Protocol.objects.order_by("pk").first()
    for path in [
        "/",
        "/agencies/",
        f"/agencies/{police.pk}/",
        "/toolkit/",
        "/toolkit/?view=table",
        "/protocols/",
        f"/protocols/{protocol.pk}/",
        "/register/",
        "/register/search/?q=Whitcombe",
        f"/register/nominals/{nominal.pk}/",
        f"/register/ocgs/{ocg.pk}/",
        "/register/hotspots/",
        "/notifications/",
        "/register/nominals/new/",
    ]:
        found += violations(page, path)
    # A form sent back with errors: the error summary and the fields in error.
    page.goto("/register/nominals/new/")
    page.get_by_test_id("save-nominal").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    page.add_script_tag(path=str(AXE))
    found += [f"nominal form with errors: {item}" for item in page.evaluate(RUN_AXE)]

    # Each role's home page: its own work list and actions.
    for email in ("admin@police.example", "spoc@dwp.example", "admin.tradingstandards@council.example"):
        sign_in(page, email, DEMO_PASSWORD)
        found += violations(page, "/")
    sign_in(page, "auditor@police.example", DEMO_PASSWORD)
    found += violations(page, "/access-log/")
    assert not found, "\n".join(found)
