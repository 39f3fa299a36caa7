"""/api/protocols/: the same services and refusals as the pages."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from accounts.models import Role
from protocols.constants import ProtocolStatus
from protocols.models import Protocol, ProtocolGroupObjectPermission
from tests.factories import UserFactory

from .conftest import days, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def api():
    def as_user(user):
        client = APIClient()
        client.force_authenticate(user)
        return client

    return as_user


def test_anonymous_refused():
    assert APIClient().get("/api/protocols/").status_code in (401, 403)


def test_list_and_retrieve_with_parties_and_status(api, active, council_spoc, council):
    client = api(council_spoc)
    listing = client.get("/api/protocols/")
    assert listing.status_code == 200
    (item,) = listing.json()["results"]
    assert item["reference"] == "NW-ISP-01" and item["status"] == ProtocolStatus.ACTIVE
    council_party = next(p for p in item["parties"] if p["agency"] == council.pk)
    assert council_party["max_tier"] == 2
    assert council_party["categories"] == ["background", "lifestyle"]
    assert council_party["is_signed"] is True
    detail = client.get(f"/api/protocols/{active.pk}/").json()
    assert detail["purposes"] == active.purposes and detail["changed_sections"] == []
    assert client.get("/api/protocols/999999/").status_code == 404


def test_list_filters(api, active, police_admin, prison, prison_admin, council_spoc, council):
    make_draft(police_admin, reference="AA-DRAFT", parties=[(prison, 1, ["background"], prison_admin)])
    client = api(council_spoc)

    def refs(**params):
        return sorted(p["reference"] for p in client.get("/api/protocols/", params).json()["results"])

    assert refs() == ["AA-DRAFT", "NW-ISP-01"]
    assert refs(status="draft") == ["AA-DRAFT"]
    assert refs(agency=council.pk) == ["NW-ISP-01"]
    Protocol.objects.filter(pk=active.pk).update(review_date=days(-1))
    assert refs(review_due="overdue") == ["NW-ISP-01"]


def test_list_query_count_does_not_grow_with_page_size(
    api, police_admin, prison, prison_admin, django_assert_num_queries
):
    for n in range(12):
        make_draft(police_admin, reference=f"NW-{n:02}", parties=[(prison, 1, ["background"], prison_admin)])
    client = api(police_admin)
    # 1 page of protocols with lead agency, 2 parties with agency and signatory, 3 their categories.
    with django_assert_num_queries(3):
        response = client.get("/api/protocols/")
    assert len(response.json()["results"]) == 12


def test_create_update_and_field_errors(api, police_admin, council_spoc):
    client = api(police_admin)
    bad = client.post(
        "/api/protocols/",
        {"reference": "API-1", "title": "Via API", "start_date": days(5), "end_date": days(1)},
        format="json",
    )
    assert bad.status_code == 400
    assert bad.json() == {"end_date": ["The end date must be after the start date"]}
    created = client.post(
        "/api/protocols/",
        {"reference": "API-1", "title": "Via API", "start_date": days(0), "end_date": days(365)},
        format="json",
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert created.json()["status"] == "draft" and len(created.json()["parties"]) == 1
    changed = client.patch(f"/api/protocols/{pk}/", {"review_interval_months": 6}, format="json")
    assert changed.status_code == 200 and changed.json()["changed_sections"] == ["review_interval_months"]
    refused = api(council_spoc).patch(f"/api/protocols/{pk}/", {"title": "Mine now"}, format="json")
    assert refused.status_code == 403
    assert "lead agency" in refused.json()["detail"]


def test_party_with_tier_it_cannot_hold(api, police_admin, council):
    protocol = make_draft(police_admin)
    response = api(police_admin).post(
        f"/api/protocols/{protocol.pk}/parties/",
        {"agency": council.pk, "max_tier": 1, "categories": ["background"]},
        format="json",
    )
    assert response.status_code == 400
    assert "choose tier 2 (partnership)" in response.json()["max_tier"][0]
    assert protocol.parties.count() == 1


def test_party_add_update_remove(api, police_admin, council, council_admin):
    protocol = make_draft(police_admin)
    client = api(police_admin)
    added = client.post(
        f"/api/protocols/{protocol.pk}/parties/",
        {"agency": council.pk, "max_tier": 2, "categories": ["background"]},
        format="json",
    )
    assert added.status_code == 201
    party_id = added.json()["id"]
    updated = client.put(
        f"/api/protocols/{protocol.pk}/parties/{party_id}/",
        {"max_tier": 2, "categories": ["background", "financial"], "signatory": council_admin.pk},
        format="json",
    )
    assert updated.status_code == 200
    assert updated.json()["categories"] == ["background", "financial"]
    assert updated.json()["signatory"] == council_admin.pk
    assert client.delete(f"/api/protocols/{protocol.pk}/parties/{party_id}/").status_code == 204
    assert protocol.parties.count() == 1


def test_sign_by_non_signatory_refused_and_nothing_saved(api, awaiting, council):
    deputy = UserFactory(email="deputy@northshire.gov.uk", agency=council, roles=[Role.AGENCY_ADMIN])
    response = api(deputy).post(f"/api/protocols/{awaiting.pk}/sign/")
    assert response.status_code == 403
    assert response.json()["detail"].startswith("Only the named signatory for Northshire City Council")
    assert not awaiting.parties.filter(signed_at__isnull=False).exists()


def test_full_lifecycle_through_the_api(api, draft, police_admin, prison_admin, council_admin):
    assert api(police_admin).post(f"/api/protocols/{draft.pk}/submit/").json()["status"] == "awaiting_signatures"
    for signer in (police_admin, prison_admin, council_admin):
        response = api(signer).post(f"/api/protocols/{draft.pk}/sign/")
        assert response.status_code == 200
    assert response.json()["status"] == "active"
    assert ProtocolGroupObjectPermission.objects.count() == 12
    bad = api(police_admin).post(f"/api/protocols/{draft.pk}/suspend/", {"reason": ""}, format="json")
    assert bad.status_code == 400 and bad.json() == {"reason": ["Enter why the protocol is being suspended"]}
    assert api(council_admin).post(f"/api/protocols/{draft.pk}/suspend/", {"reason": "x"}).status_code == 403
    suspended = api(police_admin).post(f"/api/protocols/{draft.pk}/suspend/", {"reason": "Breach"}, format="json")
    assert suspended.json()["status"] == "suspended" and suspended.json()["suspension_reason"] == "Breach"
    assert not ProtocolGroupObjectPermission.objects.exists()
    again = api(police_admin).post(f"/api/protocols/{draft.pk}/suspend/", {"reason": "Breach"}, format="json")
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["Only an active protocol can be suspended."]}
    assert api(police_admin).post(f"/api/protocols/{draft.pk}/reinstate/").json()["status"] == "active"


def test_schema_documents_the_protocol_endpoints(api, council_spoc):
    schema = api(council_spoc).get(reverse("api-schema"), {"format": "json"}).json()
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/protocols/"])
    assert "post" in paths["/api/protocols/{id}/sign/"]
    params = {p["name"] for p in paths["/api/protocols/"]["get"]["parameters"]}
    assert {"status", "agency", "review_due", "cursor"} <= params
