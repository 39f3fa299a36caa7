"""Integer lookups the project adds to Django's.

`field__in_ids=[...]`: membership in a list of integer ids, sent to PostgreSQL as ONE array parameter
(`field = ANY(%s)`) instead of one parameter per id. The access engine's conditions carry lists of a
few hundred agency ids; as `__in`, each id is prepared by Django, quoted by psycopg and planned as a
separate value on every query of every request. Elsewhere (SQLite) it is a plain IN list.

Registered on integer and foreign-key fields by ocgshare.apps. Only integers are accepted.

`in` and `exact` that tolerate ids too large for the column: Django (5.0+) answers "no rows" for an
out-of-range `pk=` but not for `pk__in=[...]` nor for a foreign key (`agency=`, `agency__in=`), where
SQLite fails ("Python int too large to convert to SQLite INTEGER", a 500). Every form's
ModelMultipleChoiceField and every filter of an id list reaches these, so they are fixed here once: a
value out of the column's range matches nothing, as it would in PostgreSQL.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignKey, IntegerField, Lookup
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In


class InIds(Lookup):
    lookup_name = "in_ids"
    prepare_rhs = False

    def get_prep_lookup(self):
        return sorted({int(value) for value in self.rhs})

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        ids = self.rhs
        if not ids:
            raise EmptyResultSet
        if connection.vendor == "postgresql":
            return f"{lhs} = ANY(%s)", [*lhs_params, ids]
        return f"{lhs} IN ({', '.join(['%s'] * len(ids))})", [*lhs_params, *ids]


def _integer_range(lookup, connection):
    """(min, max) of the integer column `lookup` compares, or None for a non-integer one."""
    field = lookup.lhs.output_field
    field = getattr(field, "target_field", field)  # a foreign key compares its target's values
    if not isinstance(field, IntegerField):
        return None
    return connection.ops.integer_field_range(field.get_internal_type())


def _fits(value, bounds):
    low, high = bounds
    return not isinstance(value, int) or ((low is None or value >= low) and (high is None or value <= high))


class _InRange:
    def process_rhs(self, compiler, connection):
        bounds = _integer_range(self, connection) if self.rhs_is_direct_value() else None
        if bounds is not None:
            self.rhs = [value for value in self.rhs if _fits(value, bounds)]
        return super().process_rhs(compiler, connection)


class IntegerIn(_InRange, In):
    pass


class RelatedIntegerIn(_InRange, RelatedIn):
    pass


class RelatedIntegerExact(RelatedExact):
    def process_rhs(self, compiler, connection):
        bounds = _integer_range(self, connection) if self.rhs_is_direct_value() else None
        if bounds is not None and not _fits(self.rhs, bounds):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def register():
    IntegerField.register_lookup(InIds)
    ForeignKey.register_lookup(InIds)
    IntegerField.register_lookup(IntegerIn)
    ForeignKey.register_lookup(RelatedIntegerIn)
    ForeignKey.register_lookup(RelatedIntegerExact)
