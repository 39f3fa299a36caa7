"""The register forms as GOV.UK forms: no risk level or category chosen in advance, and dates as day,
month and year boxes (ocgshare.forms.GovUKDateField) on every form that takes one."""

import datetime

import pytest
from django.urls import reverse

from nominals.models import Nominal

from .pages_world import *  # noqa: F403 - the page tests' register
from .pages_world import signed_in

pytestmark = pytest.mark.django_db

CREATE_URL = reverse("nominals:nominal-create")


def test_the_nominal_form_chooses_no_risk_level_or_category_for_the_user(client, analyst):
    page = signed_in(client, analyst).get(CREATE_URL).content.decode()
    assert 'name="risk_level"' in page and 'name="category" type="radio"' in page
    assert " checked" not in page


def test_a_nominal_without_a_risk_level_or_category_is_refused_with_govuk_messages(client, analyst):
    response = signed_in(client, analyst).post(CREATE_URL, {"surname": "Doyle", "gender": "unknown"})
    page = response.content.decode()
    assert "There is a problem" in page
    assert page.count("Select a risk level") == 2 and page.count("Select a category of information") == 2
    assert not Nominal.objects.exists()


def test_editing_shows_the_nominals_own_risk_level_and_category(client, analyst, marsh):
    page = signed_in(client, analyst).get(reverse("nominals:nominal-edit", args=[marsh.pk])).content.decode()
    assert 'value="high" checked' in page and 'value="background" checked' in page
    assert 'name="date_of_birth-day" type="text" inputmode="numeric" autocomplete="bday-day" value="2"' in page


def test_the_ocg_form_chooses_no_category_for_the_user(client, analyst):
    page = signed_in(client, analyst).get(reverse("nominals:ocg-create")).content.decode()
    assert 'name="category" type="radio"' in page
    assert 'name="category" type="radio" value="background" checked' not in page


def test_a_date_of_birth_missing_its_month_is_explained_at_the_month(client, analyst):
    data = {
        "surname": "Doyle",
        "gender": "unknown",
        "risk_level": "low",
        "category": "background",
        "date_of_birth-day": "14",
        "date_of_birth-month": "",
        "date_of_birth-year": "1991",
    }
    page = signed_in(client, analyst).post(CREATE_URL, data).content.decode()
    assert '<a href="#id_date_of_birth-month">Date of birth must include a month</a>' in page
    month_box = 'govuk-input--width-2 govuk-input--error" id="id_date_of_birth-month"'
    assert month_box in page and 'govuk-input--error" id="id_date_of_birth-day"' not in page
    assert not Nominal.objects.exists()


def test_a_date_of_birth_in_the_future_is_refused_by_the_register_rule(client, analyst):
    tomorrow = datetime.date.today() + datetime.timedelta(days=1)
    data = {
        "surname": "Doyle",
        "gender": "unknown",
        "risk_level": "low",
        "category": "background",
        "date_of_birth-day": str(tomorrow.day),
        "date_of_birth-month": str(tomorrow.month),
        "date_of_birth-year": str(tomorrow.year),
    }
    page = signed_in(client, analyst).post(CREATE_URL, data).content.decode()
    assert page.count("The date of birth must be in the past") == 2
    assert not Nominal.objects.exists()


def test_no_page_form_uses_the_browsers_date_picker(client, analyst, marsh):
    client = signed_in(client, analyst)
    for url in (
        CREATE_URL,
        reverse("nominals:nominal-edit", args=[marsh.pk]),
        reverse("nominals:custody-add", args=[marsh.pk]),
        reverse("nominals:supervision-add", args=[marsh.pk]),
        reverse("nominals:order-add", args=[marsh.pk]),
        reverse("access-log"),
    ):
        page = client.get(url).content.decode()
        assert 'type="date"' not in page, url
