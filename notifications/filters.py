"""The inbox's filters (ocgshare.filters): one strict FilterSet for the page and the API.

The API takes `unread` and `event_type`, and answers an invalid value with a 400 (FilterSetBackend), in
the words its serializer used to. The page (`InboxFilterSet(params, page=True)`) shows `show` (all or
unread), `event_type` and `sort`, and ignores every filter while any value is invalid, so an old or
tampered link still shows the inbox; its form marks the invalid value.
"""

import django_filters
from django import forms
from rest_framework import serializers

from ocgshare.filters import documented
from ocgshare.forms import GovUKFormMixin

from .models import EventType, Notification
from .selectors import filter_inbox

SHOW_ALL = "all"
SHOW_UNREAD = "unread"
NEWEST = "newest"
OLDEST = "oldest"


class QueryBooleanField(forms.Field):
    """A yes/no query parameter read as DRF reads one ("true", "yes", "1", "on", …), with its error."""

    default_error_messages = {"invalid": "Must be a valid boolean."}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if value in serializers.BooleanField.TRUE_VALUES:
            return True
        if value in serializers.BooleanField.FALSE_VALUES:
            return False
        raise forms.ValidationError(self.error_messages["invalid"], code="invalid")


class QueryBooleanFilter(django_filters.Filter):
    field_class = QueryBooleanField


def _page_filters():
    """The page's filters, in the order of its form."""
    return {
        "show": django_filters.ChoiceFilter(
            label="Show",
            choices=[(SHOW_ALL, "All notifications"), (SHOW_UNREAD, "Unread only")],
            empty_label=None,
            widget=forms.RadioSelect,
        ),
        "event_type": django_filters.ChoiceFilter(
            label="Type", choices=[("", "All types"), *EventType.choices], empty_label=None
        ),
        "sort": django_filters.ChoiceFilter(
            label="Sort by", choices=[(NEWEST, "Newest first"), (OLDEST, "Oldest first")], empty_label=None
        ),
    }


class InboxFilterSet(django_filters.FilterSet):
    unread = documented(
        QueryBooleanFilter(),
        {
            "type": "boolean",
            "default": False,
            "description": "Only notifications still wanting attention: unread, and not asking for an action "
            "already done.",
        },
    )
    event_type = documented(
        django_filters.ChoiceFilter(
            choices=EventType.choices, error_messages={"invalid_choice": '"%(value)s" is not a valid choice.'}
        ),
        {"type": "string", "enum": EventType.values, "minLength": 1, "description": "Only this type."},
    )

    class Meta:
        model = Notification
        fields = []
        form = type("InboxFilterForm", (GovUKFormMixin, forms.Form), {})

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None, page=False):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.page = page
        if page:
            self.filters = _page_filters()
            for name, filter_ in self.filters.items():
                filter_.field_name = name
                filter_.parent = self

    def selector_filters(self):
        """Keyword arguments for `selectors.filter_inbox`; on the page, an invalid filter ignores them all."""
        data = self.form.cleaned_data if self.is_bound and self.is_valid() else {}
        if self.page:
            return {
                "unread": data.get("show") == SHOW_UNREAD,
                "event_type": data.get("event_type") or None,
                "oldest_first": data.get("sort") == OLDEST,
            }
        return {"unread": bool(data.get("unread")), "event_type": data.get("event_type") or None}

    @property
    def is_filtered(self):
        filters = self.selector_filters()
        return bool(filters["unread"] or filters["event_type"])

    def filter_queryset(self, queryset):
        return filter_inbox(queryset, **self.selector_filters())
