"""Organised crime groups and their members."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from ocgshare import bounds
from ocgshare.constants import InformationCategory

from ..constants import MembershipRole, OCGBand, OCGStatus
from .common import NormalisedModel, _end_after_start
from .nominals import Nominal


class OCG(NormalisedModel):
    """An organised crime group, owned by its lead agency."""

    strip_fields = ("name",)
    identifier_fields = ("reference", "ocg_mapping_reference")

    reference = models.CharField(
        max_length=40,
        unique=True,
        help_text="Your agency's reference, for example NP-OCG-0012.",
        error_messages={"unique": "An OCG with this reference already exists", "blank": "Enter the OCG's reference"},
    )
    name = models.CharField(max_length=200, error_messages={"blank": "Enter the OCG's name"})
    ocg_mapping_reference = models.CharField("OCG Mapping reference", max_length=40, blank=True)
    band = models.CharField("OCG Mapping band", max_length=1, choices=OCGBand.choices, blank=True)
    threat_areas = models.ManyToManyField("agencies.ThreatArea", blank=True, related_name="ocgs")
    status = models.CharField(max_length=20, choices=OCGStatus.choices, default=OCGStatus.ACTIVE)
    lead_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="ocgs")
    category = models.CharField(
        max_length=30, choices=InformationCategory.choices, default=InformationCategory.BACKGROUND
    )
    handling_notes = bounds.bounded_text(
        blank=True,
        max_length=bounds.NOTES_MAX_LENGTH,
        help_text="Seen only by the lead agency's intelligence staff (tier 0).",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "OCG"
        verbose_name_plural = "OCGs"
        indexes = [
            models.Index(F("created_at").desc(), F("id").desc(), name="ocg_register_idx"),
            models.Index(fields=["lead_agency", "category"], name="ocg_owner_category_idx"),
            models.Index(fields=["ocg_mapping_reference"], name="ocg_mapping_ref_idx"),
            models.Index(fields=["name"], name="ocg_name_idx"),
        ]

    def __str__(self):
        return f"{self.reference} – {self.name}"


class OCGMembership(models.Model):
    ocg = models.ForeignKey(OCG, on_delete=models.CASCADE, related_name="memberships")
    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=MembershipRole.choices)
    started_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    ended_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["ended_on", "role", "-started_on", "id"]
        indexes = [
            models.Index(fields=["nominal", "ended_on"], name="membership_nominal_idx"),
            models.Index(fields=["ocg", "ended_on"], name="membership_ocg_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["ocg", "nominal"], condition=Q(ended_on__isnull=True), name="membership_one_current"
            ),
            models.CheckConstraint(
                name="membership_ends_after_start",
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
            ),
        ]

    def __str__(self):
        return f"{self.nominal} – {self.get_role_display()} member of {self.ocg}"

    @property
    def is_current(self):
        return self.ended_on is None or self.ended_on >= timezone.localdate()

    def clean(self):
        errors = {}
        _end_after_start(self, "started_on", "ended_on", "The end date must be after the start date", errors)
        if self.ocg_id and self.nominal_id and self.ended_on is None:
            current = OCGMembership.objects.filter(ocg_id=self.ocg_id, nominal_id=self.nominal_id, ended_on=None)
            if self.pk:
                current = current.exclude(pk=self.pk)
            if current.exists():
                errors["nominal"] = "This nominal is already a current member of this OCG"
        if errors:
            raise ValidationError(errors)
