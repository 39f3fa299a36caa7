"""Protocol dates and reasons are bounded (issue 8, section 4): year 9999 was a 500 (the review date is
the start plus the review interval, past the calendar's end), and a 1 MB suspension reason was copied into
every party's notification."""

import datetime

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from notifications.models import Notification
from ocgshare import bounds
from protocols.constants import ProtocolStatus
from protocols.models import Protocol
from protocols.services.common import add_months
from protocols.services.drafting import template_current
from protocols.services.lifecycle import protocol_suspend

from .conftest import days

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_year_9999_dates_are_400_with_a_message(police_admin):
    body = {"reference": "X-1", "title": "x", "start_date": "9999-06-01", "end_date": "9999-12-31"}

    response = api(police_admin).post("/api/protocols/", body, format="json")

    assert response.status_code == 400
    assert response.json()["start_date"][0].startswith("Enter a date no later than")
    assert response.json()["end_date"][0].startswith("Enter a date no later than")
    assert not Protocol.objects.exists()


@pytest.mark.parametrize(
    ("start", "end", "field"),
    [
        ("0001-01-01", "2030-01-01", "start_date"),
        ("1999-12-31", "2030-01-01", "start_date"),
        (None, "9999-12-31", "end_date"),
    ],
)
def test_implausible_protocol_dates_are_refused(police_admin, start, end, field):
    body = {"reference": "X-1", "title": "x", "start_date": start or str(days(0)), "end_date": end}

    response = api(police_admin).post("/api/protocols/", body, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_a_draft_cannot_be_moved_to_year_9999(police_admin, draft):
    response = api(police_admin).patch(f"/api/protocols/{draft.pk}/", {"end_date": "9999-12-31"}, format="json")

    assert response.status_code == 400
    assert "end_date" in response.json()


def test_the_page_refuses_year_9999_too(client, police_admin):
    client.force_login(police_admin)
    template = template_current()
    data = {
        "template": template.pk,
        "reference": "X-1",
        "title": "x",
        "start_date": "9999-06-01",
        "end_date": "9999-12-31",
    }

    response = client.post(reverse("protocols:create"), data)

    assert response.status_code == 200  # the form again, with its errors
    assert "Enter a date no later than" in response.content.decode()
    assert not Protocol.objects.exists()


def test_renewing_to_year_9999_is_refused(police_admin, active):
    Protocol.objects.filter(pk=active.pk).update(
        status=ProtocolStatus.EXPIRED, start_date=days(-400), review_date=days(-10), end_date=days(-1)
    )

    response = api(police_admin).post(f"/api/protocols/{active.pk}/renew/", {"end_date": "9999-12-31"}, format="json")

    assert response.status_code == 400
    assert "end_date" in response.json()


def test_add_months_stops_at_the_calendars_end():
    assert add_months(datetime.date(9999, 6, 1), 12) == datetime.date.max
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)


def test_a_suspension_reason_over_the_limit_is_refused_and_nobody_is_told(police_admin, active):
    before = Notification.objects.count()
    reason = "x" * (bounds.REASON_MAX_LENGTH + 1)

    response = api(police_admin).post(f"/api/protocols/{active.pk}/suspend/", {"reason": reason}, format="json")

    assert response.status_code == 400
    assert "reason" in response.json()
    active.refresh_from_db()
    assert active.status == ProtocolStatus.ACTIVE
    assert Notification.objects.count() == before


def test_the_service_refuses_an_overlong_reason_whatever_calls_it(police_admin, active):
    with pytest.raises(Exception) as refused:
        protocol_suspend(actor=police_admin, protocol=active, reason="x" * 1_000_000)

    assert "reason" in refused.value.message_dict


def test_the_suspend_page_refuses_an_overlong_reason(client, police_admin, active):
    client.force_login(police_admin)

    response = client.post(reverse("protocols:suspend", args=[active.pk]), {"reason": "x" * 1_000_000})

    assert response.status_code in (200, 400)  # the form again, with its errors
    assert "at most 2000 characters" in response.content.decode()
    active.refresh_from_db()
    assert active.status == ProtocolStatus.ACTIVE


def test_a_section_over_the_limit_is_refused(police_admin, draft):
    long = "x" * (bounds.SECTION_MAX_LENGTH + 1)

    response = api(police_admin).patch(f"/api/protocols/{draft.pk}/", {"purposes": long}, format="json")

    assert response.status_code == 400
    assert "purposes" in response.json()
