"""The one way a list is filtered: a django-filter FilterSet per list, in its app's `filters.py`, used by
the list page (its form is the page's filter form) and by the API (through FilterSetBackend, which also
documents it in the OpenAPI schema).

Two kinds of list:

- Strict (django-filter's own behaviour): an invalid value is an error, a 400 on the API.
- Lenient (`ListFilterSet`): an invalid value is ignored, on the page as in the API, so a shared or old
  link still shows a list; the page's form still marks the value as an error. The register's lists
  are lenient.

A lenient FilterSet narrows the queryset it is given and never replaces it: its selector passes it the
access engine's queryset (`filterset.filter_queryset(queryset)`), so it only ever filters what the
engine returned. `audit_params()` is what it applied, for the access log's query string.
"""

import django_filters
from django import forms
from django_filters.rest_framework import DjangoFilterBackend

from .forms import GovUKFormMixin
from .params import parse_id


def documented(filter_, schema):
    """`filter_` documented in the OpenAPI schema as `schema` (a dict: type, enum, description),
    rather than as drf-spectacular would guess it from the form field."""
    filter_._spectacular_annotation = {"field": schema}
    return filter_


class IdChoiceField(forms.ChoiceField):
    """An id chosen from a select on the page, read as any id by the filter: an id not among the
    choices (a link from elsewhere) still filters, and matches what it matches. A value that is not an
    id (ocgshare.params.parse_id) is an error, ignored by a lenient FilterSet."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = parse_id(value)
        if number is None:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return number

    def validate(self, value):
        forms.Field.validate(self, value)


class IdFilter(django_filters.Filter):
    """Filters by one id (`field_name` is the id column, e.g. owning_agency_id); on the page a select."""

    field_class = IdChoiceField


class CappedCharField(forms.CharField):
    """Text cut to `cap` characters rather than refused: a long value in a link is no error."""

    def __init__(self, *, cap, **kwargs):
        self.cap = cap
        super().__init__(**kwargs)

    def to_python(self, value):
        return super().to_python(value)[: self.cap]


class CappedCharFilter(django_filters.CharFilter):
    field_class = CappedCharField


class ListFilterSet(django_filters.FilterSet):
    """A lenient FilterSet (see the module docstring), for a user: `ListFilterSet(params, user=user)`,
    or from the API backend with the request.

    `api_only`: names of filters that links and the API use but the page's form does not show."""

    api_only = ()

    def __init__(self, data=None, queryset=None, *, request=None, user=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        self.user = user if user is not None else getattr(request, "user", None)

    def is_valid(self):
        """Always valid: the values that are not valid are left out of `cleaned_data`, so not applied."""
        self.form.is_valid()
        return True

    @property
    def applied(self):
        """The filters applied: name -> cleaned value, for the valid values given."""
        if not self.is_bound:
            return {}
        self.form.is_valid()
        return {name: value for name, value in self.form.cleaned_data.items() if value is not None and value != ""}

    @property
    def is_filtered(self):
        return bool(self.applied)

    def filter_queryset(self, queryset):
        """`queryset` narrowed by the valid values given; a subclass may hand `self.applied` to its
        selector instead."""
        applied = self.applied
        for name, filter_ in self.filters.items():
            if name in applied:
                queryset = filter_.filter(queryset, applied[name])
        return queryset

    def audit_params(self):
        """The filters applied, for audit.services.query_string: every filter, None when not applied."""
        applied = self.applied
        return {name: applied.get(name) for name in self.filters}

    def page_form(self):
        """The page's filter form: this FilterSet's bound form without the `api_only` filters, with the
        choices only the page needs (which cost queries) filled in by `page_choices`."""
        form = self.form
        form.is_valid()
        for name in self.api_only:
            form.fields.pop(name, None)
        self.page_choices(form)
        return form

    def page_choices(self, form):
        """Fill in choices that need queries (the API never pays for them)."""

    class Meta:
        form = type("ListFilterForm", (GovUKFormMixin, forms.Form), {})


class FilterSetBackend(DjangoFilterBackend):
    """DjangoFilterBackend for a viewset's `list` only (its other actions that return many rows, such
    as a search, take their own parameters), which keeps the FilterSet on the view as `view.filterset`,
    for the access log's query string (audit.mixins)."""

    def get_filterset_class(self, view, queryset=None):
        if getattr(view, "action", "list") != "list":
            return None
        return super().get_filterset_class(view, queryset)

    def get_filterset(self, request, queryset, view):
        filterset = super().get_filterset(request, queryset, view)
        view.filterset = filterset
        return filterset
