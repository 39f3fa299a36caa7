"""Review and end-date reminders from the daily task: 30 and 7 days before, once each."""

import pytest

from notifications.models import EventType, Notification
from protocols.models import Protocol
from protocols.services.lifecycle import protocol_suspend
from protocols.tasks import send_review_reminders
from tests.factories import UserFactory

from .conftest import days

pytestmark = pytest.mark.django_db


def _move(protocol, **dates):
    Protocol.objects.filter(pk=protocol.pk).update(**dates)


def _reminders(event_type):
    return Notification.objects.filter(event_type=event_type)


def test_nothing_to_remind_far_from_dates(active):
    assert send_review_reminders() == 0


def test_review_reminders_at_30_and_7_days_each_once(active):
    _move(active, review_date=days(30))
    assert send_review_reminders() == 3  # the three parties' signatories
    assert send_review_reminders() == 0
    titles = set(_reminders(EventType.PROTOCOL_REVIEW_DUE).values_list("title", flat=True))
    assert titles == {"Protocol NW-ISP-01 is due for review in 30 days"}

    _move(active, review_date=days(7))  # as if 23 days had passed
    assert send_review_reminders() == 3
    assert send_review_reminders() == 0
    assert _reminders(EventType.PROTOCOL_REVIEW_DUE).count() == 6


def test_a_missed_day_is_caught_up_and_the_30_day_reminder_is_not_sent_late(active):
    _move(active, review_date=days(20))
    assert send_review_reminders() == 3
    _move(active, review_date=days(5))
    assert send_review_reminders() == 3
    _move(active, review_date=days(25))  # a different review date starts a new series
    assert send_review_reminders() == 3


def test_end_date_reminders_and_spoc_is_told(active, council):
    spoc = UserFactory(email="spoc@northshire.gov.uk", agency=council)
    council.spoc = spoc
    council.save()
    _move(active, review_date=days(1), end_date=days(7))
    send_review_reminders()
    ending = _reminders(EventType.PROTOCOL_EXPIRED)
    assert ending.count() == 4
    assert ending.filter(recipient=spoc, title="Protocol NW-ISP-01 ends in 7 days").exists()
    assert _reminders(EventType.PROTOCOL_REVIEW_DUE).count() == 4
    assert send_review_reminders() == 0


def test_no_reminders_for_drafts_or_expired(draft, police_admin):
    _move(draft, review_date=days(7), end_date=days(7))
    assert send_review_reminders() == 0


def test_suspended_protocols_are_still_reminded(active, police_admin):
    protocol_suspend(actor=police_admin, protocol=active, reason="Audit")
    _move(active, review_date=days(7))
    assert send_review_reminders() == 3
