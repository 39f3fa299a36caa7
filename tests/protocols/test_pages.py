"""The pages: the register with filters, sorting and pagination, the detail page with its diff,
creation and editing, parties, signing (only by the signatory) and suspension with confirmation."""

import pytest
from django.urls import reverse

from accounts.models import Role
from protocols.constants import ProtocolStatus
from protocols.models import Protocol, ProtocolGroupObjectPermission
from tests.factories import UserFactory

from .conftest import days, make_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def test_register_needs_sign_in(client):
    response = client.get(reverse("protocols:register"))
    assert response.status_code == 302


def test_any_signed_in_user_reads_the_register(signed_in, active, council_spoc):
    response = signed_in(council_spoc).get(reverse("protocols:register"))
    content = response.content.decode()
    assert response.status_code == 200
    assert "NW-ISP-01" in content and "Active" in content
    assert "HMP N" in content and "(tier 1)" in content
    assert "Create a protocol" not in content  # a SPOC cannot create one


def test_register_query_count_does_not_grow_with_rows(
    signed_in, police_admin, prison, prison_admin, django_assert_num_queries
):
    for n in range(30):
        make_draft(police_admin, reference=f"NW-{n:02}", parties=[(prison, 1, ["background"], prison_admin)])
    client = signed_in(police_admin)
    client.get(reverse("protocols:register"))  # the session's first request writes its last-seen time
    # 1 session, 2 user with their agency and roles (header and navigation), 3 party agencies for the
    # filter, 4 count of protocols, 5 unread notifications, 6 page of protocols with lead agency, 7 their
    # parties with agency and signatory, 8 the parties' categories. The session is not written again
    # within the minute.
    with django_assert_num_queries(8):
        response = client.get(reverse("protocols:register"))
    assert response.content.decode().count('data-testid="protocol-row"') == 25
    with django_assert_num_queries(8):
        response = client.get(reverse("protocols:register"), {"page": 2})
    assert response.content.decode().count('data-testid="protocol-row"') == 5


def test_register_filters_and_sorting(signed_in, police_admin, active, prison, prison_admin, council, council_spoc):
    make_draft(police_admin, reference="AA-DRAFT", parties=[(prison, 1, ["background"], prison_admin)])
    client = signed_in(council_spoc)

    def references(**params):
        content = client.get(reverse("protocols:register"), params).content.decode()
        return [ref for ref in ("AA-DRAFT", "NW-ISP-01") if ref in content]

    assert references(status="active") == ["NW-ISP-01"]
    assert references(status="draft") == ["AA-DRAFT"]
    assert references(agency=council.pk) == ["NW-ISP-01"]
    assert references(review_due="30_days") == []
    Protocol.objects.filter(pk=active.pk).update(review_date=days(10))
    assert references(review_due="30_days") == ["NW-ISP-01"]
    content = client.get(reverse("protocols:register"), {"sort": "reference"}).content.decode()
    assert content.index("AA-DRAFT") < content.index("NW-ISP-01")
    content = client.get(reverse("protocols:register"), {"sort": "-reference"}).content.decode()
    assert content.index("NW-ISP-01") < content.index("AA-DRAFT")
    assert 'aria-sort="descending"' in content
    empty = client.get(reverse("protocols:register"), {"status": "expired"}).content.decode()
    assert 'data-testid="empty-state"' in empty and "clear the filters" in empty


def test_detail_shows_the_differences_from_the_template(signed_in, draft, police_admin, council_spoc):
    draft.breach_contacts = draft.breach_contacts.replace("within 24 hours", "within 12 hours")
    from protocols.services.drafting import protocol_update

    protocol_update(actor=police_admin, protocol=draft, breach_contacts=draft.breach_contacts)
    response = signed_in(council_spoc).get(reverse("protocols:detail", args=[draft.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert content.count('data-testid="changed-tag"') == 1
    assert '<del><span class="govuk-visually-hidden">[removed: </span>24' in content
    assert '<ins><span class="govuk-visually-hidden">[added: </span>12' in content
    assert "1 section adapted locally" in content
    assert 'data-testid="protocol-actions"' in content and "Send for signature" not in content


def test_create_from_template_page(signed_in, police_admin):
    client = signed_in(police_admin)
    assert client.get(reverse("protocols:create")).status_code == 200
    response = client.post(
        reverse("protocols:create"),
        {
            "template": Protocol._meta.get_field("template").related_model.objects.get().pk,
            "reference": "NW-NEW",
            "title": "New partnership",
            "start_date": days(0).isoformat(),
            "end_date": days(-5).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert "The end date must be after the start date" in response.content.decode()
    assert not Protocol.objects.exists()
    response = client.post(
        reverse("protocols:create"),
        {
            "template": Protocol._meta.get_field("template").related_model.objects.get().pk,
            "reference": "NW-NEW",
            "title": "New partnership",
            "start_date": days(0).isoformat(),
            "end_date": days(365).isoformat(),
        },
    )
    protocol = Protocol.objects.get(reference="NW-NEW")
    assert response.status_code == 302 and response.url == reverse("protocols:detail", args=[protocol.pk])


def test_create_refused_with_reason_for_other_roles(signed_in, council_spoc):
    response = signed_in(council_spoc).get(reverse("protocols:create"))
    assert response.status_code == 403
    assert "Only agency administrators and partnership leads" in response.content.decode()


def test_edit_sections_page(signed_in, draft, police_admin, council_admin):
    data = {
        "reference": draft.reference,
        "title": "Retitled",
        "start_date": draft.start_date.isoformat(),
        "end_date": draft.end_date.isoformat(),
        "review_date": draft.review_date.isoformat(),
        "purposes": draft.purposes,
        "legal_bases": ["cda_1998_s115"],
        "legal_basis_other": "",
        "data_categories": draft.data_categories,
        "security_requirements": draft.security_requirements,
        "retention_and_disposal": draft.retention_and_disposal,
        "breach_contacts": draft.breach_contacts,
        "individuals_rights": "",
        "review_interval_months": 12,
    }
    refused = signed_in(council_admin).post(reverse("protocols:edit", args=[draft.pk]), data)
    assert refused.status_code == 403 and "Northshire Police, the lead agency" in refused.content.decode()
    client = signed_in(police_admin)
    response = client.post(reverse("protocols:edit", args=[draft.pk]), data)
    assert response.status_code == 200
    assert "Enter the handling of individuals&#x27; rights" in response.content.decode()
    data["individuals_rights"] = draft.individuals_rights
    response = client.post(reverse("protocols:edit", args=[draft.pk]), data)
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Retitled" and draft.changed_sections == ["legal_bases"]


def test_party_with_a_tier_it_cannot_hold_is_shown_as_an_error(signed_in, police_admin, council):
    protocol = make_draft(police_admin)
    response = signed_in(police_admin).post(
        reverse("protocols:party-add", args=[protocol.pk]),
        {"agency": council.pk, "max_tier": 1, "categories": ["background"]},
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in content and "choose tier 2 (partnership)" in content
    assert protocol.parties.count() == 1


def test_party_add_then_choose_signatory(signed_in, police_admin, council, council_admin):
    protocol = make_draft(police_admin)
    client = signed_in(police_admin)
    response = client.post(
        reverse("protocols:party-add", args=[protocol.pk]),
        {"agency": council.pk, "max_tier": 2, "categories": ["background", "lifestyle"]},
    )
    party = protocol.parties.get(agency=council)
    assert response.url == reverse("protocols:party-edit", args=[protocol.pk, party.pk])
    page = client.get(response.url).content.decode()
    assert council_admin.full_name in page
    response = client.post(response.url, {"max_tier": 2, "categories": ["background"], "signatory": council_admin.pk})
    assert response.status_code == 302
    party.refresh_from_db()
    assert party.signatory == council_admin


def test_only_the_signatory_sees_the_sign_button(signed_in, awaiting, council_admin, council):
    deputy = UserFactory(email="deputy@northshire.gov.uk", agency=council, roles=[Role.AGENCY_ADMIN])
    url = reverse("protocols:detail", args=[awaiting.pk])
    assert 'data-testid="sign-button"' in signed_in(council_admin).get(url).content.decode()
    assert 'data-testid="sign-button"' not in signed_in(deputy).get(url).content.decode()


def test_non_signatory_gets_403_with_reason_and_nothing_saved(signed_in, awaiting, council):
    deputy = UserFactory(email="deputy@northshire.gov.uk", agency=council, roles=[Role.AGENCY_ADMIN])
    client = signed_in(deputy)
    for method in (client.get, client.post):
        response = method(reverse("protocols:sign", args=[awaiting.pk]))
        assert response.status_code == 403
        assert "Only the named signatory for Northshire City Council" in response.content.decode()
    assert not awaiting.parties.filter(signed_at__isnull=False).exists()


def test_signing_through_the_page_activates(signed_in, awaiting, police_admin, prison_admin, council_admin):
    for signer in (police_admin, prison_admin, council_admin):
        client = signed_in(signer)
        assert client.get(reverse("protocols:sign", args=[awaiting.pk])).status_code == 200
        response = client.post(reverse("protocols:sign", args=[awaiting.pk]))
        assert response.status_code == 302
    awaiting.refresh_from_db()
    assert awaiting.status == ProtocolStatus.ACTIVE
    assert ProtocolGroupObjectPermission.objects.count() == 12


def test_submit_page_lists_problems(signed_in, police_admin):
    protocol = make_draft(police_admin)
    response = signed_in(police_admin).post(reverse("protocols:submit", args=[protocol.pk]))
    assert response.status_code == 400
    assert "Add at least one other agency as a party" in response.content.decode()


def test_suspend_with_confirmation_and_reinstate(signed_in, active, police_admin):
    client = signed_in(police_admin)
    detail = client.get(reverse("protocols:detail", args=[active.pk])).content.decode()
    assert 'data-testid="suspend-button"' in detail
    confirm = client.get(reverse("protocols:suspend", args=[active.pk])).content.decode()
    assert "Are you sure you want to suspend this protocol?" in confirm
    response = client.post(reverse("protocols:suspend", args=[active.pk]), {"reason": ""})
    assert response.status_code == 400 and "Enter why the protocol is being suspended" in response.content.decode()
    response = client.post(reverse("protocols:suspend", args=[active.pk]), {"reason": "Breach"}, follow=True)
    assert "Protocol suspended" in response.content.decode()
    assert "Reason: Breach" in response.content.decode()
    assert not ProtocolGroupObjectPermission.objects.exists()
    client.post(reverse("protocols:reinstate", args=[active.pk]))
    active.refresh_from_db()
    assert active.status == ProtocolStatus.ACTIVE


def test_suspend_refused_for_partner_admin(signed_in, active, council_admin):
    response = signed_in(council_admin).post(reverse("protocols:suspend", args=[active.pk]), {"reason": "x"})
    assert response.status_code == 403
    assert "Only an agency administrator of Northshire Police" in response.content.decode()
    active.refresh_from_db()
    assert active.status == ProtocolStatus.ACTIVE


def test_unknown_protocol_is_404(signed_in, council_spoc):
    assert signed_in(council_spoc).get(reverse("protocols:detail", args=[999999])).status_code == 404


def test_navigation_links_to_protocols(signed_in, council_spoc):
    content = signed_in(council_spoc).get(reverse("protocols:register")).content.decode()
    assert (
        f'href="{reverse("protocols:register")}" aria-current="page" data-testid="nav-protocols">Protocols</a>'
        in content
    )
