"""Notifications asking for an action: marked done by the service that does it, shown as done in the
inbox and the API, and not counted as unread. (Protocol signatures and reviews: tests/protocols.)"""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts import services as account_services
from notifications import selectors
from notifications.delivery import deliver_notification_email
from notifications.models import EmailState, EventType, Notification
from notifications.services import notification_actions_done, notify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def in_days(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def ask(recipient, key="protocol:1:sign:1", title="Sign protocol NW-ISP-01"):
    return notify(recipient=recipient, event_type=EventType.SIGNATURE_REQUESTED, title=title, action_key=key)


def test_done_marks_every_open_request_for_the_action_once(alice, bob):
    first, second, other = ask(alice), ask(bob), ask(alice, key="protocol:2:sign:1")

    assert notification_actions_done(action_keys="protocol:1:sign:1", outcome="Signed\nfor  them") == 2
    assert notification_actions_done(action_keys=["protocol:1:sign:1"], outcome="Again") == 0

    for notification in (first, second):
        notification.refresh_from_db()
        assert notification.action_done_at is not None
        assert notification.action_outcome == "Signed for them"
    other.refresh_from_db()
    assert other.action_done_at is None
    assert notification_actions_done(action_keys=[], outcome="Nothing") == 0


def test_a_done_action_is_not_unread_anywhere(alice):
    open_request, done_request = ask(alice, key="a"), ask(alice, key="b")
    notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")
    notification_actions_done(action_keys="b", outcome="Signed by someone else")

    assert selectors.unread_count(user=alice) == 2
    assert done_request.pk not in set(selectors.inbox_list(user=alice, unread=True).values_list("pk", flat=True))
    assert open_request.pk in set(selectors.inbox_list(user=alice, unread=True).values_list("pk", flat=True))


def test_the_api_says_whether_an_action_is_done(alice):
    open_request, done_request = ask(alice, key="a"), ask(alice, key="b")
    notification_actions_done(action_keys="b", outcome="Signed for Northshire Police by Ann Admin")
    api = APIClient()
    api.force_authenticate(alice)

    items = {item["id"]: item for item in api.get("/api/notifications/").json()["results"]}
    unread = api.get("/api/notifications/", {"unread": "true"}).json()["results"]

    assert items[open_request.pk]["asks_for_action"] is True
    assert items[open_request.pk]["action_done_at"] is None
    assert items[open_request.pk]["action_outcome"] == ""
    assert items[done_request.pk]["action_done_at"] is not None
    assert items[done_request.pk]["action_outcome"] == "Signed for Northshire Police by Ann Admin"
    assert items[done_request.pk]["is_read"] is False
    assert [item["id"] for item in unread] == [open_request.pk]


def test_the_schema_documents_the_action_fields(client, alice):
    client.force_login(alice)
    schema = client.get(reverse("api-schema"), {"format": "json"}).json()
    properties = schema["components"]["schemas"]["Notification"]["properties"]
    assert properties["action_done_at"]["nullable"] is True
    assert "anyone else entitled" in properties["action_done_at"]["description"]
    assert {"asks_for_action", "action_outcome"} <= set(properties)


def test_the_detail_page_says_whether_the_action_is_done(client, alice):
    open_request, done_request = ask(alice, key="a"), ask(alice, key="b")
    notification_actions_done(action_keys="b", outcome="Signed for Northshire Police by Ann Admin")
    client.force_login(alice)

    still_to_do = client.get(reverse("notifications:detail", args=[open_request.pk])).content.decode()
    done = client.get(reverse("notifications:detail", args=[done_request.pk])).content.decode()

    assert "To do" in still_to_do
    assert "Signed for Northshire Police by Ann Admin" in done


class TestVettingReminders:
    @pytest.fixture
    def officer(self, police, police_admin):
        officer = UserFactory(agency=police, full_name="Eve Expiring", vetting_expires=in_days(10))
        account_services.vetting_reminders_send()
        return officer

    def reminders(self):
        return Notification.objects.filter(event_type=EventType.VETTING_EXPIRING)

    def test_reminders_ask_for_a_renewed_date(self, officer, police_admin):
        assert sorted(self.reminders().values_list("recipient__email", flat=True)) == sorted(
            [officer.email, police_admin.email]
        )
        assert all(reminder.asks_for_action and not reminder.is_action_done for reminder in self.reminders())

    def test_recording_the_renewed_date_closes_the_officers_and_the_admins_reminders(self, officer, police_admin):
        account_services.user_update(
            actor=police_admin, user=officer, vetting_expires=in_days(700), reason="CTC renewed"
        )

        expected = f"{police_admin.full_name} recorded a vetting expiry date of {in_days(700):%-d %B %Y}"
        assert set(self.reminders().values_list("action_outcome", flat=True)) == {expected}
        assert selectors.unread_count(user=police_admin) == 0
        assert selectors.unread_count(user=officer) == 0

    def test_another_change_leaves_the_reminders_open(self, officer, police_admin):
        account_services.user_update(actor=police_admin, user=officer, job_title="Detective Sergeant")
        assert not self.reminders().exclude(action_done_at=None).exists()

    def test_disabling_the_account_closes_them(self, officer, police_admin):
        account_services.user_update(actor=police_admin, user=officer, is_active=False)
        assert set(self.reminders().values_list("action_outcome", flat=True)) == {"No longer needed: account disabled"}


def test_a_request_done_before_its_e_mail_went_out_is_not_e_mailed(alice):
    request = ask(alice)
    notification_actions_done(action_keys=request.action_key, outcome="Signed by a colleague")

    assert deliver_notification_email(request.pk) is False

    request.refresh_from_db()
    assert request.email_state == EmailState.NOT_WANTED
    assert mail.outbox == []
