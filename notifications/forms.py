"""Forms of the notification pages: the delivery preferences (the inbox filters are notifications.filters)."""

from django import forms

from ocgshare.forms import GovUKFormMixin

from .models import Delivery, EventType


class PreferencesForm(GovUKFormMixin, forms.Form):
    """One set of radios per event type, named by the event type's code."""

    def __init__(self, *args, current, **kwargs):
        super().__init__(*args, **kwargs)
        for event_type in EventType:
            self.fields[event_type.value] = forms.ChoiceField(
                label=event_type.label,
                choices=Delivery.choices,
                initial=current[event_type.value],
                widget=forms.RadioSelect,
                error_messages=dict.fromkeys(
                    ["required", "invalid_choice"], f"Select how you want to get ‘{event_type.label}’ notifications"
                ),
            )
