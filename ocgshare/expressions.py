"""`JSONRows(queryset)`: the rows of a correlated subquery as one JSON array, in a column of the outer
query. A list of 25 or 50 items then carries each item's small relations (aliases, OCG links…) in the
same query instead of one prefetch query per relation: each prefetch costs the page a round trip, a
query built by Django and a model instance per related row, which at the register's target of 50 ms
per list was most of what the relations cost (benchmarks/README.md).

`queryset` selects one JSON object per row: `.values(item=JSONObject(...))`. PostgreSQL and SQLite
aggregate them in the order of the queryset; no rows, or a queryset that can match nothing, give [].
"""

from django.db.models import JSONField, Subquery


class JSONRows(Subquery):
    template = "(SELECT COALESCE(JSONB_AGG(_rows.item), '[]'::jsonb) FROM (%(subquery)s) _rows)"
    output_field = JSONField()
    # A queryset that can match nothing (`.none()`, an access-engine filter for a user who sees none of a
    # model) is not compiled at all: Django selects this instead, read as JSON like the rest.
    empty_result_set_value = "[]"

    def as_sqlite(self, compiler, connection, **extra_context):
        # SQLite's JSON_OBJECT gives text: JSON() keeps each object an object rather than a string.
        template = "(SELECT JSON_GROUP_ARRAY(JSON(_rows.item)) FROM (%(subquery)s) _rows)"
        return self.as_sql(compiler, connection, template=template, **extra_context)
