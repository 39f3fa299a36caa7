"""Forms of custody episodes, releases, transfers, supervision and orders."""

from django import forms

from agencies.models import Agency, AgencyKind
from ocgshare import bounds
from ocgshare.forms import GovUKFormMixin

from ..constants import CustodyCategory, OrderKind
from .common import _date_field, _prisons


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
