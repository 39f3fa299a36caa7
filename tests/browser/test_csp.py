"""The Content-Security-Policy holds in a real browser: Chromium loads the main pages of the demo
partnership, the API documentation (Swagger UI) and an htmx update, and reports no violation, either
as a `securitypolicyviolation` event or on the console. The policy allows no inline script or style, so
any inline code left in a template, a library injecting a <style>, or an inline event handler fails here.

Needs Debian's Chromium at /usr/bin/chromium. Run alone with `pytest -m browser tests/browser/test_csp.py`.
"""

import re
from io import StringIO

import pytest
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

# Runs in every document before its own scripts, outside the page's policy (DevTools injects it).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture(autouse=True)
def _allow_database_calls_beside_playwright(monkeypatch):
    # Playwright's sync API runs an event loop in this thread; the test's own database calls are synchronous.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", force=True, stdout=StringIO())


class Browser:
    """A page, and every violation the policy reported to it, from events and the console."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.console = []
        page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(f"{self.page.url}: {message.text}")

    def violations(self):
        reported = self.page.evaluate("window.__cspViolations || []")
        return [f"{self.page.url}: {violation}" for violation in reported] + self.console

    def visit(self, path):
        response = self.page.goto(path)
        assert response.status == 200, f"{path}: {response.status}"
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        self.page.wait_for_load_state("load")
        found = self.violations()
        assert not found, "\n".join(found)

    def sign_in(self, email):
        sign_in(self.page, email, DEMO_PASSWORD)


@pytest.fixture
def browser(demo, live_server):
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
        context.set_default_timeout(15_000)
        context.add_init_script(RECORD_VIOLATIONS)
        yield Browser(context.new_page(), live_server.url)
        context.close()
        chromium.close()


def test_the_detector_sees_a_violation(browser):
    browser.visit("/accounts/sign-in/")

    browser.page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">inline</p>')")

    expect_violation = browser.page.wait_for_function("window.__cspViolations.length > 0")
    assert expect_violation
    assert any("style-src" in violation for violation in browser.violations())


def test_the_main_pages_run_under_the_policy(browser):
    browser.visit("/accounts/sign-in/")
    # GOV.UK Frontend's support class, set by a static script now rather than an inline one.
    body = browser.page.locator("body")
    expect(body).to_have_class(re.compile(r"\bjs-enabled\b"))
    expect(body).to_have_class(re.compile(r"\bgovuk-frontend-supported\b"))

    browser.sign_in("analyst@police.example")
    police = Agency.objects.get(name="Northshire Police")
    nominal = Nominal.objects.filter(owning_agency=police).order_by("pk").first()
    ocg = OCG.objects.filter(lead_agency=police).order_by("pk").first()
    protocol = Protocol.objects.order_by("pk").first()
    for path in [
        "/",
        "/agencies/",
        f"/agencies/{police.pk}/",
        "/toolkit/",
        "/protocols/",
        f"/protocols/{protocol.pk}/",
        "/register/",
        "/register/search/?q=Whitcombe",
        f"/register/nominals/{nominal.pk}/",
        f"/register/nominals/{nominal.pk}/edit/",
        "/register/ocgs/",
        f"/register/ocgs/{ocg.pk}/",
        "/register/hotspots/",
        "/notifications/preferences/",
        "/accounts/",
    ]:
        browser.visit(path)

    browser.sign_in("auditor@police.example")
    browser.visit("/access-log/")

    browser.sign_in("admin@police.example")
    browser.visit("/accounts/users/")


def test_htmx_updates_run_under_the_policy(browser):
    browser.sign_in("pio.northshire@police.example")
    browser.visit("/notifications/")
    unread = browser.page.get_by_test_id("unread-summary")
    before = unread.inner_text()

    browser.page.get_by_role("button", name="Mark as read").first.click()

    expect(unread).not_to_have_text(before)
    found = browser.violations()
    assert not found, "\n".join(found)


def test_the_api_documentation_runs_under_the_policy(browser):
    browser.sign_in("analyst@police.example")
    browser.visit("/api/docs/")

    # Swagger UI rendered the schema: the operations are listed.
    expect(browser.page.locator(".swagger-ui .opblock").first).to_be_visible()
    expect(browser.page.locator(".app-security-marking").first).to_have_text("OFFICIAL-SENSITIVE")
    browser.page.locator(".swagger-ui .opblock-summary").first.click()
    expect(browser.page.locator(".swagger-ui .opblock-body").first).to_be_visible()
    found = browser.violations()
    assert not found, "\n".join(found)


def test_the_django_admin_runs_under_the_policy(browser):
    browser.visit("/django-admin/login/")
    browser.page.locator("#id_username").fill("superuser@ocgshare.example")
    browser.page.locator("#id_password").fill(DEMO_PASSWORD)
    browser.page.locator("input[type=submit]").click()
    expect(browser.page.get_by_role("heading", name="Site administration")).to_be_visible()

    police = Agency.objects.get(name="Northshire Police")
    for path in [
        "/django-admin/",
        "/django-admin/agencies/agency/",
        f"/django-admin/agencies/agency/{police.pk}/change/",
        "/django-admin/accounts/user/",
    ]:
        browser.visit(path)
