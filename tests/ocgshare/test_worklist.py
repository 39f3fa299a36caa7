"""The home page's work list, "what needs you" (ocgshare.worklist): each role's actions and search, the
sections apps register (signatures, reviews, grants and vetting ending, unread notifications, records
added), the same in `/api/me/tasks/`, and a page that names no register data."""

import datetime
import re

import pytest
from django.utils import timezone

from accounts.models import Role
from nominals.services.nominals import nominal_create
from notifications.services import notify
from ocgshare import worklist
from protocols.services.signatures import protocol_sign
from records.services import grant_create
from tests.access.world import *  # noqa: F403 - the register's shared fixtures
from tests.access.world import days
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db


def home(client, user):
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def sections(html):
    return re.findall(r'data-work="(\w+)"', html)


def actions(html):
    return re.findall(r'role="button"[^>]*>([^<]+)</a>', html)


def tasks(client, user):
    client.force_login(user)
    response = client.get("/api/me/tasks/")
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize(
    ("roles", "expected_actions", "search"),
    [
        ([Role.PIO], ["Add a nominal", "Add an OCG"], True),
        ([Role.ANALYST], ["Add a nominal", "Add an OCG"], True),
        ([Role.PARTNERSHIP_LEAD], ["Add a nominal", "Add an OCG", "Draft a protocol"], True),
        ([Role.SPOC], [], True),
        ([Role.AGENCY_ADMIN], ["Draft a protocol"], False),
        ([Role.AUDITOR], ["Read the access log"], False),
    ],
)
def test_each_role_has_its_main_actions_one_click_from_home(client, police, roles, expected_actions, search):
    user = UserFactory(agency=police, roles=roles)
    html = home(client, user)
    assert actions(html) == expected_actions
    assert ('id="home-search"' in html) is search
    data = tasks(client, user)
    assert [action["label"] for action in data["actions"]] == expected_actions
    assert (data["search"] is not None) is search


def test_nothing_to_do_says_so(client, police):
    html = home(client, UserFactory(agency=police, roles=[Role.SPOC]))
    assert sections(html) == ["none"]
    assert "Nothing needs you today" in html


def test_a_signatory_sees_the_protocol_awaiting_their_signature_until_they_sign(
    client, awaiting_protocol, prison_admin, police_admin
):
    html = home(client, prison_admin)
    assert "protocols_to_sign" in sections(html)
    assert f"/protocols/{awaiting_protocol.pk}/" in html
    # The lead's administrator is not the prison's signatory: not theirs to sign there.
    section = next(s for s in tasks(client, prison_admin)["sections"] if s["key"] == "protocols_to_sign")
    assert section["count"] == 1 and awaiting_protocol.reference in section["items"][0]["text"]
    protocol_sign(actor=prison_admin, protocol=awaiting_protocol)
    assert "protocols_to_sign" not in sections(home(client, prison_admin))


def test_protocols_due_for_review_or_ending_reach_those_who_keep_them(
    client, active_protocol, police_admin, prison_pio
):
    from protocols.models import Protocol

    Protocol.objects.filter(pk=active_protocol.pk).update(review_date=days(-1))
    data = tasks(client, police_admin)
    section = next(s for s in data["sections"] if s["key"] == "protocols_due")
    assert section["items"][0]["urgent"] and "Review overdue" in section["items"][0]["detail"]
    # A PIO does not review protocols.
    assert "protocols_due" not in sections(home(client, prison_pio))


def test_vetting_ending_soon_shows_to_the_user_and_their_administrator(client, police, police_admin):
    officer = UserFactory(agency=police, roles=[Role.PIO], vetting_expires=timezone.localdate() + datetime.timedelta(5))
    html = home(client, officer)
    assert "vetting" in sections(html)
    assert "expires on" in html
    admin_view = tasks(client, police_admin)
    section = next(s for s in admin_view["sections"] if s["key"] == "agency_vetting")
    assert section["count"] == 1 and section["items"][0]["text"] == officer.full_name
    assert section["items"][0]["urgent"]


def test_need_to_know_grants_ending_this_week(client, police, outsider):
    analyst = UserFactory(agency=police, roles=[Role.ANALYST])
    nominal = NominalFactory(owning_agency=police)
    grant_create(
        actor=analyst,
        obj=nominal,
        user=outsider,
        tier=2,
        reason="Joint enquiry",
        expires_at=timezone.now() + datetime.timedelta(days=2),
    )
    for user, wording in ((outsider, "grant to you"), (analyst, "grant you gave")):
        section = next(s for s in tasks(client, user)["sections"] if s["key"] == "grants_expiring")
        item = section["items"][0]
        assert item["text"] == f"Nominal {nominal.pk}: tier 2 {wording}"
        assert item["url"] == f"/register/nominals/{nominal.pk}/"
    # Named by kind and number only: the home page is not a read of register data.
    assert nominal.surname not in home(client, outsider)


def test_unread_notifications_and_records_added_recently(client, police):
    analyst = UserFactory(agency=police, roles=[Role.ANALYST])
    nominal = nominal_create(actor=analyst, surname="Quarrie", forenames="Dale", risk_level="high")
    notify(recipient=analyst, event_type="role_changed", title="Read me")
    data = tasks(client, analyst)
    keys = [section["key"] for section in data["sections"]]
    assert keys == ["recently_added", "notifications"]
    added = data["sections"][0]["items"][0]
    assert added["url"] == f"/register/nominals/{nominal.pk}/" and "Quarrie" not in added["text"]
    assert data["sections"][1]["items"][0]["text"] == "Read me"


def test_a_section_added_by_another_app_shows_without_changing_the_page(client, police):
    user = UserFactory(agency=police, roles=[Role.SPOC])

    def meetings(user):
        return worklist.Section(key="meetings", title="Meetings you are invited to", items=(worklist.Item("Tasking"),))

    worklist.register_section(meetings, order=5)
    try:
        assert sections(home(client, user))[0] == "meetings"
        assert tasks(client, user)["sections"][0]["title"] == "Meetings you are invited to"
    finally:
        worklist._section_providers[:] = [entry for entry in worklist._section_providers if entry[2] is not meetings]


def test_the_home_page_costs_a_bounded_number_of_queries(client, police, django_assert_max_num_queries):
    analyst = UserFactory(agency=police, roles=[Role.ANALYST])
    client.force_login(analyst)
    with django_assert_max_num_queries(25):
        assert client.get("/").status_code == 200


def test_signed_out_users_are_sent_to_sign_in(client):
    assert client.get("/").status_code == 302
    assert client.get("/api/me/tasks/").status_code in (401, 403)
