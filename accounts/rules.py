"""Who may manage whose account. The one place this rule lives: pages, API, services and
selectors all ask here."""

from .models import Role


def may_manage_users(actor, agency=None):
    """Whether `actor` administers users at all (agency=None) or those of `agency`.

    Agency administrators manage their own agency only; superusers manage every agency.
    """
    if actor is None or not actor.is_authenticated or not actor.is_active:
        return False
    if actor.is_superuser:
        return True
    if not actor.has_role(Role.AGENCY_ADMIN):
        return False
    return agency is None or agency.pk == actor.agency_id


def may_manage_user(actor, user):
    # Superuser accounts are the platform operators': an agency administrator cannot change them.
    if user.is_superuser and not actor.is_superuser:
        return False
    return may_manage_users(actor, user.agency)
