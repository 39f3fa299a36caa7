"""notify(): recorded in the caller's transaction, routed by the recipient's preferences; and the
other writes (mark read, preferences)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from notifications import selectors
from notifications.models import Delivery, EmailState, EventType, Notification, NotificationPreference
from notifications.services import (
    notification_mark_all_read,
    notification_mark_read,
    notify,
    preferences_update,
)

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


def test_notify_rolled_back_with_the_change_records_and_sends_nothing(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, pytest.raises(Boom), transaction.atomic():
        notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")
        raise Boom

    assert not Notification.objects.exists()
    assert callbacks == []
    assert mail.outbox == []


def test_notify_sends_only_once_the_change_commits(alice, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        notification = notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")
        # Recorded in the transaction, not yet e-mailed: the change could still roll back.
        assert notification.email_state == EmailState.PENDING
        assert mail.outbox == []

    assert len(callbacks) == 1
    callbacks[0]()
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT
    assert [m.to for m in mail.outbox] == [[alice.email]]


@pytest.mark.parametrize(
    ("delivery", "email_state", "emails"),
    [
        (None, EmailState.SENT, 1),  # no preference: immediately
        (Delivery.IMMEDIATELY, EmailState.SENT, 1),
        (Delivery.DAILY_DIGEST, EmailState.DIGEST, 0),
        (Delivery.OFF, EmailState.NOT_WANTED, 0),
    ],
)
def test_notify_follows_the_recipients_preference(
    alice, django_capture_on_commit_callbacks, delivery, email_state, emails
):
    if delivery:
        NotificationPreference.objects.create(user=alice, event_type=EventType.ACCOUNT_CREATED, delivery=delivery)
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(recipient=alice, event_type=EventType.ACCOUNT_CREATED, title="Welcome to OCG Share")

    notification.refresh_from_db()
    assert notification.email_state == email_state
    assert len(mail.outbox) == emails
    # Whatever the e-mail preference, the notification is in the inbox.
    assert list(selectors.inbox_list(user=alice)) == [notification]


def test_preference_applies_per_event_type(alice, django_capture_on_commit_callbacks):
    preferences_update(user=alice, choices={EventType.ROLE_CHANGED: Delivery.OFF})
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Your roles have changed")
        notify(recipient=alice, event_type=EventType.VETTING_EXPIRING, title="Your vetting expires in 30 days")

    assert [m.subject for m in mail.outbox] == ["[OCG Share] Your vetting expires in 30 days"]


def test_notify_with_a_used_dedupe_key_records_nothing(alice, bob, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(recipient=alice, event_type=EventType.VETTING_EXPIRING, title="Vetting", dedupe_key="v:2026")
        again = notify(recipient=alice, event_type=EventType.VETTING_EXPIRING, title="Vetting", dedupe_key="v:2026")
        for_bob = notify(recipient=bob, event_type=EventType.VETTING_EXPIRING, title="Vetting", dedupe_key="v:2026")

    assert first is not None and for_bob is not None
    assert again is None
    assert Notification.objects.filter(recipient=alice).count() == 1
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", "/\\evil.example"])
def test_notify_refuses_a_link_outside_the_service(alice, url):
    with pytest.raises(ValueError, match="path inside the service"):
        notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Roles", url=url)
    assert not Notification.objects.exists()


def test_mark_read_and_mark_all_read_touch_only_the_users_own(alice, bob):
    mine = [
        notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title=f"Alice {n}", url="/accounts/")
        for n in range(3)
    ]
    bobs = notify(recipient=bob, event_type=EventType.ROLE_CHANGED, title="Bob's")

    notification_mark_read(user=alice, notification=mine[0])
    assert selectors.unread_count(user=alice) == 2
    with pytest.raises(PermissionDenied):
        notification_mark_read(user=alice, notification=bobs)

    assert notification_mark_all_read(user=alice) == 2
    assert notification_mark_all_read(user=alice) == 0
    assert selectors.unread_count(user=alice) == 0
    bobs.refresh_from_db()
    assert bobs.read_at is None
    assert selectors.unread_count(user=bob) == 1


def test_mark_read_keeps_the_first_read_time(alice):
    notification = notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title="Roles")
    notification_mark_read(user=alice, notification=notification)
    first_read = Notification.objects.get(pk=notification.pk).read_at

    notification_mark_read(user=alice, notification=Notification.objects.get(pk=notification.pk))
    assert Notification.objects.get(pk=notification.pk).read_at == first_read


def test_preferences_update_sets_and_keeps_choices(alice):
    assert selectors.preferences_for(user=alice) == dict.fromkeys(EventType.values, Delivery.IMMEDIATELY)

    preferences_update(user=alice, choices={EventType.ROLE_CHANGED: Delivery.DAILY_DIGEST})
    preferences_update(user=alice, choices={EventType.VETTING_EXPIRING: Delivery.OFF})

    expected = dict.fromkeys(EventType.values, Delivery.IMMEDIATELY)
    expected[EventType.ROLE_CHANGED] = Delivery.DAILY_DIGEST
    expected[EventType.VETTING_EXPIRING] = Delivery.OFF
    assert selectors.preferences_for(user=alice) == expected
    assert NotificationPreference.objects.filter(user=alice).count() == 2


def test_preferences_update_reports_every_problem_and_changes_nothing(alice):
    with pytest.raises(ValidationError) as error:
        preferences_update(
            user=alice,
            choices={EventType.ROLE_CHANGED: Delivery.OFF, "no_such_event": Delivery.OFF, "account_created": "weekly"},
        )

    assert set(error.value.message_dict) == {"no_such_event", "account_created"}
    assert not NotificationPreference.objects.exists()
