"""The header's tabs fit the role (nominals/templatetags/navigation.py): each demo role is offered exactly the
tabs whose pages it may open, every tab it is offered answers 200, and only those who may add a nominal
are offered the link to add one."""

import pytest
from django.urls import reverse

from accounts.models import Role, VettingLevel
from tests.factories import UserFactory

from .html import texts
from .pages_world import signed_in

EVERYONE = ["Agencies", "Toolkit", "Protocols"]
REGISTER_READER = [*EVERYONE, "Register", "Inbox", "Your account"]

# role -> (agency fixture, the tabs after Home, whether the register offers "Add a nominal")
ROLES = {
    Role.PIO: ("prison", REGISTER_READER, True),
    Role.ANALYST: ("police", REGISTER_READER, True),
    Role.PARTNERSHIP_LEAD: ("police", REGISTER_READER, True),
    Role.SPOC: ("council", REGISTER_READER, False),
    Role.AGENCY_ADMIN: ("police", [*EVERYONE, "OCG nominals in prison", "Inbox", "Users", "Your account"], False),
    Role.AUDITOR: ("police", [*EVERYONE, "OCG nominals in prison", "Access log", "Inbox", "Your account"], False),
}


def tabs(response):
    """(label, href) of each primary navigation tab after Home."""
    html = response.content.decode()
    nav = html[html.index('aria-label="Primary navigation"') :]
    found = []
    for chunk in nav.split('class="moj-primary-navigation__link" href="')[2:]:  # [1] is Home
        href = chunk[: chunk.index('"')]
        label = chunk[chunk.index(">") + 1 : chunk.index("<")].strip()
        found.append((label, href))
    return found


@pytest.mark.parametrize("role", list(ROLES), ids=str)
def test_the_header_offers_each_role_exactly_the_tabs_it_may_follow(request, client, role):
    agency_fixture, expected, can_add = ROLES[role]
    user = UserFactory(agency=request.getfixturevalue(agency_fixture), roles=[role])
    client = signed_in(client, user)

    offered = tabs(client.get(reverse("home")))

    assert [label for label, _ in offered] == expected
    for label, href in offered:
        response = client.get(href)
        assert response.status_code == 200, f"{role}: the {label} tab ({href}) answered {response.status_code}"
        assert tabs(response) == offered  # the same tabs on every page
        assert ("Add a nominal" in response.content.decode()) == (can_add and label == "Register"), label


@pytest.mark.parametrize("role", list(ROLES), ids=str)
def test_the_add_a_nominal_link_is_offered_only_to_those_the_form_admits(request, client, role):
    agency_fixture, _, can_add = ROLES[role]
    user = UserFactory(agency=request.getfixturevalue(agency_fixture), roles=[role])
    client = signed_in(client, user)

    create = client.get(reverse("nominals:nominal-create"))

    assert create.status_code == (200 if can_add else 403)
    if "Register" in [label for label, _ in tabs(create)]:
        assert bool(texts(client.get(reverse("nominals:nominal-list")), "create-nominal")) == can_add


def test_a_register_analyst_below_ctc_is_not_offered_to_add_a_nominal(client, police):
    # Adding means seeing tier 0, which needs CTC: a BPSS analyst reads the register but adds nothing.
    user = UserFactory(agency=police, roles=[Role.ANALYST], vetting_level=VettingLevel.BPSS)
    response = signed_in(client, user).get(reverse("nominals:nominal-list"))

    assert response.status_code == 200 and not texts(response, "create-nominal")
    assert "Add a nominal" not in response.content.decode()


def test_the_current_tab_is_marked(client, police):
    user = UserFactory(agency=police, roles=[Role.AUDITOR])
    html = signed_in(client, user).get(reverse("nominals:hotspots")).content.decode()

    assert f'href="{reverse("nominals:hotspots")}" aria-current="page" data-testid="nav-ocg-nominals-in-prison"' in html
    assert html.count('aria-current="page"') == 1


@pytest.mark.parametrize("role", list(ROLES), ids=str)
def test_find_a_person_is_in_the_header_of_every_page_for_register_readers(request, client, role):
    agency_fixture, expected, _ = ROLES[role]
    user = UserFactory(agency=request.getfixturevalue(agency_fixture), roles=[role])
    client = signed_in(client, user)
    reads = "Register" in expected
    for path in (reverse("agencies:directory"), reverse("protocols:register"), reverse("notifications:inbox")):
        html = client.get(path).content.decode()
        assert ('id="header-search"' in html) == reads, path
    # Home has its own, first on the page, instead of a second one in the header.
    home = client.get(reverse("home")).content.decode()
    assert 'id="header-search"' not in home
    assert ('id="home-search"' in home) == reads
    if reads:
        html = client.get(reverse("agencies:toolkit")).content.decode()
        assert f'action="{reverse("nominals:search")}"' in html and 'name="q"' in html
