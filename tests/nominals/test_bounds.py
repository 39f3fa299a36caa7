"""Register dates and text are bounded (issue 8, section 4), on the API and the pages alike: the limits
are the models' (ocgshare.bounds), which the services check with full_clean()."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from nominals.models import CustodyEpisode, LifetimeOrder, NominalUserObjectPermission
from ocgshare import bounds
from records.services import grant_create
from tests.factories import PrisonFactory

from .factories import NominalFactory

pytestmark = pytest.mark.django_db


def api(user):
    client = APIClient()
    client.force_authenticate(user)
    return client


@pytest.fixture
def own_nominal(analyst):
    return NominalFactory(owning_agency=analyst.agency)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"received_on": "0001-01-01"}, "received_on"),
        ({"received_on": "1899-12-31"}, "received_on"),
        ({"received_on": "2020-01-01", "expected_release_date": "9999-12-31"}, "expected_release_date"),
        ({"received_on": "2020-01-01", "licence_end_date": "9999-12-31"}, "licence_end_date"),
    ],
)
def test_implausible_custody_dates_are_400(analyst, own_nominal, body, field):
    prison = PrisonFactory()

    response = api(analyst).post(
        f"/api/nominals/{own_nominal.pk}/custody-episodes/", {"establishment": prison.pk, **body}, format="json"
    )

    assert response.status_code == 400
    assert field in response.json()
    assert not CustodyEpisode.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"made_on": "0001-01-01"}, "made_on"),
        ({"made_on": "2020-01-01", "expires_on": "9999-12-31"}, "expires_on"),
        ({"made_on": "2020-01-01", "conditions": "x" * (bounds.NOTES_MAX_LENGTH + 1)}, "conditions"),
    ],
)
def test_implausible_orders_are_400(analyst, own_nominal, body, field):
    response = api(analyst).post(
        f"/api/nominals/{own_nominal.pk}/orders/",
        {"kind": "scpo", "conditions": "Report monthly", **body},
        format="json",
    )

    assert response.status_code == 400
    assert field in response.json()
    assert not LifetimeOrder.objects.exists()


def test_a_birth_date_before_1900_or_in_the_future_is_400(analyst):
    for date_of_birth in ["1899-12-31", str(timezone.localdate() + datetime.timedelta(days=1)), "0001-01-01"]:
        response = api(analyst).post(
            "/api/nominals/", {"surname": "Smith", "date_of_birth": date_of_birth}, format="json"
        )

        assert response.status_code == 400
        assert "date_of_birth" in response.json()


def test_overlong_handling_notes_are_400_on_the_api_and_the_page(client, analyst):
    notes = "x" * (bounds.NOTES_MAX_LENGTH + 1)

    response = api(analyst).post("/api/nominals/", {"surname": "Smith", "handling_notes": notes}, format="json")

    assert response.status_code == 400
    assert "handling_notes" in response.json()
    client.force_login(analyst)
    page = client.post(reverse("nominals:nominal-create"), {"surname": "Smith", "handling_notes": notes})
    assert "at most 10000 characters" in page.content.decode()


def test_too_many_aliases_at_once_are_400(analyst):
    aliases = [{"surname": f"Alias{n}"} for n in range(bounds.MAX_ITEMS + 1)]

    response = api(analyst).post("/api/nominals/", {"surname": "Smith", "aliases": aliases}, format="json")

    assert response.status_code == 400
    assert "aliases" in response.json()


def test_the_model_refuses_overlong_text_without_a_form(analyst, own_nominal):
    own_nominal.handling_notes = "x" * (bounds.NOTES_MAX_LENGTH + 1)

    with pytest.raises(Exception) as refused:
        own_nominal.full_clean()

    assert "handling_notes" in refused.value.message_dict


# --- need-to-know grants ---------------------------------------------------------------------------------


def _grant(analyst, nominal, outsider, **changes):
    body = {
        "user": outsider.pk,
        "tier": 1,
        "reason": "Joint operation Kestrel",
        "expires_at": (timezone.now() + datetime.timedelta(days=10)).isoformat(),
        **changes,
    }
    return api(analyst).post(f"/api/nominals/{nominal.pk}/grants/", body, format="json")


def test_a_grant_further_ahead_than_grant_max_days_is_refused(settings, analyst, own_nominal, outsider):
    settings.GRANT_MAX_DAYS = 30
    too_far = (timezone.now() + datetime.timedelta(days=31)).isoformat()

    response = _grant(analyst, own_nominal, outsider, expires_at=too_far)

    assert response.status_code == 400
    assert response.json()["expires_at"] == ["The access can be given for up to 30 days"]
    assert not NominalUserObjectPermission.objects.exists()
    assert _grant(analyst, own_nominal, outsider).status_code == 201


@pytest.mark.parametrize("expires_at", ["9999-12-31T23:59:59Z", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00Z"])
def test_a_grant_at_the_calendars_ends_is_refused(analyst, own_nominal, outsider, expires_at):
    response = _grant(analyst, own_nominal, outsider, expires_at=expires_at)

    assert response.status_code == 400
    assert "expires_at" in response.json()


def test_a_grant_reason_over_the_limit_is_refused(analyst, own_nominal, outsider):
    response = _grant(analyst, own_nominal, outsider, reason="x" * (bounds.REASON_MAX_LENGTH + 1))

    assert response.status_code == 400
    assert "reason" in response.json()


def test_the_grant_service_refuses_an_overlong_reason_whatever_calls_it(analyst, own_nominal, outsider):
    with pytest.raises(Exception) as refused:
        grant_create(
            actor=analyst,
            obj=own_nominal,
            user=outsider,
            tier=1,
            reason="x" * 1_000_000,
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )

    assert "reason" in refused.value.message_dict


def test_the_grant_page_refuses_a_date_beyond_grant_max_days(settings, client, analyst, own_nominal, outsider):
    settings.GRANT_MAX_DAYS = 30
    client.force_login(analyst)
    too_far = timezone.localdate() + datetime.timedelta(days=60)

    response = client.post(
        reverse("nominals:grant-add", kwargs={"kind": "nominals", "pk": own_nominal.pk}),
        {"holder": "user", "email": outsider.email, "tier": "1", "reason": "Kestrel", "expires_on": str(too_far)},
    )

    assert "The access can be given for up to 30 days" in response.content.decode()
    assert not NominalUserObjectPermission.objects.exists()
