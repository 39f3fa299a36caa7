"""Marking a notification read in a real browser: htmx updates the row, the header count and the
page's summary in place, and the same button works as a plain form with JavaScript off.

Needs Debian's Chromium at /usr/bin/chromium. Run alone with `pytest -m browser`.
"""

import os

import pytest
from django.conf import settings
from playwright.sync_api import expect, sync_playwright

from notifications.models import EventType, Notification
from notifications.services import notify

from ..browser.chromium import launch, needs_chromium

# Playwright's sync API runs an event loop in this thread; the test's own database calls stay synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


def signed_in_page(browser, live_server, client, user, javascript=True):
    client.force_login(user)
    context = browser.new_context(base_url=live_server.url, java_script_enabled=javascript)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])
    context.set_default_timeout(15_000)
    return context.new_page()


def test_mark_as_read_with_htmx_updates_the_page_in_place(browser, live_server, client, alice):
    first = notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")
    notify(recipient=alice, event_type=EventType.ACCOUNT_CREATED, title="Welcome to OCG Share")
    page = signed_in_page(browser, live_server, client, alice)
    page.goto("/notifications/")
    expect(page.get_by_test_id("unread-count")).to_contain_text("2")
    page.evaluate("window.notReloaded = true")

    row = page.locator(f"#notification-{first.pk}")
    row.get_by_role("button", name="Mark as read").click()

    expect(row.get_by_test_id("unread-tag")).to_have_count(0)
    expect(row).to_contain_text("Read")
    expect(page.get_by_test_id("unread-count")).to_contain_text("1")
    expect(page.get_by_test_id("unread-summary")).to_have_text("You have 1 unread notification.")
    expect(page.get_by_role("status")).to_contain_text("‘Your roles have changed’ marked as read")
    assert page.evaluate("window.notReloaded") is True, "htmx should update the page, not reload it"
    assert Notification.objects.get(pk=first.pk).is_read

    page.locator("tr", has_text="Welcome to OCG Share").get_by_role("button", name="Mark as read").click()
    expect(page.get_by_test_id("unread-count")).to_have_count(0)
    expect(page.get_by_test_id("unread-summary")).to_have_text("You have no unread notifications.")
    page.context.close()


def test_mark_as_read_without_javascript_reloads_with_a_banner(browser, live_server, client, alice):
    notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")
    page = signed_in_page(browser, live_server, client, alice, javascript=False)
    page.goto("/notifications/?show=unread")

    page.get_by_role("button", name="Mark as read").click()

    expect(page.get_by_text("‘Your roles have changed’ marked as read")).to_be_visible()
    assert page.url.endswith("/notifications/?show=unread")
    expect(page.get_by_text("No notifications match these filters")).to_be_visible()
    page.context.close()
