"""Forms of the register pages. They parse input into the keyword arguments of nominals.services; the
rules (identifier formats, plausible dates, who may write, likely duplicates) live in the models' clean()
and the services, whose ValidationError the views put back on the form with `add_service_errors`, so the
pages and the API give the same answers."""

import datetime

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils import timezone

import access
from accounts.models import User
from agencies.models import Agency, AgencyKind
from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.forms import GovUKFormMixin
from ocgshare.models import AccessAction
from protocols.constants import PARTY_TIER_CHOICES

from . import selectors
from .constants import (
    RISK_CRITERIA,
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
from .models import OCG, Nominal

DATE_WIDGET = forms.DateInput(attrs={"type": "date"})


def _date_field(label, *, required=False, help_text=""):
    return forms.DateField(label=label, required=required, widget=DATE_WIDGET, help_text=help_text)


def add_service_errors(form, exc, field_map=None):
    """Show a service's ValidationError on the form: each message under its field when the form has
    it, otherwise at the top (the error summary lists both)."""
    field_map = field_map or {}
    errors = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD_ERRORS: exc.messages}
    for name, messages in errors.items():
        target = field_map.get(name, name)
        for message in messages:
            form.add_error(target if target in form.fields else None, message)


def _prisons():
    return Agency.objects.filter(kind=AgencyKind.PRISON).order_by("name")


# --- filters (GET) -------------------------------------------------------------------------------------


def _source_agency_choices(user, model, selected):
    """Only the agencies some of whose items of `model` the user may see: at national scale every
    agency would be a thousand options, most of which could never match. The `selected` agency of a
    shared or old link stays offered, so the form shows it chosen rather than an error (it matches
    nothing the engine hides)."""
    ids = access.source_agency_ids(user, model)
    selected = selected.strip() if isinstance(selected, str) else ""
    if selected.isascii() and selected.isdigit() and len(selected) < 10:  # an id within any integer column
        ids = ids | {int(selected)}
    agencies = Agency.objects.filter(pk__in_ids=ids).order_by("name").values_list("pk", "name") if ids else []
    return [("", "Any agency"), *((str(pk), name) for pk, name in agencies)]


class NominalFilterForm(GovUKFormMixin, forms.Form):
    """The nominal list's filters, for display only: nominals.selectors.nominal_filters_from parses the
    same parameters and ignores invalid values, so a shared link always shows a list."""

    agency = forms.ChoiceField(label="Owning agency", required=False)
    establishment = forms.ChoiceField(
        label="Establishment",
        required=False,
        help_text="Where held now. Matches only nominals you see at tier 1 (law enforcement) or better.",
    )
    threat_area = forms.ChoiceField(
        label="Threat area", required=False, choices=[("", "Any threat area"), *ThreatAreaChoice.choices]
    )
    risk = forms.ChoiceField(label="Risk level", required=False, choices=[("", "Any risk level"), *RiskLevel.choices])
    # A text box, not a select: a national user may see around a thousand OCGs. The parser cuts a longer
    # value to the length of a reference, so the form does not validate it (no error for a long link).
    ocg_reference = forms.CharField(
        label="OCG reference",
        required=False,
        widget=forms.TextInput(attrs={"maxlength": selectors.MAX_OCG_REFERENCE_LENGTH}),
        help_text="Your agency's OCG reference or the OCG Mapping reference, for example NP-OCG-0012.",
    )
    custody = forms.ChoiceField(
        label="Custody status",
        required=False,
        choices=[("", "Any"), *selectors.CustodyStatus.choices],
        help_text="Matches only nominals you see at tier 1 (law enforcement) or better.",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _source_agency_choices(user, Nominal, self.data.get("agency"))
        self.fields["establishment"].choices = [
            ("", "Any establishment"),
            *((str(pk), name) for pk, name in selectors.establishment_choices()),
        ]


class OCGFilterForm(GovUKFormMixin, forms.Form):
    status = forms.ChoiceField(label="Status", required=False, choices=[("", "Any status"), *OCGStatus.choices])
    threat_area = forms.ChoiceField(
        label="Threat area", required=False, choices=[("", "Any threat area"), *ThreatAreaChoice.choices]
    )
    agency = forms.ChoiceField(label="Lead agency", required=False)
    band = forms.ChoiceField(label="OCG Mapping band", required=False, choices=[("", "Any band"), *OCGBand.choices])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].choices = _source_agency_choices(user, OCG, self.data.get("agency"))


class SearchForm(GovUKFormMixin, forms.Form):
    q = forms.CharField(
        label="Name, alias, identifier or date of birth",
        max_length=selectors.MAX_SEARCH_LENGTH,
        required=False,
        help_text="For example: Smith John, A1234BC, 01/123456X, X123456 or 17/05/1990. Misspelt names are found too.",
    )


class AccessLogFilterForm(GovUKFormMixin, forms.Form):
    """Filters of the access log page; ocgshare.audit.access_log_filters_from parses the same parameters.
    The view (ours users' reads or reads of our records) is a separate parameter, kept by the page."""

    user = forms.ChoiceField(label="User", required=False)
    agency = forms.ChoiceField(label="Records of", required=False)
    object_type = forms.ChoiceField(
        label="Item type",
        required=False,
        choices=[
            ("", "Any"),
            ("nominal", "Nominal"),
            ("ocg", "OCG"),
            ("entity", "Entity"),
            ("association", "Association"),
        ],
    )
    object_id = forms.IntegerField(
        label="Item number",
        required=False,
        min_value=1,
        help_text="With an item type: views of the item and the lists and searches that showed it.",
    )
    action = forms.ChoiceField(label="Action", required=False, choices=[("", "Any action"), *AccessAction.choices])
    date_from = _date_field("From")
    date_to = _date_field("To")

    def __init__(self, *args, agency, our_records=False, **kwargs):
        super().__init__(*args, **kwargs)
        agencies = [(str(pk), name) for pk, name in Agency.objects.order_by("name").values_list("pk", "name")]
        users_of, anyone = agency, "Anyone in your agency"
        if our_records:
            # Readers from any agency: the users of the agency chosen (a list of everyone would be too long).
            self.fields["agency"].label = "Reader's agency"
            self.fields["agency"].choices = [("", "Any agency"), *agencies]
            chosen = (self.data.get("agency") or "").strip()
            users_of = int(chosen) if chosen in dict(agencies) else None
            anyone = "Anyone in that agency" if users_of else "Anyone (choose an agency to list its users)"
        else:
            self.fields["agency"].choices = [("", "Any agency"), *agencies]
            self.fields["agency"].help_text = "Entries that showed records this agency owns."
        users = User.objects.filter(agency=users_of).order_by("full_name", "pk").values_list("pk", "full_name", "email")
        self.fields["user"].choices = [
            ("", anyone),
            *((str(pk), f"{name} ({email})") for pk, name, email in (users if users_of else ())),
        ]
        self.fields["object_id"].widget.attrs["class"] += " govuk-input--width-10"


# --- nominals ----------------------------------------------------------------------------------------------


def _lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class NominalForm(GovUKFormMixin, forms.Form):
    surname = forms.CharField(label="Surname", max_length=100, required=False)
    forenames = forms.CharField(label="Forenames", max_length=150, required=False)
    aliases = forms.CharField(
        label="Aliases (optional)",
        required=False,
        max_length=bounds.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, surname first: Smith, John",
    )
    date_of_birth = _date_field("Date of birth (optional)")
    gender = forms.ChoiceField(label="Gender", choices=Gender.choices, initial=Gender.UNKNOWN)
    nationality = forms.CharField(label="Nationality (optional)", max_length=100, required=False)
    pnc_id = forms.CharField(
        label="PNC ID (optional)", max_length=20, required=False, help_text="For example 01/123456X."
    )
    prison_number = forms.CharField(
        label="Prison number (optional)", max_length=20, required=False, help_text="For example A1234BC."
    )
    crn = forms.CharField(
        label="Probation case reference (CRN) (optional)",
        max_length=20,
        required=False,
        help_text="For example X123456.",
    )
    other_identifiers = forms.CharField(
        label="Other identifiers (optional)",
        required=False,
        max_length=bounds.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, what it is then the value: National Insurance number: QQ123456C",
    )
    risk_level = forms.ChoiceField(
        label="Risk level", choices=RiskLevel.choices, initial=RiskLevel.MEDIUM, widget=forms.RadioSelect
    )
    threat_areas = forms.MultipleChoiceField(
        label="Threat areas (optional)",
        required=False,
        choices=ThreatAreaChoice.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    category = forms.ChoiceField(
        label="Category of information",
        choices=InformationCategory.choices,
        initial=InformationCategory.BACKGROUND,
        help_text="A partner sees the record only under a protocol covering this category.",
    )
    handling_notes = forms.CharField(
        label="Handling notes (optional)",
        required=False,
        max_length=bounds.NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Tier 0: seen only by your agency's intelligence staff, never shared.",
    )

    # Risk level radios are drawn by the template with each level's criteria as its hint.
    risk_criteria = {level.value: RISK_CRITERIA[level] for level in RiskLevel}

    @classmethod
    def initial_for(cls, nominal):
        return {
            **{name: getattr(nominal, name) for name in cls.base_fields if hasattr(nominal, name)},
            "aliases": "\n".join(
                f"{alias.surname}, {alias.forenames}" if alias.forenames else alias.surname
                for alias in nominal.aliases.all()
            ),
            "other_identifiers": "\n".join(f"{i.kind}: {i.value}" for i in nominal.other_identifiers.all()),
            "threat_areas": [area.code for area in nominal.threat_areas.all()],
        }

    def clean_aliases(self):
        aliases = []
        for line in _lines(self.cleaned_data.get("aliases")):
            surname, _, forenames = line.partition(",")
            aliases.append({"surname": surname.strip(), "forenames": forenames.strip()})
        return aliases

    def clean_other_identifiers(self):
        identifiers = []
        for number, line in enumerate(_lines(self.cleaned_data.get("other_identifiers")), start=1):
            kind, separator, value = line.rpartition(":")
            if not separator or not kind.strip() or not value.strip():
                raise forms.ValidationError(
                    f"Identifier {number}: write what it is, a colon, then the value, like Passport number: 123456789"
                )
            identifiers.append({"kind": kind.strip(), "value": value.strip()})
        return identifiers


class OCGForm(GovUKFormMixin, forms.Form):
    reference = forms.CharField(label="Reference", max_length=40, required=False, help_text="For example NP-OCG-0012.")
    name = forms.CharField(label="Name", max_length=200, required=False)
    ocg_mapping_reference = forms.CharField(label="OCG Mapping reference (optional)", max_length=40, required=False)
    band = forms.ChoiceField(
        label="OCG Mapping band (optional)", required=False, choices=[("", "Not banded"), *OCGBand.choices]
    )
    status = forms.ChoiceField(
        label="Status", choices=OCGStatus.choices, initial=OCGStatus.ACTIVE, widget=forms.RadioSelect
    )
    threat_areas = forms.MultipleChoiceField(
        label="Threat areas (optional)",
        required=False,
        choices=ThreatAreaChoice.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    category = forms.ChoiceField(
        label="Category of information", choices=InformationCategory.choices, initial=InformationCategory.BACKGROUND
    )
    handling_notes = forms.CharField(
        label="Handling notes (optional)",
        required=False,
        max_length=bounds.NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Tier 0: seen only by your agency's intelligence staff, never shared.",
    )

    @classmethod
    def initial_for(cls, ocg):
        return {
            **{name: getattr(ocg, name) for name in cls.base_fields if hasattr(ocg, name)},
            "threat_areas": [area.code for area in ocg.threat_areas.all()],
        }


# --- custody, supervision, orders ------------------------------------------------------------------------


class CustodyEpisodeForm(GovUKFormMixin, forms.Form):
    establishment = forms.ModelChoiceField(label="Establishment received into", queryset=Agency.objects.none())
    prison_number = forms.CharField(
        label="Prison number (optional)", max_length=20, required=False, help_text="For example A1234BC."
    )
    category = forms.ChoiceField(
        label="Security category", choices=CustodyCategory.choices, initial=CustodyCategory.UNCATEGORISED
    )
    received_on = _date_field("Date received", required=True)
    expected_release_date = _date_field("Expected release date (optional)")
    released_on = _date_field("Date released (optional)", help_text="Leave blank while the nominal is in custody.")
    licence_end_date = _date_field("Licence end date (optional)")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["establishment"].queryset = _prisons()


class ReleaseForm(GovUKFormMixin, forms.Form):
    released_on = _date_field("Date released", required=True)
    licence_end_date = _date_field("Licence end date (optional)")


class TransferForm(GovUKFormMixin, forms.Form):
    to_establishment = forms.ModelChoiceField(label="Transferred to", queryset=Agency.objects.none())
    transferred_on = _date_field("Date of transfer", required=True)
    reason = forms.CharField(label="Reason (optional)", max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_establishment"].queryset = _prisons()


class SupervisionForm(GovUKFormMixin, forms.Form):
    region = forms.ModelChoiceField(label="Probation region", queryset=Agency.objects.none())
    offender_manager = forms.CharField(label="Offender manager (optional)", max_length=150, required=False)
    starts_on = _date_field("Start date", required=True)
    ends_on = _date_field("End date (optional)")
    licence_conditions = forms.CharField(
        label="Licence conditions (optional)",
        required=False,
        max_length=bounds.NOTES_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Agency.objects.filter(kind=AgencyKind.PROBATION_REGION).order_by("name")


class OrderForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(label="Order", choices=OrderKind.choices, widget=forms.RadioSelect)
    conditions = forms.CharField(
        label="Conditions", required=False, max_length=bounds.NOTES_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    made_on = _date_field("Date made", required=True)
    expires_on = _date_field("Expiry date (optional)")


# --- links between register items -------------------------------------------------------------------------


class RegisterNumberField(forms.IntegerField):
    """Another register item by its number (shown on its page). Whether it exists and may be seen is for
    the service to say, with a message that reveals neither."""

    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("error_messages", {"invalid": "Enter the register number, like 1234"})
        super().__init__(**kwargs)
        self.widget.attrs["class"] = "govuk-input govuk-input--width-10"


class AssociationForm(GovUKFormMixin, forms.Form):
    other = RegisterNumberField(
        label="Register number of the other nominal", help_text="It is shown at the top of their page."
    )
    kind = forms.ChoiceField(label="Kind of association", choices=AssociationKind.choices, widget=forms.RadioSelect)
    started_on = _date_field("From (optional)")
    ended_on = _date_field("Until (optional)")
    source = forms.CharField(
        label="Source (optional)", max_length=200, required=False, help_text="For example visits log, indictment."
    )


class MembershipForm(GovUKFormMixin, forms.Form):
    nominal = RegisterNumberField(
        label="Register number of the nominal", help_text="It is shown at the top of their page."
    )
    role = forms.ChoiceField(label="Role in the group", choices=MembershipRole.choices, widget=forms.RadioSelect)
    started_on = _date_field("Member since (optional)")
    ended_on = _date_field("Member until (optional)")


class MembershipEndForm(GovUKFormMixin, forms.Form):
    ended_on = _date_field("Date they left", required=True)


class EntityLinkForm(GovUKFormMixin, forms.Form):
    kind = forms.ChoiceField(label="What is it?", choices=EntityKind.choices, widget=forms.RadioSelect)
    value = forms.CharField(
        label="Value",
        max_length=300,
        required=False,
        help_text="Address: postcode then first line. Vehicle: registration mark. Phone: number. Business: name. "
        "Bank account: sort code and account number.",
    )
    detail = forms.CharField(
        label="Detail (optional)",
        required=False,
        max_length=bounds.DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    relationship = forms.CharField(
        label="Relationship", max_length=100, required=False, help_text="For example home address, registered keeper."
    )
    started_on = _date_field("From (optional)")
    ended_on = _date_field("Until (optional)")
    source = forms.CharField(label="Source (optional)", max_length=200, required=False)

    ENTITY_FIELDS = ("kind", "value", "detail")


# --- need-to-know grants --------------------------------------------------------------------------------------


class GrantForm(GovUKFormMixin, forms.Form):
    """A need-to-know grant to one person (by e-mail address) or to every user of an agency."""

    HOLDER_CHOICES = [("user", "One person"), ("agency", "Everyone in an agency")]

    holder = forms.ChoiceField(label="Who needs to know?", choices=HOLDER_CHOICES, widget=forms.RadioSelect)
    email = forms.EmailField(label="Their e-mail address", required=False, help_text="Only if you chose one person.")
    agency = forms.ModelChoiceField(
        label="Agency", required=False, queryset=Agency.objects.none(), help_text="Only if you chose an agency."
    )
    tier = forms.TypedChoiceField(
        label="What may they see?",
        coerce=int,
        choices=PARTY_TIER_CHOICES,
        widget=forms.RadioSelect,
        help_text="Tier 1 only for police forces, prisons, probation regions and regional or national units.",
    )
    reason = forms.CharField(
        label="Why do they need to know?",
        required=False,
        max_length=bounds.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    expires_on = _date_field("Access ends at the end of", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agency"].queryset = Agency.objects.order_by("name")

    def clean(self):
        data = super().clean()
        holder = data.get("holder")
        if holder == "user":
            email = data.get("email")
            if not email:
                self.add_error("email", "Enter the e-mail address of the person who needs to know")
            else:
                data["user"] = User.objects.select_related("agency").filter(email__iexact=email, is_active=True).first()
                if data["user"] is None:
                    self.add_error("email", "Enter the e-mail address of an active user of OCG Share")
        elif holder == "agency" and not data.get("agency"):
            self.add_error("agency", "Choose the agency")
        return data

    @staticmethod
    def service_kwargs(data):
        """grant_create's keyword arguments from the form's cleaned data."""
        expires_on = data["expires_on"]
        # The grant runs to the end of the chosen day, in the service's time zone.
        expires_at = timezone.make_aware(datetime.datetime.combine(expires_on, datetime.time(23, 59, 59)))
        return {
            "user": data.get("user") if data["holder"] == "user" else None,
            "agency": data.get("agency") if data["holder"] == "agency" else None,
            "tier": data["tier"],
            "reason": data["reason"],
            "expires_at": expires_at,
        }
