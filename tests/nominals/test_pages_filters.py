"""The filters of the nominal and OCG lists: the agency select offers only the agencies whose items the
viewer may see (own, protocol partners, owners of granted items), and the nominal list's OCG reference box
matches an OCG's reference or OCG Mapping reference among the OCGs the viewer may see, and nothing else."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from agencies.models import AgencyKind
from nominals.filters import NominalFilterSet
from nominals.models import OCG
from nominals.selectors.common import MAX_OCG_REFERENCE_LENGTH
from records.services import grant_create
from tests.factories import AgencyFactory, UserFactory
from tests.nominals.factories import MembershipFactory, NominalFactory, OCGFactory

from .html import text, texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

pytestmark = pytest.mark.django_db

LIST_URL = reverse("nominals:nominal-list")
OCG_LIST_URL = reverse("nominals:ocg-list")
NORTHSHIRE = ["HMP Northshire", "Northshire City Council", "Northshire Police"]


def agency_options(response):
    """The labels of the agency select's options, after "Any agency"."""
    select = re.search(r'<select name="agency".*?</select>', response.content.decode(), re.S).group(0)
    labels = re.findall(r"<option [^>]*>([^<]*)</option>", select)
    assert labels[0] == "Any agency"
    return labels[1:]


def rows(response):
    return texts(response, "nominal-row")


@pytest.fixture
def eastshire(db):
    """An agency with no protocol with anyone, holding one nominal and one OCG."""
    agency = AgencyFactory(name="Eastshire Police", short_name="EP", kind=AgencyKind.POLICE_FORCE)
    analyst = UserFactory(email="analyst@eastshire.police.uk", agency=agency, roles=[Role.ANALYST])
    nominal = NominalFactory(owning_agency=agency, surname="Eastman")
    ocg = OCGFactory(lead_agency=agency, reference="EP-OCG-0001", ocg_mapping_reference="OCGM-7001")
    return {"agency": agency, "analyst": analyst, "nominal": nominal, "ocg": ocg}


def grant(eastshire, obj, user):
    expires_at = timezone.now() + datetime.timedelta(days=7)
    grant_create(
        actor=eastshire["analyst"], obj=obj, user=user, tier=2, reason="Joint operation", expires_at=expires_at
    )


# --- the agency filter ------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewer", ["analyst", "prison_pio", "council_spoc"])
def test_agency_filter_offers_own_agency_and_protocol_partners_only(request, client, register, eastshire, viewer):
    client = signed_in(client, request.getfixturevalue(viewer))

    assert agency_options(client.get(LIST_URL)) == NORTHSHIRE
    assert agency_options(client.get(OCG_LIST_URL)) == NORTHSHIRE


def test_agency_filter_offers_nothing_but_the_own_agency_to_an_outsider(client, outsider, register, eastshire):
    assert agency_options(signed_in(client, outsider).get(LIST_URL)) == ["Southshire Police"]


def test_agency_filter_offers_the_owner_of_a_single_granted_item(client, outsider, register, eastshire):
    grant(eastshire, eastshire["nominal"], outsider)
    client = signed_in(client, outsider)

    assert agency_options(client.get(LIST_URL)) == ["Eastshire Police", "Southshire Police"]
    assert agency_options(client.get(OCG_LIST_URL)) == ["Southshire Police"], "a nominal grant is not an OCG grant"

    grant(eastshire, eastshire["ocg"], outsider)
    assert agency_options(client.get(OCG_LIST_URL)) == ["Eastshire Police", "Southshire Police"]


def test_an_agency_from_an_old_link_stays_chosen_and_matches_nothing(client, analyst, register, eastshire):
    response = signed_in(client, analyst).get(LIST_URL, {"agency": eastshire["agency"].pk})

    assert rows(response) == []
    assert "Try other filters" in text(response, "empty-state")
    assert 'class="govuk-error-message"' not in response.content.decode()
    assert "EASTMAN" not in response.content.decode()


# --- the OCG reference filter -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["NP-OCG-0001", "  np-ocg-0001 ", "OCGM-1234", "ocgm-1234"],
    ids=["reference", "reference in any case", "mapping reference", "mapping reference in any case"],
)
def test_ocg_reference_filter_matches_reference_or_ocg_mapping_reference(client, analyst, register, typed):
    OCG.objects.filter(pk=register["crew"].pk).update(ocg_mapping_reference="OCGM-1234")
    response = signed_in(client, analyst).get(LIST_URL, {"ocg_reference": typed})

    listed = rows(response)
    assert len(listed) == 1 and "MARSH" in listed[0]
    assert "matching your filters" in text(response, "result-count")


def test_ocg_reference_filter_matches_whole_references_only(client, analyst, register):
    response = signed_in(client, analyst).get(LIST_URL, {"ocg_reference": "NP-OCG"})

    assert rows(response) == []


def test_ocg_reference_filter_shows_as_a_selected_filter(client, analyst, register):
    response = signed_in(client, analyst).get(LIST_URL, {"ocg_reference": "np-ocg-0001", "risk": "high"})

    content = response.content.decode()
    assert "OCG reference</h3>" in content
    tag = r'href="\?risk=high"><span class="govuk-visually-hidden">Remove this filter</span> np-ocg-0001<'
    assert re.search(tag, content), "a tag with the value typed, whose link drops only that filter"
    assert 'name="ocg_reference" value="np-ocg-0001"' in content


@pytest.mark.parametrize("viewer", ["analyst", "outsider"])
def test_ocg_reference_of_an_ocg_the_viewer_may_not_see_matches_nothing(request, client, register, eastshire, viewer):
    # Marsh, whom the analyst sees, is a member of Eastshire's OCG, which neither viewer may see.
    MembershipFactory(ocg=eastshire["ocg"], nominal=register["marsh"])
    client = signed_in(client, request.getfixturevalue(viewer))

    for typed in ("EP-OCG-0001", "OCGM-7001"):
        response = client.get(LIST_URL, {"ocg_reference": typed})
        assert rows(response) == []
        assert "No nominals found" in text(response, "empty-state")
        content = response.content.decode()
        assert "MARSH" not in content and eastshire["ocg"].name not in content


def test_selector_parses_the_ocg_reference_stripped_and_capped():
    filters = NominalFilterSet({"ocg_reference": f"  {'x' * 50}  "}).applied
    assert filters["ocg_reference"] == "x" * MAX_OCG_REFERENCE_LENGTH
    assert "ocg_reference" not in NominalFilterSet({"ocg_reference": "   "}).applied


def test_api_filters_nominals_by_ocg_reference(analyst, register):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(analyst)

    found = client.get("/api/nominals/", {"ocg_reference": "np-ocg-0001"}).json()["results"]
    assert [row["surname"] for row in found] == ["Marsh"]
    assert client.get("/api/nominals/", {"ocg_reference": "NP-OCG-9999"}).json()["results"] == []


def test_a_non_ascii_digit_in_a_filter_is_ignored_not_an_error():
    assert NominalFilterSet({"agency": "²", "establishment": "١٢"}).applied == {}
