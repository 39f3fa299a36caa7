"""The register's forms: creating and changing nominals and OCGs, custody, associations, entities and
memberships, the likely-duplicate warning, need-to-know grants — validation shown GOV.UK-style, nothing
half-saved, and refusals that reveal nothing about items the user may not see."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from nominals.models import OCG, Association, CustodyEpisode, Entity, Nominal, NominalGroupObjectPermission
from ocgshare.models import AccessAction, AccessLogEntry
from tests.nominals.factories import NominalFactory

from .html import text, texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import HANDLING_NOTES, ago, signed_in

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("nominals:nominal-create")


def nominal_post(**changes):
    data = {
        "surname": "Hargreaves",
        "forenames": "Lee",
        "date_of_birth": "1979-11-23",
        "gender": "male",
        "risk_level": "medium",
        "category": "background",
        "threat_areas": ["illegal_drugs", "money_laundering"],
        "aliases": "Hargrave, Lee\nHarg",
        "other_identifiers": "National Insurance number: QQ123456C",
        "pnc_id": "79/654321k",
        "prison_number": "",
        "crn": "",
        "nationality": "British",
        "handling_notes": "",
    }
    data.update(changes)
    return data


def errors_of(response):
    """Every error message on the page: the summary's, then each field's."""
    page = response.content.decode()
    summary = re.findall(r'<li><a href="#[^"]*">([^<]*)</a></li>', page)
    fields = re.findall(r'<p class="govuk-error-message"[^>]*><span[^>]*>Error:</span> ([^<]*)</p>', page)
    return summary + fields


def error_summary(response):
    page = response.content.decode()
    assert "There is a problem" in page, "the error summary should be shown"
    return page


# --- creating a nominal ---------------------------------------------------------------------------------


def test_owner_staff_create_a_nominal(client, analyst):
    response = signed_in(client, analyst).post(CREATE_URL, nominal_post())

    nominal = Nominal.objects.get(surname="Hargreaves")
    assert response.status_code == 302 and response["Location"] == reverse("nominals:nominal-detail", args=[nominal.pk])
    assert nominal.owning_agency == analyst.agency and nominal.pnc_id == "79/654321K"
    assert sorted(a.surname for a in nominal.aliases.all()) == ["Harg", "Hargrave"]
    assert [(i.kind, i.value) for i in nominal.other_identifiers.all()] == [("National Insurance number", "QQ123456C")]
    assert sorted(t.code for t in nominal.threat_areas.all()) == ["illegal_drugs", "money_laundering"]
    detail = client.get(response["Location"])
    assert "HARGREAVES, Lee added to the register." in detail.content.decode()


def test_the_form_shows_every_problem_at_once_and_saves_nothing(client, analyst):
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    response = signed_in(client, analyst).post(
        CREATE_URL,
        nominal_post(surname=" ", pnc_id="123", prison_number="12345", crn="CRN1", date_of_birth=future),
    )

    assert response.status_code == 200
    page = error_summary(response)
    for message in (
        "Enter the surname",
        "Enter a PNC ID in the format YY/NNNNNNNA, like 01/123456X",
        "Enter a prison number in the format A1234BC",
        "Enter a probation case reference (CRN) in the format A123456",
        "The date of birth must be in the past",
    ):
        assert page.count(message) == 2, f"{message!r} in the summary and at its field"
    assert not Nominal.objects.exists()
    assert "Error: Add a nominal" in page


def test_badly_written_identifiers_are_explained(client, analyst):
    response = signed_in(client, analyst).post(CREATE_URL, nominal_post(other_identifiers="just a number"))

    assert "Identifier 1: write what it is, a colon, then the value" in error_summary(response)
    assert not Nominal.objects.exists()


def test_risk_levels_are_offered_with_their_criteria(client, analyst):
    page = signed_in(client, analyst).get(CREATE_URL).content.decode()
    assert "Imminent risk of serious harm" in page and "No current indicators of serious harm" in page


@pytest.mark.parametrize("viewer", ["council_spoc", "police_admin"])
def test_people_who_do_not_work_the_register_cannot_add_to_it(request, client, viewer):
    client = signed_in(client, request.getfixturevalue(viewer))
    assert client.get(CREATE_URL).status_code == 403
    assert client.post(CREATE_URL, nominal_post()).status_code == 403
    assert not Nominal.objects.exists()


# --- the likely-duplicate warning ---------------------------------------------------------------------------


def test_a_likely_duplicate_is_shown_before_creating_and_can_be_overridden(client, analyst, marsh):
    client = signed_in(client, analyst)
    data = nominal_post(surname="MARSH", forenames="D", date_of_birth="1988-03-02", pnc_id="", aliases="")

    warning = client.post(CREATE_URL, data)

    assert warning.status_code == 200
    assert text(warning, "duplicate-warning") == "This person may already be on the register"
    listed = texts(warning, "nominal-row")
    assert len(listed) == 1 and "MARSH, Dean" in listed[0]
    assert Nominal.objects.filter(surname__iexact="marsh").count() == 1
    assert AccessLogEntry.objects.filter(user=analyst, action=AccessAction.SEARCH, result_count=1).exists()

    created = client.post(CREATE_URL, {**data, "confirm_duplicate": "yes"})

    assert created.status_code == 302
    assert Nominal.objects.filter(surname__iexact="marsh").count() == 2
    assert sorted(t.code for t in Nominal.objects.latest("pk").threat_areas.all()) == [
        "illegal_drugs",
        "money_laundering",
    ], "the hidden fields carry every answer through the warning"


def test_the_warning_names_a_partner_nominal_the_user_may_see(client, prison_pio, marsh):
    data = nominal_post(surname="Marsh", forenames="Dean", date_of_birth="1988-03-02", pnc_id="")
    warning = signed_in(client, prison_pio).post(CREATE_URL, data)

    assert "MARSH, Dean" in text(warning, "nominal-row")
    assert HANDLING_NOTES not in warning.content.decode()


def test_the_warning_never_reveals_a_nominal_the_user_may_not_see(client, outsider, marsh):
    data = nominal_post(surname="Marsh", forenames="Dean", date_of_birth="1988-03-02", pnc_id="88/123456X")
    response = signed_in(client, outsider).post(CREATE_URL, data)

    assert response.status_code == 302, "no warning: the user can see no likely duplicate"
    created = Nominal.objects.get(owning_agency=outsider.agency)
    assert client.get(response["Location"]).content.decode().count("Northshire Police") == 0
    assert created.surname == "Marsh"


# --- editing ------------------------------------------------------------------------------------------------


def test_owner_edits_a_nominal_through_the_form_prefilled(client, analyst, marsh):
    url = reverse("nominals:nominal-edit", args=[marsh.pk])
    client = signed_in(client, analyst)
    form = client.get(url).content.decode()
    assert 'value="88/123456X"' in form and "Marshall, Dino" in form and HANDLING_NOTES in form

    response = client.post(url, nominal_post(surname="Marsh", forenames="Dean", risk_level="very_high"))

    assert response.status_code == 302
    marsh.refresh_from_db()
    assert marsh.risk_level == "very_high" and marsh.forenames == "Dean"


def test_editing_another_agencys_nominal_is_refused_without_revealing_it(client, prison_pio, outsider, marsh):
    url = reverse("nominals:nominal-edit", args=[marsh.pk])

    partner = signed_in(client, prison_pio)
    for response in (partner.get(url), partner.post(url, nominal_post(surname="Changed"))):
        assert response.status_code == 403
        assert "MARSH" not in response.content.decode() and "Dean" not in response.content.decode()

    stranger = signed_in(client, outsider)
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, nominal_post(surname="Changed")).status_code == 404
    marsh.refresh_from_db()
    assert marsh.surname == "Marsh"


# --- OCGs -------------------------------------------------------------------------------------------------


def test_create_an_ocg_and_refuse_a_reference_in_use(client, analyst, crew):
    client = signed_in(client, analyst)
    data = {"reference": "np-ocg-0002", "name": "Riverside Firm", "status": "active", "category": "background"}

    created = client.post(reverse("nominals:ocg-create"), data)
    assert created.status_code == 302
    assert OCG.objects.get(reference="NP-OCG-0002").lead_agency == analyst.agency

    again = client.post(reverse("nominals:ocg-create"), {**data, "reference": "NP-OCG-0001"})
    assert "An OCG with this reference already exists" in error_summary(again)
    assert OCG.objects.count() == 2


def test_edit_an_ocg_and_refuse_a_partner(client, analyst, prison_pio, crew):
    url = reverse("nominals:ocg-edit", args=[crew.pk])
    data = {"reference": crew.reference, "name": "Northtown Crew", "status": "dormant", "category": "background"}

    assert signed_in(client, prison_pio).post(url, data).status_code == 403
    assert signed_in(client, analyst).post(url, data).status_code == 302
    crew.refresh_from_db()
    assert crew.status == "dormant"


def test_add_a_member_by_register_number_and_end_the_membership(client, analyst, crew, register):
    client = signed_in(client, analyst)
    carter = register["carter"]

    added = client.post(
        reverse("nominals:membership-add", args=[crew.pk]), {"nominal": carter.pk, "role": "peripheral"}
    )
    assert added.status_code == 302
    membership = crew.memberships.get(nominal=carter)

    ended = client.post(
        reverse("nominals:membership-end", args=[crew.pk, membership.pk]), {"ended_on": ago(1).isoformat()}
    )
    assert ended.status_code == 302
    membership.refresh_from_db()
    assert membership.ended_on == ago(1)


def test_a_member_the_user_may_not_see_is_refused_like_one_that_does_not_exist(client, analyst, crew, outsider):
    hidden = NominalFactory(owning_agency=outsider.agency)
    client = signed_in(client, analyst)
    url = reverse("nominals:membership-add", args=[crew.pk])

    unseen = client.post(url, {"nominal": hidden.pk, "role": "peripheral"})
    missing = client.post(url, {"nominal": hidden.pk + 1000, "role": "peripheral"})

    assert "Choose a nominal from the register" in error_summary(unseen)
    assert errors_of(unseen) == errors_of(missing) == ["Choose a nominal from the register"] * 2
    assert not crew.memberships.filter(nominal=hidden).exists()


# --- custody, associations, entities ---------------------------------------------------------------------------


def test_custody_episode_validation_and_release(client, analyst, register, prison):
    carter = register["carter"]
    client = signed_in(client, analyst)
    url = reverse("nominals:custody-add", args=[carter.pk])

    bad = client.post(
        url,
        {
            "establishment": prison.pk,
            "category": "B",
            "received_on": ago(10).isoformat(),
            "released_on": ago(20).isoformat(),
            "prison_number": "NOTVALID",
        },
    )
    page = error_summary(bad)
    assert "The release date must be after the reception date" in page
    assert "Enter a prison number in the format A1234BC" in page
    assert not CustodyEpisode.objects.filter(nominal=carter).exists()

    good = client.post(url, {"establishment": prison.pk, "category": "B", "received_on": ago(10).isoformat()})
    assert good.status_code == 302
    carter.refresh_from_db()
    assert carter.current_establishment == prison

    released = client.post(reverse("nominals:custody-release", args=[carter.pk]), {"released_on": ago(1).isoformat()})
    assert released.status_code == 302
    carter.refresh_from_db()
    assert carter.current_establishment is None


def test_record_an_association_with_a_visible_nominal_only(client, analyst, register, outsider):
    marsh, carter = register["marsh"], register["carter"]
    hidden = NominalFactory(owning_agency=outsider.agency, surname="Hidden")
    client = signed_in(client, analyst)
    url = reverse("nominals:association-add", args=[carter.pk])

    refused = client.post(url, {"other": hidden.pk, "kind": "visitor"})
    assert "Choose a nominal from the register" in error_summary(refused)
    assert "HIDDEN" not in refused.content.decode()
    itself = client.post(url, {"other": carter.pk, "kind": "visitor"})
    assert "cannot be associated with themselves" in error_summary(itself)

    assert client.post(url, {"other": marsh.pk, "kind": "visitor", "source": "Visits log"}).status_code == 302
    assert Association.objects.filter(nominal_a=carter, nominal_b=marsh, kind="visitor").exists()


def test_link_an_entity_and_leave_nothing_behind_when_refused(client, analyst, register):
    carter = register["carter"]
    client = signed_in(client, analyst)
    url = reverse("nominals:entity-add", args=[carter.pk])
    entities = Entity.objects.count()

    bad = client.post(url, {"kind": "phone", "value": "call me", "relationship": ""})
    page = error_summary(bad)
    assert "Enter a phone number" in page
    no_relationship = client.post(url, {"kind": "phone", "value": "07700 900123", "relationship": ""})
    assert "Enter the relationship" in error_summary(no_relationship)
    assert Entity.objects.count() == entities, "a refused link leaves no new entity"

    assert client.post(url, {"kind": "phone", "value": "07700 900123", "relationship": "Uses"}).status_code == 302
    assert carter.entity_links.get().entity.value == "+447700900123"


# --- need-to-know grants ------------------------------------------------------------------------------------


def test_owner_grants_an_agency_access_and_revokes_it_after_confirming(client, analyst, outsider, marsh):
    detail = reverse("nominals:nominal-detail", args=[marsh.pk])
    until = (timezone.localdate() + datetime.timedelta(days=30)).isoformat()
    owner = signed_in(client, analyst)

    response = owner.post(
        reverse("nominals:grant-add", args=["nominals", marsh.pk]),
        {
            "holder": "agency",
            "agency": outsider.agency.pk,
            "tier": "1",
            "reason": "Joint operation",
            "expires_on": until,
        },
    )
    assert response.status_code == 302
    grant = NominalGroupObjectPermission.objects.get(content_object=marsh)
    assert "Everyone in Southshire Police" in text(owner.get(detail), "grant-row")

    seen = signed_in(client, outsider).get(detail)
    assert seen.status_code == 200 and "Tier 1 law enforcement" in text(seen, "seeing-why")
    assert "Basis: need-to-know grant" in text(seen, "basis") and "Joint operation" in text(seen, "basis")

    revoke = reverse("nominals:grant-revoke", args=["nominals", marsh.pk, "agency", grant.pk])
    owner = signed_in(client, analyst)
    confirm = owner.get(revoke)
    assert "Are you sure you want to revoke the access of Southshire Police?" in confirm.content.decode()
    assert NominalGroupObjectPermission.objects.filter(pk=grant.pk).exists()
    assert owner.post(revoke).status_code == 302
    assert not NominalGroupObjectPermission.objects.filter(pk=grant.pk).exists()
    assert signed_in(client, outsider).get(detail).status_code == 404


def test_grant_form_validation(client, analyst, council, marsh):
    url = reverse("nominals:grant-add", args=["nominals", marsh.pk])
    client = signed_in(client, analyst)

    response = client.post(
        url,
        {"holder": "agency", "agency": council.pk, "tier": "1", "reason": " ", "expires_on": ago(1).isoformat()},
    )
    page = error_summary(response)
    assert "only police forces, prisons, probation regions and regional or national units can receive tier 1" in page
    assert "Enter why they need to know" in page
    assert "The access must end in the future" in page

    nobody = client.post(url, {"holder": "user", "email": "nobody@example.org", "tier": "2", "reason": "x"})
    assert "Enter the e-mail address of an active user of OCG Share" in error_summary(nobody)
    assert not NominalGroupObjectPermission.objects.exists()


def test_only_the_owners_staff_manage_grants(client, prison_pio, outsider, marsh):
    url = reverse("nominals:grant-add", args=["nominals", marsh.pk])
    assert signed_in(client, prison_pio).get(url).status_code == 403
    assert signed_in(client, outsider).get(url).status_code == 404
    assert client.get(reverse("nominals:grant-add", args=["ocgs", marsh.pk + 999])).status_code == 404


def test_owner_grants_one_person_access_to_an_ocg(client, analyst, outsider, crew):
    until = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    response = signed_in(client, analyst).post(
        reverse("nominals:grant-add", args=["ocgs", crew.pk]),
        {"holder": "user", "email": outsider.email.upper(), "tier": "2", "reason": "Tasking", "expires_on": until},
    )

    assert response.status_code == 302 and response["Location"] == reverse("nominals:ocg-detail", args=[crew.pk])
    assert f"{outsider.full_name} (Southshire Police)" in text(client.get(response["Location"]), "grant-row")
    seen = signed_in(client, outsider).get(response["Location"])
    assert "Tier 2 partnership" in text(seen, "seeing-why") and "Basis: need-to-know grant" in text(seen, "basis")
    assert AccessLogEntry.objects.filter(user=analyst, action=AccessAction.GRANT, object_id=crew.pk).exists()


def test_record_orders_supervision_and_transfers_shown_on_the_timeline(client, analyst, marsh):
    from agencies.models import AgencyKind
    from tests.factories import AgencyFactory, PrisonFactory

    region = AgencyFactory(name="North West Probation", kind=AgencyKind.PROBATION_REGION)
    other_prison = PrisonFactory(name="HMP Eastmoor")
    client = signed_in(client, analyst)

    bad_order = client.post(
        reverse("nominals:order-add", args=[marsh.pk]),
        {
            "kind": "travel_restriction",
            "conditions": " ",
            "made_on": ago(10).isoformat(),
            "expires_on": ago(20).isoformat(),
        },
    )
    page = error_summary(bad_order)
    assert "Enter the conditions of the order" in page
    assert "The expiry date must be after the date the order was made" in page

    for url, data in (
        (
            "nominals:supervision-add",
            {"region": region.pk, "starts_on": ago(30).isoformat(), "offender_manager": "J Bloggs"},
        ),
        ("nominals:transfer-add", {"to_establishment": other_prison.pk, "transferred_on": ago(5).isoformat()}),
    ):
        assert client.post(reverse(url, args=[marsh.pk]), data).status_code == 302

    detail = client.get(reverse("nominals:nominal-detail", args=[marsh.pk]))
    timeline = text(detail, "timeline")
    assert timeline.index("Transferred from HMP Northshire to HMP Eastmoor") < timeline.index(
        "Supervision by North West Probation began"
    ), "newest first"
    assert "HMP Eastmoor" in text(detail, "held-at")
