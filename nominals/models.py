"""The nominal and OCG register: people of interest with their identifiers, custody, supervision and
orders; organised crime groups and their members; entities (addresses, vehicles, phones, businesses,
bank accounts) linked to either; associations between nominals; and the django-guardian need-to-know
grant tables. Which of it a user may see is decided only by ocgshare.access."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from agencies.models import AgencyKind
from ocgshare import bounds
from ocgshare.constants import InformationCategory
from protocols.constants import PARTY_TIER_CHOICES

from .constants import (
    CRN_MESSAGE,
    CRN_RE,
    EARLIEST_DATE_OF_BIRTH_YEAR,
    PNC_ID_MESSAGE,
    PNC_ID_RE,
    PRISON_NUMBER_MESSAGE,
    PRISON_NUMBER_RE,
    AssociationKind,
    CustodyCategory,
    EntityKind,
    Gender,
    MembershipRole,
    OCGBand,
    OCGStatus,
    OrderKind,
    RiskLevel,
)
from .normalise import normalise_entity_value, normalise_identifier

# --- shared checks ------------------------------------------------------------------------------


class NormalisedModel(models.Model):
    """Normalises text before Django validates the fields, so "x 123456" is checked (and its length
    counted) as "X123456", and forms, serializers and services all store the same normal form."""

    strip_fields = ()
    identifier_fields = ()

    class Meta:
        abstract = True

    def normalise(self):
        for name in self.strip_fields:
            setattr(self, name, (getattr(self, name) or "").strip())
        for name in self.identifier_fields:
            setattr(self, name, normalise_identifier(getattr(self, name)))

    def clean_fields(self, exclude=None):
        self.normalise()
        super().clean_fields(exclude=exclude)


def _identifier_errors(instance, fields):
    """Check the format of the PNC ID, prison number and CRN fields named (already normalised)."""
    formats = {
        "pnc_id": (PNC_ID_RE, PNC_ID_MESSAGE),
        "prison_number": (PRISON_NUMBER_RE, PRISON_NUMBER_MESSAGE),
        "crn": (CRN_RE, CRN_MESSAGE),
    }
    errors = {}
    for name in fields:
        value = getattr(instance, name)
        pattern, message = formats[name]
        if value and not pattern.match(value):
            errors[name] = message
    return errors


def _end_after_start(instance, start, end, message, errors):
    start_value, end_value = getattr(instance, start), getattr(instance, end)
    if start_value and end_value and end_value < start_value and end not in errors:
        errors[end] = message


def _not_in_future(instance, name, message, errors):
    value = getattr(instance, name)
    if value and value > timezone.localdate() and name not in errors:
        errors[name] = message


# --- nominals -------------------------------------------------------------------------------------


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


# --- OCGs -----------------------------------------------------------------------------------------


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


# --- entities and associations ----------------------------------------------------------------------


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


# --- need-to-know grants (django-guardian direct foreign-key tables) ------------------------------


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
