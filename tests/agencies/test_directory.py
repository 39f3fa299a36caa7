"""The agency directory: search, filters, sorting, pagination, the detail page, and sign-in."""

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from accounts.models import Role
from agencies.models import AgencyKind, AgencyLevel, PrisonCategory, PrisonOperator, Region
from tests.factories import (
    AgencyFactory,
    DataHoldingFactory,
    PrisonFactory,
    ToolOrPowerFactory,
    UserFactory,
    threat_area,
)

from .pages import SIGNED_IN_PAGE_QUERIES

DIRECTORY = reverse("agencies:directory")


def names(response):
    return [agency.name for agency in response.context["page"].object_list]


@pytest.mark.parametrize(
    "url",
    [
        reverse("agencies:directory"),
        reverse("agencies:toolkit"),
        reverse("agencies:agency-detail", args=[1]),
        reverse("agencies:agency-edit", args=[1]),
        reverse("agencies:power-create", args=[1]),
        reverse("agencies:holding-create", args=[1]),
    ],
)
def test_anonymous_users_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith("/accounts/sign-in/")
    assert f"next={url}" in response.url.replace("%2F", "/")


def test_directory_lists_every_agency_for_any_signed_in_user(client, analyst, council, dwp):
    client.force_login(analyst)

    response = client.get(DIRECTORY)

    assert response.status_code == 200
    assert names(response) == ["Department for Work and Pensions", "Northshire City Council", "Northshire Police"]
    assertContains(response, "Showing 1 to 3 of 3 agencies")
    assertContains(response, '<caption class="govuk-table__caption govuk-table__caption--m">Agencies</caption>')


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("q=council", ["Northshire City Council"]),
        ("q=DWP", ["Department for Work and Pensions"]),  # short name
        ("q=  northshire ", ["Northshire City Council", "Northshire Police"]),
        ("kind=csp_partner", ["Northshire City Council"]),
        ("kind=csp_partner&kind=national_agency", ["Department for Work and Pensions", "Northshire City Council"]),
        ("level=national", ["Department for Work and Pensions"]),
        ("region=north_west", ["Northshire City Council", "Northshire Police"]),
        ("region=north_west&kind=police_force", ["Northshire Police"]),
        ("q=northshire&level=national", []),
    ],
)
def test_search_and_filters(client, analyst, council, dwp, query, expected):
    client.force_login(analyst)

    response = client.get(f"{DIRECTORY}?{query}")

    assert names(response) == expected


def test_an_unknown_filter_value_is_ignored_not_an_error(client, analyst, council):
    client.force_login(analyst)

    response = client.get(f"{DIRECTORY}?kind=spaceship&level=local")

    assert response.status_code == 200
    assert names(response) == ["Northshire City Council", "Northshire Police"]


def test_selected_filters_can_be_removed_one_by_one(client, analyst, council, dwp):
    client.force_login(analyst)

    response = client.get(f"{DIRECTORY}?kind=csp_partner&kind=national_agency&q=north")

    groups = {group["heading"]: group["tags"] for group in response.context["selected_filters"]}
    assert [tag["label"] for tag in groups["Kind of agency"]] == [
        "Statutory community safety partner",
        "National or regional agency",
    ]
    assert groups["Kind of agency"][0]["url"] == "?kind=national_agency&q=north"
    assert groups["Name or short name"][0]["url"] == "?kind=csp_partner&kind=national_agency"


def test_empty_state_when_nothing_matches(client, analyst):
    client.force_login(analyst)

    response = client.get(f"{DIRECTORY}?q=nothing-like-this")

    assertContains(response, "No agencies found")
    assertContains(response, "No agencies matching your filters")
    assertNotContains(response, 'data-testid="agency-table"')


@pytest.fixture
def mixed_agencies(db):
    AgencyFactory(name="Alpha Council", kind=AgencyKind.CSP_PARTNER, level=AgencyLevel.LOCAL, region=Region.WALES)
    AgencyFactory(
        name="Bravo Unit", kind=AgencyKind.REGIONAL_NATIONAL_UNIT, level=AgencyLevel.REGIONAL, region=Region.EAST
    )
    AgencyFactory(
        name="Charlie HMRC", kind=AgencyKind.NATIONAL_AGENCY, level=AgencyLevel.NATIONAL, region=Region.LONDON
    )


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("", ["Alpha Council", "Bravo Unit", "Charlie HMRC"]),
        ("-name", ["Charlie HMRC", "Bravo Unit", "Alpha Council"]),
        # by label: National or regional agency < Regional or national unit < Statutory community safety partner
        ("kind", ["Charlie HMRC", "Bravo Unit", "Alpha Council"]),
        # local, regional, national: by scale, not alphabetically
        ("level", ["Alpha Council", "Bravo Unit", "Charlie HMRC"]),
        ("-level", ["Charlie HMRC", "Bravo Unit", "Alpha Council"]),
        # by label: East of England < London < Wales
        ("region", ["Bravo Unit", "Charlie HMRC", "Alpha Council"]),
        ("nonsense", ["Alpha Council", "Bravo Unit", "Charlie HMRC"]),
    ],
)
def test_sorting(client, analyst, mixed_agencies, sort, expected):
    client.force_login(analyst)

    response = client.get(f"{DIRECTORY}?sort={sort}&q=a")

    assert [name for name in names(response) if name != "Northshire Police"] == expected


def test_sortable_headers_say_how_the_table_is_sorted(client, analyst):
    client.force_login(analyst)

    response = client.get(f"{DIRECTORY}?sort=-region&kind=police_force")

    headers = {header["key"]: header for header in response.context["headers"]}
    assert headers["region"]["aria_sort"] == "descending"
    assert headers["name"]["aria_sort"] == "none"
    assertContains(response, 'aria-sort="descending"', count=1)
    assertContains(response, 'aria-sort="none"', count=3)
    # The header links keep the filters and flip the sort.
    assertContains(response, 'href="?sort=region&amp;kind=police_force"')


def test_pagination_25_a_page_keeping_filters(client, analyst):
    AgencyFactory.create_batch(30, kind=AgencyKind.NON_STATUTORY)
    client.force_login(analyst)

    first = client.get(f"{DIRECTORY}?kind=non_statutory")
    second = client.get(f"{DIRECTORY}?kind=non_statutory&page=2")

    assert len(first.context["page"].object_list) == 25
    assert len(second.context["page"].object_list) == 5
    assertContains(first, "Showing 1 to 25 of 30 agencies")
    assertContains(second, "Showing 26 to 30 of 30 agencies")
    assertContains(first, 'href="?kind=non_statutory&amp;page=2" rel="next"')
    assertContains(second, 'aria-current="page">2</a>')
    assert not set(names(first)) & set(names(second))


def test_directory_query_count_does_not_grow_with_agencies(client, analyst, django_assert_num_queries):
    AgencyFactory.create_batch(40)
    client.force_login(analyst)
    # Count of matching agencies, the page of agencies with their parents = 2.
    with django_assert_num_queries(SIGNED_IN_PAGE_QUERIES + 2):
        response = client.get(f"{DIRECTORY}?sort=kind")
    assert response.status_code == 200


# Detail page


def test_detail_shows_the_agency_its_family_its_spoc_and_its_user_count(client, analyst, council):
    housing = AgencyFactory(
        name="Northshire Housing", parent=council, kind=AgencyKind.LOCAL_AUTHORITY_DEPARTMENT, region=Region.EAST
    )
    spoc = UserFactory(
        email="jo.spoc@northshire.gov.uk",
        full_name="Jo Spoc",
        job_title="ASB lead",
        phone="0161 000 0000",
        agency=council,
        roles=[Role.SPOC],
    )
    UserFactory(agency=council, is_active=False)
    council.spoc = spoc
    council.contact_email = "csp@northshire.gov.uk"
    council.save()
    client.force_login(analyst)

    response = client.get(reverse("agencies:agency-detail", args=[council.pk]))

    assert response.status_code == 200
    assertContains(response, "Statutory community safety partner")
    assertContains(response, f'href="{reverse("agencies:agency-detail", args=[housing.pk])}">Northshire Housing</a>')
    assertContains(response, "Jo Spoc, ASB lead")
    assertContains(response, 'href="mailto:jo.spoc@northshire.gov.uk"')
    assertContains(response, "0161 000 0000")
    assertContains(response, 'href="mailto:csp@northshire.gov.uk"')
    # A count of active users (Jo; the disabled account is left out), never their names.
    assert response.context["agency"].active_user_count == 1
    assertContains(response, '<dd class="govuk-summary-list__value" data-testid="user-count">1</dd>', html=True)
    assertNotContains(response, "Prison category")

    child = client.get(reverse("agencies:agency-detail", args=[housing.pk]))
    assertContains(child, f'href="{reverse("agencies:agency-detail", args=[council.pk])}">Northshire City Council</a>')


def test_prison_detail_shows_category_and_operator(client, analyst):
    prison = PrisonFactory(
        name="HMP Northshire", prison_category=PrisonCategory.YOI, prison_operator=PrisonOperator.CONTRACTED
    )
    client.force_login(analyst)

    response = client.get(reverse("agencies:agency-detail", args=[prison.pk]))

    assertContains(response, "Young offender institution")
    assertContains(response, "Contracted")


def test_detail_shows_toolkit_with_edit_links_only_for_its_own_admins(
    client, police, police_admin, council_admin, analyst
):
    power = ToolOrPowerFactory(agency=police, name="Closure order")
    holding = DataHoldingFactory(agency=police, name="Custody records")
    url = reverse("agencies:agency-detail", args=[police.pk])
    edit_power = reverse("agencies:power-edit", args=[police.pk, power.pk])
    edit_holding = reverse("agencies:holding-edit", args=[police.pk, holding.pk])

    client.force_login(police_admin)
    own = client.get(url)
    assertContains(own, "Closure order")
    assertContains(own, "Custody records")
    assertContains(own, edit_power)
    assertContains(own, edit_holding)
    assertContains(own, reverse("agencies:agency-edit", args=[police.pk]))

    for reader in (council_admin, analyst):
        client.force_login(reader)
        other = client.get(url)
        assertContains(other, "Closure order")
        assertNotContains(other, edit_power)
        assertNotContains(other, edit_holding)
        assertNotContains(other, reverse("agencies:agency-edit", args=[police.pk]))
        assertNotContains(other, reverse("agencies:power-create", args=[police.pk]))


def test_detail_query_count_does_not_grow_with_the_toolkit(client, police, analyst, django_assert_num_queries):
    for _ in range(10):
        ToolOrPowerFactory(agency=police).threat_areas.set([threat_area("fraud"), threat_area("cyber_crime")])
        DataHoldingFactory(agency=police).threat_areas.set([threat_area("fraud")])
    AgencyFactory.create_batch(5, parent=police)
    client.force_login(analyst)
    # The agency with parent, SPOC and user count, its children, its powers and their threat areas,
    # its holdings and their threat areas = 6, plus the signed-in page's.
    with django_assert_num_queries(SIGNED_IN_PAGE_QUERIES + 6):
        response = client.get(reverse("agencies:agency-detail", args=[police.pk]))
    assert len(response.context["agency"].tools_and_powers.all()) == 10


def test_detail_of_a_missing_agency_is_404(client, analyst):
    client.force_login(analyst)

    assert client.get(reverse("agencies:agency-detail", args=[999999])).status_code == 404
