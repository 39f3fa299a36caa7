"""`generate_dataset` (synthetic data for benchmarks) at a tiny size, and `bench_register` running over it:
the counts asked for, the national mix, active protocols holding exactly the grants the protocols service
gives, determinism with a seed, never touching other data, and the benchmark refusing SQLite."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from accounts.models import User
from agencies.models import Agency, AgencyKind
from demo import synthetic
from nominals.models import OCG, CustodyEpisode, Entity, EntityLink, Nominal, OCGMembership, Transfer
from ocgshare.models import AccessLogEntry
from protocols.constants import ProtocolStatus, receive_codename
from protocols.models import Protocol, ProtocolGroupObjectPermission, ProtocolPartyCategory
from protocols.services.groups import agency_group_name
from tests.factories import AgencyFactory, UserFactory

pytestmark = pytest.mark.django_db

TINY = {"agencies": 12, "users": 36, "isps": 8, "nominals": 80, "ocgs": 6, "entities": 90}
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL only")


def generate(seed=7, **options):
    out = StringIO()
    call_command("generate_dataset", **{**TINY, **options}, seed=seed, stdout=out)
    return out.getvalue()


def snapshot():
    """What the data set contains, without primary keys or timestamps (which differ between runs)."""
    agencies = synthetic.synthetic_agencies()
    return {
        "agencies": list(agencies.order_by("name").values_list("name", "kind", "region")),
        "users": list(
            User.objects.filter(agency__in=agencies)
            .order_by("pk")
            .values_list("full_name", "agency__name", "vetting_level", "user_roles__role")
        ),
        "protocols": list(
            Protocol.objects.filter(reference__startswith=synthetic.PROTOCOL_PREFIX)
            .order_by("reference", "parties__agency__name")
            .values_list("reference", "status", "lead_agency__name", "parties__agency__name", "parties__max_tier")
        ),
        "nominals": list(
            Nominal.objects.filter(owning_agency__in=agencies)
            .order_by("pk")
            .values_list(
                "surname",
                "forenames",
                "date_of_birth",
                "category",
                "owning_agency__name",
                "risk_level",
                "pnc_id",
                "prison_number",
                "current_establishment__name",
            )
        ),  # fmt: skip
        "memberships": list(
            OCGMembership.objects.filter(ocg__lead_agency__in=agencies)
            .order_by("pk")
            .values_list("ocg__reference", "nominal__surname", "role")
        ),
        "entities": list(Entity.objects.filter(owning_agency__in=agencies).order_by("pk").values_list("kind", "value")),
    }


def test_builds_the_sizes_asked_for_in_the_national_mix():
    output = generate()

    agencies = synthetic.synthetic_agencies()
    assert agencies.count() == TINY["agencies"]
    kinds = {kind: agencies.filter(kind=kind).count() for kind in AgencyKind.values}
    assert kinds[AgencyKind.POLICE_FORCE] >= 2 and kinds[AgencyKind.PRISON] >= 2
    assert kinds[AgencyKind.PROBATION_REGION] >= 1 and kinds[AgencyKind.REGIONAL_NATIONAL_UNIT] >= 1
    assert User.objects.filter(agency__in=agencies).count() == TINY["users"]
    assert Protocol.objects.filter(reference__startswith=synthetic.PROTOCOL_PREFIX).count() == TINY["isps"]
    assert Nominal.objects.filter(owning_agency__in=agencies).count() == TINY["nominals"]
    assert OCG.objects.filter(lead_agency__in=agencies).count() == TINY["ocgs"]
    assert Entity.objects.filter(owning_agency__in=agencies).count() == TINY["entities"]
    assert EntityLink.objects.filter(entity__owning_agency__in=agencies).count() >= TINY["entities"]
    assert OCGMembership.objects.filter(ocg__lead_agency__in=agencies).count() >= 2 * TINY["ocgs"]
    assert "nominals.Nominal" in output
    # Rows validate as if entered through the forms.
    for model in (Nominal, CustodyEpisode, Transfer, OCGMembership, Entity, EntityLink):
        for obj in model.objects.all()[:40]:
            obj.full_clean()


def test_users_belong_to_their_agency_group_with_one_role_each():
    generate()

    users = User.objects.filter(agency__in=synthetic.synthetic_agencies()).prefetch_related("groups", "user_roles")
    for user in users:
        assert [group.name for group in user.groups.all()] == [agency_group_name(user.agency_id)]
        assert len(user.role_codes) == 1
        assert not user.has_usable_password()


def test_active_protocols_hold_exactly_the_grants_of_their_parties_and_others_none():
    generate()

    protocols = Protocol.objects.filter(reference__startswith=synthetic.PROTOCOL_PREFIX)
    assert protocols.filter(status=ProtocolStatus.ACTIVE).exists()
    for protocol in protocols:
        grants = {
            (grant.group.name, grant.permission.codename, grant.tier, grant.category)
            for grant in ProtocolGroupObjectPermission.objects.filter(content_object=protocol).select_related(
                "group", "permission"
            )
        }
        if protocol.status != ProtocolStatus.ACTIVE:
            assert grants == set(), protocol.reference
            continue
        expected = {
            (agency_group_name(row.party.agency_id), receive_codename(row.party.max_tier, row.category),
             row.party.max_tier, row.category)
            for row in ProtocolPartyCategory.objects.filter(party__protocol=protocol).select_related("party")
        }  # fmt: skip
        assert grants == expected, protocol.reference
        assert all(party.is_signed for party in protocol.parties.all())


def test_open_custody_gives_the_current_establishment():
    generate()

    for episode in CustodyEpisode.objects.filter(released_on=None).select_related("nominal", "establishment"):
        last = episode.transfers.order_by("-transferred_on", "-id").first()
        where = last.to_establishment_id if last else episode.establishment_id
        assert episode.nominal.current_establishment_id == where
    held = Nominal.objects.exclude(current_establishment=None)
    assert held.count() == CustodyEpisode.objects.filter(released_on=None).count()


def test_the_same_seed_gives_the_same_data_and_another_seed_other_data():
    generate(seed=7)
    first = snapshot()

    with pytest.raises(CommandError, match="exists already"):
        generate(seed=7)
    generate(seed=7, replace=True)
    assert snapshot() == first

    generate(seed=8, replace=True)
    assert snapshot()["nominals"] != first["nominals"]


def test_replace_and_reuse_leave_other_data_alone():
    police = AgencyFactory(name="Northshire Police")
    analyst = UserFactory(agency=police)
    generate()

    assert "keeping it" in generate(reuse=True)
    generate(replace=True)

    assert Agency.objects.filter(pk=police.pk).exists()
    analyst.refresh_from_db()
    assert [group.name for group in analyst.groups.all()] == [agency_group_name(police.pk)]
    assert synthetic.synthetic_agencies().count() == TINY["agencies"]


def test_refuses_sizes_too_small_for_the_mix():
    with pytest.raises(CommandError, match="at least 8"):
        generate(agencies=5, users=20)


@pytest.mark.skipif(connection.vendor == "postgresql", reason="checks the refusal on other databases")
def test_benchmark_refuses_other_databases_than_postgresql():
    with pytest.raises(CommandError, match="refuses to run on sqlite"):
        call_command("bench_register", requests=1, warmup=0, stdout=StringIO())


@postgresql_only
def test_benchmark_runs_at_tiny_size_and_leaves_nothing_behind():
    generate()
    active = set(Protocol.objects.filter(status=ProtocolStatus.ACTIVE, reference__startswith=synthetic.PROTOCOL_PREFIX))
    out = StringIO()

    call_command("bench_register", requests=2, warmup=1, viewers="partner,police", stdout=out)

    output = out.getvalue()
    assert "Server-side time per request" in output
    assert "list query, first 25: engine / hand-written" in output
    assert "rows written" in output and "grant rows" in output
    assert "EXPLAIN ANALYZE" in output
    # Rolled back: no access log entries, the suspended protocol active again with its grants.
    assert not AccessLogEntry.objects.exists()
    assert set(Protocol.objects.filter(status=ProtocolStatus.ACTIVE, pk__in=[p.pk for p in active])) == active
