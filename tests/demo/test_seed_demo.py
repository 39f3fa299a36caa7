"""`manage.py seed_demo`: a complete, idempotent demo partnership."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from accounts.backends import VettedUserBackend
from accounts.models import Role, User, UserRole
from agencies.models import Agency, AgencyKind, DataHolding, ToolOrPower
from demo.people import DEMO_PASSWORD
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def seed():
    out = StringIO()
    # pytest-django runs tests with DEBUG off, where the command refuses without --force.
    call_command("seed_demo", force=True, stdout=out)
    return out.getvalue()


def snapshot():
    """Every seeded row with its last-modified time, so that a re-run writing anything shows up."""
    return {
        "agencies": sorted(Agency.objects.values_list("name", "updated_at", "spoc_id")),
        "tools": sorted(ToolOrPower.objects.values_list("agency_id", "name", "updated_at")),
        "tool threat areas": sorted(ToolOrPower.threat_areas.through.objects.values_list("pk", flat=True)),
        "holdings": sorted(DataHolding.objects.values_list("agency_id", "name", "updated_at")),
        "holding threat areas": sorted(DataHolding.threat_areas.through.objects.values_list("pk", flat=True)),
        "users": sorted(User.objects.values_list("email", "password", "full_name", "agency_id", "vetting_expires")),
        "roles": sorted(UserRole.objects.values_list("user_id", "role")),
        "notifications": sorted(Notification.objects.values_list("pk", flat=True)),
    }


def test_running_twice_changes_nothing():
    first_output = seed()
    first = snapshot()
    second_output = seed()

    assert snapshot() == first
    assert "created" in first_output
    assert "created" not in second_output and "updated" not in second_output


def test_every_role_is_held_by_someone():
    seed()
    held = set(UserRole.objects.values_list("role", flat=True))
    assert held == set(Role.values)


def test_every_agency_has_tools_holdings_an_admin_and_a_spoc():
    seed()
    agencies = Agency.objects.all()
    assert agencies.count() >= 14
    for agency in agencies:
        assert agency.tools_and_powers.exists(), agency.name
        assert agency.data_holdings.exists(), agency.name
        assert UserRole.objects.filter(user__agency=agency, role=Role.AGENCY_ADMIN).exists(), agency.name
        assert agency.spoc is not None and agency.spoc.agency == agency, agency.name


def test_partnership_shape():
    seed()
    kinds = set(Agency.objects.values_list("kind", flat=True))
    assert kinds == set(AgencyKind.values)

    prisons = Agency.objects.filter(kind=AgencyKind.PRISON)
    assert prisons.count() == 2
    pios = User.objects.filter(user_roles__role=Role.PIO)
    # Prison Intelligence Officers are police officers; their job title says which prison they are posted to.
    assert {pio.agency.kind for pio in pios} == {AgencyKind.POLICE_FORCE}
    for prison in prisons:
        assert pios.filter(job_title__contains=prison.name).exists(), prison.name

    council = Agency.objects.get(name="Northshire City Council")
    departments = Agency.objects.filter(kind=AgencyKind.LOCAL_AUTHORITY_DEPARTMENT)
    assert departments.count() == 3
    assert set(departments.values_list("parent", flat=True)) == {council.pk}

    for tool in ToolOrPower.objects.all():
        assert tool.legal_basis and tool.achieves and tool.information_needed and tool.thresholds, tool.name
        assert tool.threat_areas.exists(), tool.name


def test_demo_users_sign_in_with_the_documented_password():
    seed()
    backend = VettedUserBackend()
    user = backend.authenticate(None, username="pio.northshire@police.example", password=DEMO_PASSWORD)
    assert user is not None and user.has_role(Role.PIO)
    assert backend.authenticate(None, username="pio.northshire@police.example", password="wrong password") is None
    assert User.objects.filter(is_superuser=True, is_staff=True).exists()


def test_some_inboxes_are_not_empty_after_the_first_run_only():
    seed()
    pio = User.objects.get(email="pio.northshire@police.example")
    assert Notification.objects.filter(recipient=pio, read_at__isnull=True).count() == 2
    total = Notification.objects.count()
    seed()
    assert Notification.objects.count() == total


def test_no_request_to_sign_is_left_open_for_a_signed_protocol():
    from notifications.models import EventType
    from protocols.models import ProtocolParty

    seed()
    police_admin = User.objects.get(email="admin@police.example")
    assert not Notification.objects.filter(
        recipient=police_admin, event_type=EventType.SIGNATURE_REQUESTED, action_done_at__isnull=True
    ).exists()
    open_requests = Notification.objects.filter(
        event_type=EventType.SIGNATURE_REQUESTED, action_done_at__isnull=True
    ).select_related("recipient")
    # Only trading standards has still to sign the ROCU protocol, and only its request is open.
    assert [request.recipient.agency.name for request in open_requests] == list(
        ProtocolParty.objects.filter(signed_at__isnull=True).values_list("agency__name", flat=True)
    )
    assert open_requests.count() == 1


def test_refuses_without_force_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG is off"):
        call_command("seed_demo", stdout=StringIO())
    assert not User.objects.exists()
