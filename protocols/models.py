"""Information-sharing protocols (ISPs): the national template, each local protocol built from it,
its parties with the tier and categories each may receive, and the django-guardian grant tables
that turn an active protocol into permissions for each party agency's group (DESIGN.md §3, §4.2)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from ocgshare import bounds
from ocgshare.constants import InformationCategory

from .constants import (
    PARTY_TIER_CHOICES,
    RECEIVE_PERMISSION_CHOICES,
    RECEIVE_PERMISSIONS,
    LegalBasis,
    ProtocolStatus,
    SanitisationTier,
    highest_tier_for_kind,
)


class ProtocolSections(models.Model):
    """The sections of the ICO data-sharing code, shared by the template and each protocol so a
    protocol starts as a copy of its template and can be compared with it section by section."""

    # Blank at field level: section_errors() words every missing section's message.
    purposes = bounds.bounded_text(
        blank=True,
        max_length=bounds.SECTION_MAX_LENGTH,
        help_text="What the shared information may be used for, and nothing else.",
    )
    legal_bases = models.JSONField(default=list, blank=True, help_text="Codes from LegalBasis.")
    legal_basis_other = bounds.bounded_text(
        "other legal basis",
        blank=True,
        max_length=bounds.SECTION_MAX_LENGTH,
        help_text="The legislation relied on when 'Other' is selected.",
    )
    data_categories = models.JSONField(default=list, blank=True, help_text="Codes from InformationCategory.")
    security_requirements = bounds.bounded_text(blank=True, max_length=bounds.SECTION_MAX_LENGTH)
    retention_and_disposal = bounds.bounded_text(blank=True, max_length=bounds.SECTION_MAX_LENGTH)
    breach_contacts = bounds.bounded_text(
        "breach reporting and contacts", blank=True, max_length=bounds.SECTION_MAX_LENGTH
    )
    individuals_rights = bounds.bounded_text(
        "handling of individuals' rights", blank=True, max_length=bounds.SECTION_MAX_LENGTH
    )
    review_interval_months = models.PositiveSmallIntegerField(
        "review interval (months)", default=12, validators=[MinValueValidator(1), MaxValueValidator(60)]
    )

    class Meta:
        abstract = True

    def section_errors(self):
        """Problems with the sections, as a dict of field name to message."""
        errors = {}
        legal_bases = self.legal_bases if isinstance(self.legal_bases, list) else None
        if not legal_bases:
            errors["legal_bases"] = "Select at least one legal basis"
        elif set(legal_bases) - set(LegalBasis.values) or len(set(legal_bases)) != len(legal_bases):
            errors["legal_bases"] = "Select legal bases from the list"
        elif LegalBasis.OTHER in legal_bases and not self.legal_basis_other.strip():
            errors["legal_basis_other"] = "Describe the other legal basis"
        elif LegalBasis.OTHER not in legal_bases and self.legal_basis_other.strip():
            errors["legal_basis_other"] = "Select 'Other' to rely on another legal basis, or clear this box"
        categories = self.data_categories if isinstance(self.data_categories, list) else None
        if not categories:
            errors["data_categories"] = "Select at least one category of information"
        elif set(categories) - set(InformationCategory.values) or len(set(categories)) != len(categories):
            errors["data_categories"] = "Select categories from the list"
        for name in (
            "purposes",
            "security_requirements",
            "retention_and_disposal",
            "breach_contacts",
            "individuals_rights",
        ):
            if not (getattr(self, name) or "").strip():
                errors[name] = f"Enter the {self._meta.get_field(name).verbose_name}"
        return errors

    def clean(self):
        errors = self.section_errors()
        if errors:
            raise ValidationError(errors)


class ProtocolTemplate(ProtocolSections):
    """A version of the national standard ISP template. Shipped by a data migration; a new edition
    is a new row, so every protocol keeps comparing itself with the edition it was built from."""

    name = models.CharField(max_length=200)
    version = models.CharField(max_length=20)
    summary = bounds.bounded_text(blank=True, max_length=bounds.DESCRIPTION_MAX_LENGTH)
    published_on = models.DateField()
    is_current = models.BooleanField(default=True, help_text="The edition offered for new protocols.")

    class Meta:
        ordering = ["-published_on", "name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "version"], name="protocoltemplate_unique_version"),
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="protocoltemplate_one_current"
            ),
        ]

    def __str__(self):
        return f"{self.name} (version {self.version})"


class Protocol(ProtocolSections):
    """A local information-sharing protocol. Active only when every party has signed and today is
    within its dates; only then do its parties' agency groups hold the receive permissions."""

    template = models.ForeignKey(ProtocolTemplate, on_delete=models.PROTECT, related_name="protocols")
    reference = models.CharField(
        max_length=40,
        unique=True,
        help_text="For example NW-ISP-2025-01.",
        error_messages={"unique": "A protocol with this reference already exists"},
    )
    title = models.CharField(max_length=200)
    lead_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="led_protocols")
    start_date = models.DateField(validators=[bounds.protocol_start_date])
    end_date = models.DateField(validators=[bounds.protocol_date])
    review_date = models.DateField(validators=[bounds.protocol_date])
    last_reviewed_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=30, choices=ProtocolStatus.choices, default=ProtocolStatus.DRAFT)
    status_changed_at = models.DateTimeField(auto_now_add=True)
    suspension_reason = bounds.bounded_text(blank=True, max_length=bounds.REASON_MAX_LENGTH)
    # Incremented each time signatures are collected, so each round's requests are sent once.
    signature_round = models.PositiveIntegerField(default=0)
    # Section keys (see protocols.sections.SECTIONS) whose wording differs from the template.
    changed_sections = models.JSONField(default=list, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = RECEIVE_PERMISSION_CHOICES
        constraints = [
            models.CheckConstraint(name="protocol_ends_after_start", condition=Q(end_date__gt=F("start_date"))),
            models.CheckConstraint(
                name="protocol_review_within_term",
                condition=Q(review_date__gte=F("start_date"), review_date__lte=F("end_date")),
            ),
        ]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="protocol_register_idx"),
            models.Index(fields=["status", "review_date"], name="protocol_status_review_idx"),
            models.Index(fields=["status", "end_date"], name="protocol_status_end_idx"),
        ]

    def __str__(self):
        return f"{self.reference} – {self.title}"

    def date_errors(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date <= self.start_date:
            errors["end_date"] = "The end date must be after the start date"
        elif (
            self.review_date
            and self.start_date
            and self.end_date
            and not (self.start_date <= self.review_date <= self.end_date)
        ):
            errors["review_date"] = "The review date must be between the start and end dates"
        return errors

    def clean(self):
        errors = {**self.section_errors(), **self.date_errors()}
        if errors:
            raise ValidationError(errors)

    def is_within_dates(self, today):
        return self.start_date <= today <= self.end_date


class ProtocolParty(models.Model):
    """An agency that is party to a protocol: the most detailed tier and the categories it may
    receive, and who signs for it."""

    protocol = models.ForeignKey(Protocol, on_delete=models.CASCADE, related_name="parties")
    agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="protocol_parties")
    max_tier = models.PositiveSmallIntegerField("highest tier it may receive", choices=PARTY_TIER_CHOICES)
    signatory = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="protocol_parties_to_sign",
        help_text="An agency administrator of this agency.",
    )
    # A signature is a record of who bound the agency: the signer cannot be deleted from under it.
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["agency__name"]
        verbose_name_plural = "protocol parties"
        constraints = [
            models.UniqueConstraint(fields=["protocol", "agency"], name="protocolparty_unique_agency"),
            models.CheckConstraint(
                name="protocolparty_tier_1_or_2",
                condition=Q(max_tier__in=[SanitisationTier.LAW_ENFORCEMENT, SanitisationTier.PARTNERSHIP]),
            ),
            models.CheckConstraint(
                name="protocolparty_signature_complete",
                condition=Q(signed_at__isnull=True, signed_by__isnull=True)
                | Q(signed_at__isnull=False, signed_by__isnull=False),
            ),
        ]

    def __str__(self):
        return f"{self.agency} in {self.protocol.reference}"

    @property
    def is_signed(self):
        return self.signed_at is not None

    def tier_errors(self):
        if self.max_tier is None or self.agency_id is None:
            return {}
        if self.max_tier not in (SanitisationTier.LAW_ENFORCEMENT, SanitisationTier.PARTNERSHIP):
            return {"max_tier": "Choose tier 1 (law enforcement) or tier 2 (partnership)"}
        highest = highest_tier_for_kind(self.agency.kind)
        if self.max_tier < highest:
            return {
                "max_tier": f"{self.agency.name} is a {self.agency.get_kind_display().lower()}: "
                f"only police forces, prisons, probation regions and regional or national units can "
                f"receive tier 1; choose tier 2 (partnership)"
            }
        return {}

    def clean(self):
        errors = self.tier_errors()
        if errors:
            raise ValidationError(errors)


class ProtocolPartyCategory(models.Model):
    """One category of information a party may receive: a row, so the grants and the access
    engine's SQL join on it rather than parse a list."""

    party = models.ForeignKey(ProtocolParty, on_delete=models.CASCADE, related_name="categories")
    category = models.CharField(max_length=30, choices=InformationCategory.choices)

    class Meta:
        ordering = ["category"]
        verbose_name_plural = "protocol party categories"
        constraints = [
            models.UniqueConstraint(fields=["party", "category"], name="protocolpartycategory_unique"),
        ]

    def __str__(self):
        return f"{self.party}: {self.get_category_display()}"


class ProtocolGroupObjectPermission(GroupObjectPermissionBase):
    """django-guardian's group grants on protocols, with a direct foreign key to the protocol.

    One row per (party agency group, category) while the protocol is active, holding the
    `receive_tier<N>_<category>` permission. `tier` and `category` repeat what the permission's
    codename says, so the access engine can filter `tier <= release.tier AND category = ...` on
    indexed columns instead of matching codenames; `save()` derives them, and a bulk insert that
    leaves them out fails on NOT NULL rather than granting something unintended.
    """

    content_object = models.ForeignKey(Protocol, on_delete=models.CASCADE, related_name="group_grants")
    tier = models.PositiveSmallIntegerField(choices=SanitisationTier.choices)
    category = models.CharField(max_length=30, choices=InformationCategory.choices)

    class Meta(GroupObjectPermissionBase.Meta):
        abstract = False
        verbose_name = "protocol group grant"
        indexes = [
            models.Index(fields=["group", "content_object", "category", "tier"], name="protocol_grant_engine_idx"),
        ]

    def save(self, *args, **kwargs):
        self.tier, self.category = grant_columns(self.permission.codename)
        super().save(*args, **kwargs)


class ProtocolUserObjectPermission(UserObjectPermissionBase):
    """django-guardian's per-user grants on protocols, with a direct foreign key. Protocols are
    granted to agency groups, never to individuals; this table exists so that guardian's user
    checks on a protocol read a direct table rather than the generic one."""

    content_object = models.ForeignKey(Protocol, on_delete=models.CASCADE, related_name="user_grants")

    class Meta(UserObjectPermissionBase.Meta):
        abstract = False
        verbose_name = "protocol user grant"


def grant_columns(codename):
    """(tier, category) for a receive permission codename; anything else cannot be granted on a protocol."""
    try:
        return RECEIVE_PERMISSIONS[codename]
    except KeyError:
        raise ValidationError(f"'{codename}' is not a permission a protocol can grant") from None
