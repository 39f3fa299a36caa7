"""One FilterSet for the access log (audit.filters): the page and the API show an auditor the same entries
for the same parameters, invalid values ignored on both, and the schema documents every filter."""

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from audit.filters import AccessLogFilterSet

from .test_access_log_views import world  # noqa: F401 - the log's entries

pytestmark = pytest.mark.django_db

CASES = [
    {},
    {"view": "our_records"},
    {"view": "our_records", "agency": "PRISON"},
    {"object_type": "nominal", "object_id": "WHITLOCK", "view": "our_records"},
    {"action": "view", "date_from": "2000-01-01"},
    {"user": "x", "object_id": "0", "date_from": "31/02", "view": "bogus", "action": "nope"},
]


@pytest.mark.parametrize("params", CASES)
def test_page_and_api_show_the_same_entries(client, world, police_auditor, prison, params):  # noqa: F811
    names = {"PRISON": str(prison.pk), "WHITLOCK": str(world["whitlock"].pk)}
    params = {name: names.get(value, value) for name, value in params.items()}
    client.force_login(police_auditor)
    page = client.get(reverse("access-log"), params).content.decode()
    api = APIClient()
    api.force_authenticate(police_auditor)
    response = api.get("/api/access-log/", params)

    assert response.status_code == 200
    rows = re.findall(r'data-testid="access-log-row"', page)
    assert len(rows) == len(response.json()["results"])


def test_the_schema_documents_every_filter():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    names = {parameter["name"] for parameter in schema["paths"]["/api/access-log/"]["get"]["parameters"]}

    assert set(AccessLogFilterSet.base_filters) | {"cursor"} == names
