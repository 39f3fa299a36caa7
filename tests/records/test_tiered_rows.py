"""TieredSerializer plans the fields of a row once per serializer and tier (records.serializers): each
plan is exactly the fields the tier reaches, in the serializer's order, and a row is what DRF's own
field-by-field loop gives for it."""

import datetime

import pytest
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from nominals.constants import fields_for_tier
from nominals.models import NominalAlias, OtherIdentifier
from nominals.selectors.nominals import nominal_list
from nominals.serializers.nominals import NominalDetailSerializer, NominalSerializer, NominalTableSerializer
from protocols.constants import SanitisationTier
from tests.factories import PrisonFactory
from tests.nominals.factories import MembershipFactory, NominalFactory, OCGFactory

SERIALIZERS = [NominalSerializer, NominalTableSerializer, NominalDetailSerializer]
TIERS = [SanitisationTier.ORIGINATOR, 1, 2, None]


def _shown(serializer_class, tier):
    """The fields a row at `tier` carries, worked out from the kind's tiers rather than the plan."""
    every_tier = fields_for_tier("nominal", SanitisationTier.ORIGINATOR)
    reached = fields_for_tier("nominal", tier)
    shown = []
    for name in serializer_class.Meta.fields:
        source = serializer_class.field_sources.get(name, name)
        if source not in every_tier or source in reached:
            shown.append(name)
    return shown


@pytest.mark.parametrize("serializer_class", SERIALIZERS, ids=lambda cls: cls.__name__)
@pytest.mark.parametrize("tier", TIERS)
def test_the_plan_is_the_fields_the_tier_reaches_in_order(serializer_class, tier):
    plan = serializer_class().field_plan(tier)
    assert [name for name, _field, _attribute in plan] == _shown(serializer_class, tier)


@pytest.mark.parametrize("serializer_class", SERIALIZERS, ids=lambda cls: cls.__name__)
def test_a_tier_2_row_never_carries_a_closer_tiers_field(serializer_class):
    closer = fields_for_tier("nominal", SanitisationTier.ORIGINATOR) - fields_for_tier("nominal", 2)
    assert {"current_establishment", "handling_notes"} <= closer
    planned = {serializer_class.field_sources.get(name, name) for name, _f, _a in serializer_class().field_plan(2)}
    assert not planned & closer
    assert {"id", "surname", "viewer_tier"} <= planned


def test_the_plan_is_built_once_per_serializer_and_tier():
    serializer = NominalSerializer()
    assert serializer.field_plan(2) is serializer.field_plan(2)
    assert serializer.field_plan(1) is not serializer.field_plan(2)


def test_plain_attributes_are_read_directly_and_the_rest_as_drf_reads_them():
    attributes = {name: attribute for name, _field, attribute in NominalSerializer().field_plan(0)}
    assert attributes["surname"] == "surname"
    assert attributes["viewer_tier"] == "viewer_tier"
    assert attributes["created_at"] == "created_at"
    # A relation reads its pk, a dotted source walks, a method field and the URL read the row itself.
    for name in ("owning_agency", "owning_agency_name", "risk", "url", "ocgs"):
        assert attributes[name] is None, name


def _drf_row(serializer, instance):
    """The row as DRF's own loop gives it, dropping the fields above the row's tier (the serializer
    before the plan)."""
    every_tier = fields_for_tier("nominal", SanitisationTier.ORIGINATOR)
    reached = fields_for_tier("nominal", instance.viewer_tier)
    data = {}
    for field in serializer._readable_fields:
        source = serializer.field_sources.get(field.field_name, field.field_name)
        if source in every_tier and source not in reached:
            continue
        try:
            attribute = field.get_attribute(instance)
        except SkipField:
            continue
        check_for_none = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
        data[field.field_name] = None if check_for_none is None else field.to_representation(attribute)
    return data


@pytest.mark.django_db
def test_rows_at_every_tier_are_what_drfs_loop_gives(analyst):
    in_custody = NominalFactory(
        owning_agency=analyst.agency, surname="Ó Súilleabháin", current_establishment=PrisonFactory(name="HMP Ford")
    )
    NominalAlias.objects.create(nominal=in_custody, surname="Sullivan", forenames="Ó")
    OtherIdentifier.objects.create(nominal=in_custody, kind="Passport", value="123456789")
    MembershipFactory(nominal=in_custody, ocg=OCGFactory(lead_agency=analyst.agency))
    NominalFactory(owning_agency=analyst.agency, date_of_birth=None, forenames="", pnc_id="")
    NominalFactory(owning_agency=analyst.agency, date_of_birth=datetime.date(1970, 1, 1))
    request = Request(APIRequestFactory().get("/api/nominals/"))

    rows = list(nominal_list(user=analyst))
    assert len(rows) == 3
    for tier in (0, 1, 2):
        for row in rows:
            row.viewer_tier = tier  # the tier the engine would have annotated for another viewer
        serializer = NominalSerializer(rows, many=True, context={"request": request})
        data = serializer.data
        assert [list(row.items()) for row in data] == [list(_drf_row(serializer.child, row).items()) for row in rows]
        shown = next(row for row in data if row["id"] == in_custody.pk)
        assert shown["url"] == f"http://testserver/api/nominals/{in_custody.pk}/"
        assert shown["aliases"] == [{"surname": "Sullivan", "forenames": "Ó"}]
        assert ("handling_notes" in shown) == (tier == 0)
        if tier == 2:
            assert all("current_establishment" not in row for row in data)
        else:
            assert shown["current_establishment"]["name"] == "HMP Ford"
