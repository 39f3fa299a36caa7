"""The inbox API: own notifications only (others' are 404), unread filter, mark read, preferences."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from notifications.models import Delivery, EventType, Notification, NotificationPreference
from notifications.services import notify

pytestmark = pytest.mark.django_db

LIST = "/api/notifications/"
READ_ALL = "/api/notifications/read-all/"
PREFERENCES = "/api/notifications/preferences/"


def make(recipient, title, event_type=EventType.ROLE_CHANGED, **kwargs):
    return notify(recipient=recipient, event_type=event_type, title=title, **kwargs)


@pytest.fixture
def api(alice):
    client = APIClient()
    client.force_authenticate(alice)
    return client


def test_api_requires_authentication(alice):
    notification = make(alice, "Roles")
    client = APIClient()
    for url in [LIST, f"{LIST}{notification.pk}/", PREFERENCES]:
        assert client.get(url).status_code in (401, 403)
    assert client.post(READ_ALL).status_code in (401, 403)


def test_list_shows_only_own_notifications_with_unread_filter(api, alice, bob):
    read = make(alice, "Read one")
    unread = make(alice, "Unread one", event_type=EventType.VETTING_EXPIRING, body="Renew by 1 May", url="/accounts/")
    make(bob, "Bob's")
    Notification.objects.filter(pk=read.pk).update(read_at=unread.created_at)

    everything = api.get(LIST).json()
    only_unread = api.get(LIST, {"unread": "true"}).json()
    only_vetting = api.get(LIST, {"event_type": "vetting_expiring"}).json()

    assert everything["count"] == 2
    assert {item["title"] for item in everything["results"]} == {"Read one", "Unread one"}
    assert [item["id"] for item in only_unread["results"]] == [unread.pk]
    assert [item["id"] for item in only_vetting["results"]] == [unread.pk]
    assert only_unread["results"][0] == {
        "id": unread.pk,
        "event_type": "vetting_expiring",
        "event_type_display": "Vetting about to expire",
        "title": "Unread one",
        "body": "Renew by 1 May",
        "url": "/accounts/",
        "created_at": only_unread["results"][0]["created_at"],
        "read_at": None,
        "is_read": False,
        "asks_for_action": False,
        "action_done_at": None,
        "action_outcome": "",
    }


def test_list_rejects_an_unknown_event_type_as_a_field_error(api):
    response = api.get(LIST, {"event_type": "nonsense"})
    assert response.status_code == 400
    assert "event_type" in response.json()


def test_list_query_count(api, alice, django_assert_num_queries):
    for n in range(5):
        make(alice, f"Notification {n}")
    # 1 paginator count, 2 the page of notifications.
    with django_assert_num_queries(2):
        response = api.get(LIST)
    assert response.json()["count"] == 5


def test_retrieve_and_read_others_notifications_are_not_found(api, bob):
    bobs = make(bob, "Bob's")

    assert api.get(f"{LIST}{bobs.pk}/").status_code == 404
    assert api.post(f"{LIST}{bobs.pk}/read/").status_code == 404
    bobs.refresh_from_db()
    assert not bobs.is_read


def test_retrieve_does_not_mark_read_but_read_does(api, alice):
    notification = make(alice, "Roles")

    assert api.get(f"{LIST}{notification.pk}/").json()["is_read"] is False
    notification.refresh_from_db()
    assert not notification.is_read

    response = api.post(f"{LIST}{notification.pk}/read/")
    assert response.status_code == 200
    assert response.json()["is_read"] is True
    notification.refresh_from_db()
    assert notification.is_read


def test_read_all_marks_only_own(api, alice, bob):
    make(alice, "One")
    make(alice, "Two")
    bobs = make(bob, "Bob's")

    assert api.post(READ_ALL).json() == {"marked_read": 2}
    assert api.post(READ_ALL).json() == {"marked_read": 0}
    bobs.refresh_from_db()
    assert not bobs.is_read


def test_preferences_get_and_put(api, alice):
    body = api.get(PREFERENCES).json()
    assert {item["event_type"] for item in body["preferences"]} == set(EventType.values)
    assert {item["delivery"] for item in body["preferences"]} == {"immediately"}
    assert {"event_type": "role_changed", "event_type_display": "Role changed", "delivery": "immediately"} in body[
        "preferences"
    ]

    response = api.put(
        PREFERENCES,
        {"preferences": [{"event_type": "role_changed", "delivery": "daily_digest"}]},
        format="json",
    )

    assert response.status_code == 200
    assert {"event_type": "role_changed", "event_type_display": "Role changed", "delivery": "daily_digest"} in (
        response.json()["preferences"]
    )
    assert NotificationPreference.objects.get(user=alice, event_type="role_changed").delivery == Delivery.DAILY_DIGEST


def test_preferences_put_reports_field_errors_and_changes_nothing(api, alice):
    response = api.put(
        PREFERENCES,
        {
            "preferences": [
                {"event_type": "role_changed", "delivery": "weekly"},
                {"event_type": "account_created", "delivery": "off"},
            ]
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"preferences": {"0": {"delivery": ['"weekly" is not a valid choice.']}}}

    duplicated = api.put(
        PREFERENCES,
        {"preferences": [{"event_type": "role_changed", "delivery": "off"}] * 2},
        format="json",
    )
    assert duplicated.status_code == 400
    assert duplicated.json() == {"preferences": ["Give each event type once."]}
    assert not NotificationPreference.objects.filter(user=alice).exists()


def test_notifications_are_in_the_schema(api):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    paths = schema["paths"]
    assert {
        "/api/notifications/",
        "/api/notifications/{id}/",
        "/api/notifications/{id}/read/",
        "/api/notifications/read-all/",
        "/api/notifications/preferences/",
    } <= set(paths)
    assert {p["name"] for p in paths["/api/notifications/"]["get"]["parameters"]} >= {"unread", "event_type", "page"}
    assert set(paths["/api/notifications/preferences/"]) >= {"get", "put"}
