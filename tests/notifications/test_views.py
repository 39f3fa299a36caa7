"""The inbox pages: own notifications only, unread state, marking read (htmx and without JavaScript),
filters, pagination, the unread count in the header, and the preferences form."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from notifications.models import Delivery, EventType, Notification, NotificationPreference
from notifications.services import notify

pytestmark = pytest.mark.django_db

INBOX = reverse("notifications:inbox")
PREFERENCES = reverse("notifications:preferences")


def make(recipient, title, event_type=EventType.ROLE_CHANGED, minutes_ago=0, **kwargs):
    notification = notify(recipient=recipient, event_type=event_type, title=title, **kwargs)
    created = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    Notification.objects.filter(pk=notification.pk).update(created_at=created)
    notification.refresh_from_db()
    return notification


def mark_read(notification):
    Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())


def rows(response):
    return re.findall(r'<tr class="govuk-table__row" id="notification-(\d+)"', response.content.decode())


@pytest.fixture
def alice_client(client, alice):
    client.force_login(alice)
    return client


def test_pages_require_sign_in(client, alice):
    notification = make(alice, "Roles")
    for url in [INBOX, PREFERENCES, reverse("notifications:detail", args=[notification.pk])]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:sign-in"))


def test_inbox_lists_only_own_notifications_newest_first_unread_marked_by_text(alice_client, alice, bob):
    old = make(alice, "Older one", minutes_ago=10)
    new = make(alice, "Newer one", minutes_ago=1)
    make(bob, "Bob's private notification")
    mark_read(old)

    response = alice_client.get(INBOX)

    assert response.status_code == 200
    assert rows(response) == [str(new.pk), str(old.pk)]
    html = response.content.decode()
    assert "Bob&#x27;s private notification" not in html and "Bob's private" not in html
    # Unread is shown in words and weight, not colour alone; only the unread row has the tag.
    assert html.count('data-testid="unread-tag">Unread</strong>') == 1
    assert "<strong>Newer one</strong>" in html
    assert "You have 1 unread notification." in html


def test_inbox_filters_unread_and_event_type_and_sorts(alice_client, alice):
    read = make(alice, "Read roles", minutes_ago=3)
    mark_read(read)
    vetting = make(alice, "Vetting", event_type=EventType.VETTING_EXPIRING, minutes_ago=2)
    roles = make(alice, "Unread roles", minutes_ago=1)

    assert rows(alice_client.get(INBOX, {"show": "unread"})) == [str(roles.pk), str(vetting.pk)]
    assert rows(alice_client.get(INBOX, {"event_type": EventType.ROLE_CHANGED})) == [str(roles.pk), str(read.pk)]
    assert rows(alice_client.get(INBOX, {"show": "unread", "event_type": "vetting_expiring"})) == [str(vetting.pk)]
    assert rows(alice_client.get(INBOX, {"sort": "oldest"})) == [str(read.pk), str(vetting.pk), str(roles.pk)]
    # A filter value that is not a choice is ignored rather than an error.
    assert len(rows(alice_client.get(INBOX, {"event_type": "nonsense", "show": "x"}))) == 3


def test_inbox_empty_states(alice_client, alice):
    response = alice_client.get(INBOX)
    assert "You have no notifications" in response.content.decode()
    assert 'data-testid="mark-all-read"' not in response.content.decode()

    make(alice, "Roles")
    response = alice_client.get(INBOX, {"event_type": EventType.VETTING_EXPIRING})
    assert "No notifications match these filters" in response.content.decode()


def test_inbox_paginates_25_a_page_keeping_filters(alice_client, alice):
    for n in range(30):
        make(alice, f"Notification {n}", minutes_ago=n)

    first = alice_client.get(INBOX, {"show": "unread"})
    second = alice_client.get(INBOX, {"show": "unread", "page": 2})

    assert len(rows(first)) == 25
    assert len(rows(second)) == 5
    html = first.content.decode()
    assert 'class="govuk-pagination"' in html
    assert 'href="?show=unread&amp;page=2" rel="next"' in html
    assert 'aria-current="page">1</a>' in html


def test_inbox_query_count_does_not_grow_with_notifications(alice_client, alice, django_assert_num_queries):
    for n in range(30):
        make(alice, f"Notification {n}", minutes_ago=n)

    # 1 session, 2 user with their agency and roles (header and navigation), 3 paginator count,
    # 4 unread count (context processor), 5 the page of notifications, 6-8 savepoint, session update
    # (the idle time-out's last-seen time, on the session's first request), release savepoint.
    with django_assert_num_queries(8):
        response = alice_client.get(INBOX)
    assert len(rows(response)) == 25


def test_unread_count_in_the_header_navigation(alice_client, alice, bob):
    make(alice, "One")
    make(alice, "Two")
    make(bob, "Bob's")

    html = alice_client.get(reverse("home")).content.decode()

    assert re.search(r'data-testid="unread-count">2<span class="govuk-visually-hidden"> unread</span>', html)


def test_opening_a_notification_marks_it_read_and_shows_it(alice_client, alice):
    notification = make(alice, "Your roles have changed", body="You are now a sanitiser.", url="/accounts/")

    response = alice_client.get(reverse("notifications:detail", args=[notification.pk]))

    assert response.status_code == 200
    html = response.content.decode()
    assert "Your roles have changed" in html
    assert "You are now a sanitiser." in html
    assert 'href="/accounts/"' in html
    notification.refresh_from_db()
    assert notification.is_read


def test_other_peoples_notifications_are_not_found(alice_client, bob):
    bobs = make(bob, "Bob's")

    assert alice_client.get(reverse("notifications:detail", args=[bobs.pk])).status_code == 404
    assert alice_client.post(reverse("notifications:mark-read", args=[bobs.pk])).status_code == 404
    assert (
        alice_client.post(
            reverse("notifications:mark-read", args=[bobs.pk]), headers={"HX-Request": "true"}
        ).status_code
        == 404
    )
    bobs.refresh_from_db()
    assert not bobs.is_read


def test_mark_read_without_javascript_redirects_back_with_a_banner(alice_client, alice):
    notification = make(alice, "Roles")
    back = f"{INBOX}?show=unread&page=1"

    response = alice_client.post(reverse("notifications:mark-read", args=[notification.pk]), {"next": back})

    assert response.status_code == 302
    assert response.url == back
    notification.refresh_from_db()
    assert notification.is_read
    assert "‘Roles’ marked as read" in alice_client.get(response.url).content.decode()


def test_mark_read_refuses_an_offsite_next_and_a_get(alice_client, alice):
    notification = make(alice, "Roles")
    url = reverse("notifications:mark-read", args=[notification.pk])

    assert alice_client.get(url).status_code == 405
    response = alice_client.post(url, {"next": "https://evil.example/"})
    assert response.url == INBOX


def test_mark_read_with_htmx_returns_the_row_and_the_new_counts_out_of_band(alice_client, alice):
    first = make(alice, "First")
    make(alice, "Second")

    response = alice_client.post(
        reverse("notifications:mark-read", args=[first.pk]), {"next": INBOX}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert f'<tr class="govuk-table__row" id="notification-{first.pk}" hx-swap-oob="true">' in html
    assert "Unread</strong>" not in html
    assert '<span id="unread-count" hx-swap-oob="true"' in html and ">1<span" in html
    assert "‘First’ marked as read. 1 unread notification left." in html
    first.refresh_from_db()
    assert first.is_read


def test_mark_last_unread_with_htmx_removes_the_header_count(alice_client, alice):
    only = make(alice, "Only")

    html = alice_client.post(
        reverse("notifications:mark-read", args=[only.pk]), headers={"HX-Request": "true"}
    ).content.decode()

    assert '<span id="unread-count" hx-swap-oob="delete"></span>' in html
    assert "You have no unread notifications." in html


def test_inbox_rows_post_with_htmx_and_fall_back_to_a_form(alice_client, alice):
    notification = make(alice, "Roles")
    url = reverse("notifications:mark-read", args=[notification.pk])

    html = alice_client.get(INBOX).content.decode()

    assert f'<form method="post" action="{url}" hx-post="{url}" hx-swap="none">' in html


def test_mark_all_read_marks_only_own(alice_client, alice, bob):
    make(alice, "One")
    make(alice, "Two")
    bobs = make(bob, "Bob's")

    response = alice_client.post(reverse("notifications:mark-all-read"), {"next": INBOX}, follow=True)

    assert "2 notifications marked as read" in response.content.decode()
    assert not Notification.objects.filter(recipient=alice, read_at__isnull=True).exists()
    bobs.refresh_from_db()
    assert not bobs.is_read
    assert alice_client.get(reverse("notifications:mark-all-read")).status_code == 405


def test_preferences_form_shows_current_choices_and_saves(alice_client, alice):
    NotificationPreference.objects.create(user=alice, event_type=EventType.ROLE_CHANGED, delivery=Delivery.OFF)

    html = alice_client.get(PREFERENCES).content.decode()
    assert '<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Role changed</legend>' in html
    assert re.search(r'name="role_changed" type="radio" value="off" checked', html)
    assert re.search(r'name="account_created" type="radio" value="immediately" checked', html)

    data = dict.fromkeys(EventType.values, Delivery.IMMEDIATELY)
    data[EventType.VETTING_EXPIRING] = Delivery.DAILY_DIGEST
    response = alice_client.post(PREFERENCES, data, follow=True)

    assert "Your notification preferences have been saved" in response.content.decode()
    saved = dict(NotificationPreference.objects.filter(user=alice).values_list("event_type", "delivery"))
    assert saved[EventType.VETTING_EXPIRING] == Delivery.DAILY_DIGEST
    assert saved[EventType.ROLE_CHANGED] == Delivery.IMMEDIATELY


def test_preferences_form_errors_are_summarised(alice_client, alice):
    data = dict.fromkeys(EventType.values, Delivery.IMMEDIATELY)
    data[EventType.ROLE_CHANGED] = "weekly"
    del data[EventType.ACCOUNT_CREATED]

    response = alice_client.post(PREFERENCES, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Select how you want to get ‘Account created’ notifications" in html
    assert '<a href="#id_role_changed_0">Select how you want to get ‘Role changed’ notifications</a>' in html
    assert "<title>Error: Notification preferences" in html
    assert not NotificationPreference.objects.filter(user=alice).exists()
