"""The API says what it does: what it answers, for each kind of demo user, matches its OpenAPI schema
(/api/schema/), status code and body alike. The same property .ci/apicheck.py checks with schemathesis
against the running app, here on chosen requests: every read of the demo, and the error answers."""

from io import StringIO

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from jsonschema import Draft7Validator
from rest_framework.test import APIClient

from accounts.models import User
from ocgshare.openapi import error_codes

pytestmark = pytest.mark.django_db

# One demo user of each kind (demo/people.py), as in .ci/apicheck.py.
DEMO_USERS = [
    "analyst@police.example",
    "pio.northshire@police.example",
    "security.northshire@prison.example",
    "spoc@dwp.example",
    "lead@council.example",
    "auditor@police.example",
    "admin@police.example",
]
# Each list, and the detail route of the items it shows.
LISTS = {
    "/api/nominals/": "/api/nominals/{id}/",
    "/api/ocgs/": "/api/ocgs/{id}/",
    "/api/entities/": "/api/entities/{id}/",
    "/api/associations/": "/api/associations/{id}/",
    "/api/protocols/": "/api/protocols/{id}/",
    "/api/agencies/": "/api/agencies/{id}/",
    "/api/users/": "/api/users/{id}/",
    "/api/notifications/": "/api/notifications/{id}/",
    "/api/toolkit/powers/": "/api/toolkit/powers/{id}/",
    "/api/toolkit/data-holdings/": "/api/toolkit/data-holdings/{id}/",
    "/api/access-log/": None,
}
READS = ["/api/me/", "/api/nominals/hotspots/", "/api/notifications/preferences/", "/api/nominals/search/?q=a"]


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


@pytest.fixture
def demo():
    # pytest-django runs tests with DEBUG off, where the command refuses without --force.
    call_command("seed_demo", force=True, stdout=StringIO())


def as_json_schema(node):
    """OpenAPI 3.0's `nullable` in JSON Schema terms (the rest of what the schema uses is JSON Schema)."""
    if isinstance(node, list):
        return [as_json_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: as_json_schema(value) for key, value in node.items()}
    if node.pop("nullable", False):
        node = {"anyOf": [node, {"type": "null"}]}
    return node


def problems(schema, method, template, response):
    """How `response` to `method template` departs from the schema: an undocumented status, content type,
    or a body that does not match (an empty list if it conforms)."""
    responses = schema["paths"][template][method.lower()]["responses"]
    documented = responses.get(str(response.status_code))
    where = f"{method} {response.wsgi_request.get_full_path()} {response.status_code}"
    if documented is None:
        return [f"{where}: status not documented ({', '.join(responses)})"]
    if "content" not in documented:
        return [] if not response.content else [f"{where}: a body where none is documented"]
    if response["Content-Type"].split(";")[0] not in documented["content"]:
        return [f"{where}: content type {response['Content-Type']} not documented"]
    body_schema = {**documented["content"]["application/json"]["schema"], "components": schema["components"]}
    validator = Draft7Validator(as_json_schema(body_schema))
    errors = validator.iter_errors(response.json())
    return [f"{where}: {error.message} at {list(error.absolute_path)}" for error in errors]


def api(email):
    client = APIClient()
    client.force_authenticate(User.objects.get(email=email))
    return client


@pytest.mark.parametrize("email", DEMO_USERS)
def test_every_read_of_the_demo_matches_the_schema(demo, schema, email):
    # Each kind of user sees other tiers and fields: a tier-1 partner gets a nominal without handling
    # notes, a tier-2 one without custody; an unbanded OCG has band ""; an unsigned party no signatory.
    client = api(email)
    found = []
    for list_path, detail in LISTS.items():
        response = client.get(list_path)
        found += problems(schema, "GET", list_path, response)
        if response.status_code != 200 or detail is None:
            continue
        body = response.json()
        for row in (body["results"] if isinstance(body, dict) else body)[:25]:
            found += problems(schema, "GET", detail, client.get(detail.format(id=row["id"])))
    for path in READS:
        found += problems(schema, "GET", path.split("?")[0], client.get(path))
    assert found == []


def test_tier_dependent_fields_are_optional_and_say_the_tier_they_need(schema):
    nominal = schema["components"]["schemas"]["NominalDetail"]
    assert "handling_notes" not in nominal["required"]
    assert "custody_episodes" not in nominal["required"]
    assert "surname" in nominal["required"]  # every viewer of a nominal sees who it is
    assert "Tier 0" in nominal["properties"]["handling_notes"]["description"]
    assert "Tier 1" in nominal["properties"]["custody_episodes"]["description"]
    member = schema["components"]["schemas"]["OCGMember"]
    assert set(member["required"]) == {"nominal", "nominal_name"}


def test_every_operation_documents_its_error_answers(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            responses = operation["responses"]
            assert error_codes(operation) <= responses.keys(), f"{method.upper()} {path}"
            for code, response in responses.items():
                if code.startswith("4"):
                    assert "content" in response, f"{method.upper()} {path} {code}"
    assert error_codes(schema["paths"]["/api/nominals/{id}/"]["get"]) == {"400", "401", "403", "404"}
    assert error_codes(schema["paths"]["/api/auth/token/"]["post"]) == {"400", "415"}
    assert error_codes(schema["paths"]["/api/me/"]["get"]) == {"401", "403"}


def test_error_answers_match_the_schema(demo, schema):
    analyst = api("analyst@police.example")
    answers = [
        ("GET", "/api/nominals/{id}/", analyst.get("/api/nominals/99999999/")),
        ("POST", "/api/nominals/", analyst.post("/api/nominals/", {"surname": ""}, format="json")),
        # An entity has a field named `detail`, whose messages take the key DRF's errors use for a string.
        ("POST", "/api/entities/", analyst.post("/api/entities/", {"kind": "phone", "detail": {}}, format="json")),
        ("GET", "/api/nominals/", analyst.get("/api/nominals/?cursor=not-a-cursor")),
        ("GET", "/api/nominals/", APIClient().get("/api/nominals/")),
        ("GET", "/api/access-log/", analyst.get("/api/access-log/")),
        ("POST", "/api/auth/token/", APIClient().post("/api/auth/token/", {"email": "a@b.example", "password": "x"})),
        ("POST", "/api/nominals/", analyst.post("/api/nominals/", "<x/>", content_type="application/xml")),
    ]
    statuses = [response.status_code for _, _, response in answers]
    assert statuses == [404, 400, 400, 404, 403, 403, 400, 415]
    assert [problem for method, path, response in answers for problem in problems(schema, method, path, response)] == []


def test_a_path_under_api_that_no_route_matches_is_a_json_404(demo):
    analyst = api("analyst@police.example")
    for method in ("get", "post", "delete"):
        for path in ("/api/nominals/1/custody-episodes/not-a-number/", "/api/notifications/%0A/read/"):
            response = getattr(analyst, method)(path)
            assert response.status_code == 404
            assert response.json() == {"detail": "Not found."}
    # A missing trailing slash is still added (CommonMiddleware), not answered 404.
    assert analyst.get("/api/nominals").status_code == 301


def test_options_on_a_collection_that_takes_put(demo):
    response = api("analyst@police.example").options("/api/notifications/preferences/")
    assert response.status_code == 200
    assert response.json()["name"]


def test_throttling_on_every_view_would_document_429(settings):
    signed_in = {"security": [{"tokenAuth": []}], "responses": {"200": {}}}
    assert "429" not in error_codes(signed_in)
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_CLASSES": ["rest_framework.throttling.UserRateThrottle"],
        "DEFAULT_THROTTLE_RATES": {"user": "1000/hour"},
    }
    assert "429" in error_codes(signed_in)
    assert "429" not in error_codes({"responses": {"200": {}}})  # sign-in documents its own
