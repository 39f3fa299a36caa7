"""Notifications that ask for an action on a protocol (sign it, record its review) are marked done
by the service that does the action, or ends the need for it, in the same transaction; and the
confirmation after signing says what actually happened."""

import pytest
from django.db import transaction
from django.urls import reverse

from notifications import selectors as notification_selectors
from notifications.models import EventType, Notification
from protocols.constants import ProtocolStatus
from protocols.services.lifecycle import protocol_refresh_status, protocol_review_record
from protocols.services.signatures import protocol_return_to_draft, protocol_sign, protocol_submit_for_signature
from protocols.tasks import send_review_reminders

from .conftest import days, make_draft, sign_all

pytestmark = pytest.mark.django_db


def sign_requests(**filters):
    return Notification.objects.filter(event_type=EventType.SIGNATURE_REQUESTED, **filters)


def open_sign_requests():
    return sorted(sign_requests(action_done_at__isnull=True).values_list("recipient__email", flat=True))


def test_a_signature_closes_that_agencys_request_only(awaiting, police_admin, prison_admin, council_admin):
    assert open_sign_requests() == sorted([police_admin.email, prison_admin.email, council_admin.email])
    assert notification_selectors.unread_count(user=prison_admin) == 1

    protocol_sign(actor=prison_admin, protocol=awaiting)

    assert open_sign_requests() == sorted([police_admin.email, council_admin.email])
    done = sign_requests(recipient=prison_admin).get()
    assert done.action_done_at is not None
    assert done.action_outcome == "Signed for HMP Northshire by " + prison_admin.full_name
    assert done.read_at is None, "marking an action done does not pretend it was read"
    assert notification_selectors.unread_count(user=prison_admin) == 0
    assert list(notification_selectors.inbox_list(user=prison_admin, unread=True)) == []


def test_the_last_signature_leaves_no_request_open(awaiting, police_admin, prison_admin, council_admin):
    active = sign_all(awaiting, police_admin, prison_admin, council_admin)

    assert active.status == ProtocolStatus.ACTIVE
    assert open_sign_requests() == []
    for admin in (police_admin, prison_admin, council_admin):
        # What is left unread is the news that it is active, not a request to sign it.
        assert set(
            Notification.objects.filter(recipient=admin, read_at__isnull=True, action_done_at__isnull=True).values_list(
                "event_type", flat=True
            )
        ) == {EventType.PROTOCOL_ACTIVATED}


def test_a_signature_that_rolls_back_leaves_the_request_open(awaiting, prison_admin):
    with pytest.raises(RuntimeError), transaction.atomic():
        protocol_sign(actor=prison_admin, protocol=awaiting)
        assert prison_admin.email not in open_sign_requests()
        raise RuntimeError("the request failed after the service")

    assert prison_admin.email in open_sign_requests()


def test_return_to_draft_closes_the_requests_and_resending_asks_again(awaiting, police_admin, prison_admin):
    protocol_sign(actor=prison_admin, protocol=awaiting)

    protocol_return_to_draft(actor=police_admin, protocol=awaiting)

    assert open_sign_requests() == []
    withdrawn = sign_requests(recipient=police_admin).get()
    assert withdrawn.action_outcome.startswith("No longer needed: Northshire Police took the protocol back to draft")
    # The prison's request keeps saying what happened to it: it was signed.
    assert sign_requests(recipient=prison_admin).get().action_outcome.startswith("Signed for HMP Northshire")

    protocol_submit_for_signature(actor=police_admin, protocol=awaiting)
    assert len(open_sign_requests()) == 3
    assert sign_requests().count() == 6


def test_expiry_before_every_party_signed_closes_the_requests(awaiting, police_admin, prison_admin):
    protocol_sign(actor=police_admin, protocol=awaiting)

    protocol_refresh_status(protocol=awaiting, today=days(400))

    awaiting.refresh_from_db()
    assert awaiting.status == ProtocolStatus.EXPIRED
    assert open_sign_requests() == []
    assert sign_requests(recipient=prison_admin).get().action_outcome == (
        "No longer needed: the protocol expired before every party signed"
    )


def test_recording_the_review_closes_the_review_reminders(active, police_admin):
    from protocols.models import Protocol

    Protocol.objects.filter(pk=active.pk).update(review_date=days(7))
    assert send_review_reminders() == 3
    reminders = Notification.objects.filter(event_type=EventType.PROTOCOL_REVIEW_DUE)
    assert all(reminder.asks_for_action and not reminder.is_action_done for reminder in reminders)

    protocol_review_record(actor=police_admin, protocol=active, next_review_date=days(200))

    next_review = days(200)
    assert set(reminders.values_list("action_outcome", flat=True)) == {
        f"Review recorded by {police_admin.full_name}; next review by {next_review:%-d %B %Y}"
    }
    assert not reminders.filter(action_done_at__isnull=True).exists()


def test_expiry_closes_an_open_review_reminder(active):
    from protocols.models import Protocol

    Protocol.objects.filter(pk=active.pk).update(review_date=days(7))
    send_review_reminders()

    protocol_refresh_status(protocol=active, today=days(400))

    reminders = Notification.objects.filter(event_type=EventType.PROTOCOL_REVIEW_DUE)
    assert set(reminders.values_list("action_outcome", flat=True)) == {"No longer needed: the protocol expired"}


def test_end_date_reminders_ask_for_nothing(active):
    from protocols.models import Protocol

    Protocol.objects.filter(pk=active.pk).update(review_date=days(-1), end_date=days(7))
    send_review_reminders()

    ending = Notification.objects.filter(event_type=EventType.PROTOCOL_EXPIRED)
    assert ending.exists()
    assert not any(notification.asks_for_action for notification in ending)


# The confirmation after signing -----------------------------------------------------------------


def sign_through_the_page(client, user, protocol):
    client.force_login(user)
    response = client.post(reverse("protocols:sign", args=[protocol.pk]), follow=True)
    # The page the signer lands on shows (and so uses up) the messages.
    return [str(message) for message in response.context["messages"]]


def test_the_confirmation_names_who_still_has_to_sign_then_says_active(
    client, awaiting, police_admin, prison_admin, council_admin
):
    assert sign_through_the_page(client, police_admin, awaiting) == [
        f"Signed. Still to sign: HMP Northshire ({prison_admin.full_name}), Northshire City Council "
        f"({council_admin.full_name}). NW-ISP-01 becomes active when they have."
    ]
    assert sign_through_the_page(client, council_admin, awaiting) == [
        f"Signed. Still to sign: HMP Northshire ({prison_admin.full_name}). NW-ISP-01 becomes active when they have."
    ]
    assert sign_through_the_page(client, prison_admin, awaiting) == [
        "Signed. Every party has signed: NW-ISP-01 is now active and information is shared under it."
    ]


def test_the_confirmation_says_when_a_fully_signed_protocol_starts(client, police_admin, prison, prison_admin):
    protocol = make_draft(
        police_admin, start=days(10), end=days(300), parties=[(prison, 1, ["background"], prison_admin)]
    )
    protocol_submit_for_signature(actor=police_admin, protocol=protocol)
    protocol_sign(actor=police_admin, protocol=protocol)

    assert sign_through_the_page(client, prison_admin, protocol) == [
        f"Signed. Every party has signed: NW-ISP-01 becomes active on its start date, {days(10):%-d %B %Y}."
    ]


def test_the_inbox_shows_a_signed_request_as_done(client, awaiting, police_admin, prison_admin):
    protocol_sign(actor=prison_admin, protocol=awaiting)
    client.force_login(prison_admin)

    page = client.get(reverse("notifications:inbox")).content.decode()

    assert 'data-testid="done-tag"' in page
    assert f"Signed for HMP Northshire by {prison_admin.full_name}" in page
    assert 'data-testid="unread-tag"' not in page
    assert 'data-testid="unread-count"' not in page
    assert "You have no unread notifications." in page
