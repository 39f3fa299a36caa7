"""The API's cursor pagination: a cursor that does not decode to a position of the list's ordering field
is refused with DRF's own 404 "Invalid cursor".

DRF checks that a cursor decodes, but not that its position is a value of the ordering field: a tampered
cursor (`p=abc`) reached the database as `created_at < 'abc'` and failed with a 500.
"""

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections
from rest_framework import pagination
from rest_framework.exceptions import NotFound


class CursorPagination(pagination.CursorPagination):
    def paginate_queryset(self, queryset, request, view=None):
        self._model, self._db = queryset.model, queryset.db
        return super().paginate_queryset(queryset, request, view)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        if cursor is not None and cursor.position is not None:
            field_name = self.ordering[0].lstrip("-")
            try:
                field = self._model._meta.get_field(field_name)
            except FieldDoesNotExist:
                return cursor  # an annotation: nothing to check it against
            try:
                field.get_db_prep_value(field.to_python(cursor.position), connection=connections[self._db])
            except (ValidationError, ValueError, TypeError, OverflowError) as exc:
                raise NotFound(self.invalid_cursor_message) from exc
        return cursor
