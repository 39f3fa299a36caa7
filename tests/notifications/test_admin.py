"""The Django admin shows notifications read-only: they are written by notify() and the tasks alone."""

import pytest
from django.urls import reverse

from notifications.models import EventType
from notifications.services import notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, police):
    superuser = UserFactory(email="support@ocgshare.example", agency=police, is_staff=True, is_superuser=True)
    client.force_login(superuser)
    return client


def test_admin_lists_and_shows_notifications_but_cannot_add_or_change(admin_client, alice):
    notification = notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")

    changelist = admin_client.get(reverse("admin:notifications_notification_changelist"))
    assert changelist.status_code == 200
    assert "Your roles have changed" in changelist.content.decode()

    change_url = reverse("admin:notifications_notification_change", args=[notification.pk])
    assert 'name="title"' not in admin_client.get(change_url).content.decode()
    assert admin_client.post(change_url, {"title": "Changed"}).status_code == 403
    assert admin_client.get(reverse("admin:notifications_notification_add")).status_code == 403
    assert admin_client.get(reverse("admin:notifications_notificationpreference_changelist")).status_code == 200
