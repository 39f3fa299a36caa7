"""Forms of the protocol pages. They parse input into Python values; the rules (dates, tiers a
party can hold, categories, who may sign) live in the models and services, whose ValidationError
the views put back on the form with `ocgshare.service_errors.add_service_errors`."""

from django import forms

from accounts.models import Role, User
from agencies.models import Agency
from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.forms import GovUKDateField, GovUKFormMixin

from .constants import PARTY_TIER_CHOICES, LegalBasis
from .models import ProtocolTemplate


class ProtocolCreateForm(GovUKFormMixin, forms.Form):
    template = forms.ModelChoiceField(
        label="Start from",
        queryset=ProtocolTemplate.objects.order_by("-is_current", "-published_on"),
        empty_label=None,
        help_text="Every section is copied from the template; you can adapt it before sending it for signature.",
    )
    reference = forms.CharField(label="Reference", max_length=40, help_text="For example NW-ISP-2025-01.")
    title = forms.CharField(label="Title", max_length=200)
    start_date = GovUKDateField(label="Start date")
    end_date = GovUKDateField(label="End date")
    review_date = GovUKDateField(
        label="Review date",
        required=False,
        help_text="Leave blank to use the template's review interval from the start date.",
    )


class ProtocolSectionsForm(GovUKFormMixin, forms.Form):
    reference = forms.CharField(label="Reference", max_length=40)
    title = forms.CharField(label="Title", max_length=200)
    start_date = GovUKDateField(label="Start date")
    end_date = GovUKDateField(label="End date")
    review_date = GovUKDateField(label="Review date")
    purposes = forms.CharField(
        label="Purposes",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=bounds.SECTION_MAX_LENGTH,
    )
    legal_bases = forms.MultipleChoiceField(
        label="Legal bases", required=False, choices=LegalBasis.choices, widget=forms.CheckboxSelectMultiple
    )
    legal_basis_other = forms.CharField(
        label="Other legal basis",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only when 'Other' is selected.",
        max_length=bounds.SECTION_MAX_LENGTH,
    )
    data_categories = forms.MultipleChoiceField(
        label="Categories of information",
        required=False,
        choices=InformationCategory.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    security_requirements = forms.CharField(
        label="Security requirements",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=bounds.SECTION_MAX_LENGTH,
    )
    retention_and_disposal = forms.CharField(
        label="Retention and disposal",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=bounds.SECTION_MAX_LENGTH,
    )
    breach_contacts = forms.CharField(
        label="Breach reporting and contacts",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=bounds.SECTION_MAX_LENGTH,
    )
    individuals_rights = forms.CharField(
        label="Handling of individuals' rights",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=bounds.SECTION_MAX_LENGTH,
    )
    review_interval_months = forms.IntegerField(label="Review interval (months)", min_value=1, max_value=60)

    @classmethod
    def initial_for(cls, protocol):
        return {name: getattr(protocol, name) for name in cls.base_fields}


class PartyForm(GovUKFormMixin, forms.Form):
    """Adding a party (agency, tier, categories) or changing one (tier, categories, signatory). The
    signatory is chosen once the agency is known, from that agency's administrators."""

    agency = forms.ModelChoiceField(label="Agency", queryset=Agency.objects.none())
    max_tier = forms.TypedChoiceField(
        label="Highest tier it may receive",
        coerce=int,
        choices=PARTY_TIER_CHOICES,
        widget=forms.RadioSelect,
        help_text="Tier 1 (law enforcement) only for police forces, prisons, probation regions and regional or "
        "national units. Tier 0 never leaves the agency that owns it.",
    )
    categories = forms.MultipleChoiceField(
        label="Categories it may receive", required=False, widget=forms.CheckboxSelectMultiple
    )
    signatory = forms.ModelChoiceField(
        label="Signatory",
        required=False,
        queryset=User.objects.none(),
        empty_label="Not chosen yet",
        help_text="An agency administrator who signs for the agency.",
    )

    def __init__(self, *args, protocol, party=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = [
            (value, label) for value, label in InformationCategory.choices if value in protocol.data_categories
        ]
        if party is None:
            self.fields["agency"].queryset = Agency.objects.exclude(protocol_parties__protocol=protocol).order_by(
                "name"
            )
            del self.fields["signatory"]
        else:
            del self.fields["agency"]
            self.fields["signatory"].queryset = User.objects.filter(
                agency=party.agency, is_active=True, user_roles__role=Role.AGENCY_ADMIN
            ).order_by("full_name")


class SuspendForm(GovUKFormMixin, forms.Form):
    reason = forms.CharField(
        label="Why are you suspending it?",
        max_length=bounds.REASON_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
        help_text="Every party is told. For example: a suspected breach is being investigated.",
    )


class RenewForm(GovUKFormMixin, forms.Form):
    end_date = GovUKDateField(label="New end date")
    review_date = GovUKDateField(
        label="Next review date",
        required=False,
        help_text="Leave blank to use the review interval from today.",
    )


class ReviewForm(GovUKFormMixin, forms.Form):
    next_review_date = GovUKDateField(label="Next review date")
