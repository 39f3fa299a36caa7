"""The likely-duplicate check finds what search would: a similar surname or alias with the same date of
birth (trigram similarity on PostgreSQL, the first three letters elsewhere), only among nominals the user
may see, and logged as a search."""

import datetime

import pytest
from django.urls import reverse

from nominals.models import Nominal
from nominals.selectors.nominals import likely_duplicates
from nominals.services.nominals import LikelyDuplicate, nominal_create
from ocgshare.models import AccessAction, AccessLogEntry

from .pages_world import signed_in

pytestmark = pytest.mark.django_db

BORN = datetime.date(1991, 6, 14)


@pytest.fixture
def parkes(analyst):
    return nominal_create(
        actor=analyst, surname="Parkes", forenames="Liam", date_of_birth=BORN, aliases=[{"surname": "Quinlan"}]
    )


def test_a_similar_surname_with_the_same_birth_date_is_a_likely_duplicate(analyst, parkes):
    with pytest.raises(LikelyDuplicate) as refusal:
        nominal_create(actor=analyst, surname="PARKER", forenames="Liam", date_of_birth=BORN)
    assert refusal.value.duplicates == [parkes]
    assert Nominal.objects.count() == 1


@pytest.mark.parametrize(
    ("surname", "aliases", "forenames"),
    [
        ("Quinlan", [], "Sean"),  # the new surname is the other's alias
        ("Quinlin", [], "Sean"),  # ... or like it
        ("Doyle", [{"surname": "Parkes"}], "Sean"),  # one of the new aliases is the other's surname
        ("Doyle", [], "Liam"),  # the same forenames
    ],
)
def test_alias_and_forename_matches_are_likely_duplicates(analyst, parkes, surname, aliases, forenames):
    with pytest.raises(LikelyDuplicate):
        nominal_create(actor=analyst, surname=surname, forenames=forenames, aliases=aliases, date_of_birth=BORN)


@pytest.mark.parametrize(
    ("surname", "forenames", "born"),
    [
        ("Doyle", "Sean", BORN),  # another name born the same day
        ("Parker", "Liam", BORN - datetime.timedelta(days=1)),  # the same name born another day
    ],
)
def test_a_different_person_is_not_a_likely_duplicate(analyst, parkes, surname, forenames, born):
    assert not likely_duplicates(user=analyst, surname=surname, forenames=forenames, date_of_birth=born).exists()
    nominal_create(actor=analyst, surname=surname, forenames=forenames, date_of_birth=born)
    assert Nominal.objects.count() == 2


def test_a_near_match_the_user_may_not_see_is_not_named(outsider, parkes):
    nominal_create(actor=outsider, surname="Parker", forenames="Liam", date_of_birth=BORN)
    assert Nominal.objects.count() == 2


def test_the_page_warns_of_a_near_match_logs_it_and_can_add_anyway(client, analyst, parkes):
    client = signed_in(client, analyst)
    data = {
        "surname": "Parker",
        "forenames": "Liam",
        "date_of_birth-day": "14",
        "date_of_birth-month": "6",
        "date_of_birth-year": "1991",
        "gender": "male",
        "risk_level": "medium",
        "category": "background",
    }

    warning = client.post(reverse("nominals:nominal-create"), data)

    page = warning.content.decode()
    assert 'data-testid="duplicate-warning"' in page and "PARKES" in page
    assert not Nominal.objects.filter(surname="Parker").exists()
    entry = AccessLogEntry.objects.filter(user=analyst, action=AccessAction.SEARCH).latest("pk")
    assert entry.result_count == 1 and "Parker" in entry.query and "1991-06-14" in entry.query
    # "Add anyway" sends the date back as its three boxes.
    assert '<input type="hidden" name="date_of_birth-month" value="6">' in page
    created = client.post(reverse("nominals:nominal-create"), {**data, "confirm_duplicate": "yes"})
    assert created.status_code == 302
    assert Nominal.objects.get(surname="Parker").date_of_birth == BORN
