"""The access log: the consultation and disclosure log of the Data Protection Act 2018 s62 for the
register (who read or disclosed what, when, from which surface, and on which basis — own agency, which
protocol, which need-to-know grant). Append-only for the application: the ORM refuses updates and
deletes, and on PostgreSQL a trigger refuses them in SQL too (migration 0002)."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyError(Exception):
    """Raised on any attempt to change or remove an access log row."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("The access log is append-only: entries cannot be changed")

    def delete(self):
        raise AppendOnlyError("The access log is append-only: entries cannot be deleted")

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError("The access log is append-only: entries cannot be changed")

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise AppendOnlyError("The access log is append-only: entries cannot be changed")

    _raw_delete = delete


class AppendOnlyModel(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("The access log is append-only: entries cannot be changed")
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The access log is append-only: entries cannot be deleted")


class AccessAction(models.TextChoices):
    """What the user did (DPA 2018 s62: collection, alteration, consultation, disclosure). Reads are
    logged by the surfaces that show items; writes by nominals.services."""

    VIEW = "view", "Viewed"
    SEARCH = "search", "Searched"
    LIST = "list", "Listed"
    EXPORT = "export", "Exported"
    DISCLOSE = "disclose", "Disclosed"
    CREATE = "create", "Recorded"
    ALTER = "alter", "Changed"
    GRANT = "grant", "Need-to-know grant given"
    REVOKE = "revoke", "Need-to-know grant revoked"


class AccessBasis(models.TextChoices):
    """Why the user could see the item. Need-to-know grants are to a user or to their whole agency."""

    OWN_AGENCY = "own_agency", "Own agency"
    PROTOCOL = "protocol", "Information-sharing protocol"
    USER_GRANT = "user_grant", "Need-to-know grant to the user"
    AGENCY_GRANT = "agency_grant", "Need-to-know grant to the agency"
    AGGREGATE = "aggregate", "Depersonalised counts (tier 3)"


class AccessSurface(models.TextChoices):
    PAGE = "page", "Web page"
    API = "api", "API"
    SYSTEM = "system", "System"


class AccessLogEntry(AppendOnlyModel):
    """One read, disclosure or change. A view names its item and basis; a list or search names its query
    and result count, and the items it showed are its AccessLogResult rows (each with its own basis). A
    change (create, alter) names the item whose data changed and, in `query`, the names of what changed
    (never the values of register data; an account change, object_type "user", also gives the old and new
    roles, vetting and status, and its reason as the justification); it has no tier or basis. A
    need-to-know grant or revocation has the grant's."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="access_log")
    # The user's agency at the time: users can move agency, the log must not.
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="access_log")
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=20, choices=AccessAction.choices)
    surface = models.CharField(max_length=10, choices=AccessSurface.choices)
    object_type = models.CharField(max_length=30, blank=True, help_text="nominal, ocg, entity, association…")
    object_id = models.BigIntegerField(null=True, blank=True)
    # Safe to show an auditor who may not see the item itself: type, number and owning agency only.
    object_label = models.CharField(max_length=200, blank=True)
    # The agency owning the item when the entry was written: its auditors read who saw their records.
    object_owner = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    tier = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The version of the item shown.")
    basis = models.CharField(max_length=20, choices=AccessBasis.choices, blank=True)
    # Not foreign keys that cascade: protocols and grants change and go; the log keeps what it said.
    basis_protocol = models.ForeignKey(
        "protocols.Protocol",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    basis_grant_id = models.BigIntegerField(null=True, blank=True)
    query = models.CharField(max_length=500, blank=True, help_text="The search text or filters used.")
    result_count = models.PositiveIntegerField(null=True, blank=True)
    # Disclosures: to whom, and why (a grant's reason, an export's purpose).
    recipient = models.CharField(max_length=300, blank=True)
    justification = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = "access log entry"
        verbose_name_plural = "access log entries"
        indexes = [
            models.Index(fields=["agency", "-at", "-id"], name="accesslog_agency_at_idx"),
            models.Index(fields=["user", "-at"], name="accesslog_user_at_idx"),
            models.Index(fields=["object_type", "object_id", "-at"], name="accesslog_object_idx"),
            models.Index(fields=["object_owner", "-at", "-id"], name="accesslog_owner_at_idx"),
        ]

    def __str__(self):
        what = self.object_label or self.query or self.object_type
        return f"{self.at:%Y-%m-%d %H:%M} {self.user_id} {self.get_action_display().lower()} {what}"


class AccessLogResult(AppendOnlyModel):
    """An item shown by a list or search entry, with the tier and basis it was shown on."""

    entry = models.ForeignKey(AccessLogEntry, on_delete=models.PROTECT, related_name="results")
    object_type = models.CharField(max_length=30)
    object_id = models.BigIntegerField()
    # The agency owning the item when it was shown (see AccessLogEntry.object_owner).
    object_owner = models.ForeignKey(
        "agencies.Agency", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    tier = models.PositiveSmallIntegerField()
    basis = models.CharField(max_length=20, choices=AccessBasis.choices)
    basis_protocol_id = models.BigIntegerField(null=True, blank=True)
    basis_grant_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["entry", "id"]
        indexes = [
            models.Index(fields=["object_type", "object_id", "entry"], name="accesslogresult_object_idx"),
            models.Index(fields=["object_owner", "entry"], name="accesslogresult_owner_idx"),
        ]

    def __str__(self):
        return f"{self.object_type} {self.object_id} at tier {self.tier} ({self.basis})"


class SharingVersion(models.Model):
    """One row: a token that changes whenever what decides who may see what changes (protocols, their
    parties and grant rows, need-to-know grants). Every process caches the access engine's routes keyed
    by it (access.routes), so a change committed by any process shows on the next request in all of them.

    A random token rather than a counter: a counter goes back on rollback and would then come round again
    for another change, matching routes a process cached from the rolled-back transaction. Written and read
    by ocgshare.sharing."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    token = models.BigIntegerField()

    def __str__(self):
        return f"Sharing version {self.token}"
