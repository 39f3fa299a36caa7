"""The access engine's per-process caches (access.caches): a repeated request reads only the sharing
version, and every change of routes — by a service, a factory, or another process — shows on the next."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

import access
from access import caches
from accounts.models import Role
from nominals.models import Nominal
from ocgshare.models import SharingVersion
from protocols.models import ProtocolGroupObjectPermission
from protocols.services.groups import agency_group
from protocols.services.lifecycle import protocol_reinstate, protocol_suspend
from records.services import grant_create, grant_revoke
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db

NOMINALS = "/api/nominals/"


def fresh(user):
    """The user as the next request loads them (nothing kept from an earlier request)."""
    return type(user).objects.get(pk=user.pk)


def seen_ids(user):
    return set(access.visible(fresh(user), Nominal.objects.all()).values_list("pk", flat=True))


def _in(days):
    return timezone.now() + datetime.timedelta(days=days)


def listed(client):
    """How many nominals one request to the API list shows."""
    return len(client.get(NOMINALS).json()["results"])


@pytest.fixture
def nominals(police):
    return NominalFactory.create_batch(3, owning_agency=police)


def test_a_repeated_api_list_reads_the_sharing_version_instead_of_the_routes(
    client, active_protocol, prison_pio, nominals
):
    client.force_login(prison_pio)
    # A request that reads no routes first, for what the first request of a session does once.
    assert client.get("/api/notifications/").status_code == 200
    with CaptureQueriesContext(connection) as first:
        assert listed(client) == 3
    with CaptureQueriesContext(connection) as second:
        assert listed(client) == 3
    # The first request reads the agency's protocol grants and the user's need-to-know grants; the second
    # finds both in the process's cache under the same sharing version, read in one primary-key query.
    assert (len(first), len(second)) == (len(first), len(first) - 2)
    routes_table = ProtocolGroupObjectPermission._meta.db_table
    assert any(routes_table in query["sql"] for query in first.captured_queries)
    assert not any(routes_table in query["sql"] for query in second.captured_queries)
    assert sum(SharingVersion._meta.db_table in query["sql"] for query in second.captured_queries) == 1


def test_the_next_request_reads_roles_groups_and_version_only(
    active_protocol, prison_pio, nominals, django_assert_num_queries
):
    user = fresh(prison_pio)
    with django_assert_num_queries(6):  # roles, groups, version, protocol grants, grants, the list
        first = list(access.visible(user, Nominal.objects.all()))
    user = fresh(prison_pio)
    with django_assert_num_queries(4):  # roles, groups, version, the list
        second = list(access.visible(user, Nominal.objects.all()))
    assert [(n.pk, n.viewer_tier) for n in first] == [(n.pk, n.viewer_tier) for n in second]
    assert {access.access_of(user, n).protocol_id for n in second} == {active_protocol.pk}


def test_users_with_the_same_groups_share_the_protocol_routes(
    active_protocol, prison, prison_pio, nominals, django_assert_num_queries
):
    seen_ids(prison_pio)
    colleague = fresh(UserFactory(agency=prison, roles=[Role.PIO]))
    with django_assert_num_queries(5):  # roles, groups, version, their own grants, the list
        assert len(access.visible(colleague, Nominal.objects.all())) == 3


def test_a_suspension_and_a_reinstatement_show_on_the_next_request(
    client, active_protocol, police_admin, prison_pio, nominals
):
    client.force_login(prison_pio)
    assert listed(client) == 3
    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Audit")
    assert listed(client) == 0
    protocol_reinstate(actor=police_admin, protocol=fresh(active_protocol))
    assert listed(client) == 3


def test_a_protocol_past_its_end_date_shows_on_the_next_request(active_protocol, prison_pio, nominals):
    assert len(seen_ids(prison_pio)) == 3
    protocol = fresh(active_protocol)
    protocol.start_date = timezone.localdate() - datetime.timedelta(days=400)
    protocol.review_date = timezone.localdate() - datetime.timedelta(days=40)
    protocol.end_date = timezone.localdate() - datetime.timedelta(days=1)
    protocol.save()  # a save, as the admin or a factory would: its signal changes the sharing version
    assert seen_ids(prison_pio) == set()


def test_a_grant_row_deleted_outside_the_services_shows_on_the_next_request(
    active_protocol, prison, prison_pio, nominals
):
    assert len(seen_ids(prison_pio)) == 3
    for row in ProtocolGroupObjectPermission.objects.filter(group=agency_group(prison)):
        row.delete()
    assert seen_ids(prison_pio) == set()


def test_the_date_is_part_of_the_key(active_protocol, prison_pio, nominals, monkeypatch):
    assert len(seen_ids(prison_pio)) == 3
    end = fresh(active_protocol).end_date
    # The next request falls on the day after the protocol's end, before the nightly task expires it.
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: end + datetime.timedelta(days=1))
    assert seen_ids(prison_pio) == set()


def test_a_new_and_a_revoked_need_to_know_grant_show_on_the_next_request(analyst, outsider, nominals):
    nominal = nominals[0]
    assert seen_ids(outsider) == set()
    grant = grant_create(actor=analyst, obj=nominal, user=outsider, tier=2, reason="Enquiry", expires_at=_in(7))
    assert seen_ids(outsider) == {nominal.pk}
    grant_revoke(actor=analyst, grant=grant)
    assert seen_ids(outsider) == set()


def test_a_grant_to_the_agency_shows_on_the_next_request(analyst, outsider, outsider_agency, nominals):
    nominal = nominals[1]
    assert seen_ids(outsider) == set()
    grant_create(actor=analyst, obj=nominal, agency=outsider_agency, tier=2, reason="Enquiry", expires_at=_in(7))
    assert seen_ids(outsider) == {nominal.pk}


def test_an_expired_grant_gives_nothing_on_the_next_request(analyst, outsider, nominals, monkeypatch):
    nominal = nominals[0]
    grant = grant_create(actor=analyst, obj=nominal, user=outsider, tier=2, reason="Enquiry", expires_at=_in(1))
    assert seen_ids(outsider) == {nominal.pk}
    # Nothing is written when a grant expires: the cached routes serve until their first grant's expiry.
    later = grant.expires_at + datetime.timedelta(seconds=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert seen_ids(outsider) == set()


def test_a_change_of_groups_or_roles_shows_on_the_next_request(active_protocol, prison, prison_pio, nominals):
    assert len(seen_ids(prison_pio)) == 3
    prison_pio.groups.remove(agency_group(prison))
    assert seen_ids(prison_pio) == set()
    prison_pio.groups.add(agency_group(prison))
    assert len(seen_ids(prison_pio)) == 3
    prison_pio.user_roles.all().delete()
    assert seen_ids(prison_pio) == set()


def test_the_caches_are_keyed_by_the_version_in_the_database(active_protocol, prison_pio, nominals):
    """Another process's change: rows changed with no signal in this process (raw SQL), then the version
    changed in the database as that process's write would. Until the version changes this process
    answers from its cache; from then on, from the database."""
    assert len(seen_ids(prison_pio)) == 3
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {ProtocolGroupObjectPermission._meta.db_table}")  # noqa: S608 - a constant
    assert len(seen_ids(prison_pio)) == 3  # cached: nothing in this process knew
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {SharingVersion._meta.db_table} SET token = token + 1"  # noqa: S608 - a constant
        )
    assert seen_ids(prison_pio) == set()


def test_no_version_row_still_caches_and_a_change_makes_one(active_protocol, prison_pio, nominals, police_admin):
    SharingVersion.objects.all().delete()  # as a test's flush leaves it
    assert len(seen_ids(prison_pio)) == 3
    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Audit")
    assert SharingVersion.objects.exists()
    assert seen_ids(prison_pio) == set()


def test_the_caches_are_bounded():
    cache = caches.LRU(max_entries=2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # now the most recently used
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)
