"""Pinned query counts of the register pages: a fixed number per page, the same for 2 rows as for a full
page of 25, for the owner and for a partner."""

import factory
import pytest
from django.urls import reverse

from nominals.selectors import search as search_selectors
from tests.nominals.factories import NominalFactory, OCGFactory

from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

pytestmark = pytest.mark.django_db

# Every signed-in page: session, user with their agency, roles and groups (header, engine), the unread
# notification count. (The session is written at most once a minute: accounts.middleware.)
SIGNED_IN = 3
# The engine, once per request: the sharing version. The routes (the protocol grants and parties the user's
# groups hold, the user's need-to-know grants on nominals and OCGs) were read by the session's first request
# and come from the process's cache (access.caches; tests/access/test_route_caches.py).
ENGINE = 1
# The access log of a list or search: the entry, and its results in one insert.
LOG_LIST = 2
# The nominal filter form's choices: the agencies whose nominals the user may see, and establishments
# (one more, the owners of granted items, for a user holding need-to-know grants; none hold any here).
# A viewer who reaches no nominal at tier 1 (the council's SPOC) is offered no establishment filter.
NOMINAL_FILTER_CHOICES = {"analyst": 2, "prison_pio": 2, "council_spoc": 1}
# A page of nominals: the count, and the rows with what the table shows of other tables — aliases and the
# OCGs the user may see — in the rows' own query (selectors.TABLE_ROW, selectors.with_list_relations).
NOMINAL_PAGE = 2


def more_nominals(owner, count):
    NominalFactory.create_batch(count, owning_agency=owner)


@pytest.mark.parametrize("extra", [0, 30], ids=["2 rows", "a full page"])
@pytest.mark.parametrize("viewer", ["analyst", "prison_pio", "council_spoc"])
def test_nominal_list_queries_do_not_grow_with_the_page(
    request, client, register, police, viewer, extra, django_assert_num_queries
):
    more_nominals(police, extra)
    client = signed_in(client, request.getfixturevalue(viewer))
    client.get(reverse("nominals:nominal-list"))  # the session's first request writes more

    choices = NOMINAL_FILTER_CHOICES[viewer]
    with django_assert_num_queries(SIGNED_IN + ENGINE + choices + NOMINAL_PAGE + LOG_LIST):
        response = client.get(reverse("nominals:nominal-list"))
    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 30], ids=["1 row", "a full page"])
def test_ocg_list_queries_do_not_grow_with_the_page(
    request, client, register, police, prison_pio, extra, django_assert_num_queries
):
    OCGFactory.create_batch(extra, lead_agency=police, reference=factory.Sequence(lambda n: f"NP-OCG-9{n:03d}"))
    client = signed_in(client, prison_pio)
    client.get(reverse("nominals:ocg-list"))

    # The lead agency filter's choices, the agencies whose OCGs the user sees (1); the count, the rows and
    # their threat areas (3).
    with django_assert_num_queries(SIGNED_IN + ENGINE + 1 + 3 + LOG_LIST):
        response = client.get(reverse("nominals:ocg-list"))
    assert response.status_code == 200


@pytest.mark.parametrize("extra", [0, 5], ids=["1 match", "more than the limit"])
def test_search_queries_do_not_grow_with_the_results(
    request, client, register, police, prison_pio, extra, django_assert_num_queries, monkeypatch
):
    monkeypatch.setattr(search_selectors, "SEARCH_PAGE_LIMIT", 3)
    NominalFactory.create_batch(extra, owning_agency=police, surname="Marsh", forenames="Other")
    client = signed_in(client, prison_pio)
    client.get(reverse("nominals:search"), {"q": "Marsh"})  # a search before, as the engine's routes are read

    # A page of nominals without the count: the best matches and one more, with what the table shows of
    # them, in a single query (counting would repeat the costly name match).
    search_results = NOMINAL_PAGE - 1
    with django_assert_num_queries(SIGNED_IN + ENGINE + search_results + LOG_LIST):
        response = client.get(reverse("nominals:search"), {"q": "Marsh"})
    assert response.status_code == 200


def test_nominal_detail_queries(client, marsh, prison_pio, django_assert_num_queries):
    client = signed_in(client, prison_pio)
    client.get(reverse("nominals:nominal-list"))

    # The nominal with its aliases, identifiers, threat areas and OCGs (1); the OCG memberships the user
    # may see, with role and dates (1); custody episodes and their transfers (2); supervisions and orders
    # (2); associations between nominals the user may see (1); linked entities the user may see (1); the
    # log entry and, in one insert, the other items the page names — OCGs, associates, entities (2: the
    # second since issue 8, so that their owners find the read); the protocol named as the basis (1).
    with django_assert_num_queries(SIGNED_IN + ENGINE + 1 + 1 + 2 + 2 + 1 + 1 + 2 + 1):
        response = client.get(reverse("nominals:nominal-detail", args=[marsh.pk]))
    assert response.status_code == 200
