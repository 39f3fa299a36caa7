"""One FilterSet per list (nominals.filters): the page and the API accept the same parameters and show a
user the same rows, invalid values are ignored on both, and the OpenAPI schema documents every filter."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import Role
from nominals.filters import AssociationFilterSet, EntityFilterSet, NominalFilterSet, OCGFilterSet
from tests.factories import UserFactory

from .html import texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

pytestmark = pytest.mark.django_db


def _api(user, url, params):
    client = APIClient()
    client.force_authenticate(user)
    response = client.get(url, params)
    assert response.status_code == 200
    return response.json()["results"]


NOMINAL_CASES = [
    {},
    {"risk": "very_high"},
    {"custody": "in"},
    {"custody": "out"},
    {"threat_area": "illegal_drugs"},
    {"ocg_reference": "np-ocg-0001"},
    {"risk": "extreme"},  # not valid: ignored on both
    {"agency": "x", "custody": "nowhere"},
]


@pytest.mark.parametrize("params", NOMINAL_CASES)
def test_nominal_page_and_api_show_the_same_rows(client, analyst, register, params):
    signed_in(client, analyst)
    response = client.get(reverse("nominals:nominal-list"), params)
    assert response.status_code == 200
    page_rows = texts(response, "nominal-row")

    api_rows = _api(analyst, "/api/nominals/", params)

    assert len(page_rows) == len(api_rows)
    assert sorted(row["surname"].upper() for row in api_rows) == sorted(
        next(word.strip(",") for word in row.split() if word.strip(",").isupper() and len(word) > 2)
        for row in page_rows
    )


@pytest.mark.parametrize("params", [{}, {"status": "active"}, {"band": "A"}, {"status": "bogus"}])
def test_ocg_page_and_api_show_the_same_rows(client, analyst, register, params):
    signed_in(client, analyst)
    response = client.get(reverse("nominals:ocg-list"), params)
    assert response.status_code == 200
    page_rows = texts(response, "ocg-row")

    api_rows = _api(analyst, "/api/ocgs/", params)

    assert len(page_rows) == len(api_rows)
    for row in api_rows:
        assert any(row["reference"] in text for text in page_rows)


def test_the_page_and_the_api_log_the_same_query(client, analyst, register):
    from audit.services import query_string

    params = {"risk": "very_high", "agency": str(analyst.agency_id), "sort": "surname", "page": "1"}
    page = NominalFilterSet(params, user=analyst).audit_params()
    api = NominalFilterSet({k: v for k, v in params.items() if k not in ("sort", "page")}, user=analyst).audit_params()

    assert query_string(page) == query_string(api) == f"agency={analyst.agency_id}&risk=very_high"


def test_a_filter_never_widens_what_the_engine_returned(register):
    outsider = UserFactory(email="nobody@southshire.police.uk", roles=[Role.ANALYST])
    assert _api(outsider, "/api/nominals/", {"risk": "very_high"}) == []
    assert _api(outsider, "/api/ocgs/", {}) == []


@pytest.mark.parametrize(
    ("path", "filterset"),
    [
        ("/api/nominals/", NominalFilterSet),
        ("/api/ocgs/", OCGFilterSet),
        ("/api/entities/", EntityFilterSet),
        ("/api/associations/", AssociationFilterSet),
    ],
)
def test_the_schema_documents_every_filter_of_the_list_only(path, filterset):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    names = {parameter["name"] for parameter in schema["paths"][path]["get"]["parameters"]}

    assert set(filterset.base_filters) | {"cursor", "page_size"} == names
    search = schema["paths"].get(f"{path}search/")
    if search:
        assert not set(filterset.base_filters) & {p["name"] for p in search["get"]["parameters"]}


def test_entity_and_association_filters_ignore_invalid_values_and_log_what_they_applied(analyst):
    from audit.services import query_string

    entities = EntityFilterSet({"kind": "bogus", "nominal": "x", "value": "  07700  ", "ocg": "3"}, user=analyst)
    associations = AssociationFilterSet({"kind": "bogus", "nominal": "12"}, user=analyst)

    assert query_string(entities.audit_params()) == "ocg=3&value=07700"
    assert query_string(associations.audit_params()) == "nominal=12"
