"""Page titles (the <title> element: browser history, tab bars, shared screens) name a register item by
its register number (nominals) or reference (OCGs), never by a person's name; the page's heading may.

The accounts pages keep a colleague's name in their titles: they are the agency administrator's pages
about their own agency's staff accounts, not the register, and name no one the register holds."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from nominals.models import OCGMembership
from records.services import grant_create

from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

pytestmark = pytest.mark.django_db

NAMES = ("MARSH", "Marsh", "Dean", "Northtown Crew", "Carter", "CARTER")


def title(response):
    assert response.status_code == 200, response.status_code
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL).group(1).strip()


@pytest.fixture
def grant(analyst, prison_pio, marsh):
    return grant_create(
        actor=analyst,
        obj=marsh,
        user=prison_pio,
        tier=1,
        reason="Joint operation",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )


def nominal_pages(marsh, grant):
    pk = marsh.pk
    return [
        reverse("nominals:nominal-detail", args=[pk]),
        reverse("nominals:nominal-edit", args=[pk]),
        *(
            reverse(f"nominals:{name}", args=[pk])
            for name in (
                "custody-add",
                "custody-release",
                "transfer-add",
                "supervision-add",
                "order-add",
                "association-add",
                "entity-add",
            )
        ),
        reverse("nominals:grant-add", args=["nominals", pk]),
        reverse("nominals:grant-revoke", args=["nominals", pk, "user", grant.pk]),
    ]


def ocg_pages(crew):
    membership = OCGMembership.objects.get(ocg=crew)
    return [
        reverse("nominals:ocg-detail", args=[crew.pk]),
        reverse("nominals:ocg-edit", args=[crew.pk]),
        reverse("nominals:membership-add", args=[crew.pk]),
        reverse("nominals:membership-end", args=[crew.pk, membership.pk]),
        reverse("nominals:grant-add", args=["ocgs", crew.pk]),
    ]


def test_nominal_pages_are_titled_by_register_number_not_by_name(client, analyst, marsh, grant):
    client = signed_in(client, analyst)
    for url in nominal_pages(marsh, grant):
        shown = title(client.get(url))
        assert f"Nominal {marsh.pk}" in shown, url
        assert not [name for name in NAMES if name in shown], (url, shown)


def test_the_heading_still_names_the_nominal(client, analyst, marsh):
    response = signed_in(client, analyst).get(reverse("nominals:nominal-detail", args=[marsh.pk]))

    assert title(response).startswith(f"Nominal {marsh.pk} – ")
    assert '<h1 class="govuk-heading-l" data-testid="nominal-name">MARSH, Dean</h1>' in response.content.decode()


def test_revoking_a_grant_names_neither_the_subject_nor_the_colleague_in_the_title(
    client, analyst, marsh, grant, prison_pio
):
    url = reverse("nominals:grant-revoke", args=["nominals", marsh.pk, "user", grant.pk])
    shown = title(signed_in(client, analyst).get(url))

    assert shown.startswith(f"Revoke need-to-know access – Nominal {marsh.pk}")
    assert prison_pio.full_name not in shown


def test_ocg_pages_are_titled_by_reference(client, analyst, crew):
    client = signed_in(client, analyst)
    for url in ocg_pages(crew):
        shown = title(client.get(url))
        assert "OCG NP-OCG-0001" in shown, url
        assert not [name for name in NAMES if name in shown], (url, shown)


def test_search_results_do_not_repeat_the_query_in_the_title(client, analyst, register):
    response = signed_in(client, analyst).get(reverse("nominals:search"), {"q": "Dean Marsh"})

    assert "MARSH, Dean" in response.content.decode()
    assert title(response).startswith("Search results – ")
    assert "Marsh" not in title(response)


def test_a_nominal_at_every_tier_is_titled_by_number(client, prison_pio, council_spoc, marsh):
    for viewer in (prison_pio, council_spoc):
        shown = title(signed_in(client, viewer).get(reverse("nominals:nominal-detail", args=[marsh.pk])))
        assert shown.startswith(f"Nominal {marsh.pk} – "), viewer
