"""The auditor's two views of the access log: what their own agency's users did, and who, in any agency,
read their agency's records (DPA 2018 s62, the controller's duty), on the page and in the API, each
filterable; and that neither shows another agency's users' reads of another agency's records."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

import access
from accounts.models import Role
from audit.selectors import AccessLogFilters, LogView, access_log_list
from audit.services import log_read, query_string
from nominals.models import Nominal
from ocgshare.models import AccessAction, AccessBasis, AccessSurface
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db

OUR_RECORDS = AccessLogFilters(view=LogView.OUR_RECORDS)


@pytest.fixture
def prison_auditor(prison):
    return UserFactory(email="dpo@hmp-northshire.justice.gov.uk", agency=prison, roles=[Role.AUDITOR])


@pytest.fixture
def council_auditor(council):
    return UserFactory(email="dpo@northshire.gov.uk", agency=council, roles=[Role.AUDITOR])


@pytest.fixture
def world(active_protocol, police, prison, analyst, prison_pio):
    """A police nominal (Whitlock) and a prison one (Pratt). The analyst views Whitlock; the prison PIO
    views Whitlock under the protocol and lists both."""
    whitlock = NominalFactory(owning_agency=police, surname="Whitlock")
    pratt = NominalFactory(owning_agency=prison, surname="Pratt")
    own_view = log_read(user=analyst, surface=AccessSurface.PAGE, obj=_seen(analyst, whitlock))
    protocol_view = log_read(user=prison_pio, surface=AccessSurface.API, obj=_seen(prison_pio, whitlock))
    listing = log_read(
        user=prison_pio,
        surface=AccessSurface.PAGE,
        items=access.visible(prison_pio, Nominal.objects.order_by("pk")),
        params={"risk": ""},
    )
    return {
        "whitlock": whitlock,
        "pratt": pratt,
        "own_view": own_view,
        "protocol_view": protocol_view,
        "listing": listing,
        "protocol": active_protocol,
    }


def _seen(user, nominal):
    return access.visible(user, Nominal.objects.filter(pk=nominal.pk)).get()


def test_entries_record_the_owner_of_each_item(world, police, prison):
    assert world["protocol_view"].object_owner_id == police.pk
    assert sorted(world["listing"].results.values_list("object_id", "object_owner_id")) == sorted(
        [(world["whitlock"].pk, police.pk), (world["pratt"].pk, prison.pk)]
    )


def test_our_users_view_is_what_our_users_did(world, police_auditor, prison_auditor):
    assert list(access_log_list(user=police_auditor)) == [world["own_view"]]
    assert list(access_log_list(user=prison_auditor)) == [world["listing"], world["protocol_view"]]


def test_our_records_view_is_who_in_any_agency_read_them_and_on_which_basis(world, police_auditor, prison):
    entries = list(access_log_list(user=police_auditor, filters=OUR_RECORDS))

    assert entries == [world["listing"], world["protocol_view"], world["own_view"]]
    protocol_view = entries[1]
    assert (protocol_view.agency, protocol_view.basis, protocol_view.basis_protocol_id) == (
        prison,
        AccessBasis.PROTOCOL,
        world["protocol"].pk,
    )


def test_no_auditor_sees_other_agencies_reads_of_other_agencies_records(
    world, police_auditor, prison_auditor, council_auditor
):
    # The council's users read nothing, and nothing of the council's was read.
    assert list(access_log_list(user=council_auditor)) == []
    assert list(access_log_list(user=council_auditor, filters=OUR_RECORDS)) == []
    # The prison's auditor sees the prison's list (their own user) but not the analyst's read of Whitlock.
    assert list(access_log_list(user=prison_auditor, filters=OUR_RECORDS)) == [world["listing"]]
    # Filtering by another agency's item finds nothing in the records' view, even in a list that showed it.
    pratt = AccessLogFilters(view=LogView.OUR_RECORDS, object_type="nominal", object_id=world["pratt"].pk)
    assert list(access_log_list(user=police_auditor, filters=pratt)) == []


def test_filters_of_our_records_view(world, police_auditor, prison, police, analyst, prison_pio):
    def ours(**filters):
        return list(access_log_list(user=police_auditor, filters=AccessLogFilters(view=LogView.OUR_RECORDS, **filters)))

    assert ours(agency=prison.pk) == [world["listing"], world["protocol_view"]]
    assert ours(agency=police.pk) == [world["own_view"]]
    assert ours(user=prison_pio.pk, action=AccessAction.VIEW) == [world["protocol_view"]]
    assert ours(object_type="nominal", object_id=world["whitlock"].pk) == [
        world["listing"],
        world["protocol_view"],
        world["own_view"],
    ]


def test_our_users_view_filters_by_the_agency_owning_what_they_read(world, prison_auditor, prison, police):
    def ours(agency):
        return list(access_log_list(user=prison_auditor, filters=AccessLogFilters(agency=agency)))

    assert ours(police.pk) == [world["listing"], world["protocol_view"]]
    assert ours(prison.pk) == [world["listing"]]


def test_the_page_shows_both_views(client, world, police_auditor, prison):
    client.force_login(police_auditor)
    ours = client.get(reverse("access-log"), {"view": "our_records"}).content.decode()

    assert ours.count('data-testid="access-log-row"') == 3
    assert ours.count('data-testid="reader-agency">HMP Northshire<') == 2
    whitlock = world["whitlock"].pk
    assert (
        f'<a class="govuk-link" href="/register/nominals/{whitlock}/">Nominal {whitlock} (NP)</a>: '
        f"Information-sharing protocol {world['protocol'].reference} at Tier 1 law enforcement"
    ) in ours, "the list's result of ours, by label and link, with its basis in full"
    assert f"Nominal {world['pratt'].pk}" not in ours, "the prison's own record is the prison's business"
    assert "1 of your records shown" in ours
    users = client.get(reverse("access-log")).content.decode()
    assert users.count('data-testid="access-log-row"') == 1
    prison_users = client.get(reverse("access-log"), {"view": "our_records", "agency": prison.pk}).content.decode()
    assert prison_users.count('data-testid="access-log-row"') == 2
    assert "pio@hmp-northshire.justice.gov.uk" in prison_users, "the reader's agency's users are the user filter"


def test_the_api_gives_both_views(world, police_auditor, police):
    client = APIClient()
    client.force_authenticate(police_auditor)

    rows = client.get("/api/access-log/", {"view": "our_records"}).json()["results"]
    assert [r["id"] for r in rows] == [world["listing"].pk, world["protocol_view"].pk, world["own_view"].pk]
    listing = rows[0]
    assert listing["result_count"] == 1
    assert [(r["object_id"], r["object_owner"]) for r in listing["results"]] == [(world["whitlock"].pk, police.pk)]
    assert rows[1]["agency_name"] == "HMP Northshire" and rows[1]["basis"] == "protocol"
    assert [r["id"] for r in client.get("/api/access-log/").json()["results"]] == [world["own_view"].pk]


def test_the_schema_documents_the_views():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    parameters = {p["name"]: p for p in schema["paths"]["/api/access-log/"]["get"]["parameters"]}
    assert sorted(parameters["view"]["schema"]["enum"]) == ["our_records", "our_users"]
    assert "agency" in parameters


def test_one_query_format():
    from django.http import QueryDict

    from nominals.filters import NominalFilterSet

    page = NominalFilterSet(QueryDict("risk=high&agency=3&sort=surname&page=2")).audit_params()
    api = NominalFilterSet(QueryDict("agency=3&risk=high&cursor=abc&sort=")).audit_params()
    assert query_string(page) == query_string(api) == "agency=3&risk=high"
    assert query_string({"q": " Marsh Dean "}) == "q=Marsh+Dean"
    assert query_string({"risk": "nonsense"}) == "risk=nonsense", "what is applied is for the surface to parse"
    assert query_string(None) == ""


def test_items_named_besides_those_listed_get_the_tier_and_basis_the_sql_gives(
    active_protocol, police, prison, analyst, prison_pio, council_spoc, bpss_prison_pio, outsider
):
    import datetime

    from django.utils import timezone

    from nominals.models import OCG, Association, Entity
    from nominals.services.entities import association_add, entity_create
    from records.services import grant_create
    from tests.nominals.factories import OCGFactory

    nominals = [NominalFactory(owning_agency=police), NominalFactory(owning_agency=prison)]
    ocg = OCGFactory(lead_agency=police)
    entity = entity_create(actor=analyst, kind="phone", value="07700 900123")
    association = association_add(
        actor=analyst, nominal_a=nominals[0], nominal_b=NominalFactory(owning_agency=police), kind="cellmate"
    )
    grant_create(
        actor=analyst,
        obj=nominals[0],
        user=outsider,
        tier=2,
        reason="Joint operation",
        expires_at=timezone.now() + datetime.timedelta(days=3),
    )
    items = [*nominals, OCG.objects.get(pk=ocg.pk), Entity.objects.get(pk=entity.pk)]
    items.append(Association.objects.get(pk=association.pk))
    for user in (analyst, prison_pio, council_spoc, bpss_prison_pio, outsider):
        for item in items:
            assert access.access_by_routes(user, item) == access.access_for(user, item), (user.email, item)
