"""The register kit (records/) works for any registered record kind, found through the access engine's
Policy registry, and its service-error mapping (ocgshare.service_errors) for any app."""

import datetime

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

import access
from access.policies import policies
from accounts.models import Role
from agencies.models import AgencyKind
from nominals.constants import fields_for_tier
from ocgshare.models import AccessAction, AccessLogEntry
from ocgshare.service_errors import add_service_errors, service_errors
from records.models import GroupGrant, UserGrant, grant_models
from records.pages import pages_for
from records.selectors import grant_get, grants_of
from records.serializers import TieredSerializer, tier_field_names
from records.services import grant_create, grant_revoke
from tests.factories import AgencyFactory, UserFactory
from tests.nominals.factories import EntityFactory, NominalFactory, OCGFactory

GRANTED_KINDS = [policy.kind for policy in policies() if policy.user_grant_model is not None]
FACTORIES = {"nominal": NominalFactory, "ocg": OCGFactory}


def _item(kind, owner):
    policy = access.policy_for(kind)
    return FACTORIES[kind](**{policy.owner_field: owner})


def test_the_register_kinds_with_grants_are_nominals_and_ocgs():
    assert sorted(GRANTED_KINDS) == ["nominal", "ocg"]
    assert set(FACTORIES) == set(GRANTED_KINDS), "a new kind with grants gets a factory here"


@pytest.mark.parametrize("kind", GRANTED_KINDS)
def test_every_kind_with_grants_has_tables_of_the_kits_shape_and_pages(kind):
    user_model, group_model = grant_models(kind)
    assert issubclass(user_model, UserGrant) and issubclass(group_model, GroupGrant)
    assert not user_model._meta.abstract and not group_model._meta.abstract
    assert pages_for(access.policy_for(kind).model).model is access.policy_for(kind).model


def test_a_kind_without_grants_takes_none(db):
    with pytest.raises(TypeError):
        grant_models("entity")
    analyst = UserFactory(roles=[Role.ANALYST])
    entity = EntityFactory(owning_agency=analyst.agency)
    with pytest.raises(TypeError):
        grant_create(
            actor=analyst,
            obj=entity,
            user=analyst,
            tier=2,
            reason="x",
            expires_at=timezone.now() + datetime.timedelta(days=1),
        )


@pytest.mark.django_db
@pytest.mark.parametrize("kind", GRANTED_KINDS)
def test_grant_give_list_and_revoke_work_for_every_kind_with_grants(kind):
    owner = AgencyFactory(kind=AgencyKind.POLICE_FORCE)
    analyst = UserFactory(agency=owner, roles=[Role.ANALYST])
    partner = AgencyFactory(kind=AgencyKind.POLICE_FORCE)
    reader = UserFactory(agency=partner, roles=[Role.ANALYST])
    item = _item(kind, owner)
    assert not access.can_see(reader, item)

    later = timezone.now() + datetime.timedelta(days=3)
    to_user = grant_create(actor=analyst, obj=item, user=reader, tier=2, reason="Joint op", expires_at=later)
    to_agency = grant_create(actor=analyst, obj=item, agency=partner, tier=1, reason="Enquiry", expires_at=later)

    user_model, group_model = grant_models(kind)
    assert isinstance(to_user, user_model) and isinstance(to_agency, group_model)
    assert grants_of(actor=analyst, obj=item) == ([to_user], [to_agency])
    assert grant_get(item, "user", to_user.pk) == to_user and grant_get(item, "agency", to_user.pk) != to_user
    access.forget_viewer(reader)  # the engine reads the user's routes once, as per request
    assert access.tier_for(reader, item) == 1

    grant_revoke(actor=analyst, grant=to_agency)
    grant_revoke(actor=analyst, grant=to_user)
    assert grants_of(actor=analyst, obj=item) == ([], [])
    access.forget_viewer(reader)
    assert not access.can_see(reader, item)
    logged = AccessLogEntry.objects.filter(object_type=kind, object_id=item.pk)
    assert sorted(logged.values_list("action", flat=True)) == sorted(
        [AccessAction.GRANT] * 2 + [AccessAction.REVOKE] * 2
    )


@pytest.mark.parametrize("kind", [policy.kind for policy in policies()])
def test_tiered_serializers_read_the_tiers_from_the_kinds_policy(kind):
    for tier in (None, 0, 1, 2):
        assert tier_field_names(kind, tier) == fields_for_tier(kind, tier)

    class Tiered(TieredSerializer):
        tier_kind = kind

    tiers = access.policy_for(kind).tier_fields
    for tier, names in tiers.items():
        for name in names:
            assert Tiered.field_tier(name) == (tier if tier < max(tiers) else None)
    assert Tiered.field_tier("no_such_field") is None


class _Refusing(APIView):
    authentication_classes = []
    permission_classes = []
    error = None

    def post(self, request):
        with service_errors():
            raise self.error


def test_service_errors_map_a_validation_error_to_a_400_with_field_errors():
    error = ValidationError({"name": ["Enter a name"], "__all__": ["Not like this"]})
    response = _Refusing.as_view(error=error)(APIRequestFactory().post("/x/", {}, format="json"))
    assert response.status_code == 400
    assert response.data == {"name": ["Enter a name"], "non_field_errors": ["Not like this"]}

    response = _Refusing.as_view(error=ValidationError("No"))(APIRequestFactory().post("/x/", {}, format="json"))
    assert (response.status_code, response.data) == (400, {"non_field_errors": ["No"]})


def test_add_service_errors_puts_each_message_under_its_field_or_at_the_top():
    class Form(forms.Form):
        name = forms.CharField(required=False)
        ends_on = forms.DateField(required=False)

    form = Form({})
    assert form.is_valid()
    error = ValidationError({"name": ["Enter a name"], "expires_at": ["Too late"], "other": ["Elsewhere"]})
    add_service_errors(form, error, {"expires_at": "ends_on"})
    assert form.errors == {"name": ["Enter a name"], "ends_on": ["Too late"], "__all__": ["Elsewhere"]}

    form = Form({})
    form.is_valid()
    add_service_errors(form, ValidationError("Refused"))
    assert form.non_field_errors() == ["Refused"]
