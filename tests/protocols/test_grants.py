"""The django-guardian grants an active protocol holds: one row per party × category on the agency
groups, written on activation and deleted on suspension or expiry, whatever else exists; and the
selector the access engine builds its EXISTS on."""

import pytest
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from guardian.shortcuts import get_perms
from guardian.utils import get_group_obj_perms_model, get_user_obj_perms_model

from accounts.models import Role
from protocols.models import (
    Protocol,
    ProtocolGroupObjectPermission,
    ProtocolUserObjectPermission,
)
from protocols.selectors import protocol_grants_for_user
from protocols.services.grants import grants_write
from protocols.services.groups import agency_group, agency_group_name, agency_id_of_group
from protocols.services.lifecycle import protocol_suspend
from protocols.services.signatures import protocol_submit_for_signature
from tests.factories import AgencyFactory, UserFactory

from .conftest import ALL_CATEGORIES, days, make_draft, sign_all

pytestmark = pytest.mark.django_db


def _grant_rows(protocol):
    return sorted(
        ProtocolGroupObjectPermission.objects.filter(content_object=protocol).values_list(
            "group__name", "permission__codename", "tier", "category"
        )
    )


def test_guardian_uses_the_direct_tables_for_protocols():
    assert get_group_obj_perms_model(Protocol) is ProtocolGroupObjectPermission
    assert get_user_obj_perms_model(Protocol) is ProtocolUserObjectPermission


def test_activation_grants_each_party_its_tier_and_categories(active, police, prison, council):
    expected = (
        [(f"agency:{police.pk}", f"receive_tier1_{c}", 1, c) for c in ALL_CATEGORIES]
        + [(f"agency:{prison.pk}", f"receive_tier1_{c}", 1, c) for c in ALL_CATEGORIES]
        + [(f"agency:{council.pk}", f"receive_tier2_{c}", 2, c) for c in ("background", "lifestyle")]
    )
    assert _grant_rows(active) == sorted(expected)


def test_grants_write_rewrites_exactly_what_activation_wrote(active, police_admin, prison, prison_admin):
    written = _grant_rows(active)
    ProtocolGroupObjectPermission.objects.filter(content_object=active).delete()

    assert grants_write(active) == len(written)
    assert _grant_rows(active) == written
    draft = make_draft(police_admin, reference="NW-ISP-02", parties=[(prison, 1, ["financial"], prison_admin)])
    with pytest.raises(ValueError, match="Only an active protocol"):
        grants_write(draft)
    assert _grant_rows(draft) == []


def test_rows_changed_on_activation_and_suspension_are_parties_times_categories(
    awaiting, police_admin, prison_admin, council_admin, council, prison
):
    # Other agencies, users and an unrelated active protocol must not change the count.
    for n in range(5):
        UserFactory(agency=council, roles=[Role.SPOC], email=f"officer{n}@northshire.gov.uk")
        UserFactory(agency=prison, roles=[Role.PIO], email=f"pio{n}@hmp-northshire.justice.gov.uk")
    other_lead = UserFactory(agency=AgencyFactory(name="Southshire Police"), roles=[Role.AGENCY_ADMIN])
    other = make_draft(other_lead, reference="SS-ISP-01", parties=[(prison, 1, ["financial"], prison_admin)])
    protocol_submit_for_signature(actor=other_lead, protocol=other)
    sign_all(other, other_lead, prison_admin)
    other_rows = ProtocolGroupObjectPermission.objects.filter(content_object=other).count()
    assert other_rows == 5 + 1

    parties_times_categories = 5 + 5 + 2
    before = ProtocolGroupObjectPermission.objects.count()
    sign_all(awaiting, police_admin, prison_admin, council_admin)
    assert ProtocolGroupObjectPermission.objects.count() - before == parties_times_categories

    protocol_suspend(actor=police_admin, protocol=awaiting, reason="Breach under investigation")
    assert ProtocolGroupObjectPermission.objects.count() == before
    assert ProtocolGroupObjectPermission.objects.filter(content_object=other).count() == other_rows


def test_grant_changes_cost_a_bounded_number_of_queries(active, police_admin, django_assert_max_num_queries):
    # Suspension: lock the row, read parties (+ categories), update status, delete the grants in one
    # statement, then the notifications of three contacts. Nothing scales with users or records.
    with django_assert_max_num_queries(25):
        protocol_suspend(actor=police_admin, protocol=active, reason="Audit")


def test_agency_users_hold_the_permissions_through_their_group(active, prison, council):
    pio = UserFactory(agency=prison, roles=[Role.PIO])
    spoc = UserFactory(agency=council, roles=[Role.SPOC])
    outsider = UserFactory(agency=AgencyFactory(name="Southshire Council"), roles=[Role.SPOC])
    assert pio.has_perm("protocols.receive_tier1_financial", active)
    assert spoc.has_perm("protocols.receive_tier2_lifestyle", active)
    assert not spoc.has_perm("protocols.receive_tier2_financial", active)
    assert not spoc.has_perm("protocols.receive_tier1_lifestyle", active)
    assert get_perms(outsider, active) == []


def test_grants_for_user_is_empty_for_outsiders_and_when_not_in_force(active, prison, police_admin):
    pio = UserFactory(agency=prison, roles=[Role.PIO])
    outsider = UserFactory(agency=AgencyFactory(name="Southshire Council"), roles=[Role.SPOC])
    grants = sorted(protocol_grants_for_user(pio).values_list("tier", "category"))
    assert grants == [(1, category) for category in sorted(ALL_CATEGORIES)]
    assert not protocol_grants_for_user(outsider).exists()
    # Past its end date the protocol shares nothing, even before the nightly task expires it.
    Protocol.objects.filter(pk=active.pk).update(start_date=days(-400), review_date=days(-40), end_date=days(-1))
    assert not protocol_grants_for_user(pio).exists()


def test_grants_for_user_works_as_a_correlated_exists(active, council, prison):
    """The shape the access engine uses: EXISTS(grant for my groups on this protocol, at a tier no
    more detailed than the release, for the item's category)."""
    spoc = UserFactory(agency=council, roles=[Role.SPOC])

    def visible(category, release_tier):
        grants = protocol_grants_for_user(spoc).filter(
            content_object=OuterRef("pk"), category=category, tier__lte=release_tier
        )
        return list(Protocol.objects.filter(Exists(grants)).values_list("pk", flat=True))

    assert visible("lifestyle", 2) == [active.pk]
    assert visible("lifestyle", 1) == []  # a tier 1 version is more detailed than the council may see
    assert visible("financial", 2) == []


def test_agency_group_membership_follows_the_user(police, council):
    officer = UserFactory(agency=police, roles=[Role.ANALYST])
    assert list(officer.groups.values_list("name", flat=True)) == [f"agency:{police.pk}"]
    officer.agency = council
    officer.save()
    assert list(officer.groups.values_list("name", flat=True)) == [f"agency:{council.pk}"]
    # Groups that are not agency groups are left alone.
    other = Group.objects.create(name="django-admins")
    officer.groups.add(other)
    officer.save()
    assert sorted(officer.groups.values_list("name", flat=True)) == [f"agency:{council.pk}", "django-admins"]
    assert agency_group(council) == Group.objects.get(name=f"agency:{council.pk}")


def test_migration_puts_existing_users_in_their_agency_group(police):
    """The data migration's function, run against users created without the signal."""
    import importlib

    from django.apps import apps

    officer = UserFactory(agency=police, roles=[Role.ANALYST])
    officer.groups.clear()
    migration = importlib.import_module("protocols.migrations.0003_agency_groups")
    migration.sync_groups(apps, None)
    assert list(officer.groups.values_list("name", flat=True)) == [f"agency:{police.pk}"]


def test_agency_id_of_group_reads_only_agency_groups():
    assert agency_id_of_group(agency_group_name(42)) == 42
    assert agency_id_of_group("auditors") is None
    assert agency_id_of_group("agency:") is None
    assert agency_id_of_group("agency:²") is None
