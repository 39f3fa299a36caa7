"""Fixtures of the accounts tests: a third agency for the outsider, and a superuser."""

import datetime

import pytest
from django.utils import timezone

from accounts.models import Role
from tests.factories import AgencyFactory, UserFactory


@pytest.fixture
def superuser(police):
    return UserFactory(
        email="operator@ocgshare.example", agency=police, roles=[Role.AUDITOR], is_superuser=True, is_staff=True
    )


@pytest.fixture
def council_officer(council):
    return UserFactory(email="officer@northshire.gov.uk", full_name="Carol Council", agency=council)


@pytest.fixture
def police_officer(police):
    return UserFactory(email="pio@northshire.police.uk", full_name="Pat Prison", agency=police, roles=[Role.PIO])


@pytest.fixture
def in_days():
    def in_days(days):
        return timezone.localdate() + datetime.timedelta(days=days)

    return in_days


@pytest.fixture
def other_agency(db):
    return AgencyFactory(name="Southshire Police", short_name="SP")
