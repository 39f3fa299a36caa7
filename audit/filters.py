"""The access log's filters (ocgshare.filters): one FilterSet for the page and the API. Its values go to
audit.selectors.access_log_list as AccessLogFilters, since the view (`view`) decides which entries the
other filters narrow."""

import django_filters
from django import forms

from accounts.models import User
from agencies.models import Agency
from ocgshare.filters import IdFilter, ListFilterSet, documented
from ocgshare.forms import GovUKDateField
from ocgshare.models import AccessAction, AccessLogEntry
from ocgshare.params import parse_id

from .selectors import AccessLogFilters, LogView

INTEGER, STRING = {"type": "integer"}, {"type": "string"}
OBJECT_TYPES = [("nominal", "Nominal"), ("ocg", "OCG"), ("entity", "Entity"), ("association", "Association")]


class AnyChoiceField(forms.ChoiceField):
    """A select on the page whose value may be any text (a type the select does not offer matches no entry)."""

    def validate(self, value):
        forms.Field.validate(self, value)


class ItemNumberField(forms.IntegerField):
    """An item number: a positive id (ocgshare.params.parse_id); a number that is not one is not applied."""

    def clean(self, value):
        number = super().clean(value)
        if number is None or parse_id(value if isinstance(value, str) else number) is None:
            return None
        return number


class IsoDateField(GovUKDateField):
    """A date: YYYY-MM-DD from the API and from links, or the page's day, month and year boxes."""


class _Filter(django_filters.Filter):
    """A filter the FilterSet does not apply itself: its value goes to AccessLogFilters."""


def _filter(field_class, schema, **kwargs):
    return documented(type(field_class.__name__ + "Filter", (_Filter,), {"field_class": field_class})(**kwargs), schema)


class AccessLogFilterForm(ListFilterSet.Meta.form):
    """The filters that only make sense together: an item number needs its type, and a date range its
    dates in order. The values in error are not applied (ListFilterSet), and the page says why."""

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("object_id") and not cleaned.get("object_type"):
            self.add_error("object_id", "Choose the item type to find an item by its number")
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", "The ‘to’ date must be the same as or after the ‘from’ date")
        return cleaned


class AccessLogFilterSet(ListFilterSet):
    """The access log's filters. The view (our users' reads or reads of our records) is a parameter of
    its own on the page (its tabs), so not in the page's form."""

    user = documented(IdFilter(label="User"), {**INTEGER, "description": "Entries of this user."})
    agency = documented(
        IdFilter(label="Records of"),
        {
            **INTEGER,
            "description": "our_users: entries showing records owned by this agency. our_records: entries by "
            "users of this agency.",
        },
    )
    object_type = _filter(
        AnyChoiceField,
        {**STRING, "description": "nominal, ocg, entity or association."},
        label="Item type",
        choices=[("", "Any"), *OBJECT_TYPES],
    )
    object_id = _filter(
        ItemNumberField,
        {**INTEGER, "description": "With object_type: views of the item and lists showing it."},
        label="Item number",
        min_value=1,
        help_text="With an item type: views of the item and the lists and searches that showed it.",
    )
    action = documented(
        django_filters.ChoiceFilter(
            label="Action", choices=[("", "Any action"), *AccessAction.choices], empty_label=None
        ),
        {**STRING, "enum": AccessAction.values},
    )
    date_from = _filter(
        IsoDateField, {**STRING, "description": "YYYY-MM-DD, inclusive."}, label="From", name="The from date"
    )
    date_to = _filter(
        IsoDateField,
        {**STRING, "description": "YYYY-MM-DD, inclusive; not before date_from."},
        label="To",
        name="The to date",
    )
    view = documented(
        django_filters.ChoiceFilter(label="View", choices=LogView.choices),
        {
            **STRING,
            "enum": LogView.values,
            "default": LogView.OUR_USERS,
            "description": "our_users: what your agency's users did. our_records: who, in any agency, read or "
            "changed your agency's records, on which basis; a list's results and result_count are only your "
            "agency's records.",
        },
    )
    api_only = ("view",)

    class Meta(ListFilterSet.Meta):
        model = AccessLogEntry
        fields = []
        form = AccessLogFilterForm

    def access_log_filters(self):
        """The valid values given, as audit.selectors.access_log_list takes them."""
        applied = self.applied
        return AccessLogFilters(
            **{name: value for name, value in applied.items() if name != "view"},
            view=applied.get("view") or LogView.OUR_USERS,
        )

    def filter_queryset(self, queryset):
        # access_log_list applies the filters (access_log_filters), the view choosing the entries first.
        return queryset

    @property
    def form(self):
        if not hasattr(self, "_form"):
            form = super().form
            # Before the form is validated or rendered: its bound fields keep the label and help text
            # they start with, and the error class follows the width.
            agency = form.fields["agency"]
            if self._our_records():
                agency.label = "Reader's agency"
            else:
                agency.help_text = "Entries that showed records this agency owns."
            form.fields["object_id"].widget.attrs["class"] += " govuk-input--width-10"
        return self._form

    def _our_records(self):
        return (self.data or {}).get("view") == LogView.OUR_RECORDS

    def page_choices(self, form):
        agencies = [(str(pk), name) for pk, name in Agency.objects.order_by("name").values_list("pk", "name")]
        form.fields["agency"].choices = [("", "Any agency"), *agencies]
        users_of, anyone = self.user.agency_id, "Anyone in your agency"
        if self._our_records():
            # Readers from any agency: the users of the agency chosen (a list of everyone would be too long).
            chosen = (self.data.get("agency") or "").strip()
            users_of = int(chosen) if chosen in dict(agencies) else None
            anyone = "Anyone in that agency" if users_of else "Anyone (choose an agency to list its users)"
        users = User.objects.filter(agency=users_of).order_by("full_name", "pk").values_list("pk", "full_name", "email")
        form.fields["user"].choices = [
            ("", anyone),
            *((str(pk), f"{name} ({email})") for pk, name, email in (users if users_of else ())),
        ]
