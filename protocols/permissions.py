"""Who may do what to a protocol. Services enforce these; pages and the API use the same
predicates to decide which actions to offer. Reading the register needs only a signed-in user:
agreements are not intelligence."""

from django.core.exceptions import PermissionDenied

from accounts.models import Role

EDITOR_ROLES = (Role.AGENCY_ADMIN, Role.PARTNERSHIP_LEAD)


def can_create_protocol(user):
    return user.is_authenticated and user.is_active and user.has_role(*EDITOR_ROLES)


def can_edit_protocol(user, protocol):
    """Sections, dates and parties: agency administrators and partnership leads of the lead agency."""
    return can_create_protocol(user) and user.agency_id == protocol.lead_agency_id


def can_manage_protocol(user, protocol):
    """Suspension, reinstatement, renewal and reviews: the lead agency's administrators."""
    return (
        user.is_authenticated
        and user.is_active
        and user.agency_id == protocol.lead_agency_id
        and user.has_role(Role.AGENCY_ADMIN)
    )


def can_sign_for(user, party):
    """The named signatory, still an administrator of the party agency."""
    return (
        user.is_authenticated
        and user.is_active
        and party.signatory_id == user.pk
        and user.agency_id == party.agency_id
        and user.has_role(Role.AGENCY_ADMIN)
    )


def party_to_sign(user, parties):
    """The unsigned party among `parties` that `user` may sign for, or None."""
    for party in parties:
        if not party.is_signed and can_sign_for(user, party):
            return party
    return None


def require_create(user):
    if not can_create_protocol(user):
        raise PermissionDenied(
            "Only agency administrators and partnership leads can create information-sharing protocols."
        )


def require_edit(user, protocol):
    if not can_edit_protocol(user, protocol):
        raise PermissionDenied(
            f"Only agency administrators and partnership leads of {protocol.lead_agency.name}, the lead agency, "
            f"can change this protocol."
        )


def require_manage(user, protocol):
    if not can_manage_protocol(user, protocol):
        raise PermissionDenied(
            f"Only an agency administrator of {protocol.lead_agency.name}, the lead agency, can do this."
        )


def require_signatory(user, parties):
    """The party `user` signs for among `parties`; refuses anyone else with a reason they can act on."""
    party = next((p for p in parties if p.agency_id == user.agency_id), None)
    if party is None:
        raise PermissionDenied("Your agency is not a party to this protocol, so you cannot sign it.")
    if not can_sign_for(user, party):
        named = f" ({party.signatory.full_name})." if party.signatory else "; none has been named yet."
        raise PermissionDenied(f"Only the named signatory for {party.agency.name} can sign this protocol{named}")
    return party
