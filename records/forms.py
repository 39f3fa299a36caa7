"""The need-to-know grant form, for an item of any record kind that takes grants."""

import datetime

from django import forms
from django.utils import timezone

from accounts.models import User
from agencies.models import Agency
from ocgshare import bounds
from ocgshare.forms import GovUKDateField, GovUKFormMixin
from protocols.constants import PARTY_TIER_CHOICES


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
    expires_on = GovUKDateField(label="Access ends at the end of", required=True, name="The date access ends")

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


class AskOwnerForm(GovUKFormMixin, forms.Form):
    """Ask the owning agency's single point of contact for more on a record."""

    message = forms.CharField(
        label="What do you need, and why?",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Say what you would use it for. Do not include information the owner should not receive.",
        error_messages={"required": "Say what you need and why"},
    )
