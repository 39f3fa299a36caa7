"""Forms of OCGs: the create and edit form, and memberships."""

from django import forms

from ocgshare import bounds
from ocgshare.constants import InformationCategory
from ocgshare.constants import ThreatArea as ThreatAreaChoice
from ocgshare.forms import GovUKFormMixin

from ..constants import MembershipRole, OCGBand, OCGStatus
from .common import RegisterNumberField, _date_field


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
    # Chosen by the person recording, as on the nominal form: it decides which partners see the group.
    category = forms.ChoiceField(
        label="Category of information",
        choices=InformationCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select a category of information"},
        help_text="A partner sees the record only under a protocol covering this category.",
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


class MembershipForm(GovUKFormMixin, forms.Form):
    nominal = RegisterNumberField(
        label="Register number of the nominal", help_text="It is shown at the top of their page."
    )
    role = forms.ChoiceField(label="Role in the group", choices=MembershipRole.choices, widget=forms.RadioSelect)
    started_on = _date_field("Member since (optional)")
    ended_on = _date_field("Member until (optional)")


class MembershipEndForm(GovUKFormMixin, forms.Form):
    ended_on = _date_field("Date they left", required=True)
