"""Agencies of the partnership and what each can bring to the table: its tools and powers and its
data holdings (the partnership toolkit)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from ocgshare import bounds
from ocgshare.constants import FourP, InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice


class AgencyKind(models.TextChoices):
    POLICE_FORCE = "police_force", "Police force"
    PRISON = "prison", "Prison establishment"
    PROBATION_REGION = "probation_region", "Probation region"
    REGIONAL_NATIONAL_UNIT = "regional_national_unit", "Regional or national unit"
    CSP_PARTNER = "csp_partner", "Statutory community safety partner"
    LOCAL_AUTHORITY_DEPARTMENT = "local_authority_department", "Local-authority department"
    NATIONAL_AGENCY = "national_agency", "National or regional agency"
    NON_STATUTORY = "non_statutory", "Non-statutory local agency"


class AgencyLevel(models.TextChoices):
    LOCAL = "local", "Local"
    REGIONAL = "regional", "Regional"
    NATIONAL = "national", "National"


class PrisonCategory(models.TextChoices):
    A = "A", "Category A"
    B = "B", "Category B"
    C = "C", "Category C"
    D = "D", "Category D (open)"
    YOI = "YOI", "Young offender institution"
    WOMENS = "womens", "Women's prison"


class PrisonOperator(models.TextChoices):
    PUBLIC = "public", "Public sector"
    CONTRACTED = "contracted", "Contracted"


class Region(models.TextChoices):
    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"
    WALES = "wales", "Wales"
    NATIONAL = "national", "England and Wales (national)"


class ThreatArea(models.Model):
    """One of the ten SOC threat areas, as a row so that toolkit entries (and later nominals and
    OCGs) can be tagged with several. Rows are created by a data migration."""

    code = models.CharField(max_length=40, unique=True, choices=ThreatAreaChoice.choices)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Agency(models.Model):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=40, blank=True, help_text="For example GMP, HMRC, DWP.")
    kind = models.CharField(max_length=40, choices=AgencyKind.choices)
    level = models.CharField(max_length=20, choices=AgencyLevel.choices)
    region = models.CharField(max_length=20, choices=Region.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text="The organisation this agency is part of, for example a council for its departments.",
    )
    prison_category = models.CharField(max_length=10, choices=PrisonCategory.choices, blank=True)
    prison_operator = models.CharField(max_length=20, choices=PrisonOperator.choices, blank=True)
    description = bounds.bounded_text(blank=True, max_length=bounds.DESCRIPTION_MAX_LENGTH)
    spoc = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="spoc_for",
        verbose_name="single point of contact",
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.CheckConstraint(
                name="agency_prison_fields_only_for_prisons",
                condition=Q(kind="prison", prison_category__gt="", prison_operator__gt="")
                | (~Q(kind="prison") & Q(prison_category="", prison_operator="")),
            ),
        ]
        indexes = [models.Index(fields=["kind", "level", "region"])]

    def __str__(self):
        return self.name

    def clean(self):
        errors = {}
        if self.kind == AgencyKind.PRISON:
            if not self.prison_category:
                errors["prison_category"] = "Select the prison's category"
            if not self.prison_operator:
                errors["prison_operator"] = "Select whether the prison is public or contracted"
        else:
            if self.prison_category:
                errors["prison_category"] = "Only a prison establishment has a prison category"
            if self.prison_operator:
                errors["prison_operator"] = "Only a prison establishment has an operator"
        if self.parent_id and self.pk and self.parent_id == self.pk:
            errors["parent"] = "An agency cannot be its own parent"
        if errors:
            raise ValidationError(errors)


def _name_taken_error(instance, noun):
    """The clear message for a second entry of the same name in one agency (case-insensitive), which
    forms, serializers and services all see through full_clean(); the unique constraint is the backstop."""
    if not instance.agency_id or not instance.name:
        return {}
    same_name = type(instance).objects.filter(agency_id=instance.agency_id, name__iexact=instance.name.strip())
    if instance.pk:
        same_name = same_name.exclude(pk=instance.pk)
    if same_name.exists():
        return {"name": f"This agency already has {noun} called “{instance.name.strip()}”. Use a different name."}
    return {}


class TimeToAct(models.TextChoices):
    HOURS = "hours", "Within 24 hours"
    DAYS = "days", "Within a week"
    WEEKS = "weeks", "Within a month"
    MONTHS = "months", "One to three months"
    LONGER = "longer", "More than three months"


class ToolOrPower(models.Model):
    """Something an agency can do against a target: its legal basis, what it achieves and what it
    needs to be used."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="tools_and_powers")
    name = models.CharField(max_length=200)
    legal_basis = models.CharField(max_length=300)
    achieves = bounds.bounded_text("what it achieves", max_length=bounds.DESCRIPTION_MAX_LENGTH)
    information_needed = bounds.bounded_text("information needed to use it", max_length=bounds.DESCRIPTION_MAX_LENGTH)
    thresholds = bounds.bounded_text(blank=True, max_length=bounds.DESCRIPTION_MAX_LENGTH)
    time_to_act = models.CharField("typical time to act", max_length=20, choices=TimeToAct.choices)
    four_p = models.CharField("4P area", max_length=20, choices=FourP.choices)
    threat_areas = models.ManyToManyField(ThreatArea, blank=True, related_name="tools_and_powers")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agency__name", "name"]
        verbose_name = "tool or power"
        verbose_name_plural = "tools and powers"
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="toolorpower_unique_name_per_agency"),
        ]

    def __str__(self):
        return f"{self.name} ({self.agency})"

    def clean(self):
        errors = _name_taken_error(self, "a tool or power")
        if errors:
            raise ValidationError(errors)


class DataHolding(models.Model):
    """Information an agency routinely holds that could help the partnership."""

    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="data_holdings")
    name = models.CharField(max_length=200)
    description = bounds.bounded_text(max_length=bounds.DESCRIPTION_MAX_LENGTH)
    category = models.CharField(max_length=30, choices=InformationCategory.choices)
    threat_areas = models.ManyToManyField(ThreatArea, blank=True, related_name="data_holdings")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["agency__name", "category", "name"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "name"], name="dataholding_unique_name_per_agency"),
        ]

    def __str__(self):
        return f"{self.name} ({self.agency})"

    def clean(self):
        errors = _name_taken_error(self, "a data holding")
        if errors:
            raise ValidationError(errors)
