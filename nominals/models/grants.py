"""Need-to-know grants on nominals and OCGs: django-guardian direct foreign-key tables with a tier, a
reason and an expiry (their shape is the register kit's: records.models)."""

from django.db import models

from records.models import GroupGrant, UserGrant

from .nominals import Nominal
from .ocgs import OCG


class NominalUserObjectPermission(UserGrant):
    content_object = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="user_grants")

    class Meta(UserGrant.Meta):
        abstract = False
        verbose_name = "nominal need-to-know grant to a user"
        indexes = [models.Index(fields=["user", "expires_at", "content_object"], name="nominal_user_grant_idx")]


class NominalGroupObjectPermission(GroupGrant):
    content_object = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="group_grants")

    class Meta(GroupGrant.Meta):
        abstract = False
        verbose_name = "nominal need-to-know grant to an agency"
        indexes = [models.Index(fields=["group", "expires_at", "content_object"], name="nominal_group_grant_idx")]


class OCGUserObjectPermission(UserGrant):
    content_object = models.ForeignKey(OCG, on_delete=models.CASCADE, related_name="user_grants")

    class Meta(UserGrant.Meta):
        abstract = False
        verbose_name = "OCG need-to-know grant to a user"
        indexes = [models.Index(fields=["user", "expires_at", "content_object"], name="ocg_user_grant_idx")]


class OCGGroupObjectPermission(GroupGrant):
    content_object = models.ForeignKey(OCG, on_delete=models.CASCADE, related_name="group_grants")

    class Meta(GroupGrant.Meta):
        abstract = False
        verbose_name = "OCG need-to-know grant to an agency"
        indexes = [models.Index(fields=["group", "expires_at", "content_object"], name="ocg_group_grant_idx")]
