"""E-mail delivery through a real SMTP server: permanent refusals fail one notification and the
outbox sweep goes on; transient ones are retried; a resend after a lost answer has the same Message-ID."""

import datetime
import smtplib

import pytest
from celery.exceptions import Retry
from django.utils import timezone

from notifications.delivery import deliver_notification_email, permanent_failure, send_daily_digest
from notifications.models import Delivery, EmailState, EventType, Notification
from notifications.services import notify, preferences_update
from notifications.tasks import SWEEP_MAX_FAILURES, deliver_pending_notifications, send_notification_email
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def pending(recipient, title="Your roles have changed"):
    notification = notify(recipient=recipient, event_type=EventType.ROLE_CHANGED, title=title)
    # Older than the sweep's grace period, and still in the order they were made (the clock only moves
    # forward between calls; the sweep breaks ties by id). Not offset by the id: on PostgreSQL ids keep
    # growing across the whole suite and soon put the notification past the grace period.
    Notification.objects.filter(pk=notification.pk).update(created_at=timezone.now() - datetime.timedelta(minutes=10))
    return notification


def user(name):
    return UserFactory(email=f"{name}@northshire.police.uk")


def test_refused_emails_fail_alone_and_the_sweep_delivers_the_rest(smtp):
    refused = [user(f"gone{n}") for n in range(SWEEP_MAX_FAILURES + 1)]
    for person in refused:
        smtp.refuse_recipients[person.email] = "550 5.1.1 Recipient address rejected: User unknown"
    healthy = [user("alice"), user("bob")]
    # The refused ones are oldest, so the sweep meets all of them before any healthy one.
    refused_notifications = [pending(person) for person in refused]
    healthy_notifications = [pending(person) for person in healthy]

    assert deliver_pending_notifications.apply().get() == 2

    assert sorted(str(message["To"]) for message in smtp.messages()) == sorted(p.email for p in healthy)
    for notification in healthy_notifications:
        notification.refresh_from_db()
        assert notification.email_state == EmailState.SENT
    for notification in refused_notifications:
        notification.refresh_from_db()
        assert notification.email_state == EmailState.FAILED
        assert notification.email_error == "550 5.1.1 Recipient address rejected: User unknown"
        assert notification.emailed_at is None
    # Nothing is left for the next sweep: a refused e-mail is not tried again.
    assert deliver_pending_notifications.apply().get() == 0
    assert len(smtp.messages()) == 2


def test_a_message_refused_after_data_fails_permanently(smtp):
    alice = user("alice")
    smtp.refuse_data[alice.email] = "554 5.7.1 Message content rejected"
    notification = pending(alice)

    # The task does not retry a permanent refusal.
    send_notification_email.apply(args=[notification.pk]).get()

    notification.refresh_from_db()
    assert notification.email_state == EmailState.FAILED
    assert notification.email_error == "554 5.7.1 Message content rejected"
    assert smtp.messages() == []


def test_a_temporary_refusal_is_retried_and_sent_later(smtp):
    alice = user("alice")
    smtp.refuse_recipients[alice.email] = "450 4.2.1 Mailbox busy, try again later"
    notification = pending(alice)

    with pytest.raises(Retry):
        send_notification_email.apply(args=[notification.pk])
    notification.refresh_from_db()
    assert notification.email_state == EmailState.PENDING
    assert notification.email_error == ""

    del smtp.refuse_recipients[alice.email]
    assert deliver_pending_notifications.apply().get() == 1
    assert [str(message["To"]) for message in smtp.messages()] == [alice.email]


def test_temporary_refusals_still_stop_the_sweep(smtp):
    people = [user(f"busy{n}") for n in range(SWEEP_MAX_FAILURES + 2)]
    for person in people:
        smtp.refuse_recipients[person.email] = "451 4.3.0 Temporary server error"
    for person in people:
        pending(person)

    assert deliver_pending_notifications.apply().get() == 0
    assert Notification.objects.filter(email_state=EmailState.PENDING).count() == len(people)


def test_a_resend_after_a_lost_answer_carries_the_same_message_id(smtp, settings):
    settings.SITE_URL = "https://ocgshare.example.gov.uk"
    settings.EMAIL_TIMEOUT = 1
    alice = user("alice")
    notification = pending(alice)
    # The server stores the message, then answers only after the client has given up waiting.
    smtp.slow_answer_seconds = 3

    with pytest.raises(Retry):
        send_notification_email.apply(args=[notification.pk])
    notification.refresh_from_db()
    assert notification.email_state == EmailState.PENDING, "with no answer, the sender cannot know it arrived"
    assert len(smtp.messages()) == 1

    smtp.slow_answer_seconds = 0
    assert deliver_notification_email(notification.pk) is True
    assert deliver_notification_email(notification.pk) is False

    first, second = smtp.messages()
    assert first["Message-ID"] == second["Message-ID"] == f"<notification-{notification.pk}@ocgshare.example.gov.uk>"
    notification.refresh_from_db()
    assert notification.email_state == EmailState.SENT


def test_each_notification_has_its_own_message_id(smtp):
    alice = user("alice")
    first, second = pending(alice, "One"), pending(alice, "Two")
    deliver_notification_email(first.pk)
    deliver_notification_email(second.pk)
    assert len({message["Message-ID"] for message in smtp.messages()}) == 2


def test_a_refused_digest_fails_the_notifications_it_listed(smtp):
    alice = user("alice")
    smtp.refuse_recipients[alice.email] = "550 5.1.1 No such user"
    preferences_update(user=alice, choices={EventType.ROLE_CHANGED: Delivery.DAILY_DIGEST})
    for title in ("One", "Two"):
        notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title=title)

    assert send_daily_digest(alice) == 0

    assert set(Notification.objects.values_list("email_state", "email_error")) == {
        (EmailState.FAILED, "550 5.1.1 No such user")
    }
    assert send_daily_digest(alice) == 0


@pytest.mark.parametrize(
    ("error", "permanent"),
    [
        (smtplib.SMTPRecipientsRefused({"a@example.com": (550, b"User unknown")}), "550 User unknown"),
        (smtplib.SMTPRecipientsRefused({"a@example.com": (452, b"Mailbox full")}), None),
        (smtplib.SMTPSenderRefused(553, b"Sender not allowed", "no-reply@x"), "553 Sender not allowed"),
        (smtplib.SMTPSenderRefused(421, b"Too busy", "no-reply@x"), None),
        (smtplib.SMTPDataError(552, b"Message too big"), "552 Message too big"),
        (smtplib.SMTPDataError(451, b"Local error"), None),
        # These concern every message, not this one: the sweep must stop, not fail them all.
        (smtplib.SMTPAuthenticationError(535, b"Bad credentials"), None),
        (smtplib.SMTPConnectError(554, b"No service"), None),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), None),
    ],
)
def test_permanent_and_transient_answers(error, permanent):
    assert permanent_failure(error) == permanent


def test_a_digest_resent_after_a_lost_answer_carries_the_same_message_id(smtp, settings):
    settings.EMAIL_TIMEOUT = 1
    alice = user("alice")
    preferences_update(user=alice, choices={EventType.ROLE_CHANGED: Delivery.DAILY_DIGEST})
    for title in ("One", "Two"):
        notify(recipient=alice, event_type=EventType.ROLE_CHANGED, title=title)
    smtp.slow_answer_seconds = 3

    with pytest.raises(OSError):
        send_daily_digest(alice)
    assert set(Notification.objects.values_list("email_state", flat=True)) == {EmailState.DIGEST}

    smtp.slow_answer_seconds = 0
    assert send_daily_digest(alice) == 2

    first, second = smtp.messages()
    assert first["Message-ID"] == second["Message-ID"]
    assert first["Message-ID"].startswith(f"<digest-{alice.pk}-")
