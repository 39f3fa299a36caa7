"""Forms of the notification pages: the inbox filters and the delivery preferences."""

from django import forms

from ocgshare.forms import GovUKFormMixin

from .models import Delivery, EventType


class InboxFilterForm(GovUKFormMixin, forms.Form):
    SHOW_ALL = "all"
    SHOW_UNREAD = "unread"
    NEWEST = "newest"
    OLDEST = "oldest"

    show = forms.ChoiceField(
        label="Show",
        choices=[(SHOW_ALL, "All notifications"), (SHOW_UNREAD, "Unread only")],
        required=False,
        widget=forms.RadioSelect,
    )
    event_type = forms.ChoiceField(label="Type", choices=[("", "All types"), *EventType.choices], required=False)
    sort = forms.ChoiceField(
        label="Sort by", choices=[(NEWEST, "Newest first"), (OLDEST, "Oldest first")], required=False
    )

    def selector_filters(self):
        """Keyword arguments for `selectors.inbox_list`; an invalid filter is ignored, not an error."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "unread": data.get("show") == self.SHOW_UNREAD,
            "event_type": data.get("event_type") or None,
            "oldest_first": data.get("sort") == self.OLDEST,
        }


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
