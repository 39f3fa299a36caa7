"""The nominal list's layout fits the viewer: the "held at" column and the custody filters only for a viewer
who reaches some nominal at tier 1 (and the per-row "not shared" text only on the rows below it), the MoJ
filter toggle, the whole width of the page, and dates that do not wrap."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

import access
from nominals.models import Nominal
from records.services import grant_create

from .html import texts
from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

pytestmark = pytest.mark.django_db

LIST_URL = reverse("nominals:nominal-list")


def offers(response, name):
    return f'name="{name}"' in response.content.decode()


# Register staff reach tier 0 of their own agency's items (the prison's PIO too, though the police's reach
# them at tier 1); the council's SPOC receives only partnership versions; an administrator reads nothing.
@pytest.mark.parametrize(
    ("viewer", "tier"), [("analyst", 0), ("prison_pio", 0), ("council_spoc", 2), ("police_admin", None)]
)
def test_the_engine_names_the_most_detailed_tier_a_viewer_reaches(request, register, viewer, tier):
    assert access.most_detailed_tier(request.getfixturevalue(viewer), Nominal) == tier


@pytest.mark.parametrize("viewer", ["analyst", "prison_pio"])
def test_a_viewer_at_tier_1_or_better_has_the_held_at_column_and_the_custody_filters(request, client, register, viewer):
    response = signed_in(client, request.getfixturevalue(viewer)).get(LIST_URL)

    assert texts(response, "held-at-header") == ["Held at"]
    assert sorted(texts(response, "held-at")) == ["HMP Northshire", "Not in custody"]
    assert offers(response, "establishment") and offers(response, "custody")


def test_a_tier_2_partner_has_neither_the_column_nor_the_custody_filters(client, council_spoc, register):
    response = signed_in(client, council_spoc).get(LIST_URL)

    assert len(texts(response, "nominal-row")) == 2
    assert texts(response, "held-at-header") == [] and texts(response, "held-at") == []
    assert "Not shared at your tier" not in response.content.decode()
    assert not offers(response, "establishment") and not offers(response, "custody")
    assert offers(response, "risk")  # the filters of tier 2 stay


def test_a_viewer_reaching_tier_1_for_some_rows_sees_not_shared_only_on_the_others(client, analyst, outsider, register):
    expires = timezone.now() + datetime.timedelta(days=3)
    grant_create(actor=analyst, obj=register["marsh"], user=outsider, tier=1, reason="Joint op", expires_at=expires)
    grant_create(actor=analyst, obj=register["carter"], user=outsider, tier=2, reason="Joint op", expires_at=expires)

    response = signed_in(client, outsider).get(LIST_URL)

    listed = ["MARSH" in row for row in texts(response, "nominal-row")]
    held_at = dict(zip(listed, texts(response, "held-at"), strict=True))
    assert held_at == {True: "HMP Northshire", False: "Not shared at your tier"}
    assert offers(response, "establishment") and offers(response, "custody")


def test_the_list_has_the_moj_filter_toggle_and_the_whole_width(client, analyst, register):
    html = signed_in(client, analyst).get(LIST_URL).content.decode()

    # The toggle: MoJ Frontend's script turns the panel into a shown/hidden one with its button in the
    # action bar; without JavaScript there is no button and the panel is shown (no hidden class).
    assert 'class="moj-filter-layout__filter" data-module="moj-filter" data-start-hidden="true"' in html
    assert '<div class="moj-action-bar__filter"' in html and '<div class="moj-filter__header-action">' in html
    assert "moj-js-hidden" not in html
    assert "govuk-grid-column-two-thirds" not in html


def test_the_filter_starts_shown_when_filters_are_applied(client, analyst, register):
    html = signed_in(client, analyst).get(LIST_URL, {"risk": "high"}).content.decode()

    assert 'data-module="moj-filter" data-start-hidden="false"' in html


def test_dates_of_birth_do_not_wrap(client, analyst, register):
    html = signed_in(client, analyst).get(LIST_URL).content.decode()

    assert '<td class="govuk-table__cell app-nowrap">2 Mar 1988</td>' in html
