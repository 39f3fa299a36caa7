"""The lifecycle: draft → awaiting signatures → active → suspended or expired, and back, with the
notifications each step records."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.models import Role
from notifications.models import EventType, Notification
from protocols.constants import ProtocolStatus
from protocols.models import Protocol, ProtocolGroupObjectPermission
from protocols.services.lifecycle import protocol_reinstate, protocol_renew, protocol_review_record, protocol_suspend
from protocols.services.parties import party_add
from protocols.services.signatures import protocol_return_to_draft, protocol_sign, protocol_submit_for_signature
from protocols.tasks import expire_protocols
from tests.factories import UserFactory

from .conftest import days, make_draft, sign_all

pytestmark = pytest.mark.django_db


def _recipients(event_type):
    return sorted(Notification.objects.filter(event_type=event_type).values_list("recipient__email", flat=True))


def test_submit_needs_another_party_and_signatories(police_admin, council, police):
    protocol = make_draft(police_admin)
    with pytest.raises(ValidationError) as exc:
        protocol_submit_for_signature(actor=police_admin, protocol=protocol)
    assert exc.value.messages == ["Add at least one other agency as a party"]
    party_add(actor=police_admin, protocol=protocol, agency=council, max_tier=2, categories=["background"])
    with pytest.raises(ValidationError) as exc:
        protocol_submit_for_signature(actor=police_admin, protocol=protocol)
    assert exc.value.messages == ["Choose who signs for Northshire City Council"]
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.DRAFT
    assert not Notification.objects.exists()


def test_submit_asks_each_signatory_once(awaiting):
    assert awaiting.status == ProtocolStatus.AWAITING_SIGNATURES
    assert _recipients(EventType.SIGNATURE_REQUESTED) == [
        "admin@hmp-northshire.justice.gov.uk",
        "admin@northshire.gov.uk",
        "admin@northshire.police.uk",
    ]
    notification = Notification.objects.filter(event_type=EventType.SIGNATURE_REQUESTED).first()
    assert notification.url == f"/protocols/{awaiting.pk}/"


def test_signing_by_someone_who_is_not_the_signatory_is_refused_and_nothing_saved(awaiting, police, council):
    other_council_admin = UserFactory(email="deputy@northshire.gov.uk", agency=council, roles=[Role.AGENCY_ADMIN])
    analyst = UserFactory(agency=police, roles=[Role.ANALYST])
    outsider = UserFactory(email="admin@elsewhere.gov.uk", roles=[Role.AGENCY_ADMIN])
    with pytest.raises(PermissionDenied, match=r"Only the named signatory for Northshire City Council .*\(Test"):
        protocol_sign(actor=other_council_admin, protocol=awaiting)
    with pytest.raises(PermissionDenied, match="Only the named signatory for Northshire Police"):
        protocol_sign(actor=analyst, protocol=awaiting)
    with pytest.raises(PermissionDenied, match="Your agency is not a party to this protocol"):
        protocol_sign(actor=outsider, protocol=awaiting)
    assert not awaiting.parties.filter(signed_at__isnull=False).exists()


def test_signatory_who_lost_the_admin_role_cannot_sign(awaiting, council_admin):
    council_admin.user_roles.all().delete()
    council_admin = type(council_admin).objects.get(pk=council_admin.pk)
    with pytest.raises(PermissionDenied):
        protocol_sign(actor=council_admin, protocol=awaiting)


def test_active_only_when_every_party_has_signed(awaiting, police_admin, prison_admin, council_admin):
    sign_all(awaiting, police_admin, prison_admin)
    assert awaiting.status == ProtocolStatus.AWAITING_SIGNATURES
    assert not ProtocolGroupObjectPermission.objects.exists()
    with pytest.raises(ValidationError, match="already signed"):
        protocol_sign(actor=prison_admin, protocol=awaiting)
    sign_all(awaiting, council_admin)
    assert awaiting.status == ProtocolStatus.ACTIVE
    signed = awaiting.parties.get(agency=council_admin.agency)
    assert signed.signed_by == council_admin and signed.signed_at is not None
    # Signatories and single points of contact of every party hear that it is active.
    assert _recipients(EventType.PROTOCOL_ACTIVATED) == [
        "admin@hmp-northshire.justice.gov.uk",
        "admin@northshire.gov.uk",
        "admin@northshire.police.uk",
    ]


def test_fully_signed_before_start_date_activates_on_start_date(police_admin, prison, prison_admin):
    protocol = make_draft(
        police_admin, start=days(3), end=days(300), parties=[(prison, 1, ["background"], prison_admin)]
    )
    protocol_submit_for_signature(actor=police_admin, protocol=protocol)
    sign_all(protocol, police_admin, prison_admin)
    assert protocol.status == ProtocolStatus.AWAITING_SIGNATURES
    assert expire_protocols() == {}
    # The start date comes.
    Protocol.objects.filter(pk=protocol.pk).update(start_date=days(0), review_date=days(30))
    assert expire_protocols() == {ProtocolStatus.ACTIVE: 1}
    protocol.refresh_from_db()
    assert protocol.status == ProtocolStatus.ACTIVE
    assert ProtocolGroupObjectPermission.objects.filter(content_object=protocol).count() == 6


def test_suspend_and_reinstate(active, police_admin):
    with pytest.raises(ValidationError) as exc:
        protocol_suspend(actor=police_admin, protocol=active, reason=" ")
    assert exc.value.message_dict == {"reason": ["Enter why the protocol is being suspended"]}
    protocol_suspend(actor=police_admin, protocol=active, reason="Suspected breach at a partner")
    active.refresh_from_db()
    assert active.status == ProtocolStatus.SUSPENDED
    assert active.suspension_reason == "Suspected breach at a partner"
    assert not ProtocolGroupObjectPermission.objects.exists()
    suspended = Notification.objects.filter(event_type=EventType.PROTOCOL_SUSPENDED)
    assert suspended.count() == 3 and all("Suspected breach" in n.body for n in suspended)

    protocol_reinstate(actor=police_admin, protocol=active)
    active.refresh_from_db()
    assert active.status == ProtocolStatus.ACTIVE and active.suspension_reason == ""
    assert ProtocolGroupObjectPermission.objects.count() == 12
    assert Notification.objects.filter(event_type=EventType.PROTOCOL_ACTIVATED).count() == 6


@pytest.mark.parametrize("who", ["police_lead", "prison_admin", "council_admin"])
def test_only_lead_agency_admins_suspend(active, who, request):
    with pytest.raises(PermissionDenied, match="Only an agency administrator of Northshire Police"):
        protocol_suspend(actor=request.getfixturevalue(who), protocol=active, reason="No")
    active.refresh_from_db()
    assert active.status == ProtocolStatus.ACTIVE


def test_expiry_by_the_daily_task(active):
    Protocol.objects.filter(pk=active.pk).update(start_date=days(-400), review_date=days(-40), end_date=days(-1))
    assert expire_protocols() == {ProtocolStatus.EXPIRED: 1}
    active.refresh_from_db()
    assert active.status == ProtocolStatus.EXPIRED
    assert not ProtocolGroupObjectPermission.objects.exists()
    assert Notification.objects.filter(event_type=EventType.PROTOCOL_EXPIRED).count() == 3
    # Running again changes nothing and tells nobody twice.
    assert expire_protocols() == {}
    assert Notification.objects.filter(event_type=EventType.PROTOCOL_EXPIRED).count() == 3


def test_suspended_protocol_past_its_end_expires_and_cannot_be_reinstated(active, police_admin):
    protocol_suspend(actor=police_admin, protocol=active, reason="Audit")
    Protocol.objects.filter(pk=active.pk).update(start_date=days(-400), review_date=days(-40), end_date=days(-1))
    with pytest.raises(ValidationError, match="renew it instead"):
        protocol_reinstate(actor=police_admin, protocol=active)
    expire_protocols()
    active.refresh_from_db()
    assert active.status == ProtocolStatus.EXPIRED


def test_renewal_returns_to_draft_and_active_again_once_signed(active, police_admin, prison_admin, council_admin):
    Protocol.objects.filter(pk=active.pk).update(start_date=days(-400), review_date=days(-40), end_date=days(-1))
    expire_protocols()
    with pytest.raises(ValidationError) as exc:
        protocol_renew(actor=police_admin, protocol=active, end_date=days(-1))
    assert exc.value.message_dict == {"end_date": ["The new end date must be in the future"]}
    protocol_renew(actor=police_admin, protocol=active, end_date=days(365))
    active.refresh_from_db()
    assert active.status == ProtocolStatus.DRAFT
    assert active.review_date == days(365)
    assert not active.parties.filter(signed_at__isnull=False).exists()
    protocol_submit_for_signature(actor=police_admin, protocol=active)
    sign_all(active, police_admin, prison_admin, council_admin)
    assert active.status == ProtocolStatus.ACTIVE
    assert ProtocolGroupObjectPermission.objects.count() == 12
    # Each signature round asks once per signatory.
    assert Notification.objects.filter(event_type=EventType.SIGNATURE_REQUESTED).count() == 6


def test_return_to_draft_withdraws_signatures(awaiting, police_admin, prison_admin):
    sign_all(awaiting, prison_admin)
    protocol_return_to_draft(actor=police_admin, protocol=awaiting)
    awaiting.refresh_from_db()
    assert awaiting.status == ProtocolStatus.DRAFT
    assert not awaiting.parties.filter(signed_at__isnull=False).exists()


def test_review_recorded_by_lead_admin(active, police_admin):
    with pytest.raises(ValidationError):
        protocol_review_record(actor=police_admin, protocol=active, next_review_date=days(400))
    protocol_review_record(actor=police_admin, protocol=active, next_review_date=days(200))
    active.refresh_from_db()
    assert (active.review_date, active.last_reviewed_on) == (days(200), days(0))
