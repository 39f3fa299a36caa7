"""The inbox's one FilterSet (notifications.filters): the page and the API show the same rows for the
same filters, the API refuses an invalid value (400) where the page ignores it."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from notifications.models import EventType, Notification
from tests.notifications.test_views import make, mark_read, rows

pytestmark = pytest.mark.django_db

INBOX = reverse("notifications:inbox")
LIST = "/api/notifications/"


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


@pytest.fixture
def api(alice):
    client = APIClient()
    client.force_authenticate(alice)
    return client


@pytest.mark.parametrize(
    ("page_params", "api_params"),
    [
        ({}, {}),
        ({"show": "unread"}, {"unread": "true"}),
        ({"event_type": "vetting_expiring"}, {"event_type": "vetting_expiring"}),
        ({"show": "unread", "event_type": "role_changed"}, {"unread": "yes", "event_type": "role_changed"}),
        ({"show": "all"}, {"unread": "false"}),
    ],
)
def test_page_and_api_show_the_same_rows(alice_client, api, alice, bob, page_params, api_params):
    mark_read(make(alice, "Read roles", minutes_ago=3))
    make(alice, "Vetting", event_type=EventType.VETTING_EXPIRING, minutes_ago=2)
    make(alice, "Unread roles", minutes_ago=1)
    make(bob, "Bob's")

    page_rows = rows(alice_client.get(INBOX, page_params))
    api_rows = [str(item["id"]) for item in api.get(LIST, api_params).json()["results"]]
    assert page_rows == api_rows
    assert page_rows  # every case has rows, so the comparison says something


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"event_type": "nonsense"}, {"event_type": ['"nonsense" is not a valid choice.']}),
        ({"unread": "maybe"}, {"unread": ["Must be a valid boolean."]}),
    ],
)
def test_api_answers_an_invalid_value_with_the_serializers_400(api, alice, params, error):
    make(alice, "Roles")
    response = api.get(LIST, params)
    assert response.status_code == 400
    assert response.json() == error


def test_page_ignores_every_filter_while_one_is_invalid(alice_client, alice):
    make(alice, "Roles")
    make(alice, "Vetting", event_type=EventType.VETTING_EXPIRING)
    response = alice_client.get(INBOX, {"show": "unread", "event_type": "nonsense"})
    assert len(rows(response)) == Notification.objects.filter(recipient=alice).count() == 2
    assert "Select a valid choice. nonsense is not one of the available choices." in response.content.decode()
