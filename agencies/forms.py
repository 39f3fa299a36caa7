"""Forms of the directory and the toolkit: the edit forms agency administrators use (the lists'
filters are agencies.filters). Edit forms are ModelForms on an instance that already carries its agency,
so the model's own validation (including the duplicate-name rule) reports every problem at once;
the services validate again with the same rules for every other caller."""

from django import forms

from ocgshare.constants import FourP, InformationCategory
from ocgshare.forms import GovUKFormMixin

from .models import Agency, DataHolding, ThreatArea, TimeToAct, ToolOrPower

THREAT_AREA_FIELD_HELP = "Select every threat area it helps against, or none if it is general."


class ToolOrPowerForm(GovUKFormMixin, forms.ModelForm):
    time_to_act = forms.ChoiceField(
        label="Typical time to act",
        choices=TimeToAct.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the typical time to act"},
    )
    four_p = forms.ChoiceField(
        label="4P area",
        choices=FourP.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the 4P area"},
    )
    threat_areas = forms.ModelMultipleChoiceField(
        label="Threat areas",
        queryset=ThreatArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=THREAT_AREA_FIELD_HELP,
    )

    class Meta:
        model = ToolOrPower
        fields = [
            "name",
            "legal_basis",
            "achieves",
            "information_needed",
            "thresholds",
            "time_to_act",
            "four_p",
            "threat_areas",
        ]
        labels = {
            "name": "Name of the tool or power",
            "achieves": "What it achieves",
            "information_needed": "Information needed to use it",
        }
        help_texts = {
            "legal_basis": "The Act and section, or other authority, for example Housing Act 1985 s84.",
            "thresholds": "Any threshold or test that must be met before it can be used.",
        }
        error_messages = {
            "name": {"required": "Enter the name of the tool or power"},
            "legal_basis": {"required": "Enter the legal basis"},
            "achieves": {"required": "Enter what it achieves"},
            "information_needed": {"required": "Enter the information needed to use it"},
        }
        widgets = {
            "achieves": forms.Textarea(attrs={"rows": 3}),
            "information_needed": forms.Textarea(attrs={"rows": 3}),
            "thresholds": forms.Textarea(attrs={"rows": 3}),
        }


class DataHoldingForm(GovUKFormMixin, forms.ModelForm):
    category = forms.ChoiceField(
        label="Information category",
        choices=InformationCategory.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the information category"},
    )
    threat_areas = forms.ModelMultipleChoiceField(
        label="Threat areas",
        queryset=ThreatArea.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=THREAT_AREA_FIELD_HELP,
    )

    class Meta:
        model = DataHolding
        fields = ["name", "description", "category", "threat_areas"]
        labels = {"name": "Name of the data holding", "description": "What information it routinely holds"}
        error_messages = {
            "name": {"required": "Enter the name of the data holding"},
            "description": {"required": "Enter what information it routinely holds"},
        }
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}


class AgencyContactForm(GovUKFormMixin, forms.ModelForm):
    spoc = forms.ModelChoiceField(
        label="Single point of contact",
        queryset=None,
        required=False,
        empty_label="No single point of contact",
        help_text="Someone in your agency who partners can contact.",
    )

    class Meta:
        model = Agency
        fields = ["description", "contact_email", "contact_phone", "spoc"]
        labels = {"contact_email": "Contact e-mail address", "contact_phone": "Contact telephone number"}
        help_texts = {"description": "What the agency does, in a sentence or two."}
        error_messages = {
            "contact_email": {"invalid": "Enter an e-mail address in the correct format, like name@example.gov.uk"}
        }
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "contact_phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the agency's own active people can be its SPOC (the service checks the same).
        self.fields["spoc"].queryset = self.instance.users.filter(is_active=True).order_by("full_name", "email")
        self.fields["spoc"].error_messages["invalid_choice"] = (
            f"Select someone who works for {self.instance.name} and whose account is active"
        )
