"""Nominals: people of interest, their aliases and other identifiers."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F
from django.utils import timezone

from ocgshare import bounds
from ocgshare.constants import InformationCategory

from ..constants import EARLIEST_DATE_OF_BIRTH_YEAR, Gender, RiskLevel
from .common import NormalisedModel, _identifier_errors


class Nominal(NormalisedModel):
    """A person of interest, owned by the agency that recorded them."""

    strip_fields = ("surname", "forenames", "nationality")
    identifier_fields = ("pnc_id", "prison_number", "crn")

    owning_agency = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="nominals")
    category = models.CharField(
        max_length=30,
        choices=InformationCategory.choices,
        default=InformationCategory.BACKGROUND,
        help_text="The category of information this record is; a partner sees it only under a protocol covering it.",
    )
    surname = models.CharField(max_length=100, error_messages={"blank": "Enter the surname"})
    forenames = models.CharField(max_length=150, blank=True)
    date_of_birth = models.DateField(null=True, blank=True)
    gender = models.CharField(max_length=10, choices=Gender.choices, default=Gender.UNKNOWN)
    nationality = models.CharField(max_length=100, blank=True)
    pnc_id = models.CharField("PNC ID", max_length=12, blank=True, help_text="For example 01/123456X.")
    prison_number = models.CharField(max_length=7, blank=True, help_text="For example A1234BC.")
    crn = models.CharField("probation case reference (CRN)", max_length=7, blank=True, help_text="For example A123456.")
    risk_level = models.CharField(max_length=10, choices=RiskLevel.choices, default=RiskLevel.MEDIUM)
    threat_areas = models.ManyToManyField("agencies.ThreatArea", blank=True, related_name="nominals")
    # Kept by nominals.services from custody episodes and transfers, for list filters and hotspot counts.
    current_establishment = models.ForeignKey(
        "agencies.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominals_in_custody",
        editable=False,
    )
    handling_notes = bounds.bounded_text(
        blank=True,
        max_length=bounds.NOTES_MAX_LENGTH,
        help_text="Seen only by the owning agency's intelligence staff (tier 0).",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            # The register's ordering: the first page of any filtered list walks this index.
            models.Index(F("created_at").desc(), F("id").desc(), name="nominal_register_idx"),
            models.Index(fields=["owning_agency", "category"], name="nominal_owner_category_idx"),
            models.Index(fields=["surname", "forenames"], name="nominal_surname_idx"),
            models.Index(fields=["date_of_birth"], name="nominal_dob_idx"),
            models.Index(fields=["pnc_id"], name="nominal_pnc_idx"),
            models.Index(fields=["prison_number"], name="nominal_prison_number_idx"),
            models.Index(fields=["crn"], name="nominal_crn_idx"),
            models.Index(fields=["current_establishment"], name="nominal_establishment_idx"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        return f"{self.surname.upper()}, {self.forenames}" if self.forenames else self.surname.upper()

    def clean(self):
        errors = _identifier_errors(self, self.identifier_fields)
        if self.date_of_birth:
            if self.date_of_birth > timezone.localdate():
                errors["date_of_birth"] = "The date of birth must be in the past"
            elif self.date_of_birth.year < EARLIEST_DATE_OF_BIRTH_YEAR:
                errors["date_of_birth"] = f"The date of birth must be after {EARLIEST_DATE_OF_BIRTH_YEAR}"
        if errors:
            raise ValidationError(errors)


class NominalAlias(NormalisedModel):
    strip_fields = ("surname", "forenames")

    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="aliases")
    surname = models.CharField(max_length=100, error_messages={"blank": "Enter the alias surname"})
    forenames = models.CharField(max_length=150, blank=True)

    class Meta:
        ordering = ["surname", "forenames", "id"]
        verbose_name_plural = "nominal aliases"
        indexes = [models.Index(fields=["surname", "forenames"], name="alias_surname_idx")]

    def __str__(self):
        return f"{self.surname.upper()}, {self.forenames}" if self.forenames else self.surname.upper()


class OtherIdentifier(NormalisedModel):
    """Any other reference a nominal is known by (Home Office reference, NI number, driving licence...)."""

    strip_fields = ("kind",)
    identifier_fields = ("value",)

    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="other_identifiers")
    kind = models.CharField(
        max_length=60,
        help_text="What the identifier is, for example National Insurance number.",
        error_messages={"blank": "Enter what kind of identifier this is"},
    )
    value = models.CharField(max_length=60, error_messages={"blank": "Enter the identifier"})

    class Meta:
        ordering = ["kind", "value"]
        indexes = [models.Index(fields=["value"], name="otheridentifier_value_idx")]
        constraints = [
            models.UniqueConstraint(fields=["nominal", "kind", "value"], name="otheridentifier_unique"),
        ]

    def __str__(self):
        return f"{self.kind}: {self.value}"
