"""Suspending a protocol: the rows protocols.services writes to suspend (and reinstate) the active
synthetic protocol that shares the most nominals, against the target, and what a party's user sees before
and after."""

import time

from django.db import connection
from django.utils import timezone

import access
from accounts.models import Role, User
from nominals.models import Nominal
from protocols.models import ProtocolGroupObjectPermission, ProtocolParty
from protocols.services.lifecycle import protocol_reinstate, protocol_suspend

from .figures import SUSPENSION_ROWS_TARGET
from .instruments import WriteCounter
from .viewers import active_protocols, visible_count


def measure_suspension(viewers, out):
    """Suspend and reinstate the active synthetic protocol that shares the most nominals, reporting the rows
    written against SUSPENSION_ROWS_TARGET (the run's transaction is rolled back afterwards)."""
    today = timezone.localdate()
    protocol = most_shared_protocol(today)
    if protocol is None:
        out("\nSuspending a protocol: no active synthetic protocol to suspend.")
        return
    protocol, shared_count = protocol
    actor = User.objects.get(pk=ProtocolParty.objects.get(protocol=protocol, agency=protocol.lead_agency).signatory_id)
    parties = protocol.parties.count()
    grants_before = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).count()
    witness = next((v.user for v in viewers if protocol.parties.filter(agency=v.user.agency).exists()), None)
    if witness is None:
        witness = (
            User.objects.filter(
                agency__protocol_parties__protocol=protocol, user_roles__role=Role.SPOC, vetting_expires__gte=today
            )
            .exclude(agency=protocol.lead_agency)
            .first()
        )
    seen_before = visible_count(witness) if witness else None
    counter = WriteCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(counter):
        protocol_suspend(actor=actor, protocol=protocol, reason="Benchmark: breach investigation")
    suspend_ms = (time.perf_counter() - started) * 1000
    grants_after = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).count()
    if witness is not None:
        access.forget_viewer(witness)
        witness = User.objects.get(pk=witness.pk)
    seen_after = visible_count(witness) if witness else None
    reinstated = WriteCounter()
    started = time.perf_counter()
    with connection.execute_wrapper(reinstated):
        protocol_reinstate(actor=actor, protocol=protocol)
    reinstate_ms = (time.perf_counter() - started) * 1000
    verdict = "ok" if counter.total < SUSPENSION_ROWS_TARGET else "MISSED"
    out(
        f"\nSuspending {protocol.reference} ({parties} parties, {grants_before} grant rows; {shared_count:,} "
        f"nominals of its parties in the categories it covers) through protocols.services:"
    )
    out(
        f"  suspend:   {counter.total} rows written in {counter.statements} statements, {suspend_ms:.0f} ms "
        f"(target < {SUSPENSION_ROWS_TARGET} rows: {verdict}); grant rows {grants_before} → {grants_after}"
    )
    for key, rows in sorted(counter.rows.items()):
        out(f"             {rows:>5}  {key}")
    out(f"  reinstate: {reinstated.total} rows written in {reinstated.statements} statements, {reinstate_ms:.0f} ms")
    if witness is not None:
        out(
            f"  a user of a party ({witness.agency.name}) saw {seen_before:,} nominals before and "
            f"{seen_after:,} on the next request"
        )


def most_shared_protocol(today):
    """The active synthetic protocol under which most nominals are shared (owned by a party, in a
    category some party receives), with that number."""
    best = None
    for protocol in active_protocols(today).order_by("pk"):
        categories = ProtocolGroupObjectPermission.objects.filter(content_object=protocol).values("category")
        shared = Nominal.objects.filter(
            owning_agency__protocol_parties__protocol=protocol, category__in=categories
        ).count()
        if best is None or shared > best[1]:
            best = (protocol, shared)
    return best
