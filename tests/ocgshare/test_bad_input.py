"""Bad input gets a 4xx, never a 500 (issue 8, section 4): ids that are not numbers, tampered cursors,
JSON too deep or not an object, the NUL character, and integers too large for the database. Each case is
fixed once for every view (ocgshare.routers, .pagination, .parsers, .middleware, .params); these tests
walk every route they apply to."""

import base64
import json
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from accounts.models import Role
from ocgshare.api_urls import router
from ocgshare.params import MAX_ID, parse_id
from tests.factories import UserFactory
from tests.nominals.factories import MembershipFactory, NominalFactory, OCGFactory

pytestmark = pytest.mark.django_db

HUGE = "1180591620717411303424"  # 2**70: beyond any integer column, and SQLite cannot bind it


@pytest.fixture
def auditor(police):
    return UserFactory(email="auditor@northshire.police.uk", agency=police, roles=[Role.AUDITOR])


def api(user=None):
    client = APIClient()
    if user is not None:
        client.force_authenticate(user)
    return client


def _id_routes():
    """Every router URL with an id in it, its ids replaced by "abc", once per id in turn."""
    urls = []
    for pattern in router.urls:
        regex = pattern.pattern.regex.pattern
        if "format" in regex or "(?P<" not in regex:
            continue
        groups = re.findall(r"\(\?P<(\w+)>([^)]*)\)", regex)
        for bad in [name for name, _ in groups if name != "holder"]:
            url = regex.lstrip("^").rstrip("$")
            for name, group_regex in groups:
                value = "abc" if name == bad else ("user" if name == "holder" else "1")
                url = url.replace(f"(?P<{name}>{group_regex})", value)
            urls.append("/api/" + url)
    return urls


@pytest.mark.parametrize("url", _id_routes())
@pytest.mark.parametrize("method", ["get", "post", "put", "patch", "delete"])
def test_an_id_that_is_not_a_number_is_404_on_every_api_route(analyst, url, method):
    response = getattr(api(analyst), method)(url, {}, format="json")

    assert response.status_code == 404, url


def test_the_api_routes_walked_include_the_reported_ones():
    walked = set(_id_routes())

    for url in ["/api/nominals/abc/", "/api/ocgs/abc/", "/api/entities/abc/", "/api/associations/abc/"]:
        assert url in walked
    assert "/api/protocols/abc/" in walked
    assert "/api/ocgs/1/memberships/abc/" in walked


def _page_routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            if route.startswith(("api/", "django-admin/")):
                continue
            yield from _page_routes(entry, prefix + route)
        elif isinstance(entry, URLPattern):
            yield prefix + route


def test_page_routes_take_only_digits_as_ids():
    # Pages use Django's <int:pk> (ASCII digits only) or an explicit [0-9]+: an id that is not digits
    # never reaches a view.
    for route in _page_routes():
        for converter in re.findall(r"<(\w+):\w+>", route):
            assert converter == "int", route
        for group in re.findall(r"\(\?P<\w+>([^)]*)\)", route):
            assert group in ("[0-9]+", "nominals|ocgs", "user|agency"), route


def test_an_id_too_large_for_the_database_is_404(analyst):
    for url in [f"/api/nominals/{HUGE}/", f"/api/ocgs/{HUGE}/", f"/register/nominals/{HUGE}/"]:
        client = api(analyst)
        if url.startswith("/register/"):
            client.force_login(analyst)
        assert client.get(url).status_code == 404, url


# --- cursors ----------------------------------------------------------------------------------------------


def _cursor(query):
    return base64.b64encode(query.encode()).decode()


@pytest.mark.parametrize("url", ["/api/nominals/", "/api/ocgs/", "/api/entities/", "/api/associations/"])
@pytest.mark.parametrize("position", ["abc", "2026-13-45", "9999-99-99T99:99", "\x00", "0001-01-01T00:00:00+05:00"])
def test_a_tampered_cursor_is_404_invalid_cursor(analyst, url, position):
    NominalFactory(owning_agency=analyst.agency)

    response = api(analyst).get(url, {"cursor": _cursor(f"p={position}")})

    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid cursor"}


def test_the_reported_cursor_is_refused_on_protocols_and_the_access_log(analyst, auditor):
    assert api(analyst).get("/api/nominals/?cursor=cD1hYmM%3D").status_code == 404
    assert api(analyst).get("/api/protocols/?cursor=cD1hYmM%3D").json() == {"detail": "Invalid cursor"}
    assert api(auditor).get("/api/access-log/?cursor=cD1hYmM%3D").json() == {"detail": "Invalid cursor"}


def test_a_cursor_the_api_gave_still_works(analyst):
    for _ in range(3):
        NominalFactory(owning_agency=analyst.agency)
    first = api(analyst).get("/api/nominals/", {"page_size": 2}).json()

    second = api(analyst).get(first["next"])

    assert second.status_code == 200
    assert len(second.json()["results"]) == 1


# --- JSON bodies ------------------------------------------------------------------------------------------

DEEP = "[" * 5000 + "]" * 5000
DEEP_OBJECT = '{"a":' * 5000 + "1" + "}" * 5000
DEEP_ENOUGH = '{"email": "x", "password": ' + "[" * 40 + "]" * 40 + "}"  # parses, but deeper than any field


@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, DEEP_ENOUGH])
def test_json_nested_too_deep_is_400_even_before_sign_in(body):
    response = api().post("/api/auth/token/", body, content_type="application/json")

    assert response.status_code == 400
    assert "nested" in response.json()["detail"]


def test_json_nested_too_deep_is_400_on_a_signed_in_endpoint(analyst):
    response = api(analyst).post("/api/nominals/", DEEP, content_type="application/json")

    assert response.status_code == 400


@pytest.mark.parametrize("body", ["[]", '"x"', "1", "null", "true", "[{}]"])
def test_a_json_body_that_is_not_an_object_is_400(analyst, body):
    ocg = OCGFactory(lead_agency=analyst.agency)
    membership = MembershipFactory(ocg=ocg, nominal=NominalFactory(owning_agency=analyst.agency))

    for method, url in [
        ("patch", f"/api/ocgs/{ocg.pk}/memberships/{membership.pk}/"),
        ("post", f"/api/ocgs/{ocg.pk}/memberships/"),
        ("post", "/api/nominals/"),
        ("post", "/api/protocols/"),
        ("post", "/api/auth/token/"),
    ]:
        response = getattr(api(analyst), method)(url, body, content_type="application/json")

        assert response.status_code == 400, (method, url)
        assert response.json() == {"detail": "The request body must be a JSON object."}


def test_an_empty_body_is_still_an_empty_object(analyst):
    response = api(analyst).post("/api/nominals/", "", content_type="application/json")

    assert response.status_code == 400
    assert "surname" in response.json()


@pytest.mark.parametrize("text", ["a\x00b", "\ud800"])
def test_json_text_the_database_cannot_store_is_400(analyst, text):
    body = json.dumps({"surname": text, "forenames": "x"})

    response = api(analyst).post("/api/nominals/", body, content_type="application/json")

    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]


def test_a_json_key_with_nul_is_400(analyst):
    response = api(analyst).post("/api/nominals/", '{"sur\\u0000name": "x"}', content_type="application/json")

    assert response.status_code == 400


# --- NUL in query strings and forms -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/register/search/?q=a%00b",
        "/register/?ocg_reference=a%00b",
        "/register/ocgs/?agency=%00",
        "/protocols/?sort=%00",
        "/access-log/?object_type=%00",
        "/register/?a%00b=1",
    ],
)
def test_nul_in_a_page_query_is_400(client, analyst, url):
    client.force_login(analyst)

    response = client.get(url)

    assert response.status_code == 400
    assert "NUL character" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    ["/api/nominals/search/?q=a%00b", "/api/nominals/?ocg_reference=a%00b", "/api/entities/?value=a%00b"],
)
def test_nul_in_an_api_query_is_400(analyst, url):
    response = api(analyst).get(url)

    assert response.status_code == 400
    assert "NUL character" in response.json()["detail"]


def test_nul_in_a_form_post_is_400(client, analyst):
    client.force_login(analyst)

    response = client.post("/register/nominals/new/", {"surname": "a\x00b"})

    assert response.status_code == 400


def test_nul_in_a_form_encoded_api_body_is_400(analyst):
    ocg = OCGFactory(lead_agency=analyst.agency)

    form = "application/x-www-form-urlencoded"

    response = api(analyst).patch(f"/api/ocgs/{ocg.pk}/", "name=a%00b", content_type=form)

    assert response.status_code == 400


# --- integers too large -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"/api/nominals/?agency={HUGE}",
        f"/api/nominals/?establishment={HUGE}&custody=in",
        f"/api/nominals/?ocg={HUGE}",
        f"/api/ocgs/?agency={HUGE}",
        f"/api/entities/?nominal={HUGE}",
        f"/api/entities/?ocg={HUGE}",
        f"/api/associations/?nominal={HUGE}",
        f"/api/protocols/?agency={HUGE}",
        f"/register/?agency={HUGE}",
        f"/register/?ocg={HUGE}",
        f"/register/?establishment={HUGE}",
        f"/register/ocgs/?agency={HUGE}",
        f"/protocols/?agency={HUGE}",
    ],
)
def test_an_integer_filter_too_large_for_the_database_is_ignored(client, analyst, url):
    NominalFactory(owning_agency=analyst.agency)
    client.force_login(analyst)

    response = client.get(url)

    assert response.status_code == 200


def test_an_access_log_filter_too_large_or_not_ascii_is_ignored(client, auditor):
    client.force_login(auditor)

    for query in [f"user={HUGE}", f"object_type=nominal&object_id={HUGE}", "user=²", "object_id=١"]:
        assert client.get(f"/access-log/?{query}").status_code == 200, query
        assert api(auditor).get(f"/api/access-log/?{query}").status_code == 200, query


def test_parse_id_takes_only_ids_a_column_can_hold():
    assert parse_id("12") == 12
    assert parse_id(" 12 ") == 12
    assert parse_id(str(MAX_ID)) == MAX_ID
    for value in [str(MAX_ID + 1), HUGE, "0", "-1", "²", "١", "1e3", "", None, "9" * 5000, True]:
        assert parse_id(value) is None, value


def test_an_api_url_that_names_nothing_answers_in_json(analyst, settings):
    settings.DEBUG = False

    response = api(analyst).get("/api/nominals/abc/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


@pytest.mark.parametrize(
    "url",
    [
        f"/api/toolkit/data-holdings/?agency={HUGE}",
        f"/api/toolkit/powers/?agency={HUGE}&agency=1",
        f"/api/agencies/?parent={HUGE}",
    ],
)
def test_an_id_list_filter_too_large_for_the_database_is_not_a_500(analyst, url):
    response = api(analyst).get(url)

    assert response.status_code in (200, 400)


def test_ids_out_of_the_columns_range_match_nothing_in_every_integer_lookup(police):
    from agencies.models import Agency
    from nominals.models import Nominal

    NominalFactory(owning_agency=police)
    huge = 2**70

    assert list(Agency.objects.filter(pk__in=[huge, police.pk])) == [police]
    assert not Agency.objects.filter(pk__in=[huge]).exists()
    assert Nominal.objects.filter(owning_agency__in=[huge, police.pk]).count() == 1
    assert not Nominal.objects.filter(owning_agency=huge).exists()
    assert not Nominal.objects.filter(owning_agency_id__in=[-huge]).exists()
    assert Nominal.objects.exclude(owning_agency_id=huge).count() == 1


def test_every_api_view_parses_with_the_projects_parsers():
    from ocgshare import parsers

    expected = {parsers.JSONParser, parsers.FormParser, parsers.MultiPartParser}
    seen = 0
    for entry in get_resolver().url_patterns:
        if isinstance(entry, URLResolver) and str(entry.pattern) == "api/":
            for pattern in entry.url_patterns:
                for view in [getattr(p.callback, "cls", None) for p in getattr(pattern, "url_patterns", [pattern])]:
                    if view is not None and hasattr(view, "parser_classes"):
                        seen += 1
                        assert set(view.parser_classes) <= expected, view
    assert seen > 10
