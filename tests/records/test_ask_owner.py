"""Next steps for partners (issue 10): on a record a partner sees, who owns it and how to reach the owning
agency's single point of contact, and a way to ask for more (a notification to that contact)."""

import pytest

from accounts.models import Role
from notifications.models import EventType, Notification
from tests.access.world import *  # noqa: F403 - the register's shared fixtures
from tests.factories import UserFactory
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def police_spoc(police):
    spoc = UserFactory(agency=police, roles=[Role.SPOC], full_name="Sam Contact", email="spoc@northshire.police.uk")
    police.spoc = spoc
    police.contact_phone = "01632 960000"
    police.save()
    return spoc


@pytest.fixture
def nominal(police):
    return NominalFactory(owning_agency=police)


def page(client, user, nominal):
    client.force_login(user)
    response = client.get(f"/register/nominals/{nominal.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def ask(client, user, nominal, message):
    client.force_login(user)
    return client.post(f"/register/nominals/{nominal.pk}/ask/", {"message": message})


def test_a_partner_sees_who_owns_the_record_and_how_to_reach_them(
    client, active_protocol, prison_pio, police_spoc, nominal
):
    html = page(client, prison_pio, nominal)
    assert "Who owns this record" in html
    assert "Sam Contact" in html and "mailto:spoc@northshire.police.uk" in html and "01632 960000" in html
    assert f"/register/nominals/{nominal.pk}/ask/" in html


def test_the_owner_is_not_told_to_ask_themselves(client, police, police_spoc, nominal):
    analyst = UserFactory(agency=police, roles=[Role.ANALYST])
    html = page(client, analyst, nominal)
    assert "Who owns this record" not in html
    assert ask(client, analyst, nominal, "More please").status_code == 403


def test_asking_notifies_the_owners_contact_once_a_day(client, active_protocol, prison_pio, police_spoc, nominal):
    response = ask(client, prison_pio, nominal, "Associates in HMP Northshire, for a transfer decision.")
    assert response.status_code == 302 and response.url == f"/register/nominals/{nominal.pk}/"
    notification = Notification.objects.get(recipient=police_spoc, event_type=EventType.INFORMATION_REQUESTED)
    assert notification.title == f"{prison_pio.full_name} (HMP Northshire) asks for more on Nominal {nominal.pk}"
    assert notification.body == "Associates in HMP Northshire, for a transfer decision."
    assert notification.url == f"/register/nominals/{nominal.pk}/"
    # The title names the record by number only.
    assert nominal.surname not in notification.title
    again = ask(client, prison_pio, nominal, "Again")
    assert again.status_code == 200 and "already asked about this record today" in again.content.decode()
    assert Notification.objects.filter(event_type=EventType.INFORMATION_REQUESTED).count() == 1


def test_a_request_needs_a_message_of_bounded_length(client, active_protocol, prison_pio, police_spoc, nominal):
    assert "Say what you need and why" in ask(client, prison_pio, nominal, "  ").content.decode()
    assert ask(client, prison_pio, nominal, "x" * 1001).status_code == 200
    assert not Notification.objects.filter(event_type=EventType.INFORMATION_REQUESTED).exists()


def test_no_contact_in_the_directory_means_no_link_and_a_clear_refusal(client, active_protocol, prison_pio, nominal):
    html = page(client, prison_pio, nominal)
    assert "No single point of contact is named in the directory" in html
    assert "/ask/" not in html
    response = ask(client, prison_pio, nominal, "Anything?")
    assert "has no single point of contact in the directory" in response.content.decode()


def test_a_record_the_user_cannot_see_cannot_be_asked_about(client, outsider, police_spoc, nominal):
    assert ask(client, outsider, nominal, "Who is this?").status_code == 404
    assert not Notification.objects.filter(event_type=EventType.INFORMATION_REQUESTED).exists()


def test_the_api_asks_the_owner_as_the_page_does(active_protocol, prison_pio, police, police_spoc, nominal, outsider):
    from rest_framework.test import APIClient

    api = APIClient()
    api.force_authenticate(prison_pio)
    url = f"/api/nominals/{nominal.pk}/ask-owner/"
    assert api.post(url, {"message": ""}, format="json").status_code == 400
    sent = api.post(url, {"message": "Current address, for a joint visit."}, format="json")
    assert sent.status_code == 201 and sent.json() == {"detail": "Your request has gone to Northshire Police."}
    assert Notification.objects.filter(recipient=police_spoc, event_type=EventType.INFORMATION_REQUESTED).count() == 1
    again = api.post(url, {"message": "Again"}, format="json")
    assert again.status_code == 400 and "already asked" in again.json()["message"][0]
    # The owner's own staff are refused; an item the user may not see does not exist for them.
    api.force_authenticate(UserFactory(agency=police, roles=[Role.ANALYST]))
    assert api.post(url, {"message": "More"}, format="json").status_code == 403
    api.force_authenticate(outsider)
    assert api.post(url, {"message": "Who?"}, format="json").status_code == 404
    assert Notification.objects.filter(event_type=EventType.INFORMATION_REQUESTED).count() == 1
