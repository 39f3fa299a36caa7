"""One FilterSet for the register of agreements (protocols.filters): the page and the API accept the same
parameters and show the same protocols, invalid values are ignored on both, and the schema documents it."""

import re

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from protocols.filters import ProtocolFilterSet

from .conftest import make_draft

pytestmark = pytest.mark.django_db

CASES = [
    {},
    {"status": "active"},
    {"status": "draft"},
    {"review_due": "overdue"},
    {"agency": "COUNCIL"},
    {"status": "bogus", "agency": "x", "review_due": "never"},  # not valid: ignored on both
]


@pytest.mark.parametrize("params", CASES)
def test_page_and_api_show_the_same_protocols(client, police_admin, active, prison, prison_admin, council, params):
    make_draft(police_admin, reference="AA-DRAFT", parties=[(prison, 1, ["background"], prison_admin)])
    params = {name: str(council.pk) if value == "COUNCIL" else value for name, value in params.items()}
    client.force_login(police_admin)
    page = client.get(reverse("protocols:register"), params).content.decode()
    api = APIClient()
    api.force_authenticate(police_admin)
    response = api.get("/api/protocols/", params)

    assert response.status_code == 200
    page_refs = set(re.findall(r'href="/protocols/\d+/">([^<]+)</a>', page))
    assert page_refs == {row["reference"] for row in response.json()["results"]}


def test_the_schema_documents_every_filter():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    names = {parameter["name"] for parameter in schema["paths"]["/api/protocols/"]["get"]["parameters"]}

    assert set(ProtocolFilterSet.base_filters) | {"cursor"} == names
