"""Custody episodes and transfers between establishments, probation supervision and lifetime orders."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from agencies.models import AgencyKind
from ocgshare import bounds

from ..constants import CustodyCategory, OrderKind
from .common import NormalisedModel, _end_after_start, _identifier_errors, _not_in_future
from .nominals import Nominal


class CustodyEpisode(NormalisedModel):
    """A period in custody from reception at `establishment` to release; moves within it are Transfers."""

    identifier_fields = ("prison_number",)

    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="custody_episodes")
    establishment = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="custody_receptions",
        help_text="The prison the nominal was received into.",
    )
    prison_number = models.CharField(max_length=7, blank=True, help_text="For example A1234BC.")
    category = models.CharField(
        "security category", max_length=20, choices=CustodyCategory.choices, default=CustodyCategory.UNCATEGORISED
    )
    received_on = models.DateField(validators=[bounds.past_register_date])
    released_on = models.DateField(null=True, blank=True, validators=[bounds.past_register_date])
    expected_release_date = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    licence_end_date = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["nominal", "received_on"], name="custody_nominal_received_idx")]
        constraints = [
            models.CheckConstraint(
                name="custody_released_after_received",
                condition=Q(released_on__isnull=True) | Q(released_on__gte=F("received_on")),
            ),
        ]

    def __str__(self):
        return f"{self.nominal} at {self.establishment} from {self.received_on}"

    @property
    def in_custody(self):
        return self.released_on is None

    def clean(self):
        errors = _identifier_errors(self, self.identifier_fields)
        if self.establishment_id and self.establishment.kind != AgencyKind.PRISON:
            errors["establishment"] = "Choose a prison establishment"
        _not_in_future(self, "received_on", "The reception date must be today or in the past", errors)
        _not_in_future(self, "released_on", "The release date must be today or in the past", errors)
        _end_after_start(
            self, "received_on", "released_on", "The release date must be after the reception date", errors
        )
        _end_after_start(
            self,
            "received_on",
            "expected_release_date",
            "The expected release date must be after the reception date",
            errors,
        )
        _end_after_start(
            self, "received_on", "licence_end_date", "The licence end date must be after the reception date", errors
        )
        _end_after_start(
            self, "released_on", "licence_end_date", "The licence end date must be after the release date", errors
        )
        if self.nominal_id and self.received_on and "received_on" not in errors:
            birth = self.nominal.date_of_birth
            if birth and self.received_on < birth:
                errors["received_on"] = "The reception date must be after the nominal's date of birth"
        if errors:
            raise ValidationError(errors)


class Transfer(models.Model):
    """A move between establishments during a custody episode."""

    custody_episode = models.ForeignKey(CustodyEpisode, on_delete=models.CASCADE, related_name="transfers")
    from_establishment = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="transfers_out")
    to_establishment = models.ForeignKey("agencies.Agency", on_delete=models.PROTECT, related_name="transfers_in")
    transferred_on = models.DateField(validators=[bounds.past_register_date])
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-transferred_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="transfer_between_two_establishments", condition=~Q(from_establishment=F("to_establishment"))
            ),
        ]

    def __str__(self):
        return f"{self.from_establishment} to {self.to_establishment} on {self.transferred_on}"

    def clean(self):
        errors = {}
        if self.to_establishment_id and self.to_establishment.kind != AgencyKind.PRISON:
            errors["to_establishment"] = "Choose a prison establishment"
        if self.from_establishment_id and self.to_establishment_id == self.from_establishment_id:
            errors["to_establishment"] = "The nominal is already at this establishment"
        _not_in_future(self, "transferred_on", "The transfer date must be today or in the past", errors)
        if self.custody_episode_id and self.transferred_on and "transferred_on" not in errors:
            episode = self.custody_episode
            if self.transferred_on < episode.received_on:
                errors["transferred_on"] = "The transfer date must be on or after the reception date"
            elif episode.released_on and self.transferred_on > episode.released_on:
                errors["transferred_on"] = "The transfer date must be on or before the release date"
        if errors:
            raise ValidationError(errors)


class ProbationSupervision(models.Model):
    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="supervisions")
    region = models.ForeignKey(
        "agencies.Agency",
        on_delete=models.PROTECT,
        related_name="supervisions",
    )
    offender_manager = models.CharField(max_length=150, blank=True)
    starts_on = models.DateField(validators=[bounds.register_date])
    ends_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    licence_conditions = bounds.bounded_text(blank=True, max_length=bounds.NOTES_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="supervision_ends_after_start", condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on"))
            ),
        ]

    def __str__(self):
        return f"{self.nominal} supervised by {self.region} from {self.starts_on}"

    def clean(self):
        errors = {}
        if self.region_id and self.region.kind != AgencyKind.PROBATION_REGION:
            errors["region"] = "Choose a probation region"
        _end_after_start(self, "starts_on", "ends_on", "The end date must be after the start date", errors)
        if errors:
            raise ValidationError(errors)


class LifetimeOrder(NormalisedModel):
    """A lifetime-management order: serious crime prevention, financial reporting or travel restriction."""

    nominal = models.ForeignKey(Nominal, on_delete=models.CASCADE, related_name="orders")
    kind = models.CharField(max_length=30, choices=OrderKind.choices)
    strip_fields = ("conditions",)

    conditions = bounds.bounded_text(
        max_length=bounds.NOTES_MAX_LENGTH, error_messages={"blank": "Enter the conditions of the order"}
    )
    made_on = models.DateField(validators=[bounds.past_register_date])
    expires_on = models.DateField(null=True, blank=True, validators=[bounds.register_date])
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-made_on", "-id"]
        constraints = [
            models.CheckConstraint(
                name="order_expires_after_made",
                condition=Q(expires_on__isnull=True) | Q(expires_on__gt=F("made_on")),
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} made {self.made_on}"

    def clean(self):
        errors = {}
        _not_in_future(self, "made_on", "The date the order was made must be today or in the past", errors)
        if self.made_on and self.expires_on and self.expires_on <= self.made_on:
            errors["expires_on"] = "The expiry date must be after the date the order was made"
        if errors:
            raise ValidationError(errors)
