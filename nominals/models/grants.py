"""Need-to-know grants: django-guardian direct foreign-key tables with a tier, a reason and an expiry."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from ocgshare import bounds
from protocols.constants import PARTY_TIER_CHOICES

from .nominals import Nominal
from .ocgs import OCG


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


class NominalUserObjectPermission(NeedToKnowGrant, UserObjectPermissionBase):
    content_object = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="user_grants")

    class Meta(UserObjectPermissionBase.Meta):
        abstract = False
        verbose_name = "nominal need-to-know grant to a user"
        indexes = [models.Index(fields=["user", "expires_at", "content_object"], name="nominal_user_grant_idx")]

    def __str__(self):
        return f"Tier {self.tier} of {self.content_object_id} to {self.user} until {self.expires_at:%Y-%m-%d}"


class NominalGroupObjectPermission(NeedToKnowGrant, GroupObjectPermissionBase):
    content_object = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="group_grants")

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = False
        verbose_name = "nominal need-to-know grant to an agency"
        indexes = [models.Index(fields=["group", "expires_at", "content_object"], name="nominal_group_grant_idx")]

    def __str__(self):
        return f"Tier {self.tier} of {self.content_object_id} to {self.group} until {self.expires_at:%Y-%m-%d}"


class OCGUserObjectPermission(NeedToKnowGrant, UserObjectPermissionBase):
    content_object = models.ForeignKey(OCG, on_delete=models.CASCADE, related_name="user_grants")

    class Meta(UserObjectPermissionBase.Meta):
        abstract = False
        verbose_name = "OCG need-to-know grant to a user"
        indexes = [models.Index(fields=["user", "expires_at", "content_object"], name="ocg_user_grant_idx")]

    def __str__(self):
        return f"Tier {self.tier} of {self.content_object_id} to {self.user} until {self.expires_at:%Y-%m-%d}"


class OCGGroupObjectPermission(NeedToKnowGrant, GroupObjectPermissionBase):
    content_object = models.ForeignKey(OCG, on_delete=models.CASCADE, related_name="group_grants")

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = False
        verbose_name = "OCG need-to-know grant to an agency"
        indexes = [models.Index(fields=["group", "expires_at", "content_object"], name="ocg_group_grant_idx")]

    def __str__(self):
        return f"Tier {self.tier} of {self.content_object_id} to {self.group} until {self.expires_at:%Y-%m-%d}"
