"""access.per_routes: a list's queryset built once per distinct engine conditions and shared only by users
whose conditions are the very same cached object; a change of routes builds anew."""

import datetime

import pytest
from django.utils import timezone

import access
from access import caches
from accounts.models import Role
from nominals.models import OCG, Nominal
from nominals.selectors.nominals import nominal_list
from protocols.services.lifecycle import protocol_suspend
from records.services import grant_create
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request loads them."""
    return type(user).objects.get(pk=user.pk)


class Builds:
    """A `build` for per_routes that counts its calls."""

    def __init__(self, user):
        self.user = user
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return access.visible(self.user, Nominal.objects.order_by("pk"))


def shared(user, key="test"):
    build = Builds(user)
    queryset = access.per_routes(user, (Nominal, OCG), key, build)
    return build.calls, [(n.pk, n.viewer_tier) for n in queryset]


@pytest.fixture(autouse=True)
def _empty_caches():
    caches.clear()
    yield
    caches.clear()


@pytest.fixture
def nominals(police):
    return NominalFactory.create_batch(3, owning_agency=police)


def test_colleagues_with_the_same_routes_share_one_built_queryset(active_protocol, prison, prison_pio, nominals):
    colleague = UserFactory(agency=prison, roles=[Role.PIO])
    built, rows = shared(fresh(prison_pio))
    assert built == 1 and len(rows) == 3
    assert shared(fresh(prison_pio)) == (0, rows)
    assert shared(fresh(colleague)) == (0, rows)
    # Another key is another queryset.
    assert shared(fresh(colleague), key="other")[0] == 1


def test_users_with_other_routes_never_share(active_protocol, prison_pio, outsider, police, nominals):
    police_analyst = UserFactory(agency=police, roles=[Role.ANALYST])
    _, prison_rows = shared(fresh(prison_pio))
    built, outsider_rows = shared(fresh(outsider))
    assert built == 1 and outsider_rows == []
    built, police_rows = shared(fresh(police_analyst))
    # The owner sees the same items, at tier 0 rather than the protocol's tier: their own queryset.
    assert built == 1 and [pk for pk, _ in police_rows] == [pk for pk, _ in prison_rows]
    assert {tier for _, tier in police_rows} == {0} != {tier for _, tier in prison_rows}


def test_a_need_to_know_grant_gives_a_queryset_of_its_own(
    active_protocol, prison, prison_pio, outsider, outsider_agency, nominals
):
    colleague = UserFactory(agency=prison, roles=[Role.PIO])
    outsider_nominal = NominalFactory(owning_agency=outsider_agency)
    shared(fresh(prison_pio))
    grant_create(
        actor=outsider,
        obj=outsider_nominal,
        user=colleague,
        tier=2,
        reason="Enquiry",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    built, rows = shared(fresh(colleague))
    assert built == 1 and outsider_nominal.pk in {pk for pk, _ in rows}
    assert outsider_nominal.pk not in {pk for pk, _ in shared(fresh(prison_pio))[1]}


def test_a_suspended_protocol_builds_anew_on_the_next_request(active_protocol, police_admin, prison_pio, nominals):
    assert shared(fresh(prison_pio))[1]
    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Audit")
    # New conditions (none at all: no route reaches anything), so a queryset of their own.
    assert shared(fresh(prison_pio)) == (1, [])


def test_the_api_list_and_the_list_page_build_their_queryset_once(
    client, active_protocol, prison_pio, outsider_agency, nominals
):
    client.force_login(prison_pio)
    assert len(client.get("/api/nominals/").json()["results"]) == 3
    entries = len(caches.querysets)
    assert entries == 1
    # Filters go on a clone.
    assert len(client.get(f"/api/nominals/?agency={outsider_agency.pk}").json()["results"]) == 0
    assert len(caches.querysets) == entries
    assert client.get("/register/").status_code == 200  # the page's rows carry fewer relations
    assert len(caches.querysets) == entries + 1
    # The cached queryset was never evaluated in place.
    assert all(queryset._result_cache is None for _conditions, queryset in caches.querysets._entries.values())
    assert nominal_list(user=fresh(prison_pio), sort="nonsense").query.order_by == (
        nominal_list(user=fresh(prison_pio)).query.order_by
    )
