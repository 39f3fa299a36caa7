import pytest
from django.db.models import OuterRef
from django.db.models.functions import JSONObject

from nominals.models import Nominal, NominalAlias
from ocgshare.expressions import JSONRows
from tests.nominals.factories import NominalFactory

pytestmark = pytest.mark.django_db


def _with_aliases(queryset):
    aliases = NominalAlias.objects.filter(nominal_id=OuterRef("pk")).values(
        item=JSONObject(surname="surname", forenames="forenames")
    )
    return queryset.annotate(alias_rows=JSONRows(aliases))


def test_the_rows_come_as_a_list_of_objects_in_the_querysets_order():
    nominal = NominalFactory()
    for surname, forenames in [("Zeller", "Ann"), ("Adams", "Bo"), ("Adams", "Al")]:
        NominalAlias.objects.create(nominal=nominal, surname=surname, forenames=forenames)

    row = _with_aliases(Nominal.objects.filter(pk=nominal.pk)).get()

    # NominalAlias orders by surname, then forenames.
    assert row.alias_rows == [
        {"surname": "Adams", "forenames": "Al"},
        {"surname": "Adams", "forenames": "Bo"},
        {"surname": "Zeller", "forenames": "Ann"},
    ]


def test_no_rows_give_an_empty_list_and_each_row_gets_only_its_own():
    lonely, other = NominalFactory(), NominalFactory()
    NominalAlias.objects.create(nominal=other, surname="Other", forenames="")

    rows = {n.pk: n.alias_rows for n in _with_aliases(Nominal.objects.filter(pk__in=[lonely.pk, other.pk]))}

    assert rows == {lonely.pk: [], other.pk: [{"surname": "Other", "forenames": ""}]}


def test_a_queryset_that_can_match_nothing_gives_an_empty_list():
    nominal = NominalFactory()
    NominalAlias.objects.create(nominal=nominal, surname="Kept", forenames="")
    nothing = NominalAlias.objects.none().values(item=JSONObject(surname="surname"))

    row = Nominal.objects.annotate(alias_rows=JSONRows(nothing)).get(pk=nominal.pk)

    assert row.alias_rows == []
