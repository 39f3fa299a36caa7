"""`field__in_ids=[...]`: membership in a list of integer ids, sent to PostgreSQL as ONE array parameter
(`field = ANY(%s)`) instead of one parameter per id. The access engine's conditions carry lists of a
few hundred agency ids; as `__in`, each id is prepared by Django, quoted by psycopg and planned as a
separate value on every query of every request. Elsewhere (SQLite) it is a plain IN list.

Registered on integer and foreign-key fields by ocgshare.apps. Only integers are accepted.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignKey, IntegerField, Lookup


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


def register():
    IntegerField.register_lookup(InIds)
    ForeignKey.register_lookup(InIds)
