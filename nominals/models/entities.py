"""Entities (addresses, vehicles, phones, businesses, bank accounts), their links to nominals and OCGs,
and associations between nominals."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from ocgshare import bounds
from ocgshare.constants import InformationCategory

from ..constants import AssociationKind, EntityKind
from ..normalise import normalise_entity_value
from .common import NormalisedModel, _end_after_start
from .nominals import Nominal
from .ocgs import OCG


def default_entity_category(kind):
    """Addresses, vehicles and phones are lifestyle information; businesses and accounts are financial."""
    if kind in (EntityKind.BUSINESS, EntityKind.BANK_ACCOUNT):
        return InformationCategory.FINANCIAL
    return InformationCategory.LIFESTYLE


class Entity(models.Model):
    """An address, vehicle, phone, business or bank account known to an agency. `value` is normalised so
    the same thing recorded twice is found as one."""

    kind = models.CharField(max_length=20, choices=EntityKind.choices)
    value = models.CharField(
        max_length=300,
        help_text="Address: postcode then first line. Vehicle: registration mark. Phone: number. "
        "Business: company name. Bank account: sort code and account number.",
        error_messages={"blank": "Enter the value"},
    )
    detail = bounds.bounded_text(blank=True, max_length=bounds.DESCRIPTION_MAX_LENGTH)
    owning_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="entities")
    category = models.CharField(
        max_length=30,
        choices=InformationCategory.choices,
        blank=True,
        help_text="Lifestyle for addresses, vehicles and phones; financial for businesses and bank accounts.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "entities"
        indexes = [
            models.Index(F("created_at").desc(), F("id").desc(), name="entity_register_idx"),
            models.Index(fields=["owning_agency", "category"], name="entity_owner_category_idx"),
            models.Index(fields=["kind", "value"], name="entity_kind_value_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["owning_agency", "kind", "value"], name="entity_unique_per_agency"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value}"

    def save(self, *args, **kwargs):
        # The access engine matches protocols on the category: an entity must never be saved without one.
        if not self.category:
            self.category = default_entity_category(self.kind)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.kind and (self.value or "").strip():
            self.value, message = normalise_entity_value(self.kind, self.value)
            if message:
                errors["value"] = message
            if not self.category:
                self.category = default_entity_category(self.kind)
        if errors:
            raise ValidationError(errors)


class EntityLink(NormalisedModel):
    """An entity linked to a nominal or to an OCG (exactly one), with the relationship and its dates."""

    entity = models.ForeignKey(Entity, on_delete=models.CASCADE, related_name="links")
    nominal = models.ForeignKey(Nominal, null=True, blank=True, on_delete=models.CASCADE, related_name="entity_links")
    ocg = models.ForeignKey(OCG, null=True, blank=True, on_delete=models.CASCADE, related_name="entity_links")
    strip_fields = ("relationship", "source")

    relationship = models.CharField(
        max_length=100,
        help_text="For example home address, registered keeper, director.",
        error_messages={"blank": "Enter the relationship, for example home address"},
    )
    started_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    ended_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    source = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_on", "-id"]
        indexes = [models.Index(fields=["entity", "nominal", "ocg"], name="entitylink_entity_idx")]
        constraints = [
            models.CheckConstraint(
                name="entitylink_nominal_xor_ocg",
                condition=Q(nominal__isnull=False, ocg__isnull=True) | Q(nominal__isnull=True, ocg__isnull=False),
            ),
            models.CheckConstraint(
                name="entitylink_ends_after_start",
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
            ),
        ]

    def __str__(self):
        return f"{self.entity} – {self.relationship} of {self.nominal or self.ocg}"

    def clean(self):
        errors = {}
        if bool(self.nominal_id) == bool(self.ocg_id):
            errors["nominal"] = "Link the entity to either a nominal or an OCG"
        _end_after_start(self, "started_on", "ended_on", "The end date must be after the start date", errors)
        if errors:
            raise ValidationError(errors)


class Association(models.Model):
    """A known link between two nominals, recorded by an agency from a source."""

    nominal_a = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="associations_as_a")
    nominal_b = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="associations_as_b")
    kind = models.CharField(max_length=20, choices=AssociationKind.choices)
    started_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    ended_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    source = models.CharField(
        max_length=200, blank=True, help_text="For example visits log, co-defendant on indictment."
    )
    owning_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="associations")
    category = models.CharField(
        max_length=30, choices=InformationCategory.choices, default=InformationCategory.LIFESTYLE
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(F("created_at").desc(), F("id").desc(), name="association_register_idx"),
            models.Index(fields=["owning_agency", "category"], name="association_owner_cat_idx"),
            models.Index(fields=["nominal_a", "kind"], name="association_a_idx"),
            models.Index(fields=["nominal_b", "kind"], name="association_b_idx"),
        ]
        constraints = [
            models.CheckConstraint(name="association_two_nominals", condition=~Q(nominal_a=F("nominal_b"))),
            models.CheckConstraint(
                name="association_ends_after_start",
                condition=Q(ended_on__isnull=True) | Q(started_on__isnull=True) | Q(ended_on__gte=F("started_on")),
            ),
        ]

    def __str__(self):
        return f"{self.nominal_a} – {self.get_kind_display().lower()} – {self.nominal_b}"

    def clean(self):
        errors = {}
        if self.nominal_a_id and self.nominal_a_id == self.nominal_b_id:
            errors["nominal_b"] = "Choose a different nominal: a nominal cannot be associated with themselves"
        _end_after_start(self, "started_on", "ended_on", "The end date must be after the start date", errors)
        if errors:
            raise ValidationError(errors)
