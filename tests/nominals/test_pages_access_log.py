"""The access log page: auditors list and filter the reads (and, tests/nominals/test_change_log.py, the
changes) of their own agency's users; everyone else is refused."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from ocgshare.models import AccessAction, AccessLogEntry, AccessSurface

from .html import text, texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import REGISTER_WRITES, signed_in

pytestmark = pytest.mark.django_db

URL = reverse("access-log")


@pytest.fixture
def reads(client, analyst, police_pio, prison_pio, marsh, register):
    """The analyst views Marsh and lists the register; the police PIO searches for Carter; the prison PIO
    (another agency) views Marsh."""
    signed_in(client, analyst).get(reverse("nominals:nominal-detail", args=[marsh.pk]))
    client.get(reverse("nominals:nominal-list"))
    signed_in(client, police_pio).get(reverse("nominals:search"), {"q": "Carter"})
    signed_in(client, prison_pio).get(reverse("nominals:nominal-detail", args=[marsh.pk]))
    client.logout()


def test_auditor_sees_their_own_agencys_reads_newest_first(client, police_auditor, reads, analyst, marsh):
    response = signed_in(client, police_auditor).get(URL)

    assert response.status_code == 200
    entries = texts(response, "access-log-row")
    assert len(entries) == 3 + REGISTER_WRITES, "the prison PIO's read is the prison's auditor's business"
    assert "Searched" in entries[0] and "Query: q=Carter" in entries[0] and "1 result shown" in entries[0]
    assert "Listed" in entries[1] and "2 results shown" in entries[1]
    assert "Viewed" in entries[2] and f"Nominal {marsh.pk} (NP)" in entries[2]
    assert "Tier 0 originator" in entries[2] and "Own agency" in entries[2]
    assert all("Recorded" in e or "Changed" in e for e in entries[3:]), "then the analyst's building of the register"
    assert "MARSH" not in response.content.decode(), "the log names items by number and owner only"


def test_filters_by_user_item_action_and_dates(client, police_auditor, reads, analyst, police_pio, marsh, register):
    client = signed_in(client, police_auditor)

    assert len(texts(client.get(URL, {"user": analyst.pk}), "access-log-row")) == 2 + REGISTER_WRITES
    assert len(texts(client.get(URL, {"user": police_pio.pk}), "access-log-row")) == 1
    assert len(texts(client.get(URL, {"action": "view"}), "access-log-row")) == 1

    marsh_entries = texts(client.get(URL, {"object_type": "nominal", "object_id": marsh.pk}), "access-log-row")
    did = ("Listed", "Viewed", "Changed", "Recorded")
    assert [next(action for action in did if action in e) for e in marsh_entries] == [
        "Listed",
        "Viewed",
        "Changed",  # the vehicle linked
        "Changed",  # the order
        "Changed",  # the custody episode
        "Recorded",
    ]
    carter_entries = texts(
        client.get(URL, {"object_type": "nominal", "object_id": register["carter"].pk}), "access-log-row"
    )
    assert len(carter_entries) == 4, "the search and the list that showed him, Marsh's page naming him, his recording"

    today = timezone.localdate()
    tomorrow = (today + datetime.timedelta(days=1)).isoformat()
    assert (
        len(texts(client.get(URL, {"date_from": today.isoformat(), "date_to": today.isoformat()}), "access-log-row"))
        == 3 + REGISTER_WRITES
    )
    filtered = client.get(URL, {"date_from": tomorrow})
    assert texts(filtered, "access-log-row") == []
    assert "Try other filters" in text(filtered, "empty-state")


def test_the_date_filters_are_govuk_date_inputs_that_links_can_still_set(client, police_auditor, reads):
    client = signed_in(client, police_auditor)
    today = timezone.localdate()
    boxes = {"date_from-day": today.day, "date_from-month": today.month, "date_from-year": today.year}

    response = client.get(URL, boxes)

    page = response.content.decode()
    assert 'type="date"' not in page and 'name="date_from-day"' in page and 'name="date_to-year"' in page
    assert len(texts(response, "access-log-row")) == 3 + REGISTER_WRITES
    tags = {g["heading"]: g["tags"] for g in response.context["selected_filters"]}
    assert [tag["label"] for tag in tags["From"]] == [today.strftime("%-d %B %Y")]
    assert "date_from" not in tags["From"][0]["url"], "removing the tag drops every box of the date"
    wrong = client.get(URL, {**boxes, "date_from-month": "13"})
    assert "The from date must be a real date" in wrong.content.decode()
    tomorrow = today + datetime.timedelta(days=1)
    assert texts(client.get(URL, {"date_from": tomorrow.isoformat()}), "access-log-row") == []


def test_the_log_pages_25_at_a_time(client, police_auditor, analyst):
    for number in range(30):
        AccessLogEntry.objects.create(
            user=analyst,
            agency=analyst.agency,
            action=AccessAction.SEARCH,
            surface=AccessSurface.API,
            query=f"q{number}",
        )
    client = signed_in(client, police_auditor)

    assert len(texts(client.get(URL), "access-log-row")) == 25
    second = client.get(URL, {"page": 2})
    assert len(texts(second, "access-log-row")) == 5
    assert text(second, "result-count") == "Showing 26 to 30 of 30 entries"


@pytest.mark.parametrize("extra", [1, 30], ids=["1 entry", "a full page"])
def test_access_log_queries_do_not_grow_with_the_page(
    client, police_auditor, analyst, extra, django_assert_num_queries
):
    for _ in range(extra):
        AccessLogEntry.objects.create(
            user=analyst, agency=analyst.agency, action="view", surface="page", object_owner=analyst.agency
        )
    client = signed_in(client, police_auditor)
    client.get(URL)

    # The signed-in page (3), the user filter's choices (1), the agency filter's choices (1: added with
    # the agency filter of issue 8), the count and the page of entries with their users and protocols (2),
    # the items the page's entries listed, with their owners (1: the items under each entry, issue 10).
    with django_assert_num_queries(3 + 1 + 1 + 2 + 1):
        client.get(URL)
    # Who read our records: the same, with the agency filter's choices only (the user filter lists the users
    # of an agency once one is chosen) and the page's entries' results (1) — our records among them.
    with django_assert_num_queries(3 + 1 + 2 + 1):
        client.get(URL, {"view": "our_records"})


@pytest.mark.parametrize("viewer", ["analyst", "police_admin", "council_spoc"])
def test_everyone_but_auditors_is_refused(request, client, viewer):
    response = signed_in(client, request.getfixturevalue(viewer)).get(URL)
    assert response.status_code == 403


def test_signed_out_visitors_are_sent_to_sign_in(client):
    assert client.get(URL).status_code == 302


def test_only_auditors_get_the_navigation_link(client, police_auditor, analyst):
    assert 'href="/access-log/"' in signed_in(client, police_auditor).get(reverse("home")).content.decode()
    assert 'href="/access-log/"' not in signed_in(client, analyst).get(reverse("home")).content.decode()
