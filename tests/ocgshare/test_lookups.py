import pytest
from django.db import connection
from django.db.models import Q

from agencies.models import Agency
from tests.factories import AgencyFactory

pytestmark = pytest.mark.django_db


def test_in_ids_matches_like_in():
    agencies = AgencyFactory.create_batch(3)
    wanted = {agencies[0].pk, agencies[2].pk}
    assert set(Agency.objects.filter(pk__in_ids=wanted).values_list("pk", flat=True)) == wanted
    assert set(Agency.objects.filter(pk__in_ids=[str(agencies[1].pk)]).values_list("pk", flat=True)) == {agencies[1].pk}


def test_an_empty_list_matches_nothing_and_combines_in_an_or():
    agency = AgencyFactory()
    assert not Agency.objects.filter(pk__in_ids=[]).exists()
    assert list(Agency.objects.filter(Q(pk__in_ids=[]) | Q(pk=agency.pk))) == [agency]


def test_on_postgresql_the_ids_are_one_array_parameter():
    query = str(Agency.objects.filter(pk__in_ids=[3, 1, 2]).query)
    if connection.vendor == "postgresql":
        assert "= ANY(" in query
    else:
        assert "IN (1, 2, 3)" in query


def test_only_integers_are_accepted():
    with pytest.raises(ValueError):
        list(Agency.objects.filter(pk__in_ids=["1; DROP TABLE x"]))
