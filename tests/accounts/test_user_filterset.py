"""One FilterSet for the user list (accounts.filters.UserFilterSet): the page and the API take the same
parameters and show an administrator the same rows in the same order; invalid values are ignored on both;
the agency filter is a superuser's only; the schema documents every filter."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.filters import UserFilterSet
from accounts.models import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

USER_LIST = reverse("accounts:user-list")
USERS_URL = "/api/users/"


@pytest.fixture
def people(police, council, police_officer, analyst, council_spoc):
    today = timezone.localdate()
    UserFactory(agency=police, is_active=False, full_name="Dan Disabled")
    UserFactory(agency=police, full_name="Eve Expiring", vetting_expires=today + datetime.timedelta(days=20))
    UserFactory(agency=police, full_name="Ed Expired", vetting_expires=today - datetime.timedelta(days=1))
    UserFactory(agency=council, full_name="Cal Council", roles=[Role.PIO])


def _page_ids(client, user, params):
    client.force_login(user)
    response = client.get(USER_LIST, params)
    assert response.status_code == 200
    return [person.pk for person in response.context["page"].object_list]


def _api_ids(user, params):
    client = APIClient()
    client.force_authenticate(user)
    response = client.get(USERS_URL, params)
    assert response.status_code == 200
    return [row["id"] for row in response.json()["results"]]


CASES = [
    {},
    {"q": "pat"},
    {"q": "NORTHSHIRE"},
    {"role": Role.PIO},
    {"status": "disabled"},
    {"status": "active", "sort": "-name"},
    {"vetting": "expired"},
    {"vetting": "expiring"},
    {"vetting": "current", "sort": "-vetting"},
    {"sort": "email"},
    {"sort": "-agency"},
    # Invalid values are ignored, on both.
    {"role": "not-a-role"},
    {"status": "bogus", "sort": "bogus"},
    {"q": "x" * 201},
    {"agency": "abc"},
]


@pytest.mark.parametrize("params", CASES)
def test_page_and_api_show_an_administrator_the_same_rows(client, people, police_admin, params):
    assert _page_ids(client, police_admin, params) == _api_ids(police_admin, params)


@pytest.mark.parametrize("params", [*CASES, {"agency": "council"}, {"agency": "999999"}])
def test_page_and_api_show_a_superuser_the_same_rows(client, people, superuser, council, params):
    if params.get("agency") == "council":
        params = {"agency": council.pk}
    assert _page_ids(client, superuser, params) == _api_ids(superuser, params)


def test_agency_filters_for_a_superuser_only(client, people, superuser, police_admin, council):
    assert set(_api_ids(superuser, {"agency": council.pk})) == set(council.users.values_list("pk", flat=True))
    assert _api_ids(police_admin, {"agency": council.pk}) == _api_ids(police_admin, {})
    assert "agency" in UserFilterSet({}, user=superuser).filters
    assert "agency" not in UserFilterSet({}, user=police_admin).filters


def test_invalid_values_are_marked_on_the_page_and_not_applied(client, people, police_admin):
    client.force_login(police_admin)
    response = client.get(USER_LIST, {"role": "not-a-role"})
    assert "role" in response.context["filter_form"].errors
    assert "No users match" not in response.content.decode()
