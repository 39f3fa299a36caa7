"""The access engine, rule by rule: owner, protocol partners at tier 1 and tier 2, outsiders, each
protocol state, categories, need-to-know grants, vetting and roles. Protocols go through their real
lifecycle (protocols.services)."""

import ast
import dataclasses
import datetime
import pathlib
from collections import Counter

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.utils import timezone
from rest_framework import generics, serializers
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory, force_authenticate
from rest_framework.views import APIView

import access
from access.conditions import conditions_for
from accounts.models import Role, VettingLevel
from nominals.constants import FIELD_TIERS
from nominals.models import OCG, Entity, Nominal, NominalGroupObjectPermission, OCGMembership
from ocgshare.constants import InformationCategory
from ocgshare.models import AccessBasis
from protocols.models import ProtocolGroupObjectPermission
from protocols.services.lifecycle import protocol_reinstate, protocol_suspend
from protocols.services.parties import party_update
from protocols.tasks import expire_protocols
from records.services import grant_create, grant_revoke
from tests.factories import UserFactory
from tests.nominals.factories import EntityFactory, NominalFactory, OCGFactory

from .world import ALL_CATEGORIES, make_protocol, sign, submit

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as the next request loads them (nothing cached from an earlier request)."""
    return type(user).objects.get(pk=user.pk)


def seen(user, obj):
    return access.access_for(fresh(user), obj)


@pytest.fixture
def nominal(police, analyst):
    return NominalFactory(owning_agency=police, surname="Hargreaves")


def test_owner_register_staff_see_their_items_at_tier_0(analyst, nominal):
    assert seen(analyst, nominal) == access.Access(tier=0, basis=AccessBasis.OWN_AGENCY)


@pytest.mark.parametrize("role", [Role.PIO, Role.ANALYST, Role.SANITISER, Role.PARTNERSHIP_LEAD])
def test_every_register_role_sees_its_own_agency_items(police, nominal, role):
    user = UserFactory(agency=police, roles=[role])
    assert access.tier_for(user, nominal) == 0


@pytest.mark.parametrize("role", [Role.AGENCY_ADMIN, Role.AUDITOR])
def test_administrators_and_auditors_see_nothing_of_the_register(police, nominal, active_protocol, role):
    user = UserFactory(agency=police, roles=[role])
    assert access.tier_for(user, nominal) is None
    assert not access.visible(user, Nominal.objects.all()).exists()


def test_partner_under_active_protocol_sees_at_its_tier_on_the_protocol_basis(
    active_protocol, nominal, prison_pio, council_spoc
):
    assert seen(prison_pio, nominal) == access.Access(
        tier=1, basis=AccessBasis.PROTOCOL, protocol_id=active_protocol.pk
    )
    assert seen(council_spoc, nominal) == access.Access(
        tier=2, basis=AccessBasis.PROTOCOL, protocol_id=active_protocol.pk
    )


def test_outsider_sees_nothing(active_protocol, nominal, outsider):
    assert seen(outsider, nominal) is None


@pytest.mark.parametrize("state", ["draft", "awaiting"])
def test_protocol_not_yet_active_shares_nothing(request, state, nominal, prison_pio, council_spoc):
    request.getfixturevalue(f"{state}_protocol")
    assert seen(prison_pio, nominal) is None
    assert seen(council_spoc, nominal) is None


def test_awaiting_one_signature_shares_nothing(awaiting_protocol, police_admin, prison_admin, nominal, prison_pio):
    sign(awaiting_protocol, police_admin, prison_admin)
    assert seen(prison_pio, nominal) is None


def test_suspension_takes_effect_on_the_next_request(active_protocol, police_admin, nominal, prison_pio):
    request_user = fresh(prison_pio)
    assert access.tier_for(request_user, nominal) == 1
    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Breach")
    assert seen(prison_pio, nominal) is None
    protocol_reinstate(actor=police_admin, protocol=active_protocol)
    assert seen(prison_pio, nominal).tier == 1


def test_expired_protocol_shares_nothing_even_before_the_expiry_task_runs(
    active_protocol, nominal, prison_pio, monkeypatch
):
    later = active_protocol.end_date + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later)
    assert seen(prison_pio, nominal) is None
    expire_protocols()
    assert not ProtocolGroupObjectPermission.objects.filter(content_object=active_protocol).exists()


def test_category_not_covered_is_not_shared(active_protocol, police, prison_pio, council_spoc):
    financial = NominalFactory(owning_agency=police, category=InformationCategory.FINANCIAL)
    assert seen(prison_pio, financial).tier == 1
    assert seen(council_spoc, financial) is None


def test_owning_agency_must_be_a_party(police_admin, prison, prison_admin, council, council_admin, prison_pio):
    # A protocol between the prison and the council only does not share the police's nominals.
    council_lead = UserFactory(agency=council, roles=[Role.AGENCY_ADMIN, Role.PARTNERSHIP_LEAD])
    protocol = make_protocol(council_lead, reference="PC-ISP-01", parties=[(prison, 1, ALL_CATEGORIES, prison_admin)])
    party_update(
        actor=council_lead,
        party=protocol.parties.get(agency=council),
        max_tier=2,
        categories=["background"],
        signatory=council_lead,
    )
    sign(submit(protocol, council_lead), council_lead, prison_admin)
    police_nominal = NominalFactory(owning_agency=police_admin.agency)
    council_nominal = NominalFactory(owning_agency=council)
    assert seen(prison_pio, police_nominal) is None
    assert seen(prison_pio, council_nominal).tier == 1


def test_most_generous_protocol_applies(active_protocol, police, police_admin, prison, prison_admin, nominal):
    # A second active protocol gives the prison only tier 2: the tier-1 protocol still applies.
    second = make_protocol(police_admin, reference="NW-ISP-02", parties=[(prison, 2, ["background"], prison_admin)])
    sign(submit(second, police_admin), police_admin, prison_admin)
    pio = UserFactory(agency=prison, roles=[Role.PIO])
    assert seen(pio, nominal) == access.Access(tier=1, basis=AccessBasis.PROTOCOL, protocol_id=active_protocol.pk)
    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Review")
    assert seen(pio, nominal) == access.Access(tier=2, basis=AccessBasis.PROTOCOL, protocol_id=second.pk)


def test_owning_agency_spoc_reaches_its_own_items_through_the_protocol(active_protocol, council, council_spoc):
    own = NominalFactory(owning_agency=council)
    assert seen(council_spoc, own) == access.Access(tier=2, basis=AccessBasis.PROTOCOL, protocol_id=active_protocol.pk)


# --- need-to-know grants --------------------------------------------------------------------------------


def _in(days):
    return timezone.now() + datetime.timedelta(days=days)


def test_user_grant_gives_its_tier_until_it_expires(analyst, nominal, outsider, monkeypatch):
    assert seen(outsider, nominal) is None
    grant = grant_create(actor=analyst, obj=nominal, user=outsider, tier=1, reason="Joint operation", expires_at=_in(7))
    assert seen(outsider, nominal) == access.Access(tier=1, basis=AccessBasis.USER_GRANT, grant_id=grant.pk)
    later = timezone.now() + datetime.timedelta(days=8)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert seen(outsider, nominal) is None


def test_agency_grant_reaches_every_reader_of_the_agency(analyst, nominal, outsider_agency, outsider):
    spoc = UserFactory(agency=outsider_agency, roles=[Role.SPOC])
    admin = UserFactory(agency=outsider_agency, roles=[Role.AGENCY_ADMIN])
    grant = grant_create(
        actor=analyst, obj=nominal, agency=outsider_agency, tier=2, reason="Cross-border", expires_at=_in(7)
    )
    assert isinstance(grant, NominalGroupObjectPermission)
    assert seen(outsider, nominal) == access.Access(tier=2, basis=AccessBasis.AGENCY_GRANT, grant_id=grant.pk)
    assert seen(spoc, nominal).tier == 2
    assert seen(admin, nominal) is None


def test_revoked_grant_gives_nothing(analyst, nominal, outsider):
    grant = grant_create(actor=analyst, obj=nominal, user=outsider, tier=2, reason="Enquiry", expires_at=_in(7))
    grant_revoke(actor=analyst, grant=grant)
    assert seen(outsider, nominal) is None


def test_grants_on_nominals_and_ocgs_are_read_in_one_query_and_kept_apart(
    analyst, police, nominal, outsider_agency, outsider, django_assert_num_queries
):
    ocg = OCGFactory(lead_agency=police)
    on_nominal = grant_create(actor=analyst, obj=nominal, user=outsider, tier=2, reason="Enquiry", expires_at=_in(7))
    on_ocg = grant_create(actor=analyst, obj=ocg, agency=outsider_agency, tier=2, reason="Enquiry", expires_at=_in(7))
    viewer = access.viewer_for(fresh(outsider))

    # The sharing version, then the grants.
    with django_assert_num_queries(2):
        nominal_routes = viewer.grant_routes(access.policy_for(Nominal))
        ocg_routes = viewer.grant_routes(access.policy_for(OCG))
        assert viewer.grant_routes(access.policy_for(Entity)) == ()

    assert nominal_routes == ((nominal.pk, 2, AccessBasis.USER_GRANT, on_nominal.pk),)
    assert ocg_routes == ((ocg.pk, 2, AccessBasis.AGENCY_GRANT, on_ocg.pk),)


def test_grant_and_protocol_give_the_more_generous_tier(active_protocol, analyst, nominal, council_spoc, prison_pio):
    assert seen(council_spoc, nominal).tier == 2
    # A council may not receive tier 1, so a grant cannot raise it above the protocol; a grant to the
    # prison at tier 2 does not lower what the protocol gives.
    grant_create(actor=analyst, obj=nominal, user=prison_pio, tier=2, reason="Duplicate", expires_at=_in(7))
    assert seen(prison_pio, nominal).basis == AccessBasis.PROTOCOL
    assert seen(prison_pio, nominal).tier == 1


# --- vetting ---------------------------------------------------------------------------------------------


def test_partner_below_ctc_is_served_tier_2(active_protocol, nominal, bpss_prison_pio):
    assert seen(bpss_prison_pio, nominal).tier == 2


def test_owner_below_ctc_is_served_tier_2(police, nominal):
    user = UserFactory(agency=police, roles=[Role.ANALYST], vetting_level=VettingLevel.BPSS)
    assert access.tier_for(user, nominal) == 2
    assert not access.is_owner_staff(user, police.pk)


def test_tier_1_only_items_are_hidden_below_ctc(police, active_protocol, prison_pio, bpss_prison_pio):
    entity = EntityFactory(owning_agency=police)
    assert access.tier_for(fresh(prison_pio), entity) == 1
    assert access.tier_for(fresh(bpss_prison_pio), entity) is None
    assert not access.visible(bpss_prison_pio, Entity.objects.all()).exists()


def test_tier_2_partner_sees_no_entities(police, active_protocol, council_spoc):
    entity = EntityFactory(owning_agency=police, kind="address", value="NT1 2AB, 1 High Street")
    assert access.tier_for(council_spoc, entity) is None


def test_expired_vetting_sees_nothing(police, nominal):
    user = UserFactory(
        agency=police, roles=[Role.ANALYST], vetting_expires=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert access.tier_for(user, nominal) is None
    assert not access.can_read_aggregates(user)


def test_aggregates_are_open_to_every_signed_in_user(police_admin, council_admin, nominal):
    assert access.aggregate_queryset(council_admin, Nominal).count() == 1


# --- one statement, a bounded cost -----------------------------------------------------------------------


def test_visible_list_is_one_query_whatever_the_number_of_items(
    active_protocol, police, prison_pio, django_assert_num_queries
):
    NominalFactory.create_batch(30, owning_agency=police)
    OCGFactory(lead_agency=police)
    user = fresh(prison_pio)
    # Once per request: roles, groups, the sharing version, and (not yet cached) the agency's protocol
    # grants and the user's grants on nominals; then the EXISTS itself.
    with django_assert_num_queries(6):
        access.only_visible(user, Nominal.objects.all()).exists()
    with django_assert_num_queries(1):
        rows = list(access.visible(user, Nominal.objects.all()))
    assert len(rows) == 30
    # The basis comes from the routes already read: no further query.
    with django_assert_num_queries(0):
        seen = {access.access_of(user, r) for r in rows}
    assert seen == {access.Access(tier=1, basis=AccessBasis.PROTOCOL, protocol_id=active_protocol.pk)}


def test_the_viewer_is_read_once_per_request(prison_pio, django_assert_num_queries):
    user = fresh(prison_pio)
    # The roles and the group ids.
    with django_assert_num_queries(2):
        access.viewer_for(user)
        access.viewer_for(user)


def test_suspension_changes_rows_independent_of_the_number_of_items(active_protocol, police, police_admin):
    NominalFactory.create_batch(20, owning_agency=police)
    before = ProtocolGroupObjectPermission.objects.count()
    protocol_suspend(actor=police_admin, protocol=active_protocol, reason="Audit")
    # police 5 + prison 5 + council 2 grant rows, whatever the number of register items.
    assert before - ProtocolGroupObjectPermission.objects.count() == 12


# --- the registry: record kinds register their policies ----------------------------------------------------


def test_the_engine_names_no_domain_model():
    # Record kinds register with the engine (nominals/apps.py); the engine imports none of them.
    domain_apps = {"nominals", "intelligence", "notifications"}
    for module in pathlib.Path(access.__file__).parent.glob("*.py"):
        for node in ast.walk(ast.parse(module.read_text())):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            else:
                continue
            assert not {name.split(".")[0] for name in names} & domain_apps, f"{module.name} imports {names}"


@pytest.mark.parametrize("kind", ["nominal", "ocg", "entity", "association"])
def test_the_register_kinds_are_registered_by_kind_and_by_model(kind):
    policy = access.policy_for(kind)
    assert access.policy_for(policy.model) is policy
    assert policy.tier_fields == FIELD_TIERS[kind]
    assert policy.widest_tier == max(FIELD_TIERS[kind])
    assert policy.release is None  # shared by (owner, category) under protocols, not record by record


def test_unknown_kinds_and_models_are_errors_that_name_them():
    with pytest.raises(LookupError, match="'target' is not a record kind registered"):
        access.policy_for("target")
    with pytest.raises(LookupError, match="^OCGMembership is not a record kind registered"):
        access.policy_for(OCGMembership)


def test_registering_a_kind_or_a_model_twice_is_an_error():
    nominal = access.policy_for("nominal")
    with pytest.raises(ImproperlyConfigured, match="already has a policy for the kind 'nominal'"):
        access.register(nominal)
    with pytest.raises(ImproperlyConfigured, match="already has a policy for Nominal"):
        access.register(dataclasses.replace(nominal, kind="person"))
    with pytest.raises(LookupError):
        access.policy_for("person")


def test_a_kind_released_record_by_record_is_refused_until_the_engine_reads_releases(analyst):
    # The extension point for intelligence (access.conditions): never read as (owner, category) sharing.
    release = access.Release(model=ProtocolGroupObjectPermission, item_field="group")
    policy = dataclasses.replace(access.policy_for("nominal"), kind="released", release=release)
    with pytest.raises(NotImplementedError, match="'released' policy names a release table"):
        conditions_for(access.viewer_for(fresh(analyst)), policy)


# --- access_get: the permission-checked fetch by primary key ------------------------------------------------


def test_access_get_fetches_through_the_engine_by_kind_or_model(analyst, active_protocol, prison_pio, nominal):
    assert access.access_get(fresh(analyst), "nominal", nominal.pk).viewer_tier == 0
    item = access.access_get(fresh(prison_pio), Nominal, str(nominal.pk))
    assert item == nominal
    assert item.viewer_tier == 1
    assert access.access_of(prison_pio, item).protocol_id == active_protocol.pk


def test_access_get_takes_a_queryset_to_fetch_related_rows_in_the_same_query(
    analyst, prison_pio, active_protocol, nominal, outsider, django_assert_num_queries
):
    user = fresh(prison_pio)
    access.access_get(user, "nominal", nominal.pk)  # the viewer, read once per request
    with django_assert_num_queries(1):
        item = access.access_get(user, Nominal.objects.select_related("owning_agency"), nominal.pk)
        assert (item.viewer_tier, item.owning_agency.name) == (1, nominal.owning_agency.name)
    with pytest.raises(Http404):
        access.access_get(fresh(outsider), Nominal.objects.select_related("owning_agency"), nominal.pk)


def test_access_get_answers_alike_for_the_missing_and_the_unseen(nominal, outsider):
    user = fresh(outsider)
    answers = set()
    for pk in (nominal.pk, nominal.pk + 1000, "not-a-number", 2**70):
        with pytest.raises(Http404) as raised:
            access.access_get(user, "nominal", pk)
        answers.add(str(raised.value))
    assert answers == {"No Nominal matches the given query."}


def test_access_get_is_one_query_once_the_request_has_read_the_viewer(
    active_protocol, police, prison_pio, django_assert_num_queries
):
    first, second = NominalFactory.create_batch(2, owning_agency=police)
    user = fresh(prison_pio)
    # Roles, groups, the sharing version, the agency's protocol grants, the user's grants, then the item.
    with django_assert_num_queries(6):
        access.access_get(user, "nominal", first.pk)
    with django_assert_num_queries(1):
        assert access.access_get(user, "nominal", second.pk).viewer_tier == 1


class _ItemSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    viewer_tier = serializers.IntegerField()


class _ByGet(APIView):
    permission_classes = []

    def get(self, request, pk):
        return Response(_ItemSerializer(access.access_get(request.user, "nominal", pk)).data)


class _ByQueryset(generics.RetrieveAPIView):
    permission_classes = []
    serializer_class = _ItemSerializer

    def get_queryset(self):
        return access.access_queryset(self.request.user, Nominal)


@pytest.mark.parametrize("view", [_ByGet, _ByQueryset])
def test_drf_answers_404_alike_for_the_missing_and_the_unseen(view, analyst, nominal, outsider):
    def get(user, pk):
        request = APIRequestFactory().get(f"/items/{pk}")
        force_authenticate(request, user=fresh(user))
        response = view.as_view()(request, pk=pk)
        response.render()
        return response

    shown = get(analyst, nominal.pk)
    assert (shown.status_code, shown.data) == (200, {"id": nominal.pk, "viewer_tier": 0})
    unseen, missing = get(outsider, nominal.pk), get(outsider, nominal.pk + 1000)
    assert unseen.status_code == missing.status_code == 404
    assert unseen.content == missing.content


# --- hidden_counts: what exists but may not be seen, by owning agency only -------------------------------------


@pytest.fixture
def register_of_three_agencies(police, prison, council, analyst, outsider, active_protocol):
    """Items of every category at the police, a few at the prison and the council, one granted to the
    outsider; OCGs and entities too."""
    for category in ALL_CATEGORIES:
        NominalFactory.create_batch(2, owning_agency=police, category=category)
    NominalFactory.create_batch(3, owning_agency=prison, category=InformationCategory.FINANCIAL)
    NominalFactory(owning_agency=council, category=InformationCategory.LIFESTYLE)
    granted = NominalFactory(owning_agency=police, category=InformationCategory.FINANCIAL)
    grant_create(actor=analyst, obj=granted, user=outsider, tier=2, reason="Enquiry", expires_at=_in(7))
    OCGFactory.create_batch(2, lead_agency=police)
    OCGFactory(lead_agency=prison, category=InformationCategory.FINANCIAL)
    EntityFactory.create_batch(2, owning_agency=police)
    EntityFactory(owning_agency=council)


def _everyone(police, prison, council, outsider, outsider_agency):
    return {
        "owner analyst": UserFactory(agency=police, roles=[Role.ANALYST]),
        "prison PIO (tier 1)": UserFactory(agency=prison, roles=[Role.PIO]),
        "prison PIO below CTC": UserFactory(agency=prison, roles=[Role.PIO], vetting_level=VettingLevel.BPSS),
        "council SPOC (tier 2)": UserFactory(agency=council, roles=[Role.SPOC]),
        "outsider with a grant": outsider,
        "outsider SPOC": UserFactory(agency=outsider_agency, roles=[Role.SPOC]),
        "police auditor": UserFactory(agency=police, roles=[Role.AUDITOR]),
    }


@pytest.mark.parametrize("model", [Nominal, OCG, Entity])
def test_hidden_counts_and_the_visible_set_partition_the_table(
    register_of_three_agencies, police, prison, council, outsider, outsider_agency, model
):
    everyone = _everyone(police, prison, council, outsider, outsider_agency)
    owner_id = access.policy_for(model).owner_id
    every_item = Counter(model.objects.values_list(owner_id, flat=True))
    for name, user in everyone.items():
        user = fresh(user)
        shown = Counter(access.visible(user, model.objects.all()).values_list(owner_id, flat=True))
        hidden = access.hidden_counts(user, model)
        assert all(count > 0 for count in hidden.values()), name
        assert shown + Counter(hidden) == every_item, name


def test_hidden_counts_tell_nothing_to_whoever_may_not_read_aggregates(
    register_of_three_agencies, police, django_assert_num_queries
):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    shut_out = {
        "signed out": AnonymousUser(),
        "disabled": UserFactory(agency=police, roles=[Role.ANALYST], is_active=False),
        "vetting expired": UserFactory(agency=police, roles=[Role.ANALYST], vetting_expires=yesterday),
    }
    for name, user in shut_out.items():
        user = fresh(user) if user.is_authenticated else user
        assert not access.can_read_aggregates(user), name
        for model in (Nominal, OCG, Entity):
            with django_assert_num_queries(0):
                assert access.hidden_counts(user, model) == {}, name


def test_hidden_counts_count_by_owning_agency_and_tell_nothing_else(
    register_of_three_agencies, police, prison, council, council_spoc
):
    # The council's SPOC reaches the police's background and lifestyle nominals (tier 2) and its own
    # (through the protocol): everything else is hidden, counted per owner.
    assert access.hidden_counts(fresh(council_spoc), "nominal") == {
        police.pk: 2 * (len(ALL_CATEGORIES) - 2) + 1,
        prison.pk: 3,
    }


def test_hidden_counts_is_one_query(register_of_three_agencies, prison_pio, django_assert_num_queries):
    user = fresh(prison_pio)
    access.visible(user, Nominal.objects.all()).exists()
    with django_assert_num_queries(1):
        access.hidden_counts(user, "nominal")
