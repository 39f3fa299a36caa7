"""Agency groups: the Django group standing for each agency, to which protocol grants go."""

from django.contrib.auth.models import Group

AGENCY_GROUP_PREFIX = "agency:"


def agency_group_name(agency_id):
    return f"{AGENCY_GROUP_PREFIX}{agency_id}"


def agency_id_of_group(name):
    """The agency id an agency group's name stands for, or None for any other group."""
    agency_id = name.removeprefix(AGENCY_GROUP_PREFIX) if name.startswith(AGENCY_GROUP_PREFIX) else ""
    return int(agency_id) if agency_id.isascii() and agency_id.isdigit() else None


def agency_group(agency):
    """The Django group standing for an agency: protocol grants go to it, and every user of the
    agency is a member (kept so by `agency_group_membership_sync`)."""
    group, _ = Group.objects.get_or_create(name=agency_group_name(agency.pk))
    return group


def agency_group_membership_sync(*, user):
    """Make `user` a member of their agency's group and of no other agency's group.

    Called by the post_save signal on User (protocols/signals.py), so users created or moved to
    another agency by any code path are right; the protocols data migration did the same for
    users that existed before it.
    """
    group, _ = Group.objects.get_or_create(name=agency_group_name(user.agency_id))
    stale = user.groups.filter(name__startswith=AGENCY_GROUP_PREFIX).exclude(pk=group.pk)
    if stale:
        user.groups.remove(*stale)
    user.groups.add(group)  # a no-op when already a member
    user.forget_loaded_roles_and_groups()
