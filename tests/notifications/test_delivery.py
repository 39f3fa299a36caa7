"""E-mail delivery: a sent e-mail is not resent by a retry, nothing sensitive, the outbox sweep after a
broker outage, the daily digest."""

import datetime

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.utils import timezone

from notifications.delivery import deliver_notification_email, send_daily_digest
from notifications.models import Delivery, EmailState, EventType, Notification
from notifications.services import notify, preferences_update
from notifications.tasks import (
    deliver_pending_notifications,
    enqueue_notification_email,
    send_daily_digests,
    send_notification_email,
)
from tests.factories import UserFactory

from .conftest import celery_configured

pytestmark = pytest.mark.django_db

# Nothing listens here: publishing a task fails as it does when Redis is down.
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


def pending(recipient, title="Your roles have changed", **kwargs):
    """A notification whose queued e-mail has not run (notify outside on-commit capture queues nothing)."""
    return notify(recipient=recipient, event_type=EventType.ROLE_CHANGED, title=title, **kwargs)


def age(notification, **delta):
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - datetime.timedelta(**delta))


def test_delivering_twice_sends_one_email(alice):
    notification = pending(alice)

    assert deliver_notification_email(notification.pk) is True
    assert deliver_notification_email(notification.pk) is False
    send_notification_email.apply(args=[notification.pk])

    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT
    assert notification.emailed_at is not None


def test_email_carries_the_title_and_a_link_but_never_the_body(alice, settings):
    settings.SITE_URL = "https://ocgshare.example.gov.uk"
    notification = pending(
        alice, title="A partner shared intelligence with you", body="Nominal A1234BC seen at 12 High Street", url="/x/"
    )

    deliver_notification_email(notification.pk)

    email = mail.outbox[0]
    assert email.subject == "[OCG Share] A partner shared intelligence with you"
    assert email.to == [alice.email]
    assert f"https://ocgshare.example.gov.uk/notifications/{notification.pk}/" in email.body
    assert "Sign in to read it" in email.body
    assert "A1234BC" not in email.body
    assert "High Street" not in email.body


def test_a_title_with_a_line_break_makes_a_one_line_subject(alice):
    notification = pending(alice, title="Line one\nBcc: someone@example.com")
    deliver_notification_email(notification.pk)
    assert mail.outbox[0].subject == "[OCG Share] Line one Bcc: someone@example.com"
    assert mail.outbox[0].bcc == []


def test_failed_send_leaves_the_notification_pending(alice, settings):
    settings.EMAIL_BACKEND = "tests.notifications.email_backends.DownEmailBackend"
    notification = pending(alice)

    with pytest.raises(ConnectionRefusedError):
        deliver_notification_email(notification.pk)

    notification.refresh_from_db()
    assert notification.email_state == EmailState.PENDING
    assert notification.emailed_at is None


def test_a_disabled_account_gets_no_email(alice):
    notification = pending(alice)
    alice.is_active = False
    alice.save()

    assert deliver_notification_email(notification.pk) is False

    notification.refresh_from_db()
    assert notification.email_state == EmailState.NOT_WANTED
    assert mail.outbox == []


def test_broker_outage_loses_nothing_the_sweep_delivers(alice, django_capture_on_commit_callbacks):
    with celery_configured(broker_url=UNREACHABLE_BROKER, task_always_eager=False):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            notification = pending(alice)
        # The commit hook ran and could not reach the broker; the change itself stood.
        assert len(callbacks) == 1

    notification.refresh_from_db()
    assert notification.email_state == EmailState.PENDING
    assert mail.outbox == []

    # The queued task normally delivers within seconds, so the sweep leaves a fresh row alone.
    assert deliver_pending_notifications.apply().get() == 0
    age(notification, minutes=2)
    assert deliver_pending_notifications.apply().get() == 1
    assert deliver_pending_notifications.apply().get() == 0

    assert [m.to for m in mail.outbox] == [[alice.email]]
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT


def test_sweep_stops_when_the_mail_server_is_down_and_tries_again_next_time(alice, settings):
    notifications = [pending(alice, title=f"Notification {n}") for n in range(5)]
    for notification in notifications:
        age(notification, minutes=5)
    settings.EMAIL_BACKEND = "tests.notifications.email_backends.DownEmailBackend"

    assert deliver_pending_notifications.apply().get() == 0
    assert Notification.objects.filter(email_state=EmailState.PENDING).count() == 5

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert deliver_pending_notifications.apply().get() == 5
    assert len(mail.outbox) == 5


def test_sweep_gives_up_on_an_email_unsent_for_days(alice):
    stale = pending(alice, title="Old")
    age(stale, days=3)
    recent = pending(alice, title="Recent")
    age(recent, minutes=5)

    assert deliver_pending_notifications.apply().get() == 1

    stale.refresh_from_db()
    assert stale.email_state == EmailState.FAILED
    assert [m.subject for m in mail.outbox] == ["[OCG Share] Recent"]


def test_a_failed_send_makes_the_task_retry_and_never_breaks_the_committing_request(alice, settings):
    settings.EMAIL_BACKEND = "tests.notifications.email_backends.DownEmailBackend"
    notification = pending(alice)

    # Eager Celery (the default with no broker) raises the retry instead of scheduling it.
    with pytest.raises(Retry):
        send_notification_email.apply(args=[notification.pk])
    # The commit hook swallows it: the change that caused the notification has already committed.
    enqueue_notification_email(notification.pk)

    notification.refresh_from_db()
    assert notification.email_state == EmailState.PENDING
    assert mail.outbox == []


def digest_notifications(user, titles):
    preferences_update(
        user=user, choices={EventType.ROLE_CHANGED: Delivery.DAILY_DIGEST, EventType.ACCOUNT_CREATED: Delivery.OFF}
    )
    for title in titles:
        notify(recipient=user, event_type=EventType.ROLE_CHANGED, title=title)


def test_daily_digest_lists_waiting_titles_in_one_email_once(alice, settings):
    settings.SITE_URL = "https://ocgshare.example.gov.uk"
    digest_notifications(alice, ["First change", "Second change"])
    notify(recipient=alice, event_type=EventType.ACCOUNT_CREATED, title="Not e-mailed at all", body="secret")

    assert send_daily_digest(alice) == 2
    assert send_daily_digest(alice) == 0

    assert len(mail.outbox) == 1
    email = mail.outbox[0]
    assert email.subject == "[OCG Share] Your daily summary: 2 new notifications"
    assert email.body.index("First change") < email.body.index("Second change")
    assert "Not e-mailed at all" not in email.body
    assert "https://ocgshare.example.gov.uk/notifications/" in email.body
    assert set(Notification.objects.filter(title__endswith="change").values_list("email_state", flat=True)) == {
        EmailState.SENT
    }


def test_daily_digests_task_sends_one_email_per_user_with_digest_rows(alice, bob):
    digest_notifications(alice, ["Alice one", "Alice two"])
    digest_notifications(bob, ["Bob one"])
    carol = UserFactory(email="carol@example.police.uk")
    notify(recipient=carol, event_type=EventType.ROLE_CHANGED, title="Carol immediate")  # not a digest row

    assert send_daily_digests.apply().get() == 2
    assert send_daily_digests.apply().get() == 0

    assert sorted((m.to[0], m.subject) for m in mail.outbox) == [
        ("alice@northshire.police.uk", "[OCG Share] Your daily summary: 2 new notifications"),
        ("bob@northshire.gov.uk", "[OCG Share] Your daily summary: 1 new notification"),
    ]


def test_digest_for_a_disabled_account_sends_nothing(alice):
    digest_notifications(alice, ["One"])
    alice.is_active = False
    alice.save()

    assert send_daily_digest(alice) == 0
    assert mail.outbox == []
    assert Notification.objects.get().email_state == EmailState.NOT_WANTED
