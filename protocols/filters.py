"""The register of agreements' filters (ocgshare.filters): one FilterSet for the page and the API."""

import django_filters

from agencies.models import Agency
from ocgshare.filters import IdFilter, ListFilterSet, documented

from .constants import ProtocolStatus
from .models import Protocol
from .selectors import ReviewDue, filter_protocols


class ProtocolFilterSet(ListFilterSet):
    status = documented(
        django_filters.ChoiceFilter(
            label="Status", choices=[("", "Any status"), *ProtocolStatus.choices], empty_label=None
        ),
        {"type": "string", "enum": ProtocolStatus.values, "description": "Only protocols with this status."},
    )
    agency = documented(
        IdFilter(label="Party agency"),
        {"type": "integer", "description": "Only protocols this agency is party to."},
    )
    review_due = documented(
        django_filters.ChoiceFilter(label="Review", choices=[("", "Any"), *ReviewDue.choices], empty_label=None),
        {
            "type": "string",
            "enum": [value for value, _ in ReviewDue.choices],
            "description": "Active or suspended protocols whose review is overdue, or due within 30 days.",
        },
    )

    class Meta(ListFilterSet.Meta):
        model = Protocol
        fields = []

    def filter_queryset(self, queryset):
        return filter_protocols(queryset, self.applied)

    def page_choices(self, form):
        # Only agencies party to some protocol, read once (a queryset field would be read again on rendering).
        parties = Agency.objects.filter(protocol_parties__isnull=False).distinct().order_by("name")
        form.fields["agency"].choices = [("", "Any agency"), *parties.values_list("pk", "name")]
