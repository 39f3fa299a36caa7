"""The shape of a need-to-know grant table, for every record kind that takes such grants.

A kind's grants are two django-guardian direct foreign-key tables (to a user, to an agency's group) in its
own app, each a subclass of UserGrant or GroupGrant here with its `content_object` foreign key, its
verbose name and its index; the kind's access Policy names them (user_grant_model, group_grant_model).
These models are abstract: the kit has no tables of its own.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

import access
from ocgshare import bounds
from protocols.constants import PARTY_TIER_CHOICES


class NeedToKnowGrant(models.Model):
    """What a need-to-know grant adds to guardian's permission row: the tier, why, until when, by whom.

    An expired grant gives nothing (the access engine filters `expires_at > now` in SQL), and stays as
    the record that it was given; revoking deletes the row (the grant and its revocation are in the
    access log as disclosures).
    """

    tier = models.PositiveSmallIntegerField(choices=PARTY_TIER_CHOICES)
    reason = bounds.bounded_text(max_length=bounds.REASON_MAX_LENGTH)
    expires_at = models.DateTimeField()
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    granted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True

    @property
    def is_current(self):
        return self.expires_at > timezone.now()


class UserGrant(NeedToKnowGrant, UserObjectPermissionBase):
    """A need-to-know grant to one user. A subclass adds `content_object` (related_name "user_grants")."""

    class Meta(UserObjectPermissionBase.Meta):
        abstract = True

    def __str__(self):
        return f"Tier {self.tier} of {self.content_object_id} to {self.user} until {self.expires_at:%Y-%m-%d}"


class GroupGrant(NeedToKnowGrant, GroupObjectPermissionBase):
    """A need-to-know grant to every user of an agency (its group). A subclass adds `content_object`
    (related_name "group_grants")."""

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = True

    def __str__(self):
        return f"Tier {self.tier} of {self.content_object_id} to {self.group} until {self.expires_at:%Y-%m-%d}"


def grant_models(kind_or_model):
    """(user grant model, group grant model) of a record kind, from its Policy; TypeError for a kind that
    takes no need-to-know grants."""
    try:
        policy = access.policy_for(kind_or_model)
    except LookupError:
        policy = None
    if policy is None or policy.user_grant_model is None:
        name = getattr(kind_or_model, "__name__", kind_or_model)
        raise TypeError(f"Need-to-know grants cannot be given on {name}")
    return policy.user_grant_model, policy.group_grant_model
