"""Forms linking register items: associations and entity links."""

from django import forms

from ocgshare import bounds
from ocgshare.forms import GovUKFormMixin

from ..constants import AssociationKind, EntityKind
from .common import RegisterNumberField, _date_field


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
