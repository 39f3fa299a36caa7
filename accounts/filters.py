"""The user list's filters (ocgshare.filters): one FilterSet for the page and the API."""

import django_filters
from django import forms

from agencies.models import Agency
from ocgshare.filters import ListFilterSet, documented

from .models import Role, User
from .selectors import SORTS, filter_users

STATUSES = [("active", "Active"), ("disabled", "Disabled")]
VETTINGS = [
    ("expiring", "Expires within 30 days"),
    ("expired", "Expired"),
    ("current", "Valid for more than 30 days"),
]


class UserFilterSet(ListFilterSet):
    """Lenient, as the list always was: an unknown value is ignored (and marked on the page's form).
    The sort is one of its parameters too, a hidden field on the page, so a filtered list keeps its order."""

    q = documented(
        # max_length refuses (so ignores) a longer text rather than cutting it, as the list always did.
        django_filters.CharFilter(label="Name or e-mail address", max_length=200),
        {"type": "string", "description": "Name or e-mail address contains."},
    )
    role = documented(
        django_filters.ChoiceFilter(label="Role", choices=[("", "Any role"), *Role.choices], empty_label=None),
        {"type": "string", "enum": Role.values},
    )
    status = documented(
        django_filters.ChoiceFilter(label="Account", choices=[("", "Active or disabled"), *STATUSES], empty_label=None),
        {"type": "string", "enum": [value for value, _ in STATUSES]},
    )
    vetting = documented(
        django_filters.ChoiceFilter(label="Vetting", choices=[("", "Any"), *VETTINGS], empty_label=None),
        {"type": "string", "enum": [value for value, _ in VETTINGS]},
    )
    sort = documented(
        django_filters.ChoiceFilter(choices=[(key, key) for key in SORTS], empty_label=None, widget=forms.HiddenInput),
        {"type": "string", "enum": list(SORTS)},
    )
    # Superusers only (removed in __init__ for anyone else). An id of no agency is an invalid value,
    # so ignored, as any other.
    agency = documented(
        django_filters.ModelChoiceFilter(
            label="Agency", queryset=Agency.objects.order_by("name"), empty_label="Any agency"
        ),
        {"type": "integer", "description": "Agency id (superusers only)."},
    )

    class Meta(ListFilterSet.Meta):
        model = User
        fields = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.user is None or not self.user.is_superuser:
            self.filters.pop("agency")

    def filter_queryset(self, queryset):
        return filter_users(queryset, actor=self.user, filters=self.applied)
