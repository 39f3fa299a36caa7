# ruff: noqa: F811 - the fixtures imported from test_csp are the tests' arguments
"""The access log's table fits its column at desktop width (1280 pixels): long queries wrap rather than
widen the table, and the items a list showed open under their entry. Run with
`pytest -m browser tests/browser/test_access_log_layout.py`."""

import pytest
from playwright.sync_api import expect

from .chromium import needs_chromium
from .test_csp import _allow_database_calls_beside_playwright, browser, demo  # noqa: F401 - fixtures

pytestmark = [
    pytest.mark.browser,
    needs_chromium,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_the_access_log_fits_its_column(browser):
    browser.sign_in("analyst@police.example")
    browser.visit("/register/search/?q=" + "Whitcombe" * 30)
    browser.visit("/register/")

    browser.sign_in("auditor@police.example")
    browser.visit("/access-log/")
    table = browser.page.get_by_test_id("access-log-table")
    expect(table).to_be_visible()
    widths = table.evaluate(
        "t => ({table: t.scrollWidth, column: t.closest('.moj-filter-layout__content').clientWidth,"
        " page: document.documentElement.scrollWidth, viewport: window.innerWidth})"
    )
    assert widths["table"] <= widths["column"], widths
    assert widths["page"] <= widths["viewport"], widths

    shown = browser.page.get_by_test_id("shown-items").first
    shown.locator("summary").click()
    expect(shown.get_by_role("link").first).to_be_visible()
